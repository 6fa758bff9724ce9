"""The checklist: the 2025 work plan decomposed into assessable items (逐项分解).

The checklist is data (TOML under ``checklists/``); this module defines its shape and
loads it, reporting a bad field by its path so a checklist author can fix it.
"""

from __future__ import annotations

import tomllib
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Protocol

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from assess.errors import LoadError, TextValueError, describe_validation_error, os_reason
from assess.regions import Region
from assess.texts import errors as texts


class Picks(Protocol):
    """A reader's language, as far as choosing between a Chinese text and its English twin."""

    def pick(self, zh: str, en: str) -> str: ...


class Kind(StrEnum):
    """Who acts and how strongly: decides whether a missing item is a gap or an opportunity."""

    REQUIREMENT = "requirement"
    SUPPORT = "support"
    ENCOURAGE = "encourage"
    HIGHER_LEVEL = "higher_level"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Applicability(_Strict):
    """Which zones an item applies to; every condition given must hold.

    ``conditional`` marks “有条件的/符合条件的” items: they apply by default, and a zone
    without the conditions marks them 不适用 with a reason.
    """

    regions: tuple[Region, ...] = ()
    border: bool = False
    hub: bool = False
    foreign_talent: bool = False
    conditional: bool = False

    @property
    def restricted(self) -> bool:
        return bool(self.regions) or self.border or self.hub or self.foreign_talent


class Indicator(_Strict):
    """A figure the zone already reports (e.g. 实际使用外资, 亿美元)."""

    name: str = Field(min_length=1)
    unit: str = ""
    name_en: str = ""


class Item(_Strict):
    """One assessable clause of a measure, quoting the policy verbatim."""

    id: str = Field(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*$")
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    source: str = Field(min_length=1)
    kind: Kind
    applies: Applicability = Applicability()
    guidance: str = Field(min_length=1)
    guidance_en: str = ""
    evidence: tuple[str, ...] = ()
    evidence_en: tuple[str, ...] = ()
    """The suggested evidence in English: one entry for each of ``evidence``, in its order."""
    indicators: tuple[Indicator, ...] = ()
    weight: float = Field(default=1.0, gt=0)

    @model_validator(mode="after")
    def _evidence_en_pairs_evidence(self) -> Item:
        if self.evidence_en and len(self.evidence_en) != len(self.evidence):
            raise TextValueError(
                texts.EVIDENCE_EN_COUNT, english=len(self.evidence_en), chinese=len(self.evidence)
            )
        return self

    def evidence_in(self, t: Picks) -> tuple[str, ...]:
        """The suggested evidence in the reader's language (Chinese if no English is given)."""
        return tuple(
            t.pick(zh, en)
            for zh, en in zip(self.evidence, self.evidence_en or self.evidence, strict=True)
        )


class Measure(_Strict):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    items: tuple[Item, ...] = Field(min_length=1)

    @property
    def numeral(self) -> str:
        """The official numbering, e.g. （十三）."""
        return f"（{chinese_numeral(self.number)}）"


class Area(_Strict):
    number: int = Field(ge=1, description="Official section number in the plan (二 = 2).")
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    measures: tuple[Measure, ...] = Field(min_length=1)

    @property
    def numeral(self) -> str:
        return chinese_numeral(self.number)


class FigureMove(_Strict):
    """A figure (indicator value) that now belongs to another item."""

    name: str = Field(min_length=1)
    from_item: str = Field(alias="from", min_length=1, description="ID in the earlier version")
    to: str = Field(min_length=1, description="ID in this version")


class VersionChange(_Strict):
    """How the items of an earlier version map onto this one, so its files load losslessly.

    IDs not named keep their ID. ``renamed`` moves a record; ``split`` copies it to each part
    (the zone answered the whole sentence); ``kinds`` holds the kind an item had before, so the
    loader can say whose gap or opportunity it now is.
    """

    from_version: str = Field(alias="from", min_length=1)
    renamed: dict[str, str] = Field(default_factory=dict)
    split: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    figures: tuple[FigureMove, ...] = ()
    kinds: dict[str, Kind] = Field(default_factory=dict)

    def target(self, old_id: str) -> tuple[str, ...]:
        """The IDs in this version that carry the record of ``old_id``."""
        if old_id in self.split:
            return self.split[old_id]
        return (self.renamed.get(old_id, old_id),)


class Checklist(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: str
    title_en: str
    source: str = ""
    issued: str = ""
    areas: tuple[Area, ...] = Field(min_length=1)
    changes: tuple[VersionChange, ...] = Field(
        default=(), description="Mappings from earlier versions, oldest first."
    )

    @field_validator("areas")
    @classmethod
    def _unique_ids(cls, areas: tuple[Area, ...]) -> tuple[Area, ...]:
        seen: set[str] = set()
        for area in areas:
            for measure in area.measures:
                for item in measure.items:
                    if not item.id.startswith(f"{measure.number}."):
                        raise ValueError(
                            f"item {item.id} is under measure {measure.number}; "
                            f"its ID must start with '{measure.number}.'"
                        )
                    if item.id in seen:
                        raise ValueError(f"duplicate item ID {item.id}")
                    seen.add(item.id)
        return areas

    @model_validator(mode="after")
    def _changes_name_items(self) -> Checklist:
        """A mapping that points at an item this version lacks would lose a record."""
        known = {i.id: i for a in self.areas for m in a.measures for i in m.items}
        for change in self.changes:
            targets = [*change.renamed.values(), *(p for ps in change.split.values() for p in ps)]
            for new_id in [*targets, *(f.to for f in change.figures), *change.kinds]:
                if new_id not in known:
                    raise ValueError(
                        f"changes (from {change.from_version}): item {new_id} is not in this "
                        f"checklist; map old IDs only onto items of version {self.version}"
                    )
            if len(targets) != len(set(targets)):
                raise ValueError(
                    f"changes (from {change.from_version}): two old items map onto the same ID; "
                    f"each new ID may receive one old record"
                )
            for move in change.figures:
                if move.name not in {ind.name for ind in known[move.to].indicators}:
                    raise ValueError(
                        f"changes (from {change.from_version}): figure {move.name!r} moves to "
                        f"{move.to}, which has no indicator of that name; add it to {move.to}"
                    )
        return self

    @property
    def measures(self) -> list[Measure]:
        return [m for a in self.areas for m in a.measures]

    @property
    def items(self) -> list[Item]:
        return [i for m in self.measures for i in m.items]

    @cached_property
    def item_index(self) -> dict[str, Item]:
        return {i.id: i for i in self.items}

    @cached_property
    def measure_of(self) -> dict[str, Measure]:
        """Item ID → its measure."""
        return {i.id: m for m in self.measures for i in m.items}

    @cached_property
    def area_of(self) -> dict[str, Area]:
        """Item ID → its area."""
        return {i.id: a for a in self.areas for m in a.measures for i in m.items}

    def measure(self, number: int) -> Measure:
        for m in self.measures:
            if m.number == number:
                return m
        raise KeyError(number)


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 16 → 十六, 20 → 二十 (enough for section numbers)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def item_sort_key(item_id: str) -> tuple[int, ...]:
    """Natural order of IDs: 1.2 before 1.10."""
    return tuple(int(part) if part.isdigit() else 0 for part in item_id.split("."))


def load_checklist(path: Path) -> Checklist:
    """Load and validate a checklist TOML file; errors name the file and the field."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LoadError(path, "", texts.CHECKLIST_UNREADABLE, reason=os_reason(exc)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LoadError(path, "", texts.CHECKLIST_NOT_TOML, detail=exc) from None
    try:
        return Checklist.model_validate(data)
    except ValidationError as exc:
        field, problem = describe_validation_error(exc)
        raise LoadError(path, field, problem) from None
