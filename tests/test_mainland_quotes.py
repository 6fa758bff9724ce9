"""Generated Chinese text quotes with “” as mainland documents do, never 「」."""

from __future__ import annotations

import importlib
import pkgutil

import assess.texts
from assess.texts.catalog import CATALOG


def test_no_catalog_entry_quotes_with_corner_brackets() -> None:
    for module in pkgutil.iter_modules(assess.texts.__path__):
        importlib.import_module(f"assess.texts.{module.name}")
    assert len(CATALOG) > 100
    corner = [entry.id for entry in CATALOG.values() if "「" in entry.zh or "」" in entry.zh]
    assert corner == []
