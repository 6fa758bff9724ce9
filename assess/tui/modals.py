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
from assess.lang import Lang
from assess.models import Action, ActionStatus, Evidence, Priority
from assess.texts import Texts
from assess.texts import tui_screens as texts
from assess.texts.labels import FIELD


def parse_date(text: str, t: Texts) -> dt.date | None:
    """A typed date (2026-06-30, 2026/6/30, 2026年6月30日) or None when empty.

    Raises ValueError with the message to show: a wrong form and a day that does not
    exist (2026-02-30) are told apart.
    """
    text = text.strip()
    if not text:
        return None
    date = parse_date_text(text)
    if date is None:
        raise ValueError(t(texts.NO_SUCH_DAY if looks_like_date(text) else texts.BAD_DATE))
    return date


ResultT = TypeVar("ResultT")
OpenedT = TypeVar("OpenedT")


class _Form(ModalScreen[ResultT | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel", show=False)]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.t = Texts(lang)

    def buttons(self) -> ComposeResult:
        yield Static("", id="form-error", classes="error", markup=False)
        with Horizontal(classes="buttons"):
            yield Button(self.t(texts.OK), id="ok", variant="primary")
            yield Button(self.t(texts.CANCEL), id="cancel")

    def error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    @on(Input.Changed)
    def _typed(self) -> None:
        """A message about what the user is now changing no longer holds: not left shown."""
        shown = self.query("#form-error").results(Static)
        for label in shown:
            if str(label.render()):
                label.update("")

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

    def __init__(self, lang: Lang, evidence: Evidence | None) -> None:
        super().__init__(lang)
        self.evidence = evidence

    def compose(self) -> ComposeResult:
        t, ev = self.t, self.evidence
        with Vertical(classes="dialog"):
            title = t(texts.EVIDENCE_EDIT if ev else texts.EVIDENCE_NEW)
            yield Label(title, classes="dialog-title")
            yield self.row(
                t(texts.EVIDENCE_TITLE), Input(ev.title if ev else "", id="ev-title", compact=True)
            )
            ref = Input(ev.ref if ev else "", id="ev-ref", compact=True)
            yield self.row(t(FIELD["evidence.ref"]), ref)
            date = ev.date.isoformat() if ev and ev.date else ""
            yield self.row(
                t(texts.DATE_FIELD, label=t(FIELD["evidence.date"])),
                Input(date, id="ev-date", compact=True),
            )
            yield from self.buttons()

    def submit(self) -> None:
        title = self.value("#ev-title")
        if not title:
            self.error(self.t(texts.REQUIRED_FIELD, field=self.t(texts.EVIDENCE_TITLE)))
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

    def __init__(self, lang: Lang, action: Action | None) -> None:
        super().__init__(lang)
        self.action_ = action

    def compose(self) -> ComposeResult:
        t, a = self.t, self.action_
        with Vertical(classes="dialog"):
            yield Label(t(texts.ACTION_EDIT if a else texts.ACTION_NEW), classes="dialog-title")
            action_text = Input(a.text if a else "", id="act-text", compact=True)
            yield self.row(t(FIELD["action.text"]), action_text)
            lead = Input(a.lead if a else "", id="act-lead", compact=True)
            yield self.row(t(FIELD["action.lead"]), lead)
            partners = Input(a.partners if a else "", id="act-partners", compact=True)
            yield self.row(t(FIELD["action.partners"]), partners)
            due = a.due.isoformat() if a and a.due else ""
            yield self.row(
                t(texts.DATE_FIELD, label=t(FIELD["action.due"])),
                Input(due, id="act-due", compact=True),
            )
            priority = Select(
                [(t.label(p), p) for p in Priority],
                value=a.priority if a else Priority.MEDIUM,
                allow_blank=False,
                compact=True,
                id="act-priority",
            )
            yield self.row(t(FIELD["action.priority"]), priority)
            status = Select(
                [(t.label(s), s) for s in ActionStatus],
                value=a.status if a else ActionStatus.TODO,
                allow_blank=False,
                compact=True,
                id="act-status",
            )
            yield self.row(t(FIELD["action.status"]), status)
            yield from self.buttons()

    def submit(self) -> None:
        text = self.value("#act-text")
        if not text:
            self.error(self.t(texts.REQUIRED_FIELD, field=self.t(FIELD["action.text"])))
            return
        try:
            due = parse_date(self.value("#act-due"), self.t)
        except ValueError as exc:
            due_label = self.t(FIELD["action.due"])
            self.error(self.t(texts.FIELD_ERROR, field=due_label, error=exc))
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

    def __init__(self, lang: Lang, choices: list[Evidence]) -> None:
        super().__init__()
        self.t = Texts(lang)
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.t(texts.CITE_TITLE), classes="dialog-title")
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
        self, lang: Lang, title: str, start: str, opener: Callable[[Path], OpenedT]
    ) -> None:
        super().__init__(lang)
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
            self.error(self.t(texts.REQUIRED))
            return
        try:
            opened = self.opener(Path(path).expanduser())
        except AssessError as exc:
            self.error(exc.render(self.t))
            return
        self.dismiss(opened)
