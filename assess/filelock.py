"""A per-file writer lock so two processes never write the same assessment.

The lock is an OS advisory lock on ``.NAME.lock`` beside the file: it is released by the OS
when the holder dies, so a crash never leaves a stale lock behind.

The holder removes the lock file while still holding it, so the folder stays clean. Another
process may have opened that file a moment earlier and may be granted the lock on the now
deleted inode once it is unlocked; so after locking, :meth:`FileLock.acquire` checks that the
file it locked is still the one at ``.NAME.lock`` and, if not, starts again. Only one process
can hold a lock on the inode that the path names, so two never hold the lock at once.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import IO

from assess.errors import LockedError, os_reason
from assess.texts import errors as texts

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        with contextlib.suppress(OSError):
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


MAX_ATTEMPTS = 100  # each retry means another process took and released the lock meanwhile


def _same_file(handle: IO[str], target: Path) -> bool:
    """True if ``handle`` is the file now at ``target`` (not one unlinked since it was opened)."""
    try:
        on_disk = os.stat(target)
    except OSError:
        return False
    mine = os.fstat(handle.fileno())
    return (mine.st_dev, mine.st_ino) == (on_disk.st_dev, on_disk.st_ino)


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> None:
        if self._handle is not None:
            return
        target = lock_path(self.path)
        if not target.parent.is_dir():
            raise LockedError(texts.LOCK_NO_FOLDER, path=self.path, folder=target.parent)
        for _ in range(MAX_ATTEMPTS):
            handle = self._open(target)
            if not _try_lock(handle):
                handle.seek(0)
                holder = handle.read().strip() or "?"
                handle.close()
                raise LockedError(texts.LOCKED, path=self.path, holder=holder)
            if sys.platform == "win32" or _same_file(handle, target):
                break
            # locked a lock file its holder has just removed: someone else may hold the new one
            _unlock(handle)
            handle.close()
        else:  # pragma: no cover - needs another process to win the race 100 times running
            raise LockedError(texts.LOCK_CONTENDED, path=self.path)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._handle = handle

    def _open(self, target: Path) -> IO[str]:
        try:
            return open(target, "a+", encoding="utf-8")  # held until release
        except OSError as exc:
            raise LockedError(
                texts.LOCK_UNWRITABLE, path=self.path, lock=target.name, reason=os_reason(exc)
            ) from None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        # Unlinked while still locked: a process that opened it meanwhile re-checks and retries.
        if sys.platform != "win32":
            with contextlib.suppress(OSError):
                if _same_file(handle, lock_path(self.path)):
                    os.unlink(lock_path(self.path))
        _unlock(handle)
        handle.close()
