"""The demo is data (assess/_demo/demo.toml): built on a fixed day it is exactly what it was.

The JSON files under tests/data/ were written by the demo as a Python literal, before it
became data; a difference here is a change to what every new user sees first.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import dumps

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("day", [dt.date(2025, 12, 1), dt.date(2026, 3, 15)])
def test_demo_built_from_data_is_the_demo_as_it_was(day: dt.date) -> None:
    expected = (DATA / f"demo-{day.isoformat()}.json").read_text(encoding="utf-8")
    assert dumps(build_demo(default_checklist(), day)) == expected


def test_each_build_is_a_fresh_copy() -> None:
    checklist = default_checklist()
    first = build_demo(checklist, dt.date(2026, 3, 15))
    first.items["1.1"].actions[0].text = "changed"
    first.evidence[0].title = "changed"
    again = build_demo(checklist, dt.date(2026, 3, 15))
    assert again.items["1.1"].actions[0].text != "changed"
    assert again.evidence[0].title != "changed"
