"""Reading and writing assessment files: atomic, locked, never silently lossy.

One assessment is one UTF-8 JSON file with a stable key order. A save writes a temp file in
the same folder, fsyncs it and renames it over the target, keeping the previous version as
``FILE.bak``. Loading never writes. Every failure is an ``AssessError`` with a message that
names the file and the field.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pydantic_core
from pydantic import ValidationError

from assess.checklist import Checklist, item_sort_key
from assess.checklist_changes import Remapped, apply_changes, remapped_messages
from assess.errors import (
    LoadError,
    LockedError,
    Message,
    SaveError,
    describe_validation_error,
    os_reason,
)
from assess.filelock import FileLock
from assess.models import (
    SCHEMA_VERSION,
    Action,
    Assessment,
    Change,
    ChecklistRef,
    Evidence,
    ItemRecord,
    ZoneProfile,
)
from assess.texts import errors as texts

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_JSON_DEPTH = 64
MAX_LISTED = 10  # a message names this many IDs and counts the rest
_VERSION = re.compile(r"[0-9]{1,9}(?:\.[0-9]{1,9}){0,9}")
# an escaped UTF-16 surrogate that is not half of a pair (JSON allows it; UTF-8 cannot hold it)
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)


class ChangedOnDiskError(SaveError):
    """The file was changed by another program since it was read; nothing was written."""


class _Refused(Exception):
    """Raised from inside the JSON parser to stop at the first duplicate key or deep nesting."""

    def __init__(self, field: str, message: Message) -> None:
        super().__init__(message.both())
        self.field = field
        self.message = message


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: refuse duplicate keys (the last copy would silently win)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(key, Message(texts.DUPLICATE_KEY, {"key": key}))
            seen.add(key)
    return data


def _too_deep(data: Any) -> bool:
    """True if containers nest deeper than MAX_JSON_DEPTH: one pass, level by level.

    Only containers are followed and the walk stops at the limit, so its cost is one look at
    each value, never more (the old walk pushed every string through a stack).
    """
    level: list[Any] = [data]
    for _ in range(MAX_JSON_DEPTH):
        below: list[Any] = []
        for node in level:
            values = node.values() if type(node) is dict else node
            below += [v for v in values if type(v) is dict or type(v) is list]
        if not below:
            return False
        level = below
    return True


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
    return json.dumps(ordered(snapshot(assessment)), ensure_ascii=False, indent=2) + "\n"


def snapshot(assessment: Assessment) -> dict[str, Any]:
    """The assessment as plain JSON data, sharing nothing with the model (about 0.4 ms):
    it can be encoded in another thread while the model goes on changing."""
    return assessment.model_dump(mode="json")


def ordered(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with the items in checklist order (1.2 before 1.10), as files are written, in
    today's schema whatever version it was read as."""
    data["schema_version"] = SCHEMA_VERSION
    for key in ("items", "retired_items"):
        data[key] = {k: data[key][k] for k in sorted(data[key], key=item_sort_key)}
    for change in data["history"]:  # no export ID: the entry as the version before wrote it,
        if not change.get("export"):  # which did not know the field (and refuses unknown ones)
            change.pop("export", None)
    return data


def encode_snapshot(data: dict[str, Any], path: Path) -> bytes:
    """The file's bytes for a ``snapshot``, exactly as ``dumps`` writes them, but encoded in
    Rust (pydantic-core; about 10× faster than the json module with indent, which is pure
    Python). SaveError if the loader would refuse them (too large, not UTF-8)."""
    try:
        body = pydantic_core.to_json(ordered(data), indent=2)
    except pydantic_core.PydanticSerializationError:  # a lone surrogate cannot be UTF-8
        raise SaveError(texts.CANNOT_ENCODE, path=path) from None
    data_bytes = body + b"\n"
    check_size(path, data_bytes)
    return data_bytes


def parse(text: str, path: Path, checklist: Checklist) -> Loaded:
    """Validate JSON text as an assessment of ``checklist``; raise LoadError naming the field."""
    try:
        data = json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as exc:
        problem = texts.JSON_PROBLEMS.get(exc.msg, texts.JSON_OTHER)
        raise LoadError(
            path, "", texts.NOT_JSON, line=exc.lineno, column=exc.colno, problem=problem
        ) from None
    except _Refused as exc:
        raise LoadError(path, exc.field, exc.message) from None
    except RecursionError:
        raise LoadError(path, "", texts.TOO_DEEP) from None
    except ValueError:  # an integer of more than 4300 digits
        raise LoadError(path, "", texts.HUGE_NUMBER) from None
    if not isinstance(data, dict):
        raise LoadError(path, "", texts.NOT_OBJECT)
    if _too_deep(data):
        raise LoadError(path, "", texts.TOO_DEEP)
    _refuse_lone_surrogates(text, path)
    version = data.get("schema_version")
    if isinstance(version, int) and version > SCHEMA_VERSION:
        raise LoadError(
            path, "schema_version", texts.NEWER_SCHEMA, version=version, supported=SCHEMA_VERSION
        )
    _refuse_unknown_keys(data, path)
    try:
        assessment = Assessment.model_validate(data)
    except ValidationError as exc:
        field_path, invalid = describe_validation_error(exc)
        raise LoadError(path, field_path, invalid) from None
    version_text = assessment.checklist.version
    if not _VERSION.fullmatch(version_text):
        raise LoadError(
            path, "checklist.version", texts.BAD_CHECKLIST_VERSION, version=visible(version_text)
        )
    return Loaded(assessment, _reconcile(assessment, checklist, path))


def _refuse_lone_surrogates(text: str, path: Path) -> None:
    """A lone ``\\udXXX`` escape loads into a string that can never be saved as UTF-8."""
    if "\\u" not in text:
        return
    for match in _LONE_SURROGATE.finditer(text):
        # an escaped backslash before it ("\\\\udc00") makes it plain text, not an escape
        run = len(text[: match.start()]) - len(text[: match.start()].rstrip("\\"))
        if run % 2:
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - text.rfind("\n", 0, match.start())
        raise LoadError(
            path, "", texts.LONE_SURROGATE, line=line, column=column, escape=match.group()
        )


def _refuse_unknown_keys(data: dict[str, Any], path: Path) -> None:
    """Unknown keys, counted (not a million separate errors); the model would refuse them."""
    checks: list[tuple[str, Any, type[Any]]] = [("", data, Assessment)]
    parts: tuple[tuple[str, type[Any]], ...] = (("zone", ZoneProfile), ("checklist", ChecklistRef))
    checks += [(name, data.get(name), model) for name, model in parts]
    for name, kind in (("evidence", Evidence), ("history", Change)):
        entries = data.get(name)
        if isinstance(entries, list):
            checks += [(f"{name}.{i}", e, kind) for i, e in enumerate(entries)]
    for name in ("items", "retired_items"):
        records = data.get(name)
        if isinstance(records, dict):
            for item_id, record in records.items():
                checks.append((f"{name}.{item_id}", record, ItemRecord))
                actions = record.get("actions") if isinstance(record, dict) else None
                if isinstance(actions, list):
                    checks += [
                        (f"{name}.{item_id}.actions.{i}", a, Action) for i, a in enumerate(actions)
                    ]
    for where, value, model in checks:
        if not isinstance(value, dict):
            continue
        unknown = [k for k in value if k not in model.model_fields]
        if unknown:
            listed = ", ".join(visible(k) for k in unknown[:MAX_LISTED])
            more = Message(texts.AND_MORE, {"count": len(unknown)})
            raise LoadError(
                path,
                f"{where}.{unknown[0]}".lstrip("."),
                texts.UNKNOWN_KEYS,
                listed=listed,
                more=more if len(unknown) > MAX_LISTED else "",
            )


def visible(value: str, limit: int = 80) -> str:
    """``value`` shortened, with control characters shown as escapes (for messages)."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape", "backslashreplace").decode("ascii")
        for c in shown
    )


def _reconcile(assessment: Assessment, checklist: Checklist, path: Path) -> Migration | None:
    """Check the file belongs to this checklist; carry an older version forward losslessly."""
    ref = assessment.checklist
    if ref.id != checklist.id:
        raise LoadError(
            path, "checklist.id", texts.OTHER_CHECKLIST, found=ref.id, expected=checklist.id
        )
    known = checklist.item_index
    if ref.version == checklist.version:
        unknown = [i for i in assessment.items if i not in known]
        if unknown:
            first = sorted(unknown[: MAX_LISTED * 100], key=item_sort_key)[:MAX_LISTED]
            listed = ", ".join(visible(i) for i in first)
            in_all = Message(texts.IN_ALL, {"count": len(unknown)})
            raise LoadError(
                path,
                f"items.{first[0]}",
                texts.UNKNOWN_ITEMS,
                checklist=checklist.id,
                version=checklist.version,
                listed=listed,
                more=in_all if len(unknown) > MAX_LISTED else "",
            )
        _fill_missing(assessment, checklist)
        return None
    if _version_key(ref.version) > _version_key(checklist.version):
        raise LoadError(
            path,
            "checklist.version",
            texts.NEWER_CHECKLIST,
            version=ref.version,
            supported=checklist.version,
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
    return tuple(int(p) if p.isascii() and p.isdigit() else 0 for p in version.split("."))


def load(path: Path, checklist: Checklist) -> Loaded:
    """Read an assessment file; never writes; every failure is a LoadError."""
    return parse_file(read_limited(Path(path)).data, Path(path), checklist)


# what a file cut short or overwritten looks like (not a file that is whole but wrong)
_DAMAGED = (texts.EMPTY, texts.TRUNCATED_CHARACTER, texts.NOT_UTF8, texts.NOT_JSON)


def parse_file(raw: bytes, path: Path, checklist: Checklist) -> Loaded:
    """``parse_bytes`` of a file on disk: when it is damaged, the message names its backup
    (``FILE.bak``, what was there before the last save), so the user knows nothing is lost."""
    try:
        return parse_bytes(raw, path, checklist)
    except LoadError as exc:
        backup = backup_path(path)
        if exc.body.entry not in _DAMAGED or not backup.is_file():
            raise
        body = Message(texts.DAMAGED_HAS_BACKUP, {"problem": exc.body, "backup": backup.name})
        raise LoadError(path, exc.field, body) from None


@dataclass(frozen=True)
class FileState:
    """What a file was when read or written: to notice another program changing it."""

    identity: tuple[int, int, int, int]  # device, inode, size, mtime in ns
    digest: str

    @classmethod
    def of(cls, data: bytes, st: os.stat_result) -> FileState:
        return cls(_identity(st), hashlib.sha256(data).hexdigest())


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


@dataclass(frozen=True)
class ReadResult:
    data: bytes
    state: FileState


def read_limited(path: Path, limit: int | None = None) -> ReadResult:
    """The bytes of a regular file of at most ``limit`` bytes; LoadError for anything else.

    Opened without blocking and checked to be a regular file, so a FIFO, a device or a socket
    is a message at once (not a hang), and reading stops at the limit whatever ``st_size``
    says (``/dev/zero`` reports 0).
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        if path.is_dir():
            raise LoadError(path, "", texts.IS_FOLDER)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise LoadError(path, "", texts.NOT_REGULAR)
            if st.st_size > limit:
                raise _too_large(path, st.st_size, limit)
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
            if total > limit:
                raise _too_large(path, total, limit)
        finally:
            os.close(fd)
    except FileNotFoundError:
        raise LoadError(path, "", texts.NOT_FOUND) from None
    except PermissionError:
        raise LoadError(path, "", texts.NO_PERMISSION) from None
    except OSError as exc:
        raise LoadError(path, "", texts.CANNOT_READ, reason=os_reason(exc)) from None
    raw = b"".join(chunks)
    return ReadResult(raw, FileState.of(raw, st))


def _too_large(path: Path, size: int, limit: int) -> LoadError:
    return LoadError(path, "", texts.TOO_LARGE, size=size, limit=limit)


def parse_bytes(raw: bytes, path: Path, checklist: Checklist) -> Loaded:
    """Decode and parse the bytes of an assessment file."""
    if not raw.strip():
        raise LoadError(path, "", texts.EMPTY)
    if raw.startswith(b"PK\x03\x04"):
        raise LoadError(path, "", texts.WORKBOOK_NOT_ASSESSMENT)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.end >= len(raw) and exc.reason == "unexpected end of data":
            raise LoadError(path, "", texts.TRUNCATED_CHARACTER) from None
        raise LoadError(path, "", texts.NOT_UTF8, byte=exc.start) from None
    return parse(text, path, checklist)


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> FileState:
    """Replace ``path`` with ``data`` so a crash leaves either the old or the new file.

    The previous content, if any, is kept as ``path.bak`` (itself replaced atomically).
    Returns what the new file is, so a later save can tell whether someone else changed it.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        if keep_backup and path.is_file():
            _replace_with(backup_path(path), read_limited(path, 1 << 62).data, folder)
        return _replace_with(path, data, folder)
    except LoadError as exc:
        raise SaveError(texts.SAVE_FAILED_UNCHANGED, path=path, reason=exc.body) from None
    except OSError as exc:
        if not folder.is_dir():
            raise SaveError(texts.NO_FOLDER, path=path, folder=folder) from None
        failed = texts.SAVE_FAILED_UNCHANGED if path.exists() else texts.SAVE_FAILED_NOTHING_WRITTEN
        raise SaveError(failed, path=path, reason=os_reason(exc)) from None


def _replace_with(target: Path, data: bytes, folder: Path) -> FileState:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            written = FileState.of(data, os.fstat(handle.fileno()))  # a rename keeps these
        with contextlib.suppress(OSError):
            os.chmod(tmp_name, _mode_of(target))
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)
    return written


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


def encode(assessment: Assessment, path: Path) -> bytes:
    """The file's bytes; SaveError if the loader would refuse them (too large, not UTF-8)."""
    return encode_snapshot(snapshot(assessment), path)


def check_size(path: Path, data: bytes) -> None:
    """Never write a file the loader would refuse as too large."""
    if len(data) > MAX_FILE_BYTES:
        raise SaveError(texts.TOO_LARGE_TO_SAVE, path=path, size=len(data), limit=MAX_FILE_BYTES)


class AssessmentFile:
    """An assessment file opened for writing: holds the lock until closed.

    A second process (or a second window) that opens the same file gets a LockedError with a
    clear message instead of both writing it. What the file was when loaded or last saved is
    remembered: a save over a file another program has changed since is refused with
    ChangedOnDiskError, so their version is never overwritten unasked.
    """

    def __init__(self, path: Path, lock: FileLock | None = None) -> None:
        """``lock``: this file's, if the caller took it already (the window's launcher)."""
        self.path = Path(path)
        self._lock = lock or FileLock(self.path)
        self.state: FileState | None = None

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

    def load(self, checklist: Checklist) -> Loaded:
        """Load the file and remember what it was, to notice changes made by others."""
        read = read_limited(self.path)
        loaded = parse_file(read.data, self.path, checklist)
        self.state = read.state
        return loaded

    def changed_on_disk(self) -> bool:
        """True if the file is no longer what we loaded or last saved (a touch is no change)."""
        if self.state is None:
            return False
        try:
            identity = _identity(os.stat(self.path))
        except FileNotFoundError:
            return False  # moved away or deleted: saving puts it back, nothing is lost
        except OSError:
            return False  # the save itself will report why it cannot write
        if identity == self.state.identity:
            return False
        try:
            now = read_limited(self.path, 1 << 62)
        except LoadError:
            return True
        if now.state.digest == self.state.digest:
            self.state = now.state
            return False
        return True

    def write(self, data: bytes, *, force: bool = False) -> None:
        """Write the file's new bytes; refuses if another program changed it (unless ``force``)."""
        if not self._lock.held:
            raise LockedError(texts.NOT_LOCKED, path=self.path)
        check_size(self.path, data)
        if not force and self.changed_on_disk():
            raise ChangedOnDiskError(texts.CHANGED_ON_DISK, path=self.path)
        unchanged = self.state is not None and self.state.digest == hashlib.sha256(data).hexdigest()
        if unchanged and not force and self.path.is_file():
            return  # it holds these bytes: rewriting would make FILE.bak a copy, losing the one before
        self.state = write_atomic(self.path, data)

    def save(self, assessment: Assessment) -> None:
        self.write(encode(assessment, self.path))


def save(path: Path, assessment: Assessment) -> None:
    """Save once, taking and releasing the lock around the write."""
    with AssessmentFile(path) as handle:
        handle.save(assessment)
