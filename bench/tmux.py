"""A private tmux server (own socket, no user config) for real-terminal timings.

There is no event for "the terminal now shows X", so ``wait_for`` polls ``capture-pane``
(each poll is a tmux client round trip of a few ms, plus a 1 ms pause): the figures carry
that resolution, equally for assess and for the bare app.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path

TMUX = shutil.which("tmux")
WIDTH, HEIGHT = 120, 40
POLL_PAUSE = 0.001


def available() -> bool:
    return TMUX is not None


class TmuxServer:
    def __init__(self, folder: Path) -> None:
        assert TMUX is not None
        self.socket = f"bench-{os.getpid()}"
        conf = folder / "tmux.conf"
        conf.write_text(
            "set -g default-terminal tmux-256color\nset -g escape-time 0\nset -g status off\n"
            "set -g history-limit 0\n",
            encoding="utf-8",
        )
        self.base = [TMUX, "-L", self.socket, "-f", str(conf)]
        # a resident session keeps the server up, so each spawn below pays only for itself
        self.tmux("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "cat")

    def tmux(self, *args: str) -> str:
        return subprocess.run(
            [*self.base, *args], check=True, capture_output=True, text=True
        ).stdout

    def spawn(self, name: str, argv: Sequence[str], cwd: Path) -> float:
        """Start ``argv`` in a new 120×40 session; returns the perf_counter time just before."""
        start = time.perf_counter()
        self.tmux(
            "new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT),
            "-c", str(cwd), shlex.join(argv),
        )  # fmt: skip
        return start

    def capture(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name)

    def send(self, name: str, key: str) -> float:
        start = time.perf_counter()
        self.tmux("send-keys", "-t", name, key)
        return start

    def wait_for(
        self, name: str, predicate: Callable[[str], bool], timeout: float = 20.0,
        pause: float = POLL_PAUSE,
    ) -> float:  # fmt: skip
        """Poll the pane until ``predicate(text)``; the perf_counter time of that capture.
        Each capture is a tmux client process: with ``pause`` short, the polling itself keeps
        about one core busy."""
        deadline = time.perf_counter() + timeout
        text = ""
        while time.perf_counter() < deadline:
            text = self.capture(name)
            if predicate(text):
                return time.perf_counter()
            time.sleep(pause)
        raise TimeoutError(f"tmux pane {name} never showed the expected text:\n{text}")

    def wait_stable(self, name: str, quiet: float = 0.15, timeout: float = 20.0) -> str:
        """Wait until the pane has not changed for ``quiet`` seconds (all timers done)."""
        deadline = time.perf_counter() + timeout
        last, since = self.capture(name), time.perf_counter()
        while time.perf_counter() < deadline:
            time.sleep(0.01)
            text = self.capture(name)
            if text != last:
                last, since = text, time.perf_counter()
            elif time.perf_counter() - since >= quiet:
                return text
        raise TimeoutError(f"tmux pane {name} kept changing")

    def pane_pid(self, name: str) -> int:
        return int(self.tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])

    def kill(self, name: str) -> None:
        """Kill the session and wait for its process to be gone (its file lock released)."""
        pid = self.pane_pid(name)
        self.tmux("kill-session", "-t", name)
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.005)

    def close(self) -> None:
        """Stop this private server and remove its socket file."""
        socket = self.tmux("display-message", "-p", "-t", "keep", "#{socket_path}").strip()
        subprocess.run([*self.base, "kill-server"], capture_output=True)
        Path(socket).unlink(missing_ok=True)
