"""Scores, coverage, gaps, opportunities and warnings, against hand-computed values."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.checklist import Checklist
from assess.models import Action, ActionStatus, Assessment, Status, ZoneProfile
from assess.scoring import summarize
from tests.conftest import TODAY


def _set(a: Assessment, item_id: str, status: Status, explanation: str = "x") -> None:
    rec = a.record(item_id)
    rec.status = status
    rec.explanation = explanation


def test_blank_assessment_has_no_score_and_zero_coverage(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    s = summarize(tiny, tiny_assessment, TODAY)
    assert s.overall.value is None
    # Jiangsu, not a border zone: 1.3 (border) does not apply; 2.2 (east) does.
    assert s.overall.applicable == 5
    assert s.overall.coverage == 0
    assert s.counts[Status.NOT_ASSESSED] == 6


def test_weighted_means_per_measure_area_overall(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    a = tiny_assessment
    _set(a, "1.1", Status.DONE)  # 1 × weight 1
    _set(a, "1.2", Status.IN_PROGRESS)  # 0.5 × weight 3
    a.record("1.2").actions.append(Action(text="推进"))
    _set(a, "2.1", Status.NOT_STARTED)  # 0
    _set(a, "2.2", Status.NOT_APPLICABLE, "没有条件")  # left out
    _set(a, "3.1", Status.DONE)
    s = summarize(tiny, a, TODAY)
    assert s.measures[1].value == pytest.approx(100 * (1 + 1.5) / 4)  # 62.5
    assert s.measures[2].value == pytest.approx(0.0)
    assert s.areas[2].value == pytest.approx(100 * 2.5 / 5)  # items of both measures: 50
    assert s.areas[3].value == pytest.approx(100.0)
    assert s.overall.value == pytest.approx(100 * 3.5 / 6)
    assert s.overall.coverage == pytest.approx(1.0)
    assert s.warnings == []


def test_not_applicable_by_profile_is_not_scored_but_warned(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    _set(tiny_assessment, "1.3", Status.DONE)
    s = summarize(tiny, tiny_assessment, TODAY)
    assert s.measures[1].value is None
    assert [w.code for w in s.warnings] == ["not_applicable_but_assessed"]
    assert s.warnings[0].item_id == "1.3"


def test_profile_changes_applicability(tiny: Checklist, tiny_assessment: Assessment) -> None:
    _set(tiny_assessment, "1.3", Status.DONE)
    tiny_assessment.zone = ZoneProfile(name="边境经开区", province="广西", border=True)
    s = summarize(tiny, tiny_assessment, TODAY)
    assert s.measures[1].value == pytest.approx(100.0)
    assert s.overall.applicable == 5  # 1.3 now applies, 2.2 (east only) no longer does


def test_gaps_requirements_first_and_opportunities(
    tiny: Checklist, tiny_assessment: Assessment
) -> None:
    a = tiny_assessment
    _set(a, "1.2", Status.NOT_STARTED)
    _set(a, "2.1", Status.IN_PROGRESS)
    _set(a, "3.1", Status.IN_PROGRESS)
    _set(a, "1.1", Status.DONE)
    s = summarize(tiny, a, TODAY)
    assert s.gaps == ["3.1", "1.2", "2.1"]
    assert s.opportunities == ["1.2", "2.1"]


def test_quality_warnings(tiny: Checklist, tiny_assessment: Assessment) -> None:
    a = tiny_assessment
    _set(a, "1.1", Status.DONE, "")
    _set(a, "1.2", Status.NOT_APPLICABLE, "  ")
    _set(a, "2.1", Status.IN_PROGRESS)
    a.record("3.1").actions = [
        Action(text="过期未完成", due=dt.date(2025, 12, 31)),
        Action(text="过期已完成", due=dt.date(2025, 12, 31), status=ActionStatus.DONE),
        Action(text="未到期", due=TODAY),
    ]
    codes = {(w.code, w.item_id) for w in summarize(tiny, a, TODAY).warnings}
    assert codes == {
        ("done_without_effect", "1.1"),
        ("na_without_reason", "1.2"),
        ("in_progress_without_action", "2.1"),
        ("action_overdue", "3.1"),
    }
