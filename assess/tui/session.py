"""One editing session on one file: the lock, the editor, undo and saving.

Kept free of widgets so the rules (every change through ``Editor``, every change saved,
undo recorded in the history) are the same whatever the screen does.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assess.checklist import Checklist
from assess.editing import Editor
from assess.errors import LockedError, SaveError
from assess.filelock import FileLock
from assess.models import UNDO_MARKS, Assessment, Change, Evidence, ItemRecord, Review
from assess.resources import default_checklist
from assess.review import FinalizedError, ReviewStep, finalized_message, is_final
from assess.scoring import Summary, summarize
from assess.storage import AssessmentFile, encode, encode_snapshot, snapshot, write_atomic
from assess.texts import errors as errors_words
from assess.texts import safety

UNDO_DEPTH = 200


@dataclass(frozen=True)
class Step:
    """What one change replaced: one item's record (and the evidence register if it touched it),
    or, for a change of the zone's profile, the whole assessment."""

    item_id: str | None
    before: ItemRecord | Assessment
    register: tuple[Evidence, ...] | None = None


@dataclass
class Session:
    """The open assessment; ``checkpoint()`` before a change makes it undoable."""

    checklist: Checklist
    assessment: Assessment
    handle: AssessmentFile | None
    today: dt.date | None = None
    # opened where nothing can be written (a read-only folder): shown, never changed
    view_only: bool = False
    editor: Editor = field(init=False)
    _undo: list[list[Step]] = field(default_factory=list, init=False)  # one entry per key
    _redo: list[list[Step]] = field(default_factory=list, init=False)
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
        """A final (定稿) assessment is shown, not changed, until it is reopened; a file in a
        read-only folder is only shown."""
        return self.view_only or is_final(self.assessment)

    def checkpoint(self, item_id: str | None = None, *, register: bool = False) -> None:
        """Remember the state before a change; undo goes back to it.

        With ``item_id`` only that record is copied (and the evidence register with
        ``register``): a keystroke never copies the whole assessment. Refused when final.
        """
        if self.view_only:
            raise FinalizedError(safety.VIEW_ONLY_NOTICE)
        if self.read_only:
            raise FinalizedError(finalized_message(self.assessment))
        self._remember([self._step(item_id, register=register)])

    def checkpoint_items(self, item_ids: list[str]) -> None:
        """One undo step for a change of several records (a measure's statuses)."""
        self._remember([self._step(i, register=False) for i in item_ids])

    def _remember(self, steps: list[Step]) -> None:
        self.edits += 1
        self._summary = None
        self._undo.append(steps)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()

    def _step(self, item_id: str | None, *, register: bool) -> Step:
        if item_id is None:
            return Step(None, self.assessment.model_copy(update={"history": []}, deep=True))
        before = self.record(item_id).model_copy(deep=True)
        return Step(item_id, before, tuple(self.assessment.evidence) if register else None)

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> list[Change] | None:
        """Go back to the last checkpoint; the changes it made (as logged), None if none left."""
        return self._swap(self._undo, self._redo, "undo")

    def redo(self) -> list[Change] | None:
        """Make again the change the last undo reverted; None if there is none."""
        return self._swap(self._redo, self._undo, "redo")

    def _swap(
        self, source: list[list[Step]], target: list[list[Step]], mark: str
    ) -> list[Change] | None:
        if not source:
            return None
        steps = source.pop()
        start = len(self.assessment.history)
        target.append([self._step(s.item_id, register=s.register is not None) for s in steps])
        for step in steps:
            self._restore(step)
        changes = self.assessment.history[start:]
        self.editor.log("", mark, None, None)
        self.changed()
        return [c for c in changes if c.field not in UNDO_MARKS]

    def _restore(self, step: Step) -> None:
        if step.item_id is None:
            assert isinstance(step.before, Assessment)
            self.editor.restore(step.before)
            self.assessment.history.pop()  # restore's own "undo" mark; ours follows
            return
        assert isinstance(step.before, ItemRecord)
        if step.register is None:
            self.editor.restore_record(step.item_id, step.before)
            return
        known = self.assessment.evidence_by_id()
        wanted = {e.id: e for e in step.register}
        for evidence_id, evidence in wanted.items():  # first, so the record's citations hold
            if evidence_id not in known:
                self.editor.add_evidence(
                    evidence.title, evidence.ref, evidence.date, id=evidence_id
                )
        self.editor.restore_record(step.item_id, step.before)
        for evidence_id in known:
            if evidence_id not in wanted:
                self.editor.remove_evidence(evidence_id)
            else:
                self.editor.update_evidence(wanted[evidence_id])
        self.assessment.evidence = list(step.register)

    def review(self, step: ReviewStep, opinion: str) -> Review:
        """Take a sign-off step; undo does not reach back across it."""
        review = self.editor.review(step, opinion)
        self.edits += 1
        self._undo.clear()
        return review

    def record(self, item_id: str) -> ItemRecord:
        """An item's record, or a zone task's (Z1…)."""
        return self.editor.record(item_id)

    # saving -------------------------------------------------------------------------

    def snapshot(self) -> tuple[int, dict[str, Any]]:
        """The state to save now as plain data (well under a millisecond, on the UI thread),
        numbered so an older write never lands after a newer one."""
        self._queued += 1
        return self._queued, snapshot(self.assessment)

    def serialize_from(self, number: int, data: dict[str, Any]) -> tuple[int, bytes]:
        """A snapshot's file bytes (safe from a worker thread: the snapshot shares nothing).

        SaveError if the loader would refuse them (too large); the state then counts as unsaved.
        """
        return number, encode_snapshot(data, self.path or Path("assessment.json"))

    def serialize(self) -> tuple[int, bytes]:
        """The bytes to save now, numbered (see ``snapshot``)."""
        return self.serialize_from(*self.snapshot())

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
            self._redo.clear()
            self._written = self._queued
            self._summary = None

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


def open_session(
    path: Path, *, today: dt.date | None = None, lock: FileLock | None = None
) -> tuple[Session, list[str]]:
    """Lock (unless ``lock`` holds it already) and load ``path`` for a window; raises
    LockedError / LoadError with the user's message. Also the notices the window shows (an
    older file's migration)."""
    checklist = default_checklist()
    handle = AssessmentFile(Path(path), lock)
    view_only = False
    try:
        handle.acquire()
    except LockedError as exc:
        if exc.body.entry is not errors_words.LOCK_UNWRITABLE:
            raise  # another window has it: refused, as before
        view_only = True  # a read-only folder: nobody can write it, so it can be read safely
    try:
        loaded = handle.load(checklist)
    except BaseException:
        handle.close()
        raise
    session = Session(checklist, loaded.assessment, handle, today, view_only=view_only)
    return session, loaded.migration.messages() if loaded.migration else []
