"""Every kind of edit goes through ``Editor`` and leaves one history entry with stored values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from assess import fields
from assess.editing import Editor
from assess.models import Action, Assessment, ItemRecord, Schedule, Status
from assess.texts import Texts
from assess.texts.history import history_value

Edit = Callable[[Editor], object]
EDITS: dict[str, tuple[Edit, str]] = {
    "zone name": (lambda e: e.set_zone(fields.ZONE_NAME, "新名称"), "zone.name"),
    "province": (lambda e: e.set_zone(fields.ZONE_PROVINCE, "浙江"), "zone.province"),
    "border": (lambda e: e.set_zone(fields.ZONE_BORDER, True), "zone.border"),
    "hub": (lambda e: e.set_zone(fields.ZONE_HUB, True), "zone.hub"),
    "foreign talent": (
        lambda e: e.set_zone(fields.ZONE_FOREIGN_TALENT, True),
        "zone.foreign_talent",
    ),
    "period": (lambda e: e.set_period("2026年上半年"), "period"),
    "assessor": (lambda e: e.set_assessor("王五"), "assessor"),
    "status": (lambda e: e.set_status("1.1", Status.DONE), "status"),
    "text": (lambda e: e.set_field("1.1", fields.GAP, "缺少队伍"), "gap"),
    "figure": (lambda e: e.set_figure("1.1", "企业数", "12"), "figures.企业数"),
    "actions": (lambda e: e.set_actions("1.1", [Action(text="建队伍")]), "actions"),
}


@pytest.mark.parametrize("name", list(EDITS))
def test_each_edit_writes_one_history_entry(tiny_assessment: Assessment, name: str) -> None:
    edit, field = EDITS[name]
    editor = Editor(tiny_assessment, who="李四")
    edit(editor)
    assert [(c.field, c.who) for c in tiny_assessment.history] == [(field, "李四")]
    edit(editor)  # the same edit again changes nothing and logs nothing
    assert len(tiny_assessment.history) == 1


def test_evidence_update_cite_uncite_and_remove_are_logged(tiny_assessment: Assessment) -> None:
    editor = Editor(tiny_assessment)
    record = editor.add_evidence("工作报告", id="E7")
    assert record.id == "E7"
    assert editor.cite("1.1", "E7") and not editor.cite("1.1", "E7")
    assert editor.update_evidence(record.model_copy(update={"ref": "文2号"}))
    assert editor.uncite("1.1", "E7")
    editor.cite("1.2", "E7")
    editor.remove_evidence("E7")
    assert tiny_assessment.items["1.2"].evidence == []
    assert [c.field for c in tiny_assessment.history] == [
        "evidence.E7", "evidence", "evidence.E7", "evidence", "evidence", "evidence", "evidence.E7",
    ]  # fmt: skip


def test_a_deleted_evidence_records_id_is_never_given_again(tiny_assessment: Assessment) -> None:
    """A re-sent workbook citing E2 must not point at a new record that took a deleted one's ID."""
    editor = Editor(tiny_assessment)
    assert [editor.add_evidence(t).id for t in ("报告", "批复")] == ["E1", "E2"]
    editor.remove_evidence("E2")
    assert editor.add_evidence("新文件").id == "E3"  # the history still names E2
    assert editor.add_evidence("同号", id="E3").id == "E4"  # a taken ID asked for: the next


def test_history_stores_values_and_shows_labels(tiny_assessment: Assessment) -> None:
    editor = Editor(tiny_assessment)
    editor.set_status("1.1", Status.IN_PROGRESS)
    editor.set_actions("1.1", [Action(text="建队伍", due=dt.date(2026, 6, 30))])
    status, actions = tiny_assessment.history
    assert (status.old, status.new) == ("not_assessed", "in_progress")
    assert '"due":"2026-06-30"' in actions.new and '"priority":"medium"' in actions.new
    assert history_value("status", status.new, Texts()) == "推进中"
    # Files written before values were stored hold labels; they are shown as they are.
    assert history_value("status", "推进中", Texts()) == "推进中"
    assert history_value("status", "某旧值", Texts()) == "某旧值"


def test_restore_record_and_undo_log_every_field(tiny_assessment: Assessment) -> None:
    snapshot = tiny_assessment.model_copy(deep=True)
    editor = Editor(tiny_assessment)
    editor.set_status("1.1", Status.DONE)
    editor.set_zone(fields.ZONE_HUB, True)
    editor.add_evidence("报告")
    editor.cite("1.1", "E1")
    start = len(tiny_assessment.history)
    editor.restore(snapshot)
    assert tiny_assessment.model_dump(exclude={"history", "updated"}) == snapshot.model_dump(
        exclude={"history", "updated"}
    )
    logged = {c.field for c in tiny_assessment.history[start:]}
    assert {"zone.hub", "status", "evidence", "evidence.E1", "undo"} <= logged
    assert not editor.restore_record("1.1", tiny_assessment.items["1.1"])
    assert editor.restore_record("1.1", ItemRecord(note="备注"))


def test_a_zone_task_record_edits_like_an_items(tiny_assessment: Assessment) -> None:
    """The form edits a task by its ID through the same methods; no item record appears."""
    editor = Editor(tiny_assessment, who="李四")
    task = editor.add_zone_task(1, "自设试点")
    evidence = editor.add_evidence("试点批复")
    editor.set_status(task.id, Status.IN_PROGRESS)
    editor.set_field(task.id, fields.SCHEDULE, Schedule.BEHIND)
    editor.cite(task.id, evidence.id)
    added = editor.add_action(task.id, Action(text="报送方案"))
    editor.set_action_field(added.id, "lead", "商务局")
    record = tiny_assessment.zone_tasks[0].record
    assert (record.status, record.schedule) == (Status.IN_PROGRESS, Schedule.BEHIND)
    assert record.evidence == [evidence.id] and record.actions[0].lead == "商务局"
    assert task.id not in tiny_assessment.items
    editor.remove_evidence(evidence.id)  # the register drops it: the task's citation goes too
    assert tiny_assessment.zone_tasks[0].record.evidence == []
    editor.remove_action(added.id)
    assert tiny_assessment.zone_tasks[0].record.actions == []
    assert {c.item for c in tiny_assessment.history} == {"", task.id}


def test_an_id_once_given_is_never_given_again(tiny_assessment: Assessment) -> None:
    """The history names each action, claim and zone task by its ID: a new row after the
    highest one was deleted takes a fresh ID, so no entry comes to name two rows."""
    editor = Editor(tiny_assessment, "办公室")
    item = next(iter(tiny_assessment.items))
    first = editor.add_action(item, Action(text="第一项"))
    editor.remove_action(first.id)
    assert editor.add_action(item, Action(text="第二项")).id != first.id
    claim = editor.add_claim(item, policy="政策甲")
    editor.remove_claim(claim.id)
    assert editor.add_claim(item, policy="政策乙").id != claim.id
    task = editor.add_zone_task(1, "任务甲")
    editor.remove_zone_task(task.id)
    assert editor.add_zone_task(1, "任务乙").id != task.id
    # a restored row (undo, a returned workbook) still keeps its own ID
    assert editor.add_action(item, first).id == first.id
