"""A tab app that hands the browser a workbook, as the TUI's export does when served.

Run as ``python delivering_app.py FILE``: ``x`` delivers ``自评报告 2026.xlsx`` from FILE's folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Static

WORKBOOK_NAME = "自评报告 2026.xlsx"
WORKBOOK_BYTES = b"PK\x03\x04 not really a workbook \xe4\xb8\xad"


class Delivering(App[None]):
    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Static("x = 导出 / export")

    def on_key(self, event: events.Key) -> None:
        if event.key == "x":
            workbook = self.folder / WORKBOOK_NAME
            workbook.write_bytes(WORKBOOK_BYTES)
            self.deliver_binary(workbook)


if __name__ == "__main__":
    Delivering(Path(sys.argv[1]).parent).run()
