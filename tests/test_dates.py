"""Dates typed the way Chinese offices write them."""

from __future__ import annotations

import datetime as dt

import pytest

from assess.dates import looks_like_date, parse_date_text


@pytest.mark.parametrize(
    "text", ["2026-06-30", "2026/6/30", "2026.6.30", "2026年6月30日", " 2026 - 06 - 30 "]
)
def test_accepted_forms(text: str) -> None:
    assert parse_date_text(text) == dt.date(2026, 6, 30)


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01"])
def test_right_form_but_no_such_day(text: str) -> None:
    assert parse_date_text(text) is None and looks_like_date(text)


@pytest.mark.parametrize("text", ["六月底", "30/6/2026", "2026-6", ""])
def test_not_a_date(text: str) -> None:
    assert parse_date_text(text) is None and not looks_like_date(text)
