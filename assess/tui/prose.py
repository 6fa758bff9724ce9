"""Chinese text the TUI wraps itself, so ，。、；：）」 never start a line (see ``textwidth``).

Textual breaks CJK lines anywhere; :class:`Prose` shows a ``rich.text.Text`` broken by
:func:`assess.textwidth.line_spans` at the width it is given, keeping the text's styles.
The text is always literal (a ``Text``, never markup).
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from assess.textwidth import line_spans


def wrap_text(text: Text, columns: int, *, indent: int = 0) -> Text:
    """``text`` with line breaks by the kinsoku rules; continuation lines indented."""
    spans = line_spans(text.plain, max(columns - indent, 2))
    lines = [text[begin:end] for begin, end in spans]
    out = Text()
    for number, line in enumerate(lines):
        if number:
            out.append("\n" + " " * indent)
        out.append_text(line)
    return out


class Prose(Widget):
    """A block of text as tall as its wrapped lines."""

    DEFAULT_CSS = """
    Prose {
        height: auto;
    }
    """

    def __init__(self, content: Text, *, id: str | None = None, classes: str | None = None):
        super().__init__(id=id, classes=classes)
        self.content = content
        self._wrapped: tuple[int, Text] | None = None  # layout and paint ask for the same width

    def update(self, content: Text) -> None:
        self.content = content
        self._wrapped = None
        self.refresh(layout=True)

    def _wrap(self, columns: int) -> Text:
        if self._wrapped is None or self._wrapped[0] != columns:
            wrapped = wrap_text(self.content, columns)
            wrapped.no_wrap = True
            wrapped.overflow = "ellipsis"
            self._wrapped = (columns, wrapped)
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._wrap(width).split())

    def render(self) -> Text:
        return self._wrap(self.content_size.width)
