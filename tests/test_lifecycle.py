"""New assessments, roll-forward to the next period, and the change history."""

from __future__ import annotations

import datetime as dt

from assess.checklist import Checklist
from assess.editing import Editor
from assess.lifecycle import roll_forward
from assess.models import Action, ActionStatus, Assessment, ItemRecord, Status


def test_new_assessment_has_every_item_unassessed(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    assert list(tiny_assessment.items) == [i.id for i in tiny.items]
    assert all(r.status is Status.NOT_ASSESSED for r in tiny_assessment.items.values())
    assert tiny_assessment.checklist.version == tiny.version


def test_history_records_who_what_old_new(tiny_assessment: Assessment) -> None:
    ed = Editor(tiny_assessment, who="李四")
    assert ed.set_status("1.1", Status.IN_PROGRESS)
    assert not ed.set_status("1.1", Status.IN_PROGRESS)  # no-op is not history
    ed.set_status("1.1", Status.DONE)
    ed.set_text("1.1", "gap", "缺少专业队伍")
    h = tiny_assessment.history
    assert [(c.item, c.field, c.old, c.new, c.who) for c in h] == [
        ("1.1", "status", "not_assessed", "in_progress", "李四"),
        ("1.1", "status", "in_progress", "done", "李四"),
        ("1.1", "gap", "", "缺少专业队伍", "李四"),
    ]
    assert tiny_assessment.updated == h[-1].at


def test_removing_evidence_uncites_it_everywhere(tiny_assessment: Assessment) -> None:
    ed = Editor(tiny_assessment)
    ev = ed.add_evidence("年报")
    ev2 = ed.add_evidence("纪要")
    assert (ev.id, ev2.id) == ("E1", "E2")
    ed.set_item_evidence("1.1", [ev.id, ev2.id])
    ed.set_item_evidence("2.1", [ev.id])
    ed.remove_evidence(ev.id)
    assert tiny_assessment.items["1.1"].evidence == ["E2"]
    assert tiny_assessment.items["2.1"].evidence == []
    assert [e.id for e in tiny_assessment.evidence] == ["E2"]
    assert ed.add_evidence("新").id == "E3"


def test_roll_forward_carries_work_and_drops_done_actions(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    ed = Editor(tiny_assessment)
    ev = ed.add_evidence("政策文件", "经开发〔2025〕1号", dt.date(2025, 6, 1))
    ed.restore_record(
        "1.1",
        ItemRecord(
            status=Status.IN_PROGRESS,
            explanation="已完成初稿",
            current="有草案",
            gap="未经审查",
            evidence=[ev.id],
            actions=[
                Action(text="合法性审查", status=ActionStatus.DONE),
                Action(text="印发实施", due=dt.date(2026, 3, 31)),
            ],
        ),
    )
    nxt = roll_forward(tiny_assessment, tiny, period="2026年上半年")
    rec = nxt.items["1.1"]
    assert rec.status is Status.IN_PROGRESS
    assert (rec.explanation, rec.current, rec.gap, rec.evidence) == (
        "已完成初稿",
        "有草案",
        "未经审查",
        ["E1"],
    )
    assert [a.text for a in rec.actions] == ["印发实施"]
    assert nxt.evidence == tiny_assessment.evidence
    assert nxt.history == []
    assert nxt.period == "2026年上半年"
    assert nxt.zone == tiny_assessment.zone
    # the previous period is untouched
    assert len(tiny_assessment.items["1.1"].actions) == 2


def test_roll_forward_adds_items_new_in_the_checklist(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    del tiny_assessment.items["3.1"]
    nxt = roll_forward(tiny_assessment, tiny, period="下一期")
    assert nxt.items["3.1"] == ItemRecord()
