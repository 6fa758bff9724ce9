"""The policy's own lines in the TUI: both rates, requests, behind-schedule work, own tasks.

Kept apart from the screens so that the dashboard, the header and the tree each add one
call: the scoring decides every list, this module only words it.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets.option_list import Option

from assess.checklist import Checklist, chinese_numeral
from assess.models import Assessment
from assess.requests import status_label
from assess.scoring import Summary, schedule_of
from assess.texts import Texts
from assess.texts import policy as words


def dashboard_rows(
    checklist: Checklist, assessment: Assessment, summary: Summary, t: Texts
) -> list[Option]:
    """待争取事项, 欠进度 and 自定任务 sections; rows of checklist items jump to them."""
    rows: list[Option] = []

    def section(name: str, count: int) -> None:
        rows.append(
            Option(Text(t(words.SECTION, name=name, count=count), style="bold"), disabled=True)
        )

    section(t(words.REQUESTS), len(summary.requests))
    for n, item_id in enumerate(summary.requests):
        item = checklist.item_index[item_id]
        record = assessment.items[item_id]
        asked = f" · {record.asked_of}" if record.asked_of else ""
        line = t(
            words.REQUEST_ROW,
            id=item_id,
            title=t.pick(item.title, item.title_en),
            status=t(status_label(record.status, item.kind)),
            asked=asked,
        )
        rows.append(Option(Text(line), id=f"{item_id}#req{n}"))
    items_behind = [i for i in summary.behind if i in checklist.item_index]
    section(t(words.BEHIND_TAG), len(summary.behind))
    for n, item_id in enumerate(items_behind):
        item = checklist.item_index[item_id]
        rows.append(
            Option(
                Text(f"  {item_id}  {t.pick(item.title, item.title_en)}"), id=f"{item_id}#late{n}"
            )
        )
    section(t(words.OWN_TASKS), len(assessment.zone_tasks))
    for task in assessment.zone_tasks:
        pace = schedule_of(task.record)
        line = t(
            words.TASK_ROW,
            id=task.id,
            numeral=f"（{chinese_numeral(task.measure)}）",
            number=task.measure,
            title=task.title,
            status=t.label(task.record.status),
            pace=f" · {t.label(pace)}" if pace is not None else "",
        )
        rows.append(Option(Text(line), id=f"{task.id}#task"))  # jumps to the task's node
    return rows
