"""Words on every printed workbook page: the footer naming the checklist, the dated header."""

from __future__ import annotations

from assess.texts.catalog import text

FOOTER = text(
    "print.footer",
    "依据《工作方案》对标清单 {version} 版",
    "Work Plan checklist, version {version}",
)
# Excel's codes: &P the page, &N the pages (LibreOffice and WPS read them too).
PAGE_OF = text("print.page_of", "第 &P 页 / 共 &N 页", "Page &P of &N")
REPORT_DATE = text("print.report_date", "报告日期 {date}", "Report date {date}")
MADE_ON = text("print.made_on", "制表日期 {date}", "Made on {date}")

# ── 逐项对标（打印） ──
LEDGER_TITLE = text(
    "print.ledger_title",
    "{zone}　{title}（打印版，{period}）",
    "{zone}: {title}, for printing ({period})",
)
LEDGER_NAME = text("print.ledger_name", "逐项对标（打印）", "Items (print)")
# The column headings are the registry's labels (``assess.excel.print_ledger`` joins them),
# so renaming a field renames its printed heading; these only join the parts.
LEDGER_PAIR = text("print.ledger_pair", "{first}与{second}", "{first} and {second}")
LEDGER_TERMS = text("print.ledger_terms", "{name}（{terms}）", "{name} ({terms})")
LEDGER_OR = text("print.ledger_or", "/", " / ")
LABEL_HEAD = text("print.label_head", "{label}：", "{label}:")
LABELLED = text("print.labelled", "{label}：{text}", "{label}: {text}")
FIGURE_MISSING = text("print.figure_missing", "（未填）", "(not given)")
ACTION = text("print.action", "{text}（{terms}）", "{text} ({terms})")
