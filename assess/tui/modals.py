"""Small modal forms: an evidence record, citing an existing one, an action, a file path.

Each returns its result through ``dismiss`` (None when cancelled); validation errors are
shown inside the form, so a bad date never reaches the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from assess.dates import looks_like_date, parse_date_text
from assess.errors import AssessError
from assess.models import Action, ActionStatus, Evidence, Priority
from assess.tui.i18n import Labels
from assess.tui.keys import localize


def parse_date(text: str, labels: Labels) -> dt.date | None:
    """A typed date (2026-06-30, 2026/6/30, 2026年6月30日) or None when empty.

    Raises ValueError with the message to show: a wrong form and a day that does not
    exist (2026-02-30) are told apart.
    """
    text = text.strip()
    if not text:
        return None
    date = parse_date_text(text)
    if date is None:
        raise ValueError(labels("no_such_day" if looks_like_date(text) else "bad_date"))
    return date


ResultT = TypeVar("ResultT")
OpenedT = TypeVar("OpenedT")


class _Form(ModalScreen[ResultT | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self.t = labels
        localize(self, labels)

    def buttons(self) -> ComposeResult:
        yield Static("", id="form-error", classes="error", markup=False)
        with Horizontal(classes="buttons"):
            yield Button(self.t("ok"), id="ok", variant="primary")
            yield Button(self.t("cancel"), id="cancel")

    def error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#ok")
    @on(Input.Submitted)
    def _ok(self) -> None:
        self.submit()

    def submit(self) -> None:
        raise NotImplementedError

    @staticmethod
    def row(label: str, field: Input | Select[Priority] | Select[ActionStatus]) -> Horizontal:
        """One line per field (label left), so the form fits an 80×24 terminal."""
        return Horizontal(Label(label, classes="form-label"), field, classes="form-row")

    def value(self, widget_id: str) -> str:
        return self.query_one(widget_id, Input).value.strip()


class EvidenceForm(_Form[Evidence]):
    """Add a new evidence record or edit one (it may be cited by several items)."""

    def __init__(self, labels: Labels, evidence: Evidence | None) -> None:
        super().__init__(labels)
        self.evidence = evidence

    def compose(self) -> ComposeResult:
        t, ev = self.t, self.evidence
        with Vertical(classes="dialog"):
            yield Label(t("ev_edit") if ev else t("ev_new"), classes="dialog-title")
            yield self.row(
                t("ev_title"), Input(ev.title if ev else "", id="ev-title", compact=True)
            )
            yield self.row(t("ev_ref"), Input(ev.ref if ev else "", id="ev-ref", compact=True))
            date = ev.date.isoformat() if ev and ev.date else ""
            yield self.row(t("ev_date"), Input(date, id="ev-date", compact=True))
            yield from self.buttons()

    def submit(self) -> None:
        title = self.value("#ev-title")
        if not title:
            self.error(f"{self.t('ev_title')}{self.t.colon}{self.t('required')}")
            return
        try:
            date = parse_date(self.value("#ev-date"), self.t)
        except ValueError as exc:
            self.error(str(exc))
            return
        evidence_id = self.evidence.id if self.evidence else "E0"
        self.dismiss(Evidence(id=evidence_id, title=title, ref=self.value("#ev-ref"), date=date))


class ActionForm(_Form[Action]):
    """Add or edit a next action (下一步举措) with owner, deadline, priority and status."""

    def __init__(self, labels: Labels, action: Action | None) -> None:
        super().__init__(labels)
        self.action_ = action

    def compose(self) -> ComposeResult:
        t, a = self.t, self.action_
        with Vertical(classes="dialog"):
            yield Label(t("act_edit") if a else t("act_new"), classes="dialog-title")
            yield self.row(t("act_text"), Input(a.text if a else "", id="act-text", compact=True))
            yield self.row(t("act_lead"), Input(a.lead if a else "", id="act-lead", compact=True))
            partners = Input(a.partners if a else "", id="act-partners", compact=True)
            yield self.row(t("act_partners"), partners)
            due = a.due.isoformat() if a and a.due else ""
            yield self.row(t("act_due"), Input(due, id="act-due", compact=True))
            priority = Select(
                [(t.priority(p), p) for p in Priority],
                value=a.priority if a else Priority.MEDIUM,
                allow_blank=False,
                compact=True,
                id="act-priority",
            )
            yield self.row(t("act_priority"), priority)
            status = Select(
                [(t.action_status(s), s) for s in ActionStatus],
                value=a.status if a else ActionStatus.TODO,
                allow_blank=False,
                compact=True,
                id="act-status",
            )
            yield self.row(t("act_status"), status)
            yield from self.buttons()

    def submit(self) -> None:
        text = self.value("#act-text")
        if not text:
            self.error(f"{self.t('act_text')}{self.t.colon}{self.t('required')}")
            return
        try:
            due = parse_date(self.value("#act-due"), self.t)
        except ValueError as exc:
            self.error(f"{self.t('act_due_short')}{self.t.colon}{exc}")
            return
        priority = self.query_one("#act-priority", Select).value
        status = self.query_one("#act-status", Select).value
        assert isinstance(priority, Priority) and isinstance(status, ActionStatus)
        self.dismiss(
            Action(
                text=text,
                lead=self.value("#act-lead"),
                partners=self.value("#act-partners"),
                due=due,
                priority=priority,
                status=status,
            )
        )


class CiteEvidence(ModalScreen[str | None]):
    """Pick an evidence record already in the register (一份材料可支撑多个条目)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, labels: Labels, choices: list[Evidence]) -> None:
        super().__init__()
        self.t = labels
        localize(self, labels)
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.t("ev_cite_title"), classes="dialog-title")
            yield OptionList(
                *(Option(Text(f"{e.id}  {e.title}  {e.ref}"), id=e.id) for e in self.choices),
                id="cite-list",
            )

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class PathPrompt(_Form[OpenedT]):
    """Ask for a file and open it with ``opener``; a file that fails stays here with its message.

    Keeping the dialog open on an error matters: otherwise the next keys typed to fix the
    path would land on the main screen, where digits set statuses.
    """

    def __init__(
        self, labels: Labels, title: str, start: str, opener: Callable[[Path], OpenedT]
    ) -> None:
        super().__init__(labels)
        self.title_text = title
        self.start = start
        self.opener = opener

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(self.start, id="path", compact=True, select_on_focus=False)
            yield from self.buttons()

    def on_mount(self) -> None:
        field = self.query_one("#path", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def submit(self) -> None:
        path = self.value("#path")
        if not path:
            self.error(self.t("required"))
            return
        try:
            opened = self.opener(Path(path).expanduser())
        except AssessError as exc:
            self.error(str(exc))
            return
        self.dismiss(opened)
