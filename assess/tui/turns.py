"""Acting after the keys typed before: a priority key runs in the app's turn, ahead of them.

Textual hands each key to the focused widget's own queue; a priority binding (ctrl+s, Tab, the
``alt+`` chords) runs in the app's turn, when keys typed just before it may still wait in a
field's queue, or be on their way back up to the app (a digit that picks a drop-down's option).
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget


def after_typed(root: Widget, then: Callable[[], None]) -> None:
    """Run ``then`` once every widget under ``root`` (children before parents), and then the
    app, has handled what it was handed before now: a form's text typed right before ctrl+s is
    in its field when the form is read."""
    nodes = [*reversed(list(root.walk_children(with_self=True))), root.app]

    def step() -> None:
        while nodes:
            if nodes.pop(0).call_later(step):
                return  # continues once that node has handled its queue
        then()

    step()
