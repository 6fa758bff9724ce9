"""Files written before claims, tasks and departments (schema 1) still load, unchanged in meaning."""

from __future__ import annotations

import json
from pathlib import Path

from assess.checklist import Checklist
from assess.models import SCHEMA_VERSION
from assess.storage import dumps, load

DATA = Path(__file__).parent / "data"


def test_a_version_1_file_loads_and_is_saved_as_the_current_version(
    tmp_path: Path, checklist: Checklist
) -> None:
    demo_path = DATA / "demo-2026-03-15.json"
    data = json.loads(demo_path.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    for key in ("contact", "zone_tasks"):
        data.pop(key, None)
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    loaded = load(old, checklist).assessment
    assert loaded.items == load(demo_path, checklist).assessment.items
    assert json.loads(dumps(loaded))["schema_version"] == SCHEMA_VERSION > 1
