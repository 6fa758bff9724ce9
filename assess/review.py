"""Review and sign-off (审核与定稿): the steps, who may follow which, and the read-only rule.

Reports go up “主要领导审阅同意后”, so the file itself records who submitted, reviewed and
finalized it, when and with what 意见; a final assessment refuses every change until it is
explicitly reopened (a logged step like the others).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from pydantic import ValidationError

from assess.errors import AssessError
from assess.lang import Lang
from assess.models import UNDO_MARKS, Assessment, Review, ReviewState
from assess.texts import review as words
from assess.texts.catalog import Text, Texts, parse_label


class ReviewStep(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "reject"  # "return" is a keyword; the CLI accepts both
    FINALIZE = "finalize"
    REOPEN = "reopen"


# step → (states it may follow, state it leads to)
TRANSITIONS: dict[ReviewStep, tuple[frozenset[ReviewState], ReviewState]] = {
    ReviewStep.SUBMIT: (
        frozenset({ReviewState.DRAFT, ReviewState.RETURNED}),
        ReviewState.SUBMITTED,
    ),
    ReviewStep.APPROVE: (frozenset({ReviewState.SUBMITTED}), ReviewState.APPROVED),
    ReviewStep.RETURN: (
        frozenset({ReviewState.SUBMITTED, ReviewState.APPROVED}),
        ReviewState.RETURNED,
    ),
    ReviewStep.FINALIZE: (frozenset({ReviewState.APPROVED}), ReviewState.FINAL),
    ReviewStep.REOPEN: (frozenset({ReviewState.FINAL}), ReviewState.DRAFT),
}
# A return and a reopen must say why: the next person needs to know what to change.
NEEDS_OPINION = frozenset({ReviewStep.RETURN, ReviewStep.REOPEN})
# Who reviewed: the one who took the last of these steps (定稿: the approval before it).
REVIEWED_STATES = frozenset({ReviewState.APPROVED, ReviewState.RETURNED, ReviewState.FINAL})


class ReviewError(AssessError):
    """A step that does not follow from the current state, or lacks a name or a reason."""


class FinalizedError(AssessError):
    """A change to a final assessment (the Editor refuses it; reopen first)."""


def parse_step(value: str) -> ReviewStep:
    """A step from the CLI: its code, ``return``, or its label in either language."""
    if value.strip().casefold() == "return":
        return ReviewStep.RETURN
    step = parse_label(ReviewStep, value)
    if step is None:
        raise ReviewError(f"{value}: " + ", ".join(s.value for s in ReviewStep))
    return step


def allowed_steps(state: ReviewState) -> list[ReviewStep]:
    return [step for step, (sources, _) in TRANSITIONS.items() if state in sources]


def check_step(assessment: Assessment, step: ReviewStep, who: str, opinion: str) -> ReviewState:
    """The state ``step`` leads to; ReviewError if not allowed."""
    sources, target = TRANSITIONS[step]
    state = assessment.review.state
    if state not in sources:
        raise _refusal(words.STEP_REFUSED, state, step)
    if not who.strip():
        raise _refusal(words.WHO_REQUIRED, state, step)
    if step in NEEDS_OPINION and not opinion.strip():
        raise _refusal(words.OPINION_REQUIRED, state, step)
    if step is ReviewStep.FINALIZE and (count := changes_since_review(assessment)):
        raise ReviewError(words.CHANGED_SINCE_REVIEW, state=words.STATE[state.value], count=count,
                          ret=words.STEP[ReviewStep.RETURN.value])  # fmt: skip
    return target


def changes_since_review(assessment: Assessment) -> int:
    """The fields changed since the last review step, counted once each and only if they
    differ from what the reviewer saw (an edit undone is none): what an import or an edit
    after 审核通过 would otherwise put unseen into the signed version."""
    first: dict[tuple[str, str], str] = {}
    last: dict[tuple[str, str], str] = {}
    for change in reversed(assessment.history):
        if change.field == "review":
            break
        if change.field in UNDO_MARKS:
            continue
        key = (change.item, change.field)
        first[key] = change.old  # going back: the earliest change's old value is kept
        last.setdefault(key, change.new)
    return sum(first[key] != last[key] for key in first)


@dataclass(frozen=True)
class _Said:
    """A review state or step, said in the language the message is rendered in."""

    value: ReviewState | ReviewStep

    def render(self, t: Texts) -> str:
        return t.label(self.value)


@dataclass(frozen=True)
class _Allowed:
    """The steps ``state`` allows, listed in the rendering language."""

    state: ReviewState

    def render(self, t: Texts) -> str:
        return t.list_sep.join(t.label(s) for s in allowed_steps(self.state)) or "—"


def _refusal(entry: Text, state: ReviewState, step: ReviewStep) -> ReviewError:
    """Said in the user's language where it is shown (the CLI's --lang, the TUI's)."""
    return ReviewError(entry, state=_Said(state), step=_Said(step), allowed=_Allowed(state))


def is_final(assessment: Assessment) -> bool:
    return assessment.review.state is ReviewState.FINAL


@dataclass(frozen=True)
class ReviewInfo:
    """What a cover or a report shows: the state, who reviewed it, when, and the 意见; once
    final, also who finalized it, when and with what 意见 (``finalizer`` empty before)."""

    state: ReviewState
    reviewer: str
    date: dt.date | None
    opinion: str
    finalizer: str = ""
    finalized: dt.date | None = None
    final_opinion: str = ""

    def state_text(self, t: Texts) -> str:
        return t.label(self.state)


def review_state(assessment: Assessment) -> ReviewInfo:
    """The sign-off as the signed documents show it.

    填报中 and 待审核 leave 审核人, 意见 and 日期 blank to sign by hand; 退回修改 and 已审核 show
    that step. 定稿 is the version that is signed, so it keeps the approval it was finalized
    from (``Review`` holds only the 定稿 step; the history's 定稿 entry keeps the approval it
    replaced) beside the 定稿 step itself. 重新打开 goes back to 填报中: the old approval goes.
    """
    review = assessment.review
    if review.state is ReviewState.FINAL:
        approval = last_approval(assessment) or Review()
        return ReviewInfo(
            state=review.state,
            reviewer=approval.who,
            date=_day(approval),
            opinion=approval.opinion,
            finalizer=review.who,
            finalized=_day(review),
            final_opinion=review.opinion,
        )
    if review.state in REVIEWED_STATES:
        return ReviewInfo(review.state, review.who, _day(review), review.opinion)
    return ReviewInfo(review.state, "", None, "")


def last_approval(assessment: Assessment) -> Review | None:
    """The 审核通过 a final assessment was finalized from: what the history's last sign-off
    step replaced (None if that is no approval, or was cut short for its length)."""
    for change in reversed(assessment.history):
        if change.field == "review":
            try:
                step = Review.model_validate_json(change.old)
            except ValidationError:
                return None
            return step if step.state is ReviewState.APPROVED else None
    return None


def _day(step: Review) -> dt.date | None:
    return step.at.date() if step.at else None


def finalized_message(assessment: Assessment) -> str:
    """Why a change is refused, in both languages (who finalized it, when, how to reopen)."""
    review = assessment.review
    date = review.at.date().isoformat() if review.at else ""
    return " / ".join(
        Texts(lang)(words.FINALIZED, who=review.who, date=date) for lang in (Lang.ZH, Lang.EN)
    )
