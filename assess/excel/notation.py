"""How evidence, figures and dates are written in cells, and read back on import.

The 佐证材料 cell lists one evidence record per line as ``E1 标题（文号，日期）``; a line without
an ID is a new record. Figures (indicators such as 高新技术企业数) follow the 现状 text as
lines ``〔指标〕名称：数值``. Both formats are readable on paper and parse back exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assess.dates import parse_date_text
from assess.models import Evidence

FIGURE_PREFIX = "〔指标〕"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ID_LINE = re.compile(r"^\s*(E[0-9]+)(?:\s+(.*))?$", re.DOTALL)
_OPENING, _CLOSING, _SEPARATORS = "（(", "）)", "，,；;"


def evidence_line(evidence: Evidence) -> str:
    """``E1 标题（文号，2025-02-10）``; the parenthesis is left out when there is nothing in it."""
    extra = [p for p in (evidence.ref, evidence.date.isoformat() if evidence.date else "") if p]
    detail = f"（{'，'.join(extra)}）" if extra else ""
    return f"{evidence.id} {evidence.title}{detail}"


@dataclass(frozen=True)
class EvidenceLine:
    """One parsed line: an existing record's ID, or a new record's fields."""

    id: str | None
    title: str
    ref: str = ""
    date: dt.date | None = None


def parse_evidence_line(line: str) -> EvidenceLine:
    """Split a 佐证材料 line; for a line without an ID, read 标题（文号，日期） into fields.

    Half-width ``( ) ,`` and ``；;`` are accepted as the full-width ones, since people type them.
    """
    match = _ID_LINE.match(line)
    if match:
        return EvidenceLine(match.group(1), (match.group(2) or "").strip())
    text = line.strip()
    start = _opening_of_last_group(text)
    if start is not None:
        title, inner = text[:start].strip(), text[start + 1 : -1].strip()
        ref, date = inner, parse_date_text(inner)
        if date is not None:
            ref = ""
        else:
            head, sep, last = _last_separator(inner)
            date = parse_date_text(last) if sep else None
            if date is not None:
                ref = head.strip()
        if title:
            return EvidenceLine(None, title, ref, date)
    return EvidenceLine(None, text)


def _opening_of_last_group(text: str) -> int | None:
    """Index of the bracket that opens the text's final （…） or (…), nesting allowed."""
    if not text or text[-1] not in _CLOSING:
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index] in _CLOSING:
            depth += 1
        elif text[index] in _OPENING:
            depth -= 1
            if depth == 0:
                return index
    return None


def _last_separator(text: str) -> tuple[str, str, str]:
    """``rpartition`` on the last of ， , ； ;."""
    index = max(text.rfind(sep) for sep in _SEPARATORS)
    if index < 0:
        return text, "", ""
    return text[:index], text[index], text[index + 1 :]


def current_with_figures(current: str, figures: dict[str, str]) -> str:
    """The 现状 cell: the text, then one ``〔指标〕名称：数值`` line per figure."""
    lines = [f"{FIGURE_PREFIX}{name}：{value}" for name, value in figures.items()]
    if current:
        lines.insert(0, current)
    return "\n".join(lines)


def split_figures(cell: str) -> tuple[str, dict[str, str]]:
    """Inverse of ``current_with_figures``."""
    kept: list[str] = []
    figures: dict[str, str] = {}
    for line in cell.split("\n"):
        if line.startswith(FIGURE_PREFIX) and "：" in line:
            name, _, value = line[len(FIGURE_PREFIX) :].partition("：")
            figures[name] = value
        else:
            kept.append(line)
    return "\n".join(kept), figures


def numbered_lines(values: list[str]) -> str:
    """One line per action, numbered ①② when there are several so the columns line up."""
    if len(values) == 1:
        return values[0]
    marks = [CIRCLED[i] if i < len(CIRCLED) else f"({i + 1})" for i in range(len(values))]
    return "\n".join(f"{m} {v}" if v else m for m, v in zip(marks, values, strict=True))


def split_numbered(cell: str) -> list[str]:
    """Inverse of ``numbered_lines`` for a cell with one line per action."""
    out = []
    for line in cell.split("\n"):
        match = _MARK.match(line)
        out.append(line[match.end() :] if match else line)
    return out


_MARK = re.compile(r"^(?:[①-⑳]|\([0-9]+\))\s?")
