"""The interactive assessment: a tree of items on the left, the selected item on the right.

``open_app`` is the factory used by the CLI and the tests: it takes the file's lock for the
whole session and loads it, so a second window gets a LockedError before anything is drawn.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import os
import shutil
import signal
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from time import monotonic
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult, ScreenStackError
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ProgressBar, Static, Tree
from textual.widgets.tree import TreeNode

from assess import startup
from assess.errors import AssessError
from assess.lang import Lang
from assess.states import Status
from assess.texts import Texts, safety
from assess.texts import errors as errors_words
from assess.texts import policy as policy_words
from assess.texts import review as review_words
from assess.texts import tui as words
from assess.textwidth import width as cell_width
from assess.tui.commands import AssessCommands
from assess.tui.footer import SteadyFooter
from assess.tui.keys import STATUS_KEYS, bind, chord_for
from assess.tui.save_dialogs import ChangedOnDisk, SaveFailed
from assess.tui.steady_screen import SteadyScreen
from assess.tui.tree import ChecklistTree, NodeRef
from assess.tui.turns import after_typed

if TYPE_CHECKING:  # the core is imported after the first frame (``first_frame``, ``_load``)
    from textual.widgets import Select

    from assess.models import Assessment, ZoneTask
    from assess.review import ReviewStep
    from assess.storage import Loaded
    from assess.tui.detail import ItemDetail
    from assess.tui.dialogs import Dialogs
    from assess.tui.first_frame import FirstFrame, Pending
    from assess.tui.session import Session

FOLLOW_DELAY_SECONDS = 0.05
HEADER_CHROME = 18  # the coverage bar (16) and the line's padding (2), in cells
FILTERS = tuple(words.FILTERS)
# the terminal window closed, or the system (a shutdown, ``kill``) stops the process
CLOSING_SIGNALS = () if sys.platform == "win32" else (signal.SIGHUP, signal.SIGTERM)


class ZoneLine(Static):
    """The header's top line: a new width may move the scores to their own line or back."""

    def on_resize(self, _event: events.Resize) -> None:
        app = self.app
        if isinstance(app, AssessApp):
            app.update_header()


class AssessApp(App[None]):
    """Edits one assessment file; every change is saved as soon as it is made."""

    CSS_PATH = "app.tcss"
    # Only our own commands: Textual's system ones (theme, screenshot…) would be in English.
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {AssessCommands}

    def __init__(
        self,
        session: Session | None,
        lang: Lang,
        notices: list[str] | None = None,
        *,
        pending: Pending | None = None,
    ) -> None:
        """``session``: the loaded file (``open_app``). Or, from the launcher, ``pending``: the
        start-up child whose labels make the first frame, before the file is loaded here."""
        super().__init__()
        assert (session is None) != (pending is None)
        self._session = session
        self._has_form = session is not None  # the item form is in the window (``_load``)
        self._pending = pending
        self.first_frame: FirstFrame | None = None
        self.start_error = False  # the file could not be opened after all: see ``launch``
        self._early_keys: list[events.Key] = []  # typed before the file was loaded here
        self.notices = notices or []
        self.lang = lang
        self.t = Texts(lang)
        self._dialogs: Dialogs | None = None
        self.filter = "all"
        self.conflict = False  # another program changed the file: autosave paused
        self._follow: Timer | None = None  # the pane follows once the cursor rests
        self._follow_soon = False  # …or right after the cursor's frame (a click from rest)
        self._key_moves: set[TreeNode[NodeRef]] = set()  # followed already: their highlights wait
        self._last_move = 0.0
        self._save_queued = False
        self._started = False
        self._moved_early = False  # a j/k before the start: it must not move the cursor back
        self.farewell: str | None = None  # what the terminal shows once the window has closed
        # where ``x`` writes workbooks: beside the file, or (the demo, kept in a hidden data
        # folder) the folder the user started assess in; each written path is said again on exit
        self.export_folder: Path | None = None
        # the item the user was on when a filter hid it: the filter that shows it again returns
        # there (cycling f back to 全部 must not leave the user elsewhere); a move of theirs clears it
        self._filter_home: str | None = None
        self.exported: list[Path] = []
        self._signals: list[int] = []  # the closing signals this window answers
        self._signalled = False  # a closing signal came: saved once, never asked
        self.title = self.t(words.APP_TITLE)
        bind(self, "app", self.t)

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

    @property
    def session(self) -> Session:
        assert self._session is not None, "the session is loaded after the first frame"
        return self._session

    @property
    def dialogs(self) -> Dialogs:
        if self._dialogs is None:
            from assess.tui.dialogs import Dialogs

            self._dialogs = Dialogs(self.lang)
        return self._dialogs

    # layout ------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        return SteadyScreen(id="_default")  # arranged once per layout (a j/k lays out the form)

    def compose(self) -> ComposeResult:
        with Horizontal(id="topbar"):
            yield ZoneLine(id="zone-line")
            yield ProgressBar(total=1, show_eta=False, show_percentage=False, id="coverage")
        # the scores' own line, shown only when the top line cannot hold them whole (80×24)
        yield Static(id="score-line")
        with Horizontal(id="main"):
            yield ChecklistTree(self._session, self.lang, id="tree", on_key_move=self._key_moved)
            if self._session is None:  # the form's modules load with the file, after the frame
                yield Static(id="detail")
            else:
                yield self._item_detail()
        # the palette key is in the tree's bindings: docked right, it garbles CJK on overflow
        yield SteadyFooter(compact=True)

    def _item_detail(self) -> ItemDetail:
        from assess.tui.detail import ItemDetail

        return ItemDetail(self.session, self.lang, self.item_changed, self.dialogs, id="detail")

    @property
    def checklist_tree(self) -> ChecklistTree:
        return self.query_one(ChecklistTree)

    @property
    def detail(self) -> ItemDetail:
        from assess.tui.detail import ItemDetail

        return self.query_one(ItemDetail)

    def on_mount(self) -> None:
        tree = self.checklist_tree
        if self._pending is not None:
            self.first_frame = self._pending.receive()
            if self.first_frame is None:  # the child could not read it: the CLI will say why
                if self._pending.lock is not None:
                    self._pending.lock.release()
                self.start_error = True
                self.exit()
                return
            tree.build_preview(self.first_frame.nodes)
            tree.home = self.first_frame.home
        else:
            tree.build()
            tree.home = self.session.checklist.items[0].id
        tree.focus()
        self.update_header()
        self._catch_closing_signals()
        if self._session is None:
            self.call_after_refresh(self._load)
        else:
            self._opened()

    def _opened(self) -> None:
        """The file is loaded: the form is built after the frame, the notices are shown."""
        self.call_after_refresh(self._start)
        for notice in self.notices:
            self.notify(notice, timeout=10)
        self.refuse_if_final()

    async def _load(self) -> None:
        """After the first frame (painted from the start-up child's labels): import the core,
        load the file (the launcher has locked it) as ``open_app`` does, then go on as a window
        opened with it.
        Keys typed meanwhile wait (``on_event``); the start hands them on, in their order."""
        assert self.first_frame is not None and self._pending is not None
        if self._signalled:  # closing already: nothing was loaded, nothing to keep
            return
        from assess.tui.session import open_session

        lock = self._pending.lock
        try:
            session, self.notices = open_session(self.first_frame.path, lock=lock)
        except AssessError:  # changed since the child read it: the CLI opens it and says why
            if lock is not None:
                lock.release()
            self.start_error = True
            self.exit()
            return
        self._session = session
        tree = self.checklist_tree
        tree.session = session
        tasks = session.assessment.zone_tasks
        if set(tree.item_nodes) == {i.id for i in session.checklist.items} | {t.id for t in tasks}:
            tree.refresh_all_labels()  # the same labels, unless the file changed meanwhile
        else:  # a zone task added or removed since the child read the file
            tree.build()
        await self.query_one("#detail", Static).remove()
        await self.query_one("#main", Horizontal).mount(self._item_detail())
        self._has_form = True
        self.update_header()
        self._opened()  # the start hands on the keys typed meanwhile

    async def on_event(self, event: events.Event) -> None:
        """Started by the launcher, keys wait until the start has put the cursor and the form
        on the first item (``_start`` hands them on, in order: a key typed while the file loads
        must not overtake one typed before); until the file is loaded the mouse is not heard,
        there is no form to click into yet."""
        if self._pending is not None and not self._started and isinstance(event, events.Key):
            self._early_keys.append(event)
            return
        if self._session is None and isinstance(event, events.MouseEvent):
            return
        await super().on_event(event)

    def _catch_closing_signals(self) -> None:
        """Closing the terminal (SIGHUP) or a stop from the system (SIGTERM) would kill the
        process with the last second's typing unsaved: they save as quitting does instead.
        Textual's driver handles only SIGTSTP/SIGCONT/SIGWINCH (and SIGTTIN/SIGTTOU while it
        suspends), so these two are free; off the main thread asyncio cannot take them."""
        loop = asyncio.get_running_loop()
        for signum in CLOSING_SIGNALS:
            try:
                loop.add_signal_handler(signum, self._closed_by_signal, signum)
            except (RuntimeError, ValueError):  # not the main thread: the default stays
                break
            self._signals.append(signum)

    async def _start(self) -> None:
        """After the first frame: build the form, put the cursor on the first item — unless
        the user has moved it meanwhile (a slow start must not undo their keys)."""
        first = self.session.checklist.items[0].id
        self.detail.item_id = first
        if not self._signalled:  # a closing signal during the start: the window is going
            await self.detail.build_form()
        if not self.detail.ready:
            return
        if not self._moved_early:
            self.checklist_tree.go_to_item(first)
            self.checklist_tree.scroll_home(animate=False)
        self._started = True
        if self._moved_early:
            self._show_cursor_item()
        # What is loaded now (libraries, checklist, widgets) lives as long as the window:
        # kept out of the collector's scans, a full collection pauses a key ~30 ms, not ~200.
        gc.freeze()
        startup.resume()  # paused by the launcher while all that was made
        early, self._early_keys = self._early_keys, []  # typed before the file was loaded here
        for key in early:  # …handled now, in their order, with the cursor on the first item
            await super().on_event(key)

    def update_header(self) -> None:
        """Zone, period, the score, coverage and both rates; where one line cannot hold them
        all (80 columns), the scores move to a line of their own, so none is cut."""
        if self._session is None:  # the first frame: the start-up child's text
            if self.first_frame is None:  # the window is closing: it could not be opened
                return
            identity, scores = self.first_frame.identity, self.first_frame.scores
            total, assessed = self.first_frame.progress
        else:
            from assess.tui.tree_labels import header_parts

            identity, scores = header_parts(self.session, self.t, self.filter)
            overall = self.session.summary.overall
            total, assessed = overall.applicable, overall.assessed
        line = " · ".join([*identity, scores])
        room = self.size.width - HEADER_CHROME
        split = cell_width(line) > room
        score_line = self.query_one("#score-line", Static)
        if score_line.display != split:  # a re-layout only when the header changes shape
            score_line.display = split
        top = " · ".join(identity) if split else line
        # the lines' boxes are fixed (1fr × 1): new text repaints without a re-layout
        self.query_one("#zone-line", Static).update(Text(top, no_wrap=True), layout=False)
        score_line.update(Text(scores if split else "", no_wrap=True), layout=False)
        self.query_one("#coverage", ProgressBar).update(total=max(total, 1), progress=assessed)

    # selection -----------------------------------------------------------------------

    @on(Tree.NodeHighlighted, "#tree")
    def _highlighted(self, event: Tree.NodeHighlighted[NodeRef]) -> None:
        """Follow the cursor moved by a click or a jump: from rest the pane is refilled right
        after the cursor's frame; moves coming faster wait until the cursor rests."""
        if event.node in self._key_moves:  # a j/k or arrow key's move: ``_key_moved`` followed it
            self._key_moves.discard(event.node)
            return
        self._follow_cursor(event.control, at_once=False)

    def _key_moved(self, node: TreeNode[NodeRef]) -> None:
        """A j/k or arrow key moved the cursor: from rest the form is refilled at once, so the
        cursor and the form come in one frame (the highlight message comes after the cursor's
        frame: one frame later). Keys coming faster (a held j) wait until the cursor rests."""
        self._key_moves.add(node)
        self._filter_home = None  # the user chose where to be
        if not self._started:  # before the form was built: the start keeps this cursor
            self._moved_early = True
        self._follow_cursor(self.checklist_tree, at_once=True)

    def _follow_cursor(self, tree: Tree[NodeRef], at_once: bool) -> None:
        if not self._started:  # the tree's first highlight (an area): the start shows 1.1
            return
        now = monotonic()
        resting, self._last_move = now - self._last_move >= FOLLOW_DELAY_SECONDS, now
        if self._follow is not None:
            self._follow.stop()
            self._follow = None
        if self._follow_soon:  # queued: it shows wherever the cursor is by then
            return
        # the tree itself, not a query: while the app closes, its screen may be gone
        if resting and at_once:
            self._show_cursor_item()
        elif resting:
            self._follow_soon = True
            tree.call_after_refresh(self._show_cursor_item)
        else:
            self._follow = tree.set_timer(FOLLOW_DELAY_SECONDS, self._show_cursor_item)

    def _show_cursor_item(self) -> None:
        self._follow, self._follow_soon = None, False
        try:
            item_id = self.checklist_tree.current_item
        except (NoMatches, ScreenStackError):  # called late, as the window closes: tree gone
            return
        if item_id is not None:
            if item_id != self.detail.item_id:
                self.detail.show_item(item_id)
            return
        self.detail.show_item(None)
        measure = self.checklist_tree.current_measure
        if measure is not None:
            name = self.t.pick(f"{measure.numeral}{measure.title}", measure.title_en)
            count = len(self.applicable_items(measure.number))
            self.detail.show_note(self.t(words.MEASURE_HINT, measure=name, count=count))

    @on(Tree.NodeSelected, "#tree")
    def _selected(self, event: Tree.NodeSelected[NodeRef]) -> None:
        data = event.node.data
        if data is not None and data.kind == "item":
            self.action_into_form()

    def action_into_form(self) -> None:
        if not self._has_form:  # a click or Enter before the file was loaded here
            return
        self._show_cursor_item()
        if self.detail.item_id is not None:
            self.query_one("#status").focus()

    def action_focus_tree(self) -> None:
        self.detail.flush()
        self.checklist_tree.focus()

    def jump_to(self, item_id: str | None) -> None:
        if item_id is None:
            return
        self._filter_home = None  # the user chose where to be
        if item_id not in self.checklist_tree.item_nodes:
            self.set_filter("all")
        self.checklist_tree.go_to_item(item_id)
        self.detail.show_item(item_id)
        self.checklist_tree.focus()

    # changes -----------------------------------------------------------------------

    def refuse_if_final(self) -> bool:
        """True (with a notice) when the assessment is final: every change is refused."""
        if self.session.read_only:
            why = (
                safety.VIEW_ONLY_NOTICE if self.session.view_only else review_words.READ_ONLY_NOTICE
            )
            self.notify(self.t(why), timeout=8)
        return self.session.read_only

    def review_step(self, step: ReviewStep) -> None:
        """Ask for the 意见 (required to return or reopen) and take the step as the editor."""
        from assess.review import NEEDS_OPINION
        from assess.tui.review_prompt import OpinionPrompt

        t = self.t
        if self.session.view_only:  # nothing can be saved: not even a sign-off step
            self.notify(t(safety.VIEW_ONLY_NOTICE), timeout=8)
            return

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
        """On an item: its status. On a measure: every item of it that applies to the zone."""
        if self.refuse_if_final():
            return
        status = Status(value)
        self.checklist_tree.place_home()  # typed before the start put the cursor on 1.1
        item_id = self.checklist_tree.current_item
        if item_id is not None:
            self.detail.set_status(item_id, status)
            return
        measure = self.checklist_tree.current_measure
        if measure is None:
            self.notify(self.t(words.AREA_NODE), severity="warning", timeout=3)
            return
        self.set_measure_status(measure.number, status)

    def action_set_status_and_next(self, value: str) -> None:
        """The status of the item under the cursor, then the next item (one key per item)."""
        self.checklist_tree.place_home()  # typed before the start put the cursor on 1.1
        on_item = self.checklist_tree.current_item is not None
        self.action_set_status(value)
        if on_item:  # on a measure: its items' status, the cursor stays
            self.checklist_tree.to_next_item()

    def applicable_items(self, measure_number: int) -> list[str]:
        from assess.applicability import item_applies

        cl, zone = self.session.checklist, self.session.assessment.zone
        measure = next(m for m in cl.measures if m.number == measure_number)
        return [i.id for i in measure.items if item_applies(i, zone)]

    def set_measure_status(self, measure_number: int, status: Status) -> None:
        """One key, one undo step: the measure's applicable items all take ``status``."""
        t = self.t
        measure = next(m for m in self.session.checklist.measures if m.number == measure_number)
        name = t.pick(f"{measure.numeral}{measure.title}", measure.title_en)
        items = self.applicable_items(measure_number)
        changing = [i for i in items if self.session.record(i).status is not status]
        if not changing:
            self.notify(t(words.MEASURE_UNCHANGED, measure=name, status=t.label(status)))
            return
        self.detail.flush()
        self.session.checkpoint_items(changing)
        for item_id in changing:
            self.session.editor.set_status(item_id, status)
        self.session.changed()
        for item_id in changing:
            self.checklist_tree.refresh_item(item_id)
        self.update_header()
        self.save_soon()
        self.notify(
            t(words.MEASURE_SET, measure=name, count=len(changing), status=t.label(status)),
            timeout=4,
        )

    def item_changed(self, item_id: str) -> None:
        """Called by the form after each change: relabel, rescore, save (same frame)."""
        self.session.changed()
        self.checklist_tree.refresh_item(item_id)
        self.update_header()
        self.save_soon()

    def on_profile_changed(self, _message: object) -> None:
        self.session.changed()
        self.checklist_tree.refresh_all_labels()
        self.detail.show_item(self.detail.item_id)
        self.update_header()
        self.save_soon()

    # jumping and adding from anywhere in the item ------------------------------------

    def _into_item(self) -> bool:
        """Make sure the pane shows the cursor's item; False on a measure or area."""
        stale = (
            self._follow is not None
            or self._follow_soon
            or self.detail.item_id != self.checklist_tree.current_item
        )
        if stale and self.focused is self.checklist_tree:
            self._show_cursor_item()
        return self.detail.item_id is not None

    def action_go(self, section: str) -> None:
        if self._into_item():
            self.detail.go(section)

    def action_new_evidence(self) -> None:
        if self._into_item():
            self.detail.add_evidence()

    def action_cite_evidence(self) -> None:
        if self._into_item():
            self.detail.cite_evidence()

    def action_new_action(self) -> None:
        if self._into_item():
            self.detail.add_action()

    def action_new_claim(self) -> None:
        if self._into_item():
            self.detail.add_claim()

    # the zone's own tasks (自定任务): added under the cursor's measure, removed after asking

    def action_new_task(self) -> None:
        if self.refuse_if_final():
            return
        number = self.checklist_tree.measure_at_cursor
        if number is None:
            self.notify(self.t(policy_words.NO_MEASURE), severity="warning", timeout=4)
            return
        measure = next(m for m in self.session.checklist.measures if m.number == number)
        name = self.t.pick(f"{measure.numeral}{measure.title}", f"({number}) {measure.title_en}")

        def add(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            self.detail.flush()
            self.session.checkpoint()
            task = self.session.editor.add_zone_task(number, *result)
            self.tasks_changed(task.id)
            self.notify(self.t(policy_words.TASK_ADDED, id=task.id), timeout=3)

        self.push_screen(self.dialogs.zone_task_form(name), add)

    def action_remove_task(self) -> None:
        if self.refuse_if_final():
            return
        task_id = self.checklist_tree.current_task
        task = self.detail.zone_task(task_id)
        if task is None:
            self.notify(self.t(policy_words.NOT_A_TASK), severity="warning", timeout=4)
            return
        body = self.t(policy_words.TASK_REMOVE, id=task.id, title=task.title)

        def remove(choice: str | None) -> None:
            if choice != "remove":
                return
            self.detail.flush()
            self.session.checkpoint()
            self.session.editor.remove_zone_task(task.id)
            self.tasks_changed(None, near=task.measure)
            self.notify(self.t(policy_words.TASK_REMOVED, id=task.id), timeout=4)

        self.push_screen(self.dialogs.confirm_remove_task(body), remove)

    def tasks_changed(self, show: str | None, near: int | None = None) -> None:
        """Rebuild the tree after a task was added or removed; the cursor goes to ``show``
        (else to the first item of measure ``near``); rescore and save."""
        self.session.changed()
        shown = self.rebuild_tree(show, near)
        if shown is not None:
            self.detail.show_item(shown)
        self.update_header()
        self.save_soon()

    def rebuild_tree(self, show: str | None, near: int | None = None) -> str | None:
        """Build the tree again (a task came or went) and put the cursor on ``show``, else on
        the first item of measure ``near``, if the filter shows it; returns that item."""
        self.checklist_tree.build(*self.visibility(self.filter))
        if show is None and near is not None:
            show = self.session.checklist.measure(near).items[0].id
        if show is None or show not in self.checklist_tree.item_nodes:
            return None
        self.checklist_tree.go_to_item(show)
        return show

    # undo and redo -----------------------------------------------------------------

    def action_undo(self) -> None:
        self._undo_or_redo(redo=False)

    def action_redo(self) -> None:
        self._undo_or_redo(redo=True)

    def _undo_or_redo(self, *, redo: bool) -> None:
        if self.screen is not self.screen_stack[0]:  # a form or screen shows the old state
            self.notify(self.t(words.UNDO_ON_MAIN), severity="warning", timeout=3)
            return
        self.detail.flush()
        if self.refuse_if_final():
            return
        tasks = {task.id: task.measure for task in self.session.assessment.zone_tasks}
        changes = self.session.redo() if redo else self.session.undo()
        if changes is None:
            self.notify(self.t(words.NOTHING_TO_REDO if redo else words.NOTHING_TO_UNDO), timeout=2)
            return
        self.detail.item_id, item_id = None, self.detail.item_id
        now = {task.id: task.measure for task in self.session.assessment.zone_tasks}
        if now.keys() != tasks.keys():  # a task came back or went: the tree shows it so
            back = [task_id for task_id in now if task_id not in tasks]
            gone = item_id in tasks and item_id not in now  # to its measure's first item
            show = back[0] if back else None if gone else item_id
            near = tasks[item_id] if gone and item_id is not None else None
            item_id = self.rebuild_tree(show, near) or self.checklist_tree.current_item
        else:
            self.checklist_tree.refresh_all_labels()
        self.detail.show_item(item_id)
        self.update_header()
        self.save_soon()
        from assess.tui.change_text import describe_changes

        what = describe_changes(changes, self.session, self.t)
        self.notify(self.t(words.REDONE if redo else words.UNDONE, what=what), timeout=6)

    # keys no binding took ----------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """Inside a text field a letter types itself: the footer names its chord (alt+e)."""
        from textual.widgets import Input, TextArea  # loaded with the form

        chord = chord_for(binding.id)
        if chord is not None and isinstance(self.focused, Input | TextArea):
            return chord
        return super().get_key_display(binding)

    def on_key(self, event: events.Key) -> None:
        """A digit picks a drop-down's option; a printable key on a button or a table of the
        form is not silently lost: the user is told where the focus is and how to type."""
        from textual.widgets import Button, DataTable, Select  # loaded with the form

        focused = self.focused
        if focused is None or not event.is_printable or event.character is None:
            return
        digit_picked = isinstance(focused, Select) and not focused.expanded
        if digit_picked and self._pick_by_digit(focused, event.character):  # type: ignore[arg-type]
            event.stop()
            event.prevent_default()
            return
        if self.screen is not self.screen_stack[0] or not isinstance(
            focused, Button | DataTable | Select
        ):
            return
        if focused.parent is None or self.detail not in focused.ancestors:
            return
        if event.key in self.screen.active_bindings:  # ``t`` on the actions table: its dialog
            return
        event.stop()
        self.notify(self.stray_key_hint(focused, event.character), severity="warning", timeout=6)

    def _pick_by_digit(self, select: Select[object], digit: str) -> bool:
        from textual.widgets import Select

        options = select._options  # (label, value) pairs, the blank excluded below
        values = [value for _, value in options if value is not Select.BLANK]
        if select.id == "status" and digit in STATUS_KEYS:
            select.value = STATUS_KEYS[digit]
            return True
        if digit.isdigit() and 1 <= int(digit) <= len(values):
            select.value = values[int(digit) - 1]
            return True
        return False

    def stray_key_hint(self, widget: object, key: str) -> str:
        from textual.widgets import Button, Select

        from assess.fields import BY_ID

        t = self.t
        keys = "e / s / alt+e / alt+s, Tab"
        if isinstance(widget, Button):
            return t(words.KEY_ON_BUTTON, key=key, button=str(widget.label), keys=keys)
        if isinstance(widget, Select):
            count = len([1 for _, v in widget._options if v is not Select.BLANK])
            field = BY_ID[widget.id or "status"]  # the form's drop-downs: 状态, 达进度/欠进度
            return t(words.KEY_ON_SELECT, key=key, select=t(field.label), count=count)
        tables = {"evidence-table": "evidence", "claims-table": "claims"}
        table = tables.get(getattr(widget, "id", ""), "actions")
        return t(words.KEY_ON_TABLE, key=key, table=t(BY_ID[table].label), keys=keys)

    # saving ------------------------------------------------------------------------

    def save_soon(self) -> None:
        """Save once the key's frame is painted: a snapshot then (well under 1 ms), encoding and
        writing in a thread, so a key never waits on JSON or fsync; several changes in one frame
        save once. Writes are numbered: an older one never lands after a newer one.

        While the file is known to have been changed by another program, nothing is written:
        the edits stay here until the user chooses what to do (ctrl+s or quitting asks).
        """
        if not self._save_queued:
            self._save_queued = True
            self.call_after_refresh(self._save_now_painted)

    def _save_now_painted(self) -> None:
        self._save_queued = False
        number, data = self.session.snapshot()
        self.run_worker(
            partial(self._write, number, data), thread=True, group="save", exit_on_error=False
        )

    def _write(self, number: int, data: dict[str, Any]) -> None:
        from assess.storage import ChangedOnDiskError

        try:
            encoded = self.session.serialize_from(number, data)
            if not self.conflict:
                self.session.write(*encoded)
        except ChangedOnDiskError:
            self.call_from_thread(self._changed_on_disk)
        except AssessError as exc:
            self.call_from_thread(self._save_failed, exc.render(self.t))

    def _save_failed(self, error: str) -> None:
        text = Texts(self.lang)(safety.SAVE_FAILED_TOAST, error=error)
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
        screen = ChangedOnDisk(self.lang, str(self.session.path), quitting=quitting)
        self.push_screen(screen, partial(self._conflict_chosen, quitting=quitting))

    def _conflict_chosen(self, choice: str | None, *, quitting: bool) -> None:
        t = Texts(self.lang)
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
            self._save_failed(exc.render(self.t) if isinstance(exc, AssessError) else str(exc))
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
        from assess.storage import ChangedOnDiskError

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
                screen = SaveFailed(self.lang, exc.render(self.t), quitting=quitting)
                self.push_screen(screen, partial(self._failure_chosen, quitting=quitting))
            return False
        return True

    def _failure_chosen(self, choice: str | None, *, quitting: bool) -> None:
        if choice == "retry":
            if self.save_or_ask(quitting=quitting):
                self.notify(self.t(words.SAVED, path=self.session.path), timeout=3)
                if quitting:
                    self.exit()
        elif choice == "elsewhere":
            self.save_elsewhere(quitting=quitting)
        elif choice == "discard":
            self.exit()

    def save_elsewhere(self, *, quitting: bool) -> None:
        t = Texts(self.lang)
        path = self.session.path or Path.cwd() / "assessment.json"
        folder = next((f for f in copy_folders(path) if os.access(f, os.W_OK)), path.parent)
        start = str(
            copy_name(folder / path.name, t(safety.COPY_TAG_MINE))
        )  # not the folder that failed

        def write_copy(target: Path) -> Path:
            self.check_inside_folder(target)
            return self.session.save_copy(target)

        prompt = self.dialogs.path_prompt(t(safety.SAVE_ELSEWHERE_PROMPT), start, write_copy)
        self.push_screen(prompt, partial(self._saved_elsewhere, quitting=quitting))

    def _saved_elsewhere(self, copy: Path | None, *, quitting: bool) -> None:
        if copy is None:
            return
        said = Texts(self.lang)(safety.SAVED_ELSEWHERE, path=copy)
        if quitting:  # the window closes at once: the terminal keeps where the copy went
            self.farewell = said
            self.exit()
            return
        self.notify(said, timeout=15)

    def check_inside_folder(self, target: Path) -> None:
        """Under ``assess serve``, file dialogs stay inside the assessment's folder."""
        if not self.is_web or self.session.path is None:
            return
        folder = self.session.path.resolve().parent
        if not target.resolve().is_relative_to(folder):
            raise AssessError(Texts(self.lang)(safety.OUTSIDE_FOLDER, path=target, folder=folder))

    def action_save(self) -> None:
        """ctrl+s: in a dialog with an OK button, OK (the form is saved); else save the file."""
        form = self.screen
        in_form = form is not self.screen_stack[0] and callable(getattr(form, "submit", None))
        if in_form and form.query("#ok"):

            def submit() -> None:
                if form in self.screen_stack:  # not cancelled by a key typed after ctrl+s
                    form.submit()  # type: ignore[attr-defined]

            # the text typed right before ctrl+s may still wait in its field: read the form after it
            after_typed(form, submit)
            return
        self.detail.keep_typing()  # the line being typed is saved with the rest
        if self.save_or_ask(quitting=False):
            self.notify(self.t(words.SAVED, path=self.session.path), timeout=3)

    async def action_quit(self) -> None:
        if self.detail.keep_typing() is not None:  # a figure that is not a number: the form
            return  # said why, and it stays typed to be mended
        if self.has_changes and not self.save_or_ask(quitting=True):
            return  # the user is asked what to do with the edits; nothing is thrown away
        self.exit()

    @property
    def has_changes(self) -> bool:
        """Edits were made in this window, or the latest state is not in the file yet."""
        return bool(self.session.edits) or self.session.unsaved

    def _closed_by_signal(self, signum: int = signal.SIGTERM) -> None:
        """The terminal was closed or the process is being stopped: nobody can answer a
        question, so save as quitting does, or, where the file cannot take the edits (another
        program changed it, the disk is full…), keep them in a copy; then close.

        Where the terminal is gone (SIGHUP of a closed window), the process ends at once once
        saved: Textual's writes to it fail, its writer thread dies and the exit would wait
        on it forever, and there is no screen left to restore."""
        if self._signalled:
            return
        self._signalled = True
        if not self._has_form:  # before the file was loaded here: nothing typed, nothing to keep
            self._early_keys.clear()
            self._release_file()
            if signum == getattr(signal, "SIGHUP", None) and not terminal_alive():
                os._exit(0)
            self.exit()
            return
        problem = self.detail.keep_typing()  # a figure that is not a number cannot be kept
        if self.has_changes and not self.session.view_only:
            self.farewell = self._save_unasked()
        if problem is not None:
            self.farewell = problem if self.farewell is None else f"{self.farewell}\n{problem}"
        if signum == getattr(signal, "SIGHUP", None) and not terminal_alive():
            self.session.close()  # the lock released, its file removed
            os._exit(0)
        self.exit()

    def _save_unasked(self) -> str:
        """Save to the file, never over another program's change; failing that, a copy
        ("我的版本") beside it, else in the home or temporary folder. Says which happened."""
        from assess.storage import ChangedOnDiskError

        t = Texts(self.lang)
        path = self.session.path or Path.cwd() / "assessment.json"
        if self.conflict:  # another program's version is in the file: it stays there
            error = ChangedOnDiskError(errors_words.CHANGED_ON_DISK, path=path).render(t)
        else:
            try:
                self.session.save_now()
                return t(safety.CLOSED_SAVED, path=path)
            except AssessError as exc:
                error = exc.render(t)
        why = error
        for folder in copy_folders(path):
            try:
                copy = self.session.save_copy(
                    copy_name(folder / path.name, t(safety.COPY_TAG_MINE))
                )
            except (AssessError, OSError) as exc:
                why = exc.render(t) if isinstance(exc, AssessError) else str(exc)
                continue
            return t(safety.CLOSED_KEPT_COPY, path=path, error=error, copy=copy)
        return t(safety.CLOSED_NOT_KEPT, path=path, error=why)

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for signum in self._signals:  # the next window (tests, `serve`) installs its own
            loop.remove_signal_handler(signum)
        self._signals.clear()
        gc.unfreeze()  # collectable again (tests and `serve` run several apps in one process)
        self._release_file()

    def _release_file(self) -> None:
        """The lock off the file: the session's, or the launcher's if it was never loaded."""
        if self._session is not None:
            self._session.close()
        elif self._pending is not None and self._pending.lock is not None:
            self._pending.lock.release()

    # filters, search, screens --------------------------------------------------------

    def visibility(self, name: str) -> tuple[Callable[[str], bool], Callable[[ZoneTask], bool]]:
        """Which items, and which zone tasks, the filter ``name`` shows."""
        from assess.applicability import item_applies

        summary = self.session.summary
        a, cl = self.session.assessment, self.session.checklist
        if name == "unassessed":
            return (
                lambda i: (
                    a.record(i).status is Status.NOT_ASSESSED
                    and item_applies(cl.item_index[i], a.zone)
                ),
                lambda task: task.record.status is Status.NOT_ASSESSED,
            )
        if name == "gaps":
            return set(summary.gaps).__contains__, _no_task
        if name == "opportunities":
            return set(summary.opportunities).__contains__, _no_task
        if name == "warnings":
            return {w.item_id for w in summary.warnings}.__contains__, _no_task
        return (lambda _: True), (lambda _: True)

    def set_filter(self, name: str) -> None:
        current = self.detail.item_id
        self.filter = name
        self.checklist_tree.build(*self.visibility(name))
        nodes = self.checklist_tree.item_nodes
        if not nodes:
            self.notify(self.t(words.NO_MATCH), timeout=2)
        else:
            home = self._filter_home
            if home is not None and home in nodes:  # shown again: back where the user was
                target, self._filter_home = home, None
            else:
                if current not in nodes and home is None:
                    self._filter_home = current
                target = current if current in nodes else next(iter(nodes))
            self.checklist_tree.go_to_item(target)
            self.detail.show_item(target)  # the rebuilt tree does not announce the cursor
        self.update_header()

    def action_cycle_filter(self) -> None:
        name = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.set_filter(name)
        t = self.t
        self.notify(f"{t(words.FILTER)}{t.colon}{t(words.FILTERS[name])}", timeout=2)

    def action_search(self) -> None:
        from assess.tui.search import SearchScreen  # screens load when first opened

        tasks = self.session.assessment.zone_tasks
        self.push_screen(SearchScreen(self.session.checklist, self.lang, tasks), self.jump_to)

    def action_dashboard(self) -> None:
        self.detail.flush()
        from assess.tui.dashboard import DashboardScreen

        self.push_screen(DashboardScreen(self.session, self.lang), self.jump_to)

    def action_departments(self) -> None:
        from assess.tui.departments import DepartmentsScreen, department_chosen
        from assess.tui.profile import ProfileChanged

        self.detail.flush()
        item = self.checklist_tree.current_item
        screen = DepartmentsScreen(
            self.session, self.lang, item, lambda: self.post_message(ProfileChanged())
        )
        self.push_screen(screen, partial(department_chosen, self))

    def action_profile(self) -> None:
        if self.refuse_if_final():
            return
        self.detail.flush()
        from assess.tui.profile import ProfileScreen

        self.push_screen(ProfileScreen(self.session, self.lang))

    def action_export(self) -> None:
        """Write the workbook next to the file, in a thread; never over an earlier export."""
        from assess.excel.report import default_report_name  # openpyxl loads on first use

        self.detail.flush()
        folder = self.export_folder or (self.session.path.parent if self.session.path else None)
        if folder is None or not os.access(folder, os.W_OK):
            folder = self.session.path.parent if self.session.path else Path.cwd()
        target = free_name(folder / default_report_name(self.session.assessment))
        snapshot = self.session.assessment.model_copy(deep=True)
        self.notify(self.t(words.EXPORTING), timeout=2)
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
            self.call_from_thread(self.notify, exc.render(self.t), severity="error", timeout=10)
            return
        self.exported.append(path)
        self.call_from_thread(self.notify, self.t(words.EXPORTED, path=path), timeout=8)
        if self.is_web:  # under `assess serve`: the browser downloads a copy too
            self.call_from_thread(self.deliver_binary, path)

    def action_compare(self) -> None:
        self.detail.flush()
        folder = self.session.path.parent if self.session.path else Path.cwd()
        start = os.path.join(folder, "")  # the folder of this file, ready for a name
        from assess.storage import load

        def opener(path: Path) -> Loaded:
            self.check_inside_folder(path)
            if self.session.path is not None and path.resolve() == self.session.path.resolve():
                raise AssessError(self.t(words.COMPARE_SELF))  # every row would read 未变
            return load(path, self.session.checklist)

        prompt = self.dialogs.path_prompt(self.t(words.COMPARE_PROMPT), start, opener)
        self.push_screen(prompt, self._compare_with)

    def _compare_with(self, other: Loaded | None) -> None:
        from assess.tui.compare_screen import CompareScreen

        if other is None:
            return
        # the file made earlier is A, "before": a next period's file compared from the last
        # period's window must not read 改善 as 退步 (``s`` swaps them on the screen)
        (a, a_migration), (b, b_migration) = sorted(
            [(other.assessment, other.migration), (self.session.assessment, None)],
            key=lambda pair: pair[0].created.timestamp(),  # a file may give no UTC offset
        )
        self.push_screen(
            CompareScreen(
                self.session.checklist, a, b, self.lang, migrations=(a_migration, b_migration)
            )
        )

    def action_command_palette(self) -> None:
        if not isinstance(self.screen, CommandPalette):
            from assess.tui.palette import Palette

            self.push_screen(Palette(self.lang, placeholder=self.t(words.PALETTE_SEARCH)))

    def action_help(self) -> None:
        from assess.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.lang))

    def review_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """The sign-off steps open from the current state, for the command palette."""
        from assess.review import allowed_steps

        t = self.t
        return [
            (t.label(step), t(review_words.REVIEW_FIELD), partial(self.review_step, step))
            for step in allowed_steps(self.session.assessment.review.state)
        ]


def terminal_alive() -> bool:
    """False once the terminal has hung up (its window was closed): it answers nothing."""
    import termios  # POSIX only, as SIGHUP is

    try:
        termios.tcgetattr(sys.__stdin__.fileno() if sys.__stdin__ else 0)
    except (termios.error, OSError, ValueError):
        return False
    return True


def _no_task(_task: ZoneTask) -> bool:
    """The gap, opportunity and warning filters are the plan's lists: no zone task is in them."""
    return False


def copy_folders(path: Path) -> tuple[Path, ...]:
    """Where a copy that cannot go to the file goes, in order: beside it, home, temporary."""
    return path.parent, Path.home(), Path(tempfile.gettempdir())


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


def open_app(path: Path, lang: Lang | str = Lang.ZH, *, today: dt.date | None = None) -> AssessApp:
    """Lock and load ``path``; raises LockedError / LoadError with the user's message."""
    from assess.tui.session import open_session

    session, notices = open_session(path, today=today)
    return AssessApp(session, Lang(lang), notices)
