"""The benchmark script keeps running (its figures are for the README, not asserted here)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_bench_runs_and_prints_ratios() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "storage", "compare"],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = [line for line in result.stdout.splitlines() if "×**" in line]
    assert len(rows) == 3
    assert all(line.count("|") == 7 for line in rows)


def test_bench_rejects_unknown_scenario() -> None:
    result = subprocess.run(
        [sys.executable, "bench/run.py", "nonsense"],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2 and "startup" in result.stdout
