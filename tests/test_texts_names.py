"""A catalog name defined twice in one module silently hides the first entry from its users."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import assess.texts


def test_no_texts_module_binds_a_name_twice() -> None:
    twice = []
    for path in sorted(Path(assess.texts.__path__[0]).glob("*.py")):
        names = [
            target.id
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        ]
        twice += [f"{path.name}: {n}" for n, count in Counter(names).items() if count > 1]
    assert twice == []
