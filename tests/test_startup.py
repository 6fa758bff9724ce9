"""The launcher starts with the collector paused and never leaves it paused: after a command,
after a failing one, and in the TUI once its first frame is up."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import save

PROBE = """\
import gc, sys
from assess import startup
from assess.__main__ import main
seen = []
import assess.cli as cli
real = cli.main
def spy(argv=None):
    seen.append(gc.isenabled())  # while the command modules were imported and parsed
    return real(argv)
cli.main = spy
try:
    code = main()
except SystemExit as exc:
    code = exc.code
print(seen[0] if seen else None, gc.isenabled(), code)
"""


def run_launcher(*args: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=False
    )
    return result.stdout.splitlines()[-1].split()


@pytest.mark.parametrize("good", [True, False])
def test_collector_is_back_on_when_a_command_ends(tmp_path: Path, good: bool) -> None:
    path = tmp_path / "demo.json"
    if good:
        save(path, build_demo(default_checklist()))
    paused_then, on_after, code = run_launcher("summary", str(path))
    assert paused_then == "False"  # paused while starting …
    assert on_after == "True"  # … and collecting again afterwards
    assert code == ("0" if good else "2")
