"""Issue 11.1: two processes hammering the writer lock never hold it at the same time."""

from __future__ import annotations

import multiprocessing as mp
import time
from pathlib import Path
from typing import Any

from assess.errors import LockedError
from assess.filelock import FileLock, lock_path

RACE_SECONDS = 2.5


def _hammer(path: str, holders: Any, doubles: Any, held: Any, start: Any, seconds: float) -> None:
    lock = FileLock(Path(path))
    start.wait()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            lock.acquire()
        except LockedError:
            continue
        with holders.get_lock():
            holders.value += 1
            if holders.value > 1:
                doubles.value += 1
        with held.get_lock():
            held.value += 1
        with holders.get_lock():
            holders.value -= 1
        lock.release()


def test_two_processes_racing_the_lock_never_both_hold_it(tmp_path: Path) -> None:
    ctx = mp.get_context("spawn")
    holders, doubles, held = ctx.Value("i", 0), ctx.Value("i", 0), ctx.Value("i", 0)
    start = ctx.Event()
    target = str(tmp_path / "评估.json")
    workers = [
        ctx.Process(target=_hammer, args=(target, holders, doubles, held, start, RACE_SECONDS))
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert held.value > 100  # the race really ran: the lock changed hands many times
    assert doubles.value == 0
    assert not lock_path(Path(target)).exists()  # and the folder is left clean
