"""Each field of the registry survives the workbook, in either language: exported, imported
back, same value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from assess import fields
from assess.checklist import Checklist
from assess.excel.importer import import_into, new_from_workbook
from assess.excel.layout import FIRST_DATA_ROW, ITEMS
from assess.excel.report import export_report
from assess.fields import Field, FieldError
from assess.lang import Lang
from assess.lifecycle import new_assessment
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    Evidence,
    Priority,
    Status,
    ZoneProfile,
)
from assess.texts import Texts

ITEM = "1.1"
RECORD_VALUES: dict[str, Any] = {
    "status": Status.NOT_STARTED,
    "explanation": "缺少资金\n待申请",
    "current": "已有两家",
    "gap": "缺少队伍",
    "opportunity": "争取专项",
    "note": "=不是公式",
    "figures": {"企业数": "12"},
}
ACTION_VALUES: dict[str, Any] = {
    "action.lead": "科技局",
    "action.partners": "财政局",
    "action.due": dt.date(2026, 6, 30),
    "action.priority": Priority.HIGH,
    "action.status": ActionStatus.DOING,
}
ZONE_VALUES: dict[str, Any] = {
    "zone.name": "测试经开区",
    "zone.province": "四川",
    "zone.border": True,
    "zone.hub": True,
    "zone.foreign_talent": True,
    "period": "2026年上半年",
    "assessor": "王五",
}


def _blank(checklist: Checklist) -> Assessment:
    zone = ZoneProfile(name="测试经开区", province="江苏")
    return new_assessment(checklist, zone, "2025年下半年", "张三")


@pytest.fixture(params=list(Lang), ids=str)
def lang(request: pytest.FixtureRequest) -> Lang:
    """Every round trip runs on the Chinese and on the English workbook."""
    value: Lang = request.param
    return value


def _round_trip(
    tmp_path: Path, checklist: Checklist, assessment: Assessment, lang: Lang
) -> Assessment:
    path = tmp_path / "book.xlsx"
    export_report(checklist, assessment, path, lang=lang)
    back, _ = new_from_workbook(path, checklist)
    return back


@pytest.mark.parametrize("field_id", list(RECORD_VALUES))
def test_record_field_round_trips(
    tmp_path: Path, checklist: Checklist, field_id: str, lang: Lang
) -> None:
    assessment = _blank(checklist)
    setattr(assessment.items[ITEM], field_id, RECORD_VALUES[field_id])
    back = _round_trip(tmp_path, checklist, assessment, lang)
    assert getattr(back.items[ITEM], field_id) == RECORD_VALUES[field_id]


def test_evidence_and_its_attributes_round_trip(
    tmp_path: Path, checklist: Checklist, lang: Lang
) -> None:
    assessment = _blank(checklist)
    record = Evidence(id="E1", title="工作报告", ref="文1号", date=dt.date(2025, 2, 10))
    assessment.evidence = [record]
    assessment.items[ITEM].evidence = ["E1"]
    back = _round_trip(tmp_path, checklist, assessment, lang)
    assert back.items[ITEM].evidence == ["E1"]
    assert back.evidence == [record]


@pytest.mark.parametrize("field_id", ["action.text", *ACTION_VALUES])
def test_action_field_round_trips(
    tmp_path: Path, checklist: Checklist, field_id: str, lang: Lang
) -> None:
    assessment = _blank(checklist)
    attr = fields.BY_ID[field_id].attr
    value = ACTION_VALUES.get(field_id, "建设中试基地")
    action = Action(text="建设中试基地").model_copy(update={attr: value})
    assessment.items[ITEM].actions = [action]
    back = _round_trip(tmp_path, checklist, assessment, lang)
    assert [getattr(a, attr) for a in back.items[ITEM].actions] == [value]


@pytest.mark.parametrize("field_id", list(ZONE_VALUES))
def test_profile_field_round_trips(
    tmp_path: Path, checklist: Checklist, field_id: str, lang: Lang
) -> None:
    assessment = _blank(checklist)
    field = fields.BY_ID[field_id]
    if field_id.startswith("zone."):
        assessment.zone = assessment.zone.model_copy(update={field.attr: ZONE_VALUES[field_id]})
    else:
        setattr(assessment, field.attr, ZONE_VALUES[field_id])
    path = tmp_path / "book.xlsx"
    export_report(checklist, assessment, path, lang=lang)
    back, _ = new_from_workbook(path, checklist)
    owner = back.zone if field_id.startswith("zone.") else back
    assert getattr(owner, field.attr) == ZONE_VALUES[field_id]


@pytest.mark.parametrize(
    ("field", "raw"),
    [(fields.STATUS, "完成了"), (fields.ACTION_DUE, "明年"), (fields.ZONE_PROVINCE, "江南省")],
)
def test_codec_refuses_bad_cells_with_a_message(field: Field, raw: str) -> None:
    with pytest.raises(FieldError) as info:
        field.from_cell(raw)
    assert raw in info.value.render(Texts())
    assert field.from_cell("  ") is None


def test_indicator_figures_round_trip_by_name_in_either_language(
    tmp_path: Path, checklist: Checklist, lang: Lang
) -> None:
    """A checklist indicator shows as 名称：数值 单位 (English name in English) and reads back."""
    item = next(i for i in checklist.items if len(i.indicators) > 1 and i.indicators[0].unit)
    first, second = item.indicators[:2]
    assessment = _blank(checklist)
    assessment.items[item.id].figures = {first.name: "86", second.name: "1.5"}
    path = tmp_path / "book.xlsx"
    export_report(checklist, assessment, path, lang=lang)
    ws = load_workbook(path)[ITEMS.name(Texts(lang))]
    cell = ws.cell(FIRST_DATA_ROW + checklist.items.index(item), ITEMS.col(fields.FIGURES.id))
    name = Texts(lang).pick(first.name, first.name_en)
    assert f"{name}{Texts(lang).colon}86 {first.unit}" in cell.value.splitlines()
    back, _ = new_from_workbook(path, checklist)
    assert back.items[item.id].figures == {first.name: "86", second.name: "1.5"}
    assert not import_into(path, checklist, back).changes  # the unit is not read as a change
