"""Words on every printed workbook page: the footer naming the checklist, the dated header."""

from __future__ import annotations

from assess.texts.catalog import text

FOOTER = text(
    "print.footer",
    "依据《工作方案》对标清单 {version} 版",
    "Work Plan checklist, version {version}",
)
REPORT_DATE = text("print.report_date", "报告日期 {date}", "Report date {date}")
MADE_ON = text("print.made_on", "制表日期 {date}", "Made on {date}")

# ── 逐项对标（打印） ──
LEDGER_TITLE = text(
    "print.ledger_title",
    "{zone}　逐项对标表（打印版，{period}）",
    "{zone}: item by item, for printing ({period})",
)
LEDGER_NAME = text("print.ledger_name", "逐项对标（打印）", "Items (print)")
LEDGER_NUMBER = text("print.ledger_number", "序号", "No.")
LEDGER_ITEM = text("print.ledger_item", "条目", "Item")
LEDGER_EXPLANATION = text(
    "print.ledger_explanation", "成效/进度/原因/理由", "Effect / progress / reason / justification"
)
LEDGER_CURRENT = text("print.ledger_current", "现状与佐证材料", "Current state and evidence")
LEDGER_GAP = text("print.ledger_gap", "差距与机遇", "Gap and opportunity")
LEDGER_ACTIONS = text(
    "print.ledger_actions",
    "下一步举措（牵头单位、完成时限、优先级）",
    "Next actions (lead, due, priority)",
)
POLICY_LINE = text("print.policy_line", "政策原文：{text}", "Policy text: {text}")
EVIDENCE_HEAD = text("print.evidence_head", "佐证材料：", "Evidence:")
LABELLED = text("print.labelled", "{label}：{text}", "{label}: {text}")
ACTION = text("print.action", "{text}（{terms}）", "{text} ({terms})")
