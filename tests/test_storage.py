"""Saving and loading: round trip, atomic replace, .bak, lock, and every bad input."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.editing import Editor
from assess.errors import LoadError, LockedError, SaveError
from assess.models import Action, Assessment, Status
from assess.storage import AssessmentFile, backup_path, dumps, load, save, write_atomic


def test_round_trip_is_identical(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    ed = Editor(tiny_assessment)
    ev = ed.add_evidence("管委会会议纪要", "经开管〔2025〕3号")
    ed.set_status("1.1", Status.DONE)
    ed.set_text("1.1", "explanation", "已出台优惠政策并经合法性审查 =SUM(A1)")
    ed.set_item_evidence("1.1", [ev.id])
    ed.set_actions("1.2", [Action(text="申报省级平台", lead="科创局")])
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    loaded = load(path, tiny)
    assert loaded.assessment == tiny_assessment
    assert loaded.migration is None
    assert dumps(loaded.assessment) == path.read_text(encoding="utf-8")


def test_file_is_utf8_chinese_with_stable_key_order(
    tmp_path: Path, tiny_assessment: Assessment
) -> None:
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    text = path.read_text(encoding="utf-8")
    assert "测试经开区" in text  # not \u escapes
    keys = list(json.loads(text))
    assert keys[:3] == ["schema_version", "checklist", "zone"]
    assert list(json.loads(text)["items"]) == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1"]


def test_save_keeps_previous_version_as_bak(tmp_path: Path, tiny_assessment: Assessment) -> None:
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    first = path.read_bytes()
    Editor(tiny_assessment).set_status("1.1", Status.DONE)
    save(path, tiny_assessment)
    assert backup_path(path).read_bytes() == first
    assert path.read_bytes() != first
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_saving_the_same_again_keeps_the_version_before_as_bak(
    tmp_path: Path, tiny_assessment: Assessment
) -> None:
    """A save on leaving a field, then one on quitting with nothing new: .bak stayed the
    version before the edit, not a second copy of the file."""
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    first = path.read_bytes()
    Editor(tiny_assessment).set_status("1.1", Status.DONE)
    with AssessmentFile(path) as handle:
        handle.save(tiny_assessment)
        handle.save(tiny_assessment)
    assert backup_path(path).read_bytes() == first
    assert path.read_bytes() != first
    path.unlink()  # gone meanwhile: the same bytes are written back, nothing is lost
    with AssessmentFile(path) as handle:
        handle.save(tiny_assessment)
        path.unlink()
        handle.save(tiny_assessment)
    assert path.is_file()


def test_full_disk_leaves_file_and_backup_unchanged(
    tmp_path: Path, tiny_assessment: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    save(path, tiny_assessment)
    before, bak_before = path.read_bytes(), backup_path(path).read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SaveError, match="unchanged"):
        write_atomic(path, b"{}")
    assert path.read_bytes() == before
    assert backup_path(path).read_bytes() == bak_before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


def test_second_writer_is_refused_with_a_message(
    tmp_path: Path, tiny_assessment: Assessment
) -> None:
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from assess.storage import AssessmentFile\n"
        "f = AssessmentFile(Path(sys.argv[1])); f.acquire(); print('locked', flush=True); time.sleep(30)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match="另一个程序"):
            save(path, tiny_assessment)
    finally:
        holder.kill()
        holder.wait()
    save(path, tiny_assessment)  # the dead holder's lock is gone


def test_lock_released_after_close(tmp_path: Path, tiny_assessment: Assessment) -> None:
    path = tmp_path / "a.json"
    with AssessmentFile(path) as handle:
        handle.save(tiny_assessment)
    with AssessmentFile(path) as handle:
        handle.save(tiny_assessment)
    assert not list(tmp_path.glob(".*.lock"))


def _bad(tmp_path: Path, content: bytes | str) -> Path:
    path = tmp_path / "bad.json"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _mutated(tiny_assessment: Assessment, change: dict[str, object]) -> str:
    data = json.loads(dumps(tiny_assessment))
    for dotted, value in change.items():
        *parents, last = dotted.split("/")
        node = data
        for key in parents:
            node = node[key]
        node[last] = value
    return json.dumps(data, ensure_ascii=False)


@pytest.mark.parametrize(
    ("change", "field", "text"),
    [
        ({"items/1.1/status": "finished"}, "items.1.1.status", "finished"),
        ({"zone/border": "maybe"}, "zone.border", "true or false"),
        ({"items/9.9": {}}, "items.9.9", "9.9"),
        ({"checklist/id": "other"}, "checklist.id", "other"),
        ({"schema_version": 99}, "schema_version", "upgrade"),
        ({"checklist/version": "9.0"}, "checklist.version", "upgrade"),
        ({"zone/province": "火星"}, "zone.province", "火星"),
    ],
)
def test_bad_content_names_the_field(
    tmp_path: Path,
    tiny: Checklist,
    tiny_assessment: Assessment,
    change: dict[str, object],
    field: str,
    text: str,
) -> None:
    path = _bad(tmp_path, _mutated(tiny_assessment, change))
    before = path.read_bytes()
    with pytest.raises(LoadError) as info:
        load(path, tiny)
    assert info.value.field == field
    assert text in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before
    assert not backup_path(path).exists()


@pytest.mark.parametrize(
    ("content", "text"),
    [
        (b"", "empty"),
        (b'{"schema_version": 1, ', "not valid JSON"),
        ("这不是JSON", "not valid JSON"),
        ("评估".encode("gbk") + b"{}", "not UTF-8"),
        (b"[1, 2]", "does not hold an assessment"),
        (b"[" * 100000 + b"]" * 100000, "nested"),
    ],
)
def test_bad_bytes_give_messages(
    tmp_path: Path, tiny: Checklist, content: bytes | str, text: str
) -> None:
    with pytest.raises(LoadError, match=text):
        load(_bad(tmp_path, content), tiny)


def test_missing_file_and_folder(tmp_path: Path, tiny: Checklist) -> None:
    with pytest.raises(LoadError, match="not found"):
        load(tmp_path / "nope.json", tiny)
    with pytest.raises(LoadError, match="folder"):
        load(tmp_path, tiny)


def test_utf8_bom_is_accepted(tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment) -> None:
    path = _bad(tmp_path, b"\xef\xbb\xbf" + dumps(tiny_assessment).encode("utf-8"))
    assert load(path, tiny).assessment == tiny_assessment


def test_older_checklist_version_loads_and_keeps_removed_items(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    data = json.loads(dumps(tiny_assessment))
    data["checklist"]["version"] = "0.9"
    del data["items"]["3.1"]  # an item added since 0.9
    data["items"]["1.9"] = {"status": "done", "explanation": "旧条目的成效"}  # removed since
    data["items"]["1.8"] = {}  # removed, nothing recorded
    loaded = load(_bad(tmp_path, json.dumps(data, ensure_ascii=False)), tiny)
    assert loaded.migration is not None
    assert loaded.migration.added == ["3.1"]
    assert loaded.migration.retired == ["1.9"]
    a = loaded.assessment
    assert a.retired_items["1.9"].explanation == "旧条目的成效"
    assert a.checklist.version == "1.0"
    assert "1.9" not in a.items
    path = tmp_path / "migrated.json"
    save(path, a)
    assert load(path, tiny).assessment.retired_items["1.9"].status is Status.DONE


def test_file_cut_mid_character_says_incomplete(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    data = dumps(tiny_assessment).encode("utf-8")
    cut = data[: data.index("测试经开区".encode()) + 1]  # inside the first CJK character
    path = tmp_path / "cut.json"
    path.write_bytes(cut)
    with pytest.raises(LoadError, match="incomplete"):
        load(path, tiny)


def test_missing_folder_is_named(tmp_path: Path, tiny_assessment: Assessment) -> None:
    with pytest.raises(LockedError, match="does not exist"):
        save(tmp_path / "no" / "such" / "a.json", tiny_assessment)


def test_history_entries_from_no_workbook_are_written_as_the_version_before_wrote_them(
    tmp_path: Path, tiny: Checklist, tiny_assessment: Assessment
) -> None:
    """``export`` (a returned workbook's export ID) is newer than schema 2's first release,
    which refuses unknown keys: an entry without one leaves the key out, so a file edited only
    by hand in this version still opens there; one that came from a workbook keeps it."""
    item = next(iter(tiny_assessment.items))
    Editor(tiny_assessment, "甲").set_status(item, Status.DONE)
    Editor(tiny_assessment, "乙", source="科创局.xlsx", export="E-1").set_status(
        item, Status.IN_PROGRESS
    )
    path = tmp_path / "a.json"
    save(path, tiny_assessment)
    by_hand, from_workbook = json.loads(path.read_text(encoding="utf-8"))["history"][-2:]
    assert set(by_hand) == {"at", "who", "item", "field", "old", "new", "source"}
    assert from_workbook["export"] == "E-1"
    again = load(path, tiny).assessment
    assert [c.export for c in again.history[-2:]] == ["", "E-1"]
    assert dumps(again) == path.read_text(encoding="utf-8")
