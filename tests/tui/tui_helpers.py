"""Shared by the TUI tests: a fixed day, the terminal size, reading the file back."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import App
from textual.pilot import Pilot

from assess.models import Assessment
from assess.resources import default_checklist
from assess.storage import encode, load

TODAY = dt.date(2025, 11, 20)
SIZE = (120, 40)


def on_disk(path: Path) -> Assessment:
    return load(path, default_checklist()).assessment


def painted_cells(lines: list[list[Segment]]) -> list[list[tuple[str, Style | None]]]:
    """Each terminal cell's character and style, however the segments are split (a wide
    character fills two cells)."""
    out = []
    for line in lines:
        row: list[tuple[str, Style | None]] = []
        for segment in line:
            for char in segment.text:
                row.extend([(char, segment.style)] * max(cell_len(char), 1))
        out.append(row)
    return out


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10) -> None:
    """Let the app run until ``condition`` holds (a timer fired, a worker ended…); no fixed
    sleeps, so a loaded machine only makes it slower, never wrong."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the app never reached the expected state"
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


async def until_saved(pilot: Pilot[None]) -> None:
    """Until the file holds exactly what the session holds (the save runs after the frame,
    in a thread): compared byte for byte, so a save still on its way is never mistaken for
    one that has landed."""
    app = pilot.app
    session = app.session

    def saved() -> bool:
        if getattr(app, "_save_queued", False) or session.unsaved:
            return False
        return session.path is None or session.path.read_bytes() == encode(
            session.assessment, session.path
        )

    await until(pilot, saved)


def notices(app: App[None]) -> list[str]:
    """The notifications shown so far, oldest first."""
    return [n.message for n in app._notifications]
