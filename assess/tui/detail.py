"""The right pane: one item's policy text and the zone's answer for it.

The form walks the field registry (``RECORD_FIELDS``, ``ACTION_FIELDS``, ``EVIDENCE_FIELDS``,
then ``POLICY_FIELDS`` and ``CLAIM_FIELDS``): one section per recorded field, in the
registry's order. A section shows only where the policy gives it a meaning: 达进度/欠进度 on
推进中 work, 争取对象 on higher-level items, 政策争取 on support, encourage and higher-level
items. A zone task (自定任务) opens in the same form, with its title and description on top. It is built once and refilled when the
selection moves, so moving through the tree never re-mounts widgets. Every change goes through
the session's editor, is made undoable by a checkpoint of the one record it touches, and is
announced by calling ``on_change(item_id)`` directly (no message round trip: one frame a key).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.geometry import Size
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Label, Select, Static, TextArea
from textual.widgets._select import NoSelection, SelectCurrent
from textual.widgets.text_area import Selection

from assess import fields
from assess.applicability import item_applies
from assess.checklist import Indicator, Kind, chinese_numeral
from assess.fields import (
    ACTION_FIELDS,
    CLAIM_FIELDS,
    EVIDENCE_FIELDS,
    POLICY_FIELDS,
    RECORD_FIELDS,
    TEXT_FIELDS,
    Field,
    FieldKind,
)
from assess.lang import Lang
from assess.models import (
    STATUS_ORDER,
    Action,
    ActionStatus,
    Claim,
    Evidence,
    Schedule,
    Status,
    ZoneTask,
)
from assess.requests import explanation_label, status_label
from assess.texts import Texts
from assess.texts import policy as policy_words
from assess.texts import tui as words
from assess.texts.applicability import applicability_text
from assess.texts.tui_screens import REQUIRED_FIELD
from assess.tui.dialogs import Dialogs
from assess.tui.keys import bind, section_keys
from assess.tui.prose import Prose
from assess.tui.quick_scrollbar import QuickScrollBars
from assess.tui.session import Session
from assess.tui.steady import Rows, SteadyArea, SteadyScroll, SteadyTable, load_text

TEXT_DEBOUNCE_SECONDS = 1.0
TEXT_FIELD_IDS = {f.id for f in TEXT_FIELDS}
# The form offers 未评估 first: it is where every item starts.
FORM_STATUSES = (Status.NOT_ASSESSED, *(s for s in STATUS_ORDER if s is not Status.NOT_ASSESSED))
FIGURE_ROWS = 2  # the most indicators an item has in the checklist
ACTION_TEXT_WIDTH = 24  # cells; the whole text is in the edit dialog
# A zone task records what its workbook sheet carries: these item sections stay hidden on it.
TASK_HIDDEN = ("current", "gap", "opportunity", "note")
CLAIM_KINDS = (Kind.SUPPORT, Kind.ENCOURAGE, Kind.HIGHER_LEVEL)
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


class FieldArea(SteadyScroll, SteadyArea):
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

    def _watch_value(self, value: Status | NoSelection) -> None:
        """Shut, only the shown value follows: the list is pointed at it when it opens
        (``Select._watch_expanded``), not scrolled and repainted out of sight on every j/k."""
        if self.expanded:
            super()._watch_value(value)
            return
        self._value = value
        for current in self.children:  # none yet, before it composes
            if isinstance(current, SelectCurrent):
                prompts = (prompt for prompt, option in self._options if option == value)
                current.update(next(prompts, self.NULL))
                self.post_message(self.Changed(self, value))


def chord_not_text(event: events.Key) -> None:
    """A terminal reports alt+n as "n" typed with alt: the field would insert the letter.
    Without its character it is only a key, so it reaches the item's bindings (alt+e, alt+n…)."""
    if event.key.startswith("alt+"):
        event.character = None


PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def parse_figure(raw: str) -> str | None:
    """``1,234.5`` / ``１２`` / ``-3`` → the number as stored; None if it is not one written
    plainly (``1e400``, ``1_000``, ``.5`` would be stored and printed as typed)."""
    text = unicodedata.normalize("NFKC", raw).strip().replace(",", "").replace(" ", "")
    return text if PLAIN_NUMBER.fullmatch(text) else None


class ItemDetail(QuickScrollBars, VerticalScroll):
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
        self._kind: Kind | None = Kind.REQUIREMENT  # of the item shown; None: a zone task
        self._request_labels = False  # the status drop-down reads 已获得/争取中/未争取
        self.ready = False  # the form is mounted after the first frame (``build_form``)
        self._areas: list[FieldArea] = []
        self._explanation_title: Text | None = None  # shown above the explanation field
        self._hidden_by_note: list[Widget] = []  # the form, while a measure or area is chosen
        bind(self, "item", self.t)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """A new item makes the pane's content taller or shorter: that moves its scrollbar,
        nothing else. Textual would repaint the whole pane and lay the screen out once more."""
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    # layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        t = self.t
        # the policy text and its guidance: wrapped so ，。、；：）」 never start a line
        yield Prose(Text(t(words.SELECT_ITEM)), id="item-head")
        yield Prose(Text(), id="item-source", classes="source")
        yield Prose(Text(), id="item-guidance", classes="guidance")

    async def build_form(self) -> None:
        """Mount the form after the first frame: the tree shows before ~250 widgets are styled."""
        await self.mount_all(
            [
                *self._task_section(),
                *(w for field in (*RECORD_FIELDS, *POLICY_FIELDS) for w in self._section(field)),
            ]
        )
        if not self.query("#evidence-table"):  # the window closed meanwhile: nothing mounted
            return
        self._fill_columns()
        self._areas = list(self.query(FieldArea))
        self.ready = True
        self.show_item(self.item_id)

    def _task_section(self) -> Iterator[Widget]:
        """A zone task's title and description (hidden on checklist items)."""
        for field, widget in (
            (fields.TASK_TITLE, Input(id="task-title", compact=True, select_on_focus=False)),
            (fields.TASK_DESCRIPTION, FieldArea("task-description")),
        ):
            widget_id = widget.id
            yield Label(self.t(field.label), id=f"{widget_id}-label", classes="field-title",
                        markup=False)  # fmt: skip
            yield widget

    def _section(self, field: Field) -> Iterator[Widget]:
        t = self.t
        title = Label(self._title(field, Status.NOT_ASSESSED), id=f"{field.id}-label",
                      classes="field-title", markup=False)  # fmt: skip
        if field.id == "schedule":
            yield title
            yield Select([(t.label(s), s) for s in Schedule], prompt=t(policy_words.SCHEDULE_NONE),
                         id="schedule")  # fmt: skip
        elif field.id == "asked_of":
            yield title
            yield Input(id="asked_of", compact=True, select_on_focus=False)
        elif field.id == "claims":
            yield title
            yield SteadyTable(id="claims-table", cursor_type="row", zebra_stripes=True)
            yield self._buttons("cl", (("add", words.ADD), ("edit", words.EDIT),
                                       ("remove", words.REMOVE)), id="claims-buttons")  # fmt: skip
        elif field.kind is FieldKind.STATUS:
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
            yield SteadyTable(id="evidence-table", cursor_type="row", zebra_stripes=True)
            yield self._buttons("ev", (("add", words.ADD), ("cite", words.CITE),
                                       ("edit", words.EDIT), ("remove", words.REMOVE)))  # fmt: skip
        elif field.id == "actions":
            yield title
            yield SteadyTable(id="actions-table", cursor_type="row", zebra_stripes=True)
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

    def _title(self, field: Field, status: Status, kind: Kind | None = None) -> Text:
        """A section's title and, dimmed, the keys that reach it from anywhere in the item."""
        name = words.INDICATORS if field.id == "figures" else field.label_for(status)
        if field.id == "explanation" and kind is Kind.HIGHER_LEVEL:
            name = explanation_label(status, kind)
        title = Text(self.t(name))
        hint = section_keys(field.id, self.t)
        if hint:
            title.append(f"  {hint}", style="dim")
        return title

    def _buttons(
        self, prefix: str, buttons: tuple[tuple[str, Any], ...], id: str | None = None
    ) -> Horizontal:
        return Horizontal(
            *(
                Button(self.t(label), id=f"{prefix}-{name}", compact=True)
                for name, label in buttons
            ),
            classes="buttons",
            id=id,
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
        claims = self.query_one("#claims-table", DataTable)
        for field in CLAIM_FIELDS:
            width = ACTION_TEXT_WIDTH if field.id == "claim.policy" else None
            claims.add_column(t(field.label), key=field.id, width=width)

    def set_form_enabled(self, enabled: bool) -> None:
        """Grey the form out while a measure or area is selected (only on a change)."""
        if enabled is self._form_enabled:
            return
        self._form_enabled = enabled
        for widget in self.query("Select, FieldArea, DataTable, Button, Input"):
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
        for widget in self._hidden_by_note:
            widget.display = True
        self._hidden_by_note = []
        self.set_form_enabled(not self.session.read_only)
        task = self.zone_task(item_id)
        if task is None:
            self._show_policy(item_id)
        else:
            self._show_task_head(task)
        self._show_kind(
            None if task is not None else self.session.checklist.item_index[item_id].kind
        )
        record = self.session.record(item_id)
        self._show_status(record.status)
        for area in self._areas:
            if area.field_name == "task-description":
                load_text(area, task.description if task is not None else "")
            else:
                load_text(area, getattr(record, area.field_name))
        title = task.title if task is not None else ""
        _load_input(self.get_child_by_id("task-title", Input), title)
        _load_input(self.get_child_by_id("asked_of", Input), record.asked_of)
        self.refresh_evidence()
        self.refresh_actions()
        self.refresh_claims()
        self._show_figures(item_id)
        self.scroll_home(animate=False)

    def zone_task(self, item_id: str | None) -> ZoneTask | None:
        """The zone task ``item_id`` names, None for a checklist item."""
        return next((t for t in self.session.assessment.zone_tasks if t.id == item_id), None)

    def _show_kind(self, kind: Kind | None) -> None:
        """Show the sections that mean something for this kind (None: a zone task)."""
        self._kind = kind
        is_task = kind is None
        self._display(["task-title-label", "task-title", "task-description-label",
                       "task-description"], is_task)  # fmt: skip
        self._display([w for f in TASK_HIDDEN for w in (f"{f}-label", f)], not is_task)
        self._display(["asked_of-label", "asked_of"], kind is Kind.HIGHER_LEVEL)
        self._display(["claims-label", "claims-table", "claims-buttons"], kind in CLAIM_KINDS)
        request = kind is Kind.HIGHER_LEVEL
        if request is not self._request_labels:  # 已获得/争取中/未争取 on a request
            self._request_labels = request
            select = self.query_one("#status", Select)
            shown = Kind.HIGHER_LEVEL if request else Kind.REQUIREMENT
            with select.prevent(Select.Changed):
                select.set_options([(self.t(status_label(s, shown)), s) for s in FORM_STATUSES])

    def _display(self, widget_ids: list[str], shown: bool) -> None:
        """Show or hide widgets; only a change of display costs a re-layout."""
        for widget_id in widget_ids:
            widget = self.get_child_by_id(widget_id)
            if widget.display != shown:
                widget.display = shown

    def _show_task_head(self, task: ZoneTask) -> None:
        t = self.t
        measure = next(m for m in self.session.checklist.measures if m.number == task.measure)
        head = Text()
        head.append(f"{task.id}  ", style="bold cyan")
        head.append(t(policy_words.ZONE_TASK_TAG), style="bold magenta")
        head.append(task.title, style="bold")
        name = t.pick(f"（{chinese_numeral(measure.number)}）{measure.title}",
                      f"({measure.number}) {measure.title_en}")  # fmt: skip
        head.append(f"\n{t(policy_words.TASK_MEASURE)}{t.colon}{name}")
        self.get_child_by_id("item-head", Prose).update(head)
        self.get_child_by_id("item-source", Prose).update(Text(t(policy_words.TASK_HEAD)))
        self.get_child_by_id("item-guidance", Prose).update(Text())

    def show_note(self, note: str) -> None:
        """A measure or area is selected: say what its keys do, grey the form."""
        self.get_child_by_id("item-head", Prose).update(Text(note))
        self.get_child_by_id("item-source", Prose).update(Text())
        self.get_child_by_id("item-guidance", Prose).update(Text())
        self.set_form_enabled(False)
        if not self._hidden_by_note:  # not the last item's values, greyed, as if editable
            self._hidden_by_note = [
                w for w in self.children if w.display and not isinstance(w, Prose)
            ]
            for widget in self._hidden_by_note:
                widget.display = False

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
        self.get_child_by_id("item-head", Prose).update(head)
        source = Text()
        source.append(f"{t(words.SOURCE)}\n", style="bold")
        source.append(item.source)
        self.get_child_by_id("item-source", Prose).update(source)
        guide = Text()
        guide.append(f"{t(words.GUIDANCE)}{t.colon}", style="bold")
        guide.append(t.pick(item.guidance, item.guidance_en))
        if item.evidence:
            guide.append(f"\n{t(words.EVIDENCE_HINTS)}{t.colon}", style="bold")
            guide.append(t.pick("；", "; ").join(item.evidence_in(t)))
        self.get_child_by_id("item-guidance", Prose).update(guide)

    def _show_status(self, status: Status) -> None:
        """Show a status without it coming back as a user's choice."""
        if not self.ready:
            return
        select = self.query_one("#status", Select)
        if select.value is not status:
            with select.prevent(Select.Changed):
                select.value = status
        title = self._title(RECORD_FIELDS[1], status, self._kind)
        if title != self._explanation_title:  # most moves keep the word: nothing to repaint
            self._explanation_title = title
            label = self.get_child_by_id("explanation-label", Label)
            # a fixed width (app.tcss): the new word repaints without a re-layout
            label.update(title, layout=False)
        in_progress = status is Status.IN_PROGRESS
        self._display(["schedule-label", "schedule"], in_progress)
        if self.item_id is not None and in_progress:  # hidden, it is set when it shows
            pace = self.session.record(self.item_id).schedule
            schedule = self.get_child_by_id("schedule", Select)
            wanted = Select.NULL if pace is None else pace
            if schedule.value != wanted:
                with schedule.prevent(Select.Changed):
                    schedule.value = wanted

    def refresh_evidence(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        register = self.session.assessment.evidence_by_id()
        rows: list[tuple[str, tuple[str, ...]]] = []
        for evidence_id in self.session.record(self.item_id).evidence:
            evidence = register[evidence_id]
            cells = [_cell(f.to_cell(getattr(evidence, f.attr), t)) for f in EVIDENCE_FIELDS]
            users = [i for i, r in self._records() if evidence_id in r.evidence]
            rows.append((evidence.id, (*cells, "、".join(users))))
        self.get_child_by_id("evidence-table", SteadyTable).show_rows(tuple(rows))

    def refresh_actions(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        rows: Rows = tuple(
            (action.id, tuple(_cell(f.to_cell(getattr(action, f.attr), t)) for f in ACTION_FIELDS))
            for action in self.session.record(self.item_id).actions
        )
        self.get_child_by_id("actions-table", SteadyTable).show_rows(rows)

    def refresh_claims(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        rows: Rows = tuple(
            (claim.id, tuple(_cell(f.to_cell(getattr(claim, f.attr), t)) for f in CLAIM_FIELDS))
            for claim in self.session.record(self.item_id).claims
        )
        self.get_child_by_id("claims-table", SteadyTable).show_rows(rows)

    def _records(self) -> list[tuple[str, Any]]:
        a = self.session.assessment
        return [*a.items.items(), *((task.id, task.record) for task in a.zone_tasks)]

    def _show_figures(self, item_id: str) -> None:
        t = self.t
        item = self.session.checklist.item_index.get(item_id)
        indicators = item.indicators if item is not None else ()
        figures = self.session.record(item_id).figures
        for index in range(FIGURE_ROWS):
            row = self.get_child_by_id(f"figure-row-{index}")
            field = row.get_child_by_id(f"figure-{index}", FigureInput)
            indicator = indicators[index] if index < len(indicators) else None
            if row.display != (indicator is not None):  # a change of display is a re-layout
                row.display = indicator is not None
            field.indicator = indicator
            if indicator is None:
                continue
            unit = t(words.FIGURE_UNIT, unit=indicator.unit) if indicator.unit else ""
            _set_label(row.get_child_by_id(f"figure-name-{index}", Label),
                       t.pick(indicator.name, indicator.name_en))  # fmt: skip
            _set_label(row.get_child_by_id(f"figure-unit-{index}", Label), unit)
            _load_input(field, figures.get(indicator.name, ""))
        title = self.get_child_by_id("figures-label")
        if title.display != bool(indicators):
            title.display = bool(indicators)
        _set_label(self.get_child_by_id("figure-error", Static), "")

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
        elif isinstance(event.widget, Input):
            self.save_line(event.widget)

    def _label_of(self, widget: Widget) -> Widget | None:
        """The section title of a field (a button's: its table's)."""
        field_id = {"status": "status", "evidence-table": "evidence", "actions-table": "actions",
                    "claims-table": "claims", "schedule": "schedule", "asked_of": "asked_of",
                    "task-title": "task-title"}  # fmt: skip
        key = widget.id or ""
        if isinstance(widget, FieldArea):
            key = widget.field_name
        elif isinstance(widget, FigureInput):
            key = "figures"
        elif isinstance(widget, Button):
            key = {"ev": "evidence", "cl": "claims"}.get(key.partition("-")[0], "actions")
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
            name = words.INDICATORS if section == "figures" else fields.BY_ID[section].label
            self.app.notify(self.t(words.NO_SECTION, section=self.t(name)), timeout=4)
            return  # e.g. ``i`` on an item the policy gives no indicator
        if isinstance(target, TextArea) and target.selection == Selection():
            target.move_cursor(target.document.end)  # to add to what is there, not before it
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
        if self._stored_text(self.item_id, area.field_name) == area.text:
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
            text = self.query_one(f"#{entry.field}", FieldArea).text
            if not text.strip():
                text = ""
            if self._stored_text(entry.item_id, entry.field) == text:
                continue
            if entry.field == "task-description":
                if self.zone_task(entry.item_id) is None:
                    continue
                self.session.checkpoint()  # a task's own field: undo restores the task list
                self.session.editor.set_zone_task(entry.item_id, "description", text)
            elif entry.field in TEXT_FIELD_IDS:
                self.session.checkpoint(entry.item_id)
                self.session.editor.set_text(entry.item_id, entry.field, text)
            self.on_change(entry.item_id)

    def keep_typing(self) -> str | None:
        """Put everything typed into the form into the record, before saving on ctrl+s,
        quitting or closing: the text fields' pending edits, and the focused line (a line is
        otherwise saved only on Enter or on leaving it). Returns why the focused figure was
        not saved (it is not a number: it stays typed), else None."""
        self.flush()
        focused = self.screen.focused
        if focused is None or self not in focused.ancestors:
            return None
        if isinstance(focused, FigureInput):
            return None if self.save_figure(focused) else self.figure_problem(focused)
        if isinstance(focused, Input):
            self.save_line(focused)
        return None

    def _stored_text(self, item_id: str, field: str) -> str:
        if field == "task-description":  # hidden, and empty, on a checklist item
            task = self.zone_task(item_id)
            return "" if task is None else task.description
        return str(getattr(self.session.record(item_id), field))

    @on(Input.Submitted, "#asked_of, #task-title")
    def _line_submitted(self, event: Input.Submitted) -> None:
        self.save_line(event.input)

    def save_line(self, field: Input) -> bool:
        """Save 争取对象 or a task's title (required: an empty one is refused and restored)."""
        item_id, value = self.item_id, field.value.strip()
        if item_id is None or field.id not in ("asked_of", "task-title"):
            return False
        if field.id == "asked_of":
            return self.set_policy_field(item_id, fields.ASKED_OF, value)
        task = self.zone_task(item_id)
        if task is None or task.title == value:
            return False
        if not value:
            self.notify(self.t(REQUIRED_FIELD, field=self.t(fields.TASK_TITLE.label)),
                        severity="warning", timeout=4)  # fmt: skip
            _load_input(self.get_child_by_id("task-title", Input), task.title)
            return False
        self.session.checkpoint()
        self.session.editor.set_zone_task(item_id, "title", value)
        self._show_task_head(self.zone_task(item_id) or task)
        self.on_change(item_id)
        return True

    @on(Select.Changed, "#schedule")
    def _schedule_picked(self, event: Select.Changed) -> None:
        if self.item_id is None or event.value != event.select.value:
            return
        value = event.value if isinstance(event.value, Schedule) else None
        self.set_policy_field(self.item_id, fields.SCHEDULE, value)

    def set_policy_field(self, item_id: str, field: Field, value: object) -> bool:
        """Set 达进度/欠进度 or 争取对象 through the editor; one undo step; no-op if unchanged."""
        if getattr(self.session.record(item_id), field.id) == value:
            return False
        self.flush()
        self.session.checkpoint(item_id)
        self.session.editor.set_field(item_id, field, value)
        self.on_change(item_id)
        return True

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
            message = self.figure_problem(field) or ""
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

    def figure_problem(self, field: FigureInput) -> str | None:
        """Why the typed figure cannot be saved (it is not a number), or None."""
        indicator, raw = field.indicator, field.value
        if indicator is None or not raw.strip() or parse_figure(raw) is not None:
            return None
        t = self.t
        return t(words.BAD_FIGURE, name=t.pick(indicator.name, indicator.name_en),
                 value=raw.strip(), unit=indicator.unit or t(words.NO_UNIT))  # fmt: skip

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

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a table's row (or a click on the row already chosen) edits that row, as
        the hint for a letter typed on a table says."""
        edit = {"evidence-table": self.edit_evidence, "actions-table": self.edit_action,
                "claims-table": self.edit_claim}.get(event.data_table.id or "")  # fmt: skip
        if edit is not None:
            event.stop()
            edit()

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
        if not any(key in r.evidence for _, r in self._records()):
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
            self._warn_if_past(added)

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
            if changed.due != current.due:
                self._warn_if_past(changed)

        self.open_dialog(self.dialogs.action_form(current), done)

    def _warn_if_past(self, action: Action) -> None:
        """A due date already past on an open action is saved (it may be true) but said: a
        mistyped year is otherwise found only by ``validate``, as 逾期."""
        today = self.session.today or dt.date.today()
        if action.due is not None and action.due < today and action.status is not ActionStatus.DONE:
            due, day = action.due.isoformat(), today.isoformat()
            said = self.t(words.DUE_PAST, id=action.id, field=self.t(fields.ACTION_DUE.label),
                          due=due, today=day)  # fmt: skip
            self.notify(said, severity="warning", timeout=8)

    @on(Button.Pressed, "#act-remove")
    def remove_action(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#actions-table")
        if item_id is None or key is None:
            return
        self.session.checkpoint(item_id)
        self.session.editor.remove_action(key)
        self._after_list_change(item_id)

    def claims_allowed(self) -> bool:
        """Claims go on support, encourage and higher-level items; else say so (False)."""
        if self._kind in CLAIM_KINDS:
            return True
        item_id = self.item_id or ""
        self.notify(self.t(policy_words.CLAIM_ON_REQUIREMENT, id=item_id), severity="warning",
                    timeout=5)  # fmt: skip
        return False

    @on(Button.Pressed, "#cl-add")
    def add_claim(self) -> None:
        item_id = self.item_id
        if item_id is None or not self.claims_allowed():
            return

        def done(result: Claim) -> None:
            self.session.checkpoint(item_id)
            added = self.session.editor.add_claim(item_id, result)
            self._after_list_change(item_id, "#claims-table", added.id)

        self.open_dialog(self.dialogs.claim_form(None), done)

    @on(Button.Pressed, "#cl-edit")
    def edit_claim(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#claims-table")
        if item_id is None or key is None:
            return
        current = next(c for c in self.session.record(item_id).claims if c.id == key)

        def done(result: Claim) -> None:
            changed = [f for f in Claim.model_fields if getattr(result, f) != getattr(current, f)]
            if not changed:
                return
            self.session.checkpoint(item_id)
            for name in changed:
                self.session.editor.set_claim_field(key, name, getattr(result, name))
            self._after_list_change(item_id, "#claims-table", key)

        self.open_dialog(self.dialogs.claim_form(current), done)

    @on(Button.Pressed, "#cl-remove")
    def remove_claim(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#claims-table")
        if item_id is None or key is None:
            return
        self.session.checkpoint(item_id)
        self.session.editor.remove_claim(key)
        self._after_list_change(item_id)

    def _after_list_change(self, item_id: str, table_id: str = "", row: str = "") -> None:
        if item_id == self.item_id:
            self.refresh_evidence()
            self.refresh_actions()
            self.refresh_claims()
            if table_id and row:
                table = self.query_one(table_id, DataTable)
                table.move_cursor(row=table.get_row_index(row))
        self.on_change(item_id)


def _load_input(field: Input, value: str) -> None:
    """Show ``value`` in a one-line field without it coming back as the user's edit."""
    if field.value != value:
        with field.prevent(Input.Changed):
            field.value = value


def _set_label(label: Static, text: str) -> None:
    """Set a plain-text label (markup off) unless it already reads ``text``."""
    if label.content != text:
        label.update(text)


def _cell(value: object) -> str:
    """A registry cell as table text: dates in ISO form, no value as empty."""
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
