"""The compare screen, pushed from a minimal app and driven with Pilot as a user would."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from textual.app import App
from textual.widgets import DataTable

from assess.checklist import Checklist
from assess.lang import Lang
from assess.models import Assessment, Status, ZoneProfile
from assess.tui.compare_screen import CompareScreen, ItemCompareScreen
from assess.tui.prose import Prose
from tests.compare.builders import act, pair, set_record


class Host(App[None]):
    """Stands in for the main app: pushes the screen on start."""

    def __init__(self, screen: CompareScreen) -> None:
        super().__init__()
        self.compare_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.compare_screen)


@pytest.fixture
def two_periods(tiny: Checklist, jiangsu: ZoneProfile) -> tuple[Assessment, Assessment]:
    a, b = pair(tiny, jiangsu)
    set_record(
        a,
        "1.1",
        Status.IN_PROGRESS,
        explanation="平台在建",
        actions=[act("申报", dt.date(2025, 9, 1))],
    )
    set_record(b, "1.1", Status.DONE, explanation="平台已建成投用")
    set_record(a, "3.1", Status.DONE, explanation="已做")
    set_record(b, "3.1", Status.NOT_STARTED, explanation="人员调整暂停")
    return a, b


def _rows(table: DataTable[object]) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def test_lists_every_item_filters_to_changes_and_shows_both_records(
    tiny: Checklist, two_periods: tuple[Assessment, Assessment]
) -> None:
    asyncio.run(_browse(CompareScreen(tiny, *two_periods), tiny))


async def _browse(screen: CompareScreen, tiny: Checklist) -> None:
    app = Host(screen)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        assert app.screen is screen
        table = screen.query_one(DataTable)
        rows = _rows(table)
        assert len(rows) == len(tiny.items)
        by_id = {r[0]: r for r in rows}
        assert by_id["1.1"][2:5] == ["推进中", "已落实", "改善"]
        assert by_id["3.1"][2:5] == ["已落实", "未启动", "退步"]
        assert by_id["1.3"][2:5] == ["不适用（画像）", "不适用（画像）", "未变"]

        await pilot.press("f")
        assert [r[0] for r in _rows(table)] == ["1.1", "3.1"]
        head = screen.query_one("#compare-head", Prose)
        assert "仅显示有变化的条目" in head.content.plain

        await pilot.press("down", "enter")  # the second changed item: 3.1
        await pilot.pause()
        detail = app.screen
        assert isinstance(detail, ItemCompareScreen) and detail.item_id == "3.1"
        side_a = detail.query_one("#side-a Prose", Prose).content.plain
        side_b = detail.query_one("#side-b Prose", Prose).content.plain
        assert "已做" in side_a and "人员调整暂停" in side_b
        assert "成效" in side_a and "原因" in side_b  # each status asks for its own explanation

        await pilot.press("escape")
        assert app.screen is screen
        await pilot.press("f")
        assert table.row_count == len(tiny.items)
        await pilot.press("escape")
        assert app.screen is not screen


def test_english_labels(tiny: Checklist, two_periods: tuple[Assessment, Assessment]) -> None:
    asyncio.run(_english(CompareScreen(tiny, *two_periods, lang=Lang.EN)))


async def _english(screen: CompareScreen) -> None:
    app = Host(screen)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        rows = {r[0]: r for r in _rows(screen.query_one(DataTable))}
        assert rows["1.1"][1:5] == ["Req", "in progress", "done", "improved"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ItemCompareScreen)
        assert "effect" in app.screen.query_one("#side-b Prose", Prose).content.plain
