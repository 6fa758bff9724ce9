"""The gap-analysis workbook's words: sheet names, titles, column headers, blocks and notes.

Record fields keep their headers in :mod:`assess.texts.labels` (the registry's); this module
holds what only the workbook says. The reader finds sheets and columns by these texts in
either language, so a header is worded here once and read back from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assess.texts.catalog import Text, Texts, capitalised, text

if TYPE_CHECKING:
    from assess.checklist import Area, Measure


def _group(prefix: str, entries: dict[str, tuple[str, str]]) -> dict[str, Text]:
    return {key: text(f"{prefix}.{key}", zh, en) for key, (zh, en) in entries.items()}


SHEET = _group(
    "workbook.sheet",
    {
        "overview": ("总览", "Overview"),
        "items": ("逐项对标", "Item by item"),
        "gaps": ("差距清单", "Gaps"),
        "opportunities": ("机遇清单", "Opportunities"),
        "actions": ("行动计划", "Action plan"),
        "evidence": ("佐证材料", "Evidence"),
        "quality": ("质量检查", "Quality check"),
        "notes": ("说明", "Notes"),
    },
)
SHEET_TITLE = _group(
    "workbook.title",
    {
        "overview": ("对标分析总览", "Gap analysis overview"),
        "items": ("逐项对标表", "Item-by-item assessment"),
        "gaps": ("差距清单", "Gaps"),
        "opportunities": ("机遇清单", "Opportunities"),
        "actions": ("行动计划", "Action plan"),
        "evidence": ("佐证材料登记表", "Evidence register"),
        "quality": ("质量检查", "Quality check"),
        "notes": ("填写与评分说明", "How to fill in and how scores are computed"),
    },
)
TITLE_LINE = text(
    "workbook.title_line", "{zone}　{title}（{period}）", "{zone} — {title} ({period})"
)

# Columns that are no record field (record fields take their header from the registry).
COLUMN = _group(
    "workbook.column",
    {
        "number": ("序号", "No."),
        "area": ("领域", "Area"),
        "measure": ("举措", "Measure"),
        "item_id": ("条目编号", "Item ID"),
        "item": ("条目", "Item"),
        "source": ("政策原文", "Policy text (Chinese)"),
        "kind": ("类型", "Kind"),
        "applicability": ("适用性", "Applies"),
        "chance": ("可争取的机遇", "Opportunity to pursue"),
        "overdue": ("逾期", "Overdue"),
        "earliest_due": ("最早时限", "Earliest due"),
        "highest_priority": ("最高优先级", "Highest priority"),
        "cited_by": ("引用条目", "Cited by items"),
        "problem_kind": ("问题类型", "Problem"),
        "problem": ("问题说明", "Details"),
        "topic": ("项目", "Topic"),
        "notes": ("说明", "Explanation"),
        "name": ("名称", "Name"),
        "score": ("得分", "Score"),
        "coverage": ("覆盖率", "Coverage"),
        "scored": ("计分条目", "Scored"),
        "applicable": ("适用条目", "Applicable"),
        "assessed": ("已评估", "Assessed"),
        "count": ("条目数", "Items"),
        "share": ("占比", "Share"),
    },
)

NONE_YET = text("workbook.none_yet", "（暂无）", "(none)")
NO_GAPS = text("workbook.no_gaps", "（暂无差距）", "(no gaps)")
GAP_MISSING = text("workbook.gap_missing", "（未填写差距）", "(gap not described)")
ACTION_MISSING = text("workbook.action_missing", "（无下一步举措）", "(no next action)")
CHANCE_MISSING = text(
    "workbook.chance_missing",
    "（未填写，请对照政策原文梳理可争取的支持）",
    "(not written: read the policy text for support the zone can apply for)",
)
TOTAL = text("workbook.total", "合计", "total")
CHOICE_TITLE = text("workbook.choice_title", "{what}无效", "Invalid {what}")
CHOICE_ERROR = text(
    "workbook.choice_error", "请从下拉列表选择：{choices}", "Choose from the list: {choices}"
)
FILE_STEM = text("workbook.file_stem", "对标分析", "gap-analysis")
REPORT_DATE = text("workbook.report_date", "报告日期", "report date")
PAGE_DATE = text("workbook.page_date", "报告日期 {date}", "Report date {date}")

# 总览: section titles and the profile block's labels beyond the zone fields.
SECTION = _group(
    "workbook.section",
    {
        "profile": ("一、基本信息与落实状态", "1. Profile and statuses"),
        "areas": ("二、各领域得分", "2. Scores per area"),
        "measures": ("三、各举措得分", "3. Scores per measure"),
        "charts": ("四、得分图", "4. Score charts"),
        "gaps": ("五、主要差距（前 {count} 项）", "5. Main gaps (top {count})"),
    },
)
PROFILE = _group(
    "workbook.profile",
    {
        "checklist": ("清单", "checklist"),
        "checklist_id": ("清单编号", "checklist ID"),
        "checklist_version": ("清单版本", "checklist version"),
        "scope": ("范围", "scope"),
    },
)
WHOLE_SCOPE = text("workbook.scope.whole", "全部 {count} 项举措", "all {count} measures")
PART_SCOPE = text("workbook.scope.part", "举措{measures}", "measures {measures}")
MEASURE_RUN = text("workbook.scope.run", "{first}至{last}", "{first}–{last}")

# 说明: one row per topic.
NOTE_TOPIC = _group(
    "workbook.note",
    {
        "checklist": ("清单", "Checklist"),
        "scope": ("本表范围", "Scope of this workbook"),
        "rules": ("评分与汇总规则", "Scoring and roll-up"),
        "applicability": ("适用性", "Applicability"),
        "kind": ("类型", "Kinds"),
        "return": ("回填说明", "Filling in and returning"),
        "evidence": ("佐证材料写法", "How to write evidence"),
        "figures": ("相关指标写法", "How to write indicators"),
        "generated": ("生成时间", "Generated"),
    },
)
NOTE_CHECKLIST = text(
    "workbook.note.checklist_text",
    "{title}（{source}）\n清单编号 {id}，版本 {version}",
    "{title} ({source})\nchecklist {id}, version {version}",
)
NOTE_SCALE_LINE = text(
    "workbook.note.scale_line",
    "{status}：填写“{explanation}”",
    "{status}: write the {explanation}",
)
NOTE_SCALE = text(
    "workbook.note.scale",
    "已经落实的查效果，正在落实的查进度，尚未落实的查原因。",
    "For what is done, show the effect; for what is in progress, the progress; "
    "for what has not started, the reason.",
)
NOTE_APPLICABILITY = text(
    "workbook.note.applicability_text",
    "按经开区画像（所在地区、沿边地区、西部枢纽节点起步区、外籍人才集中）判断条目是否适用；"
    "按画像不适用的条目显示“{shown}”，不计分。"
    "“有条件的”条目默认适用，不具备条件的可将{status}标为“{not_applicable}”并说明理由。",
    "Whether an item applies follows the zone's profile (region, border zone, western computing "
    "hub start-up area, many foreign staff); items that do not apply show '{shown}' and are not "
    "scored. Conditional items apply by default; a zone without the condition may set the "
    "{status} to '{not_applicable}' and give the justification.",
)
NOTE_KIND = text(
    "workbook.note.kind_text",
    "要求：经开区应当做到，未落实即为差距；支持/鼓励：可争取的政策，未用好即为机遇；"
    "上级事项：由上级部门推动，经开区可争取或确认已获得；{status}写“{received}”“{requested}”"
    "“{unrequested}”，不计入差距，列入“待争取事项”，计入政策利用率。",
    "requirement: the zone must do it; not done is a gap. support / encourage: policy the zone "
    "can use; not used is an opportunity. higher-level: driven by higher authorities; the zone "
    "can apply for it or confirm it has it: its {status} reads '{received}', '{requested}' or "
    "'{unrequested}'; it is never a gap, it is listed under open requests and counts toward "
    "policy use.",
)
NOTE_RETURN = text(
    "workbook.note.return_text",
    "各部门可在“{items}”表填写{fields}，在“{actions}”表修改或新增举措（按条目编号对应），"
    "再用 assess import 导回。空白单元格不会覆盖已有内容；“{items}”中的下一步举措等列由行动计划"
    "汇总，以“{actions}”表为准。",
    "Departments fill in {fields} on the '{items}' sheet and edit or add actions on the "
    "'{actions}' sheet (matched by item ID), then send the workbook back for assess import. "
    "An empty cell never overwrites what is recorded; the action columns of '{items}' summarise "
    "the action plan, and '{actions}' is what counts.",
)
NOTE_EVIDENCE = text(
    "workbook.note.evidence_text",
    "每行一项：已登记的写编号和标题，如“E1 2025年管委会工作报告（示经开〔2025〕1号，2025-02-10）”；"
    "新材料不写编号，按“标题（文号或链接，日期）”填写，导入时自动登记。",
    "One per line: registered evidence as ID and title, e.g. 'E1 Annual work report (No. 1, "
    "2025-02-10)'; new evidence without an ID as 'title (number or link, date)', registered "
    "on import.",
)
NOTE_FIGURES = text(
    "workbook.note.figures_text",
    "“{column}”列每行一项指标，写成“名称：数值 单位”，如“实际使用外资：1.2 亿美元”。",
    "The '{column}' column holds one indicator per line as 'name: value unit', "
    "e.g. 'Foreign capital used: 1.2 USD 100m'.",
)

# The comparison workbook (assess compare -o): A and B are the two assessments.
COMPARE_SHEET = _group(
    "compare_book.sheet",
    {
        "overview": ("对比总览", "Overview"),
        "items": ("逐项对比", "Item by item"),
        "changes": ("变化清单", "Changes"),
        "due": ("到期举措", "Due actions"),
    },
)
COMPARE = _group(
    "compare_book",
    {
        "title": ("评估对比总览", "Comparison overview"),
        "province": ("省份（地区）", "Province (region)"),
        "profile": ("画像", "Profile"),
        "none": ("无", "none"),
        "updated": ("更新日期", "Updated"),
        "area_measure": ("领域 / 举措", "Area / measure"),
        "delta": ("变化 Δ", "Change Δ"),
        "change": ("变化分类", "Change"),
        "any_change": ("有变化的条目（含内容变化）", "Items with any change"),
        "unmatched": ("未能对应的条目（清单版本不同）", "Unmatched items"),
        "chart": ("各举措得分（A / B）", "Score per measure (A / B)"),
        "items_title": ("逐项对比表", "Item-by-item comparison"),
        "changes_title": ("变化清单（仅有变化的条目）", "Changed items only"),
        "other": (
            "其他变化（说明、佐证、举措、指标等）",
            "Other changes (texts, evidence, actions, figures)",
        ),
        "no_difference": ("两份评估没有差别。", "The two assessments do not differ."),
        "status_in_b": ("B 中状态", "Status in B"),
        "none_due": ("没有到期未完成的举措。", "No action fell due undone."),
    },
)
SIDE_HEADER = text("compare_book.side", "{side} {header}", "{side} {header}")
COMPARE_TITLE_LINE = text(
    "compare_book.title_line", "{title}\nA：{a}　B：{b}", "{title}\nA: {a}  B: {b}"
)
DUE_TITLE = text(
    "compare_book.due_title",
    "{start} 至 {end} 到期且 B 中未完成的举措",
    "Actions due {start} – {end} and not done in B",
)
SERIES = text("compare_book.series", "{side}：{name} {period}", "{side}: {name} {period}")
FIGURE_CHANGE = text("compare_book.figure", "{name}：{a} → {b}", "{name}: {a} → {b}")

# The roll-up workbook (assess rollup -o).
ROLLUP_SHEET = _group(
    "rollup_book.sheet",
    {
        "matrix": ("得分矩阵", "Score matrix"),
        "regions": ("分地区平均", "Regional averages"),
        "ranking": ("总体排名", "Ranking"),
        "gaps": ("常见差距", "Common gaps"),
        "coverage": ("覆盖率", "Coverage"),
        "skipped": ("未计入文件", "Skipped files"),
    },
)
ROLLUP = _group(
    "rollup_book",
    {
        "header": ("汇总 {count} 个经开区", "{count} zones"),
        "province": ("省份", "Province"),
        "region": ("地区", "Region"),
        "overall": ("总体得分", "Overall"),
        "matrix_title": ("经开区 × 举措得分矩阵", "Zone × measure scores"),
        "zones": ("经开区数", "Zones"),
        "mean_overall": ("平均总体得分", "Mean overall"),
        "mean_coverage": ("平均覆盖率", "Mean coverage"),
        "regions_title": ("分地区平均得分", "Regional averages"),
        "regions_note": (
            "地区平均 = 该地区各经开区得分的算术平均（每个经开区计一次；"
            "某举措无得分的经开区不计入该举措的平均）。",
            "A regional mean is the plain mean of its zones' scores (each zone once; zones "
            "without a score for a measure are left out of that measure's mean).",
        ),
        "rank": ("名次", "Rank"),
        "gaps": ("差距条目数", "Gaps"),
        "ranking_title": (
            "总体得分排名（同分同名次）",
            "Ranking by overall score (ties share a rank)",
        ),
        "zones_with_gap": ("存在差距的经开区数", "Zones with a gap"),
        "zones_assessed": ("已评估的经开区数", "Zones assessed"),
        "gap_share": ("差距占比", "Share"),
        "gaps_title": (
            "最常见的差距（推进中或未启动的适用条目）",
            "Most common gaps (applicable items in progress or not started)",
        ),
        "no_gaps": ("没有差距条目。", "No gaps."),
        "coverage_title": ("各经开区覆盖率与状态统计", "Coverage and statuses per zone"),
        "file": ("文件", "File"),
        "reason": ("原因", "Reason"),
        "skipped_title": ("未计入汇总的文件", "Files left out of the roll-up"),
        "none_skipped": ("所有文件均已计入。", "Every file was included."),
    },
)


def area_title(area: Area, t: Texts) -> str:
    """二、title in Chinese, ``2. title`` in English: how the TUI, workbooks and compare name an area."""
    return t.pick(f"{area.numeral}、{area.title}", f"{area.number}. {area.title_en}")


def measure_title(measure: Measure, t: Texts) -> str:
    """（十三）title in Chinese, ``(13) title`` in English: how every workbook names a measure."""
    return t.pick(f"{measure.numeral}{measure.title}", f"({measure.number}) {measure.title_en}")


def heading(t: Texts, entry: Text) -> str:
    """A catalog text as a column header or row label: English ones start with a capital
    (the registry words its labels for use inside sentences: ``status``, ``lead unit``)."""
    return capitalised(t(entry))
