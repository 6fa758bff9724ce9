"""The 责任部门 cell: an item's 牵头部门 and 配合部门 in one cell a person can read and retype.

「经发局」 or 「经发局；配合：科创局、商务局」. The office may reassign an item in its full
workbook; a department's workbook shows the cell but may not change it.
"""

from __future__ import annotations

from assess.models import Responsibility
from assess.texts import Texts
from assess.texts import departments as dept_texts

ZH = Texts()
SEPARATORS = "、，,；;/／ "


def responsible_cell(owners: Responsibility | None) -> str:
    if owners is None:
        return ""
    if not owners.partners:
        return owners.lead
    return f"{owners.lead}；{ZH(dept_texts.PARTNER_MARK)}{'、'.join(owners.partners)}"


def parse_responsible(text: str) -> tuple[str, list[str]]:
    """(lead, partners) as typed; an empty cell is ("", [])."""
    head, _, tail = text.replace(":", "：").partition(ZH(dept_texts.PARTNER_MARK).rstrip("："))
    lead = head.strip().strip("；;，,").strip()
    partners = _names(tail.lstrip("："))
    return lead, partners


def _names(text: str) -> list[str]:
    for sep in SEPARATORS:
        text = text.replace(sep, "\n")
    return [n for n in (part.strip() for part in text.split("\n")) if n]
