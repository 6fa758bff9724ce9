"""The gap-analysis workbook in English and in Chinese: one vocabulary, read back either way."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess import fields
from assess.checklist import Checklist
from assess.cli import main
from assess.compare import compare
from assess.excel.compare_book import build_compare_workbook
from assess.excel.importer import import_into
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW, ITEMS, NOTES, SHEETS
from assess.excel.policy_layout import POLICY_SHEETS
from assess.excel.report import export_report
from assess.lang import Lang
from assess.lifecycle import roll_forward
from assess.models import Assessment
from assess.requests import status_label
from assess.texts import Text, Texts
from assess.texts import labels as label_texts
from assess.texts.departments import BASE_SHEET, COVER_SHEET
from assess.texts.messages import ROLLUP_RULE
from assess.texts.workbook import COMPARE_SHEET, NOTE_TOPIC, heading
from tests.excel.conftest import TODAY

EN, ZH = Texts(Lang.EN), Texts(Lang.ZH)
from assess.texts.printing import LEDGER_NAME  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


def sheet_names(t: Texts) -> list[str]:
    """The workbook's sheets: the cover, the layout's with the sheet for paper after the item
    sheet, and the hidden export base."""
    names = [sheet.name(t) for sheet in (*SHEETS, *POLICY_SHEETS)]
    names.insert(names.index(ITEMS.name(t)) + 1, t(LEDGER_NAME))
    return [t(COVER_SHEET), *names, t(BASE_SHEET)]


def _export(tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang) -> Path:
    return export_report(checklist, demo, tmp_path / f"{lang}.xlsx", today=TODAY, lang=lang)


def test_english_workbook_speaks_english_and_keeps_the_policy_text(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    book = load_workbook(_export(tmp_path, checklist, demo, Lang.EN))
    assert book.sheetnames == sheet_names(EN)
    assert not any(CJK.search(name) for name in book.sheetnames)
    ws = book[ITEMS.name(EN)]
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers == ITEMS.headers(EN)
    assert not any(CJK.search(h) for h in headers)
    rows = {
        r[ITEMS.col("item_id") - 1]: r
        for r in ws.iter_rows(min_row=FIRST_DATA_ROW, values_only=True)
    }
    for item in checklist.items:
        row = rows[item.id]
        assert row[ITEMS.col("source") - 1] == item.source  # the policy text stays Chinese
        assert row[ITEMS.col("item") - 1] == item.title_en
        status = demo.items[item.id].status
        assert row[ITEMS.col(fields.STATUS.id) - 1] == EN(status_label(status, item.kind))
    (dv,) = [d for d in ws.data_validations.dataValidation if "I3" in str(d.sqref)]
    assert not CJK.search(dv.formula1)
    for sheet in POLICY_SHEETS:
        policy_ws = book[sheet.name(EN)]
        policy_headers = [c.value for c in policy_ws[HEADER_ROW]]
        assert policy_headers == sheet.headers(EN)
        assert not any(CJK.search(h) for h in policy_headers)
        for dv in policy_ws.data_validations.dataValidation:
            assert not CJK.search(dv.formula1)


def test_english_workbook_reimports_with_no_change(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = _export(tmp_path, checklist, demo, Lang.EN)
    before = demo.model_copy(deep=True)
    report = import_into(path, checklist, demo)
    assert report.changes == []
    assert demo.items == before.items and demo.evidence == before.evidence


def test_values_typed_in_the_other_language_are_read(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """A department may type 已落实 into an English workbook, or done into a Chinese one."""
    item = next(i.id for i in checklist.items if demo.items[i.id].status.value != "done")
    for lang, other in ((Lang.EN, ZH), (Lang.ZH, EN)):
        path = _export(tmp_path, checklist, demo, lang)
        book = load_workbook(path)
        ws = book[ITEMS.name(Texts(lang))]
        row = FIRST_DATA_ROW + [i.id for i in checklist.items].index(item)
        done = next(s for s in fields.STATUS.choices or () if s.value == "done")
        ws.cell(row, ITEMS.col(fields.STATUS.id)).value = other.label(done)
        book.save(path)
        back = demo.model_copy(deep=True)
        import_into(path, checklist, back)
        assert back.items[item].status is done


def test_notes_sheet_is_in_one_language(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    for lang in Lang:
        ws = load_workbook(_export(tmp_path, checklist, demo, lang))[NOTES.name(Texts(lang))]
        topics = [ws.cell(r, 1).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)]
        paragraphs = "\n".join(
            str(ws.cell(r, 2).value or "") for r in range(FIRST_DATA_ROW, ws.max_row + 1)
        )
        other = Texts(Lang.ZH if lang is Lang.EN else Lang.EN)
        assert heading(Texts(lang), NOTE_TOPIC["evidence"]) in topics
        assert heading(other, NOTE_TOPIC["evidence"]) not in topics
        if lang is Lang.EN:
            assert not CJK.search(paragraphs + "".join(map(str, topics)))
        else:
            assert EN(ROLLUP_RULE) not in paragraphs
            assert not re.search(r"[A-Za-z]+ [A-Za-z]+ [A-Za-z]+", paragraphs)  # no English prose


def test_renaming_a_header_in_the_registry_changes_export_and_import_together(
    tmp_path: Path, checklist: Checklist, demo: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    renamed = Text("field.gap", "存在差距", "shortfall")
    monkeypatch.setitem(label_texts.FIELD, "gap", renamed)
    item = next(i.id for i in checklist.items if demo.items[i.id].gap)
    for lang in Lang:
        path = _export(tmp_path, checklist, demo, lang)
        book = load_workbook(path)
        ws = book[ITEMS.name(Texts(lang))]
        headers = [c.value for c in ws[HEADER_ROW]]
        assert heading(Texts(lang), renamed) in headers
        assert heading(Texts(lang), Text("old", "差距", "gap")) not in headers
        row = FIRST_DATA_ROW + [i.id for i in checklist.items].index(item)
        ws.cell(row, ITEMS.col(fields.GAP.id)).value = f"新的差距 {lang}"
        book.save(path)
        back = demo.model_copy(deep=True)
        import_into(path, checklist, back)
        assert back.items[item].gap == f"新的差距 {lang}"


@pytest.mark.parametrize("argv", [["export", "--lang", "en"], ["--lang", "en", "export"]])
def test_export_command_takes_the_language(
    tmp_path: Path, demo_file: Path, argv: list[str]
) -> None:
    out = tmp_path / "out.xlsx"
    assert main([*argv, str(demo_file), "-o", str(out)]) == 0
    assert load_workbook(out).sheetnames == sheet_names(EN)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_libreoffice_resave_reimports_with_no_change(
    tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    path = _export(tmp_path, checklist, demo, lang)
    out = tmp_path / "resaved"
    profile = tmp_path / "profile"  # its own LibreOffice profile: parallel runs do not collide
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    resaved = out / path.name
    assert load_workbook(resaved).sheetnames == sheet_names(Texts(lang))
    assert import_into(resaved, checklist, demo).changes == []


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_compare_workbook_shows_changed_figures_in_its_language(
    checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    item = next(i for i in checklist.items if demo.items[i.id].figures and i.indicators)
    indicator = next(x for x in item.indicators if x.name in demo.items[item.id].figures)
    later = roll_forward(demo, checklist, period="2026年下半年")
    later.items[item.id].figures = {**demo.items[item.id].figures, indicator.name: "99"}
    t = Texts(lang)
    book = build_compare_workbook(compare(checklist, demo, later, today=TODAY), lang=lang)
    ws = book[t(COMPARE_SHEET["changes"])]
    headers = [c.value for c in ws[2]]
    if lang is Lang.EN:
        assert not any(CJK.search(str(h)) for h in headers)
    column = headers.index(heading(t, fields.FIGURES.header)) + 1
    rows = {ws.cell(r, 2).value: r for r in range(3, ws.max_row + 1)}
    old = demo.items[item.id].figures[indicator.name]
    name = t.pick(indicator.name, indicator.name_en)
    expected = f"{name}{t.colon}{old} {indicator.unit} → 99 {indicator.unit}"
    assert ws.cell(rows[item.id], column).value == expected
