"""Text from a file, made safe to send to a terminal: control characters shown, not obeyed.

A zone name or an evidence reference may hold ESC sequences (clear the screen, set the
window title, colours), a carriage return that hides what came before, or bidirectional
overrides that reorder a line. Printed raw, the terminal would act on them; here each is
replaced by a visible escape such as ``\\x1b`` or ``\\u202e``.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls, line/paragraph separators,
# bidirectional embeddings, overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    """``text`` with every control character replaced by a visible escape (tab, newline kept)."""
    return _CONTROL.sub(_shown, text)


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None
