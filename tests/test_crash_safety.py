"""SIGKILL in the middle of saving never leaves a file that fails to load."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.editing import Editor
from assess.models import Assessment
from assess.storage import backup_path, dumps, load, save

REPO = Path(__file__).resolve().parents[1]

SAVER = """
import sys
from pathlib import Path
from assess.resources import default_checklist
from assess.storage import AssessmentFile, load
path = Path(sys.argv[1])
versions = [load(Path(p), default_checklist()).assessment for p in sys.argv[2:]]
with AssessmentFile(path) as handle:
    print("ready", flush=True)
    n = 0
    while True:
        handle.save(versions[n % len(versions)])
        n += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_during_saves_leaves_old_or_new(tmp_path: Path, checklist: Checklist) -> None:
    from assess.demo import build_demo

    old = build_demo(checklist)
    new = old.model_copy(deep=True)
    ed = Editor(new, who="t")
    for item in checklist.items:
        ed.set_text(item.id, "note", "大段备注" * 2000)  # ~1 MB file: a save takes a while
    sources = []
    for name, version in (("old", old), ("new", new)):
        p = tmp_path / f"{name}.json"
        save(p, version)
        sources.append(p)
    expected = {dumps(old), dumps(new)}
    target = tmp_path / "target.json"
    save(target, old)
    rng = random.Random(7)
    for _ in range(25):
        proc = subprocess.Popen(
            [sys.executable, "-c", SAVER, str(target), *map(str, sources)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert target.read_text(encoding="utf-8") in expected
        assert load(target, checklist).assessment in (old, new)
        assert load(backup_path(target), checklist).assessment in (old, new)
    save(target, new)  # the next writer clears temp files left by killed saves
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_assessment_equality_is_content(tiny_assessment: Assessment) -> None:
    """The crash test compares loaded assessments by value; make sure that is meaningful."""
    other = tiny_assessment.model_copy(deep=True)
    assert other == tiny_assessment
    Editor(other, who="x").set_text("1.1", "gap", "差距")
    assert other != tiny_assessment
