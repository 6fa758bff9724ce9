"""Footer descriptions of a screen's keys, from the catalog in the user's language."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from textual.dom import DOMNode

from assess.texts.catalog import Text, Texts


def describe_keys(node: DOMNode, t: Texts, descriptions: Mapping[str, Text]) -> None:
    """Give each binding whose action is in ``descriptions`` that text (short: 80 columns)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            dataclasses.replace(b, description=t(descriptions[b.action]))
            if b.action in descriptions
            else b
            for b in bindings
        ]
