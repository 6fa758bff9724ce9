"""Shared by the TUI tests: a fixed day, the terminal size, reading the file back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assess.models import Assessment
from assess.resources import default_checklist
from assess.storage import load

TODAY = dt.date(2025, 11, 20)
SIZE = (120, 40)


def on_disk(path: Path) -> Assessment:
    return load(path, default_checklist()).assessment
