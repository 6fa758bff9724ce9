"""Suggested evidence in English (issue 14.8): one English entry for each Chinese one, in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assess.checklist import load_checklist
from assess.errors import LoadError
from assess.lang import Lang
from assess.resources import checklist_path, default_checklist
from assess.texts import Texts

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_item_has_english_evidence_entry_for_entry() -> None:
    for item in default_checklist().items:
        assert len(item.evidence_en) == len(item.evidence), item.id
        for english in item.evidence_en:
            assert english.strip() and not HAN.search(english), (item.id, english)


def test_evidence_in_each_language() -> None:
    item = default_checklist().item_index["6.4"]
    assert item.evidence_in(Texts(Lang.ZH)) == item.evidence
    assert item.evidence_in(Texts(Lang.EN)) == item.evidence_en
    assert "tax" in item.evidence_en[0].lower()


def test_an_english_list_of_another_length_is_refused(tmp_path: Path) -> None:
    text = checklist_path().read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("evidence_en = ["))
    broken = tmp_path / "broken.toml"
    broken.write_text(
        text.replace(line, 'evidence_en = ["one", "two", "three", "four"]', 1), "utf-8"
    )
    with pytest.raises(LoadError) as info:
        load_checklist(broken)
    assert info.value.field.startswith("areas.") and "evidence_en" in info.value.render(Texts())
