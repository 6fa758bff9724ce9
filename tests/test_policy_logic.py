"""The policy's own logic against hand-computed values: the two rates, requests, zone tasks,
claims, schedule and the warning on a requirement marked 不适用 (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assess import fields, storage
from assess.checklist import Checklist, Kind
from assess.cli.report_text import summary_text
from assess.demo import build_demo
from assess.editing import Editor
from assess.lang import Lang
from assess.lifecycle import new_assessment, roll_forward
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    ClaimStatus,
    Schedule,
    Status,
    ZoneProfile,
)
from assess.requests import mapping_note, status_label
from assess.scoring import format_score, summarize
from assess.texts import Texts
from tests.conftest import TODAY

ZH = Texts()


def _set(a: Assessment, item_id: str, status: Status, explanation: str = "x") -> None:
    editor = Editor(a, who="t")
    editor.set_status(item_id, status)
    editor.set_text(item_id, "explanation", explanation)


@pytest.fixture
def guangxi(tiny: Checklist) -> Assessment:
    """A border zone: the tiny checklist's higher-level item 1.3 (border only) applies."""
    zone = ZoneProfile(name="边境经开区", province="广西", border=True)
    return new_assessment(tiny, zone, "2025年下半年", "李四")


def test_two_rates_split_duties_from_openings(tiny: Checklist, tiny_assessment: Assessment) -> None:
    a = tiny_assessment  # 江苏: 1.3 (border) does not apply
    _set(a, "1.1", Status.DONE)  # requirement, weight 1: 1
    _set(a, "1.2", Status.IN_PROGRESS)  # support, weight 3: 1.5
    _set(a, "2.1", Status.NOT_STARTED)  # encourage: 0
    _set(a, "2.2", Status.NOT_APPLICABLE, "无条件")  # support, left out
    _set(a, "3.1", Status.NOT_STARTED)  # requirement: 0
    s = summarize(tiny, a, TODAY)
    assert s.implementation.value == pytest.approx(100 * 1 / 2)
    assert s.policy_use.value == pytest.approx(100 * 1.5 / 4)
    assert s.overall.value == pytest.approx(100 * 2.5 / 6)
    assert s.overall.points == s.implementation.points + s.policy_use.points


def test_higher_level_item_is_a_request_never_a_gap(tiny: Checklist, guangxi: Assessment) -> None:
    a = guangxi
    _set(a, "1.1", Status.DONE)
    _set(a, "1.2", Status.DONE)  # 3
    _set(a, "1.3", Status.IN_PROGRESS, "已向自治区商务厅行文")  # 争取中: 0.5
    _set(a, "2.1", Status.NOT_STARTED)  # 0; 2.2 (east only) does not apply in 广西
    s = summarize(tiny, a, TODAY)
    assert s.requests == ["1.3"]
    assert "1.3" not in s.gaps and "1.3" not in s.opportunities
    assert s.gaps == ["2.1"]
    assert s.policy_use.value == pytest.approx(100 * (3 + 0.5 + 0) / (3 + 1 + 1))
    assert ZH(status_label(Status.IN_PROGRESS, Kind.HIGHER_LEVEL)) == "争取中"
    assert ZH(status_label(Status.IN_PROGRESS, Kind.SUPPORT)) == "推进中"
    _set(a, "1.3", Status.DONE, "已获批单列指标")
    s = summarize(tiny, a, TODAY)
    assert s.requests == []
    assert s.policy_use.value == pytest.approx(100 * 4 / 5)


def test_requests_listed_not_yet_requested_first(checklist: Checklist) -> None:
    zone = ZoneProfile(name="苏州工业园区", province="江苏")
    a = new_assessment(checklist, zone, "2025年下半年")
    _set(a, "6.4", Status.IN_PROGRESS)  # 递延纳税: 争取中
    _set(a, "13.1", Status.NOT_STARTED)  # 单列用地指标: 未争取
    _set(a, "16.3", Status.DONE)  # received: not listed
    s = summarize(checklist, a, TODAY)
    assert s.requests == ["13.1", "6.4"]
    assert not {"6.4", "13.1"} & set(s.gaps)


def test_requirement_marked_not_applicable_is_warned_even_with_a_reason(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    _set(tiny_assessment, "3.1", Status.NOT_APPLICABLE, "本区认为不涉及")
    _set(tiny_assessment, "2.2", Status.NOT_APPLICABLE, "没有条件")  # support: a reason suffices
    s = summarize(tiny, tiny_assessment, TODAY)
    assert [(w.code, w.item_id) for w in s.warnings] == [("requirement_not_applicable", "3.1")]
    assert (s.implementation.scored, s.implementation.value) == (0, None)  # out of the rate


def test_conditional_requirement_needs_only_a_reason(tiny: Checklist) -> None:
    data = tiny.model_dump(mode="json", by_alias=True)
    data["areas"][1]["measures"][0]["items"][0]["applies"] = {"conditional": True}  # 3.1
    conditional = Checklist.model_validate(data)
    zone = ZoneProfile(name="测试经开区", province="江苏")
    a = new_assessment(conditional, zone, "2025年下半年")
    _set(a, "3.1", Status.NOT_APPLICABLE, "不具备条件")
    assert summarize(conditional, a, TODAY).warnings == []


def test_zone_tasks_score_on_their_own_line(tiny: Checklist, tiny_assessment: Assessment) -> None:
    a = tiny_assessment
    _set(a, "1.1", Status.DONE)
    before = summarize(tiny, a, TODAY)
    editor = Editor(a, who="t")
    z1 = editor.add_zone_task(1, "自贸片区联动试点", "苏州自设")
    z2 = editor.add_zone_task(3, "园区数字孪生")
    editor.set_task_field(z1.id, fields.STATUS, Status.DONE)
    editor.set_task_field(z2.id, fields.STATUS, Status.IN_PROGRESS)
    editor.set_task_field(z2.id, fields.SCHEDULE, Schedule.BEHIND)
    editor.set_task_field(z2.id, fields.ACTIONS, [Action(text="招标")])
    after = summarize(tiny, a, TODAY)
    assert [z1.id, z2.id] == ["Z1", "Z2"]
    assert after.own_tasks.value == pytest.approx(100 * 1.5 / 2)
    assert (after.overall, after.implementation, after.policy_use) == (
        before.overall,
        before.implementation,
        before.policy_use,
    )
    assert after.behind == ["Z2"]
    assert a.zone_tasks[1].record.actions[0].id == "A1"
    assert [c.item for c in a.history[-6:]] == ["Z1", "Z2", "Z1", "Z2", "Z2", "Z2"]


def test_schedule_counts_only_in_progress(tiny: Checklist, tiny_assessment: Assessment) -> None:
    a = tiny_assessment
    editor = Editor(a, who="t")
    for item_id, status, pace in (
        ("1.1", Status.IN_PROGRESS, Schedule.BEHIND),
        ("1.2", Status.IN_PROGRESS, Schedule.ON_TRACK),
        ("2.1", Status.IN_PROGRESS, Schedule.BEHIND),
        ("3.1", Status.DONE, Schedule.BEHIND),  # finished: its old pace no longer counts
    ):
        editor.set_status(item_id, status)
        editor.set_field(item_id, fields.SCHEDULE, pace)
    s = summarize(tiny, a, TODAY)
    assert s.behind == ["1.1", "2.1"]
    assert (s.schedule[Schedule.ON_TRACK], s.schedule[Schedule.BEHIND]) == (1, 2)


def test_claims_get_ids_and_approved_ones_are_counted(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    editor = Editor(tiny_assessment, who="t")
    c1 = editor.add_claim("1.2", policy="省级专项资金", issuer="江苏省商务厅")
    c2 = editor.add_claim(
        "2.1", policy="绿色园区奖励", status=ClaimStatus.APPROVED, amount="200万元"
    )
    assert (c1.id, c2.id) == ("C1", "C2")
    assert summarize(tiny, tiny_assessment, TODAY).approved_claims == 1
    assert editor.set_claim_field("C1", "status", ClaimStatus.APPROVED)
    assert summarize(tiny, tiny_assessment, TODAY).approved_claims == 2
    assert tiny_assessment.history[-1].new == "approved"  # the value, not the label
    editor.remove_claim("C2")
    assert editor.add_claim("1.2", policy="再申请").id == "C3"  # the history still names C2


def test_roll_forward_carries_tasks_and_claims(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    editor = Editor(tiny_assessment, who="t")
    task = editor.add_zone_task(2, "自定试点")
    editor.set_task_field(
        task.id,
        fields.ACTIONS,
        [Action(text="已完成的一步", status=ActionStatus.DONE), Action(text="下一步")],
    )
    editor.add_claim("1.2", policy="省级专项资金")
    nxt = roll_forward(tiny_assessment, tiny, period="2026年上半年")
    assert [t.title for t in nxt.zone_tasks] == ["自定试点"]
    assert [a.text for a in nxt.zone_tasks[0].record.actions] == ["下一步"]
    assert [c.policy for c in nxt.items["1.2"].claims] == ["省级专项资金"]


def test_old_file_with_statuses_on_higher_level_items_loads_mapped(
    checklist: Checklist, tmp_path: Path
) -> None:
    zone = ZoneProfile(name="旧文件经开区", province="江苏")
    a = new_assessment(checklist, zone, "2025年上半年")
    a.items["13.1"].status = Status.DONE
    a.items["11.3"].status = Status.NOT_STARTED
    data = json.loads(storage.dumps(a))
    for record in data["items"].values():  # as written before this change: no new keys
        for key in ("schedule", "asked_of", "claims"):
            del record[key]
    del data["zone_tasks"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = storage.load(path, checklist).assessment
    assert loaded.items["13.1"].status is Status.DONE
    assert ZH(status_label(loaded.items["13.1"].status, Kind.HIGHER_LEVEL)) == "已获得"
    assert mapping_note(checklist, loaded) is not None
    assert summarize(checklist, loaded, TODAY).requests == ["11.3"]
    assert mapping_note(checklist, new_assessment(checklist, zone, "x")) is None


def test_request_labels_read_back_from_a_cell() -> None:
    assert fields.STATUS.from_cell("已获得") is Status.DONE
    assert fields.STATUS.from_cell("未争取") is Status.NOT_STARTED
    assert fields.STATUS.from_cell("requested") is Status.IN_PROGRESS
    assert fields.SCHEDULE.from_cell("欠进度") is Schedule.BEHIND


def test_summary_prints_both_rates_requests_and_the_note(checklist: Checklist) -> None:
    demo = build_demo(checklist, TODAY)
    s = summarize(checklist, demo)
    text = summary_text(checklist, demo, Texts(Lang.ZH))
    assert f"落实率 {format_score(s.implementation.value)}" in text
    assert f"政策利用率 {format_score(s.policy_use.value)}" in text
    assert f"待争取事项 {len(s.requests)} 项" in text
    first = checklist.item_index[s.requests[0]]
    assert f"{first.id} {first.title}（未争取，向{demo.items[first.id].asked_of}争取）" in text
    assert "已落实＝已获得" in text  # the demo answers higher-level items: the mapping note
    english = summary_text(checklist, demo, Texts(Lang.EN))
    assert f"policy-use rate {format_score(s.policy_use.value)}" in english
    assert "not yet requested" in english
