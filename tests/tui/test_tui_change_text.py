"""What an undo says it undid quotes each value once: a value's own “…” nests as ‘…’."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assess.lang import Lang
from assess.lifecycle import new_assessment
from assess.models import Change, ZoneProfile
from assess.resources import default_checklist
from assess.texts import Texts
from assess.tui.change_text import describe_changes
from assess.tui.session import Session

AT = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (Lang.ZH, "6.2 备注：“建设‘智慧园区’” → “‘一网通办’平台”"),
        (Lang.EN, "6.2 note: “建设‘智慧园区’” → “‘一网通办’平台”"),
    ],
)
def test_a_value_holding_quotes_is_quoted_once_with_its_own_nested(lang: Lang, said: str) -> None:
    cl = default_checklist()
    session = Session(cl, new_assessment(cl, ZoneProfile(name="甲", province="江苏"), "2026"), None)
    note = Change(at=AT, item="6.2", field="note", old="建设“智慧园区”", new="“一网通办”平台")
    assert describe_changes([note], session, Texts(lang)) == said


def test_an_action_titled_with_quotes_nests_them() -> None:
    cl = default_checklist()
    session = Session(cl, new_assessment(cl, ZoneProfile(name="甲", province="江苏"), "2026"), None)
    action = json.dumps({"id": "A1", "text": "推广“标准地”出让"}, ensure_ascii=False)
    added = Change(at=AT, item="6.2", field="actions", old="", new=action)
    assert describe_changes([added], session, Texts()).endswith("→ “推广‘标准地’出让”")
