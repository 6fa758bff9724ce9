"""Event hooks for the headless benches: "a frame was painted" and "the file on disk changed".

``FrameProbe`` wraps the app's ``_display`` (the one place where Textual hands a finished
compositor update to the driver). The headless driver skips turning the update into terminal
bytes, so the probe does that step itself: each frame costs what it would cost on a real
terminal, and its text (escape sequences stripped) can be searched for the expected change.
A waiter resolves at the first frame whose text (or the app's state, for a cursor move that
changes no character) satisfies its predicate.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen

ANSI = re.compile(r"\x1b(?:\[[0-9;:?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")

FramePredicate = Callable[[str], bool]


def plain(terminal_text: str) -> str:
    return ANSI.sub("", terminal_text)


class FrameProbe:
    """Timestamps every frame ``app`` paints; ``expect`` waits for a frame showing something."""

    def __init__(self, app: App[Any]) -> None:
        self.app = app
        self.frames = 0
        self._waiters: list[tuple[FramePredicate, asyncio.Future[float]]] = []
        original = app._display

        def display(screen: Screen[Any], renderable: Any) -> None:
            original(screen, renderable)
            if renderable is None or app._batch_count:
                return
            text = ""
            if app.is_headless:  # what the real driver path would have done
                if hasattr(renderable, "render_segments"):
                    text = renderable.render_segments(app.console)
                else:
                    text = app.console._render_buffer(app.console.render(renderable))
            now = time.perf_counter()
            self.frames += 1
            if self._waiters:
                self._resolve(plain(text), now)

        app._display = display  # type: ignore[method-assign]

    def _resolve(self, text: str, now: float) -> None:
        pending = []
        for predicate, future in self._waiters:
            if future.done():
                continue
            if predicate(text):
                future.set_result(now)
            else:
                pending.append((predicate, future))
        self._waiters = pending

    def expect(self, predicate: FramePredicate) -> asyncio.Future[float]:
        """A future resolved with the time of the first later frame that satisfies ``predicate``."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiters.append((predicate, future))
        return future


def shows(*fragments: str) -> FramePredicate:
    """Predicate: the frame's text contains every fragment."""
    return lambda text: all(f in text for f in fragments)


class FileWatch:
    """Polls ``path`` (stat every 0.5 ms, read only when it changed) in a thread until
    ``check(json)`` holds; ``wait()`` gives the perf_counter time it was first seen."""

    def __init__(self, path: Path, check: Callable[[Any], bool], timeout: float = 10.0) -> None:
        self.path, self.check, self.timeout = path, check, timeout
        self.seen: float | None = None
        self._last = self._signature()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_ino, st.st_mtime_ns, st.st_size

    def _run(self) -> None:
        deadline = time.perf_counter() + self.timeout
        while time.perf_counter() < deadline:
            signature = self._signature()
            if signature != self._last:
                self._last = signature
                now = time.perf_counter()
                try:
                    data = json.loads(self.path.read_bytes())
                except (OSError, ValueError):
                    data = None
                if data is not None and self.check(data):
                    self.seen = now
                    return
            time.sleep(0.0005)

    def wait(self) -> float:
        self._thread.join()
        if self.seen is None:
            raise TimeoutError(f"{self.path} never showed the change")
        return self.seen

    async def wait_async(self) -> float:
        return await asyncio.to_thread(self.wait)


def status_is(item_id: str, status: str) -> Callable[[Any], bool]:
    return lambda data: data["items"][item_id]["status"] == status
