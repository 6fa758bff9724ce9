"""The three-way merge of returned workbooks: each test is one rule a 管委会 relies on."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.editing import Editor
from assess.merge import (
    ROW,
    MergeRefused,
    Snapshot,
    Workbook,
    apply,
    merge,
    merge_many,
    snapshot,
    who_of,
)
from assess.models import Action, Assessment, Priority, Status


@pytest.fixture
def office(tiny_assessment: Assessment) -> Assessment:
    """The office's file: 1.1 partly filled with two actions, one piece of evidence."""
    a = tiny_assessment
    editor = Editor(a, who="办公室")
    editor.set_status("1.1", Status.IN_PROGRESS)
    editor.set_text("1.1", "gap", "缺少平台")
    editor.add_evidence("工作报告", "示经开〔2025〕1号")
    editor.set_item_evidence("1.1", ["E1"])
    editor.set_actions("1.1", [Action(text="建平台", lead="科创局"), Action(text="报方案")])
    return a


def export(a: Assessment, items: list[str] | None = None) -> tuple[Snapshot, Snapshot]:
    """What a department gets: the base stored in the workbook and the cells (a copy)."""
    base = snapshot(a, items)
    return base, copy.deepcopy(base)


def wb(
    base: Snapshot | None, theirs: Snapshot, source: str = "经发局.xlsx", **kw: object
) -> Workbook:
    return Workbook(source, base, theirs, **kw)  # type: ignore[arg-type]


def test_untouched_field_keeps_the_office_edit_made_after_export(office: Assessment) -> None:
    """The lost-update regression: a returned workbook never reverts newer work."""
    base, theirs = export(office)
    Editor(office, who="办公室").set_text("1.1", "gap", "缺少国家级平台（办公室补充）")
    plan = merge(office, wb(base, theirs))
    result = apply(plan, office)
    assert result.items["1.1"].gap == "缺少国家级平台（办公室补充）"
    assert plan.applied == [] and plan.conflicts == []


def test_field_changed_only_in_workbook_is_applied(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.fields[("1.1", "current")] = "有省级中心3家"
    theirs.fields[("1.1", "status")] = Status.DONE.value
    result = apply(merge(office, wb(base, theirs)), office)
    assert result.items["1.1"].current == "有省级中心3家"
    assert result.items["1.1"].status is Status.DONE
    assert office.items["1.1"].current == ""  # apply works on a copy


def test_both_changed_differently_is_a_conflict_and_nothing_is_written(office: Assessment) -> None:
    base, theirs = export(office)
    Editor(office).set_text("1.1", "gap", "办公室的版本")
    theirs.fields[("1.1", "gap")] = "部门的版本"
    theirs.fields[("1.1", "note")] = "部门备注"
    plan = merge(office, wb(base, theirs))
    [conflict] = plan.conflicts
    assert (conflict.item, conflict.field) == ("1.1", "gap")
    assert (conflict.base, conflict.file, conflict.workbook) == (
        "缺少平台",
        "办公室的版本",
        "部门的版本",
    )
    with pytest.raises(MergeRefused) as refused:
        apply(plan, office)
    assert refused.value.conflicts == [conflict]
    assert office.items["1.1"].note == ""


def test_the_same_change_on_both_sides_is_no_conflict(office: Assessment) -> None:
    base, theirs = export(office)
    Editor(office).set_text("1.1", "gap", "同样的修改")
    theirs.fields[("1.1", "gap")] = "同样的修改"
    plan = merge(office, wb(base, theirs))
    assert plan.conflicts == [] and plan.applied == []
    assert apply(plan, office).items["1.1"].gap == "同样的修改"


@pytest.mark.parametrize(
    ("prefer", "expected"), [("workbook", "部门的版本"), ("file", "办公室的版本")]
)
def test_prefer_decides_conflicts_and_the_rest_is_applied(
    office: Assessment, prefer: str, expected: str
) -> None:
    base, theirs = export(office)
    Editor(office).set_text("1.1", "gap", "办公室的版本")
    theirs.fields[("1.1", "gap")] = "部门的版本"
    theirs.fields[("1.1", "note")] = "部门备注"
    result = apply(merge(office, wb(base, theirs)), office, prefer=prefer)  # type: ignore[arg-type]
    assert result.items["1.1"].gap == expected
    assert result.items["1.1"].note == "部门备注"


def test_reordering_citations_or_actions_is_no_change(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.actions = dict(reversed(list(theirs.actions.items())))
    plan = merge(office, wb(base, theirs))
    assert plan.applied == [] and plan.deleted == [] and plan.added == []
    assert apply(plan, office).items["1.1"].actions == office.items["1.1"].actions


def test_editing_an_action_row_edits_that_action(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.actions["A2"]["text"] = "报送国家级平台申报方案"
    theirs.actions["A2"]["due"] = "2026-06-30"
    result = apply(merge(office, wb(base, theirs)), office)
    actions = result.items["1.1"].actions
    assert [a.id for a in actions] == ["A1", "A2"]
    assert actions[1].text == "报送国家级平台申报方案"
    assert actions[1].due == dt.date(2026, 6, 30)


def test_action_fields_changed_on_each_side_both_survive(office: Assessment) -> None:
    """Per field, not per row: the office sets a deadline, the department rewords the text."""
    base, theirs = export(office)
    Editor(office).set_action_field("A1", "priority", Priority.HIGH)
    theirs.actions["A1"]["text"] = "建成中试平台"
    result = apply(merge(office, wb(base, theirs)), office)
    action = result.items["1.1"].actions[0]
    assert (action.text, action.priority) == ("建成中试平台", Priority.HIGH)


def test_deleting_an_action_row_deletes_the_action(office: Assessment) -> None:
    base, theirs = export(office)
    del theirs.actions["A1"]
    plan = merge(office, wb(base, theirs))
    assert [d.id for d in plan.deleted] == ["A1"]
    assert [a.id for a in apply(plan, office).items["1.1"].actions] == ["A2"]


def test_deleting_an_action_the_office_changed_since_is_a_conflict(office: Assessment) -> None:
    base, theirs = export(office)
    Editor(office).set_action_field("A1", "text", "建平台（已调整）")
    del theirs.actions["A1"]
    plan = merge(office, wb(base, theirs))
    [conflict] = plan.conflicts
    assert (conflict.row, conflict.field, conflict.workbook) == ("A1", ROW, ())
    assert [a.id for a in apply(plan, office, prefer="file").items["1.1"].actions] == ["A1", "A2"]
    assert [a.id for a in apply(plan, office, prefer="workbook").items["1.1"].actions] == ["A2"]


def test_a_row_without_id_is_a_new_action_with_a_fresh_id(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.new_actions.append({"item": "1.1", "text": "引进研发团队", "lead": "科创局", "due": ""})
    result = apply(merge(office, wb(base, theirs)), office)
    actions = result.items["1.1"].actions
    assert [(a.id, a.text) for a in actions][-1] == ("A3", "引进研发团队")


def test_a_new_row_imported_twice_is_added_once(office: Assessment) -> None:
    """Re-running the import: the file already gained the row since the export."""
    base, theirs = export(office)
    row = {"item": "1.1", "text": "引进研发团队", "lead": "科创局", "due": "2026-12-31"}
    theirs.new_actions.append(row)
    once = apply(merge(office, wb(base, theirs)), office)
    plan = merge(once, wb(base, theirs))
    assert plan.added == [] and plan.applied == []
    assert [a.text for a in apply(plan, once).items["1.1"].actions].count("引进研发团队") == 1


def test_new_rows_the_file_does_not_hold_yet_are_still_added(office: Assessment) -> None:
    """Two equal new rows are two actions; a row differing in one field is another action."""
    base, theirs = export(office)
    row = {"item": "1.1", "text": "引进研发团队", "lead": "科创局", "due": ""}
    theirs.new_actions += [row, dict(row)]
    once = apply(merge(office, wb(base, theirs)), office)
    theirs.new_actions.append({**row, "lead": "商务局"})
    plan = merge(once, wb(base, theirs))
    assert [(a.item, a.values["lead"]) for a in plan.added] == [("1.1", "商务局")]
    texts = [a.text for a in apply(plan, once).items["1.1"].actions]
    assert texts.count("引进研发团队") == 3


def test_evidence_rows_round_trip_by_id(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.evidence["E1"]["title"] = "2025年管委会工作报告"
    theirs.new_evidence["新1"] = {"title": "平台认定文件", "ref": "", "date": "2025-06-30"}
    theirs.fields[("1.1", "evidence")] = ("E1", "新1")
    result = apply(merge(office, wb(base, theirs)), office)
    assert result.evidence_by_id()["E1"].title == "2025年管委会工作报告"
    assert result.evidence_by_id()["E2"].date == dt.date(2025, 6, 30)
    assert result.items["1.1"].evidence == ["E1", "E2"]


def test_a_department_workbook_changes_only_its_own_items(office: Assessment) -> None:
    """Scope: 1.1 was exported for context, only 1.2 is the department's."""
    base, theirs = export(office, ["1.1", "1.2"])
    theirs.fields[("1.1", "gap")] = "越权修改"
    theirs.fields[("1.2", "gap")] = "本部门的差距"
    theirs.fields[("2.1", "gap")] = "未导出的条目"
    theirs.new_actions.append({"item": "1.1", "text": "越权新增"})
    del theirs.actions["A1"]
    plan = merge(office, wb(base, theirs, scope=frozenset({"1.2"})))
    refused = {(o.item, o.field, o.row, o.reason) for o in plan.out_of_scope}
    assert refused == {
        ("1.1", "gap", "", "not_in_scope"),
        ("2.1", "gap", "", "not_exported"),
        ("1.1", ROW, "", "not_in_scope"),
        ("1.1", ROW, "A1", "not_in_scope"),
    }
    result = apply(plan, office)
    assert result.items["1.1"] == office.items["1.1"]
    assert result.items["2.1"].gap == ""
    assert result.items["1.2"].gap == "本部门的差距"


def test_an_unknown_action_id_is_refused_not_guessed(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.actions["A9"] = {"item": "1.1", "text": "抄来的行"}
    [refused] = merge(office, wb(base, theirs)).out_of_scope
    assert (refused.row, refused.reason) == ("A9", "unknown_row")


def test_two_workbooks_changing_a_field_differently_conflict(office: Assessment) -> None:
    base1, theirs1 = export(office, ["1.1", "1.2"])
    base2, theirs2 = export(office, ["1.1", "2.1"])
    theirs1.fields[("1.1", "gap")] = "经发局的版本"
    theirs2.fields[("1.1", "gap")] = "科创局的版本"
    theirs1.fields[("1.2", "note")] = "经发局备注"
    theirs2.fields[("2.1", "note")] = "科创局备注"
    books = [wb(base1, theirs1, "经发局.xlsx"), wb(base2, theirs2, "科创局.xlsx")]
    plan = merge_many(office, books)
    [conflict] = plan.conflicts
    assert (conflict.source, conflict.workbook) == ("科创局.xlsx", "科创局的版本")
    assert (conflict.other_source, conflict.other) == ("经发局.xlsx", "经发局的版本")
    with pytest.raises(MergeRefused) as refused:
        apply(plan, office)
    assert refused.value.code == "between"  # its message offers only what can settle it
    assert "--prefer workbook /" not in str(refused.value)
    with pytest.raises(MergeRefused) as refused:
        apply(plan, office, prefer="workbook")  # which one? never silently one department
    assert refused.value.code == "between"
    result = apply(plan, office, prefer="file")
    assert result.items["1.1"].gap == "缺少平台"
    assert (result.items["1.2"].note, result.items["2.1"].note) == ("经发局备注", "科创局备注")


def test_two_workbooks_making_the_same_change_apply_it_once(office: Assessment) -> None:
    base, theirs1 = export(office)
    theirs2 = copy.deepcopy(theirs1)
    for theirs in (theirs1, theirs2):
        theirs.fields[("1.1", "gap")] = "一致的修改"
    plan = merge_many(office, [wb(base, theirs1, "甲.xlsx"), wb(base, theirs2, "乙.xlsx")])
    assert plan.conflicts == [] and len(plan.applied) == 1


def test_one_workbook_deletes_an_action_another_edits(office: Assessment) -> None:
    base, theirs1 = export(office)
    theirs2 = copy.deepcopy(theirs1)
    del theirs1.actions["A1"]
    theirs2.actions["A1"]["text"] = "建平台（改）"
    plan = merge_many(office, [wb(base, theirs1, "甲.xlsx"), wb(base, theirs2, "乙.xlsx")])
    [conflict] = plan.conflicts
    assert (conflict.row, conflict.other_source) == ("A1", "甲.xlsx")
    assert plan.deleted == [] and plan.applied == []


def test_history_records_who_filled_it_in_and_the_workbook(office: Assessment) -> None:
    base, theirs = export(office)
    theirs.fields[("1.1", "note")] = "已核对"
    del theirs.actions["A2"]
    book = wb(base, theirs, "经发局-2025H2.xlsx", who=who_of("李四", "经发局"))
    result = apply(merge(office, book), office)
    new = result.history[len(office.history) :]
    assert [(c.field, c.who, c.source) for c in new] == [
        ("note", "李四（经发局）", "经发局-2025H2.xlsx"),
        ("actions.A2", "李四（经发局）", "经发局-2025H2.xlsx"),
    ]
    override = apply(merge(office, book), office, who="王五")
    assert override.history[-1].who == "王五"


def test_without_a_base_the_old_two_way_rule_applies_and_says_so(office: Assessment) -> None:
    _, theirs = export(office)
    Editor(office).set_text("1.1", "gap", "办公室的新版本")
    theirs.fields[("1.1", "current")] = "部门填写"
    theirs.fields[("1.1", "note")] = ""
    plan = merge(office, wb(None, theirs))
    assert plan.two_way == ["经发局.xlsx"]
    result = apply(plan, office)
    assert result.items["1.1"].current == "部门填写"
    assert result.items["1.1"].gap == "缺少平台"  # the old rule: a non-empty cell wins


def test_a_stored_base_reads_back_equal(office: Assessment) -> None:
    base = snapshot(office)
    assert Snapshot.from_json(base.to_json()) == base
    with pytest.raises(ValueError):
        Snapshot.from_json({"fields": [["1.1", "gap", 3]], "actions": {}, "evidence": {}})


TEXTS = st.sampled_from(["", "甲", "乙", "丙"])


# The fixture is only copied, never changed, so sharing it between examples is safe.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    base=st.dictionaries(st.sampled_from(["gap", "note", "current"]), TEXTS),
    file=st.dictionaries(st.sampled_from(["gap", "note", "current"]), TEXTS),
    theirs=st.dictionaries(st.sampled_from(["gap", "note", "current"]), TEXTS),
    prefer=st.sampled_from(["workbook", "file", None]),
)
def test_a_field_the_workbook_left_as_exported_never_changes(
    tiny_assessment: Assessment,
    base: dict[str, str],
    file: dict[str, str],
    theirs: dict[str, str],
    prefer: str | None,
) -> None:
    exported = tiny_assessment.model_copy(deep=True)
    for name, value in base.items():
        Editor(exported).set_text("1.1", name, value)
    now = exported.model_copy(deep=True)
    for name, value in file.items():
        Editor(now).set_text("1.1", name, value)
    book = snapshot(exported, ["1.1"])
    for name, value in theirs.items():
        book.fields[("1.1", name)] = value
    plan = merge(now, wb(snapshot(exported, ["1.1"]), book))
    try:
        result = apply(plan, now, prefer=prefer)  # type: ignore[arg-type]
    except MergeRefused:
        result = now
    for name in ("gap", "note", "current"):
        if book.fields[("1.1", name)] == getattr(exported.items["1.1"], name):
            assert getattr(result.items["1.1"], name) == getattr(now.items["1.1"], name)
