"""Key bindings with labels in the user's language (the footer shows them)."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

from assess.tui.i18n import STATUS_KEYS, Labels

TREE_BINDINGS: list[Binding] = [
    *(
        Binding(key, f"app.set_status('{status.value}')", f"status:{status.value}")
        for key, status in STATUS_KEYS.items()
    ),
    # Most needed first: a narrow terminal's footer cuts the last ones (all are in help).
    Binding("question_mark", "app.help", "help"),
    Binding("ctrl+p", "app.command_palette", "palette", priority=True),
    Binding("slash", "app.search", "search_short"),
    Binding("f", "app.cycle_filter", "filter"),
    Binding("d", "app.dashboard", "dashboard"),
    Binding("p", "app.profile", "profile"),
    Binding("g", "app.departments", "departments", show=False),
    Binding("x", "app.export", "export_short"),
    Binding("c", "app.compare", "compare_short"),
    Binding("q", "app.quit", "quit"),
    Binding("j", "cursor_down", "move", show=False),
    Binding("k", "cursor_up", "move", show=False),
    Binding("left", "fold", "fold", show=False),
    Binding("right", "unfold", "fold", show=False),
]

APP_BINDINGS: list[Binding] = [
    Binding("ctrl+z", "undo", "undo", priority=True),
    Binding("ctrl+s", "save", "save", priority=True, show=False),  # autosave: in help and palette
    Binding("ctrl+q", "quit", "quit", priority=True, show=False),
    Binding("escape", "focus_tree", "tree", show=False),
]


def localize(node: DOMNode, labels: Labels) -> None:
    """Replace each binding's description that is a label key with its label."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=labels(b.description))
            if labels.knows(b.description)
            else b
            for b in bindings
        ]
