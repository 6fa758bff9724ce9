"""Text of the TUI's own screens: dashboard, compare, profile, search, forms, palette.

Key descriptions are short on purpose: the footer of an 80-column terminal shows them all.
"""

from __future__ import annotations

from assess.texts.catalog import text

# footer keys
KEY_BACK = text("screens.key.back", "返回", "back")
KEY_CHANGES_ONLY = text("screens.key.changes_only", "仅变化", "changed only")
KEY_SWAP = text("screens.key.swap", "对调 A/B", "swap A/B")

# dashboard
DASHBOARD = text("screens.dashboard", "总览", "Dashboard")
DASHBOARD_KEYS = text(
    "screens.dashboard_keys",
    "↑↓ 选择　Enter 跳转到条目　Esc 返回",
    "↑↓ choose   Enter go to the item   Esc back",
)
OVERALL = text("screens.overall", "总分", "score")
COVERAGE = text("screens.coverage", "覆盖率", "coverage")
AREA_SCORES = text("screens.area_scores", "各领域得分", "Area scores")
MEASURE_SCORES = text("screens.measure_scores", "各举措得分", "Measure scores")
TOP_GAPS = text("screens.top_gaps", "主要差距（要求类优先）", "Top gaps (requirements first)")
OPEN_OPPORTUNITIES = text("screens.open_opportunities", "待把握的机遇", "Open opportunities")
WARNINGS = text("screens.warnings", "质量提示", "Quality warnings")
SECTION = text("screens.section", "{name}（{count}）", "{name} ({count})")

# compare
COMPARE = text("screens.compare", "对比", "Compare")
COMPARE_KEYS = text(
    "screens.compare_keys",
    "Enter 两期/两区记录对照　f 仅看变化/显示全部　s 对调 A/B　Esc 返回",
    "Enter both records side by side   f changes only / all   s swap A/B   Esc back",
)
COL_ID = text("screens.col.id", "编号", "ID")
COL_ITEM = text("screens.col.item", "条目", "item")
COL_CHANGE = text("screens.col.change", "变化", "change")
COL_OTHER = text("screens.col.other", "其他变化", "other changes")
UNMATCHED = text("screens.unmatched", "未能对应", "unmatched")
CHANGES_ONLY_ON = text("screens.changes_only_on", "（仅显示有变化的条目）", " (changed items only)")
CHANGED = text("screens.changed", "有变化", "changed")
NO_RECORD = text(
    "screens.no_record",
    "（无此条目的记录：清单版本不同）",
    "(no record: another checklist version)",
)
NONE = text("screens.none", "（无）", "(none)")

# profile
PROFILE = text("screens.profile", "经开区画像", "Zone profile")
PROFILE_HINT = text(
    "screens.profile_hint",
    "修改后立即重新判断适用性并重新计分，并自动保存。Esc 返回。",
    "Changes re-decide applicability and scores at once and are saved. Esc to go back.",
)
ZONE_NAME = text("screens.zone_name", "经开区名称", "zone name")
REGION = text("screens.region", "所属地区", "region")
SWITCH_STATE = text("screens.switch_state", "{name}：{state}", "{name}: {state}")
REQUIRED_FIELD = text(
    "screens.required_field", "{field}：此项不能为空", "{field}: this field is required"
)

# search
SEARCH = text("screens.search", "搜索标题和政策原文", "Search titles and policy text")
SEARCH_HINT = text("screens.search_hint", "输入关键词，回车跳转", "type words, Enter to jump")
NO_MATCH = text("screens.no_match", "没有匹配的条目", "no matching item")

# forms
OK = text("screens.ok", "确定", "OK")
CANCEL = text("screens.cancel", "取消", "Cancel")
REQUIRED = text("screens.required", "此项不能为空", "This field is required")
EVIDENCE_NEW = text("screens.evidence_new", "新增佐证", "New evidence")
EVIDENCE_EDIT = text("screens.evidence_edit", "编辑佐证", "Edit evidence")
EVIDENCE_TITLE = text("screens.evidence_title", "材料名称", "title")
CITE_TITLE = text(
    "screens.cite_title", "引用已有佐证（一份材料可支撑多个条目）", "Cite existing evidence"
)
ACTION_NEW = text("screens.action_new", "新增举措", "New action")
ACTION_EDIT = text("screens.action_edit", "编辑举措", "Edit action")
DATE_FIELD = text("screens.date_field", "{label} YYYY-MM-DD", "{label} YYYY-MM-DD")
FIELD_ERROR = text("screens.field_error", "{field}：{error}", "{field}: {error}")
BAD_DATE = text(
    "screens.bad_date",
    "日期格式应为 2026-06-30、2026/6/30 或 2026年6月30日",
    "Dates are like 2026-06-30, 2026/6/30 or 2026年6月30日",
)
NO_SUCH_DAY = text(
    "screens.no_such_day",
    "没有这一天，请检查月和日",
    "There is no such day; check the month and day",
)

# command palette
PALETTE_NO_MATCHES = text("screens.palette_no_matches", "没有匹配的命令", "No matching command")
