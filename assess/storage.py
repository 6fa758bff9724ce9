"""Reading and writing assessment files: atomic, locked, never silently lossy.

One assessment is one UTF-8 JSON file with a stable key order. A save writes a temp file in
the same folder, fsyncs it and renames it over the target, keeping the previous version as
``FILE.bak``. Loading never writes. Every failure is an ``AssessError`` with a message that
names the file and the field.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assess.checklist import Checklist, item_sort_key
from assess.checklist_changes import Remapped, apply_changes, remapped_messages
from assess.errors import LoadError, LockedError, SaveError, describe_validation_error
from assess.filelock import FileLock
from assess.models import SCHEMA_VERSION, Assessment, ItemRecord

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 64


@dataclass
class Migration:
    """What changed when a file made with another checklist version was loaded."""

    from_version: str
    to_version: str
    added: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    remapped: Remapped = field(default_factory=Remapped)

    def messages(self) -> list[str]:
        lines = [
            f"清单版本 {self.from_version} → {self.to_version} "
            f"/ checklist version {self.from_version} → {self.to_version}"
        ]
        lines += remapped_messages(self.remapped)
        if self.added:
            lines.append(f"新增条目 / added items: {', '.join(self.added)}")
        if self.retired:
            lines.append(
                f"已移除条目（记录保留在 retired_items）/ removed items, records kept in "
                f"retired_items: {', '.join(self.retired)}"
            )
        return lines


@dataclass
class Loaded:
    assessment: Assessment
    migration: Migration | None = None


def dumps(assessment: Assessment) -> str:
    """Serialize with a stable key order: model field order, items in checklist order."""
    data = assessment.model_dump(mode="json")
    data["items"] = {k: data["items"][k] for k in sorted(data["items"], key=item_sort_key)}
    data["retired_items"] = {
        k: data["retired_items"][k] for k in sorted(data["retired_items"], key=item_sort_key)
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def parse(text: str, path: Path, checklist: Checklist) -> Loaded:
    """Validate JSON text as an assessment of ``checklist``; raise LoadError naming the field."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            path,
            "",
            f"不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
            f"/ not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})",
        ) from None
    except RecursionError:
        raise LoadError(path, "", "JSON 嵌套过深 / JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise LoadError(
            path, "", "文件内容不是评估对象 / the file does not hold an assessment object"
        )
    if _depth(data) > MAX_JSON_DEPTH:
        raise LoadError(path, "", "JSON 嵌套过深 / JSON nested too deeply")
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise LoadError(
            path,
            "schema_version",
            f"文件格式版本 {version} 比本程序支持的 {SCHEMA_VERSION} 新，请升级 assess "
            f"/ made by a newer assess (schema {version} > {SCHEMA_VERSION}); please upgrade",
        )
    try:
        assessment = Assessment.model_validate(data)
    except ValidationError as exc:
        field_path, message = describe_validation_error(exc)
        raise LoadError(path, field_path, message) from None
    return Loaded(assessment, _reconcile(assessment, checklist, path))


def _depth(value: Any, limit: int = MAX_JSON_DEPTH + 1) -> int:
    """Nesting depth, stopping early once past the limit."""
    depth = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, d = stack.pop()
        depth = max(depth, d)
        if depth > limit:
            return depth
        if isinstance(node, dict):
            stack.extend((v, d + 1) for v in node.values())
        elif isinstance(node, list):
            stack.extend((v, d + 1) for v in node)
    return depth


def _reconcile(assessment: Assessment, checklist: Checklist, path: Path) -> Migration | None:
    """Check the file belongs to this checklist; carry an older version forward losslessly."""
    ref = assessment.checklist
    if ref.id != checklist.id:
        raise LoadError(
            path,
            "checklist.id",
            f"文件属于清单「{ref.id}」，而不是「{checklist.id}」"
            f"/ made for checklist {ref.id!r}, not {checklist.id!r}",
        )
    known = checklist.item_index
    if ref.version == checklist.version:
        unknown = sorted((i for i in assessment.items if i not in known), key=item_sort_key)
        if unknown:
            raise LoadError(
                path,
                f"items.{unknown[0]}",
                f"清单 {checklist.id} {checklist.version} 中没有条目 {', '.join(unknown)}，"
                f"请核对条目编号 / unknown item ID(s) for this checklist; check the IDs",
            )
        _fill_missing(assessment, checklist)
        return None
    if _version_key(ref.version) > _version_key(checklist.version):
        raise LoadError(
            path,
            "checklist.version",
            f"文件使用的清单版本 {ref.version} 比本程序自带的 {checklist.version} 新，请升级 assess "
            f"/ made with a newer checklist version; please upgrade",
        )
    migration = Migration(
        ref.version, checklist.version, remapped=apply_changes(assessment, checklist)
    )
    for old_id, record in migration.remapped.displaced.items():
        assessment.retired_items[old_id] = record
        migration.retired.append(old_id)
    migration.added = [i for i in known if i not in assessment.items]
    for item_id in sorted(assessment.items, key=item_sort_key):
        if item_id not in known:
            record = assessment.items.pop(item_id)
            if not record.is_blank():
                assessment.retired_items[item_id] = record
                migration.retired.append(item_id)
    assessment.checklist.version = checklist.version
    _fill_missing(assessment, checklist)
    return migration


def _fill_missing(assessment: Assessment, checklist: Checklist) -> None:
    """Give every checklist item a record, in checklist order (a file may omit blank ones)."""
    if list(assessment.items) == list(checklist.item_index):
        return
    records = assessment.items
    assessment.items = {i: records.get(i) or ItemRecord() for i in checklist.item_index}


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in version.split("."))


def load(path: Path, checklist: Checklist) -> Loaded:
    """Read an assessment file; never writes; every failure is a LoadError."""
    path = Path(path)
    try:
        if path.is_dir():
            raise LoadError(
                path, "", "这是一个文件夹，不是评估文件 / this is a folder, not an assessment file"
            )
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(
                path,
                "",
                f"文件过大（{size} 字节）/ file too large ({size} bytes, max {MAX_FILE_BYTES})",
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(path, "", "文件不存在 / file not found") from None
    except PermissionError:
        raise LoadError(path, "", "没有读取权限 / permission denied") from None
    except OSError as exc:
        raise LoadError(path, "", f"无法读取 / cannot read: {exc.strerror}") from None
    if not raw.strip():
        raise LoadError(path, "", "文件是空的 / the file is empty")
    if raw.startswith(b"PK\x03\x04"):
        raise LoadError(
            path,
            "",
            "这是 Excel 工作簿或压缩包，不是评估文件；工作簿请用 assess import 导入 "
            "/ this is a workbook or zip, not an assessment file; use 'assess import' for workbooks",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.end >= len(raw) and exc.reason == "unexpected end of data":
            raise LoadError(
                path,
                "",
                "文件在一个字符中间结束，内容不完整（可能复制或下载中断）；请用 .bak 备份或重新获取 "
                "/ the file ends in the middle of a character: it is incomplete (use the .bak copy)",
            ) from None
        raise LoadError(
            path,
            "",
            f"不是 UTF-8 编码（第 {exc.start} 字节）；请用 UTF-8 保存 "
            f"/ not UTF-8 encoded (byte {exc.start}); save it as UTF-8",
        ) from None
    return parse(text, path, checklist)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file.

    The previous content, if any, is kept as ``path.bak`` (itself replaced atomically).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if keep_backup and path.is_file():
            _replace_with(backup_path(path), path.read_bytes(), folder)
        _replace_with(path, data, folder)
    except OSError as exc:
        if not folder.is_dir():
            raise SaveError(
                f"{path}: 保存失败，文件夹 {folder} 不存在 / save failed: folder does not exist"
            ) from None
        state = (
            "原文件未改动 / the file is unchanged"
            if path.exists()
            else "未写入文件 / nothing written"
        )
        raise SaveError(f"{path}: 保存失败，{state}: {exc.strerror or exc}") from None


def _replace_with(target: Path, data: bytes, folder: Path) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_of(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)


def _mode_of(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class AssessmentFile:
    """An assessment file opened for writing: holds the lock until closed.

    A second process (or a second window) that opens the same file gets a LockedError with a
    clear message instead of both writing it.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = FileLock(self.path)

    def __enter__(self) -> AssessmentFile:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def acquire(self) -> None:
        self._lock.acquire()
        self._remove_stale_temp_files()

    def _remove_stale_temp_files(self) -> None:
        """Temp files of a save that was killed; safe to remove while we hold the lock."""
        for pattern in (f".{self.path.name}.*.tmp", f".{backup_path(self.path).name}.*.tmp"):
            for stale in self.path.parent.glob(pattern):
                with contextlib.suppress(OSError):
                    stale.unlink()

    def close(self) -> None:
        self._lock.release()

    def save(self, assessment: Assessment) -> None:
        if not self._lock.held:
            raise LockedError(f"{self.path}: 未加锁，不能保存 / not locked for writing")
        write_atomic(self.path, dumps(assessment).encode("utf-8"))


def save(path: Path, assessment: Assessment) -> None:
    """Save once, taking and releasing the lock around the write."""
    with AssessmentFile(path) as handle:
        handle.save(assessment)
