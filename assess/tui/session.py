"""One editing session on one file: the lock, the editor, undo and saving.

Kept free of widgets so the rules (every change through ``Editor``, every change saved,
undo recorded in the history) are the same whatever the screen does.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path

from assess.checklist import Checklist
from assess.editing import Editor
from assess.errors import SaveError
from assess.models import Assessment, ItemRecord, Review
from assess.review import FinalizedError, ReviewStep, finalized_message, is_final
from assess.scoring import Summary, summarize
from assess.storage import AssessmentFile, encode, write_atomic

UNDO_DEPTH = 200


@dataclass
class Session:
    """The open assessment; ``checkpoint()`` before a change makes it undoable."""

    checklist: Checklist
    assessment: Assessment
    handle: AssessmentFile | None
    today: dt.date | None = None
    editor: Editor = field(init=False)
    _undo: list[Assessment] = field(default_factory=list, init=False)
    _write_lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _queued: int = field(default=0, init=False)
    _written: int = field(default=0, init=False)
    _summary: Summary | None = field(default=None, init=False)
    edits: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.editor = Editor(self.assessment)

    @property
    def path(self) -> Path | None:
        return None if self.handle is None else self.handle.path

    @property
    def summary(self) -> Summary:
        """Scores, recomputed once after each change (about 1 ms)."""
        if self._summary is None:
            self._summary = summarize(self.checklist, self.assessment, self.today)
        return self._summary

    def changed(self) -> None:
        self._summary = None

    @property
    def read_only(self) -> bool:
        """A final (定稿) assessment is shown, not changed, until it is reopened."""
        return is_final(self.assessment)

    def checkpoint(self) -> None:
        """Remember the state before a change; undo goes back to it (refused when final)."""
        if self.read_only:
            raise FinalizedError(finalized_message(self.assessment))
        self.edits += 1
        self._summary = None
        snapshot = self.assessment.model_copy(update={"history": []}, deep=True)
        self._undo.append(snapshot)
        del self._undo[:-UNDO_DEPTH]

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> bool:
        """Go back to the last checkpoint, logging each reverted field in the history."""
        if not self._undo:
            return False
        self.editor.restore(self._undo.pop())
        self.changed()
        return True

    def review(self, step: ReviewStep, opinion: str) -> Review:
        """Take a sign-off step; undo does not reach back across it."""
        review = self.editor.review(step, opinion)
        self.edits += 1
        self._undo.clear()
        return review

    def record(self, item_id: str) -> ItemRecord:
        return self.assessment.record(item_id)

    # saving -------------------------------------------------------------------------

    def serialize(self) -> tuple[int, bytes]:
        """The bytes to save now, numbered so an older write never lands after a newer one.

        SaveError if the loader would refuse them (too large); the state then counts as unsaved.
        """
        self._queued += 1
        return self._queued, encode(self.assessment, self.path or Path("assessment.json"))

    def write(self, number: int, data: bytes, *, force: bool = False) -> bool:
        """Write one serialized version (safe from a worker thread); skip superseded ones.

        Raises SaveError (the disk is full, the folder read-only…) and ChangedOnDiskError
        (another program wrote the file since we read it); either way nothing is lost: the
        edits stay here and ``unsaved`` stays true until a write succeeds.
        """
        if self.handle is None:
            return False
        with self._write_lock:
            if number <= self._written:
                return False
            self.handle.write(data, force=force)
            self._written = number
            return True

    def save_now(self, *, force: bool = False) -> None:
        self.write(*self.serialize(), force=force)

    @property
    def unsaved(self) -> bool:
        """True while the latest state is not known to be in the file."""
        return self.handle is not None and self._queued > self._written

    def save_copy(self, target: Path) -> Path:
        """Write the current state to a new file ``target`` (never over an existing one)."""
        data = encode(self.assessment, target)
        if target.exists():
            raise SaveError(
                f"{target}: 文件已存在，未覆盖 / the file exists and was not overwritten"
            )
        write_atomic(target, data, keep_backup=False)
        return target

    def reload(self) -> None:
        """Replace what is open by the file as it is on disk now (LoadError if it is bad)."""
        assert self.handle is not None
        loaded = self.handle.load(self.checklist)
        with self._write_lock:
            self.assessment = loaded.assessment
            self.editor = Editor(self.assessment)
            self._undo.clear()
            self._written = self._queued
            self._summary = None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
