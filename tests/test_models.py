"""The assessment model: statuses, provinces, evidence references."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assess import fields
from assess.fields import FieldError
from assess.lang import Lang
from assess.models import Assessment, Evidence, ItemRecord, Status, ZoneProfile
from assess.regions import Region
from assess.texts import Texts, parse_label
from assess.texts.labels import EXPLANATION


@pytest.mark.parametrize(
    ("province", "short", "region"),
    [("江苏", "江苏", Region.EAST), ("江苏省", "江苏", Region.EAST), ("广西壮族自治区", "广西", Region.WEST),
     ("黑龙江省", "黑龙江", Region.NORTHEAST), ("新疆生产建设兵团", "新疆生产建设兵团", Region.WEST),
     ("北京市", "北京", Region.EAST), ("湖北", "湖北", Region.CENTRAL),
     # the English UI's own names, as the English README's --province PROVINCE invites
     ("Jiangsu", "江苏", Region.EAST), ("inner mongolia", "内蒙古", Region.WEST),
     ("Shaanxi", "陕西", Region.WEST), ("Shanxi", "山西", Region.CENTRAL)],
)  # fmt: skip
def test_province_normalised_and_region_derived(province: str, short: str, region: Region) -> None:
    zone = ZoneProfile(name="z", province=province)
    assert zone.province == short
    assert zone.region is region


def test_unknown_province_lists_valid_ones() -> None:
    with pytest.raises(ValidationError) as info:
        ZoneProfile(name="z", province="江南省")
    assert "江苏" in str(info.value) and "江南省" in str(info.value)


def test_status_labels_round_trip() -> None:
    zh, en = Texts(Lang.ZH), Texts(Lang.EN)
    for status in Status:
        assert parse_label(Status, zh.label(status)) is status
        assert parse_label(Status, en.label(status).upper()) is status
    assert zh(EXPLANATION["done"]) == "成效"
    assert zh(EXPLANATION["not_started"]) == "原因"
    assert parse_label(Status, "完成了") is None
    with pytest.raises(FieldError, match="已落实"):
        fields.STATUS.from_cell("完成了")


def test_item_cannot_cite_missing_evidence(tiny_assessment: Assessment) -> None:
    data = tiny_assessment.model_dump()
    data["items"]["1.1"]["evidence"] = ["E9"]
    with pytest.raises(ValidationError, match="E9"):
        Assessment.model_validate(data)


def test_evidence_shared_by_items(tiny_assessment: Assessment) -> None:
    tiny_assessment.evidence = [Evidence(id="E1", title="年度报告")]
    tiny_assessment.items["1.1"] = ItemRecord(evidence=["E1"])
    tiny_assessment.items["2.1"] = ItemRecord(evidence=["E1"])
    again = Assessment.model_validate(tiny_assessment.model_dump())
    assert again.items["2.1"].evidence == ["E1"]


def test_unknown_fields_rejected(tiny_assessment: Assessment) -> None:
    data = tiny_assessment.model_dump()
    data["items"]["1.1"]["colour"] = "red"
    with pytest.raises(ValidationError):
        Assessment.model_validate(data)
