"""Who answers for what, action IDs, and what carries over: the model side of issue 13."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.departments import items_of, progress, responsible, unassigned
from assess.editing import Editor
from assess.errors import LoadError
from assess.lifecycle import roll_forward
from assess.models import Action, Assessment, Responsibility, Status
from assess.storage import dumps, load, save
from tests.conftest import TODAY


@pytest.fixture
def owned(tiny_assessment: Assessment) -> Assessment:
    a = tiny_assessment
    a.departments = ["经发局", "科创局", "商务局"]
    a.responsibility = {
        "1": Responsibility(lead="科创局", partners=["经发局"]),
        "1.2": Responsibility(lead="商务局"),
        "3": Responsibility(lead="经发局"),
    }
    return a


def test_an_item_override_beats_its_measure(tiny: Checklist, owned: Assessment) -> None:
    assert responsible(tiny, owned, "1.1") == Responsibility(lead="科创局", partners=["经发局"])
    assert responsible(tiny, owned, "1.2") == Responsibility(lead="商务局")
    assert responsible(tiny, owned, "2.1") is None


def test_items_of_a_department_by_role(tiny: Checklist, owned: Assessment) -> None:
    """1.3 is for border zones only: a 江苏 zone's departments do not own it."""
    assert items_of(tiny, owned, "科创局") == ["1.1"]
    assert items_of(tiny, owned, "经发局") == ["3.1"]
    assert items_of(tiny, owned, "经发局", role="any") == ["1.1", "3.1"]
    assert unassigned(tiny, owned) == ["2.1", "2.2"]


def test_progress_per_department(tiny: Checklist, owned: Assessment) -> None:
    Editor(owned).set_status("1.2", Status.DONE)
    rows = {p.department: (p.assessed, p.total) for p in progress(tiny, owned)}
    assert rows == {"经发局": (0, 1), "科创局": (0, 1), "商务局": (1, 1)}


@pytest.mark.parametrize(
    ("owners", "needle"),
    [
        ({"1": Responsibility(lead="招商局")}, "responsibility.1：“招商局”不在部门清单"),
        ({"1.2": Responsibility(lead="经发局", partners=["外单位"])}, "responsibility.1.2"),
        ({"1": Responsibility(lead="经发局", partners=["经发局"])}, "既是牵头又是配合"),
        ({"第一": Responsibility(lead="经发局")}, "responsibility.第一"),
    ],
)
def test_owners_come_from_the_zone_list(
    owned: Assessment, owners: dict[str, Responsibility], needle: str
) -> None:
    with pytest.raises(ValidationError, match=needle):
        owned.responsibility = owners


def test_a_department_typed_twice_is_refused(owned: Assessment) -> None:
    with pytest.raises(ValidationError, match="重复"):
        owned.departments = ["经发局", "经发局"]


def _write(path: Path, a: Assessment, strip_ids: bool) -> None:
    data = json.loads(dumps(a))
    if strip_ids:
        for record in data["items"].values():
            for action in record["actions"]:
                del action["id"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_files_without_action_ids_load_and_get_them_in_order(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    a = tiny_assessment
    a.items["3.1"].actions = [Action(text="丙")]
    a.items["1.1"].actions = [Action(text="甲"), Action(text="乙")]
    old = tmp_path / "old.json"
    _write(old, a, strip_ids=True)
    loaded = load(old, tiny).assessment
    ids = {i: [(x.id, x.text) for x in r.actions] for i, r in loaded.items.items() if r.actions}
    assert ids == {"1.1": [("A1", "甲"), ("A2", "乙")], "3.1": [("A3", "丙")]}
    assert load(old, tiny).assessment == loaded  # deterministic
    save(old, loaded)  # a save writes the IDs, and nothing else changes
    assert json.loads(old.read_text(encoding="utf-8"))["items"]["3.1"]["actions"][0]["id"] == "A3"


def test_duplicate_action_ids_in_a_file_are_refused(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    tiny_assessment.items["1.1"].actions = [Action(text="甲", id="A1"), Action(text="乙", id="A1")]
    path = tmp_path / "dup.json"
    path.write_text(dumps(tiny_assessment), encoding="utf-8")
    with pytest.raises(LoadError, match="A1"):
        load(path, tiny)


def test_an_old_file_loads_unchanged_except_the_action_ids(
    tmp_path: Path, checklist: Checklist
) -> None:
    demo = build_demo(checklist, TODAY)
    demo.responsibility, demo.departments, demo.zone_tasks = {}, [], []
    path = tmp_path / "old.json"
    _write(path, demo, strip_ids=True)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["departments"], data["responsibility"], data["zone_tasks"]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert load(path, checklist).assessment == demo


def test_the_demo_splits_the_plan_among_departments(checklist: Checklist) -> None:
    demo = build_demo(checklist, TODAY)
    assert "自然资源和规划局" in demo.departments
    assert responsible(checklist, demo, "13.6") == Responsibility(
        lead="自然资源和规划局", partners=["经发局"]
    )
    assert responsible(checklist, demo, "1.7").lead == "经发局"  # type: ignore[union-attr]
    assert responsible(checklist, demo, "1.1").lead == "科创局"  # type: ignore[union-attr]
    assert unassigned(checklist, demo) == []
    assert all(a.id for r in demo.items.values() for a in r.actions)


def test_roll_forward_carries_departments_and_owners(checklist: Checklist) -> None:
    demo = build_demo(checklist, TODAY)
    nxt = roll_forward(demo, checklist, period="2026年上半年")
    assert nxt.departments == demo.departments
    assert nxt.responsibility == demo.responsibility
    carried = [a.id for a in nxt.items["1.1"].actions]
    assert carried == [a.id for a in demo.items["1.1"].actions]


def test_owners_are_changed_through_the_history(owned: Assessment) -> None:
    editor = Editor(owned, who="办公室")
    assert editor.set_responsibility("3", Responsibility(lead="商务局", partners=["经发局"]))
    assert editor.set_responsibility("1.2", None)
    with pytest.raises(ValueError, match="商务局"):
        editor.set_departments(["经发局", "科创局"])  # 商务局 still leads measure 3
    assert owned.departments == ["经发局", "科创局", "商务局"]
    assert [(c.field, c.old, c.new) for c in owned.history[-2:]] == [
        (
            "responsibility.3",
            '{"lead":"经发局","partners":[]}',
            '{"lead":"商务局","partners":["经发局"]}',
        ),
        ("responsibility.1.2", '{"lead":"商务局","partners":[]}', ""),
    ]
