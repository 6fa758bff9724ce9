"""Benchmarks: each figure is set against a bare baseline measured in the same run.

These machines are noisy, so absolute times are context; the ratio is the figure to watch.
Run from the repo with the project's venv:

    .venv/bin/python bench/run.py                  # all scenarios
    .venv/bin/python bench/run.py keystroke        # one or more: startup keystroke export …
    .venv/bin/python bench/run.py --quick --no-tmux storage   # few repetitions, headless only

Each scenario's docstring says what its baseline is; ``METHOD`` (printed under the table)
says how each figure is measured. Peak memory is the largest Python allocation (tracemalloc)
during one run of each side, where it is measured.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` and ``assess`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.editing import Editor
from assess.lifecycle import new_assessment
from assess.models import Assessment, Status, ZoneProfile
from assess.regions import PROVINCES
from assess.resources import default_checklist
from assess.storage import dumps, save
from bench import tmux, tui
from bench.bare_app import BareApp, write_atomic

TODAY = dt.date(2026, 11, 23)


@dataclass
class Config:
    repeat: int = 5  # timed runs of each in-process scenario
    rounds: int = 20  # rounds of the 5 status keys and of j/k, per app and method
    starts: int = 12  # start-ups per app and method (a cold start varies by ±20%)
    use_tmux: bool = True


@dataclass
class Result:
    name: str
    subject: list[float]
    baseline: list[float]
    subject_peak: int | None = None
    baseline_peak: int | None = None
    show_p95: bool = False

    def row(self) -> str:
        s, b = statistics.median(self.subject), statistics.median(self.baseline)
        p95 = "–"
        p95_ratio = "–"
        if self.show_p95:
            s95, b95 = percentile(self.subject, 95), percentile(self.baseline, 95)
            p95 = f"{ms(s95)} vs {ms(b95)}"
            p95_ratio = f"{s95 / b95:.1f}×"
        return (
            f"| {self.name} | {ms(s)} | {ms(b)} | **{s / b:.1f}×** | {p95} | {p95_ratio} "
            f"| {mib(self.subject_peak)} | {mib(self.baseline_peak)} |"
        )


HEADER = (
    "| scenario | assess (p50) | bare baseline (p50) | ratio | p95 assess vs bare | p95 ratio "
    "| peak mem | baseline peak mem |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def mib(value: int | None) -> str:
    return "–" if value is None else f"{value / 2**20:.1f} MiB"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
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


def measure(name: str, subject: Callable[[], object], baseline: Callable[[], object],
            cfg: Config) -> Result:  # fmt: skip
    subject()  # warm imports and caches on both sides
    baseline()
    subject_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(cfg.repeat):  # alternating: a burst of load on the machine hits both sides
        subject_times += timed(subject, 1)
        baseline_times += timed(baseline, 1)
    return Result(name, subject_times, baseline_times, peak(subject), peak(baseline))


# ── TUI scenarios ─────────────────────────────────────────────────────────────

PER_KEY: list[str] = []  # rows of the per-key table, filled by bench_keystroke


def demo_file(folder: Path, checklist: Checklist) -> Path:
    path = folder / "demo.json"
    save(path, build_demo(checklist, TODAY))
    return path


def pooled(samples: tui.Samples, keys: Iterable[str], phase: str) -> list[float]:
    return [s for key in keys for s in samples.get((key, phase), [])]


def per_key_rows(method: str, subject: tui.Samples, baseline: tui.Samples) -> None:
    for key, phase in subject:
        s, b = subject[(key, phase)], baseline.get((key, phase))
        if not b:
            continue
        s50, s95, b50, b95 = (statistics.median(s), percentile(s, 95),
                              statistics.median(b), percentile(b, 95))  # fmt: skip
        PER_KEY.append(
            f"| {method} | `{key}` | {phase} | {ms(s50)} | {ms(s95)} | {ms(b50)} | {ms(b95)} "
            f"| {s50 / b50:.1f}× | {s95 / b95:.1f}× |"
        )


def key_results(method: str, subject: tui.Samples, baseline: tui.Samples) -> list[Result]:
    status, moves = tui.STATUS_ORDER, ("j", "k")
    rows = [
        ("status key (1 2 3 4 0) → frame showing the glyph", status, "frame"),
        ("status key → file on disk holds the status", status, "saved"),
        ("j/k → frame with the tree cursor moved", moves, "cursor"),
        ("j/k → frame with the item form refilled (bare: header)", moves, "form"),
    ]
    results = []
    for name, keys, phase in rows:
        s, b = pooled(subject, keys, phase), pooled(baseline, keys, phase)
        if s and b:
            results.append(Result(f"{method}: {name}", s, b, show_p95=True))
    per_key_rows(method, subject, baseline)
    return results


def bench_keystroke(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """Keystroke → frame painted / → file saved, assess vs ``bench/bare_app.py`` (Header + the
    same 78-leaf tree + Footer) relabelling the leaf, changing the header text and writing the
    same JSON atomically (see ``bench/tui.py`` for keys and phases); j/k also against
    ``bench/bare_form.py``, the bare app refilling a form of stock Textual widgets."""
    demo = build_demo(checklist, TODAY)
    path = demo_file(folder, checklist)
    lay, layout_path = tui.write_layout(folder, checklist, demo)
    target = tui.targets(checklist)
    subject, baseline, stock = tui.keys_headless(
        folder, path, lay, target, cfg.rounds, TODAY, tui.forms(checklist, demo)
    )
    results = key_results("headless", subject, baseline)
    moves = pooled(subject, ("j", "k"), "form"), pooled(stock, ("j", "k"), "form")
    results.append(Result("headless: j/k → form refilled (baseline: the same form of stock "
                          "Textual widgets refilled)", *moves, show_p95=True))  # fmt: skip
    if cfg.use_tmux and tmux.available():
        server = tmux.TmuxServer(folder)
        try:
            samples = tui.keys_tmux(server, folder, path, layout_path, target, cfg.rounds)
        finally:
            server.close()
        results += key_results("tmux", *samples)
    return results


def bench_startup(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """Start-up → tree painted / → item form filled, assess vs the bare app's tree painted.

    Headless: in a warm process (imports done), from constructing the app (assess: lock + load
    the demo) to the frame. tmux: a cold process, from spawning it in a new 120×40 session to
    the pane showing the first item's tree line / its title in the form."""
    from assess.tui.app import open_app

    demo = build_demo(checklist, TODAY)
    path = demo_file(folder, checklist)
    lay, layout_path = tui.write_layout(folder, checklist, demo)
    target = tui.targets(checklist)
    subject, baseline = tui.startup_headless(path, lay, target, cfg.starts, TODAY)
    first = checklist.items[0].id

    async def until_form() -> None:
        await tui._startup_headless(lambda: open_app(path, today=TODAY),
                                    target.tree_line(first), target.form(first))  # fmt: skip

    async def until_tree() -> None:
        await tui._startup_headless(lambda: BareApp(lay), target.tree_line(first), None)

    bare_tree = baseline[("start", "tree")]
    results = [
        Result("headless start-up → tree painted", subject[("start", "tree")], bare_tree,
               show_p95=True),
        Result("headless start-up → item form filled (vs bare tree painted)",
               subject[("start", "form")], bare_tree,
               peak(lambda: asyncio.run(until_form())), peak(lambda: asyncio.run(until_tree())),
               show_p95=True),
    ]  # fmt: skip
    if cfg.use_tmux and tmux.available():
        server = tmux.TmuxServer(folder)
        try:
            subject, baseline = tui.startup_tmux(
                server, folder, path, layout_path, target, cfg.starts
            )
        finally:
            server.close()
        bare_tree = baseline[("start", "tree")]
        results += [
            Result("tmux cold start → tree painted", subject[("start", "tree")], bare_tree,
                   show_p95=True),
            Result("tmux cold start → item form filled (vs bare tree painted)",
                   subject[("start", "form")], bare_tree, show_p95=True),
        ]  # fmt: skip
    return results


# ── batch scenarios ───────────────────────────────────────────────────────────


def unstyled_copy(path: Path) -> Callable[[], object]:
    """Baseline: openpyxl writing the same sheets and cell values (read back from the styled
    workbook beforehand) with no styles, widths or charts, to a file beside it (``wb.save``,
    no temporary file or fsync) — both sides end with a file on disk, as a user sees."""
    from openpyxl import Workbook, load_workbook

    sheets = [
        (ws.title, [list(row) for row in ws.iter_rows(values_only=True)])
        for ws in load_workbook(path, read_only=True).worksheets
    ]
    target = path.with_name(f"{path.stem}-unstyled.xlsx")

    def write() -> None:
        wb = Workbook()
        wb.remove(wb.worksheets[0])
        for title, rows in sheets:
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(row)
        wb.save(target)

    return write


def bench_export(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """``export_report`` of the demo to a file (scoring, cell values, styles, charts, atomic
    write) vs openpyxl writing the same cell values unstyled to a file (values computed
    beforehand)."""
    from assess.excel.report import export_report

    demo = build_demo(checklist, TODAY)
    target = folder / "report.xlsx"
    export_report(checklist, demo, target, today=TODAY)
    return [measure("export demo workbook vs same cells unstyled",
                    lambda: export_report(checklist, demo, target, today=TODAY),
                    unstyled_copy(target), cfg)]  # fmt: skip


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


def bench_compare(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """``compare()`` of two loaded assessments (a third of the items changed) vs a set of the
    item ids whose records differ between the same two, as already-parsed JSON dicts."""
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

    return [measure("compare two assessments vs dict diff",
                    lambda: compare(checklist, a, b), baseline, cfg)]  # fmt: skip


def bench_rollup(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """``build_rollup`` of 232 zone files (read, validate, score) vs reading and json.loads of
    the same files; the roll-up workbook written to a file as ``assess rollup -o`` writes it
    (atomically) vs the same cells unstyled written to a file."""
    from assess.rollup import build_rollup

    paths = zone_set(folder, checklist, 232 if cfg.repeat > 1 else 12)

    def baseline() -> None:
        for p in paths:
            json.loads(p.read_text(encoding="utf-8"))

    n = len(paths)
    results = [measure(f"roll-up of {n} zones vs json.loads of them",
                       lambda: build_rollup(checklist, paths, today=TODAY), baseline, cfg)]  # fmt: skip
    from assess.excel.rollup_book import build_rollup_workbook
    from assess.excel.saving import workbook_bytes
    from assess.storage import write_atomic as write_file

    rollup = build_rollup(checklist, paths, today=TODAY)
    book = folder / "rollup.xlsx"

    def write_book() -> None:
        write_file(book, workbook_bytes(build_rollup_workbook(rollup)), keep_backup=False)

    write_book()
    results.append(measure(f"roll-up workbook ({n} zones) vs same cells unstyled",
                           write_book, unstyled_copy(book), cfg))  # fmt: skip
    return results


def bench_load_save(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """Load (read + parse + validate + migrate check) vs read + json.loads of the same file;
    ``save`` (lock, dumps, .bak, temp file, fsync, rename, fsync folder — twice: the backup
    and the file) vs dumps + one atomic write (temp file, fsync, rename, fsync folder)."""
    from assess.storage import load

    path = demo_file(folder, checklist)
    demo: Assessment = load(path, checklist).assessment
    plain = folder / "plain.json"
    return [
        measure("load + validate demo vs read + json.loads", lambda: load(path, checklist),
                lambda: json.loads(path.read_text(encoding="utf-8")), cfg),
        measure("save (lock, .bak, fsync) vs dumps + one atomic write", lambda: save(path, demo),
                lambda: write_atomic(plain, dumps(demo).encode("utf-8")), cfg),
    ]  # fmt: skip


PROBE = (
    "import sys; from assess.cli import main\n"
    "try:\n    code = main(sys.argv[1:])\nexcept SystemExit as exc:\n    code = exc.code\n"
    "print('\\nMODULES', *(m in sys.modules for m in ('openpyxl', 'textual', 'pydantic')))"
)


def bench_cli(folder: Path, checklist: Checklist, cfg: Config) -> list[Result]:
    """Wall time of ``assess validate`` / ``summary`` / ``--help`` on the demo (the console
    script, a fresh process each time) vs ``python -c pass`` (interpreter + site start-up);
    which heavy modules they import comes from running ``assess.cli.main`` in a child that
    then prints whether openpyxl / textual / pydantic are in ``sys.modules``."""
    path = demo_file(folder, checklist)
    command = tui.assess_command()
    results = []
    for args in (["validate", str(path)], ["summary", str(path)], ["--help"]):
        probe = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                               text=True, encoding="utf-8", check=False)  # fmt: skip
        flags = probe.stdout.strip().splitlines()[-1].split()[1:]
        names = ("openpyxl", "textual", "pydantic")
        loaded = [m for m, f in zip(names, flags, strict=True) if f == "True"]
        imports = ", ".join(loaded) if loaded else "none of openpyxl/textual/pydantic"

        def run(argv: list[str]) -> Callable[[], object]:
            return lambda: subprocess.run(argv, capture_output=True, check=False)

        result = measure(f"`assess {args[0]}` wall time (imports {imports}) vs `python -c pass`",
                         run([*command, *args]), run([sys.executable, "-c", "pass"]), cfg)  # fmt: skip
        result.subject_peak = result.baseline_peak = None
        result.show_p95 = True
        results.append(result)
    return results


SCENARIOS: dict[str, Callable[[Path, Checklist, Config], list[Result]]] = {
    "startup": bench_startup,
    "keystroke": bench_keystroke,
    "export": bench_export,
    "compare": bench_compare,
    "rollup": bench_rollup,
    "storage": bench_load_save,
    "cli": bench_cli,
}

METHOD = """\
**Method.** *Headless* figures run both apps with `App.run_test()` in this process, in turns
(assess, bare, assess, bare: each app takes its keys in two turns, so a slower spell of the
machine falls on both). A key is posted to the driver as a terminal key event (no Pilot sleeps)
and timed until the first painted frame that shows the change: the bench wraps `App._display`,
the one place Textual hands a finished compositor update to the driver, renders that update to
terminal bytes as a real driver would (the headless driver skips it) and searches its text —
or, for a cursor move, checks the tree's cursor at that frame. *tmux* figures run each app as
its own process in a private tmux server (120×40), side by side with their presses (and
start-ups) alternating, send the key with `tmux send-keys` and poll `tmux capture-pane -p` (a
client round trip of a few ms, plus 1 ms pause) until the pane shows the change; start-up there
is a cold process, from `new-session` to the pane showing the first item's tree line (*tree*) or
its title in the form (*form*), polled every 10 ms (each capture is a tmux client process:
polling every 1 ms kept one of the machine's two cores busy, which the bare app, starting on one
core, does not feel, and assess, whose start uses both, does). *Headless* start-up is `open_app`
in a warm process (no imports, no forked child): the window's own work. *File saved* is a thread
polling the file (stat every 0.5 ms, parse on change) until its JSON holds the new status.
Status keys `1 2 3 4 0` are pressed in turn on item 1.3 (each press changes it), `j`/`k` move
between 1.3 and 1.4; one warm-up round per app and turn is not counted. The bare baseline is
`bench/bare_app.py`: Header + the same 78-leaf tree + Footer; a status key relabels the leaf,
changes the header text and writes the same JSON atomically in a thread; `j`/`k` move the cursor
and put the item's title in the header. One `j`/`k` from rest refills assess's item form in the
key's own handler, so the cursor and the form come in one frame, as the bare app's cursor and
header do (keys under `FOLLOW_DELAY_SECONDS`, 50 ms, apart — a held key — wait until the cursor
rests; a click or a jump refills right after the cursor's frame); so each `j`/`k` is pressed at
least that long after the one before, in both apps and both methods, as a user who reads the
item presses the next. A second `j`/`k` baseline, `bench/bare_form.py`, adds to the bare app
an item form of the widgets Textual ships (Static, Select, TextArea, DataTable, labels and
buttons) and refills it with the same item's texts and rows the way Textual's docs do
(`update`, `load_text`, `clear` + `add_rows`): what stock Textual takes to show the same item,
headless, in the same turns. The tmux runs byte-compile assess first, as pip does when it installs it
(this machine sets PYTHONDONTWRITEBYTECODE, which made every cold start compile ~60 modules).
Batch rows time `repeat` runs of each side, alternating, after one warm-up; each docstring in
`bench/run.py` names its baseline. The export and roll-up workbook baselines write the same
cells unstyled to a file in the same folder (`wb.save(path)`), as the subject writes its file
(temporary file, fsync, rename)."""


def parse_args(argv: list[str]) -> tuple[list[str], Config] | None:
    parser = argparse.ArgumentParser(description="assess benchmarks")
    parser.add_argument("scenarios", nargs="*", help=", ".join(SCENARIOS))
    parser.add_argument("--quick", action="store_true", help="few repetitions (smoke test)")
    parser.add_argument("--no-tmux", action="store_true", help="skip the real-terminal runs")
    args = parser.parse_args(argv)
    names = args.scenarios or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        print(f"unknown scenario(s): {', '.join(unknown)}; choose from {', '.join(SCENARIOS)}")
        return None
    cfg = Config(repeat=2, rounds=1, starts=1) if args.quick else Config()
    cfg.use_tmux = not args.no_tmux
    return names, cfg


def main(argv: list[str]) -> int:
    parsed = parse_args(argv)
    if parsed is None:
        return 2
    names, cfg = parsed
    checklist = default_checklist()
    print(HEADER, flush=True)
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            for result in SCENARIOS[name](Path(tmp), checklist, cfg):
                print(result.row(), flush=True)
    if PER_KEY:
        print("\nPer key:\n")
        print(
            "| method | key | phase | assess p50 | assess p95 | bare p50 | bare p95 | ratio p50 | ratio p95 |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        print("\n".join(PER_KEY))
    print()
    print(METHOD)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
