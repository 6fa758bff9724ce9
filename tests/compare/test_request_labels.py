"""A higher-level item is a request: wherever the item-level comparison or a quality warning
shows its status, it reads 已获得/争取中/未争取, never 已落实/推进中/未启动."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from textual.app import App
from textual.widgets import DataTable

from assess.cli.compare_text import comparison_text
from assess.compare import Comparison, compare
from assess.excel.compare_book import build_compare_workbook
from assess.lang import Lang
from assess.models import Assessment, Status, ZoneProfile
from assess.resources import default_checklist
from assess.scoring import WarningCode, summarize
from assess.texts import Texts
from assess.texts.messages import warning_text
from assess.tui.compare_screen import CompareScreen, ItemCompareScreen
from assess.tui.prose import Prose
from tests.compare.builders import pair, set_record

PLAIN = ("推进中", "未启动", "已落实")


@pytest.fixture
def sides() -> tuple[Assessment, Assessment]:
    """13.1 (单列年度用地计划指标, higher-level) goes 未争取 → 争取中; 12.1 (a requirement)
    goes 推进中 → 已落实, for contrast."""
    a, b = pair(default_checklist(), ZoneProfile(name="苏州工业园区", province="江苏"))
    set_record(a, "13.1", Status.NOT_STARTED, explanation="尚未报送")
    set_record(b, "13.1", Status.IN_PROGRESS, explanation="已向省自然资源厅报送申请")
    set_record(a, "12.1", Status.IN_PROGRESS, explanation="在推进")
    set_record(b, "12.1", Status.DONE, explanation="已完成")
    return a, b


@pytest.fixture
def comparison(sides: tuple[Assessment, Assessment]) -> Comparison:
    return compare(default_checklist(), *sides, today=dt.date(2026, 1, 10))


def _line(text: str, item_id: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"{item_id} "))


def test_terminal_comparison_uses_request_words(comparison: Comparison) -> None:
    text = comparison_text(comparison, Texts(Lang.ZH))
    request = _line(text, "13.1")
    assert "未争取" in request and "争取中" in request
    assert not any(word in request for word in PLAIN)
    assert "推进中" in _line(text, "12.1") and "已落实" in _line(text, "12.1")
    english = _line(comparison_text(comparison, Texts(Lang.EN)), "13.1")
    assert "not yet requested" in english and "requested" in english
    assert "in progress" not in english and "not started" not in english


def test_compare_workbook_uses_request_words(comparison: Comparison) -> None:
    wb = build_compare_workbook(comparison)
    rows = [
        [str(c) for c in row if c is not None]
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
    ]
    request = next(r for r in rows if len(r) > 1 and r[1] == "13.1")
    assert "未争取" in request and "争取中" in request
    assert not set(request) & set(PLAIN)


def test_compare_screen_uses_request_words(sides: tuple[Assessment, Assessment]) -> None:
    asyncio.run(_screen(sides))


async def _screen(sides: tuple[Assessment, Assessment]) -> None:
    screen = CompareScreen(default_checklist(), *sides, Lang.ZH)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(screen)

    app = Host()
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        table = screen.query_one(DataTable)
        rows = {str(table.get_row_at(i)[0]): table.get_row_at(i) for i in range(table.row_count)}
        assert [str(c) for c in rows["13.1"][2:4]] == ["未争取", "争取中"]
        screen._open("13.1")
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ItemCompareScreen)
        side_b = detail.query_one("#side-b Prose", Prose).content.plain
        assert "争取中" in side_b and "争取进展" in side_b and "推进中" not in side_b


def test_quality_warnings_on_requests_use_request_words() -> None:
    checklist = default_checklist()
    a, _ = pair(checklist, ZoneProfile(name="苏州工业园区", province="江苏"))
    set_record(a, "13.1", Status.IN_PROGRESS, explanation="已报送")  # no next action
    set_record(a, "16.1", Status.DONE)  # received, nothing said
    set_record(a, "12.1", Status.IN_PROGRESS, explanation="在推进")  # a duty: the plain words
    warnings = {w.item_id: w for w in summarize(checklist, a).warnings}
    t = Texts(Lang.ZH)
    assert warnings["13.1"].code is WarningCode.REQUESTED_WITHOUT_ACTION
    assert warning_text(warnings["13.1"], t).startswith("争取中但没有下一步举措")
    assert warnings["16.1"].code is WarningCode.RECEIVED_WITHOUT_NOTE
    assert warning_text(warnings["16.1"], t).startswith("已获得但未填写获得情况")
    assert warning_text(warnings["12.1"], t) == "推进中但没有下一步举措"
    for item_id in ("13.1", "16.1"):
        assert not any(word in warning_text(warnings[item_id], t) for word in PLAIN)
        assert "in progress" not in warning_text(warnings[item_id], Texts(Lang.EN))
