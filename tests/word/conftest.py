"""Fixtures for the Word report tests: the demo assessment and its report in both languages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.document import Document

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.lang import Lang
from assess.models import Assessment
from assess.resources import default_checklist
from assess.word.render import write_report

TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def demo() -> Assessment:
    return build_demo(default_checklist(), TODAY)


@pytest.fixture
def zh_report(tmp_path: Path, checklist: Checklist, demo: Assessment) -> Path:
    return write_report(checklist, demo, tmp_path / "自评报告.docx", today=TODAY)


@pytest.fixture
def zh_doc(zh_report: Path) -> Document:
    return docx.Document(str(zh_report))


@pytest.fixture
def en_doc(tmp_path: Path, checklist: Checklist, demo: Assessment) -> Document:
    path = write_report(checklist, demo, tmp_path / "report-en.docx", lang=Lang.EN, today=TODAY)
    return docx.Document(str(path))
