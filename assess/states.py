"""The file's enumerations: stored values, no pydantic.

Kept apart from ``assess.models`` so what the window draws first (glyphs, keys, labels) can be
named before pydantic is imported (see ``assess.tui.first_frame``); ``models`` re-exports them.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where an item stands; the value is stored, the labels are shown."""

    NOT_ASSESSED = "not_assessed"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    NOT_APPLICABLE = "not_applicable"


# The order statuses are listed in everywhere (counts, legends, drop-downs): best first.
STATUS_ORDER: tuple[Status, ...] = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class ReviewState(StrEnum):
    """Where the assessment stands in its sign-off: 填报中 → 待审核 → 已审核 / 退回修改 → 定稿."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    RETURNED = "returned"
    FINAL = "final"


class Schedule(StrEnum):
    """How 推进中 work stands against its plan (台账 report 达进度/欠进度)."""

    ON_TRACK = "on_track"
    BEHIND = "behind"


class ClaimStatus(StrEnum):
    """Where an application for a support policy stands."""

    NOT_APPLIED = "not_applied"
    APPLYING = "applying"
    APPROVED = "approved"
    REJECTED = "rejected"
