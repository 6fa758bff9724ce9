"""The 责任部门 cell: an item's 牵头部门 and 配合部门 in one cell a person can read and retype.

“经发局” or “经发局；配合：科创局、商务局”. The office may reassign an item in its full
workbook; a department's workbook shows the cell but may not change it.
"""

from __future__ import annotations

from assess.lang import Lang
from assess.models import Responsibility
from assess.texts import Texts
from assess.texts import departments as dept_texts

ZH = Texts()
SEPARATORS = "、，,；;/／ "


def responsible_cell(owners: Responsibility | None, t: Texts = ZH) -> str:
    """The cell in the workbook's language (department names are as the office typed them)."""
    if owners is None:
        return ""
    if not owners.partners:
        return owners.lead
    return f"{owners.lead}；{t(dept_texts.PARTNER_MARK)}{'、'.join(owners.partners)}"


def parse_responsible(text: str) -> tuple[str, list[str]]:
    """(lead, partners) as typed, the partner mark in either language; empty is ("", [])."""
    text = text.replace(":", "：")
    for mark in (Texts(lang)(dept_texts.PARTNER_MARK).rstrip("：: ") for lang in Lang):
        head, found, tail = text.partition(mark)
        if found:
            break
    lead = head.strip().strip("；;，,").strip()
    partners = _names(tail.lstrip("："))
    return lead, partners


def _names(text: str) -> list[str]:
    for sep in SEPARATORS:
        text = text.replace(sep, "\n")
    return [n for n in (part.strip() for part in text.split("\n")) if n]
