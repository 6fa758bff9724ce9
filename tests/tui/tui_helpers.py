"""Shared by the TUI tests: a fixed day, the terminal size, reading the file back."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.pilot import Pilot

from assess.models import Assessment
from assess.resources import default_checklist
from assess.storage import load

TODAY = dt.date(2025, 11, 20)
SIZE = (120, 40)


def on_disk(path: Path) -> Assessment:
    return load(path, default_checklist()).assessment


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until ``condition`` holds (a timer fired, a worker ended…); no fixed
    sleeps, so a loaded machine only makes it slower, never wrong."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never reached the expected state"
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


async def until_saved(pilot: Pilot[None]) -> None:
    """Until every change made so far is in the file (the save runs after the frame)."""
    app = pilot.app
    await until(pilot, lambda: not getattr(app, "_save_queued", False))
    await app.workers.wait_for_complete()
    session = app.session
    await until(pilot, lambda: not session.unsaved)


def notices(app: App[None]) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]
