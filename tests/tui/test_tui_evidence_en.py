"""The English item pane shows the suggested evidence in English (issue 14.8)."""

from __future__ import annotations

from pathlib import Path

from assess.resources import default_checklist
from assess.tui.app import open_app
from assess.tui.prose import Prose


async def test_english_item_pane_lists_english_evidence(demo_path: Path) -> None:
    item = default_checklist().item_index["1.1"]
    for lang, shown, hidden in (("en", item.evidence_en, item.evidence),
                                ("zh", item.evidence, item.evidence_en)):  # fmt: skip
        app = open_app(demo_path, lang=lang)
        try:
            async with app.run_test(size=(140, 45)) as pilot:
                await pilot.pause()
                guide = app.query_one("#item-guidance", Prose).content.plain
                assert all(entry in guide for entry in shown), guide
                assert not any(entry in guide for entry in hidden), guide
        finally:
            app.session.close()
