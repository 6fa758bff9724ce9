"""Shared fixtures: a tiny hand-made checklist for exact arithmetic, and the real one."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.lifecycle import new_assessment
from assess.models import Assessment, ZoneProfile
from assess.resources import default_checklist

REPO = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 1, 15)


def run_cli(
    *args: str | Path, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """``python -m assess ARGS`` in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "assess", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd or REPO,
        timeout=timeout,
    )


TINY = {
    "id": "tiny",
    "version": "1.0",
    "title": "测试清单",
    "title_en": "Test checklist",
    "areas": [
        {
            "number": 2,
            "title": "领域甲",
            "title_en": "Area A",
            "measures": [
                {
                    "number": 1,
                    "title": "举措一",
                    "title_en": "Measure 1",
                    "items": [
                        {"id": "1.1", "title": "要求", "title_en": "Req", "source": "国家级经开区应做甲。",
                         "kind": "requirement", "guidance": "看甲。"},
                        {"id": "1.2", "title": "支持", "title_en": "Sup", "source": "支持乙。",
                         "kind": "support", "guidance": "看乙。", "weight": 3},
                        {"id": "1.3", "title": "沿边", "title_en": "Border", "source": "推动沿边地区丙。",
                         "kind": "higher_level", "guidance": "看丙。", "applies": {"border": True}},
                    ],
                },
                {
                    "number": 2,
                    "title": "举措二",
                    "title_en": "Measure 2",
                    "items": [
                        {"id": "2.1", "title": "鼓励", "title_en": "Enc", "source": "鼓励丁。",
                         "kind": "encourage", "guidance": "看丁。"},
                        {"id": "2.2", "title": "东部", "title_en": "East", "source": "支持东部地区戊。",
                         "kind": "support", "guidance": "看戊。", "applies": {"regions": ["东部"]}},
                    ],
                },
            ],
        },
        {
            "number": 3,
            "title": "领域乙",
            "title_en": "Area B",
            "measures": [
                {
                    "number": 3,
                    "title": "举措三",
                    "title_en": "Measure 3",
                    "items": [
                        {"id": "3.1", "title": "要求二", "title_en": "Req 2",
                         "source": "国家级经开区要做己。", "kind": "requirement", "guidance": "看己。"},
                    ],
                }
            ],
        },
    ],
}  # fmt: skip


@pytest.fixture
def tiny() -> Checklist:
    return Checklist.model_validate(TINY)


@pytest.fixture
def jiangsu() -> ZoneProfile:
    return ZoneProfile(name="测试经开区", province="江苏省")


@pytest.fixture
def tiny_assessment(tiny: Checklist, jiangsu: ZoneProfile) -> Assessment:
    return new_assessment(tiny, jiangsu, "2025年下半年", "张三")


@pytest.fixture
def checklist() -> Checklist:
    return default_checklist()
