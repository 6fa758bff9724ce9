"""The right pane: one item's policy text and the zone's answer for it.

The form walks the field registry (``RECORD_FIELDS``, ``ACTION_FIELDS``, ``EVIDENCE_FIELDS``):
one section per recorded field, in the registry's order. It is built once and refilled when the
selection moves, so moving through the tree never re-mounts widgets. Every change goes through
the session's editor, is made undoable by a checkpoint of the one record it touches, and is
announced by calling ``on_change(item_id)`` directly (no message round trip: one frame a key).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea
from textual.widgets._select import NoSelection, SelectCurrent

from assess.applicability import item_applies
from assess.checklist import Indicator
from assess.fields import (
    ACTION_FIELDS,
    EVIDENCE_FIELDS,
    RECORD_FIELDS,
    TEXT_FIELDS,
    Field,
    FieldKind,
)
from assess.lang import Lang
from assess.models import STATUS_ORDER, Action, Evidence, Status
from assess.texts import Texts
from assess.texts import tui as words
from assess.texts.applicability import applicability_text
from assess.tui.dialogs import Dialogs
from assess.tui.keys import bind, section_keys
from assess.tui.literal import literal
from assess.tui.session import Session

TEXT_DEBOUNCE_SECONDS = 1.0
TEXT_FIELD_IDS = {f.id for f in TEXT_FIELDS}
# The form offers 未评估 first: it is where every item starts.
FORM_STATUSES = (Status.NOT_ASSESSED, *(s for s in STATUS_ORDER if s is not Status.NOT_ASSESSED))
FIGURE_ROWS = 2  # the most indicators an item has in the checklist
ACTION_TEXT_WIDTH = 24  # cells; the whole text is in the edit dialog
# The sections the jump keys reach: the widget each one focuses.
SECTIONS = {
    "explanation": "#explanation",
    "current": "#current",
    "evidence": "#evidence-table",
    "actions": "#actions-table",
    "figures": "#figure-0",
}


@dataclass
class _Pending:
    item_id: str
    field: str


class FieldArea(TextArea):
    """A multi-line text field bound to one record field (explanation, current, …).

    ctrl+z / ctrl+y undo the field's own typing first; once it has none, the app's undo.
    """

    def __init__(self, field: str) -> None:
        super().__init__(id=field, soft_wrap=True, tab_behavior="focus")
        self.field_name = field

    async def _on_key(self, event: events.Key) -> None:
        chord_not_text(event)
        await super()._on_key(event)

    def action_undo(self) -> None:
        if self.history.undo_stack:
            super().action_undo()
        else:
            self.app.call_later(self.app.run_action, "app.undo")

    def action_redo(self) -> None:
        if self.history.redo_stack:
            super().action_redo()
        else:
            self.app.call_later(self.app.run_action, "app.redo")


class FigureInput(Input):
    """One indicator's figure: a number in the indicator's unit."""

    def __init__(self, index: int) -> None:
        super().__init__(id=f"figure-{index}", compact=True, select_on_focus=False)
        self.indicator: Indicator | None = None

    async def _on_key(self, event: events.Key) -> None:
        chord_not_text(event)
        await super()._on_key(event)


class _FixedCurrent(SelectCurrent):
    """The status drop-down's shown value: one line of fixed width (app.tcss), so a new
    status repaints the label without a re-layout of the whole screen (one frame a key)."""

    def update(self, label: Any) -> None:
        self.label = label
        self.has_value = label is not Select.NULL
        self._show_label()

    def _show_label(self) -> None:
        static = next(self.query("#label").results(Static), None)
        if static is None:  # the drop-down sets its value on mount, maybe before this composes
            self.call_after_refresh(self._show_label)
            return
        shown = self.placeholder if isinstance(self.label, NoSelection) else self.label
        static.update(shown, layout=False)


class StatusSelect(Select[Status]):
    """The item's status: a ``Select`` whose value changes without a layout."""

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            yield _FixedCurrent(self.prompt) if type(widget) is SelectCurrent else widget


def chord_not_text(event: events.Key) -> None:
    """A terminal reports alt+n as "n" typed with alt: the field would insert the letter.
    Without its character it is only a key, so it reaches the item's bindings (alt+e, alt+n…)."""
    if event.key.startswith("alt+"):
        event.character = None


def parse_figure(raw: str) -> str | None:
    """``1,234.5`` / ``１２`` / ``-3`` → the number as stored; None if it is not one."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "").replace(" ", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        return None
    return text if number.is_finite() else None


class ItemDetail(VerticalScroll):
    """Policy text on top, the zone's fields below, in the registry's order."""

    can_focus = False

    def __init__(
        self, session: Session, lang: Lang, on_change: Callable[[str], None],
        dialogs: Dialogs, *, id: str | None = None,
    ) -> None:  # fmt: skip
        super().__init__(id=id)
        self.dialogs = dialogs
        self.session = session
        self.lang = lang
        self.t = Texts(lang)
        self.on_change = on_change
        self.item_id: str | None = None
        self._pending: dict[str, _Pending] = {}
        self._timer_handle: Timer | None = None
        self._form_enabled = True
        self.ready = False  # the form is mounted after the first frame (``build_form``)
        bind(self, "item", self.t)

    # layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.t
        yield Static(t(words.SELECT_ITEM), id="item-head")
        yield Static(id="item-source", classes="source")
        yield Static(id="item-guidance", classes="guidance")

    async def build_form(self) -> None:
        """Mount the form after the first frame: the tree shows before ~250 widgets are styled."""
        await self.mount_all([w for field in RECORD_FIELDS for w in self._section(field)])
        self._fill_columns()
        self.ready = True
        self.show_item(self.item_id)

    def _section(self, field: Field) -> Iterator[Widget]:
        t = self.t
        title = Label(self._title(field, Status.NOT_ASSESSED), id=f"{field.id}-label",
                      classes="field-title", markup=False)  # fmt: skip
        if field.kind is FieldKind.STATUS:
            yield Horizontal(
                title.set_classes("field-label"),
                StatusSelect([(t.label(s), s) for s in FORM_STATUSES],
                       allow_blank=False, value=Status.NOT_ASSESSED, id="status"),
                classes="field-row",
            )  # fmt: skip
        elif field.kind is FieldKind.MULTILINE:
            yield title
            yield FieldArea(field.id)
        elif field.id == "evidence":
            yield title
            yield DataTable(id="evidence-table", cursor_type="row", zebra_stripes=True)
            yield self._buttons("ev", (("add", words.ADD), ("cite", words.CITE),
                                       ("edit", words.EDIT), ("remove", words.REMOVE)))  # fmt: skip
        elif field.id == "actions":
            yield title
            yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
            yield self._buttons("act", (("add", words.ADD), ("edit", words.EDIT),
                                        ("remove", words.REMOVE)))  # fmt: skip
        elif field.id == "figures":
            yield title
            for index in range(FIGURE_ROWS):
                yield Horizontal(
                    Label("", id=f"figure-name-{index}", classes="figure-name", markup=False),
                    FigureInput(index),
                    Label("", id=f"figure-unit-{index}", classes="figure-unit", markup=False),
                    classes="figure-row", id=f"figure-row-{index}",
                )  # fmt: skip
            yield Static("", id="figure-error", classes="error", markup=False)

    def _title(self, field: Field, status: Status) -> Text:
        """A section's title and, dimmed, the keys that reach it from anywhere in the item."""
        name = words.INDICATORS if field.id == "figures" else field.label_for(status)
        title = Text(self.t(name))
        hint = section_keys(field.id, self.t)
        if hint:
            title.append(f"  {hint}", style="dim")
        return title

    def _buttons(self, prefix: str, buttons: tuple[tuple[str, Any], ...]) -> Horizontal:
        return Horizontal(
            *(
                Button(self.t(label), id=f"{prefix}-{name}", compact=True)
                for name, label in buttons
            ),
            classes="buttons",
        )

    def _fill_columns(self) -> None:
        t = self.t
        evidence = self.query_one("#evidence-table", DataTable)
        for field in EVIDENCE_FIELDS:
            evidence.add_column(t(field.label), key=field.id)
        evidence.add_column(t(words.USED_BY), key="used_by")
        actions = self.query_one("#actions-table", DataTable)
        for field in ACTION_FIELDS:
            width = ACTION_TEXT_WIDTH if field.id == "action.text" else None
            actions.add_column(t(field.label), key=field.id, width=width)

    def set_form_enabled(self, enabled: bool) -> None:
        """Grey the form out while a measure or area is selected (only on a change)."""
        if enabled is self._form_enabled:
            return
        self._form_enabled = enabled
        for widget in self.query("Select, FieldArea, DataTable, Button, FigureInput"):
            widget.disabled = not enabled

    # showing an item ---------------------------------------------------------------

    def show_item(self, item_id: str | None) -> None:
        """Fill the pane for ``item_id`` (None: a measure or area is selected)."""
        self.flush()
        self.item_id = item_id
        if not self.ready:
            return  # ``build_form`` shows it
        if item_id is None:
            self.show_note(self.t(words.SELECT_ITEM))
            return
        self.set_form_enabled(not self.session.read_only)
        self._show_policy(item_id)
        record = self.session.record(item_id)
        self._show_status(record.status)
        for area in self.query(FieldArea):
            area.load_text(getattr(record, area.field_name))
        self.refresh_evidence()
        self.refresh_actions()
        self._show_figures(item_id)
        self.scroll_home(animate=False)

    def show_note(self, note: str) -> None:
        """A measure or area is selected: say what its keys do, grey the form."""
        self.query_one("#item-head", Static).update(Text(note))
        self.query_one("#item-source", Static).update("")
        self.query_one("#item-guidance", Static).update("")
        self.set_form_enabled(False)

    def _show_policy(self, item_id: str) -> None:
        t = self.t
        item = self.session.checklist.item_index[item_id]
        zone = self.session.assessment.zone
        head = Text()
        head.append(f"{item.id}  ", style="bold cyan")
        head.append(t.pick(item.title, item.title_en), style="bold")
        head.append(f"\n{t(words.KIND)}{t.colon}{t.label(item.kind)}    ")
        head.append(f"{t(words.APPLICABILITY)}{t.colon}")
        applies = applicability_text(item, zone, t)
        head.append(applies, style="" if item_applies(item, zone) else "bold red")
        self.query_one("#item-head", Static).update(head)
        source = Text()
        source.append(f"{t(words.SOURCE)}\n", style="bold")
        source.append(item.source)
        self.query_one("#item-source", Static).update(source)
        guide = Text()
        guide.append(f"{t(words.GUIDANCE)}{t.colon}", style="bold")
        guide.append(t.pick(item.guidance, item.guidance_en))
        if item.evidence:
            guide.append(f"\n{t(words.EVIDENCE_HINTS)}{t.colon}", style="bold")
            guide.append(t.pick("；", "; ").join(item.evidence_in(t)))
        self.query_one("#item-guidance", Static).update(guide)

    def _show_status(self, status: Status) -> None:
        """Show a status without it coming back as a user's choice."""
        if not self.ready:
            return
        select = self.query_one("#status", Select)
        if select.value is not status:
            with select.prevent(Select.Changed):
                select.value = status
        label = self.query_one("#explanation-label", Label)
        # a fixed width (app.tcss): the new word repaints without a re-layout
        label.update(self._title(RECORD_FIELDS[1], status), layout=False)

    def refresh_evidence(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        table = self.query_one("#evidence-table", DataTable)
        table.clear()
        register = self.session.assessment.evidence_by_id()
        for evidence_id in self.session.record(self.item_id).evidence:
            evidence = register[evidence_id]
            cells = [_cell(f.to_cell(getattr(evidence, f.attr), t)) for f in EVIDENCE_FIELDS]
            users = [
                i for i, r in self.session.assessment.items.items() if evidence_id in r.evidence
            ]
            table.add_row(*literal(*cells, "、".join(users)), key=evidence.id)

    def refresh_actions(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        table = self.query_one("#actions-table", DataTable)
        table.clear()
        for action in self.session.record(self.item_id).actions:
            cells = [_cell(f.to_cell(getattr(action, f.attr), t)) for f in ACTION_FIELDS]
            table.add_row(*literal(*cells), key=action.id)

    def _show_figures(self, item_id: str) -> None:
        t = self.t
        indicators = self.session.checklist.item_index[item_id].indicators
        figures = self.session.record(item_id).figures
        for index in range(FIGURE_ROWS):
            row = self.query_one(f"#figure-row-{index}")
            field = self.query_one(f"#figure-{index}", FigureInput)
            indicator = indicators[index] if index < len(indicators) else None
            if row.display != (indicator is not None):  # a change of display is a re-layout
                row.display = indicator is not None
            field.indicator = indicator
            if indicator is None:
                continue
            self.query_one(f"#figure-name-{index}", Label).update(
                t.pick(indicator.name, indicator.name_en)
            )
            unit = t(words.FIGURE_UNIT, unit=indicator.unit) if indicator.unit else ""
            self.query_one(f"#figure-unit-{index}", Label).update(unit)
            with field.prevent(Input.Changed):
                field.value = figures.get(indicator.name, "")
        title = self.query_one("#figures-label")
        if title.display != bool(indicators):
            title.display = bool(indicators)
        self.query_one("#figure-error", Static).update("")

    # focus you can see -------------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        label = self._label_of(event.widget)
        if label is not None:
            label.add_class("-focused")

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        label = self._label_of(event.widget)
        if label is not None:
            label.remove_class("-focused")
        if isinstance(event.widget, FieldArea):
            self.flush()
        elif isinstance(event.widget, FigureInput):
            self.save_figure(event.widget)

    def _label_of(self, widget: Widget) -> Widget | None:
        """The section title of a field (a button's: its table's)."""
        field_id = {"status": "status", "evidence-table": "evidence", "actions-table": "actions"}
        key = widget.id or ""
        if isinstance(widget, FieldArea):
            key = widget.field_name
        elif isinstance(widget, FigureInput):
            key = "figures"
        elif isinstance(widget, Button):
            key = "evidence" if key.startswith("ev-") else "actions"
        else:
            key = field_id.get(key, "")
        if not key:
            return None
        return self.query_one(f"#{key}-label")

    def go(self, section: str) -> None:
        """Focus a section's field (the jump keys)."""
        if self.item_id is None:
            return
        target = self.query_one(SECTIONS[section])
        if not target.display or not target.parent or not target.parent.display:
            return
        target.focus()
        self.scroll_to_widget(target, animate=False)

    # editing -----------------------------------------------------------------------

    @on(Select.Changed, "#status")
    def _status_picked(self, event: Select.Changed) -> None:
        if self.item_id is None or not isinstance(event.value, Status):
            return
        if event.value is not event.select.value:  # stale: the selection moved since
            return
        self.set_status(self.item_id, event.value)

    def set_status(self, item_id: str, status: Status) -> bool:
        """Set a status through the editor; no-op (and no undo step) if unchanged."""
        if self.session.record(item_id).status is status:
            return False
        self.flush()
        self.session.checkpoint(item_id)
        self.session.editor.set_status(item_id, status)
        if item_id == self.item_id:
            self._show_status(status)
        self.on_change(item_id)
        return True

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, FieldArea) or self.item_id is None:
            return
        if getattr(self.session.record(self.item_id), area.field_name) == area.text:
            return
        self._pending[area.field_name] = _Pending(self.item_id, area.field_name)
        if self._timer_handle is not None:
            self._timer_handle.stop()
        self._timer_handle = self.set_timer(TEXT_DEBOUNCE_SECONDS, self.flush)

    def flush(self) -> None:
        """Apply pending text edits (on blur, after a pause, before moving away).

        Text of only spaces and blank lines is saved as empty: it is nothing the user wrote.
        """
        if self._timer_handle is not None:
            self._timer_handle.stop()
            self._timer_handle = None
        pending, self._pending = self._pending, {}
        for entry in pending.values():
            if entry.field not in TEXT_FIELD_IDS:
                continue
            text = self.query_one(f"#{entry.field}", FieldArea).text
            if not text.strip():
                text = ""
            if getattr(self.session.record(entry.item_id), entry.field) == text:
                continue
            self.session.checkpoint(entry.item_id)
            self.session.editor.set_text(entry.item_id, entry.field, text)
            self.on_change(entry.item_id)

    @on(Input.Submitted, "FigureInput")
    def _figure_submitted(self, event: Input.Submitted) -> None:
        assert isinstance(event.input, FigureInput)
        self.save_figure(event.input)

    def save_figure(self, field: FigureInput) -> bool:
        """Save a typed figure if it is a number (or empty); otherwise say why, keep it typed."""
        indicator, item_id = field.indicator, self.item_id
        if indicator is None or item_id is None:
            return False
        raw = field.value
        value = "" if not raw.strip() else parse_figure(raw)
        error = self.query_one("#figure-error", Static)
        if value is None:
            t = self.t
            message = t(words.BAD_FIGURE, name=t.pick(indicator.name, indicator.name_en),
                        value=raw.strip(), unit=indicator.unit or t(words.NO_UNIT))  # fmt: skip
            error.update(message)
            self.notify(message, severity="warning", timeout=6, markup=False)
            return False
        error.update("")
        if self.session.record(item_id).figures.get(indicator.name, "") == value:
            return False
        self.session.checkpoint(item_id)
        self.session.editor.set_figure(item_id, indicator.name, value)
        with field.prevent(Input.Changed):
            field.value = value
        self.on_change(item_id)
        return True

    # dialogs -----------------------------------------------------------------------

    def open_dialog(self, screen: Any, done: Callable[[Any], None]) -> None:
        """Push a dialog; afterwards focus goes back to where the user was."""
        before = self.app.focused

        def finished(result: Any) -> None:
            if result is not None:
                done(result)
            if before is not None and before.is_attached and not before.disabled:
                before.focus()

        self.app.push_screen(screen, finished)

    def _selected_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            self.notify(self.t(words.PICK_ROW), severity="warning")
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)

    @on(Button.Pressed, "#ev-add")
    def add_evidence(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return

        def done(result: Evidence) -> None:
            self.session.checkpoint(item_id, register=True)
            evidence = self.session.editor.add_evidence(result.title, result.ref, result.date)
            self.session.editor.cite(item_id, evidence.id)
            self._after_list_change(item_id, "#evidence-table", evidence.id)

        self.open_dialog(self.dialogs.evidence_form(None), done)

    @on(Button.Pressed, "#ev-cite")
    def cite_evidence(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        cited = set(self.session.record(item_id).evidence)
        choices = [e for e in self.session.assessment.evidence if e.id not in cited]
        if not choices:
            self.notify(self.t(words.NONE_TO_CITE), severity="warning")
            return

        def done(evidence_id: str) -> None:
            self.session.checkpoint(item_id)
            self.session.editor.cite(item_id, evidence_id)
            self._after_list_change(item_id, "#evidence-table", evidence_id)

        self.open_dialog(self.dialogs.cite(choices), done)

    @on(Button.Pressed, "#ev-edit")
    def edit_evidence(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#evidence-table")
        if item_id is None or key is None:
            return
        current = self.session.assessment.evidence_by_id()[key]

        def done(result: Evidence) -> None:
            if result == current:
                return
            self.session.checkpoint(item_id, register=True)
            self.session.editor.update_evidence(result)
            self._after_list_change(item_id, "#evidence-table", result.id)

        self.open_dialog(self.dialogs.evidence_form(current), done)

    @on(Button.Pressed, "#ev-remove")
    def remove_evidence(self) -> None:
        """Remove the citation from this item; the record stays for the other items."""
        item_id = self.item_id
        key = self._selected_key("#evidence-table")
        if item_id is None or key is None:
            return
        self.session.checkpoint(item_id, register=True)
        self.session.editor.uncite(item_id, key)
        if not any(key in r.evidence for r in self.session.assessment.items.values()):
            self.session.editor.remove_evidence(key)
        self._after_list_change(item_id)

    @on(Button.Pressed, "#act-add")
    def add_action(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return

        def done(result: Action) -> None:
            self.session.checkpoint(item_id)
            added = self.session.editor.add_action(item_id, result)
            self._after_list_change(item_id, "#actions-table", added.id)

        self.open_dialog(self.dialogs.action_form(None), done)

    @on(Button.Pressed, "#act-edit")
    def edit_action(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#actions-table")
        if item_id is None or key is None:
            return
        actions = self.session.record(item_id).actions
        current = next(a for a in actions if a.id == key)

        def done(result: Action) -> None:
            changed = result.model_copy(update={"id": current.id})
            if changed == current:
                return
            now = self.session.record(item_id).actions
            self.session.checkpoint(item_id)
            self.session.editor.set_actions(item_id, [changed if a.id == key else a for a in now])
            self._after_list_change(item_id, "#actions-table", key)

        self.open_dialog(self.dialogs.action_form(current), done)

    @on(Button.Pressed, "#act-remove")
    def remove_action(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#actions-table")
        if item_id is None or key is None:
            return
        self.session.checkpoint(item_id)
        self.session.editor.remove_action(key)
        self._after_list_change(item_id)

    def _after_list_change(self, item_id: str, table_id: str = "", row: str = "") -> None:
        if item_id == self.item_id:
            self.refresh_evidence()
            self.refresh_actions()
            if table_id and row:
                table = self.query_one(table_id, DataTable)
                table.move_cursor(row=table.get_row_index(row))
        self.on_change(item_id)


def _cell(value: object) -> str:
    """A registry cell as table text: dates in ISO form, no value as empty."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
