"""The item-level diff: change classes, content changes, score deltas, due actions, versions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.cli.compare_text import comparison_text
from assess.compare import ChangeClass, classify, compare
from assess.demo import build_demo
from assess.editing import Editor
from assess.lang import Lang
from assess.lifecycle import new_assessment, roll_forward
from assess.models import ActionStatus, Status, ZoneProfile
from assess.scoring import summarize
from assess.storage import dumps, load, write_atomic
from assess.texts import Texts
from assess.texts.compare import describe, due_state, status_text
from tests.compare.builders import act, add_evidence, pair, set_record, stamp
from tests.conftest import TINY

S = Status
C = ChangeClass


@pytest.mark.parametrize(
    ("a", "applies_a", "b", "applies_b", "expected"),
    [
        (S.NOT_STARTED, True, S.IN_PROGRESS, True, C.IMPROVED),
        (S.IN_PROGRESS, True, S.DONE, True, C.IMPROVED),
        (S.NOT_STARTED, True, S.DONE, True, C.IMPROVED),
        (S.DONE, True, S.NOT_STARTED, True, C.REGRESSED),
        (S.DONE, True, S.IN_PROGRESS, True, C.REGRESSED),
        (S.DONE, True, S.DONE, True, C.UNCHANGED),
        (S.NOT_ASSESSED, True, S.NOT_ASSESSED, True, C.UNCHANGED),
        (S.NOT_ASSESSED, True, S.NOT_STARTED, True, C.NEWLY_ASSESSED),
        (S.NOT_ASSESSED, True, S.DONE, True, C.NEWLY_ASSESSED),
        (S.IN_PROGRESS, True, S.NOT_ASSESSED, True, C.NO_LONGER_ASSESSED),
        # marked 不适用 by the zone, to or from applicable: applicability wins over rank
        (S.NOT_APPLICABLE, True, S.DONE, True, C.APPLICABILITY),
        (S.DONE, True, S.NOT_APPLICABLE, True, C.APPLICABILITY),
        (S.NOT_APPLICABLE, True, S.NOT_ASSESSED, True, C.APPLICABILITY),
        (S.NOT_APPLICABLE, True, S.NOT_APPLICABLE, True, C.UNCHANGED),
        # the profile decides: applies to one zone and not the other
        (S.NOT_ASSESSED, False, S.NOT_ASSESSED, True, C.APPLICABILITY),
        (S.DONE, True, S.DONE, False, C.APPLICABILITY),
        (S.NOT_ASSESSED, False, S.NOT_APPLICABLE, True, C.UNCHANGED),
        (S.DONE, False, S.NOT_STARTED, False, C.UNCHANGED),
    ],
)
def test_classify_order_of_precedence(
    a: Status, applies_a: bool, b: Status, applies_b: bool, expected: ChangeClass
) -> None:
    assert classify(a, applies_a, b, applies_b) is expected


ZH = Texts()


def test_every_change_class_in_one_zone_across_periods(
    tiny: Checklist, jiangsu: ZoneProfile
) -> None:
    a, b = pair(tiny, jiangsu)
    set_record(a, "1.1", S.NOT_STARTED)
    set_record(b, "1.1", S.DONE, explanation="已建成")  # improved
    set_record(a, "1.2", S.DONE)
    set_record(b, "1.2", S.NOT_ASSESSED)  # no longer assessed
    set_record(b, "2.1", S.IN_PROGRESS)  # newly assessed (blank in A)
    set_record(a, "2.2", S.IN_PROGRESS)
    set_record(b, "2.2", S.NOT_APPLICABLE, explanation="无此条件")  # applicability
    set_record(a, "3.1", S.DONE)
    set_record(b, "3.1", S.NOT_STARTED)  # regressed
    c = compare(tiny, a, b)
    classes = {d.item_id: d.change for d in c.items}
    assert classes == {
        "1.1": C.IMPROVED,
        "1.2": C.NO_LONGER_ASSESSED,
        "1.3": C.UNCHANGED,  # border-only: excluded for a Jiangsu zone on both sides
        "2.1": C.NEWLY_ASSESSED,
        "2.2": C.APPLICABILITY,
        "3.1": C.REGRESSED,
    }
    assert c.counts[C.IMPROVED] == 1 and c.counts[C.UNCHANGED] == 1
    assert [d.item_id for d in c.changed_items] == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert c.same_zone
    assert c.unmatched == []


def test_two_zones_applicability_follows_each_profile(tiny: Checklist) -> None:
    east = new_assessment(tiny, ZoneProfile(name="东部经开区", province="江苏"), "2025年下半年")
    border = new_assessment(
        tiny, ZoneProfile(name="沿边经开区", province="广西", border=True), "2025年下半年"
    )
    c = compare(tiny, east, border)
    by_id = {d.item_id: d for d in c.items}
    assert by_id["1.3"].change is C.APPLICABILITY  # border only: applies to B
    assert by_id["2.2"].change is C.APPLICABILITY  # east only: applies to A
    assert by_id["1.1"].change is C.UNCHANGED
    assert status_text(by_id["1.3"], "a", ZH) == "不适用（画像）"
    assert status_text(by_id["1.3"], "b", ZH) == "未评估"
    assert not c.same_zone


def test_content_changes_name_what_was_added_and_removed(
    tiny: Checklist, jiangsu: ZoneProfile
) -> None:
    a, b = pair(tiny, jiangsu)
    add_evidence(a, "E1", "管委会工作报告")
    add_evidence(a, "E2", "旧的批复")
    # B numbers its evidence differently: the same title under another ID is not a change.
    add_evidence(b, "E1", "新的认定文件")
    add_evidence(b, "E7", "管委会工作报告")
    set_record(
        a,
        "1.1",
        S.IN_PROGRESS,
        explanation="在建",
        gap="缺平台",
        evidence=["E1", "E2"],
        actions=[act("申报平台"), act("编制方案"), act("开工建设", status=ActionStatus.DONE)],
        figures={"平台数": "1"},
    )
    set_record(
        b,
        "1.1",
        S.IN_PROGRESS,
        explanation="在建",
        gap="缺国家级平台",
        evidence=["E7", "E1"],
        actions=[act("申报平台", status=ActionStatus.DOING), act("引进团队")],
        figures={"平台数": "2"},
    )
    d = compare(tiny, a, b).items[0]
    assert d.change is C.UNCHANGED and d.changed
    assert d.texts_changed == ("gap",)
    assert d.evidence_added == ("新的认定文件",)
    assert d.evidence_removed == ("旧的批复",)
    assert d.actions_added == ("引进团队",)
    assert d.actions_removed == ("编制方案",)
    assert d.actions_done_removed == ("开工建设",)
    assert [(x.text, x.old, x.new) for x in d.actions_status] == [
        ("申报平台", ActionStatus.TODO, ActionStatus.DOING)
    ]
    assert d.figures_changed == ("平台数",)
    text = "\n".join(describe(d, ZH))
    for phrase in (
        "差距有修改",
        "新增佐证：新的认定文件",
        "移除佐证：旧的批复",
        "新增举措：引进团队",
    ):
        assert phrase in text
    assert "举措“申报平台”：未开始 → 进行中" in text
    assert "evidence added: 新的认定文件" in "\n".join(describe(d, Texts(Lang.EN)))


def test_unchanged_record_is_not_listed_as_changed(tiny: Checklist, jiangsu: ZoneProfile) -> None:
    a, b = pair(tiny, jiangsu)
    for x in (a, b):
        set_record(x, "1.1", S.DONE, explanation=" 已落实 ", actions=[act("巩固")])
    c = compare(tiny, a, b)
    assert c.changed_items == []
    assert c.counts[C.UNCHANGED] == len(tiny.items)


def test_score_deltas_match_each_sides_summary(tiny: Checklist, jiangsu: ZoneProfile) -> None:
    a, b = pair(tiny, jiangsu)
    set_record(a, "1.1", S.NOT_STARTED)
    set_record(a, "1.2", S.IN_PROGRESS)  # weight 3
    set_record(b, "1.1", S.DONE)
    set_record(b, "1.2", S.IN_PROGRESS)
    set_record(b, "3.1", S.DONE)
    c = compare(tiny, a, b)
    rows = {(r.level, r.number): r for r in c.score_rows()}
    # A measure 1: (0 + 1.5) / 4 = 37.5; B: (1 + 1.5) / 4 = 62.5
    assert rows[("measure", 1)].delta == pytest.approx(25.0)
    assert rows[("measure", 3)].delta is None  # nothing scored in A
    assert rows[("measure", 3)].b.value == pytest.approx(100.0)
    overall_a = summarize(tiny, a).overall.value
    overall_b = summarize(tiny, b).overall.value
    assert overall_a is not None and overall_b is not None
    assert rows[("overall", 0)].delta == pytest.approx(overall_b - overall_a)
    assert [r.level for r in c.score_rows()][:3] == ["overall", "area", "measure"]


def test_actions_due_between_the_two_dates_and_not_done(
    tiny: Checklist, jiangsu: ZoneProfile
) -> None:
    a, b = pair(tiny, jiangsu)  # A updated 2025-07-01, B 2026-01-05
    set_record(
        a,
        "1.1",
        S.IN_PROGRESS,
        actions=[
            act("A中有B中无", dt.date(2025, 9, 1), lead="经发局"),
            act("A已完成", dt.date(2025, 9, 1), ActionStatus.DONE),
            act("仍在推进", dt.date(2025, 8, 1)),
        ],
    )
    set_record(
        b,
        "1.1",
        S.IN_PROGRESS,
        actions=[
            act("仍在推进", dt.date(2025, 8, 1), ActionStatus.DOING),
            act("按期完成", dt.date(2025, 10, 1), ActionStatus.DONE),
            act("尚未到期", dt.date(2026, 3, 1)),
            act("到期前已过", dt.date(2025, 6, 30)),
            act("无期限"),
        ],
    )
    c = compare(tiny, a, b)
    assert c.window == (dt.date(2025, 7, 1), dt.date(2026, 1, 5))
    assert [(d.text, d.status_b) for d in c.due_actions] == [
        ("仍在推进", ActionStatus.DOING),
        ("A中有B中无", None),
    ]
    assert due_state(c.due_actions[1], ZH) == "B 中已无此举措"
    # B older than A (the user swapped them): the window is still the span between them.
    assert compare(tiny, b, a).window == c.window


def _tiny_v11() -> Checklist:
    """Version 1.1 of the tiny checklist: item 2.2 removed, item 3.2 added."""
    data = {**TINY, "version": "1.1"}
    areas = [dict(area) for area in data["areas"]]  # type: ignore[attr-defined]
    m2 = dict(areas[0]["measures"][1])
    m2["items"] = [m2["items"][0]]
    areas[0]["measures"] = [areas[0]["measures"][0], m2]
    m3 = dict(areas[1]["measures"][0])
    extra = {
        "id": "3.2",
        "title": "新增",
        "title_en": "New",
        "source": "国家级经开区要做庚。",
        "kind": "requirement",
        "guidance": "看庚。",
    }
    m3["items"] = [*m3["items"], extra]
    areas[1]["measures"] = [m3]
    data["areas"] = areas
    return Checklist.model_validate(data)


def test_checklist_version_mismatch_matches_by_id_and_lists_the_rest(
    tiny: Checklist, jiangsu: ZoneProfile, tmp_path: Path
) -> None:
    newer = _tiny_v11()
    old, _ = pair(tiny, jiangsu)
    set_record(old, "1.1", S.IN_PROGRESS)
    set_record(old, "2.2", S.DONE, explanation="已完成")
    path = tmp_path / "old.json"
    write_atomic(path, dumps(old).encode("utf-8"))
    loaded = load(path, newer)  # migrates: 2.2 retired, 3.2 missing
    assert loaded.migration is not None
    new = new_assessment(newer, jiangsu, "2025年下半年")
    new.updated = stamp(dt.date(2026, 1, 5))
    set_record(new, "1.1", S.DONE)
    set_record(new, "3.2", S.NOT_STARTED)
    c = compare(newer, loaded.assessment, new, migrations=(loaded.migration, None))
    assert [d.item_id for d in c.items] == ["1.1", "1.2", "1.3", "2.1", "3.1"]
    assert c.items[0].change is C.IMPROVED
    assert [(u.item_id, u.side, u.in_checklist, u.status) for u in c.unmatched] == [
        ("2.2", "a", False, S.DONE),
        ("3.2", "b", True, S.NOT_STARTED),
    ]
    assert c.unmatched[1].title == "新增"
    assert (c.a.checklist_version, c.b.checklist_version) == ("1.0", "1.1")
    text = comparison_text(c, Texts())
    assert "未能对应的条目" in text
    assert "3.2 新增 [未启动]：仅 B 有记录（A 使用其他清单版本）" in text
    assert "2.2 [已落实]：仅 A 有记录；当前清单已无此条目" in text


def test_real_checklist_roll_forward_then_edit(checklist: Checklist) -> None:
    a = build_demo(checklist, dt.date(2025, 12, 1))
    a.updated = stamp(dt.date(2025, 12, 1))
    b = roll_forward(a, checklist, period="2026年上半年")
    editor = Editor(b, "测试")
    first = next(i for i in checklist.items if a.items[i.id].status is S.IN_PROGRESS)
    editor.set_status(first.id, S.DONE)
    editor.set_text(first.id, "explanation", "已建成投用")
    b.updated = stamp(dt.date(2026, 6, 30))
    c = compare(checklist, a, b, today=dt.date(2026, 7, 1))
    changed = {d.item_id: d for d in c.changed_items}
    assert changed[first.id].change is C.IMPROVED
    assert "成效有修改" in describe(changed[first.id], ZH)
    # Roll-forward drops done actions; that shows as "no longer listed", not as a removal.
    for diff in c.changed_items:
        assert diff.actions_removed == ()
    assert len(c.items) == len(checklist.items) == 81
    assert compare(checklist, a, a).changed_items == []


def test_text_output_shows_profiles_scores_and_changed_items(
    tiny: Checklist, jiangsu: ZoneProfile
) -> None:
    a, b = pair(tiny, jiangsu)
    set_record(a, "3.1", S.DONE)
    set_record(b, "3.1", S.NOT_STARTED)
    text = comparison_text(compare(tiny, a, b), Texts())
    assert "A  测试经开区 · 2025年上半年 · 江苏（东部）" in text
    assert "-100.0" in text
    assert "退步 1" in text
    assert "有变化的条目 1 / 6" in text
    line = next(x for x in text.splitlines() if x.startswith("3.1"))
    assert "已落实" in line and "未启动" in line and line.rstrip().endswith("退步")
    en = comparison_text(compare(tiny, a, b), Texts(Lang.EN))
    assert "regressed 1" in en and "1 of 6 items changed" in en
