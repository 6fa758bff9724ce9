"""The window's first frame before the core is imported: a child computes what it shows.

Most of ``assess open``'s start is imports: Textual (as for any Textual app), then pydantic, the
models and the form's modules (~150 ms). On POSIX the launcher forks before any of them: the
child imports the core, locks and loads the file as the window would, computes the tree's and
the header's labels and sends them on a pipe as JSON, while the parent imports only Textual and
the window's light modules. The parent paints that frame, then imports the core and loads the
file itself (``AssessApp._load``); keys typed meanwhile wait for it.

This module is what the two share (the frame, its JSON, the child's work); it imports nothing
heavy at its top: the core loads only in ``compute``. The launcher is ``assess.tui.launch``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assess.lang import Lang

if TYPE_CHECKING:
    from rich.text import Text

    from assess.filelock import FileLock

LabelJSON = list[Any]  # [plain, base style, [[start, end, style], …]]


@dataclass
class PreviewNode:
    """One node of the first frame's tree: ``kind`` and ``key`` as ``tree.NodeRef``."""

    kind: str
    key: str
    label: LabelJSON
    children: list[PreviewNode] = field(default_factory=list)


@dataclass
class FirstFrame:
    """What the first frame shows, and of which file."""

    path: Path
    identity: list[str]  # the header: zone, period, sign-off state
    scores: str
    progress: tuple[int, int]  # coverage bar: items that apply, items assessed
    nodes: list[PreviewNode]
    home: str  # the first item

    def to_json(self) -> str:
        def node(n: PreviewNode) -> list[Any]:
            return [n.kind, n.key, n.label, [node(c) for c in n.children]]

        return json.dumps(
            {
                "path": str(self.path),
                "identity": self.identity,
                "scores": self.scores,
                "progress": list(self.progress),
                "nodes": [node(n) for n in self.nodes],
                "home": self.home,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, data: str) -> FirstFrame:
        def node(n: list[Any]) -> PreviewNode:
            kind, key, label, children = n
            return PreviewNode(kind, key, label, [node(c) for c in children])

        raw = json.loads(data)
        total, assessed = raw["progress"]
        return cls(
            Path(raw["path"]), raw["identity"], raw["scores"], (total, assessed),
            [node(n) for n in raw["nodes"]], raw["home"],
        )  # fmt: skip


def label_to_json(text: Text) -> LabelJSON:
    spans = [[s.start, s.end, str(s.style)] for s in text.spans]
    return [text.plain, str(text.style), spans]


def label_from_json(data: LabelJSON) -> Text:
    """The label as the child made it (equal to it, so loading the file repaints nothing)."""
    from rich.text import Span, Text

    plain, style, spans = data
    return Text(plain, style=style, spans=[Span(start, end, s) for start, end, s in spans])


def compute(path: Path, lang: Lang) -> FirstFrame:
    """The child's work: the file read as the window reads it (not locked: the window takes the
    lock itself), and its labels."""
    from assess.resources import default_checklist
    from assess.storage import load
    from assess.texts import Texts
    from assess.tui import tree_labels as labels
    from assess.tui.session import Session

    checklist = default_checklist()
    session = Session(checklist, load(path, checklist).assessment, None)
    t = Texts(lang)
    tasks = session.assessment.zone_tasks
    nodes = []
    for area in checklist.areas:
        measures = []
        for measure in area.measures:
            leaves = [
                PreviewNode("item", i.id, label_to_json(labels.item_label(session, t, i)))
                for i in measure.items
            ] + [
                PreviewNode("task", task.id, label_to_json(labels.task_label(t, task)))
                for task in tasks
                if task.measure == measure.number
            ]
            if leaves:
                label = label_to_json(labels.measure_label(session, t, measure))
                measures.append(PreviewNode("measure", str(measure.number), label, leaves))
        if measures:
            label = label_to_json(labels.area_label(session, t, area))
            nodes.append(PreviewNode("area", str(area.number), label, measures))
    identity, scores = labels.header_parts(session, t, "all")
    overall = session.summary.overall
    progress = (overall.applicable, overall.assessed)
    return FirstFrame(path, identity, scores, progress, nodes, checklist.items[0].id)


def run_child(path: str, lang: str, write: int) -> None:
    """The forked child (``assess.tui.launch``): compute, send, exit. Nothing reaches the
    terminal, which belongs to the parent; any failure is only a missing answer, and the
    parent then goes the ordinary way, which says what is wrong."""
    code = 1
    try:
        quiet = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(quiet, fd)
        data = compute(Path(path), Lang(lang)).to_json().encode("utf-8")
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    except BaseException:  # the parent reports it, going the ordinary way
        pass
    finally:
        os._exit(code)


@dataclass
class Pending:
    """The child at work, for the window: it reads the answer once its widgets are mounted
    (``AssessApp.on_mount``), so Textual's own start and the child's work overlap."""

    pid: int
    read: int  # the pipe's end
    lock: FileLock | None  # taken by the launcher; None in a read-only folder (view only)

    def receive(self) -> FirstFrame | None:
        """The child's first frame, or None where it could not make it."""
        chunks = []
        with os.fdopen(self.read, "rb") as pipe:
            while chunk := pipe.read(1 << 16):
                chunks.append(chunk)
        if reap(self.pid) != 0 or not chunks:
            return None
        try:
            return FirstFrame.from_json(b"".join(chunks).decode("utf-8"))
        except (ValueError, KeyError, TypeError):
            return None


def reap(pid: int) -> int:
    """Wait for the child; its exit status (0 where the system reaped it already: SIGCHLD
    ignored by whoever started us — its answer, complete or not, says the rest)."""
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return 0
