"""The Word self-assessment report (自评报告) and the workbook charts' labels.

The report reads as a draft an official edits: prose paragraphs, the policy's own numbering,
“” quotes, dates as 2026年6月30日. Zone entries and policy quotes are filled in as written.
"""

from __future__ import annotations

from assess.texts.catalog import text

# ── title block and opening ──
TITLE = text(
    "report.title",
    "{zone}关于对标落实《{plan}》情况的自评报告",
    "Self-Assessment Report of {zone} on Implementing the {plan}",
)
SUBTITLE = text("report.subtitle", "（{period}）", "({period})")
OPENING = text(
    "report.opening",
    "根据《{plan}》（以下简称《工作方案》），我区对照{measures}项政策措施逐项分解、"
    "逐条对标，找差距、找机遇，开展了{period}自评。现将有关情况报告如下。",
    "Following the {plan} (the Work Plan), the zone has broken its "
    "{measures} measures down item by item and assessed itself against each for {period}, "
    "looking for gaps and opportunities. This report sets out the results.",
)

# ── headings: 一、 for the report's parts, （一） for the policy's measures ──
_CN = [
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "七",
    "八",
    "九",
    "十",
    "十一",
    "十二",
    "十三",
    "十四",
    "十五",
    "十六",
]
_ROMAN = [
    "I",
    "II",
    "III",
    "IV",
    "V",
    "VI",
    "VII",
    "VIII",
    "IX",
    "X",
    "XI",
    "XII",
    "XIII",
    "XIV",
    "XV",
    "XVI",
]
PART_NUMERALS = [
    text(f"report.part_numeral.{n}", cn, roman)
    for n, (cn, roman) in enumerate(zip(_CN, _ROMAN, strict=True), start=1)
]
MEASURE_NUMERALS = [
    text(f"report.measure_numeral.{n}", cn, str(n)) for n, cn in enumerate(_CN, start=1)
]
PART_HEADING = text("report.part_heading", "{numeral}、{title}", "{numeral}. {title}")
MEASURE_HEADING = text("report.measure_heading", "（{numeral}）{title}", "({numeral}) {title}")

# ── 一、基本情况 ──
BASICS = text("report.basics", "基本情况", "Basic information")
PROFILE = text(
    "report.profile",
    "{zone}位于{province}，属{region}地区{flags}。本次自评评估期为{period}，评估人为{assessor}，"
    "对照《工作方案》自评清单（{version}版）共{items}个条目。",
    "{zone} is in {province} ({region} region){flags}. This self-assessment covers {period}; "
    "it was made by {assessor} against the Work Plan checklist (version {version}) of "
    "{items} items.",
)
FLAGS = text("report.flags", "，为{flags}", "; it is {flags}")
BORDER = text("report.flag.border", "沿边地区", "a border zone")
HUB = text("report.flag.hub", "西部枢纽节点起步区", "a western computing-hub start-up area")
FOREIGN = text("report.flag.foreign", "外籍人才集中", "home to many foreign staff")
NO_ASSESSOR = text("report.no_assessor", "（未填写）", "(not recorded)")
SCORE_LINE = text(
    "report.score_line",
    "按经开区画像适用条目{applicable}个，已评估{assessed}个，覆盖率{coverage}；总体{score}"
    "（已落实计1分、推进中计0.5分、未启动计0分，加权平均后折算为百分制）。",
    "{applicable} items apply to the zone's profile and {assessed} have been assessed "
    "(coverage {coverage}); overall {score} (done = 1, in progress = 0.5, "
    "not started = 0, weighted mean shown out of 100).",
)
COUNT_LINE = text(
    "report.count_line",
    "从落实情况看，{counts}。梳理出差距{gaps}项、可争取的政策机遇{openings}项，"
    "制定下一步举措{actions}项（其中逾期未完成{overdue}项）。",
    "By status: {counts}. The assessment found {gaps} gaps and {openings} opportunities "
    "and sets out {actions} next steps ({overdue} of them overdue).",
)
AREA_LINE = text("report.area_line", "分领域看，{areas}。", "By area: {areas}.")
AREA_SCORE = text("report.area_score", "“{title}”{score}", "“{title}” {score}")
SCORE = text("report.score", "得分{score}分", "score {score}")
NO_SCORE = text("report.no_score", "暂未计分", "not yet scored")
COUNT = text("report.count", "{status}{n}项", "{status} {n}")
SENTENCE_SEP = text("report.sentence_sep", "，", ", ")

# ── per measure ──
MEASURE_LINE = text(
    "report.measure_line",
    "本项适用条目{applicable}个，{counts}，{score}。",
    "{applicable} items apply: {counts}; {score}.",
)
NOT_FOR_PROFILE = text(
    "report.not_for_profile",
    "本项条目按经开区画像均不适用。",
    "No item of this measure applies to the zone's profile.",
)
NOTHING_RECORDED = text("report.nothing_recorded", "本项暂未填写。", "Nothing recorded yet.")
NOT_APPLICABLE = text(
    "report.not_applicable",
    "“{title}”标为不适用，理由：{reason}",
    "“{title}” is marked not applicable: {reason}",
)
NO_REASON = text("report.no_reason", "（理由未填写）", "(no reason given)")
SECTION = text("report.section", "{n}.{name}", "{n}. {name} ")
EFFECTS = text("report.effects", "落实成效。", "Results.")
GAPS = text("report.gaps", "存在差距。", "Gaps.")
SUPPORT = text("report.support", "争取支持。", "Support to seek.")
# 下一步举措 is the registry's label of the actions field (``fields.ACTIONS``), run in.
RUN_IN = text("report.run_in", "{name}。", "{name}.")
ENTRY_NUMBER = text("report.entry_number", "（{n}）", "({n}) ")
ENTRY_SEP = text("report.entry_sep", "", " ")
EFFECT = text("report.effect", "“{title}”：{effect}", "“{title}”: {effect}")
EFFECT_MISSING = text("report.effect_missing", "已落实，成效待补充。", "done; results to be added.")
GAP_IN_PROGRESS = text(
    "report.gap.in_progress", "“{title}”正在推进：{detail}", "“{title}” is in progress: {detail}"
)
GAP_NOT_STARTED = text(
    "report.gap.not_started",
    "“{title}”尚未启动，原因：{detail}",
    "“{title}” has not started. Reason: {detail}",
)
DETAIL_MISSING = text("report.detail_missing", "（未填写）", "(not recorded)")
GAP_TEXT = text("report.gap_text", "主要差距：{gap}", " Gap: {gap}")
OPENING_ENTRY = text("report.opening_entry", "“{title}”：{detail}", "“{title}”: {detail}")
POLICY_SAYS = text(
    "report.policy_says",
    "《工作方案》明确“{source}”，可对照争取。",
    "The Work Plan says “{source}”: the zone can apply for it.",
)
REQUEST_IN_PROGRESS = text(
    "report.request.in_progress",
    "“{title}”属上级事项，正在争取：{detail}",
    "“{title}” is for higher levels to grant; being requested: {detail}",
)
REQUEST_NOT_STARTED = text(
    "report.request.not_started",
    "“{title}”属上级事项，尚未争取：{detail}",
    "“{title}” is for higher levels to grant; not yet requested: {detail}",
)
ACTION = text("report.action", "{text}（{terms}）", "{text} ({terms})")
ACTION_TERM_SEP = text("report.action_term_sep", "，", "; ")
LEAD = text("report.lead", "牵头：{lead}", "lead: {lead}")
PARTNERS = text("report.partners", "配合：{partners}", "with: {partners}")
DUE = text("report.due", "时限：{date}前", "due by {date}")
NO_LEAD = text("report.no_lead", "{lead}待明确", "{lead} to be named")
OVERDUE = text("report.overdue", "已逾期", "overdue")
DATE = text("report.date", "{y}年{m}月{d}日", "{y}-{m:0>2}-{d:0>2}")
FULL_STOP = text("report.full_stop", "。", ".")

# ── closing ──
CLOSING = text("report.closing", "特此报告。", "Respectfully submitted.")
SIGN_UNIT = text("report.sign.unit", "填报单位（盖章）：", "Reporting unit (seal): ")
SIGN_PERSON = text("report.sign.person", "填报人：", "Prepared by: ")
SIGN_PHONE = text("report.sign.phone", "{label}：", "{label}: ")  # the contact field's label
SIGN_REVIEWER = text("report.sign.reviewer", "审核人：", "Reviewed by: ")
SIGN_STATE = text("report.sign.state", "审核状态：", "Review state: ")
SIGN_OPINION = text("report.sign.opinion", "审核意见：", "Review opinion: ")
SIGN_HEAD = text("report.sign.head", "单位负责人（签字）：", "Head of unit (signature): ")
SIGN_DATE = text("report.sign.date", "日期：", "Date: ")
SIGN_FINALIZER = text("report.sign.finalizer", "定稿人：", "Finalized by: ")
SIGN_FINALIZED = text("report.sign.finalized", "{who}（{date}）", "{who} ({date})")
SIGN_FINAL_OPINION = text("report.sign.final_opinion", "定稿意见：", "Opinion on finalizing: ")
SIGN_DATE_BLANK = text("report.sign.date_blank", "　　年　　月　　日", "____-__-__")
FILE_STEM = text("report.file_stem", "自评报告", "self-assessment")
FOOTER = text(
    "report.footer",
    "{zone}自评报告（{period}）　《工作方案》清单{version}版",
    "{zone} self-assessment, {period}; Work Plan checklist {version}",
)

# ── workbook charts (总览) ──
CHART_MEASURES = text("chart.measures", "各举措得分（百分制）", "Score per measure (out of 100)")
CHART_AREAS = text("chart.areas", "各领域得分（百分制）", "Score per area (out of 100)")
DEPARTMENT_SCORE = text("chart.department_score", "本部门得分", "Department score")
OVERALL_SCORE = text("chart.overall_score", "总体得分", "Overall score")

# ── the policy's own logic: the two rates, requests, claims, the zone's own tasks ──
RATES_LINE = text(
    "report.rates_line",
    "分两类看，落实率{implementation}（对经开区的要求类条目）；政策利用率{policy_use}"
    "（支持、鼓励类条目与上级事项，上级事项已获得计1分、争取中计0.5分、未争取计0分）。"
    "上级事项中已获得{received}项，待争取{requests}项（争取中{requested}项、未争取{unrequested}项），"
    "不计入差距。登记政策争取{claims}项，已获批{approved}项。",
    "By kind: implementation rate {implementation} (requirements addressed to the zone); "
    "policy-use rate {policy_use} (support and encourage items and higher-level items, a "
    "higher-level item scoring 1 when received, 0.5 when requested, 0 when not yet requested). "
    "Of the higher-level items, {received} received and {requests} still to pursue "
    "({requested} requested, {unrequested} not yet requested), none counted as gaps. "
    "{claims} support claims recorded, {approved} approved.",
)
TASKS_LINE = text(
    "report.tasks_line",
    "经开区自定任务{count}项（{counts}），{score}，单独计分，不计入以上得分。",
    "The zone set itself {count} own task(s) ({counts}), {score}, apart from the scores above.",
)
RATE = text("report.rate", "{score}分", "{score}")
NO_TASKS_LINE = text("report.no_tasks_line", "未设自定任务。", "No own tasks were set.")
OWN_TASKS = text("report.own_tasks", "自定任务。", "Own tasks.")
TASK_ENTRY = text(
    "report.task_entry", "“{title}”（{status}）：{detail}", "“{title}” ({status}): {detail}"
)
TASK_STATUS_PACE = text("report.task_status_pace", "{status}，{pace}", "{status}, {pace}")
TASK_STEPS = text("report.task_steps", "下一步：{steps}", " Next: {steps}")
