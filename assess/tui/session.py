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
from assess.models import Assessment, ItemRecord
from assess.scoring import Summary, summarize
from assess.storage import AssessmentFile, dumps, write_atomic

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

    def checkpoint(self) -> None:
        """Remember the state before a change; undo goes back to it."""
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

    def record(self, item_id: str) -> ItemRecord:
        return self.assessment.record(item_id)

    # saving -------------------------------------------------------------------------

    def serialize(self) -> tuple[int, bytes]:
        """The bytes to save now, numbered so an older write never lands after a newer one."""
        self._queued += 1
        return self._queued, dumps(self.assessment).encode("utf-8")

    def write(self, number: int, data: bytes) -> bool:
        """Write one serialized version (safe from a worker thread); skip superseded ones."""
        if self.handle is None:
            return False
        with self._write_lock:
            if number <= self._written:
                return False
            write_atomic(self.handle.path, data)
            self._written = number
            return True

    def save_now(self) -> None:
        self.write(*self.serialize())

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
