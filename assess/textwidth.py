"""Terminal column width of CJK text, for tables that line up."""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """Pad (or cut with …) to exactly ``columns`` terminal cells."""
    if width(text) > columns:
        out = ""
        for ch in text:
            if width(out + ch) > columns - 1:
                break
            out += ch
        text = out + "…"
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill
