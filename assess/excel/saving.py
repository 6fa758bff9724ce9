"""Saving a workbook to bytes: openpyxl's writer, with a quicker loop over the cells.

openpyxl writes each cell through nested ``xmlfile`` contexts and looks its style up in a
list by hashing it, then writes each sheet to a temporary file on disk; for a ledger of a few
thousand boxed cells that was most of the export. Here a row's cells become one lxml element
(each distinct style looked up once), and each sheet is kept in memory. The XML of every
sheet is byte for byte what openpyxl writes (tests/excel/test_saving.py); any cell this loop
does not know (formula, comment, hyperlink, rich text …) has its row written by openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import LXML
from openpyxl.compat import safe_string
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PRESERVE = {_XML_SPACE: "preserve"}
_LETTERS: dict[int, str] = {}


def workbook_bytes(wb: Workbook) -> bytes:
    """The workbook as .xlsx bytes, so the caller can write the file atomically."""
    buffer = io.BytesIO()
    if not LXML or wb.write_only:  # the element rows below need lxml's writer
        wb.save(buffer)
        return buffer.getvalue()
    wb.properties.modified = dt.datetime.now(tz=dt.timezone.utc).replace(tzinfo=None)
    _BookWriter(wb, ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()


class _BookWriter(ExcelWriter):  # type: ignore[misc]
    """openpyxl's ``ExcelWriter`` with each sheet written by ``_SheetWriter`` into memory."""

    def write_worksheet(self, ws: Worksheet) -> None:
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        out = io.BytesIO()
        writer = _SheetWriter(ws, out=out)
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], out.getvalue())
        self.manifest.append(ws)


class _SheetWriter(WorksheetWriter):  # type: ignore[misc]
    """Writes a row as one element; the style index of each distinct style is looked up once."""

    def write_rows(self) -> None:
        self._style_ids: dict[bytes, str] = {}
        super().write_rows()

    def write_row(self, xf: Any, row: list[Any], row_idx: int) -> None:
        element = self._row_element(row, row_idx)
        if element is None:
            super().write_row(xf, row, row_idx)
        else:
            xf.write(element)

    def _row_element(self, row: list[Any], row_idx: int) -> Any:
        """The row as an lxml element, or None where a cell needs openpyxl's own writer."""
        from lxml.etree import Element, SubElement

        ws = self.ws
        number = f"{row_idx}"
        attrs = {"r": number}
        dim = ws.row_dimensions.get(row_idx)
        if dim is not None:
            attrs.update(dim)
        element = Element("row", attrs)
        for cell in row:
            value, style = cell._value, cell._style
            styled = style is not None and any(style)
            if cell._comment is not None or cell.hyperlink:
                return None
            if value is None and not styled:
                continue
            kind = cell.data_type
            cell_attrs = {"r": _letter(cell.column) + number}
            if styled:
                cell_attrs["s"] = self._style_id(style)
            if kind == "s":
                if value is not None and type(value) is not str:
                    return None  # rich text
                cell_attrs["t"] = "inlineStr"
            elif kind == "n":
                cell_attrs["t"] = "n"
            elif kind == "d" and value is not None and not ws.parent.iso_dates and not _zoned(value):
                cell_attrs["t"] = "n"
                value = to_excel(value, ws.parent.epoch)
            else:
                return None  # formula, bool, error, ISO or zoned date
            c = SubElement(element, "c", cell_attrs)
            if value is None or value == "":
                c.text = ""  # <c …></c>, as openpyxl writes an empty cell
            elif kind == "s":
                text = SubElement(SubElement(c, "is"), "t", _PRESERVE if value != value.strip() else {})
                text.text = value
            else:
                SubElement(c, "v").text = safe_string(value)
        if not len(element):
            element.text = ""  # <row …></row>, as openpyxl writes a row of no cells
        return element

    def _style_id(self, style: Any) -> str:
        key = style.tobytes()
        found = self._style_ids.get(key)
        if found is None:
            found = self._style_ids[key] = f"{self.ws.parent._cell_styles.add(style)}"
        return found


def _zoned(value: object) -> bool:
    return getattr(value, "tzinfo", None) is not None


def _letter(column: int) -> str:
    letter = _LETTERS.get(column)
    if letter is None:
        letter = _LETTERS[column] = get_column_letter(column)
    return letter
