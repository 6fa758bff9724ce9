"""Higher-level items read as requests: which label a status takes, and the note for old files.

A higher-level item (单列用地指标, 审批权限下放, 专项债券 …) is addressed to a province, city or
ministry; the zone can only ask for it or confirm it was given. Its stored status values stay
the same (done / in_progress / not_started), so files written before this reading load
unchanged; only the labels differ: 已获得 / 争取中 / 未争取.
"""

from __future__ import annotations

from assess.checklist import Checklist, Kind
from assess.models import Assessment, Status
from assess.texts import Text
from assess.texts import policy as policy_texts
from assess.texts.labels import EXPLANATION, STATUS

ANSWERED = (Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED)


def status_label(status: Status, kind: Kind) -> Text:
    """The label of ``status`` on an item of ``kind``: a request's own words on higher-level items."""
    table = policy_texts.REQUEST_STATUS if kind is Kind.HIGHER_LEVEL else STATUS
    return table[status.value]


def explanation_label(status: Status, kind: Kind) -> Text:
    """What the explanation asks for: 获得情况/争取进展 on a request, 成效/进度/原因/理由 else."""
    table = policy_texts.REQUEST_EXPLANATION if kind is Kind.HIGHER_LEVEL else EXPLANATION
    return table[status.value]


def mapping_note(checklist: Checklist, assessment: Assessment) -> Text | None:
    """The note shown when a file answers higher-level items: how their statuses now read."""
    for item in checklist.items:
        record = assessment.items.get(item.id)
        if item.kind is Kind.HIGHER_LEVEL and record is not None and record.status in ANSWERED:
            return policy_texts.REQUEST_MAPPING_NOTE
    return None
