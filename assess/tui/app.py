"""The interactive assessment: a tree of items on the left, the selected item on the right.

``open_app`` is the factory used by the CLI and the tests: it takes the file's lock for the
whole session and loads it, so a second window gets a LockedError before anything is drawn.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.command import CommandPalette, Provider
from textual.containers import Horizontal
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar, Static, Tree

from assess.applicability import item_applies
from assess.errors import AssessError
from assess.lang import Lang
from assess.models import Assessment, ReviewState, Status
from assess.resources import default_checklist
from assess.review import NEEDS_OPINION, ReviewStep, allowed_steps
from assess.scoring import format_score, format_share
from assess.storage import AssessmentFile, ChangedOnDiskError, Loaded, load
from assess.texts import Texts, safety
from assess.texts import review as review_words
from assess.tui.commands import AssessCommands
from assess.tui.dashboard import DashboardScreen
from assess.tui.departments import ALL as DEPARTMENTS_ALL
from assess.tui.departments import DepartmentsScreen, show_department
from assess.tui.detail import ItemChanged, ItemDetail
from assess.tui.help import HelpScreen
from assess.tui.i18n import FILTERS, STATUS_KEYS, Labels
from assess.tui.keys import APP_BINDINGS, localize
from assess.tui.modals import PathPrompt
from assess.tui.palette import Palette
from assess.tui.profile import ProfileChanged, ProfileScreen
from assess.tui.review_prompt import OpinionPrompt
from assess.tui.save_dialogs import ChangedOnDisk, SaveFailed
from assess.tui.search import SearchScreen
from assess.tui.session import Session
from assess.tui.tree import ChecklistTree, NodeRef

FOLLOW_DELAY_SECONDS = 0.05


class AssessApp(App[None]):
    """Edits one assessment file; every change is saved as soon as it is made."""

    CSS_PATH = "app.tcss"
    # Only our own commands: Textual's system ones (theme, screenshot…) would be in English.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {AssessCommands}
    BINDINGS: ClassVar[list[BindingType]] = list(APP_BINDINGS)

    def __init__(self, session: Session, labels: Labels, notices: list[str] | None = None) -> None:
        super().__init__()
        self.session = session
        self.notices = notices or []
        self.t = labels
        self.filter = "all"
        self.conflict = False  # another program changed the file: autosave paused
        self._follow: Timer | None = None
        self.title = labels("app_title")
        localize(self, labels)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is plain text: messages quote paths and file text literally."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    # layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield Static(id="zone-line")
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="coverage")
        with Horizontal(id="main"):
            yield ChecklistTree(self.session, self.t, id="tree")
            yield ItemDetail(self.session, self.t, id="detail")
        # the palette key is in the tree's bindings: docked right, it garbles CJK on overflow
        yield Footer(compact=True, show_command_palette=False)

    @property
    def checklist_tree(self) -> ChecklistTree:
        return self.query_one(ChecklistTree)

    @property
    def detail(self) -> ItemDetail:
        return self.query_one(ItemDetail)

    def on_mount(self) -> None:
        tree = self.checklist_tree
        tree.build()
        tree.focus()
        self.update_header()
        self.call_after_refresh(self._start)
        for notice in self.notices:
            self.notify(notice, timeout=10)
        self.refuse_if_final()

    def _start(self) -> None:
        """Put the cursor on the first item once the tree has laid out its lines."""
        first = self.session.checklist.items[0].id
        self.checklist_tree.go_to_item(first)
        self.checklist_tree.scroll_home(animate=False)
        self.detail.show_item(first)

    def update_header(self) -> None:
        a, t = self.session.assessment, self.t
        overall = self.session.summary.overall
        line = (
            f"{a.zone.name} · {a.period} · {t('overall')} {format_score(overall.value)}"
            f" · {t('coverage')} {format_share(overall.coverage)}"
        )
        if self.filter != "all":
            line += f" · {t('filter')}{self.t.colon}{t('filter_' + self.filter)}"
        if a.review.state is not ReviewState.DRAFT:  # the sign-off, once it has begun
            line += f" · {Texts(self.ui_lang).label(a.review.state)}"
        self.query_one("#zone-line", Static).update(Text(line))
        self.query_one("#coverage", ProgressBar).update(
            total=max(overall.applicable, 1), progress=overall.assessed
        )

    # selection -----------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        """Follow the cursor once it rests: holding j stays smooth, the pane catches up."""
        if self._follow is not None:
            self._follow.stop()
        self._follow = self.checklist_tree.set_timer(FOLLOW_DELAY_SECONDS, self._show_cursor_item)

    def _show_cursor_item(self) -> None:
        self._follow = None
        item_id = self.checklist_tree.current_item
        if item_id != self.detail.item_id:
            self.detail.show_item(item_id)

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        data = event.node.data
        if data is not None and data.kind == "item":
            self.action_into_form()

    def action_into_form(self) -> None:
        self._show_cursor_item()
        if self.detail.item_id is not None:
            self.query_one("#status").focus()

    def action_focus_tree(self) -> None:
        self.detail.flush()
        self.checklist_tree.focus()

    def jump_to(self, item_id: str | None) -> None:
        if item_id is None:
            return
        if item_id not in self.checklist_tree.item_nodes:
            self.set_filter("all")
        self.checklist_tree.go_to_item(item_id)
        self.detail.show_item(item_id)
        self.checklist_tree.focus()

    # changes -----------------------------------------------------------------------

    def refuse_if_final(self) -> bool:
        """True (with a notice) when the assessment is final: every change is refused."""
        if self.session.read_only:
            self.notify(Texts(self.ui_lang)(review_words.READ_ONLY_NOTICE), timeout=8)
        return self.session.read_only

    def review_step(self, step: ReviewStep) -> None:
        """Ask for the 意见 (required to return or reopen) and take the step as the editor."""
        t = Texts(self.ui_lang)

        def take(opinion: str) -> None:
            self.session.review(step, opinion)

        def done(opinion: str | None) -> None:
            if opinion is None:
                return
            self.detail.item_id, item_id = None, self.detail.item_id
            self.detail.show_item(item_id)
            self.update_header()
            self.save_soon()
            state = t.label(self.session.assessment.review.state)
            self.notify(t(review_words.STEP_DONE, step=t.label(step), state=state), timeout=5)

        title = f"{t.label(step)}{t.colon}{t(review_words.OPINION)}"
        if step not in NEEDS_OPINION:
            title += t(review_words.OPTIONAL)
        self.push_screen(OpinionPrompt(self.t, title, take), done)

    def action_set_status(self, value: str) -> None:
        if self.refuse_if_final():
            return
        item_id = self.checklist_tree.current_item
        if item_id is None:
            self.notify(self.t("measure_node_notice"), severity="warning", timeout=2)
            return
        self.detail.set_status(item_id, Status(value))

    @on(ItemChanged)
    def _item_changed(self, event: ItemChanged) -> None:
        self.session.changed()
        self.checklist_tree.refresh_item(event.item_id)
        self.update_header()
        self.save_soon()

    @on(ProfileChanged)
    def _profile_changed(self) -> None:
        self.session.changed()
        self.checklist_tree.refresh_all_labels()
        self.detail.show_item(self.detail.item_id)
        self.update_header()
        self.save_soon()

    def action_undo(self) -> None:
        if self.screen is not self.screen_stack[0]:  # a form or screen shows the old state
            self.notify(self.t("undo_on_main"), severity="warning", timeout=3)
            return
        self.detail.flush()
        if self.refuse_if_final():
            return
        if not self.session.undo():
            self.notify(self.t("nothing_to_undo"), timeout=2)
            return
        self.checklist_tree.refresh_all_labels()
        self.detail.item_id, item_id = None, self.detail.item_id
        self.detail.show_item(item_id)
        self.update_header()
        self.save_soon()
        self.notify(self.t("undone"), timeout=2)

    # saving ------------------------------------------------------------------------

    def save_soon(self) -> None:
        """Serialize now (a few ms) and write in a thread, so typing never waits on fsync.

        While the file is known to have been changed by another program, nothing is written:
        the edits stay here until the user chooses what to do (ctrl+s or quitting asks).
        """
        try:
            number, data = self.session.serialize()
        except AssessError as exc:
            self._save_failed(str(exc))
            return
        if self.conflict:
            return
        self.run_worker(
            partial(self._write, number, data), thread=True, group="save", exit_on_error=False
        )

    def _write(self, number: int, data: bytes) -> None:
        try:
            self.session.write(number, data)
        except ChangedOnDiskError:
            self.call_from_thread(self._changed_on_disk)
        except AssessError as exc:
            self.call_from_thread(self._save_failed, str(exc))

    @property
    def ui_lang(self) -> Lang:
        return Lang.EN if self.t.en else Lang.ZH

    def _save_failed(self, error: str) -> None:
        text = Texts(self.ui_lang)(safety.SAVE_FAILED_TOAST, error=error)
        self.notify(text, severity="error", timeout=10)

    def _changed_on_disk(self) -> None:
        """Stop autosaving and ask, once; both versions stay where they are meanwhile."""
        if self.conflict:
            return
        self.conflict = True
        self.ask_about_conflict(quitting=False)

    def ask_about_conflict(self, *, quitting: bool) -> None:
        if isinstance(self.screen, ChangedOnDisk):
            return
        screen = ChangedOnDisk(self.ui_lang, str(self.session.path), quitting=quitting)
        self.push_screen(screen, partial(self._conflict_chosen, quitting=quitting))

    def _conflict_chosen(self, choice: str | None, *, quitting: bool) -> None:
        t = Texts(self.ui_lang)
        path = self.session.path
        assert path is not None
        try:
            if choice == "reload":
                copy = self.session.save_copy(copy_name(path, t(safety.COPY_TAG_MINE)))
                self.session.reload()
                self.conflict = False
                self.session_replaced()
                self.notify(t(safety.RELOADED, copy=copy), timeout=15)
            elif choice == "overwrite":
                copy = copy_name(path, t(safety.COPY_TAG_THEIRS))
                shutil.copyfile(path, copy)  # theirs, beside it, before mine goes over it
                self.session.save_now(force=True)
                self.conflict = False
                self.notify(t(safety.OVERWRITTEN, copy=copy), timeout=15)
            elif choice == "discard":
                self.exit()
                return
            else:
                self.notify(t(safety.CONFLICT_PAUSED), severity="warning", timeout=10)
                return
        except (AssessError, OSError) as exc:
            self._save_failed(str(exc))
            return
        if quitting:
            self.exit()

    def session_replaced(self) -> None:
        """Show the assessment that was just loaded in place of the one in the window."""
        self.checklist_tree.refresh_all_labels()
        self.detail.item_id, item_id = None, self.detail.item_id
        self.detail.show_item(item_id)
        self.update_header()

    def save_or_ask(self, *, quitting: bool) -> bool:
        """Save now; True if saved. Otherwise the user is asked and decides (False)."""
        if self.conflict:
            self.ask_about_conflict(quitting=quitting)
            return False
        try:
            self.session.save_now()
        except ChangedOnDiskError:
            self.conflict = True
            self.ask_about_conflict(quitting=quitting)
            return False
        except AssessError as exc:
            if not isinstance(self.screen, SaveFailed):
                screen = SaveFailed(self.ui_lang, str(exc), quitting=quitting)
                self.push_screen(screen, partial(self._failure_chosen, quitting=quitting))
            return False
        return True

    def _failure_chosen(self, choice: str | None, *, quitting: bool) -> None:
        if choice == "retry":
            if self.save_or_ask(quitting=quitting):
                self.notify(f"{self.t('saved')}{self.t.colon}{self.session.path}", timeout=3)
                if quitting:
                    self.exit()
        elif choice == "elsewhere":
            self.save_elsewhere(quitting=quitting)
        elif choice == "discard":
            self.exit()

    def save_elsewhere(self, *, quitting: bool) -> None:
        t = Texts(self.ui_lang)
        path = self.session.path or Path.cwd() / "assessment.json"
        start = str(copy_name(path, t(safety.COPY_TAG_MINE)))

        def write_copy(target: Path) -> Path:
            self.check_inside_folder(target)
            return self.session.save_copy(target)

        prompt = PathPrompt(self.t.lang, t(safety.SAVE_ELSEWHERE_PROMPT), start, write_copy)
        self.push_screen(prompt, partial(self._saved_elsewhere, quitting=quitting))

    def _saved_elsewhere(self, copy: Path | None, *, quitting: bool) -> None:
        if copy is None:
            return
        self.notify(Texts(self.ui_lang)(safety.SAVED_ELSEWHERE, path=copy), timeout=15)
        if quitting:
            self.exit()

    def check_inside_folder(self, target: Path) -> None:
        """Under ``assess serve``, file dialogs stay inside the assessment's folder."""
        if not self.is_web or self.session.path is None:
            return
        folder = self.session.path.resolve().parent
        if not target.resolve().is_relative_to(folder):
            raise AssessError(
                Texts(self.ui_lang)(safety.OUTSIDE_FOLDER, path=target, folder=folder)
            )

    def action_save(self) -> None:
        self.detail.flush()
        if self.save_or_ask(quitting=False):
            self.notify(f"{self.t('saved')}{self.t.colon}{self.session.path}", timeout=3)

    async def action_quit(self) -> None:
        self.detail.flush()
        if (self.session.edits or self.session.unsaved) and not self.save_or_ask(quitting=True):
            return  # the user is asked what to do with the edits; nothing is thrown away
        self.exit()

    def on_unmount(self) -> None:
        self.session.close()

    # filters, search, screens --------------------------------------------------------

    def visibility(self, name: str) -> Callable[[str], bool]:
        summary = self.session.summary
        a, cl = self.session.assessment, self.session.checklist
        if name == "unassessed":
            return lambda i: (
                a.record(i).status is Status.NOT_ASSESSED and item_applies(cl.item_index[i], a.zone)
            )
        if name == "gaps":
            return set(summary.gaps).__contains__
        if name == "opportunities":
            return set(summary.opportunities).__contains__
        if name == "warnings":
            return {w.item_id for w in summary.warnings}.__contains__
        return lambda _: True

    def set_filter(self, name: str) -> None:
        current = self.detail.item_id
        self.filter = name
        self.checklist_tree.build(self.visibility(name))
        nodes = self.checklist_tree.item_nodes
        if not nodes:
            self.notify(self.t("no_match"), timeout=2)
        else:
            target = current if current in nodes else next(iter(nodes))
            self.checklist_tree.go_to_item(target)
            self.detail.show_item(target)  # the rebuilt tree does not announce the cursor
        self.update_header()

    def action_cycle_filter(self) -> None:
        name = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.set_filter(name)
        self.notify(f"{self.t('filter')}{self.t.colon}{self.t('filter_' + name)}", timeout=2)

    def action_search(self) -> None:
        self.push_screen(SearchScreen(self.session.checklist, self.t.lang), self.jump_to)

    def action_dashboard(self) -> None:
        self.detail.flush()
        self.push_screen(DashboardScreen(self.session, self.t.lang), self.jump_to)

    def action_departments(self) -> None:
        self.detail.flush()
        item = self.checklist_tree.current_item
        screen = DepartmentsScreen(
            self.session, self.t.lang, item, lambda: self.post_message(ProfileChanged())
        )
        self.push_screen(screen, self._department_chosen)

    def _department_chosen(self, department: str | None) -> None:
        """我的条目: the tree shows one department's items (ALL: every item again)."""
        if department is None:
            return
        if department == DEPARTMENTS_ALL:
            self.set_filter("all")
            return
        show_department(self, department)

    def action_profile(self) -> None:
        if self.refuse_if_final():
            return
        self.detail.flush()
        self.push_screen(ProfileScreen(self.session, self.t.lang))

    def action_export(self) -> None:
        """Write the workbook next to the file, in a thread; never over an earlier export."""
        from assess.excel.report import default_report_name  # openpyxl loads on first use

        self.detail.flush()
        folder = self.session.path.parent if self.session.path else Path.cwd()
        target = free_name(folder / default_report_name(self.session.assessment))
        snapshot = self.session.assessment.model_copy(deep=True)
        self.notify(self.t("exporting"), timeout=2)
        self.run_worker(
            partial(self._export, snapshot, target),
            thread=True,
            group="export",
            exit_on_error=False,
        )

    def _export(self, snapshot: Assessment, target: Path) -> None:
        from assess.excel.report import export_report

        try:
            path = export_report(self.session.checklist, snapshot, target, today=self.session.today)
        except AssessError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        self.call_from_thread(self.notify, f"{self.t('exported')}{self.t.colon}{path}", timeout=8)
        if self.is_web:  # under `assess serve`: the browser downloads a copy too
            self.call_from_thread(self.deliver_binary, path)

    def action_compare(self) -> None:
        self.detail.flush()
        folder = self.session.path.parent if self.session.path else Path.cwd()
        start = os.path.join(folder, "")  # the folder of this file, ready for a name

        def opener(path: Path) -> Loaded:
            self.check_inside_folder(path)
            return load(path, self.session.checklist)

        prompt = PathPrompt(self.t.lang, self.t("compare_prompt"), start, opener)
        self.push_screen(prompt, self._compare_with)

    def _compare_with(self, other: Loaded | None) -> None:
        from assess.tui.compare_screen import CompareScreen

        if other is None:
            return
        self.push_screen(
            CompareScreen(
                self.session.checklist,
                other.assessment,
                self.session.assessment,
                self.t.lang,
                migrations=(other.migration, None),
            )
        )

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(self.t.lang, placeholder=self.t("palette_search")))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.t))

    def palette_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        t = self.t
        commands: list[tuple[str, str, Callable[[], object]]] = [
            (
                f"{t.status(status)} ({key})",
                t("status"),
                partial(self.action_set_status, status.value),
            )
            for key, status in STATUS_KEYS.items()
        ]
        commands += [
            (f"{t('search')} (/)", "/", self.action_search),
            (f"{t('filter')} (f)", "f", self.action_cycle_filter),
            (f"{t('dashboard')} (d)", "d", self.action_dashboard),
            (f"{t('profile')} (p)", "p", self.action_profile),
            (f"{t('departments')} (g)", "g", self.action_departments),
            (f"{t('export')} (x)", "x", self.action_export),
            (f"{t('compare')} (c)", "c", self.action_compare),
            (f"{t('undo')} (ctrl+z)", "ctrl+z", self.action_undo),
            (f"{t('save')} (ctrl+s)", "ctrl+s", self.action_save),
            (f"{t('help')} (?)", "?", self.action_help),
        ]
        words = Texts(self.ui_lang)
        commands += [
            (words.label(step), words(review_words.REVIEW_FIELD), partial(self.review_step, step))
            for step in allowed_steps(self.session.assessment.review.state)
        ]
        return commands


def copy_name(path: Path, tag: str) -> Path:
    """A free name beside ``path`` for a kept copy: ``评估-我的版本-20260115-093000.json``."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return free_name(path.with_name(f"{path.stem}-{tag}-{stamp}{path.suffix}"))


def free_name(path: Path) -> Path:
    """``path``, or ``stem-2.xlsx``, ``stem-3.xlsx``… if taken: an export never overwrites."""
    candidate, number = path, 1
    while candidate.exists():
        number += 1
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
    return candidate


def open_app(path: Path, *, lang: str = "zh", today: dt.date | None = None) -> AssessApp:
    """Lock and load ``path``; raises LockedError / LoadError with the user's message."""
    checklist = default_checklist()
    handle = AssessmentFile(Path(path))
    handle.acquire()
    try:
        loaded = handle.load(checklist)
    except BaseException:
        handle.close()
        raise
    session = Session(checklist, loaded.assessment, handle, today)
    notices = loaded.migration.messages() if loaded.migration else []
    return AssessApp(session, Labels(en=lang == "en"), notices)
