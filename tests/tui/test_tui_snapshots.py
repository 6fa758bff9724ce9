"""What the user sees, in Chinese: main screen, dashboard, profile, help (fixed day and size)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot
from tui_helpers import SIZE, TODAY, until

from assess.demo import build_demo
from assess.editing import Editor
from assess.models import Status
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp

SnapCompare = Callable[..., bool]


async def _pick_third_item_and_mark_done(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, AssessApp)
    await until(pilot, lambda: app.detail.item_id == "1.1")
    await pilot.press("j", "j", "1")
    await until(pilot, lambda: app.detail.item_id == "1.3")  # the pane follows at rest


def test_main_screen(app: AssessApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=SIZE, run_before=_pick_third_item_and_mark_done)


def test_main_screen_small_terminal(app: AssessApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=(80, 24))


def test_dashboard(app: AssessApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["d"])


def test_profile(app: AssessApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["p"])


def test_help(app: AssessApp, snap_compare: SnapCompare) -> None:
    assert snap_compare(app, terminal_size=SIZE, press=["question_mark"])


def test_dashboard_wide_terminal(app: AssessApp, snap_compare: SnapCompare) -> None:
    """At 160 columns every measure's bar and the lists show side by side."""
    assert snap_compare(app, terminal_size=(160, 50), press=["d"])


def test_compare_screen(app: AssessApp, demo_path: Path, snap_compare: SnapCompare) -> None:
    """`c` with the previous period: the list fills the screen, changed items coloured."""
    previous = demo_path.with_name("上期.json")
    earlier = build_demo(default_checklist(), TODAY)
    Editor(earlier, who="t").set_status("1.1", Status.NOT_STARTED)
    Editor(earlier, who="t").set_status("1.3", Status.IN_PROGRESS)
    save(previous, earlier)

    async def open_compare(pilot: Pilot[None]) -> None:
        await pilot.press("c", *previous.name, "enter")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "CompareScreen")

    assert snap_compare(app, terminal_size=SIZE, run_before=open_compare)
