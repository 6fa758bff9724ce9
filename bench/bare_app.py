"""The bare baseline for the TUI benches: Header + a 78-leaf Tree + Footer, nothing of assess.

It shows the same checklist (areas → measures → items, the same labels and glyphs, read from a
small JSON layout written by the bench) and does the equivalent change on each key:

* ``1``..``4``, ``0``: relabel the item's leaf with the new glyph, change the header's text,
  and (with a data file) write the assessment JSON with the new status atomically — serialized
  on the key, written in a thread worker (temp file, fsync, rename, fsync folder).
* ``j`` / ``k``: move the tree cursor and put the item's id and title in the header (the
  stand-in for assess refilling its item form).

It imports only textual and the standard library, so a cold start of this script is a fair
baseline for a cold start of ``assess open``. Run: ``python bench/bare_app.py LAYOUT [DATA]``.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Tree
from textual.widgets.tree import TreeNode

GLYPHS = {
    "done": ("●", "bold green"),
    "in_progress": ("◐", "bold yellow"),
    "not_started": ("○", "bold red"),
    "not_applicable": ("–", "grey50"),
    "not_assessed": ("·", "dim"),
}
KEYS = {
    "1": "done",
    "2": "in_progress",
    "3": "not_started",
    "4": "not_applicable",
    "0": "not_assessed",
}


def item_label(item_id: str, title: str, status: str) -> Text:
    glyph, style = GLYPHS[status]
    return Text.assemble((glyph, style), " ", (item_id, "dim"), " ", title)


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


class BareApp(App[None]):
    """``layout``: [{"label", "measures": [{"label", "items": [[id, title, status], …]}]}]."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"status('{status}')", status) for key, status in KEYS.items()),
        Binding("j", "move(1)", "down", show=False),
        Binding("k", "move(-1)", "up", show=False),
        Binding("q", "quit", "quit"),
    ]

    def __init__(self, layout: list[dict[str, Any]], data_path: Path | None = None) -> None:
        super().__init__()
        self.layout = layout
        self.data_path = data_path
        self.data = json.loads(data_path.read_bytes()) if data_path else None
        self.leaves: dict[str, TreeNode[tuple[str, str, str]]] = {}
        self.title = "bare"

    def compose(self) -> ComposeResult:
        yield Header()
        tree: Tree[tuple[str, str, str]] = Tree("root", id="tree")
        tree.show_root = False
        tree.guide_depth = 2
        for area in self.layout:
            a_node = tree.root.add(area["label"], expand=True)
            for measure in area["measures"]:
                m_node = a_node.add(measure["label"], expand=True)
                for item_id, title, status in measure["items"]:
                    self.leaves[item_id] = m_node.add_leaf(
                        item_label(item_id, title, status), (item_id, title, status)
                    )
        yield tree
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        tree.focus()
        self.call_after_refresh(tree.move_cursor, next(iter(self.leaves.values())))

    def action_status(self, status: str) -> None:
        node = self.query_one(Tree).cursor_node
        if node is None or node.data is None:
            return
        item_id, title, _ = node.data
        node.data = (item_id, title, status)
        node.set_label(item_label(item_id, title, status))
        self.sub_title = f"{item_id} {status}"
        if self.data is not None and self.data_path is not None:
            self.data["items"][item_id]["status"] = status
            payload = (json.dumps(self.data, ensure_ascii=False, indent=2) + "\n").encode()
            path = self.data_path
            self.run_worker(lambda: write_atomic(path, payload), thread=True, group="save")

    def action_move(self, step: int) -> None:
        tree = self.query_one(Tree)
        tree.action_cursor_down() if step > 0 else tree.action_cursor_up()
        node = tree.cursor_node
        if node is not None and node.data is not None:
            self.sub_title = f"{node.data[0]}  {node.data[1]}"


if __name__ == "__main__":
    layout_path = Path(sys.argv[1])
    data = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    BareApp(json.loads(layout_path.read_text(encoding="utf-8")), data).run()
