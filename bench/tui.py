"""TUI benches: keystroke → frame painted / → file saved, and start-up, headless and in tmux.

Subject: ``assess open`` on a copy of the demo. Baseline: ``bare_app.BareApp`` (Header + the same
78-leaf tree + Footer) doing the equivalent change. Both run in the same process (headless, one
after the other) or side by side in the same tmux server (real terminal, their presses
alternating; start-ups alternate too), so they see the same machine load.

Keys: ``1`` ``2`` ``3`` ``4`` ``0`` on item 1.3 (each press changes its status: the expected
glyph is absent before the press), and ``j``/``k`` between items 1.3 and 1.4. Phases:

* ``frame``: the first painted frame showing ``<glyph> 1.3`` (status keys);
* ``cursor``: the first frame painted with the tree cursor on the new item (headless only: a
  cursor move changes colours, not characters, so tmux's plain capture cannot see it); assess
  paints the refilled form in that same frame;
* ``form``: the first frame showing ``<id>  <title>`` — assess's item form refilled, the
  bare app's header showing the item;
* ``saved``: the file on disk holding the new status (polled by a thread, 0.5 ms).

One warm-up round per app is run first and not counted.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from assess.checklist import Checklist
from assess.models import Assessment
from assess.tui.app import FOLLOW_DELAY_SECONDS, AssessApp
from bench import tmux
from bench.bare_app import GLYPHS, KEYS, BareApp
from bench.bare_form import FIELDS, BareFormApp
from bench.frames import FileWatch, FrameProbe, shows, status_is

SIZE = (tmux.WIDTH, tmux.HEIGHT)
ITEM, NEXT = "1.3", "1.4"
STATUS_ORDER = ["1", "2", "3", "4", "0"]
BARE_SCRIPT = Path(__file__).with_name("bare_app.py")
Samples = dict[tuple[str, str], list[float]]  # (key, phase) → seconds


def layout(checklist: Checklist, assessment: Assessment) -> list[dict[str, Any]]:
    """The bare app's tree: the checklist's labels and the demo's statuses."""
    return [
        {
            "label": f"{area.numeral}、{area.title}",
            "measures": [
                {
                    "label": f"{m.numeral}{m.title}",
                    "items": [
                        [i.id, i.title, assessment.record(i.id).status.value] for i in m.items
                    ],
                }
                for m in area.measures
            ],
        }
        for area in checklist.areas
    ]


def forms(checklist: Checklist, assessment: Assessment) -> dict[str, dict[str, Any]]:
    """``bare_form.BareFormApp``'s content: each item's texts and rows, as assess shows them."""
    register = assessment.evidence_by_id()
    out: dict[str, dict[str, Any]] = {}
    for item in checklist.items:
        record = assessment.record(item.id)
        evidence = [register[e] for e in record.evidence]
        out[item.id] = {
            "head": f"{item.id}  {item.title}\n类型：{item.kind.value}    适用性：适用",
            "source": f"政策原文\n{item.source}",
            "guidance": f"评估要点：{item.guidance}\n参考佐证：{'；'.join(item.evidence)}",
            "status": record.status.value,
            "texts": {f: getattr(record, f) for f in FIELDS},
            "evidence": [[e.id, e.title, e.ref, str(e.date or ""), item.id] for e in evidence],
            "actions": [
                [a.id, a.text, a.lead, str(a.due or ""), a.priority.value] for a in record.actions
            ],
        }
    return out


@dataclass
class Target:
    """What to look for: the tree line of an item, and its title in the form / header."""

    titles: dict[str, str]

    def tree_line(self, item_id: str, status: str | None = None) -> str:
        prefix = f"{GLYPHS[status][0]} " if status else ""
        return f"{prefix}{item_id} {self.titles[item_id][:4]}"

    def form(self, item_id: str) -> str:
        return f"{item_id}  {self.titles[item_id][:4]}"


def presses(rounds: int) -> list[tuple[str, str, bool]]:
    """(key, item it lands on, warm-up?): a warm-up round and ``rounds`` rounds of the status
    keys, then the same of j/k."""
    status = [(k, ITEM, r == 0) for r in range(rounds + 1) for k in STATUS_ORDER]
    moves = [(k, i, r == 0) for r in range(rounds + 1) for k, i in (("j", NEXT), ("k", ITEM))]
    return status + moves


# ── headless ──────────────────────────────────────────────────────────────────


async def _drive_headless(
    app: App[Any],
    cursor_item: Callable[[], str | None],
    path: Path,
    target: Target,
    rounds: int,
    moves_only: bool = False,
) -> Samples:
    probe = FrameProbe(app)
    samples: Samples = defaultdict(list)
    async with app.run_test(size=SIZE) as pilot:
        first = next(iter(target.titles))
        ready = probe.expect(lambda _: cursor_item() == first)
        await asyncio.wait_for(ready, 10)
        await pilot.pause()
        for key, item in [("j", "1.2"), ("j", ITEM)]:
            await _press_headless(app, probe, key, on_item(cursor_item, item))
        await asyncio.sleep(0)  # let the follow timer of assess start
        await pilot.pause()
        pressed = 0.0
        for key, item, warm in presses(rounds):
            if moves_only and key in KEYS:
                continue
            if key not in KEYS:  # a move from rest: a user's next key, not a held one
                await asyncio.sleep(max(0.0, pressed + FOLLOW_DELAY_SECONDS - time.perf_counter()))
            pressed = time.perf_counter()
            phases = await _press_headless_phases(app, probe, key, item, cursor_item, path, target)
            if not warm:
                for phase, seconds in phases.items():
                    samples[(key, phase)].append(seconds)
            await pilot.pause()
    return samples


def on_item(cursor_item: Callable[[], str | None], item: str) -> Callable[[str], bool]:
    """A frame predicate: the tree's cursor is on ``item`` (whatever the frame shows)."""
    return lambda _: cursor_item() == item


async def _press_headless(
    app: App[Any], probe: FrameProbe, key: str, predicate: Callable[[str], bool]
) -> float:
    painted = probe.expect(predicate)
    start = time.perf_counter()
    assert app._driver is not None
    app._driver.send_message(events.Key(key, key))
    return await asyncio.wait_for(painted, 10) - start


async def _press_headless_phases(
    app: App[Any],
    probe: FrameProbe,
    key: str,
    item: str,
    cursor_item: Callable[[], str | None],
    path: Path,
    target: Target,
) -> dict[str, float]:
    start = time.perf_counter()
    if key in KEYS:
        status = KEYS[key]
        watch = FileWatch(path, status_is(item, status))
        frame = probe.expect(shows(target.tree_line(item, status)))
        assert app._driver is not None
        app._driver.send_message(events.Key(key, key))
        painted = await asyncio.wait_for(frame, 10)
        saved = await watch.wait_async()
        return {"frame": painted - start, "saved": saved - start}
    cursor = probe.expect(lambda _: cursor_item() == item)
    form = probe.expect(shows(target.form(item)))
    assert app._driver is not None
    app._driver.send_message(events.Key(key, key))
    moved = await asyncio.wait_for(cursor, 10)
    filled = await asyncio.wait_for(form, 10)
    return {"cursor": moved - start, "form": filled - start}


def keys_headless(folder: Path, demo: Path, lay: list[dict[str, Any]], target: Target,
                  rounds: int, today: dt.date,
                  form: dict[str, dict[str, Any]]) -> tuple[Samples, Samples, Samples]:  # fmt: skip
    """Each app in turn, in ``HEADLESS_TURNS`` turns of its share of the rounds: a machine
    that slows down for a while slows all, not whichever ran then. The third samples are
    ``bare_form.BareFormApp``'s j/k (it saves nothing, so it takes no status keys)."""
    from assess.tui.app import open_app

    mine, bare = folder / "headless-assess.json", folder / "headless-bare.json"
    shutil.copy(demo, mine)
    shutil.copy(demo, bare)
    subject: Samples = defaultdict(list)
    baseline: Samples = defaultdict(list)
    stock: Samples = defaultdict(list)
    for turn in range(HEADLESS_TURNS):
        share = rounds // HEADLESS_TURNS + (turn < rounds % HEADLESS_TURNS)
        app = open_app(mine, today=today)
        try:

            def cursor(app: AssessApp = app) -> str | None:
                return app.checklist_tree.current_item

            run = _drive_headless(app, cursor, mine, target, share)
            _extend(subject, asyncio.run(run))
        finally:
            app.session.close()
        for bare_app, into in ((BareApp(lay, bare), baseline), (BareFormApp(lay, form), stock)):

            def bare_cursor(bare_app: BareApp = bare_app) -> str | None:
                node = bare_app.query_one("Tree").cursor_node  # type: ignore[attr-defined]
                return None if node is None or node.data is None else node.data[0]

            moves_only = isinstance(bare_app, BareFormApp)
            run = _drive_headless(bare_app, bare_cursor, bare, target, share, moves_only)
            _extend(into, asyncio.run(run))
    return subject, baseline, stock


def _extend(samples: Samples, more: Samples) -> None:
    for key, values in more.items():
        samples[key].extend(values)


async def _startup_headless(
    make: Callable[[], App[Any]], tree: str, form: str | None
) -> dict[str, float]:
    start = time.perf_counter()
    app = make()
    probe = FrameProbe(app)
    tree_seen = probe.expect(shows(tree))
    form_seen = probe.expect(shows(form)) if form else None
    async with app.run_test(size=SIZE):
        result = {"tree": await asyncio.wait_for(tree_seen, 20) - start}
        if form_seen is not None:
            result["form"] = await asyncio.wait_for(form_seen, 20) - start
    return result


def startup_headless(demo: Path, lay: list[dict[str, Any]], target: Target,
                     repeat: int, today: dt.date) -> tuple[Samples, Samples]:  # fmt: skip
    """Warm process (imports done): constructing the app (assess: lock + load) → frames."""
    from assess.tui.app import open_app

    first = next(iter(target.titles))
    subject: Samples = defaultdict(list)
    baseline: Samples = defaultdict(list)
    for n in range(repeat + 1):
        mine = asyncio.run(_startup_headless(
            lambda: open_app(demo, today=today), target.tree_line(first), target.form(first)))  # fmt: skip
        theirs = asyncio.run(_startup_headless(lambda: BareApp(lay), target.tree_line(first), None))
        if n:  # the first round warms imports and caches
            for phase, seconds in mine.items():
                subject[("start", phase)].append(seconds)
            baseline[("start", "tree")].append(theirs["tree"])
    return subject, baseline


# ── tmux ──────────────────────────────────────────────────────────────────────


def precompile() -> None:
    """Byte-compile assess as pip does when it installs the wheel: a cold start then reads
    ``.pyc`` files as it would for a user, even where PYTHONDONTWRITEBYTECODE is set (here it
    is, and compiling ~60 modules from source at every start added ~0.2 s to assess alone)."""
    import compileall

    import assess

    compileall.compile_dir(Path(assess.__file__).parent, quiet=1)


def assess_command() -> list[str]:
    script = Path(sys.executable).with_name("assess")
    return [str(script)] if script.exists() else [sys.executable, "-m", "assess"]


def _settle(server: tmux.TmuxServer, name: str) -> None:
    """Until two captures in a row are equal (cheap; there is no idle event to wait on)."""
    last = server.capture(name)
    while (text := server.capture(name)) != last:
        last = text


def _drive_tmux(server: tmux.TmuxServer, name: str, path: Path, target: Target,
                rounds: int, samples: Samples) -> Iterator[None]:  # fmt: skip
    """Press the keys in ``name``, filling ``samples``; pauses (yields) after each press, so
    the caller can alternate two apps press by press and both see the same machine load."""
    first = next(iter(target.titles))
    server.wait_for(name, lambda text: target.tree_line(first) in text)
    server.wait_stable(name)
    for item in ("1.2", ITEM):
        server.send(name, "j")
        server.wait_for(name, shows(target.form(item)))
    server.wait_stable(name)
    pressed = 0.0
    for key, item, warm in presses(rounds):
        if key in KEYS:
            status = KEYS[key]
            expected = target.tree_line(item, status)
            assert expected not in server.capture(name), expected
            watch = FileWatch(path, status_is(item, status))
            start = server.send(name, key)
            phases = {"frame": server.wait_for(name, shows(expected)) - start}
            phases["saved"] = watch.wait() - start
        else:
            expected = target.form(item)
            time.sleep(max(0.0, pressed + FOLLOW_DELAY_SECONDS - time.perf_counter()))  # at rest
            start = pressed = server.send(name, key)
            phases = {"form": server.wait_for(name, shows(expected)) - start}
        _settle(server, name)
        if not warm:
            for phase, seconds in phases.items():
                samples[(key, phase)].append(seconds)
        yield


def keys_tmux(server: tmux.TmuxServer, folder: Path, demo: Path, layout_path: Path,
              target: Target, rounds: int) -> tuple[Samples, Samples]:  # fmt: skip
    """Both apps run side by side in their own sessions; their presses alternate."""
    mine, bare = folder / "tmux-assess.json", folder / "tmux-bare.json"
    shutil.copy(demo, mine)
    shutil.copy(demo, bare)
    subject: Samples = defaultdict(list)
    baseline: Samples = defaultdict(list)
    server.spawn("keys-assess", [*assess_command(), "open", str(mine)], folder)
    server.spawn(
        "keys-bare", [sys.executable, str(BARE_SCRIPT), str(layout_path), str(bare)], folder
    )
    try:
        drives = (_drive_tmux(server, "keys-assess", mine, target, rounds, subject),
                  _drive_tmux(server, "keys-bare", bare, target, rounds, baseline))  # fmt: skip
        for _ in itertools.zip_longest(*drives):
            pass
    finally:
        server.kill("keys-assess")
        server.kill("keys-bare")
    return subject, baseline


HEADLESS_TURNS = 2  # turns per app in the headless key runs, alternating

# Start-up is timed to within this pause: a shorter one kept one of the two cores busy with
# captures (each a tmux client process), which the bare app, starting on one core, does not
# feel, and assess, whose start uses both (``assess.tui.launch``), does. 10 ms in ~300.
START_POLL_PAUSE = 0.01


def startup_tmux(server: tmux.TmuxServer, folder: Path, demo: Path, layout_path: Path,
                 target: Target, repeat: int) -> tuple[Samples, Samples]:  # fmt: skip
    """Cold process: spawn in a new tmux session → the pane shows the tree / the first item."""
    precompile()
    first = next(iter(target.titles))
    tree, form = target.tree_line(first), target.form(first)
    subject: Samples = defaultdict(list)
    baseline: Samples = defaultdict(list)
    for n in range(repeat):
        copy = folder / f"start-{n}.json"
        shutil.copy(demo, copy)
        start = server.spawn(f"start-a{n}", [*assess_command(), "open", str(copy)], folder)
        subject[("start", "tree")].append(
            server.wait_for(f"start-a{n}", lambda t: tree in t, pause=START_POLL_PAUSE) - start
        )
        subject[("start", "form")].append(
            server.wait_for(f"start-a{n}", lambda t: form in t, pause=START_POLL_PAUSE) - start
        )
        server.kill(f"start-a{n}")
        start = server.spawn(
            f"start-b{n}", [sys.executable, str(BARE_SCRIPT), str(layout_path)], folder
        )
        baseline[("start", "tree")].append(
            server.wait_for(f"start-b{n}", lambda t: tree in t, pause=START_POLL_PAUSE) - start
        )
        server.kill(f"start-b{n}")
    return subject, baseline


def targets(checklist: Checklist) -> Target:
    return Target({i.id: i.title for i in checklist.items})


def write_layout(
    folder: Path, checklist: Checklist, demo: Assessment
) -> tuple[list[dict[str, Any]], Path]:
    lay = layout(checklist, demo)
    path = folder / "layout.json"
    path.write_text(json.dumps(lay, ensure_ascii=False), encoding="utf-8")
    return lay, path
