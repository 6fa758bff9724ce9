"""逐项对标's copy columns (领域, 举措, 政策原文, 类型): written from the checklist, never read.

The sheet is protected so nobody types there; a department that lifts the protection (no
password) and edits a copy would see its words vanish on import. The import compares each
copy with what the export writes (in either language) and says which edit it did not take.
"""

from __future__ import annotations

from assess.checklist import Checklist, Item
from assess.excel.cells import clean_text
from assess.lang import Lang
from assess.texts import Texts
from assess.texts.workbook import area_title, measure_title

COPY_COLUMNS = ("area", "measure", "source", "kind")


def copy_cells(checklist: Checklist, item: Item, t: Texts) -> dict[str, str]:
    """The copy columns' cells of ``item``'s row, as the export writes them."""
    return {
        "area": area_title(checklist.area_of[item.id], t),
        "measure": measure_title(checklist.measure_of[item.id], t),
        "source": item.source,
        "kind": t.label(item.kind),
    }


def _plain(text: str) -> str:
    return " ".join(clean_text(text).split())  # a spreadsheet may re-wrap what it saves


def edited_copies(checklist: Checklist, item: Item, cells: dict[str, str]) -> list[str]:
    """The copy columns whose cell (``cells``: key → text read) is neither language's copy."""
    shown = [copy_cells(checklist, item, Texts(lang)) for lang in Lang]
    return [
        key
        for key in COPY_COLUMNS
        if key in cells and all(_plain(cells[key]) != _plain(s[key]) for s in shown)
    ]
