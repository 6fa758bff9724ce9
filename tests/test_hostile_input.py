"""Broken and hostile files: a clear message, exit code 2, and the file left byte-identical."""

from __future__ import annotations

import errno
import json
import os
import shutil
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.errors import LoadError, LockedError, SaveError
from assess.lang import Lang
from assess.storage import load, save
from assess.texts import Texts
from tests.conftest import run_cli

CORPUS = Path(__file__).parent / "hostile"

# file → (field named in the message or "", words the message must contain)
BROKEN: dict[str, tuple[str, str]] = {
    "empty.json": ("", "empty"),
    "whitespace.json": ("", "empty"),
    "truncated.json": ("", "not valid JSON"),
    "not-json.json": ("", "not valid JSON"),
    "wrong-types.json": ("zone.border", "true or false"),
    "items-not-object.json": ("items", "must be an object"),
    "unknown-status.json": ("items.7.6.status", "已落实"),
    "unknown-item.json": ("items.17.1", "17.1"),
    "wrong-checklist.json": ("checklist.id", "fta-2024"),
    "newer-schema.json": ("schema_version", "upgrade"),
    "newer-checklist.json": ("checklist.version", "upgrade"),
    "gbk.json": ("", "not UTF-8"),
    "utf16.json": ("", "not UTF-8"),
    "nested.json": ("", "nested"),
    "nested-object.json": ("", "nested"),
    "array.json": ("", "does not hold an assessment"),
    "garbage.bin": ("", "not UTF-8"),
    "nul-bytes.json": ("", "not valid JSON"),
    "bad-date.json": ("items.7.6.actions.0.due", "date"),
    "dangling-evidence.json": ("", "E1"),
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy, so a test that wrongly wrote would not spoil the corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in CORPUS.iterdir()} - {
        "README.md",
        "valid-minimal.json",
        "utf8-bom.json",
    }
    assert on_disk == set(BROKEN)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_in_process(name: str, corpus: Path, checklist: Checklist) -> None:
    field, words = BROKEN[name]
    path = corpus / name
    before = path.read_bytes()
    with pytest.raises(LoadError) as info:
        load(path, checklist)
    assert info.value.field == field
    assert words in info.value.message
    assert path.read_bytes() == before


@pytest.mark.parametrize("name", ["unknown-status.json", "gbk.json", "nested.json", "garbage.bin"])
def test_broken_file_through_cli(name: str, corpus: Path) -> None:
    path = corpus / name
    before = path.read_bytes()
    for command in ("validate", "summary"):
        result = run_cli(command, path, "--lang", "en")  # BROKEN lists the English words
        assert result.returncode == 2
        assert name in result.stderr and BROKEN[name][1] in result.stderr
        assert "Traceback" not in result.stderr
    result = run_cli("new", "--zone", "z", "--province", "江苏", "--period", "p", "--from", path,
                 "-o", corpus / "next.json")  # fmt: skip
    assert result.returncode == 2 and not (corpus / "next.json").exists()
    assert path.read_bytes() == before
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in CORPUS.iterdir())


@pytest.mark.parametrize("name", ["valid-minimal.json", "utf8-bom.json"])
def test_valid_files_load(name: str, corpus: Path) -> None:
    result = run_cli("summary", corpus / name)
    assert result.returncode == 0, result.stderr
    assert "已落实 1" in result.stdout


def test_a_directory(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path)
    assert result.returncode == 2 and "文件夹" in result.stderr


def test_unreadable_file(
    corpus: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    def denied(*args: object, **kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("assess.storage.os.open", denied)
    with pytest.raises(LoadError, match="permission denied"):
        load(corpus / "valid-minimal.json", checklist)


def test_ten_megabyte_text_field_loads_and_survives(tmp_path: Path, checklist: Checklist) -> None:
    data = json.loads((CORPUS / "valid-minimal.json").read_text(encoding="utf-8"))
    data["items"]["7.6"]["current"] = "长" * (10 * 1024 * 1024 // 3)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assessment = load(path, checklist).assessment
    assert len(assessment.items["7.6"].current) == 10 * 1024 * 1024 // 3
    result = run_cli("summary", path)
    assert result.returncode == 0


def test_read_only_destination_is_a_message(tmp_path: Path) -> None:
    target = Path("/proc/assess-demo.json")
    result = run_cli("demo", "-o", target)
    assert result.returncode == 2
    assert "assess-demo.json" in result.stderr and "Traceback" not in result.stderr


def test_read_only_file_is_left_alone(
    tmp_path: Path, checklist: Checklist, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.json"
    shutil.copy(CORPUS / "valid-minimal.json", path)
    before = path.read_bytes()
    assessment = load(path, checklist).assessment

    def refuse(src: str, dst: str) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises((SaveError, LockedError), match="unchanged"):
        save(path, assessment)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


@pytest.mark.parametrize(
    ("code", "zh", "en"),
    [(errno.EROFS, "文件夹只读", "read-only"), (errno.ENOSPC, "磁盘已满", "disk is full")],
)
def test_why_a_save_failed_is_said_in_the_users_language(
    tmp_path: Path,
    checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    zh: str,
    en: str,
) -> None:
    """The system's reason came through in English inside the Chinese sentence."""
    path = tmp_path / "a.json"
    shutil.copy(CORPUS / "valid-minimal.json", path)
    assessment = load(path, checklist).assessment

    def refuse(src: str, dst: str) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SaveError) as caught:
        save(path, assessment)
    in_chinese = caught.value.render(Texts(Lang.ZH))
    assert zh in in_chinese and os.strerror(code) not in in_chinese
    assert en in caught.value.render(Texts(Lang.EN))


def test_a_damaged_file_names_its_backup(tmp_path: Path, checklist: Checklist) -> None:
    """A file cut short (a crash, a full disk, an interrupted copy) says where the last good
    content is: FILE.bak, which every save keeps."""
    path = tmp_path / "a.json"
    shutil.copy(CORPUS / "valid-minimal.json", path)
    save(path, load(path, checklist).assessment)  # a save keeps the old content as a.json.bak
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(LoadError) as caught:
        load(path, checklist)
    assert "a.json.bak" in caught.value.render(Texts(Lang.ZH))
    assert "a.json.bak" in caught.value.render(Texts(Lang.EN))
    path.write_bytes(whole.replace(b'"period"', b'"periodd"'))  # whole, but wrong: no hint
    with pytest.raises(LoadError) as caught:
        load(path, checklist)
    assert ".bak" not in str(caught.value)
    (tmp_path / "a.json.bak").unlink()
    path.write_bytes(whole[:10])
    with pytest.raises(LoadError) as caught:
        load(path, checklist)
    assert ".bak" not in str(caught.value)
