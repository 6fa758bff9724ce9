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
POLICY_LINE = text("print.policy_line", "政策原文：{text}", "Policy text: {text}")
EVIDENCE_HEAD = text("print.evidence_head", "佐证材料：", "Evidence:")
LABELLED = text("print.labelled", "{label}：{text}", "{label}: {text}")
ACTION = text("print.action", "{text}（{terms}）", "{text} ({terms})")
