"""SIGKILL while the TUI autosaves: the file always loads and holds a state the app saved.

A child process drives the real app headless with Pilot — status keys, moving, typing into a
text field — while every version the session serializes and every write that completes are
logged. The parent kills it at random moments. After each kill the file must be exactly one
of the serialized versions, no older than the last completed write (or the state before the
round, if nothing was written yet); the ``.bak`` loads; and the file opens again at once
(the OS released the lock, stale temp files are cleared).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from tui_helpers import TODAY

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import backup_path, load, save
from assess.tui.app import open_app

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 14
BUDGET_SECONDS = 50

DRIVER = r"""
import asyncio, hashlib, os, random, sys
from pathlib import Path
from assess.tui.app import open_app
from assess.tui.session import Session

path, log_path, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)

def note(line):
    os.write(log, (line + "\n").encode())  # one write per line: never interleaved

serialize, write = Session.serialize_from, Session.write

def logged_serialize(self, number, snapshot):
    number, data = serialize(self, number, snapshot)
    note(f"S {number} {hashlib.sha256(data).hexdigest()}")
    return number, data

def logged_write(self, number, data):
    done = write(self, number, data)
    if done:
        note(f"W {number}")
    return done

Session.serialize_from, Session.write = logged_serialize, logged_write

async def main():
    rng = random.Random(seed)
    app = open_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        note("ready")
        while True:
            if rng.random() < 0.7:
                await pilot.press(rng.choice("j1230k"), rng.choice("12340"))
            else:
                app.query_one("#" + rng.choice(["note", "gap", "current"])).focus()
                await pilot.press(*rng.choice(["补充说明", "ab", "进度😀"]))
                await pilot.press("escape")  # leaving the field saves it
            await pilot.pause(rng.uniform(0, 0.02))

asyncio.run(main())
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_log(path: Path) -> tuple[dict[int, str], int, bool]:
    """Serialized versions (number → hash), the last completed write, whether it got ready.

    A line cut by the kill has no newline and is ignored.
    """
    serialized: dict[int, str] = {}
    written, ready = 0, False
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    for line in text.splitlines(keepends=True):
        if not line.endswith("\n"):
            break
        kind, *rest = line.split()
        if kind == "ready":
            ready = True
        elif kind == "S":
            serialized[int(rest[0])] = rest[1]
        elif kind == "W":
            written = max(written, int(rest[0]))
    return serialized, written, ready


def wait_ready(log: Path, proc: subprocess.Popen[bytes], timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not read_log(log)[2]:
        assert proc.poll() is None, "the app exited before it was ready"
        assert time.monotonic() < deadline, "the app did not start"
        time.sleep(0.02)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_tui_autosave_leaves_a_saved_state(tmp_path: Path) -> None:
    checklist = default_checklist()
    path = tmp_path / "demo.json"
    demo = build_demo(checklist, TODAY)
    save(path, demo)
    save(path, demo)  # a .bak from the start, so every round can check it
    rng = random.Random(6)
    started = time.monotonic()
    saves_seen = 0
    for round_number in range(ROUNDS):
        if round_number > 2 and time.monotonic() - started > BUDGET_SECONDS:
            break
        before = digest(path)
        log = tmp_path / f"round-{round_number}.log"
        proc = subprocess.Popen(
            [sys.executable, "-c", DRIVER, str(path), str(log), str(rng.randrange(10**6))],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_ready(log, proc)
            time.sleep(rng.uniform(0.1, 1.2))
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        finally:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            if proc.stderr:
                proc.stderr.close()
        serialized, written, _ = read_log(log)
        saves_seen += written
        on_disk = digest(path)
        allowed = {h for n, h in serialized.items() if n >= written}
        if written == 0:
            allowed.add(before)
        assert on_disk in allowed, f"round {round_number}: neither a saved state nor newer"
        assert load(path, checklist).assessment.zone.name
        load(backup_path(path), checklist)
        app = open_app(path, today=TODAY)  # no stale lock: the OS released it with the process
        app.session.close()
        assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert saves_seen > 0, "the app never finished a save: the kills proved nothing"
