"""The dialogs of the policy's own fields: a support claim, a new zone task, removing one.

Like ``modals.py``: each returns its result through ``dismiss`` (None when cancelled), and a
bad date or a missing name is said inside the form, so it never reaches the file.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Select

from assess import fields
from assess.lang import Lang
from assess.models import Claim, ClaimStatus
from assess.texts import policy as words
from assess.texts import tui_screens as texts
from assess.tui.modals import _Form, parse_date
from assess.tui.save_dialogs import _Question


class ClaimForm(_Form[Claim]):
    """Add or edit a support claim (政策争取): policy, issuing body, status, amount, date."""

    def __init__(self, lang: Lang, claim: Claim | None) -> None:
        super().__init__(lang)
        self.claim = claim

    def compose(self) -> ComposeResult:
        t, c = self.t, self.claim
        with Vertical(classes="dialog"):
            yield Label(t(words.CLAIM_EDIT if c else words.CLAIM_NEW), classes="dialog-title")
            policy = Input(c.policy if c else "", id="claim-policy", compact=True)
            yield self.row(t(fields.CLAIM_POLICY.label), policy)
            issuer = Input(c.issuer if c else "", id="claim-issuer", compact=True)
            yield self.row(t(fields.CLAIM_ISSUER.label), issuer)
            status = Select(
                [(t.label(s), s) for s in ClaimStatus],
                value=c.status if c else ClaimStatus.NOT_APPLIED,
                allow_blank=False,
                compact=True,
                id="claim-status",
            )
            yield self.row(t(fields.CLAIM_STATUS.label), status)  # type: ignore[arg-type]
            amount = Input(c.amount if c else "", id="claim-amount", compact=True)
            yield self.row(t(fields.CLAIM_AMOUNT.label), amount)
            date = c.date.isoformat() if c and c.date else ""
            yield self.row(
                t(texts.DATE_FIELD, label=t(fields.CLAIM_DATE.label)),
                Input(date, id="claim-date", compact=True),
            )
            yield from self.buttons()

    def submit(self) -> None:
        t = self.t
        policy = self.value("#claim-policy")
        if not policy:
            self.error(t(texts.REQUIRED_FIELD, field=t(fields.CLAIM_POLICY.label)))
            return
        try:
            date = parse_date(self.value("#claim-date"), t)
        except ValueError as exc:
            self.error(t(texts.FIELD_ERROR, field=t(fields.CLAIM_DATE.label), error=exc))
            return
        status = self.query_one("#claim-status", Select).value
        assert isinstance(status, ClaimStatus)
        self.dismiss(
            Claim(
                id=self.claim.id if self.claim else "C1",
                policy=policy,
                issuer=self.value("#claim-issuer"),
                status=status,
                amount=self.value("#claim-amount"),
                date=date,
            )
        )


class ZoneTaskForm(_Form[tuple[str, str]]):
    """A new zone task under a measure: its title (required) and description."""

    def __init__(self, lang: Lang, measure: str) -> None:
        super().__init__(lang)
        self.measure = measure

    def compose(self) -> ComposeResult:
        t = self.t
        with Vertical(classes="dialog"):
            yield Label(t(words.TASK_NEW, measure=self.measure), classes="dialog-title",
                        markup=False)  # fmt: skip
            title = Input("", id="task-new-title", compact=True)
            yield self.row(t(fields.TASK_TITLE.label), title)
            description = Input("", id="task-new-description", compact=True)
            yield self.row(t(fields.TASK_DESCRIPTION.label), description)
            yield from self.buttons()

    def submit(self) -> None:
        title = self.value("#task-new-title")
        if not title:
            self.error(self.t(texts.REQUIRED_FIELD, field=self.t(fields.TASK_TITLE.label)))
            return
        self.dismiss((title, self.value("#task-new-description")))


class ConfirmRemoveTask(_Question):
    """Removing a zone task asks first; the history keeps it either way.

    Cancel comes first, so the focus (and a hasty Enter) lands on it.
    """

    def __init__(self, lang: Lang, body: str) -> None:
        choices = [("back", texts.CANCEL), ("remove", words.REMOVE)]
        super().__init__(lang, words.TASK_REMOVE_TITLE, body, choices)
