"""Benchmarks: each figure is a ratio against a bare baseline measured in the same run.

These machines are noisy, so absolute times are printed only as context; the ratio is the
figure to watch. Run from the repo with the project's venv:

    .venv/bin/python bench/run.py            # all scenarios
    .venv/bin/python bench/run.py export     # one scenario

Peak memory is the largest Python allocation (tracemalloc) during one run of each side (for the
keystroke scenario: the whole headless session with its 40 key presses).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import io
import json
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.editing import Editor
from assess.lifecycle import new_assessment
from assess.models import Assessment, Status, ZoneProfile
from assess.regions import PROVINCES
from assess.resources import default_checklist
from assess.storage import dumps, save

TODAY = dt.date(2026, 11, 23)
REPEAT = 5


@dataclass
class Result:
    name: str
    subject: list[float]
    baseline: list[float]
    subject_peak: int
    baseline_peak: int

    def row(self) -> str:
        s, b = statistics.median(self.subject), statistics.median(self.baseline)
        return (
            f"| {self.name} | {s * 1000:.1f} ms | {b * 1000:.1f} ms | **{s / b:.1f}×** "
            f"| {mib(self.subject_peak)} | {mib(self.baseline_peak)} |"
        )


def mib(value: int) -> str:
    return f"{value / 2**20:.1f} MiB"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int = REPEAT) -> list[float]:
    times = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def peak(fn: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def measure(name: str, subject: Callable[[], object], baseline: Callable[[], object]) -> Result:
    subject()  # warm imports and caches on both sides
    baseline()
    return Result(name, timed(subject), timed(baseline), peak(subject), peak(baseline))


# ── scenarios ─────────────────────────────────────────────────────────────────


def demo_file(folder: Path, checklist: Checklist) -> Path:
    path = folder / "demo.json"
    save(path, build_demo(checklist, TODAY))
    return path


def bench_startup(folder: Path, checklist: Checklist) -> list[Result]:
    """TUI ready with the demo loaded and the tree populated vs a bare app with an empty Tree."""
    from textual.app import App, ComposeResult
    from textual.widgets import Tree

    from assess.tui.app import open_app

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Tree("root")

    path = demo_file(folder, checklist)

    async def ready(app: App[None]) -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()

    def subject() -> None:
        app = open_app(path, today=TODAY)
        asyncio.run(ready(app))

    return [measure("TUI ready (demo, tree populated) vs bare Tree app", subject,
                    lambda: asyncio.run(ready(Bare())))]  # fmt: skip


def bench_keystroke(folder: Path, checklist: Checklist) -> list[Result]:
    """Status key → glyph, measure score and header updated and the file saved, per keystroke."""
    from textual.app import App, ComposeResult
    from textual.binding import BindingType
    from textual.widgets import Label, Tree

    from assess.tui.app import open_app
    from assess.tui.tree import ChecklistTree

    path = demo_file(folder, checklist)
    presses = 40

    async def drive(app: App[None], select_item: bool) -> list[float]:
        times = []
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            if select_item:
                tree = app.query_one(ChecklistTree)
                tree.move_cursor(tree.item_nodes["1.3"])
                await pilot.pause()
            for n in range(presses):
                start = time.perf_counter()
                await pilot.press("1" if n % 2 else "2")
                await pilot.pause()
                times.append(time.perf_counter() - start)
        return times

    class Bare(App[None]):
        BINDINGS: ClassVar[list[BindingType]] = [("1", "bump", "1"), ("2", "bump", "2")]

        def compose(self) -> ComposeResult:
            yield Tree("root")
            yield Label("0", id="count")

        def action_bump(self) -> None:
            label = self.query_one("#count", Label)
            label.update(str(int(str(label.render())) + 1))

    subject = asyncio.run(drive(open_app(path, today=TODAY), True))
    baseline = asyncio.run(drive(Bare(), False))
    saved = json.loads(path.read_text(encoding="utf-8"))["items"]["1.3"]["status"]
    assert saved in (Status.DONE.value, Status.IN_PROGRESS.value), saved
    p95 = percentile(subject, 95) / percentile(baseline, 95)
    name = (
        f"status key → glyph + score + save, per key (p50; p95 "
        f"{percentile(subject, 95) * 1000:.0f} vs {percentile(baseline, 95) * 1000:.0f} ms, {p95:.1f}×)"
    )
    subject_peak = peak(lambda: asyncio.run(drive(open_app(path, today=TODAY), True)))
    baseline_peak = peak(lambda: asyncio.run(drive(Bare(), False)))
    return [Result(name, subject, baseline, subject_peak, baseline_peak)]


def unstyled_copy(path: Path) -> Callable[[], object]:
    """Baseline: openpyxl writing the same sheets and cell values with no styles or charts."""
    from openpyxl import Workbook, load_workbook

    sheets = [
        (ws.title, [list(row) for row in ws.iter_rows(values_only=True)])
        for ws in load_workbook(path, read_only=True).worksheets
    ]

    def write() -> None:
        wb = Workbook()
        wb.remove(wb.worksheets[0])
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(row)
        wb.save(io.BytesIO())

    return write


def bench_export(folder: Path, checklist: Checklist) -> list[Result]:
    """The styled gap-analysis workbook vs openpyxl writing the same cells with no styles."""
    from assess.excel.report import export_report

    demo = build_demo(checklist, TODAY)
    target = folder / "report.xlsx"
    export_report(checklist, demo, target, today=TODAY)
    return [measure("export demo workbook vs same cells unstyled",
                    lambda: export_report(checklist, demo, target, today=TODAY),
                    unstyled_copy(target))]  # fmt: skip


def zone_set(folder: Path, checklist: Checklist, count: int = 232) -> list[Path]:
    rng = random.Random(232)
    statuses = list(Status)
    paths = []
    for n in range(count):
        province = PROVINCES[n % len(PROVINCES)]
        zone = ZoneProfile(name=f"第{n + 1}经开区", province=province, border=rng.random() < 0.1)
        a = new_assessment(checklist, zone, "2026年下半年")
        for record in a.items.values():
            record.status = rng.choice(statuses)
            record.explanation = "说明" * rng.randrange(0, 30)
        path = folder / f"zone-{n:03d}.json"
        save(path, a)
        paths.append(path)
    return paths


def bench_compare(folder: Path, checklist: Checklist) -> list[Result]:
    """compare() of two periods vs a plain dict diff of the same two files."""
    from assess.compare import compare

    a = build_demo(checklist, TODAY)
    b = a.model_copy(deep=True)
    ed = Editor(b, who="bench")
    for i, item in enumerate(checklist.items):
        if i % 3 == 0:
            ed.set_status(item.id, Status.DONE)
            ed.set_text(item.id, "explanation", f"成效 {i}")
    raw_a, raw_b = json.loads(dumps(a)), json.loads(dumps(b))

    def baseline() -> None:
        _ = {k for k in raw_a["items"] if raw_a["items"][k] != raw_b["items"].get(k)}

    return [
        measure("compare two assessments vs dict diff", lambda: compare(checklist, a, b), baseline)
    ]


def bench_rollup(folder: Path, checklist: Checklist) -> list[Result]:
    """Roll-up of 232 generated zones (load + score) vs json.loads of the same files."""
    from assess.rollup import build_rollup

    paths = zone_set(folder, checklist)

    def baseline() -> None:
        for p in paths:
            json.loads(p.read_text(encoding="utf-8"))

    results = [measure("roll-up of 232 zones vs json.loads of them",
                       lambda: build_rollup(checklist, paths, today=TODAY), baseline)]  # fmt: skip
    from assess.excel.compare_book import workbook_bytes
    from assess.excel.rollup_book import build_rollup_workbook

    rollup = build_rollup(checklist, paths, today=TODAY)
    book = folder / "rollup.xlsx"
    book.write_bytes(workbook_bytes(build_rollup_workbook(rollup)))
    results.append(measure("roll-up workbook (232 zones) vs same cells unstyled",
                           lambda: workbook_bytes(build_rollup_workbook(rollup)),
                           unstyled_copy(book)))  # fmt: skip
    return results


def bench_load_save(folder: Path, checklist: Checklist) -> list[Result]:
    """Load + validate the demo vs json.loads; atomic save (fsync, .bak) vs a plain write."""
    from assess.storage import load

    path = demo_file(folder, checklist)
    text = path.read_text(encoding="utf-8")
    demo: Assessment = load(path, checklist).assessment
    plain = folder / "plain.json"
    return [
        measure("load + validate demo vs json.loads", lambda: load(path, checklist),
                lambda: json.loads(text)),
        measure("atomic save (fsync, .bak) vs plain write", lambda: save(path, demo),
                lambda: plain.write_text(dumps(demo), encoding="utf-8")),
    ]  # fmt: skip


SCENARIOS: dict[str, Callable[[Path, Checklist], list[Result]]] = {
    "startup": bench_startup,
    "keystroke": bench_keystroke,
    "export": bench_export,
    "compare": bench_compare,
    "rollup": bench_rollup,
    "storage": bench_load_save,
}


def main(argv: list[str]) -> int:
    names = argv or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
        return 2
    checklist = default_checklist()
    print("| scenario | assess | bare baseline | ratio | peak mem | baseline peak mem |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            for result in SCENARIOS[name](Path(tmp), checklist):
                print(result.row(), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
