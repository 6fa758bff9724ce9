"""The field registry: every recorded field once, with its label, header, width and cell codec.

The TUI form, ``Editor``, the workbook writer and reader and the import report walk these
definitions, so a field's name, its column and how its value is written and read are each
defined in one place. Codecs are pure: ``to_cell`` gives what a cell shows (text or a date),
``from_cell`` reads it back and raises :class:`FieldError` (a catalog message) on bad input;
an empty cell is ``None``, "no value".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Any

from assess.dates import parse_date_text
from assess.errors import Message
from assess.models import ActionStatus, ClaimStatus, Priority, Schedule, Status
from assess.regions import PROVINCES, normalize_province, region_of
from assess.texts import Text, Texts, parse_label
from assess.texts import policy as policy_texts
from assess.texts.labels import EXPLANATION, FIELD, HEADER, NO, PROVINCE_CELL, YES
from assess.texts.messages import BAD_CHOICE, BAD_DATE, BAD_PROVINCE
from assess.texts.provinces import PROVINCE, province_label

Cell = str | dt.date | None
ZH = Texts()


class FieldError(ValueError):
    """A value that cannot be read; rendered in the user's language by the adapter."""

    def __init__(self, entry: Text, **params: object) -> None:
        self.entry = entry
        self.params = params
        self.body = Message(entry, params)
        super().__init__(self.body.both())

    def render(self, t: Texts) -> str:
        return self.body.render(t)


class FieldKind(StrEnum):
    STATUS = "status"
    MULTILINE = "multiline"
    LINE = "line"
    DATE = "date"
    CHOICE = "choice"
    FLAG = "flag"
    LIST = "list"


@dataclass(frozen=True)
class Field:
    """One recorded field: ``id`` is the model attribute (``action.lead`` for an action's)."""

    id: str
    kind: FieldKind
    width: float = 0
    header_text: Text | None = None
    choices: type[Enum] | None = None

    @property
    def attr(self) -> str:
        """The attribute on its model (``lead`` for ``action.lead``)."""
        return self.id.rpartition(".")[2] if "." in self.id else self.id

    @property
    def label(self) -> Text:
        return FIELD.get(self.id) or policy_texts.FIELD[self.id]

    @property
    def header(self) -> Text:
        """The workbook's column header (the label unless the workbook words it otherwise)."""
        return self.header_text or self.label

    def label_for(self, status: Status) -> Text:
        """The label as a form shows it: the explanation asks for 成效/进度/原因/理由 by status."""
        return EXPLANATION[status.value] if self.id == "explanation" else self.label

    def to_cell(self, value: Any, t: Texts = ZH) -> Cell:
        """What a cell shows for ``value``; None for no value."""
        if value is None or value == "":
            return None
        if self.kind is FieldKind.DATE:
            return value if isinstance(value, dt.date) else None
        if isinstance(value, Enum):
            return t.label(value)
        if self.kind is FieldKind.FLAG:
            return t(YES if value else NO)
        if self.id == "zone.province":
            province = province_label(value, t)
            return t(PROVINCE_CELL, province=province, region=t.label(region_of(value)))
        return str(value)

    def from_cell(self, raw: object) -> Any:
        """The value a cell holds; None when it is empty; FieldError when it cannot be read."""
        if isinstance(raw, dt.datetime):
            raw = raw.date()
        if self.kind is FieldKind.DATE and isinstance(raw, dt.date):
            return raw
        text = "" if raw is None else str(raw)
        if not text.strip():
            return None
        if self.kind is FieldKind.DATE:
            parsed = parse_date_text(text)
            if parsed is None:
                raise FieldError(BAD_DATE, value=text.strip())
            return parsed
        if self.choices is not None:
            member = parse_label(self.choices, text)
            if member is None and self.choices is Status:
                member = _request_status(text)
            if member is None:
                raise FieldError(BAD_CHOICE, field=self.header, value=text.strip(),
                                 choices=_choices(self.choices))  # fmt: skip
            return member
        if self.kind is FieldKind.FLAG:
            return _flag(text)
        if self.id == "zone.province":
            return _province(text)
        return text


def _request_status(text: str) -> Status | None:
    """已获得/争取中/未争取 (a higher-level item's labels) name the same stored statuses."""
    key = text.strip().casefold()
    for value, entry in policy_texts.REQUEST_STATUS.items():
        if key in (entry.zh, entry.en.casefold()):
            return Status(value)
    return None


def _flag(text: str) -> bool:
    key = text.strip().casefold()
    for entry, value in ((YES, True), (NO, False)):
        if key in (entry.zh, entry.en.casefold()):
            return value
    raise FieldError(BAD_CHOICE, field="", value=text.strip(), choices=f"{YES.zh}、{NO.zh}")


def _choices(enum: type[Enum]) -> str:
    return "、".join(ZH.label(member) for member in enum)


_ENGLISH_PROVINCES = {entry.en.casefold(): short for short, entry in PROVINCE.items()}


def _province(text: str) -> str:
    """江苏、江苏省, 江苏（东部地区）or Jiangsu (East) as the 总览 shows it → 江苏."""
    name = text.strip()
    for bracket in ("（", "("):
        name = name.split(bracket)[0].strip()
    short = normalize_province(name) or _ENGLISH_PROVINCES.get(name.casefold())
    if short is None:
        raise FieldError(BAD_PROVINCE, value=text.strip(), choices="、".join(PROVINCES))
    return short


STATUS = Field("status", FieldKind.STATUS, 7, header_text=HEADER["status"], choices=Status)
EXPLANATION_FIELD = Field("explanation", FieldKind.MULTILINE, 20, header_text=HEADER["explanation"])
CURRENT = Field("current", FieldKind.MULTILINE, 14)
EVIDENCE = Field("evidence", FieldKind.LIST, 18)
GAP = Field("gap", FieldKind.MULTILINE, 12)
OPPORTUNITY = Field("opportunity", FieldKind.MULTILINE, 12)
ACTIONS = Field("actions", FieldKind.LIST, 16)
NOTE = Field("note", FieldKind.MULTILINE, 8)
FIGURES = Field("figures", FieldKind.LIST, 16, header_text=HEADER["figures"])

RECORD_FIELDS: tuple[Field, ...] = (
    STATUS, EXPLANATION_FIELD, CURRENT, EVIDENCE, GAP, OPPORTUNITY, ACTIONS, NOTE, FIGURES,
)  # fmt: skip
TEXT_FIELDS: tuple[Field, ...] = tuple(f for f in RECORD_FIELDS if f.kind is FieldKind.MULTILINE)

ACTION_TEXT = Field("action.text", FieldKind.MULTILINE, 40)
ACTION_LEAD = Field("action.lead", FieldKind.LINE, 12)
ACTION_PARTNERS = Field("action.partners", FieldKind.LINE, 12)
ACTION_DUE = Field("action.due", FieldKind.DATE, 11)
ACTION_PRIORITY = Field("action.priority", FieldKind.CHOICE, 7, choices=Priority)
ACTION_STATUS = Field("action.status", FieldKind.CHOICE, 8, choices=ActionStatus)
ACTION_FIELDS: tuple[Field, ...] = (
    ACTION_TEXT, ACTION_LEAD, ACTION_PARTNERS, ACTION_DUE, ACTION_PRIORITY, ACTION_STATUS,
)  # fmt: skip

ACTION_ID = Field("action.id", FieldKind.LINE, 6)
"""Not one of ACTION_FIELDS: the row's identity (A1…), never a value a workbook edits."""

EVIDENCE_ID = Field("evidence.id", FieldKind.LINE, 6)
EVIDENCE_TITLE = Field("evidence.title", FieldKind.LINE, 36)
EVIDENCE_REF = Field("evidence.ref", FieldKind.LINE, 36)
EVIDENCE_DATE = Field("evidence.date", FieldKind.DATE, 11)
EVIDENCE_FIELDS: tuple[Field, ...] = (EVIDENCE_ID, EVIDENCE_TITLE, EVIDENCE_REF, EVIDENCE_DATE)

ZONE_NAME = Field("zone.name", FieldKind.LINE)
ZONE_PROVINCE = Field("zone.province", FieldKind.LINE)
ZONE_BORDER = Field("zone.border", FieldKind.FLAG)
ZONE_HUB = Field("zone.hub", FieldKind.FLAG)
ZONE_FOREIGN_TALENT = Field("zone.foreign_talent", FieldKind.FLAG)
PERIOD = Field("period", FieldKind.LINE)
ASSESSOR = Field("assessor", FieldKind.LINE)
CONTACT = Field("contact", FieldKind.LINE)
RESPONSIBLE = Field("responsible", FieldKind.LINE, 14)
"""An item's 牵头部门 and 配合部门 as one cell (see ``assess.excel.responsible``)."""
ZONE_FIELDS: tuple[Field, ...] = (
    ZONE_NAME, ZONE_PROVINCE, ZONE_BORDER, ZONE_HUB, ZONE_FOREIGN_TALENT,
)  # fmt: skip
ASSESSMENT_FIELDS: tuple[Field, ...] = (*ZONE_FIELDS, PERIOD, ASSESSOR, CONTACT)

# The policy's own logic: schedule of 推进中 work, whom a request is asked of, claims, zone tasks.
# Kept out of RECORD_FIELDS (merged and imported by their own sheets, not the item row's).
SCHEDULE = Field("schedule", FieldKind.CHOICE, 7, choices=Schedule)
ASKED_OF = Field("asked_of", FieldKind.LINE, 14)
CLAIMS = Field("claims", FieldKind.LIST)
POLICY_FIELDS: tuple[Field, ...] = (SCHEDULE, ASKED_OF, CLAIMS)

CLAIM_ID = Field("claim.id", FieldKind.LINE, 6)
CLAIM_POLICY = Field("claim.policy", FieldKind.MULTILINE, 30)
CLAIM_ISSUER = Field("claim.issuer", FieldKind.LINE, 16)
CLAIM_STATUS = Field("claim.status", FieldKind.CHOICE, 8, choices=ClaimStatus)
CLAIM_AMOUNT = Field("claim.amount", FieldKind.LINE, 12)
CLAIM_DATE = Field("claim.date", FieldKind.DATE, 11)
CLAIM_FIELDS: tuple[Field, ...] = (
    CLAIM_ID, CLAIM_POLICY, CLAIM_ISSUER, CLAIM_STATUS, CLAIM_AMOUNT, CLAIM_DATE,
)  # fmt: skip

TASK_ID = Field("task.id", FieldKind.LINE, 6)
TASK_MEASURE = Field("task.measure", FieldKind.LINE, 8)
TASK_TITLE = Field("task.title", FieldKind.LINE, 20)
TASK_DESCRIPTION = Field("task.description", FieldKind.MULTILINE, 30)
TASK_FIELDS: tuple[Field, ...] = (TASK_ID, TASK_MEASURE, TASK_TITLE, TASK_DESCRIPTION)

BY_ID: dict[str, Field] = {
    f.id: f
    for f in (
        *RECORD_FIELDS, *ACTION_FIELDS, ACTION_ID, *EVIDENCE_FIELDS, *ASSESSMENT_FIELDS,
        RESPONSIBLE, *POLICY_FIELDS, *CLAIM_FIELDS, *TASK_FIELDS,
    )
}  # fmt: skip
