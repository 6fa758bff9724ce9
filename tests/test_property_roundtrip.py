"""Property tests: whatever Unicode a user types, save → load gives it back unchanged.

Chinese civil servants paste text from WPS, web pages and chat apps: CJK, emoji, full-width
punctuation, right-to-left names, stray control characters and very long paragraphs. Every
text field must survive the file byte for byte, and the file format must be stable so that
saving an unchanged assessment never rewrites it differently.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assess.checklist import Checklist
from assess.editing import Editor, history_value
from assess.lifecycle import new_assessment
from assess.models import Action, Assessment, Status, ZoneProfile
from assess.resources import default_checklist
from assess.storage import dumps, load, parse, save

CHECKLIST: Checklist = default_checklist()

# Fragments real users produce, mixed into hypothesis' own arbitrary text.
FRAGMENTS = [
    "国家级经开区",
    "〔2025〕3号",
    "（一）",
    "：；，。“”‘’",
    "𠀀𪚥",  # CJK extension B, outside the BMP
    "👩‍💻🇨🇳✅",  # ZWJ sequence, flag, symbol
    "مرحبا",  # right-to-left
    "\u202eabc\u202c",  # RTL override
    "שלום",
    "\x00\x01\x1f\x7f",  # control characters, escaped by JSON
    "\t\r\n\r",
    "\u2028\u2029",  # JSON-legal, JavaScript-hostile
    "\ufeff",  # a BOM inside the text
    '"\\/',  # JSON's own escapes
    "=SUM(A1)",
    "e\u0301",  # combining accent, not normalised
    " ",
]

_characters = st.characters(codec="utf-8")  # every code point but surrogates
_piece = st.one_of(st.text(_characters, max_size=30), st.sampled_from(FRAGMENTS))
TEXT = st.lists(_piece, max_size=8).map("".join)
LONG = st.builds(
    lambda s, n: s * n, st.text(_characters, min_size=1, max_size=8), st.integers(1, 4000)
)
ANY_TEXT = st.one_of(TEXT, TEXT, LONG)
NON_EMPTY = ANY_TEXT.filter(bool)

ITEM_IDS = [item.id for item in CHECKLIST.items]
FIELDS = ("explanation", "current", "gap", "opportunity", "note")
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@st.composite
def assessments(draw: st.DrawFn) -> Assessment:
    """An assessment whose every free-text field holds drawn text, edited through Editor."""
    zone = ZoneProfile(name=draw(NON_EMPTY), province="江苏省")
    a = new_assessment(CHECKLIST, zone, draw(NON_EMPTY), draw(ANY_TEXT))
    ed = Editor(a, who=draw(ANY_TEXT))
    evidence = [
        ed.add_evidence(draw(NON_EMPTY), draw(ANY_TEXT), draw(st.none() | st.dates()))
        for _ in range(draw(st.integers(0, 3)))
    ]
    for item_id in draw(st.lists(st.sampled_from(ITEM_IDS), min_size=1, max_size=4, unique=True)):
        ed.set_status(item_id, draw(st.sampled_from(list(Status))))
        for name in FIELDS:
            ed.set_text(item_id, name, draw(ANY_TEXT))
        actions = [
            Action(text=draw(NON_EMPTY), lead=draw(ANY_TEXT), partners=draw(ANY_TEXT))
            for _ in range(draw(st.integers(0, 2)))
        ]
        ed.set_actions(item_id, actions)
        if evidence:
            cited = draw(st.lists(st.sampled_from([e.id for e in evidence]), unique=True))
            ed.set_item_evidence(item_id, cited)
    return a


@SETTINGS
@given(assessment=assessments())
def test_save_then_load_gives_back_an_equal_assessment(
    tmp_path: Path, assessment: Assessment
) -> None:
    path = tmp_path / "a.json"
    save(path, assessment)
    loaded = load(path, CHECKLIST)
    assert loaded.migration is None
    assert loaded.assessment == assessment
    assert path.read_text(encoding="utf-8") == dumps(assessment)


@SETTINGS
@given(assessment=assessments())
def test_dumps_is_stable_across_a_reload(assessment: Assessment) -> None:
    text = dumps(assessment)
    again = dumps(parse(text, Path("a.json"), CHECKLIST).assessment)
    assert again == text


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(FIELDS), text=NON_EMPTY, item_id=st.sampled_from(ITEM_IDS))
def test_each_text_field_keeps_exactly_what_was_typed(name: str, text: str, item_id: str) -> None:
    """One field at a time, so a failure names the field and the shortest text that breaks it."""
    a = new_assessment(CHECKLIST, ZoneProfile(name="测试经开区", province="江苏"), "2025年")
    Editor(a).set_text(item_id, name, text)
    back = parse(dumps(a), Path("a.json"), CHECKLIST).assessment
    assert getattr(back.items[item_id], name) == text
    assert back.history[-1].new == history_value(text)  # long values: start, length, digest


def test_a_long_paragraph_of_every_kind_round_trips(tmp_path: Path) -> None:
    """A fixed worst case, so the property is also checked without hypothesis' luck."""
    text = "".join(FRAGMENTS) * 2000  # ~100 k characters
    a = new_assessment(CHECKLIST, ZoneProfile(name=text[:50], province="江苏"), text[:80], text)
    ed = Editor(a)
    ev = ed.add_evidence(text, text, dt.date(2025, 12, 31))
    ed.set_text("1.1", "current", text)
    ed.set_actions("1.1", [Action(text=text, lead=text, partners=text)])
    ed.set_item_evidence("1.1", [ev.id])
    path = tmp_path / "long.json"
    save(path, a)
    assert load(path, CHECKLIST).assessment == a
