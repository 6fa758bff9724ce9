"""Three zones, one answer sheet: what the policy implies for each, computed by hand.

Every applicable item is 已落实 except: requirement 7.6 不适用 (with a reason) and 13.6 推进中;
support 3.4 未启动 (hub only) and 5.3 推进中 (central, west, northeast); higher-level 13.1
未争取, 16.3 and 5.4 (border only) 争取中, 11.3 未评估. Weights are all 1.
"""

from __future__ import annotations

import pytest

from assess.applicability import item_applies
from assess.checklist import Checklist
from assess.editing import Editor
from assess.lifecycle import new_assessment
from assess.models import Action, Assessment, Status, ZoneProfile
from assess.scoring import summarize
from tests.conftest import TODAY

ANSWERS = {
    "7.6": Status.NOT_APPLICABLE,
    "13.6": Status.IN_PROGRESS,
    "3.4": Status.NOT_STARTED,
    "5.3": Status.IN_PROGRESS,
    "13.1": Status.NOT_STARTED,
    "16.3": Status.IN_PROGRESS,
    "5.4": Status.IN_PROGRESS,
    "11.3": Status.NOT_ASSESSED,
}

ZONES = {
    "内蒙古": ZoneProfile(name="呼和浩特经开区", province="内蒙古", hub=True),
    "广西": ZoneProfile(name="凭祥边境经开区", province="广西", border=True),
    "江苏": ZoneProfile(name="苏州工业园区", province="江苏"),
}


def _answered(checklist: Checklist, zone: ZoneProfile) -> Assessment:
    a = new_assessment(checklist, zone, "2025年下半年")
    editor = Editor(a, who="t")
    for item in checklist.items:
        if not item_applies(item, zone):
            continue
        status = ANSWERS.get(item.id, Status.DONE)
        editor.set_status(item.id, status)
        editor.set_text(item.id, "explanation", "说明")
        if status is Status.IN_PROGRESS:
            editor.add_action(item.id, Action(text="推进"))
    return a


@pytest.mark.parametrize(
    ("province", "applicable", "implementation", "policy_use", "overall", "requests", "gaps"),
    [
        # support 41 (3.4 → 0, 5.3 → 0.5), encourage 14, higher-level 13 scored (13.1 → 0,
        # 16.3 → 0.5): (39.5 + 14 + 11.5) / 68; requirements (7.6 out, 13.6 → 0.5): 8.5 / 9.
        ("内蒙古", 79, 8.5 / 9, 65 / 68, 73.5 / 77, ["13.1", "16.3"], ["13.6", "5.3", "3.4"]),
        # support 40 (5.3 → 0.5), higher-level 14 scored (5.4 and 16.3 → 0.5, 13.1 → 0).
        ("广西", 79, 8.5 / 9, 65.5 / 68, 74 / 77, ["13.1", "5.4", "16.3"], ["13.6", "5.3"]),
        # support 39 all done, higher-level 13 scored as in 内蒙古.
        ("江苏", 77, 8.5 / 9, 64.5 / 66, 73 / 75, ["13.1", "16.3"], ["13.6"]),
    ],
)
def test_each_zone_gets_what_the_policy_implies(
    checklist: Checklist,
    province: str,
    applicable: int,
    implementation: float,
    policy_use: float,
    overall: float,
    requests: list[str],
    gaps: list[str],
) -> None:
    s = summarize(checklist, _answered(checklist, ZONES[province]), TODAY)
    assert s.overall.applicable == applicable
    assert s.implementation.value == pytest.approx(100 * implementation)
    assert s.policy_use.value == pytest.approx(100 * policy_use)
    assert s.overall.value == pytest.approx(100 * overall)
    assert s.requests == requests
    assert s.gaps == gaps  # the requirement first; no higher-level item among them
    # opportunities: support/encourage gaps, 未启动 before 推进中
    assert s.opportunities == sorted((g for g in gaps if g != "13.6"), key=lambda i: i != "3.4")
    assert [(w.code, w.item_id) for w in s.warnings] == [("requirement_not_applicable", "7.6")]
