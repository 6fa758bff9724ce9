"""The ``p`` screen: the zone's profile, which decides which items apply.

Each change is applied at once through the editor's log (so the history shows it), and
announced with ``ProfileChanged`` so the app rescores, relabels the tree and saves.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, Switch

from assess.fields import BY_ID, CONTACT
from assess.lang import Lang
from assess.profile_rules import profile_violations, violation_text
from assess.regions import PROVINCES, region_of
from assess.texts import Texts
from assess.texts import tui_screens as texts
from assess.texts.labels import FIELD, NO, YES
from assess.texts.profile import DEFINITIONS
from assess.texts.provinces import province_label
from assess.tui.footer import SteadyFooter
from assess.tui.prose import Prose
from assess.tui.screen_keys import describe_keys
from assess.tui.session import Session


class ProfileChanged(Message):
    """The zone profile, period or assessor changed."""


class ProfileScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "back")]

    def __init__(self, session: Session, lang: Lang) -> None:
        super().__init__()
        self.session = session
        self.t = Texts(lang)
        describe_keys(self, self.t, {"close": texts.KEY_BACK})

    def compose(self) -> ComposeResult:
        t, a = self.t, self.session.assessment
        zone = a.zone
        with VerticalScroll(id="profile"):
            yield Label(t(texts.PROFILE), classes="dialog-title")
            yield Prose(Text(t(texts.PROFILE_HINT)), classes="hint")
            yield Label(t(texts.ZONE_NAME))
            yield Input(zone.name, id="name")
            yield Label(t(FIELD["zone.province"]))
            with Horizontal(classes="field-row"):
                yield Select(
                    [(province_label(p, t), p) for p in PROVINCES],
                    value=zone.province,  # the model keeps the short name: 广西, not 广西壮族自治区
                    allow_blank=False,
                    id="province",
                )
                yield Static(self._region_text(zone.province), id="region")
            for name in ("border", "hub", "foreign_talent"):
                with Horizontal(classes="field-row"):
                    yield Switch(getattr(zone, name), id=name)
                    yield Label(self._switch_text(name, getattr(zone, name)), id=f"{name}-label")
                yield Prose(Text(t(DEFINITIONS[name])), classes="hint")
            yield Label(t(FIELD["period"]))
            yield Input(a.period, id="period")
            yield Label(t(FIELD["assessor"]))
            yield Input(a.assessor, id="assessor")
            yield Label(t(CONTACT.label))
            yield Input(a.contact, id="contact")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self._warn_violations()

    def _switch_text(self, name: str, on: bool) -> str:
        """The state in words too: a switch alone shows it only by colour."""
        return self.t(
            texts.SWITCH_STATE, name=self.t(FIELD[f"zone.{name}"]), state=self.t(YES if on else NO)
        )

    def _region_text(self, province: str) -> str:
        return f"{self.t(texts.REGION)}{self.t.colon}{self.t.label(region_of(province))}"

    def _set_zone(self, name: str, value: str | bool) -> None:
        if getattr(self.session.assessment.zone, name) == value:
            return
        self.session.checkpoint()
        self.session.editor.set_zone(BY_ID[f"zone.{name}"], value)
        self.app.post_message(ProfileChanged())

    @on(Select.Changed, "#province")
    def _province(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._set_zone("province", event.value)
            self.query_one("#region", Static).update(self._region_text(event.value))
            self._warn_violations()

    @on(Switch.Changed)
    def _switch(self, event: Switch.Changed) -> None:
        name = event.switch.id
        if name is None:
            return
        self._set_zone(name, event.value)
        self.query_one(f"#{name}-label", Label).update(self._switch_text(name, event.value))
        self._warn_violations()

    def _warn_violations(self) -> None:
        """Name the rule a profile breaks; the change is kept (the user may fix the province)."""
        for violation in profile_violations(self.session.assessment.zone):
            self.notify(violation_text(violation, self.t.lang), severity="warning", timeout=8)

    @on(Input.Submitted)
    @on(Input.Blurred)
    def _text(self, event: Input.Submitted | Input.Blurred) -> None:
        field, value = event.input.id, event.value.strip()
        if field is None:
            return
        if not value and field not in ("assessor", "contact"):
            label = self.t(texts.ZONE_NAME if field == "name" else FIELD[field])
            self.notify(self.t(texts.REQUIRED_FIELD, field=label), severity="error")
            return
        if field == "name":
            self._set_zone("name", value)
            return
        if getattr(self.session.assessment, field) != value:
            self.session.checkpoint()
            self.session.editor.set_field_of_assessment(BY_ID[field], value)
            self.app.post_message(ProfileChanged())

    def action_close(self) -> None:
        for widget in self.query(Input):
            if widget.has_focus:
                self._text(Input.Submitted(widget, widget.value))
        self.dismiss(None)
