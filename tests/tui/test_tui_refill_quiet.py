"""Moving to an item refills the form without announcing edits or cursor moves nobody made.

Loading an item's text into its fields posted a ``TextArea.Changed`` per field, and refilling a
table a highlight per table, each bubbling through the pane to the screen and the app on every
j/k (~0.5 ms a move, bench/). The form ignored them; a handler added later would take a move
for an edit. Typing still announces itself.
"""

from __future__ import annotations

from textual.message import Message
from textual.widgets import DataTable, TextArea
from tui_helpers import SIZE, until

from assess.tui.app import AssessApp

REFILL_NOISE = (TextArea.Changed, DataTable.RowHighlighted, DataTable.CellHighlighted)


async def test_a_move_posts_no_text_change_and_no_table_highlight(app: AssessApp) -> None:
    heard: list[Message] = []
    async with app.run_test(size=SIZE, message_hook=heard.append) as pilot:
        await until(pilot, lambda: app.detail.ready)
        for key, item in (("j", "1.2"), ("j", "1.3"), ("j", "1.4"), ("k", "1.3")):
            heard.clear()
            await pilot.press(key)
            await until(pilot, lambda item=item: app.detail.item_id == item)
            await pilot.pause()
            noise = [type(m).__qualname__ for m in heard if isinstance(m, REFILL_NOISE)]
            assert noise == [], f"{key} onto {item}"
        fields = app.detail.query_one("#explanation", TextArea)
        fields.focus()
        heard.clear()
        await pilot.press("x")
        await until(pilot, lambda: any(isinstance(m, TextArea.Changed) for m in heard))
