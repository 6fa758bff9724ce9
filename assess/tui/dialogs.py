"""The small dialogs the main screen opens, made in one place.

The dialogs themselves (``modals.py``) belong to the screens; this is the one spot that
knows how they are constructed, so a change of their signature is one edit here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from assess.lang import Lang
from assess.models import Action, Claim, Evidence
from assess.tui.modals import ActionForm, CiteEvidence, EvidenceForm, PathPrompt
from assess.tui.policy_forms import ClaimForm, ConfirmRemoveTask, ZoneTaskForm

OpenedT = TypeVar("OpenedT")


class Dialogs:
    def __init__(self, lang: Lang) -> None:
        self.lang = lang

    def evidence_form(self, evidence: Evidence | None) -> EvidenceForm:
        return EvidenceForm(self.lang, evidence)

    def cite(self, choices: list[Evidence]) -> CiteEvidence:
        return CiteEvidence(self.lang, choices)

    def action_form(self, action: Action | None) -> ActionForm:
        return ActionForm(self.lang, action)

    def claim_form(self, claim: Claim | None) -> ClaimForm:
        return ClaimForm(self.lang, claim)

    def zone_task_form(self, measure: str) -> ZoneTaskForm:
        return ZoneTaskForm(self.lang, measure)

    def confirm_remove_task(self, body: str) -> ConfirmRemoveTask:
        return ConfirmRemoveTask(self.lang, body)

    def path_prompt(
        self, title: str, start: str, opener: Callable[[Path], OpenedT]
    ) -> PathPrompt[OpenedT]:
        return PathPrompt(self.lang, title, start, opener)
