"""Labels of the core's enums and of the record's fields (the words every adapter shows)."""

from __future__ import annotations

from assess.texts.catalog import enum_labels, text

STATUS = enum_labels(
    "Status",
    not_assessed=("未评估", "not assessed"),
    done=("已落实", "done"),
    in_progress=("推进中", "in progress"),
    not_started=("未启动", "not started"),
    not_applicable=("不适用", "not applicable"),
)

# What each status asks the zone to explain: 已落实查成效，推进中查进度，未启动查原因，不适用说理由.
EXPLANATION = {
    "not_assessed": text("explanation.not_assessed", "说明", "note"),
    "done": text("explanation.done", "成效", "effect"),
    "in_progress": text("explanation.in_progress", "进度", "progress"),
    "not_started": text("explanation.not_started", "原因", "reason"),
    "not_applicable": text("explanation.not_applicable", "理由", "justification"),
}

PRIORITY = enum_labels("Priority", high=("高", "high"), medium=("中", "medium"), low=("低", "low"))

ACTION_STATUS = enum_labels(
    "ActionStatus", todo=("未开始", "to do"), doing=("进行中", "doing"), done=("已完成", "done")
)

# Schedule and claim status: the policy logic (assess.texts.policy has its other words).
SCHEDULE = enum_labels(
    "Schedule", on_track=("达进度", "on schedule"), behind=("欠进度", "behind schedule")
)
CLAIM_STATUS = enum_labels(
    "ClaimStatus",
    not_applied=("未申请", "not applied"),
    applying=("申请中", "applying"),
    approved=("已获批", "approved"),
    rejected=("未获批", "rejected"),
)

KIND = enum_labels(
    "Kind",
    requirement=("要求", "requirement"),
    support=("支持", "support"),
    encourage=("鼓励", "encourage"),
    higher_level=("上级事项", "higher-level"),
)

REGION = enum_labels(
    "Region",
    **{"东部": ("东部", "East"), "中部": ("中部", "Central"), "西部": ("西部", "West")},
    **{"东北": ("东北", "Northeast")},
)

CHANGE_CLASS = enum_labels(
    "ChangeClass",
    applicability=("适用性变化", "applicability changed"),
    newly_assessed=("新评估", "newly assessed"),
    no_longer_assessed=("转为未评估", "now not assessed"),
    improved=("改善", "improved"),
    regressed=("退步", "regressed"),
    unchanged=("未变", "unchanged"),
)

# Record fields: the label a form shows (``field.*``) and, where it differs, the workbook's
# column header (``header.*``). ``assess.fields`` pairs them with each field's codec.
FIELD = {
    name: text(f"field.{name}", zh, en)
    for name, (zh, en) in {
        "status": ("状态", "status"),
        "explanation": ("成效/进度/原因/理由", "effect / progress / reason"),
        "current": ("现状", "current state"),
        "evidence": ("佐证材料", "evidence"),
        "gap": ("差距", "gap"),
        "opportunity": ("机遇", "opportunity"),
        "actions": ("下一步举措", "next actions"),
        "note": ("备注", "note"),
        "figures": ("指标", "figures"),
        "action.text": ("下一步举措", "next action"),
        "action.lead": ("牵头单位", "lead unit"),
        "action.partners": ("配合单位", "partner units"),
        "action.due": ("完成时限", "due"),
        "action.priority": ("优先级", "priority"),
        "action.status": ("举措状态", "action status"),
        "action.id": ("编号", "ID"),
        "evidence.id": ("编号", "ID"),
        "evidence.title": ("标题", "title"),
        "evidence.ref": ("文号/链接/路径", "number / link / path"),
        "evidence.date": ("日期", "date"),
        "zone.name": ("经开区", "zone"),
        "zone.province": ("所在省份", "province"),
        "zone.border": ("沿边地区", "border zone"),
        "zone.hub": ("西部枢纽节点起步区", "western computing hub start-up area"),
        "zone.foreign_talent": ("外籍人才集中", "many foreign staff"),
        "period": ("评估期", "period"),
        "assessor": ("评估人", "assessor"),
        "contact": ("联系电话", "phone"),
        "responsible": ("责任部门", "responsible departments"),
    }.items()
}
HEADER = {
    "status": text("header.status", "落实状态", "status"),
    "explanation": text("header.explanation", "成效/进度/原因", "effect / progress / reason"),
    "figures": text("header.figures", "相关指标", "indicators"),
}
YES = text("yes", "是", "yes")
NO = text("no", "否", "no")
PROVINCE_CELL = text("province_cell", "{province}（{region}地区）", "{province} ({region})")
