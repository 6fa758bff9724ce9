"""The benchmark script keeps running (its figures are for the README, not asserted here)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def bench(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "bench/run.py", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=REPO, timeout=timeout,
    )  # fmt: skip


def rows(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if "×**" in line]


def test_bench_runs_and_prints_ratios() -> None:
    result = bench("--quick", "storage", "compare", "cli")
    assert result.returncode == 0, result.stderr
    assert len(rows(result.stdout)) == 6
    assert all(line.count("|") == 9 for line in rows(result.stdout))
    assert "**Method.**" in result.stdout


def test_bench_tui_headless() -> None:
    result = bench("--quick", "--no-tmux", "keystroke")
    assert result.returncode == 0, result.stderr
    assert len(rows(result.stdout)) == 5
    assert "| headless | `j` | form |" in result.stdout
    assert any("stock Textual widgets" in line for line in rows(result.stdout))


@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_bench_tui_tmux() -> None:
    result = bench("--quick", "startup", "keystroke")
    assert result.returncode == 0, result.stderr
    assert any(line.startswith("| tmux cold start") for line in rows(result.stdout))
    assert "| tmux | `1` | saved |" in result.stdout


def test_bench_rejects_unknown_scenario() -> None:
    result = bench("nonsense", timeout=60)
    assert result.returncode == 2 and "startup" in result.stdout
