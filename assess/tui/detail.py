"""The right pane: one item's policy text and the zone's answer for it.

The form is built once and refilled when the selection moves, so moving through the tree
never re-mounts widgets. Every change goes through the session's editor and is announced
with ``ItemChanged`` so the app can relabel the tree, rescore and save.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, DataTable, Label, Select, Static, TextArea

from assess.applicability import item_applies
from assess.fields import TEXT_FIELDS
from assess.models import STATUS_ORDER, Action, Evidence, Status
from assess.texts.applicability import applicability_text
from assess.texts.catalog import texts_for
from assess.tui.i18n import Labels
from assess.tui.literal import literal
from assess.tui.modals import ActionForm, CiteEvidence, EvidenceForm
from assess.tui.session import Session

TEXT_DEBOUNCE_SECONDS = 1.0
TEXT_FIELD_IDS = {f.id for f in TEXT_FIELDS}
# The form offers 未评估 first: it is where every item starts.
FORM_STATUSES = (Status.NOT_ASSESSED, *(s for s in STATUS_ORDER if s is not Status.NOT_ASSESSED))


ACTION_TEXT_WIDTH = 24  # cells; the whole text is in the edit dialog


class ItemChanged(Message):
    """An item's record changed."""

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = item_id


@dataclass
class _Pending:
    item_id: str
    field: str


class FieldArea(TextArea):
    """A multi-line text field bound to one record field (explanation, current, …)."""

    def __init__(self, field: str) -> None:
        super().__init__(id=field, soft_wrap=True, tab_behavior="focus")
        self.field_name = field


class ItemDetail(VerticalScroll):
    """Policy text on top, the zone's fields below."""

    can_focus = False

    def __init__(self, session: Session, labels: Labels, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.t = labels
        self.item_id: str | None = None
        self._pending: dict[str, _Pending] = {}
        self._timer_handle: Timer | None = None
        self._form_enabled = True

    def compose(self) -> ComposeResult:
        t = self.t
        yield Static(t("select_item"), id="item-head")
        yield Static(id="item-source", classes="source")
        yield Static(id="item-guidance", classes="guidance")
        with Horizontal(classes="field-row"):
            yield Label(t("status"), classes="field-label")
            yield Select(
                [(t.status(s), s) for s in FORM_STATUSES],
                allow_blank=False,
                value=Status.NOT_ASSESSED,
                id="status",
            )
        yield Label(
            t.explanation(Status.NOT_ASSESSED), id="explanation-label", classes="field-title"
        )
        yield FieldArea("explanation")
        yield Label(t("current"), classes="field-title")
        yield FieldArea("current")
        yield Label(t("evidence"), classes="field-title")
        yield DataTable(id="evidence-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="buttons"):
            yield Button(t("add"), id="ev-add", compact=True)
            yield Button(t("cite"), id="ev-cite", compact=True)
            yield Button(t("edit"), id="ev-edit", compact=True)
            yield Button(t("remove"), id="ev-remove", compact=True)
        yield Label(t("gap"), classes="field-title")
        yield FieldArea("gap")
        yield Label(t("opportunity"), classes="field-title")
        yield FieldArea("opportunity")
        yield Label(t("actions"), classes="field-title")
        yield DataTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        with Horizontal(classes="buttons"):
            yield Button(t("add"), id="act-add", compact=True)
            yield Button(t("edit"), id="act-edit", compact=True)
            yield Button(t("remove"), id="act-remove", compact=True)
        yield Label(t("note"), classes="field-title")
        yield FieldArea("note")

    def on_mount(self) -> None:
        t = self.t
        ev = self.query_one("#evidence-table", DataTable)
        ev.add_columns("ID", t("ev_title"), t("ev_ref"), t("ev_used_by"))
        acts = self.query_one("#actions-table", DataTable)
        # status and deadline right after a capped text column, so they show in a narrow pane
        acts.add_column(t("act_text"), width=ACTION_TEXT_WIDTH)
        acts.add_columns(
            t("act_status"), t("act_due_short"), t("act_priority"), t("act_lead"), t("act_partners")
        )

    def set_form_enabled(self, enabled: bool) -> None:
        """Grey the form out while a measure or area is selected (only on a change)."""
        if enabled is self._form_enabled:
            return
        self._form_enabled = enabled
        for widget in self.query("Select, FieldArea, DataTable, Button"):
            widget.disabled = not enabled

    # showing an item ---------------------------------------------------------------

    def show_item(self, item_id: str | None) -> None:
        """Fill the pane for ``item_id`` (None: a measure or area is selected)."""
        self.flush()
        self.item_id = item_id
        if item_id is None:
            self.query_one("#item-head", Static).update(self.t("select_item"))
            self.query_one("#item-source", Static).update("")
            self.query_one("#item-guidance", Static).update("")
            self.set_form_enabled(False)
            return
        self.set_form_enabled(not self.session.read_only)
        self._show_policy(item_id)
        record = self.session.record(item_id)
        self._show_status(record.status)
        for area in self.query(FieldArea):
            area.load_text(getattr(record, area.field_name))
        self.refresh_evidence()
        self.refresh_actions()
        self.scroll_home(animate=False)

    def _show_policy(self, item_id: str) -> None:
        t = self.t
        item = self.session.checklist.item_index[item_id]
        zone = self.session.assessment.zone
        head = Text()
        head.append(f"{item.id}  ", style="bold cyan")
        head.append(t.pick(item.title, item.title_en), style="bold")
        head.append(f"\n{t('kind')}{t.colon}{texts_for(t.en).label(item.kind)}    ")
        applies = applicability_text(item, zone, texts_for(t.en))
        head.append(f"{t('applicability')}{t.colon}")
        head.append(applies, style="" if item_applies(item, zone) else "bold red")
        self.query_one("#item-head", Static).update(head)
        source = Text()
        source.append(f"{t('source')}\n", style="bold")
        source.append(item.source)
        self.query_one("#item-source", Static).update(source)
        guide = Text()
        guide.append(f"{t('guidance')}{t.colon}", style="bold")
        guide.append(t.pick(item.guidance, item.guidance_en))
        if item.evidence:
            guide.append(f"\n{t('evidence_hints')}{t.colon}", style="bold")
            guide.append(t.pick("；", "; ").join(item.evidence_in(t)))
        if item.indicators:
            guide.append(f"\n{t('indicators')}{t.colon}", style="bold")
            names = [
                t.pick(i.name, i.name_en) + (f"（{i.unit}）" if i.unit else "")
                for i in item.indicators
            ]
            guide.append("；".join(names))
        self.query_one("#item-guidance", Static).update(guide)

    def _show_status(self, status: Status) -> None:
        """Show a status without it coming back as a user's choice."""
        select = self.query_one("#status", Select)
        if select.value is not status:
            with select.prevent(Select.Changed):
                select.value = status
        self._label_explanation(status)

    def _label_explanation(self, status: Status) -> None:
        self.query_one("#explanation-label", Label).update(self.t.explanation(status))

    def refresh_evidence(self) -> None:
        if self.item_id is None:
            return
        table = self.query_one("#evidence-table", DataTable)
        table.clear()
        register = self.session.assessment.evidence_by_id()
        for evidence_id in self.session.record(self.item_id).evidence:
            ev = register[evidence_id]
            users = [
                i for i, r in self.session.assessment.items.items() if evidence_id in r.evidence
            ]
            table.add_row(*literal(ev.id, ev.title, ev.ref, "、".join(users)), key=ev.id)

    def refresh_actions(self) -> None:
        if self.item_id is None:
            return
        t = self.t
        table = self.query_one("#actions-table", DataTable)
        table.clear()
        for index, action in enumerate(self.session.record(self.item_id).actions):
            table.add_row(
                *literal(
                    action.text,
                    t.action_status(action.status),
                    action.due.isoformat() if action.due else "",
                    t.priority(action.priority),
                    action.lead,
                    action.partners,
                ),
                key=str(index),
            )

    # editing -----------------------------------------------------------------------

    @on(Select.Changed, "#status")
    def _status_picked(self, event: Select.Changed) -> None:
        if self.item_id is None or not isinstance(event.value, Status):
            return
        if event.value is not event.select.value:  # stale: the selection moved since
            return
        self.set_status(self.item_id, event.value)

    def set_status(self, item_id: str, status: Status) -> None:
        """Set a status through the editor; no-op (and no undo step) if unchanged."""
        if self.session.record(item_id).status is status:
            return
        self.flush()
        self.session.checkpoint()
        self.session.editor.set_status(item_id, status)
        if item_id == self.item_id:
            self._show_status(status)
        self.post_message(ItemChanged(item_id))

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

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, FieldArea):
            self.flush()

    def flush(self) -> None:
        """Apply pending text edits (on blur, after a pause, before moving away)."""
        if self._timer_handle is not None:
            self._timer_handle.stop()
            self._timer_handle = None
        pending, self._pending = self._pending, {}
        for entry in pending.values():
            if entry.field not in TEXT_FIELD_IDS:
                continue
            text = self.query_one(f"#{entry.field}", FieldArea).text
            if getattr(self.session.record(entry.item_id), entry.field) == text:
                continue
            self.session.checkpoint()
            self.session.editor.set_text(entry.item_id, entry.field, text)
            self.post_message(ItemChanged(entry.item_id))

    # evidence ----------------------------------------------------------------------

    def _selected_key(self, table_id: str) -> str | None:
        table = self.query_one(table_id, DataTable)
        if table.row_count == 0:
            self.notify(self.t("pick_row"), severity="warning")
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return None if row_key.value is None else str(row_key.value)

    @on(Button.Pressed, "#ev-add")
    def add_evidence(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return

        def done(result: Evidence | None) -> None:
            if result is None:
                return
            self.session.checkpoint()
            ev = self.session.editor.add_evidence(result.title, result.ref, result.date)
            self.session.editor.cite(item_id, ev.id)
            self._after_list_change(item_id)

        self.app.push_screen(EvidenceForm(self.t.lang, None), done)

    @on(Button.Pressed, "#ev-cite")
    def cite_evidence(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return
        cited = set(self.session.record(item_id).evidence)
        choices = [e for e in self.session.assessment.evidence if e.id not in cited]
        if not choices:
            self.notify(self.t("ev_none_left"), severity="warning")
            return

        def done(evidence_id: str | None) -> None:
            if evidence_id is None:
                return
            self.session.checkpoint()
            self.session.editor.cite(item_id, evidence_id)
            self._after_list_change(item_id)

        self.app.push_screen(CiteEvidence(self.t.lang, choices), done)

    @on(Button.Pressed, "#ev-edit")
    def edit_evidence(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#evidence-table")
        if item_id is None or key is None:
            return
        current = self.session.assessment.evidence_by_id()[key]

        def done(result: Evidence | None) -> None:
            if result is None or result == current:
                return
            self.session.checkpoint()
            self.session.editor.update_evidence(result)
            self._after_list_change(item_id)

        self.app.push_screen(EvidenceForm(self.t.lang, current), done)

    @on(Button.Pressed, "#ev-remove")
    def remove_evidence(self) -> None:
        """Remove the citation from this item; the record stays for the other items."""
        item_id = self.item_id
        key = self._selected_key("#evidence-table")
        if item_id is None or key is None:
            return
        self.session.checkpoint()
        self.session.editor.uncite(item_id, key)
        if not any(key in r.evidence for r in self.session.assessment.items.values()):
            self.session.editor.remove_evidence(key)
        self._after_list_change(item_id)

    # actions -----------------------------------------------------------------------

    @on(Button.Pressed, "#act-add")
    def add_action(self) -> None:
        item_id = self.item_id
        if item_id is None:
            return

        def done(result: Action | None) -> None:
            if result is None:
                return
            actions = [*self.session.record(item_id).actions, result]
            self.session.checkpoint()
            self.session.editor.set_actions(item_id, actions)
            self._after_list_change(item_id)

        self.app.push_screen(ActionForm(self.t.lang, None), done)

    @on(Button.Pressed, "#act-edit")
    def edit_action(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#actions-table")
        if item_id is None or key is None:
            return
        index = int(key)
        current = self.session.record(item_id).actions[index]

        def done(result: Action | None) -> None:
            if result is None or result == current:
                return
            actions = list(self.session.record(item_id).actions)
            actions[index] = result
            self.session.checkpoint()
            self.session.editor.set_actions(item_id, actions)
            self._after_list_change(item_id)

        self.app.push_screen(ActionForm(self.t.lang, current), done)

    @on(Button.Pressed, "#act-remove")
    def remove_action(self) -> None:
        item_id = self.item_id
        key = self._selected_key("#actions-table")
        if item_id is None or key is None:
            return
        actions = list(self.session.record(item_id).actions)
        del actions[int(key)]
        self.session.checkpoint()
        self.session.editor.set_actions(item_id, actions)
        self._after_list_change(item_id)

    def _after_list_change(self, item_id: str) -> None:
        if item_id == self.item_id:
            self.refresh_evidence()
            self.refresh_actions()
        self.post_message(ItemChanged(item_id))
