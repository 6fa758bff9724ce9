"""How evidence, figures and dates are written in cells, and read back on import.

The 佐证材料 cell lists one evidence record per line as ``E1 标题（文号，日期）``; a line without
an ID is a new record. The 相关指标 cell lists the item's indicators one per line as
``名称：数值 单位`` (the English name in an English workbook). Both formats are readable on
paper and parse back exactly. Workbooks of earlier versions wrote figures into 现状 as
``〔指标〕名称：数值`` lines; :func:`split_figures` still reads those.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assess.checklist import Indicator, Item
from assess.dates import parse_date_text
from assess.models import Evidence
from assess.texts import Texts

FIGURE_PREFIX = "〔指标〕"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ID_LINE = re.compile(r"^\s*(E[0-9]+)(?:\s+(.*))?$", re.DOTALL)
_OPENING, _CLOSING, _SEPARATORS = "（(", "）)", "，,；;"
_FIGURE_LINE = re.compile(r"^\s*(.+?)\s*[：:]\s*(.*?)\s*$")


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


def figure_lines(item: Item, figures: dict[str, str], t: Texts, blank: str = "") -> str:
    """The 相关指标 cell: each of the item's indicators (blank ones too, to be filled in, or
    reading ``blank`` on paper), then any other recorded figure, as ``名称：数值 单位``."""
    known = {ind.name: ind for ind in item.indicators}
    names = [*known, *(name for name in figures if name not in known)]
    lines = []
    for name in names:
        indicator = known.get(name, Indicator(name=name))
        value = figures.get(name, "")
        if value and indicator.unit and not value.endswith(indicator.unit):
            value = f"{value} {indicator.unit}"
        value = value or blank
        lines.append(f"{t.pick(indicator.name, indicator.name_en)}{t.colon}{value}".rstrip())
    return "\n".join(lines)


def parse_figure_lines(item: Item, cell: str) -> dict[str, str]:
    """Inverse of ``figure_lines``: name (Chinese, as recorded) → value without the unit.

    A name is matched in either language (an unknown name is kept as written); a line without
    a value, or not of the form ``名称：数值``, is skipped, since an empty cell never overwrites.
    """
    by_name = {n.casefold(): ind for ind in item.indicators for n in (ind.name, ind.name_en) if n}
    out: dict[str, str] = {}
    for line in cell.split("\n"):
        match = _FIGURE_LINE.match(line)
        if match is None or not match.group(2):
            continue
        name, value = match.groups()
        indicator = by_name.get(name.casefold())
        if indicator is not None:
            name, value = indicator.name, strip_unit(value, indicator.unit)
        out[name] = value
    return out


def strip_unit(value: str, unit: str) -> str:
    """``1.2 亿美元`` → ``1.2`` for the unit 亿美元; other values unchanged."""
    if unit and value.endswith(unit):
        return value[: -len(unit)].strip()
    return value


def split_figures(cell: str) -> tuple[str, dict[str, str]]:
    """``〔指标〕名称：数值`` lines out of a 现状 cell of an earlier version's workbook."""
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
