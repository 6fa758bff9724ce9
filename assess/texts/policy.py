"""Words of the policy's own logic: requests, the two rates, zone tasks, claims, schedule."""

from __future__ import annotations

from assess.texts.catalog import text

# A higher-level item is the zone's request to a province, city or ministry: its stored
# status values read as where the request stands (the value stays; only the label differs).
REQUEST_STATUS = {
    "not_assessed": text("request_status.not_assessed", "未评估", "not assessed"),
    "done": text("request_status.done", "已获得", "received"),
    "in_progress": text("request_status.in_progress", "争取中", "requested"),
    "not_started": text("request_status.not_started", "未争取", "not yet requested"),
    "not_applicable": text("request_status.not_applicable", "不适用", "not applicable"),
}
REQUEST_EXPLANATION = {
    "not_assessed": text("request_explanation.not_assessed", "说明", "note"),
    "done": text("request_explanation.done", "获得情况", "what was received"),
    "in_progress": text("request_explanation.in_progress", "争取进展", "request progress"),
    "not_started": text("request_explanation.not_started", "原因", "reason"),
    "not_applicable": text("request_explanation.not_applicable", "理由", "justification"),
}
REQUEST_MAPPING_NOTE = text(
    "note.request_mapping",
    "上级事项（向省、市或部委争取的事项）的状态按争取情况读：已落实＝已获得，推进中＝争取中，"
    "未启动＝未争取；上级事项不计入差距，列入待争取事项，计入政策利用率。",
    "Higher-level items (asked of a province, city or ministry) read as requests: done = "
    "received, in progress = requested, not started = not yet requested; they are never the "
    "zone's gaps: they are listed as requests and count toward the policy-use rate.",
)

FIELD = {
    name: text(f"field.{name}", zh, en)
    for name, (zh, en) in {
        "schedule": ("达进度/欠进度", "on / behind schedule"),
        "asked_of": ("争取对象（省/市/部委）", "asked of (province / city / ministry)"),
        "claims": ("政策争取", "support claims"),
        "claim.id": ("编号", "ID"),
        "claim.policy": ("政策或文件", "policy or document"),
        "claim.issuer": ("发文/受理单位", "issuing body"),
        "claim.status": ("申请状态", "claim status"),
        "claim.amount": ("金额或指标", "amount or quota"),
        "claim.date": ("日期", "date"),
        "task.id": ("编号", "ID"),
        "task.measure": ("所属举措", "measure"),
        "task.title": ("任务名称", "task"),
        "task.description": ("任务内容", "description"),
    }.items()
}

IMPLEMENTATION = text("score.implementation", "落实率", "implementation rate")
POLICY_USE = text("score.policy_use", "政策利用率", "policy-use rate")
OWN_TASKS = text("score.own_tasks", "自定任务", "own tasks")
REQUESTS = text("list.requests", "待争取事项", "requests to pursue")
CLAIMS = text("list.claims", "政策争取", "support claims")
PACE = text("list.pace", "推进进度", "schedule")
ZONE_TASK_MARK = text("zone_task.mark", "自定", "own")
APPROVED_CLAIMS = text("count.approved_claims", "已获批政策", "approved claims")
SCHEDULE_COUNTS = text(
    "count.schedule", "推进中：达进度 {on_track} 项，欠进度 {behind} 项",
    "in progress: {on_track} on schedule, {behind} behind",
)  # fmt: skip
SCORE_LINE = text(
    "score.line",
    "总体得分 {overall}　落实率 {implementation}　政策利用率 {policy_use}",
    "overall {overall}   implementation {implementation}   policy use {policy_use}",
)
OWN_LINE = text(
    "score.own_line",
    "自定任务 {count} 项，得分 {score}（单独计分，不计入政策得分）",
    "{count} own task(s), score {score} (scored apart from the plan)",
)
NONE_YET = text("list.none_yet", "（暂无）", "(none)")

WARNING_KIND_REQUIREMENT_NA = text(
    "warning_kind.requirement_not_applicable", "要求类条目标为不适用", "requirement marked n/a"
)
WARNING_REQUIREMENT_NA = text(
    "warning.requirement_not_applicable",
    "这是对经开区的要求，标为不适用后不计入落实率；请确认确有依据，或改为实际状态",
    "a requirement addressed to the zone, marked not applicable, drops out of the "
    "implementation rate; confirm it truly does not apply, or record its real status",
)

# Compare and roll-up (terminal and workbooks).
CLAIMS_CHANGED = text(
    "compare.claims_changed",
    "状态有变化的政策争取 {count} 项：",
    "{count} claim(s) changed status:",
)
TASKS_CHANGED = text(
    "compare.tasks_changed", "有变化的自定任务 {count} 项：", "{count} own task(s) changed:"
)
ABSENT = text("compare.absent", "（无）", "(none)")
ROLLUP_RATES_HEAD = text(
    "rollup.rates_head",
    "各经开区落实率、政策利用率、已获批政策与欠进度：",
    "Per zone: implementation, policy use, approved claims, behind schedule:",
)
APPROVED_SHORT = text("rollup.approved_short", "已获批", "approved")
BEHIND_SHORT = text("rollup.behind_short", "欠进度", "behind")

COUNT = text("count.items", "{count} 项", "{count}")
COUNT_LISTED = text("count.items_listed", "{count} 项：{ids}", "{count}: {ids}")
CLAIMS_COUNT = text(
    "count.claims", "{count} 项，已获批 {approved} 项", "{count}, {approved} approved"
)

# The TUI's additions (header, dashboard, tree).
RATES_LINE = text(
    "tui.rates_line", "落实率 {implementation} · 政策利用率 {policy_use}",
    "implementation {implementation} · policy use {policy_use}",
)  # fmt: skip
SECTION = text("tui.section", "{name}（{count}）", "{name} ({count})")
BEHIND_TAG = text("tui.behind_tag", "欠进度", "behind")
TASK_ROW = text(
    "tui.task_row", "  {id}〔自定〕{numeral}{title}  [{status}{pace}]",
    "  {id} [own] ({number}) {title}  [{status}{pace}]",
)  # fmt: skip
REQUEST_ROW = text(
    "tui.request_row", "  {id}  {title}  [{status}{asked}]", "  {id}  {title}  [{status}{asked}]"
)

# The policy's workbook sheets: names, titles, the columns that are no registry field, and
# what the reader says about them (each problem names its cell in both languages).
SHEET = {
    key: (text(f"workbook.sheet.{key}", *name), text(f"workbook.title.{key}", *title))
    for key, name, title in (
        (
            "requests",
            ("上级事项", "Higher-level items"),
            ("上级事项争取情况", "Higher-level items: requests"),
        ),
        ("claims", ("政策争取", "Support claims"), ("政策争取台账", "Support claims register")),
        ("tasks", ("自定任务", "Own tasks"), ("自定任务", "The zone's own tasks")),
        ("pace", ("推进进度", "Schedule"), ("推进中事项进度", "Work in progress: schedule")),
    )
}
# Before 上级事项 the sheet was named 待争取事项, though it listed every higher-level item;
# workbooks exported then are still read.
FORMER_REQUESTS_SHEET = text("workbook.sheet.requests.former", "待争取事项", "Requests")
OPEN_REQUESTS = text(
    "workbook.requests.open",
    "其中待争取事项 {count} 项（未争取 {not_started} 项、争取中 {in_progress} 项），列在最前",
    "{count} request(s) to pursue ({not_started} not yet requested, {in_progress} requested), "
    "listed first",
)
NO_OPEN_REQUESTS = text(
    "workbook.requests.none_open", "其中待争取事项 0 项", "No request to pursue"
)
COLUMN = {
    key: text(f"workbook.column.{key}", zh, en)
    for key, (zh, en) in {
        "request_status": ("争取状态", "Request status"),
        "request_progress": ("获得情况/争取进展", "Received / request progress"),
        "progress": ("进度", "Progress"),
    }.items()
}
UNKNOWN_ITEM = text(
    "policy_sheet.unknown_item",
    "清单中没有条目“{id}”",
    "the checklist has no item “{id}”; correct the item ID or delete the row",
)
CLAIM_ON_REQUIREMENT = text(
    "policy_sheet.claim_on_requirement",
    "条目 {id} 是要求类，政策争取只记在支持、鼓励类和上级事项上",
    "{id} is a requirement; claims go on support, encourage or higher-level items",
)
CLAIM_NEEDS_POLICY = text(
    "policy_sheet.claim_needs_policy",
    "新增的政策争取须写明政策或文件",
    "a new support claim must name its policy or document; fill it in",
)
UNKNOWN_MEASURE = text(
    "policy_sheet.unknown_measure",
    "所属举措“{raw}”无法识别，请写成（九）或 9",
    "the measure “{raw}” is not recognised; write it as (9) or 9",
)
TASK_NEEDS_TITLE = text(
    "policy_sheet.task_needs_title",
    "自定任务须写明所属举措和任务名称",
    "an own task must give its measure and its title; fill them in",
)

# The TUI's forms for the policy's fields: claims, 争取对象, schedule, the zone's own tasks.
ZONE_TASK_TAG = text("tui.zone_task_tag", "〔自定〕", "[own] ")
CLAIM_NEW = text("tui.claim_new", "新增政策争取", "New support claim")
CLAIM_EDIT = text("tui.claim_edit", "编辑政策争取", "Edit support claim")
TASK_NEW = text("tui.task_new", "新增自定任务：{measure}", "New own task under {measure}")
TASK_HEAD = text(
    "tui.task_head",
    "经开区自定任务，单独计分，不计入落实率和政策利用率",
    "The zone's own task: scored apart, in neither rate",
)
TASK_MEASURE = text("tui.task_measure", "所属举措", "Measure")
TASK_REMOVE_TITLE = text("tui.task_remove_title", "删除这项自定任务？", "Remove this own task?")
TASK_REMOVE = text(
    "tui.task_remove",
    "{id}“{title}”连同其说明、佐证引用和举措一并删除（修改记录保留原内容，可撤销）。",
    "{id} '{title}' goes, with its explanation, citations and actions "
    "(the history keeps it, and undo brings it back).",
)
TASK_REMOVED = text("tui.task_removed", "已删除自定任务 {id}", "own task {id} removed")
TASK_ADDED = text("tui.task_added", "已新增自定任务 {id}", "own task {id} added")
NOT_A_TASK = text(
    "tui.not_a_task",
    "只有自定任务可以删除；清单条目请标为不适用并说明理由",
    "only own tasks can be removed; mark a checklist item not applicable, with a reason",
)
NO_MEASURE = text(
    "tui.no_measure",
    "请先把光标移到一项举措（或其条目）上",
    "move to a measure (or one of its items) first",
)
REMOVE = text("tui.remove_confirm", "删除", "Remove")
KEY_NEW_CLAIM = text("tui.key.new_claim", "新增政策争取（支持、鼓励类和上级事项）",
                     "new support claim (support, encourage, higher-level items)")  # fmt: skip
KEY_NEW_TASK = text("tui.key.new_task", "在本举措下新增自定任务", "new own task under this measure")
KEY_REMOVE_TASK = text("tui.key.remove_task", "删除自定任务（先确认）", "remove an own task (asks)")
KEY_SHORT_TASK = text("tui.key_short.new_task", "自定任务", "own task")
KEY_HINT_CLAIM = text("tui.key_hint.new_claim", "新增", "new")
SCHEDULE_NONE = text("tui.schedule_none", "（未填）", "(not given)")

# Quality checks on a higher-level item, in a request's words (scoring.WarningCode).
REQUEST_WARNING_KIND = {
    "received_without_note": text(
        "warning_kind.received_without_note", "已获得未填获得情况", "received, nothing said"
    ),
    "requested_without_action": text(
        "warning_kind.requested_without_action", "争取中无下一步举措", "requested, no action"
    ),
}
REQUEST_WARNING = {
    "received_without_note": text(
        "warning.received_without_note",
        "已获得但未填写获得情况（批复文件、额度或事项）",
        "received but nothing says what (approval, amount or powers)",
    ),
    "requested_without_action": text(
        "warning.requested_without_action",
        "争取中但没有下一步举措（向谁报送、何时跟进）",
        "requested but no next action (whom to ask, when to follow up)",
    ),
}
UNKNOWN_TASK_EVIDENCE = text(
    "policy_sheet.unknown_task_evidence",
    "佐证编号 {id} 未在“佐证材料”表登记",
    "evidence ID {id} is not registered on the “Evidence” sheet; add it there or correct the ID",
)
