"""The form's tables paint exactly the cells DataTable paints, only cheaper.

``SteadyTable`` (assess/tui/steady.py) paints a one-line plain-text cell itself instead of
through Rich's padding and wrapping; every cell it hands over (characters, colours, the row and
column in its style that clicks rely on) must be the one DataTable's own ``_render_cell`` makes:
header and rows, zebra stripes, under the cursor or the mouse, cut to a narrow column in the
middle of a Chinese character, and a cell it leaves to DataTable (a tab, a style).
"""

from __future__ import annotations

import pytest
from rich.style import Style
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable
from tui_helpers import painted_cells, until

from assess.tui.literal import literal
from assess.tui.steady import SteadyTable

ROWS = (
    ("a", ("佐证一", "[b]not markup[/b]", "")),
    ("b", ("关于印发《国家级经济技术开发区综合发展水平考核评价办法》的通知", "x\ty", "2025")),
    ("c", ("short", "中", "…")),
    ("d", (Text("右", justify="right"), Text("ellipsis cut", overflow="ellipsis"), "")),
    ("e", (Text("wraps at a space", no_wrap=False), "", "")),
)
ZEBRA = (Style(color="white", bgcolor="blue"), Style(color="black", bgcolor="grey50"))


class TableApp(App[None]):
    CSS = "SteadyTable > .datatable--fixed-cursor { background: red; }"  # fixed cells stand out

    def compose(self) -> ComposeResult:
        yield SteadyTable(cursor_type="row", zebra_stripes=True)

    def on_mount(self) -> None:
        table = self.query_one(SteadyTable)
        table.add_column("名称", width=13)  # cuts the long title inside a wide character
        table.add_column(Text("styled", style="bold"))
        table.add_column("年份")
        for key, cells in ROWS:
            table.add_row(*(literal(c)[0] if isinstance(c, str) else c for c in cells), key=key)


@pytest.mark.parametrize("fixed", [False, True])
@pytest.mark.parametrize("where", ["rest", "cursor", "hover"])
async def test_cells_are_the_ones_datatable_paints(where: str, fixed: bool) -> None:
    app = TableApp()
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(SteadyTable)
        await until(pilot, lambda: table.row_count == len(ROWS))
        table._show_hover_cursor = True  # as when the mouse is over the table
        table.fixed_rows = table.fixed_columns = int(fixed)
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        fast = 0
        for row in range(-1, len(ROWS)):
            base = ZEBRA[row % 2]  # the row's own style: zebra stripes
            for column, width in enumerate(widths):
                flags = {"cursor": where == "cursor", "hover": where == "hover"}
                quick = table._render_cell(row, column, base, width, **flags)
                table._cell_render_cache.clear()  # Textual's own, not one the quick path left
                textual = DataTable._render_cell(table, row, column, base, width, **flags)
                assert painted_cells(quick) == painted_cells(textual), (row, column)
                fast += table._plain_cell(row, column) is not None
        assert fast == 13  # two plain labels and eleven plain cells took the quick path
