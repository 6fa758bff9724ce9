"""Text from a file shown as it is: never parsed as markup, so ``[/]`` cannot crash a widget.

Textual widgets read a plain ``str`` as content markup (``[b]``, ``[@click=…]``, ``[link=…]``);
a zone name, an evidence reference or an action text holding such brackets would vanish,
become clickable or raise MarkupError. Wrapping it in ``rich.text.Text`` shows it literally.
"""

from __future__ import annotations

from rich.text import Text


def literal(*values: str) -> tuple[Text, ...]:
    """Table cells (or any strings) as literal text."""
    return tuple(Text(v) for v in values)
