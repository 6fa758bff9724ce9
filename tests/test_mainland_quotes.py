"""Generated Chinese text quotes with “” as mainland documents do, never 「」, and nests ‘’."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import string
from pathlib import Path

import docx

import assess.texts
from assess.checklist import Checklist
from assess.demo import build_demo
from assess.lang import Lang
from assess.texts import report
from assess.texts.catalog import CATALOG, Texts
from assess.word.render import write_report


def test_no_catalog_entry_quotes_with_corner_brackets() -> None:
    for module in pkgutil.iter_modules(assess.texts.__path__):
        importlib.import_module(f"assess.texts.{module.name}")
    assert len(CATALOG) > 100
    corner = [entry.id for entry in CATALOG.values() if "「" in entry.zh or "」" in entry.zh]
    assert corner == []


def nested_double_quotes(text: str) -> list[str]:
    """The stretches where a “ opens inside an open “ (mainland style nests ‘…’ inside)."""
    depth, start, found = 0, 0, []
    for index, char in enumerate(text):
        if char == "“":
            if depth:
                found.append(text[start : index + 8])
            else:
                start = index
            depth += 1
        elif char == "”":
            depth = max(depth - 1, 0)
    return found


def test_a_quoted_title_that_holds_quotes_nests_them_as_single_quotes() -> None:
    for module in pkgutil.iter_modules(assess.texts.__path__):
        importlib.import_module(f"assess.texts.{module.name}")
    value = "“工业上楼”产业类型"
    checked = 0
    for entry in CATALOG.values():
        for lang in Lang:
            names = _fields(entry.zh) | _fields(entry.en)
            if not names or _has_spec(entry.zh) or _has_spec(entry.en):
                continue  # numbers are no titles
            rendered = Texts(lang)(entry, **dict.fromkeys(names, value))
            assert nested_double_quotes(rendered) == [], (entry.id, lang, rendered)
            checked += "‘工业上楼’" in rendered
    assert checked > 40
    assert Texts()(report.EFFECT, title=value, effect="已建成") == "“‘工业上楼’产业类型”：已建成"


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _has_spec(template: str) -> bool:
    return any(spec for _, _, spec, _ in string.Formatter().parse(template))


def test_the_report_never_nests_double_quotes(tmp_path: Path, checklist: Checklist) -> None:
    demo = build_demo(checklist, dt.date(2026, 1, 15))
    path = write_report(checklist, demo, tmp_path / "r.docx", today=dt.date(2026, 1, 15))
    body = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert nested_double_quotes(body) == []
    assert "“‘工业上楼’产业类型”" in body
    assert "“‘高效办成一件事’与一站式服务”" in body
