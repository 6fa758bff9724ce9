"""Files made with checklist 1.0.0 open under 1.1.0 with every record kept where it belongs.

``tests/data/etdz-2025-1.0.0.toml`` is the 1.0.0 checklist as released: the mapping in the
current checklist's ``[[changes]]`` is checked against it sentence by sentence.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assess.checklist import Checklist, VersionChange, load_checklist
from assess.errors import LoadError
from assess.lifecycle import new_assessment
from assess.models import Change, ItemRecord, Status, ZoneProfile
from assess.storage import dumps, load, save

OLD_PATH = Path(__file__).parent / "data/etdz-2025-1.0.0.toml"
CURRENT_PATH = Path(__file__).resolve().parents[1] / "checklists/etdz-2025.toml"


@pytest.fixture(scope="module")
def old() -> Checklist:
    return load_checklist(OLD_PATH)


@pytest.fixture(scope="module")
def current() -> Checklist:
    return load_checklist(CURRENT_PATH)


@pytest.fixture(scope="module")
def change(current: Checklist) -> VersionChange:
    (change,) = [c for c in current.changes if c.from_version == "1.0.0"]
    return change


def test_mapping_keeps_every_sentence(
    old: Checklist, current: Checklist, change: VersionChange
) -> None:
    """Each old item's text is exactly the text of the items its record goes to."""
    assert (old.version, current.version) == ("1.0.0", "1.1.0")
    received: list[str] = []
    for item in old.items:
        parts = change.target(item.id)
        assert "".join(current.item_index[p].source for p in parts) == item.source, item.id
        received += parts
    assert sorted(received) == sorted(current.item_index), "every new item gets one old record"


def test_kind_changes_are_all_listed(
    old: Checklist, current: Checklist, change: VersionChange
) -> None:
    changed = {
        item.id: item.kind
        for item in old.items
        for new_id in change.target(item.id)
        if current.item_index[new_id].kind is not item.kind
    }
    assert changed == change.kinds


def test_figure_moves_follow_the_indicators(old: Checklist, change: VersionChange) -> None:
    for move in change.figures:
        assert move.name in {i.name for i in old.item_index[move.from_item].indicators}


def _old_file(tmp_path: Path, old: Checklist) -> Path:
    a = new_assessment(
        old, ZoneProfile(name="示例区", province="广西", border=True), "2025年上半年"
    )
    a.items["1.7"] = ItemRecord(status=Status.IN_PROGRESS, explanation="示范园区申报中",
                                figures={"有效发明专利拥有量": "1200"})  # fmt: skip
    a.items["8.1"] = ItemRecord(
        status=Status.DONE, explanation="已签协议", figures={"进出口总额": "350"}
    )
    a.items["11.1"] = ItemRecord(status=Status.DONE, explanation="管委会＋公司")
    a.items["11.2"] = ItemRecord(status=Status.NOT_STARTED, explanation="权限未下放")
    a.items["11.3"] = ItemRecord(status=Status.DONE, explanation="监督到位")
    a.items["14.5"] = ItemRecord(status=Status.DONE, explanation="规划环评通过")
    a.items["14.6"] = ItemRecord(note="试点待定")
    a.history.append(Change(at=a.created, item="11.2", field="status", new="未启动"))
    path = tmp_path / "old.json"
    path.write_text(dumps(a), encoding="utf-8")
    return path


def test_old_file_loads_with_records_on_their_new_items(
    tmp_path: Path, old: Checklist, current: Checklist
) -> None:
    loaded = load(_old_file(tmp_path, old), current)
    a, migration = loaded.assessment, loaded.migration
    assert migration is not None and a.checklist.version == "1.1.0"
    assert list(a.items) == list(current.item_index)
    # renumbered: the record moves with its sentence
    assert a.items["11.3"].explanation == "权限未下放"
    assert a.items["11.4"].explanation == "监督到位"
    assert a.items["14.6"].explanation == "规划环评通过"
    assert a.items["14.7"].note == "试点待定"
    # split: both parts start from the zone's answer to the whole sentence
    assert a.items["11.1"].explanation == a.items["11.2"].explanation == "管委会＋公司"
    assert a.items["1.7"].status is a.items["1.8"].status is Status.IN_PROGRESS
    # figures go to the item that now lists the indicator
    assert a.items["1.8"].figures == {"有效发明专利拥有量": "1200"} and a.items["1.7"].figures == {}
    assert a.items["9.2"].figures == {"进出口总额": "350"} and a.items["8.1"].figures == {}
    assert a.history[-1].item == "11.3"
    assert migration.added == [] and migration.retired == [] and a.retired_items == {}


def test_old_file_differences_are_reported(
    tmp_path: Path, old: Checklist, current: Checklist
) -> None:
    migration = load(_old_file(tmp_path, old), current).migration
    assert migration is not None
    text = "\n".join(migration.messages())
    assert "1.0.0 → 1.1.0" in text
    assert "11.2→11.3" in text and "14.5→14.6" in text  # renumbered
    assert "1.7→1.7+1.8" in text and "11.1→11.1+11.2" in text and "14.4→14.4+14.5" in text
    assert "进出口总额 8.1→9.2" in text
    assert "7.2 上级事项→支持" in text and "9.3 higher-level→requirement" in text


def test_migrated_file_saves_and_reloads_unchanged(
    tmp_path: Path, old: Checklist, current: Checklist
) -> None:
    migrated = load(_old_file(tmp_path, old), current).assessment
    path = tmp_path / "new.json"
    save(path, migrated)
    again = load(path, current)
    assert again.migration is None and again.assessment == migrated


def test_a_mapping_onto_a_missing_item_is_a_clear_load_error(tmp_path: Path) -> None:
    text = CURRENT_PATH.read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('"14.6" = "14.7"', '"14.6" = "14.9"'), encoding="utf-8")
    with pytest.raises(LoadError) as info:
        load_checklist(broken)
    assert "14.9" in str(info.value) and "changes" in str(info.value)


def test_an_unknown_old_item_is_still_kept(tmp_path: Path, current: Checklist) -> None:
    path = tmp_path / "odd.json"
    a = new_assessment(current, ZoneProfile(name="z", province="江苏"), "p")
    data = json.loads(dumps(a))
    data["checklist"]["version"] = "1.0.0"
    data["items"]["16.9"] = {"status": "done", "explanation": "不明条目"}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = load(path, current)
    assert loaded.assessment.retired_items["16.9"].explanation == "不明条目"
    assert loaded.migration is not None and loaded.migration.retired == ["16.9"]
