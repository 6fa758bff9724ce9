"""Fixtures for the workbook tests: the demo assessment and its exported workbook."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.excel.report import export_report
from assess.models import Assessment
from assess.resources import default_checklist
from assess.storage import save

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def demo() -> Assessment:
    return build_demo(default_checklist(), TODAY)


@pytest.fixture
def demo_file(tmp_path: Path, demo: Assessment) -> Path:
    path = tmp_path / "demo.json"
    save(path, demo)
    return path


@pytest.fixture
def report(tmp_path: Path, checklist: Checklist, demo: Assessment) -> Path:
    return export_report(checklist, demo, tmp_path / "report.xlsx", today=TODAY)


@pytest.fixture
def book(report: Path) -> Workbook:
    return load_workbook(report)
