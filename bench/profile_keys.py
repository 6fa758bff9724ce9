"""Where the time of a status key and of j/k goes: cProfile over headless presses.

    .venv/bin/python bench/profile_keys.py [status|move] [--rounds N] [--top N]

Profiles only the presses (the app is started and settled first), with the same event-driven
waits as the bench, and prints the functions with the largest cumulative time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import save
from bench import tui
from bench.bare_app import KEYS
from bench.frames import FrameProbe, shows


async def profile(path: Path, which: str, rounds: int, profiler: cProfile.Profile) -> None:
    from assess.tui.app import open_app

    checklist = default_checklist()
    target = tui.targets(checklist)
    app = open_app(path)
    probe = FrameProbe(app)

    def current() -> str | None:
        return app.checklist_tree.current_item

    async with app.run_test(size=tui.SIZE) as pilot:
        await asyncio.wait_for(probe.expect(shows(target.form(checklist.items[0].id))), 10)
        for item in ("1.2", tui.ITEM):
            await tui._press_headless(app, probe, "j", tui.on_item(current, item))
        await pilot.pause()
        for key, item, _ in tui.presses(rounds):
            if (key in KEYS) != (which == "status"):
                continue
            profiler.enable()
            await tui._press_headless_phases(app, probe, key, item, current, path, target)
            profiler.disable()
            await pilot.pause()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("which", nargs="?", choices=("status", "move"), default="status")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)
    profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.json"
        save(path, build_demo(default_checklist()))
        asyncio.run(profile(path, args.which, args.rounds, profiler))
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(args.top)
    stats.print_stats("assess/", 15)  # the project's own functions
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
