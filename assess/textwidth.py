"""Terminal column width of CJK text: tables that line up, cuts marked 「…」, kinsoku wrapping.

A CJK character takes two terminal cells, so ``len`` is the wrong measure for every cut
and every line break. Chinese typesetting also keeps closing punctuation (，。、；：）」…)
off the start of a line and opening brackets off its end (禁则); :func:`wrap` does both.
"""

from __future__ import annotations

import unicodedata
from itertools import accumulate

ELLIPSIS = "…"
NO_LINE_START = frozenset("，。、；：？！）」』】》〉〕］｝”’…·％,.;:?!)]}%")
NO_LINE_END = frozenset("（「『【《〈〔［｛“‘([{")


def char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def truncate(text: str, columns: int) -> str:
    """``text`` cut to at most ``columns`` cells, the cut marked with 「…」 (one cell)."""
    if width(text) <= columns:
        return text
    if columns <= 0:
        return ""
    out, used = [], 0
    for ch in text:
        if used + char_width(ch) > columns - 1:
            break
        out.append(ch)
        used += char_width(ch)
    return "".join(out) + ELLIPSIS


def pad(text: str, columns: int, *, right: bool = False) -> str:
    """Pad (or cut with …) to exactly ``columns`` terminal cells."""
    text = truncate(text, columns)
    fill = " " * (columns - width(text))
    return fill + text if right else text + fill


def _tokens(text: str, start: int) -> list[tuple[int, int]]:
    """Spans that may not be split: one CJK character, a run of spaces, a Latin word."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(text):
        j = i + 1
        if text[i].isspace():
            while j < len(text) and text[j].isspace():
                j += 1
        elif char_width(text[i]) == 1:
            while j < len(text) and not text[j].isspace() and char_width(text[j]) == 1:
                j += 1
        spans.append((start + i, start + j))
        i = j
    return spans


def line_spans(text: str, columns: int) -> list[tuple[int, int]]:
    """Where :func:`wrap` breaks ``text``: (start, end) offsets of each line.

    Breaks between CJK characters and at spaces (the spaces at a break are dropped);
    explicit newlines are kept. A character that may not start a line pulls the one
    before it down with it; an opening bracket at a line's end moves to the next line.
    """
    columns = max(columns, 2)
    # cells before each offset: a span's width is one subtraction (the form rewraps on each move)
    before = list(accumulate(map(char_width, text), initial=0))
    spans: list[tuple[int, int]] = []
    offset = 0
    for paragraph in text.split("\n"):
        tokens = _split_long(text, _tokens(paragraph, offset), before, columns)
        spans.extend(_paragraph_spans(text, tokens, before, columns, offset))
        offset += len(paragraph) + 1
    return spans


def _paragraph_spans(
    text: str, tokens: list[tuple[int, int]], before: list[int], columns: int, start: int
) -> list[tuple[int, int]]:
    def cells(span: tuple[int, int]) -> int:
        return before[span[1]] - before[span[0]]

    lines: list[list[tuple[int, int]]] = [[]]
    used = 0  # cells of the last line
    for token in tokens:
        line = lines[-1]
        if used + cells(token) <= columns or not line:
            if line or not text[token[0]].isspace():
                line.append(token)
                used += cells(token)
            continue
        if text[token[0]].isspace():
            lines.append([])
            used = 0
            continue
        carried, moved = [token], cells(token)
        while len(line) > 1 and moved + cells(line[-1]) <= columns:
            first, last = text[carried[0][0]], text[line[-1][1] - 1]
            if not (first in NO_LINE_START or last in NO_LINE_END):
                break
            carried.insert(0, line.pop())
            moved += cells(carried[0])
        while carried and text[carried[0][0]].isspace():
            moved -= cells(carried.pop(0))
        lines.append(carried)
        used = moved
    result = []
    for line in lines:
        while line and text[line[-1][0]].isspace():
            line.pop()
        result.append((line[0][0], line[-1][1]) if line else (start, start))
    return result


def _split_long(
    text: str, tokens: list[tuple[int, int]], before: list[int], columns: int
) -> list[tuple[int, int]]:
    """A word wider than the line is cut into pieces that fit."""
    out: list[tuple[int, int]] = []
    for begin, end in tokens:
        if text[begin].isspace() or before[end] - before[begin] <= columns:
            out.append((begin, end))
            continue
        piece = begin
        for i in range(begin, end):
            if before[i + 1] - before[piece] > columns:
                out.append((piece, i))
                piece = i
        out.append((piece, end))
    return out


def wrap(text: str, columns: int) -> list[str]:
    """``text`` as lines of at most ``columns`` cells, by the rules of :func:`line_spans`."""
    return [text[begin:end] for begin, end in line_spans(text, columns)]
