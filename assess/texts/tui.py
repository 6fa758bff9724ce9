"""The main screen's words: header, item pane, form, key descriptions, undo and hints.

Field and enum labels come from :mod:`assess.texts.labels`; the screens (dashboard, profile,
compare, search, dialogs) have theirs in :mod:`assess.texts.tui_screens`.
"""

from __future__ import annotations

from assess.texts.catalog import text
from assess.texts.history import EMPTY as EMPTY

APP_TITLE = text("tui.app_title", "经开区自评", "ETDZ self-assessment")
OVERALL = text("tui.overall", "总分", "score")
COVERAGE = text("tui.coverage", "覆盖率", "coverage")
FILTER = text("tui.filter", "筛选", "filter")
FILTERS = {
    "all": text("tui.filter.all", "全部", "all"),
    "unassessed": text("tui.filter.unassessed", "未评估", "not assessed"),
    "gaps": text("tui.filter.gaps", "差距", "gaps"),
    "opportunities": text("tui.filter.opportunities", "机遇", "opportunities"),
    "warnings": text("tui.filter.warnings", "质量提示", "warnings"),
}
NO_MATCH = text("tui.no_match", "没有匹配的条目", "no matching item")

# the item pane
SELECT_ITEM = text("tui.select_item", "在左侧选择一个条目。", "Select an item on the left.")
NO_SECTION = text(
    "tui.no_section", "本条目没有“{section}”一栏。", "This item has no “{section}” section."
)
MEASURE_HINT = text(
    "tui.measure_hint",
    "{measure}：按 1 2 3 4 0 把本举措全部 {count} 个适用条目设为同一状态（ctrl+z 可撤销）。",
    "{measure}: 1 2 3 4 0 set all {count} applicable items of this measure (ctrl+z undoes).",
)
KIND = text("tui.kind", "类型", "kind")
APPLICABILITY = text("tui.applicability", "适用性", "applicability")
SOURCE = text("tui.source", "政策原文", "policy text")
GUIDANCE = text("tui.guidance", "评估要点", "guidance")
EVIDENCE_HINTS = text("tui.evidence_hints", "建议佐证", "suggested evidence")
INDICATORS = text("tui.indicators", "相关指标", "indicators")
USED_BY = text("tui.used_by", "被引用", "cited by")
ADD = text("tui.add", "添加", "add")
CITE = text("tui.cite", "引用已有", "cite existing")
EDIT = text("tui.edit", "编辑", "edit")
REMOVE = text("tui.remove", "移除", "remove")
PICK_ROW = text("tui.pick_row", "请先在表格中选中一行", "Select a row in the table first")
NONE_TO_CITE = text("tui.none_to_cite", "没有可引用的其他佐证", "no other evidence to cite")
FIGURE_UNIT = text("tui.figure_unit", "（{unit}）", " ({unit})")
BAD_FIGURE = text(
    "tui.bad_figure",
    "{name}：“{value}”不是数字，未保存。请填写数字（单位：{unit}），如 12.5；清空即删除。",
    "{name}: “{value}” is not a number and was not saved. Type a number (unit: {unit}), "
    "e.g. 12.5; empty removes it.",
)
NO_UNIT = text("tui.no_unit", "无", "none")

# what a key on a button or a table would otherwise swallow
KEY_ON_BUTTON = text(
    "tui.key_on_button",
    "“{key}”没有输入：焦点在按钮“{button}”上（Enter 按下）。文字请在输入框中填写：{keys}；"
    "Esc 回到目录。",
    "“{key}” was not typed: the focus is on the button “{button}” (Enter presses it). "
    "Type text in a field: {keys}; Esc goes back to the tree.",
)
KEY_ON_TABLE = text(
    "tui.key_on_table",
    "“{key}”没有输入：焦点在表格“{table}”上（Enter 编辑所选行）。文字请在输入框中填写：{keys}；"
    "Esc 回到目录。",
    "“{key}” was not typed: the focus is on the table “{table}” (Enter edits the row). "
    "Type text in a field: {keys}; Esc goes back to the tree.",
)
KEY_ON_SELECT = text(
    "tui.key_on_select",
    "“{key}”没有输入：焦点在下拉框“{select}”上，按 1–{count} 选第几项，Enter 展开；Esc 回到目录。",
    "“{key}” was not typed: the focus is on the drop-down “{select}”; 1–{count} pick an "
    "option, Enter opens it; Esc goes back to the tree.",
)

# undo and redo
UNDONE = text("tui.undone", "已撤销：{what}", "undone: {what}")
REDONE = text("tui.redone", "已重做：{what}", "redone: {what}")
NOTHING_TO_UNDO = text("tui.nothing_to_undo", "没有可撤销的修改", "nothing to undo")
NOTHING_TO_REDO = text("tui.nothing_to_redo", "没有可重做的修改", "nothing to redo")
UNDO_ON_MAIN = text("tui.undo_on_main", "请回到主界面再撤销", "Go back to the main screen to undo")
CHANGE = text("tui.change", "{item} {field}：{old} → {new}", "{item} {field}: {old} → {new}")
DUE_PAST = text(
    "tui.due_past",
    "举措 {id} 的{field} {due} 已过（今天 {today}），已保存；如是笔误请编辑",
    "action {id}: {field} {due} is already past (today is {today}): saved; edit it if that is a typo",
)
MORE_CHANGES = text("tui.more_changes", "另 {count} 处", "and {count} more")
RECORDS_BACK = text(
    "tui.records_back", "{item} {field}：恢复 {records}", "{item} {field}: {records} back"
)
RECORDS_GONE = text(
    "tui.records_gone", "{item} {field}：去掉 {records}", "{item} {field}: {records} gone"
)
RECORD_NAMED = text("tui.record_named", "{id}“{title}”", "{id} “{title}”")
QUOTED_VALUE = text("tui.quoted_value", "“{value}”", "“{value}”")
EVIDENCE_RECORD = text("tui.evidence_record", "佐证 {id}", "evidence {id}")
ACTION_RECORD = text("tui.action_record", "举措 {id}", "action {id}")
FIGURE_RECORD = text("tui.figure_record", "指标“{name}”", "figure “{name}”")
ZONE = text("tui.zone", "本区", "zone")
MEASURE_SET = text(
    "tui.measure_set",
    "{measure}：{count} 个条目设为“{status}”（ctrl+z 撤销）",
    "{measure}: {count} items set to “{status}” (ctrl+z undoes)",
)
MEASURE_UNCHANGED = text(
    "tui.measure_unchanged",
    "{measure}：适用条目都已是“{status}”",
    "{measure}: every applicable item is already “{status}”",
)
AREA_NODE = text(
    "tui.area_node",
    "请选择一项举措或一个条目再设置状态",
    "Select a measure or an item to set a status",
)

# saving, export, compare
SAVED = text("tui.saved", "已保存：{path}", "saved: {path}")
EXPORTING = text("tui.exporting", "正在导出…", "exporting…")
EXPORTED = text("tui.exported", "已导出：{path}", "exported: {path}")
COMPARE_PROMPT = text(
    "tui.compare_prompt",
    "另一份评估文件的路径（作为 A，本文件为 B）",
    "Path of the other assessment file (shown as A; this file is B)",
)
COMPARE_SELF = text(
    "tui.compare_self",
    "这就是当前打开的文件；请选另一期或另一个经开区的评估文件。",
    "That is the file open now; choose another period's or another zone's assessment file.",
)
PALETTE_SEARCH = text("tui.palette_search", "搜索命令…", "Search for commands…")
HELP_TITLE = text("tui.help_title", "快捷键", "keys")
HELP_TARGET = text(
    "tui.help_target",
    "一个条目（状态 + 说明 + 一份佐证 + 一项举措含{terms}）约 11 个按键（不含输入的文字）。",
    "One item (status + explanation + one evidence + one action with {terms}) "
    "takes about 11 keys besides the typed text.",
)

# what each key does: help and palette (long), footer (short)
KEY = {
    name: text(f"tui.key.{name}", zh, en)
    for name, (zh, en) in {
        "move": ("上下移动", "move"),
        "fold": ("折叠/展开", "fold/unfold"),
        "into_form": ("进入表单；Tab 在字段间移动", "into the form; Tab moves between fields"),
        "back": ("回到目录", "back to the tree"),
        "status_next": (
            "设状态并跳到下一条（⇧1 已落实 ⇧2 推进中 ⇧3 未启动 ⇧4 不适用 ⇧0 未评估）",
            "set the status and go to the next item (⇧1 … ⇧4, ⇧0)",
        ),
        "measure_status": (
            "在举措上：本举措全部适用条目设为该状态",
            "on a measure: set every applicable item of it",
        ),
        "explanation": ("跳到说明（成效/进度/原因/理由）", "go to the explanation"),
        "current": ("跳到现状", "go to the current state"),
        "evidence": ("跳到佐证材料", "go to the evidence"),
        "actions": ("跳到下一步举措", "go to the next actions"),
        "figures": ("跳到相关指标", "go to the indicator figures"),
        "new_evidence": ("新增佐证（本条目引用）", "new evidence, cited by this item"),
        "cite": ("引用已有佐证", "cite existing evidence"),
        "new_action": ("新增下一步举措", "new next action"),
        "select_digit": ("在下拉框中：选第几项（状态同目录键）", "in a drop-down: pick option n"),
        "form_ok": ("在对话框中：确定（保存表单）", "in a dialog: OK (save the form)"),
        "search": ("搜索标题和政策原文", "search titles and policy text"),
        "filter": ("筛选（全部/未评估/差距/机遇/质量提示）", "filter (all/unassessed/gaps/…)"),
        "dashboard": ("总览", "dashboard"),
        "profile": ("经开区画像", "zone profile"),
        "departments": ("部门分工", "departments"),
        "export": ("导出对标分析台账", "export the workbook"),
        "compare": ("与另一期评估对比", "compare with another assessment"),
        "undo": ("撤销（文字框内先撤销本框输入）", "undo (in a text field: its typing first)"),
        "redo": ("重做", "redo"),
        "save": ("保存", "save"),
        "palette": ("命令面板", "command palette"),
        "help": ("快捷键", "keys"),
        "quit": ("退出", "quit"),
    }.items()
}
KEY_SHORT = {
    name: text(f"tui.key_short.{name}", zh, en)
    for name, (zh, en) in {
        "search": ("搜索", "search"),
        "filter": ("筛选", "filter"),
        "export": ("导出", "export"),
        "compare": ("对比", "compare"),
        "explanation": ("说明", "explain"),
        "new_action": ("举措", "action"),
        "new_evidence": ("佐证", "evidence"),
        "undo": ("撤销", "undo"),
        "redo": ("重做", "redo"),
        "palette": ("命令面板", "commands"),
    }.items()
}
# The status keys in the footer: English words are longer, so an 80-column footer keeps
# ? / ^p / search after them, as the Chinese one does (keyed by the status's stored value).
STATUS_SHORT = {
    value: text(f"tui.status_short.{value}", zh, en)
    for value, (zh, en) in {
        "done": ("已落实", "done"),
        "in_progress": ("推进中", "doing"),
        "not_started": ("未启动", "not started"),
        "not_applicable": ("不适用", "n/a"),
        "not_assessed": ("未评估", "unassessed"),
    }.items()
}
# the one-key adds as a section title names them: 「佐证材料  alt+v · alt+n 新增 · alt+r 引用」
KEY_HINT = {
    "new_evidence": text("tui.key_hint.new_evidence", "新增", "new"),
    "cite": text("tui.key_hint.cite", "引用", "cite"),
    "new_action": text("tui.key_hint.new_action", "新增", "new"),
}
