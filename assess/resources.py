"""Where the packaged checklist and template live, installed or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from assess.checklist import Checklist, load_checklist

DEFAULT_CHECKLIST = "etdz-2025"

_PACKAGE = Path(__file__).resolve().parent


def data_path(*parts: str) -> Path:
    """A data file shipped in the wheel (assess/_data/...) or, in a checkout, at the repo root."""
    installed = _PACKAGE.joinpath("_data", *parts)
    if installed.exists():
        return installed
    return _PACKAGE.parent.joinpath(*parts)


def checklist_path(checklist_id: str = DEFAULT_CHECKLIST) -> Path:
    return data_path("checklists", f"{checklist_id}.toml")


@cache
def default_checklist() -> Checklist:
    """The built-in checklist, loaded once per process."""
    return load_checklist(checklist_path())


def template_path() -> Path:
    return data_path("templates", "report.xlsx")
