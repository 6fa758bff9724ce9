"""The cyclic garbage collector paused while ``assess`` starts.

Start-up makes a few hundred thousand objects that live until the process ends (pydantic's
and Textual's classes, the checklist, the stylesheet). While they are being made, the collector
scans them again and again and finds nothing to free: about a fifth of the time before the TUI's
first frame. The launcher (``assess.__main__``) pauses it; ``resume`` turns it back on once they
exist — after the arguments are parsed for a command, after the first frame for the TUI, and
in any case when the launcher returns. Only the launcher pauses, so tests that call
``assess.cli.main`` in their own process never run without the collector.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, if ``pause`` stopped it (a no-op otherwise, so every exit may call it)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
