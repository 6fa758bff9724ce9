"""What the user sees, in Chinese and English, at 80×24 and 120×40 (fixed day): issue 10.

Main screen, dashboard, profile, help and the compare screen, each in both languages and
both sizes; the wide dashboard once more at 160×50.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_helpers import TODAY, until

from assess.demo import build_demo
from assess.editing import Editor
from assess.models import Status
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp, open_app

SnapCompare = Callable[..., bool]
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=list(SIZES))
def size(request: pytest.FixtureRequest) -> tuple[int, int]:
    return SIZES[str(request.param)]


@pytest.fixture
def app_in(demo_path: Path, lang: str) -> Iterator[AssessApp]:
    application = open_app(demo_path, lang=lang, today=TODAY)
    yield application
    application.session.close()


async def _pick_third_item_and_mark_done(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, AssessApp)
    await until(pilot, lambda: app._started and app.detail.item_id == "1.1")
    await pilot.press("j", "j", "1")
    await until(pilot, lambda: app.detail.item_id == "1.3")  # the pane follows at rest


def test_main_screen(app_in: AssessApp, size: tuple[int, int], snap_compare: SnapCompare) -> None:
    assert snap_compare(app_in, terminal_size=size, run_before=_pick_third_item_and_mark_done)


def test_dashboard(app_in: AssessApp, size: tuple[int, int], snap_compare: SnapCompare) -> None:
    assert snap_compare(app_in, terminal_size=size, press=["d"])


def test_profile(app_in: AssessApp, size: tuple[int, int], snap_compare: SnapCompare) -> None:
    assert snap_compare(app_in, terminal_size=size, press=["p"])


def test_help(app_in: AssessApp, size: tuple[int, int], snap_compare: SnapCompare) -> None:
    assert snap_compare(app_in, terminal_size=size, press=["question_mark"])


def test_dashboard_wide_terminal(app: AssessApp, snap_compare: SnapCompare) -> None:
    """At 160 columns the measure names are not cut."""
    assert snap_compare(app, terminal_size=(160, 50), press=["d"])


def test_compare_screen(
    app_in: AssessApp, demo_path: Path, size: tuple[int, int], snap_compare: SnapCompare
) -> None:
    """`c` with the previous period: the list fills the screen, changed items coloured."""
    previous = demo_path.with_name("上期.json")
    earlier = build_demo(default_checklist(), TODAY)
    Editor(earlier, who="t").set_status("1.1", Status.NOT_STARTED)
    Editor(earlier, who="t").set_status("1.3", Status.IN_PROGRESS)
    save(previous, earlier)

    async def open_compare(pilot: Pilot[None]) -> None:
        await pilot.press("c", *previous.name, "enter")
        await until(pilot, lambda: type(pilot.app.screen).__name__ == "CompareScreen")

    assert snap_compare(app_in, terminal_size=size, run_before=open_compare)
