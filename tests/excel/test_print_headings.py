"""The printed ledger's headings speak the field registry's words: rename a field, and the
heading above its column on paper says the new name in both languages."""

from __future__ import annotations

import pytest
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.checklist import Checklist
from assess.excel.layout import ITEMS
from assess.excel.print_ledger import NAME as PRINT_LEDGER
from assess.excel.report import build_workbook
from assess.lang import Lang
from assess.models import Assessment
from assess.texts import Text, Texts, labels
from assess.texts.workbook import SHEET_TITLE
from tests.excel.conftest import TODAY

# field id → the new label, as a zone's office might word the field.
RENAMED = {
    "current": ("基础情况", "baseline"),
    "evidence": ("支撑材料", "supporting papers"),
    "gap": ("短板", "shortfall"),
    "opportunity": ("契机", "opening"),
    "actions": ("工作举措", "planned work"),
    "action.lead": ("牵头部门", "lead department"),
    "action.due": ("截止日期", "deadline"),
    "action.priority": ("轻重缓急", "urgency"),
}
ASKED = {"done": ("成果", "outcome"), "not_applicable": ("依据", "grounds")}


def _ledger(checklist: Checklist, demo: Assessment, lang: Lang) -> Worksheet:
    wb = build_workbook(checklist, demo, lang=lang, today=TODAY)
    return wb[Texts(lang)(PRINT_LEDGER)]


def _headings(ws: Worksheet) -> list[str]:
    return [str(c.value) for c in ws[2]]


@pytest.fixture
def renamed(monkeypatch: pytest.MonkeyPatch) -> None:
    for key, (zh, en) in RENAMED.items():
        monkeypatch.setitem(labels.FIELD, key, Text(f"field.{key}", zh, en))
    for key, (zh, en) in ASKED.items():
        monkeypatch.setitem(labels.EXPLANATION, key, Text(f"explanation.{key}", zh, en))
    monkeypatch.setitem(SHEET_TITLE, "items", Text("workbook.title.items", "对标台账", "Ledger"))


@pytest.mark.usefixtures("renamed")
def test_renamed_fields_rename_the_printed_headings(checklist: Checklist, demo: Assessment) -> None:
    ws = _ledger(checklist, demo, Lang.ZH)
    assert ws["A1"].value == f"{demo.zone.name}　对标台账（打印版，{demo.period}）"
    assert _headings(ws)[3:] == [
        "成果/进度/原因/依据",
        "基础情况与支撑材料",
        "短板与契机",
        "工作举措（牵头部门、截止日期、轻重缓急）",
    ]
    assert _headings(_ledger(checklist, demo, Lang.EN))[3:] == [
        "Outcome / progress / reason / grounds",
        "Baseline and supporting papers",
        "Shortfall and opening",
        "Planned work (lead department, deadline, urgency)",
    ]


@pytest.mark.usefixtures("renamed")
def test_renamed_fields_rename_the_labels_inside_the_printed_cells(
    checklist: Checklist, demo: Assessment
) -> None:
    ws = _ledger(checklist, demo, Lang.ZH)
    cells = "\n".join(str(c.value) for row in ws.iter_rows(min_row=3) for c in row if c.value)
    assert "支撑材料：" in cells and "短板：" in cells and "契机：" in cells
    assert "佐证材料：" not in cells and "差距：" not in cells


def test_todays_headings_read_as_before_and_english_ones_start_with_a_capital(
    checklist: Checklist, demo: Assessment
) -> None:
    assert _headings(_ledger(checklist, demo, Lang.ZH)) == [
        "序号", "条目", "落实状态", "成效/进度/原因/理由", "现状与佐证材料", "差距与机遇",
        "下一步举措（牵头单位、完成时限、优先级）",
    ]  # fmt: skip
    english = _headings(_ledger(checklist, demo, Lang.EN))
    assert english[2:5] == [
        "Status", "Effect / progress / reason / justification", "Current state and evidence",
    ]  # fmt: skip
    ws = _ledger(checklist, demo, Lang.EN)
    assert str(ws["B4"].value).startswith("Policy text (Chinese): ")


@pytest.mark.parametrize(("lang", "missing"), [(Lang.ZH, "（未填）"), (Lang.EN, "(not given)")])
def test_an_indicator_not_given_says_so_on_paper_and_stays_a_blank_to_fill(
    checklist: Checklist, demo: Assessment, lang: Lang, missing: str
) -> None:
    """The printed ledger read “有效发明专利拥有量：” with nothing after, like a misprint; the
    sheet departments fill keeps the bare name for the figure to be typed after it."""
    record = demo.items["4.1"]
    record.figures = {"高新技术企业数": "120"}
    t = Texts(lang)
    first, second = (t.pick(i.name, i.name_en) for i in checklist.item_index["4.1"].indicators)
    wb = build_workbook(checklist, demo, lang=lang, today=TODAY)
    ws = wb[t(PRINT_LEDGER)]
    row = next(r for r in range(3, ws.max_row + 1) if str(ws.cell(r, 2).value).startswith("4.1 "))
    printed = str(ws.cell(row, 5).value).split("\n")
    assert f"{first}{t.colon}120 家" in printed
    assert f"{second}{t.colon}{missing}" in printed
    items = wb[ITEMS.name(t)]
    row = next(
        r for r in range(3, items.max_row + 1) if items.cell(r, ITEMS.col("item_id")).value == "4.1"
    )
    cell = str(items.cell(row, ITEMS.col(fields.FIGURES.id)).value).split("\n")
    assert cell == [f"{first}{t.colon}120 家", f"{second}{t.colon}".rstrip()]
