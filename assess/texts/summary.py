"""Words of ``assess summary``: the plain-text report a terminal prints."""

from __future__ import annotations

from assess.texts.catalog import text

PLACE = text("summary.place", "{province}（{region}）", "{province} ({region})")
CHECKLIST = text("summary.checklist", "清单", "checklist")
ASSESSOR = text("summary.assessor", "评估人", "assessor")
FLAG_BORDER = text("summary.flag_border", "沿边", "border")
FLAG_HUB = text("summary.flag_hub", "西部枢纽节点起步区", "western hub")
FLAG_FOREIGN = text("summary.flag_foreign", "外籍人才集中", "foreign talent")
AREA_MEASURE = text("summary.area_measure", "领域 / 举措", "Area / measure")
SCORE = text("summary.score", "得分", "score")
COVERAGE = text("summary.coverage", "覆盖率", "coverage")
ASSESSED = text("summary.assessed", "已评/适用", "assessed")
OVERALL = text(
    "summary.overall",
    "总体得分 {score}   覆盖率 {coverage} ({assessed}/{applicable})",
    "Overall score {score}   coverage {coverage} ({assessed}/{applicable})",
)
RATES = text(
    "summary.rates",
    "落实率 {implementation}（要求类 {req_scored} 项计分）   "
    "政策利用率 {policy_use}（支持、鼓励类与上级事项 {open_scored} 项计分）",
    "Implementation rate {implementation} ({req_scored} requirement(s) scored)   "
    "policy-use rate {policy_use} ({open_scored} support, encourage and higher-level item(s))",
)
REQUESTS_HEAD = text(
    "summary.requests_head", "待争取事项 {count} 项：", "{count} request(s) to pursue:"
)
REQUEST_LINE = text(
    "summary.request_line", "  {id} {title}（{status}{asked}）", "  {id} {title} ({status}{asked})"
)
ASKED_OF = text("summary.asked_of", "，向{body}争取", ", asked of {body}")
BEHIND_HEAD = text(
    "summary.behind_head", "欠进度 {count} 项：{ids}", "{count} behind schedule: {ids}"
)
CLAIMS_LINE = text(
    "summary.claims_line",
    "政策争取 {count} 项，其中已获批 {approved} 项",
    "{count} support claim(s), {approved} approved",
)
TASKS_HEAD = text("summary.tasks_head", "自定任务：", "Own tasks:")
TASK_LINE = text(
    "summary.task_line", "  {id} {numeral}{title}：{status}", "  {id} ({number}) {title}: {status}"
)
WARNINGS_HINT = text(
    "summary.warnings_hint",
    "质量提示 {count} 条，运行 assess validate 查看",
    "{count} quality warning(s): run 'assess validate'",
)
WARNINGS_HEAD = text(
    "summary.warnings_head", "质量提示 {count} 条：", "{count} quality warning(s):"
)
