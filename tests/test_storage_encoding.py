"""The fast encoder writes exactly the bytes the json module would: a file saved by this
version reads (and diffs) the same as one saved before, whatever the user typed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_property_roundtrip import TEXT

from assess.demo import build_demo
from assess.editing import Editor
from assess.errors import SaveError
from assess.models import Assessment
from assess.resources import default_checklist
from assess.storage import encode, encode_snapshot, ordered, snapshot

CHECKLIST = default_checklist()
PATH = Path("a.json")


def reference(assessment: Assessment) -> bytes:
    """The bytes files have always had: json.dumps with indent 2, items in checklist order."""
    data = ordered(assessment.model_dump(mode="json"))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def test_the_demo_encodes_as_the_json_module_does() -> None:
    demo = build_demo(CHECKLIST)
    assert encode(demo, PATH) == reference(demo)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXT, min_size=3, max_size=3), figure=TEXT)
def test_any_typed_text_encodes_as_the_json_module_does(texts: list[str], figure: str) -> None:
    demo = build_demo(CHECKLIST)
    editor = Editor(demo)
    editor.set_text("1.3", "explanation", texts[0])
    editor.set_text("10.1", "note", texts[1])
    demo.zone.name = texts[2] or "甲"
    editor.set_figure("1.1", "figure", figure)
    assert encode(demo, PATH) == reference(demo)


def test_a_snapshot_is_unchanged_by_later_edits() -> None:
    """What a save thread encodes is the state when the change was made, not a later one."""
    demo = build_demo(CHECKLIST)
    data = snapshot(demo)
    before = encode(demo, PATH)
    Editor(demo).set_text("1.3", "note", "之后的修改")
    assert encode_snapshot(data, PATH) == before


def test_a_lone_surrogate_is_a_save_error_not_a_crash() -> None:
    """The models refuse one; should one get past them, the save says so and writes nothing."""
    demo = build_demo(CHECKLIST)
    demo.zone = demo.zone.model_copy(update={"name": "甲\ud800"})  # copies skip validation
    with pytest.raises(SaveError):
        encode(demo, PATH)
