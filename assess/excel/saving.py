"""Saving a workbook to bytes: openpyxl's writer, with the cells written as text.

openpyxl writes each cell through nested ``xmlfile`` contexts and looks its style up by
hashing it, and writes each sheet to a temporary file on disk; for a ledger of a few thousand
boxed cells that was most of the export. Here the rows are formatted as text (each distinct
style looked up once) and each sheet is kept in memory; openpyxl writes the rest of the sheet
and the workbook. The bytes are what openpyxl writes (tests/excel/test_saving.py); a sheet
with a cell this does not know (formula, comment, hyperlink, rich text …) is written by
openpyxl's own loop.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML, __version__
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from assess.excel.cells import ILLEGAL_XML

_CHECKED = __version__.startswith("3.1.")  # the XML checked; another openpyxl saves itself
_PLACEHOLDER = b"<sheetData/>"  # written by openpyxl's stream where the rows go
_PRESERVE = ' xml:space="preserve"'
_LETTERS: dict[int, str] = {}


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes, so the caller can write the file atomically."""
    buffer = io.BytesIO()
    if not (_CHECKED and LXML) or wb.write_only:  # the placeholder relies on lxml's writer
        wb.save(buffer)
        return buffer.getvalue()
    wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
    _BookWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()


class _BookWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's ``ExcelWriter`` with each sheet written by ``_SheetWriter`` into memory."""

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = _SheetWriter(ws, out=io.BytesIO())
        writer.write()
        xml = writer.out.getvalue()
        if writer.row_xml is not None:
            xml = xml.replace(_PLACEHOLDER, b"<sheetData>" + writer.row_xml + b"</sheetData>", 1)
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], xml)
        self.manifest.append(ws)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    """openpyxl's sheet writer with the rows left for ``_BookWriter`` to put in."""

    row_xml: bytes | None = None

    def write_rows(self) -> None:
        self.row_xml = _sheet_data(self)
        if self.row_xml is None:
            super().write_rows()
            return
        from lxml.etree import Element

        self.xf.send(True).write(Element("sheetData"))
        self.xf.send(None)


def _sheet_data(writer: WorksheetWriter) -> bytes | None:
    """The rows' XML as openpyxl writes it, or None where a cell needs openpyxl's writer."""
    ws = writer.ws
    book, dims = ws.parent, ws.row_dimensions
    styles: dict[bytes, str] = {}
    parts: list[str] = []
    for row_idx, cells in writer.rows():
        number = f"{row_idx}"
        dim = dims.get(row_idx)
        extra = "".join(f' {k}="{_attribute(v)}"' for k, v in dim) if dim is not None else ""
        parts.append(f'<row r="{number}"{extra}>')
        for cell in cells:
            style = cell._style
            styled = style is not None and any(style)
            if cell._comment is not None or cell.hyperlink:
                return None
            if cell._value is None and not styled:
                continue
            s = ""
            if styled:  # openpyxl hashes the style of every cell to find its index
                key = style.tobytes()
                s = styles.get(key) or styles.setdefault(
                    key, f' s="{book._cell_styles.add(style)}"'
                )
            xml = _cell_xml(book, cell, f'<c r="{_letter(cell.column)}{number}"{s}')
            if xml is None:
                return None
            parts.append(xml)
        parts.append("</row>")
    return "".join(parts).encode("ascii", "xmlcharrefreplace")


def _cell_xml(book: Workbook, cell: Any, head: str) -> str | None:
    """One cell from its opening ``<c r=… s=…``; None for a cell openpyxl must write."""
    value, kind = cell._value, cell.data_type
    if kind == "s":
        if value is None or value == "":
            return f'{head} t="inlineStr"></c>'
        if type(value) is not str or ILLEGAL_XML.search(value):
            return None  # rich text; or text lxml refuses, as openpyxl would
        space = _PRESERVE if value != value.strip() else ""
        return f'{head} t="inlineStr"><is><t{space}>{_text(value)}</t></is></c>'
    if kind == "n" and (value is None or value == ""):
        return f'{head} t="n"></c>'
    if (kind == "n" and not isinstance(value, str)) or (kind == "d" and _serial_date(book, value)):
        number = to_excel(value, book.epoch) if kind == "d" else value
        return f'{head} t="n"><v>{_text(safe_string(number))}</v></c>'
    return None  # formula, bool, error, ISO or zoned date, text set as a number


def _text(value: str) -> str:
    """Text content escaped as lxml does (non-ASCII becomes &#…; when encoded)."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attribute(value: str) -> str:
    text = _text(value).replace('"', "&quot;")
    return text.replace("\n", "&#10;").replace("\t", "&#9;")


def _serial_date(book: Workbook, value: Any) -> bool:
    """A date openpyxl writes as a day number (not ISO text, not with a time zone)."""
    return value is not None and not book.iso_dates and getattr(value, "tzinfo", None) is None


def _letter(column: int) -> str:
    letter = _LETTERS.get(column)
    if letter is None:
        letter = _LETTERS[column] = get_column_letter(column)
    return letter
