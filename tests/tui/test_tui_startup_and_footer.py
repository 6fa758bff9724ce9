"""Start-up and focus moves without needless work: the footer shows the keys of where the
focus is and is rebuilt only when they change (Textual rebuilds it on every focus move: each
Tab through the form cost a rebuild); the collector paused for start-up comes back on."""

from __future__ import annotations

import gc
from typing import Any

from textual.pilot import Pilot
from textual.widgets._footer import FooterKey
from tui_helpers import SIZE, until

from assess import startup
from assess.tui.app import AssessApp
from assess.tui.footer import SteadyFooter


def on_show(app: AssessApp) -> list[tuple[str, str]]:
    footer = app.screen.query_one(SteadyFooter)
    return [(key.action, key.description) for key in footer.query(FooterKey)]


def expected(app: AssessApp) -> list[tuple[str, str]]:
    """What Textual's own footer would show for the focus now: one key per action."""
    first: dict[str, str] = {}
    for _node, b, _enabled, _tip in app.screen.active_bindings.values():
        if b.show:
            first.setdefault(b.action, b.description)
    return list(first.items())


async def settled(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_footer_follows_the_focus_and_skips_rebuilds_that_change_nothing(
    app: AssessApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started)
        footer = app.query_one(SteadyFooter)
        rebuilds = 0
        recompose = footer.recompose

        async def counted() -> None:
            nonlocal rebuilds
            rebuilds += 1
            await recompose()

        footer.recompose = counted  # type: ignore[method-assign]
        await settled(pilot)
        in_tree = on_show(app)
        assert in_tree == expected(app)
        seen = {tuple(in_tree)}
        tabs = 12
        for _ in range(tabs):
            await pilot.press("tab")
            await settled(pilot)
            assert on_show(app) == expected(app), app.focused
            seen.add(tuple(on_show(app)))
        await pilot.press("escape")  # back to the tree
        await until(pilot, lambda: app.focused is app.checklist_tree)
        await settled(pilot)
        assert on_show(app) == in_tree
        assert len(seen) > 1  # the form's fields do show other keys than the tree
        assert rebuilds < tabs  # but most moves between fields change nothing on show


async def test_the_tui_collects_again_once_it_has_started(app: AssessApp) -> None:
    """The launcher pauses the collector for start-up (assess.startup); the TUI turns it back
    on once the form is up, or a long session would never free a cycle."""
    startup.pause()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda: app._started)
            assert gc.isenabled()
    finally:
        startup.resume()
