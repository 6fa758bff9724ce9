"""The departments screen (g): who leads what, how far each department is, who has returned.

The office hands out measures here (a whole measure, or one item as an exception), follows
each department's progress, and narrows the tree to one department's items (我的条目), which
is also how a department member working in the TUI sees only their part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from assess.checklist import Checklist
from assess.departments import items_of, progress
from assess.errors import AssessError
from assess.excel.department_book import department_file_name
from assess.lang import Lang
from assess.models import Assessment, Responsibility, ZoneTask
from assess.texts import Texts
from assess.texts import departments as dept_texts
from assess.tui.review_prompt import OpinionPrompt
from assess.tui.session import Session

if TYPE_CHECKING:
    from assess.tui.app import AssessApp

ALL = ""
"""What the screen returns for 'show every item again'."""


def returned(assessment: Assessment, department: str) -> bool:
    """Whether a workbook of this department came back: the history names it as a source."""
    name = department_file_name(assessment, department)
    mark = f"（{department}）"
    return any(c.source == name or (c.source and c.who.endswith(mark)) for c in assessment.history)


def progress_lines(checklist: Checklist, assessment: Assessment, t: Texts) -> list[Text]:
    """One line per department: assessed of the items it leads, and returned or not."""
    out = []
    for row in progress(checklist, assessment):
        line = t(dept_texts.PROGRESS, department=row.department, assessed=row.assessed,
                 total=row.total)  # fmt: skip
        state = dept_texts.TUI_RETURNED if returned(assessment, row.department) else (
            dept_texts.TUI_NOT_RETURNED
        )  # fmt: skip
        out.append(Text(f"{line} · {t(state)}", style="" if row.assessed < row.total else "green"))
    return out


def assign(session: Session, department: str, item_id: str, whole_measure: bool) -> str:
    """Make ``department`` the lead of the item's measure (or of the item alone); return the key.

    Partners stay as they were, minus the new lead.
    """
    checklist, assessment = session.checklist, session.assessment
    key = str(checklist.measure_of[item_id].number) if whole_measure else item_id
    old = assessment.responsibility.get(key) or assessment.responsibility.get(
        str(checklist.measure_of[item_id].number)
    )
    partners = [p for p in (old.partners if old else []) if p != department]
    session.checkpoint()
    session.editor.set_responsibility(key, Responsibility(lead=department, partners=partners))
    if whole_measure:
        for item in checklist.measure_of[
            item_id
        ].items:  # an item's exception yields to the measure
            if item.id in assessment.responsibility:
                session.editor.set_responsibility(item.id, None)
    session.changed()
    return key


def department_names(typed: str) -> list[str]:
    """经发局、科创局 / 经发局, 科创局 / one per space: the names typed, in order, once each."""
    return list(dict.fromkeys(n for n in re.split(r"[、，,；;\s]+", typed) if n))


class DepartmentsScreen(ModalScreen[str | None]):
    """Dismisses with a department (filter the tree to its items), ALL, or None (nothing)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,g,q", "close", "back"),
        Binding("l", "assign(True)", "lead measure", show=False),
        Binding("i", "assign(False)", "lead item", show=False),
        Binding("a", "show_all", "all", show=False),
        Binding("n", "add", "add departments", show=False),
        Binding("p", "partner", "partner", show=False),
    ]

    def __init__(self, session: Session, lang: Lang, item_id: str | None,
                 on_assigned: Callable[[], object]) -> None:  # fmt: skip
        super().__init__()
        self.session = session
        self.t = Texts(lang)
        self.item_id = item_id
        self.on_assigned = on_assigned

    def compose(self) -> ComposeResult:
        with Vertical(id="departments", classes="dialog"):
            yield Label(self.t(dept_texts.TUI_TITLE), classes="dialog-title")
            yield OptionList(*self._options(), id="department-list")
            yield Static(Text(self.t(dept_texts.TUI_HINT)), classes="hint")

    def _options(self) -> list[Option]:
        cl, a = self.session.checklist, self.session.assessment
        rows = {r.department: r for r in progress(cl, a)}
        options = []
        for name in a.departments:
            row = rows[name]
            line = self.t(dept_texts.PROGRESS, department=name, assessed=row.assessed,
                          total=row.total)  # fmt: skip
            state = dept_texts.TUI_RETURNED if returned(a, name) else dept_texts.TUI_NOT_RETURNED
            options.append(Option(Text(f"{line} · {self.t(state)}"), id=name))
        return options

    def on_mount(self) -> None:
        if not self.session.assessment.departments:
            self.notify(self.t(dept_texts.TUI_NO_DEPARTMENTS), severity="warning")

    def _highlighted(self) -> str | None:
        option_list = self.query_one(OptionList)
        index = option_list.highlighted
        return None if index is None else option_list.get_option_at_index(index).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_assign(self, whole_measure: bool) -> None:
        department = self._highlighted()
        if department is None:
            if self.session.assessment.departments:  # the key must never do nothing silently
                self.notify(self.t(dept_texts.TUI_PICK_DEPARTMENT), severity="warning")
            return
        if self.item_id is None:
            self.notify(self.t(dept_texts.TUI_NO_ITEM), severity="warning")
            return
        key = assign(self.session, department, self.item_id, whole_measure)
        self.on_assigned()
        what = self.t(dept_texts.TUI_MEASURE if whole_measure else dept_texts.TUI_ITEM)
        self.notify(self.t(dept_texts.TUI_ASSIGNED, what=what, key=key, department=department))
        self._reload()

    def action_add(self) -> None:
        """Type the zone's departments once (several at a time: 经发局、科创局)."""

        def take(typed: str) -> None:
            names = department_names(typed)
            if not names:
                raise AssessError(dept_texts.TUI_ADD_EMPTY)
            known = self.session.assessment.departments
            self.session.checkpoint()
            self.session.editor.set_departments([*known, *(n for n in names if n not in known)])
            self.session.changed()

        def done(typed: str | None) -> None:
            if typed is not None:
                self.on_assigned()
                self._reload()

        self.app.push_screen(OpinionPrompt(self.t, self.t(dept_texts.TUI_ADD_TITLE), take), done)

    def action_partner(self) -> None:
        """The highlighted department joins (or leaves) the current measure's partners."""
        department = self._highlighted()
        if department is None or self.item_id is None:
            self.notify(self.t(dept_texts.TUI_NO_ITEM), severity="warning")
            return
        key = str(self.session.checklist.measure_of[self.item_id].number)
        owners = self.session.assessment.responsibility.get(key)
        if owners is None or owners.lead == department:
            self.notify(self.t(dept_texts.TUI_PARTNER_NEEDS_LEAD, key=key), severity="warning")
            return
        joins = department not in owners.partners
        partners = [*owners.partners, department] if joins else [
            p for p in owners.partners if p != department
        ]  # fmt: skip
        self.session.checkpoint()
        self.session.editor.set_responsibility(
            key, Responsibility(lead=owners.lead, partners=partners)
        )
        self.session.changed()
        self.on_assigned()
        entry = dept_texts.TUI_PARTNER_ADDED if joins else dept_texts.TUI_PARTNER_REMOVED
        self.notify(self.t(entry, key=key, department=department))
        self._reload()

    def _reload(self) -> None:
        option_list = self.query_one(OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(self._options())
        # the first department added to an empty list is the one the next key acts on
        option_list.highlighted = (
            0 if highlighted is None and option_list.option_count else highlighted
        )

    def action_show_all(self) -> None:
        self.dismiss(ALL)

    def action_close(self) -> None:
        self.dismiss(None)


def department_chosen(app: AssessApp, department: str | None) -> None:
    """我的条目: the tree shows one department's items (ALL: every item again)."""
    if department is None:
        return
    if department == ALL:
        app.set_filter("all")
        return
    show_department(app, department)


def show_department(app: AssessApp, department: str) -> None:
    """Narrow the app's tree to the items the department leads or partners (我的条目)."""
    session = app.session
    items = items_of(session.checklist, session.assessment, department, "any")
    t = Texts(app.lang)
    if not items:
        app.notify(t(dept_texts.TUI_FILTERED, department=department, count=0), timeout=3)
        return

    def own_task(task: ZoneTask) -> bool:  # a zone task goes with its measure's department
        owners = session.assessment.responsibility.get(str(task.measure))
        return owners is not None and department in (owners.lead, *owners.partners)

    app.checklist_tree.build(set(items).__contains__, own_task)
    app.checklist_tree.go_to_item(items[0])
    app.detail.show_item(items[0])
    app.notify(t(dept_texts.TUI_FILTERED, department=department, count=len(items)), timeout=3)
