"""A second j/k baseline: the bare app with an item form of stock Textual widgets.

``BareApp`` stands in for the form with one header line; this one refills a form like
assess's, of the widgets Textual ships (Static for the policy text, Select, TextArea for the
text fields, DataTable for evidence and actions, their labels and buttons), with the same
texts and rows, each set the way Textual's own docs set it. assess against it says what the
form costs beyond what stock Textual takes to show the same item.

It imports only textual and the standard library. The form's content comes with the layout
(``forms``: item id → texts and rows, written by the bench from the demo).
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, DataTable, Label, Select, Static, TextArea, Tree

from bench.bare_app import BareApp

FIELDS = ("explanation", "current", "gap", "opportunity", "note")
STATUSES = ("done", "in_progress", "not_started", "not_applicable", "not_assessed")


class BareFormApp(BareApp):
    """``forms``: {item id: {"head", "source", "guidance", "texts": {field: text},
    "evidence": [[cell, …], …], "actions": [[cell, …], …]}}."""

    CSS: ClassVar[str] = """
    #main { height: 1fr; }
    #tree { width: 44; }
    #form { width: 1fr; }
    #form TextArea { height: auto; max-height: 8; }
    #form DataTable { height: auto; max-height: 8; }
    #form Horizontal { height: auto; }
    #form Button { min-width: 10; }
    """

    def __init__(self, layout: list[dict[str, Any]], forms: dict[str, dict[str, Any]]) -> None:
        super().__init__(layout)
        self.forms = forms

    def compose(self) -> ComposeResult:
        parts = iter(super().compose())
        yield next(parts)  # the header
        tree = next(parts)
        with Horizontal(id="main"):
            yield tree
            with VerticalScroll(id="form"):
                yield Static(id="head", markup=False)
                yield Static(id="source", markup=False)
                yield Static(id="guidance", markup=False)
                yield Select([(s, s) for s in STATUSES], allow_blank=False, id="status")
                for field in FIELDS:
                    yield Label(field)
                    yield TextArea(id=field)
                for table in ("evidence", "actions"):
                    yield Label(table)
                    yield DataTable(id=table, cursor_type="row", zebra_stripes=True)
                    with Horizontal():
                        yield from (Button(name) for name in ("add", "edit", "remove"))
        yield from parts  # the footer

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#evidence", DataTable).add_columns("ID", "title", "number", "date", "by")
        self.query_one("#actions", DataTable).add_columns("ID", "action", "lead", "due", "pri")

    def action_move(self, step: int) -> None:
        tree: Tree[tuple[str, str, str]] = self.query_one("#tree", Tree)
        tree.action_cursor_down() if step > 0 else tree.action_cursor_up()
        node = tree.cursor_node
        form = self.forms.get(node.data[0]) if node is not None and node.data else None
        if form is not None:
            self.fill(form)

    def fill(self, form: dict[str, Any]) -> None:
        self.query_one("#head", Static).update(form["head"])
        self.query_one("#source", Static).update(form["source"])
        self.query_one("#guidance", Static).update(form["guidance"])
        self.query_one("#status", Select).value = form["status"]
        for field in FIELDS:
            self.query_one(f"#{field}", TextArea).load_text(form["texts"].get(field, ""))
        for table_id in ("evidence", "actions"):
            table = self.query_one(f"#{table_id}", DataTable)
            table.clear()
            table.add_rows(form[table_id])
