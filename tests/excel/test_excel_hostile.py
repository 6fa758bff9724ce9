"""Malicious workbooks: formulas never run, bombs and huge sheets refused in bounded time and memory.

A returned workbook comes from outside (e-mail, chat groups, USB sticks). Importing it must
never evaluate a formula, never store one where it could run later, never store an error
value as if it were text, and must refuse archives built to exhaust the machine quickly and
with a message, not after minutes of swapping.
"""

from __future__ import annotations

import re
import struct
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from assess.checklist import Checklist
from assess.excel.importer import WorkbookInvalid, import_into, new_from_workbook
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from assess.excel.limits import WorkbookRefused
from assess.excel.report import export_report
from assess.models import Assessment, Status
from assess.storage import dumps
from tests.excel.conftest import TODAY

ITEMS_SHEET = "逐项对标"
MAX_SECONDS = 5.0
MAX_PEAK_BYTES = 50 * 1024 * 1024
ITEM = "1.1"  # recorded (进行中, 现状, 差距, two actions) in the demo


def bounded(run: Callable[[], Any]) -> tuple[BaseException | None, float, int]:
    """Run ``run``; return what it raised, its wall time and its peak Python allocation."""
    tracemalloc.start()
    started = time.perf_counter()
    raised: BaseException | None = None
    try:
        run()
    except Exception as exc:  # the caller asserts which one
        raised = exc
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return raised, seconds, peak


def sheet_member(path: Path, sheet: str) -> str:
    """The zip member holding ``sheet`` (openpyxl numbers them in workbook order)."""
    return (
        f"xl/worksheets/sheet{load_workbook(path, read_only=True).sheetnames.index(sheet) + 1}.xml"
    )


def rewrite(src: Path, dst: Path, member: str, change: Callable[[bytes], bytes]) -> Path:
    """Copy the workbook, passing one member's bytes through ``change``."""
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info.filename, change(data) if info.filename == member else data)
    return dst


def cell_refs(path: Path, item_id: str, *headers: str, sheet: str = ITEMS_SHEET) -> list[str]:
    """The A1 references of ``headers`` in the first row of ``item_id`` on ``sheet``."""
    ws = load_workbook(path)[sheet]
    names = [c.value for c in ws[HEADER_ROW]]
    id_col = names.index("条目编号") + 1
    row = next(
        r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, id_col).value == item_id
    )
    return [f"{get_column_letter(names.index(h) + 1)}{row}" for h in headers]


def with_cells(src: Path, dst: Path, cells: dict[str, str], sheet: str = ITEMS_SHEET) -> Path:
    """Replace whole ``<c>`` elements by raw XML, as Excel/WPS would have written them."""

    def change(data: bytes) -> bytes:
        for ref, xml in cells.items():
            pattern = rb'<c r="' + ref.encode() + rb'"[^>]*?(?:/>|>.*?</c>)'
            data, count = re.subn(
                pattern, xml.replace("@REF", ref).encode(), data, count=1, flags=re.S
            )
            assert count == 1, ref
        return data

    return rewrite(src, dst, sheet_member(src, sheet), change)


# formulas ----------------------------------------------------------------------------------

FORMULAS = {
    "落实状态": '"已落实"',
    "现状": 'HYPERLINK("http://example.invalid/x","点击查看")',
    "差距": "1+1",
    "下一步举措": "cmd|' /C calc'!A0",
}


def test_formulas_never_computed_are_refused_with_their_cells_and_change_nothing(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """A formula no spreadsheet computed (a script wrote it) shows nothing anybody saw: read
    as an empty cell it would clear the recorded text. Refuse it, say where and how to fix;
    the formula is never run or stored."""
    wb = load_workbook(report)
    ws = wb[ITEMS_SHEET]
    refs = cell_refs(report, ITEM, *FORMULAS)
    for ref, formula in zip(refs, FORMULAS.values(), strict=True):
        ws[ref] = "=" + formula
    hostile = tmp_path / "formulas.xlsx"
    wb.save(hostile)
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(hostile, checklist, copy)
    problems = caught.value.problems
    assert sorted(f"{get_column_letter(p.column)}{p.row}" for p in problems) == sorted(refs)
    said = problems[0].message.both()
    assert all(w in said for w in ("公式", "选择性粘贴", "Paste Special"))
    assert dumps(copy) == dumps(demo)
    with pytest.raises(WorkbookInvalid):
        new_from_workbook(hostile, checklist)


def test_a_formula_in_a_policy_sheets_choice_column_is_refused_once(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """政策争取's 申请状态 said it twice (also as no known choice); 自定任务's 落实状态 and the
    task's other columns but its ID, measure and title took it as an empty cell, silently."""
    wb = load_workbook(report)
    cells = []
    for sheet, header in (("政策争取", "申请状态"), ("自定任务", "落实状态")):
        ws = wb[sheet]
        column = [c.value for c in ws[HEADER_ROW]].index(header) + 1
        ws.cell(FIRST_DATA_ROW, column).value = "=A1"
        cells.append((sheet, FIRST_DATA_ROW, column))
    hostile = tmp_path / "policy-formulas.xlsx"
    wb.save(hostile)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(hostile, checklist, demo.model_copy(deep=True))
    problems = caught.value.problems
    assert sorted((p.sheet, p.row, p.column) for p in problems) == sorted(cells)
    assert all("公式" in p.message.both() for p in problems)


def test_formula_results_are_imported_as_the_text_shown_and_exported_as_text(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Excel/WPS save each formula's result; that result is what the user saw, kept as text."""
    status, current, gap, note = cell_refs(report, ITEM, "落实状态", "现状", "差距", "备注")
    hostile = with_cells(
        report,
        tmp_path / "cached.xlsx",
        {
            status: '<c r="@REF" t="str"><f>"已落实"</f><v>已落实</v></c>',
            current: '<c r="@REF" t="str"><f>HYPERLINK("http://x.invalid","点击查看")</f>'
            "<v>点击查看</v></c>",
            gap: '<c r="@REF" t="str"><f>"="&amp;"cmd|\' /C calc\'!A0"</f>'
            "<v>=cmd|' /C calc'!A0</v></c>",
            note: '<c r="@REF"><f>1+1</f><v>2</v></c>',
        },
    )
    copy = demo.model_copy(deep=True)
    import_into(hostile, checklist, copy)
    record = copy.items[ITEM]
    assert record.status is Status.DONE
    assert (record.current, record.note) == ("点击查看", "2")
    assert record.gap == "=cmd|' /C calc'!A0"  # the literal string, never run
    again = export_report(checklist, copy, tmp_path / "again.xlsx", today=TODAY)
    (cell,) = cell_refs(again, ITEM, "差距")
    written = load_workbook(again)[ITEMS_SHEET][cell]
    assert written.data_type == "s"  # text: it can never run when the workbook is opened
    assert "cmd|" in str(written.value)


@pytest.mark.parametrize(
    ("sheet", "header", "error"),
    [
        (ITEMS_SHEET, "现状", "#REF!"),
        (ITEMS_SHEET, "下一步举措", "#NAME?"),
        (ITEMS_SHEET, "落实状态", "#DIV/0!"),
        ("行动计划", "牵头单位", "#N/A"),
    ],
)
def test_formula_errors_are_refused_with_their_cell(
    tmp_path: Path,
    report: Path,
    checklist: Checklist,
    demo: Assessment,
    sheet: str,
    header: str,
    error: str,
) -> None:
    """A cell showing #REF! is a broken formula, not the user's text: refuse, naming the cell."""
    (ref,) = cell_refs(report, ITEM, header, sheet=sheet)
    cell = f'<c r="@REF" t="e"><f>A0/0</f><v>{error}</v></c>'
    hostile = with_cells(report, tmp_path / "error.xlsx", {ref: cell}, sheet=sheet)
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(hostile, checklist, copy)
    (problem,) = caught.value.problems
    assert (problem.sheet, problem.header) == (sheet, header)
    assert f"{get_column_letter(problem.column)}{problem.row}" == ref
    assert error in problem.message.both()
    assert dumps(copy) == dumps(demo)


def test_text_that_looks_like_an_error_is_still_text(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Only real error cells are refused; a user may well type "#N/A" as text."""
    (ref,) = cell_refs(report, ITEM, "备注")
    hostile = with_cells(
        report, tmp_path / "text.xlsx", {ref: '<c r="@REF" t="inlineStr"><is><t>#N/A</t></is></c>'}
    )
    copy = demo.model_copy(deep=True)
    import_into(hostile, checklist, copy)
    assert copy.items[ITEM].note == "#N/A"


# bombs and huge sheets ------------------------------------------------------------------------


def add_rows(count: int) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        head, end, tail = data.partition(b"</sheetData>")
        return head + b"<row/>" * count + end + tail

    return change


@pytest.mark.parametrize("inflated_mb", [400, 40])
def test_zip_bomb_is_refused_in_bounded_time_and_memory(
    tmp_path: Path, report: Path, checklist: Checklist, inflated_mb: int
) -> None:
    """400 MB: over the member limit; 40 MB: under it, but a compression ratio no sheet has."""
    bomb = rewrite(
        report,
        tmp_path / "bomb.xlsx",
        sheet_member(report, ITEMS_SHEET),
        add_rows(inflated_mb * 1024 * 1024 // len(b"<row/>")),
    )
    assert bomb.stat().st_size < 2 * 1024 * 1024
    raised, seconds, peak = bounded(lambda: new_from_workbook(bomb, checklist))
    assert isinstance(raised, WorkbookRefused), raised
    assert "过大" in str(raised) and "refused" in str(raised)
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_BYTES, (seconds, peak)


def test_zip_bomb_lying_about_its_size_is_refused(
    tmp_path: Path, report: Path, checklist: Checklist
) -> None:
    """The directory claims 100 kB, the data inflates to 200 MB: reading stops at the claim."""
    member = sheet_member(report, ITEMS_SHEET)
    bomb = rewrite(report, tmp_path / "b.xlsx", member, add_rows(200 * 1024 * 1024 // 6))
    raw = bytearray(bomb.read_bytes())
    name = member.encode()
    for signature, name_at, size_at, header in (
        (b"PK\x01\x02", 28, 24, 46),
        (b"PK\x03\x04", 26, 22, 30),
    ):
        start = raw.find(signature)
        while start >= 0:
            length = struct.unpack_from("<H", raw, start + name_at)[0]
            if raw[start + header : start + header + length] == name:
                struct.pack_into("<I", raw, start + size_at, 100_000)
            start = raw.find(signature, start + 4)
    liar = tmp_path / "liar.xlsx"
    liar.write_bytes(bytes(raw))
    raised, seconds, peak = bounded(lambda: new_from_workbook(liar, checklist))
    assert isinstance(raised, WorkbookRefused), raised
    assert "另存为 .xlsx" in str(raised)
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_BYTES, (seconds, peak)


@pytest.mark.parametrize("sheet", [ITEMS_SHEET, "行动计划", "说明"])
def test_huge_declared_dimension_is_refused_in_bounded_time_and_memory(
    tmp_path: Path, report: Path, checklist: Checklist, sheet: str
) -> None:
    def huge(data: bytes) -> bytes:
        data, count = re.subn(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', data)
        assert count == 1
        return data

    wide = rewrite(report, tmp_path / "wide.xlsx", sheet_member(report, sheet), huge)
    raised, seconds, peak = bounded(lambda: new_from_workbook(wide, checklist))
    assert isinstance(raised, WorkbookRefused), raised
    assert "A1:XFD1048576" in str(raised) and sheet_member(report, sheet) in str(raised)
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_BYTES, (seconds, peak)


def test_a_cell_at_the_last_row_without_a_dimension_is_read_in_bounded_time(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """No declared size to check: reading stops at the row limit instead of a million rows."""

    def far(data: bytes) -> bytes:
        data = re.sub(rb'<dimension ref="[^"]*"\s*/>', b"", data)
        head, end, tail = data.partition(b"</sheetData>")
        cell = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>1.1</t></is></c></row>'
        return head + cell + end + tail

    hostile = rewrite(report, tmp_path / "far.xlsx", sheet_member(report, ITEMS_SHEET), far)
    copy = demo.model_copy(deep=True)
    raised, seconds, peak = bounded(lambda: import_into(hostile, checklist, copy))
    assert raised is None
    assert dumps(copy) == dumps(demo)
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_BYTES, (seconds, peak)


def _laughs() -> bytes:
    """Nine levels of ten: ten thousand million characters if a parser expands them."""
    levels = [b'<!ENTITY l0 "ha">'] + [
        b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
    ]
    return b"<!DOCTYPE worksheet [" + b"".join(levels) + b"]>"


@pytest.mark.parametrize(
    ("doctype", "entity"),
    [
        (_laughs(), "&l9;"),
        (b'<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>', "&x;"),
    ],
    ids=["billion-laughs", "external-entity"],
)
def test_xml_entities_are_never_expanded(
    tmp_path: Path,
    report: Path,
    checklist: Checklist,
    demo: Assessment,
    doctype: bytes,
    entity: str,
) -> None:
    """Entity bombs and entities reading local files: refused fast, nothing read into a cell."""
    (ref,) = cell_refs(report, ITEM, "差距")
    cell = f'<c r="@REF" t="inlineStr"><is><t>{entity}</t></is></c>'
    hostile = with_cells(report, tmp_path / "entity.xlsx", {ref: cell})
    with zipfile.ZipFile(hostile) as archive:
        member = sheet_member(report, ITEMS_SHEET)
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    parts[member] = parts[member].replace(b"?>", b"?>" + doctype, 1)
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    copy = demo.model_copy(deep=True)
    raised, seconds, peak = bounded(lambda: import_into(hostile, checklist, copy))
    assert isinstance(raised, WorkbookRefused), raised
    assert "另存为 .xlsx" in str(raised)
    assert dumps(copy) == dumps(demo)
    assert seconds < MAX_SECONDS and peak < MAX_PEAK_BYTES, (seconds, peak)


def test_a_formula_whose_saved_result_is_empty_text_is_a_blank_cell_not_refused(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Excel saves =IF(…,"",…) as an empty text result: the filler saw a blank cell."""
    (ref,) = cell_refs(report, ITEM, "备注")
    cell = '<c r="@REF" t="str"><f>IF(1,"","x")</f><v></v></c>'
    hostile = with_cells(report, tmp_path / "blank.xlsx", {ref: cell})
    copy = demo.model_copy(deep=True)
    import_into(hostile, checklist, copy)
    assert copy.items[ITEM].note == ""
