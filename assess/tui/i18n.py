"""Every label the TUI shows, in Chinese (default) and English (``--lang en``)."""

from __future__ import annotations

from dataclasses import dataclass

from assess.lang import Lang
from assess.models import ActionStatus, Priority, Status
from assess.texts.catalog import texts_for
from assess.texts.labels import EXPLANATION

_LABELS: dict[str, tuple[str, str]] = {
    "app_title": ("经开区自评", "ETDZ self-assessment"),
    "overall": ("总分", "score"),
    "coverage": ("覆盖率", "coverage"),
    "id": ("编号", "ID"),
    "kind": ("类型", "kind"),
    "applicability": ("适用性", "applicability"),
    "source": ("政策原文", "policy text"),
    "guidance": ("评估要点", "guidance"),
    "evidence_hints": ("建议佐证", "suggested evidence"),
    "indicators": ("相关指标", "indicators"),
    "status": ("状态", "status"),
    "current": ("现状", "current state"),
    "evidence": ("佐证材料", "evidence"),
    "gap": ("差距", "gap"),
    "opportunity": ("机遇", "opportunity"),
    "actions": ("下一步举措", "next actions"),
    "note": ("备注", "note"),
    "add": ("添加", "add"),
    "cite": ("引用已有", "cite existing"),
    "edit": ("编辑", "edit"),
    "remove": ("移除", "remove"),
    "ok": ("确定", "OK"),
    "cancel": ("取消", "cancel"),
    "select_item": ("在左侧选择一个条目。", "Select an item on the left."),
    "measure_node_notice": (
        "请选择具体条目后再设置状态",
        "Select an item (not a measure or area) to set its status",
    ),
    "ev_title": ("材料名称", "title"),
    "ev_ref": ("文号/链接/路径", "number / link / path"),
    "ev_date": ("日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    "ev_new": ("新增佐证", "new evidence"),
    "ev_edit": ("编辑佐证", "edit evidence"),
    "ev_cite_title": ("引用已有佐证（一份材料可支撑多个条目）", "Cite existing evidence"),
    "ev_none_left": ("没有可引用的其他佐证", "no other evidence to cite"),
    "ev_used_by": ("被引用", "cited by"),
    "act_text": ("下一步举措", "next action"),
    "act_lead": ("牵头单位", "lead unit"),
    "act_partners": ("配合单位", "partner units"),
    "act_due": ("完成时限 YYYY-MM-DD", "due YYYY-MM-DD"),
    "act_due_short": ("完成时限", "due"),
    "act_priority": ("优先级", "priority"),
    "act_status": ("举措状态", "action status"),
    "act_new": ("新增举措", "new action"),
    "act_edit": ("编辑举措", "edit action"),
    "bad_date": (
        "日期格式应为 2026-06-30、2026/6/30 或 2026年6月30日",
        "Dates are like 2026-06-30, 2026/6/30 or 2026年6月30日",
    ),
    "no_such_day": ("没有这一天，请检查月和日", "There is no such day; check the month and day"),
    "required": ("此项不能为空", "This field is required"),
    "pick_row": ("请先在表格中选中一行", "Select a row in the table first"),
    "saved": ("已保存", "saved"),
    "nothing_to_undo": ("没有可撤销的修改", "nothing to undo"),
    "undone": ("已撤销", "undone"),
    "undo_on_main": ("请回到主界面再撤销", "Go back to the main screen to undo"),
    "filter": ("筛选", "filter"),
    "filter_all": ("全部", "all"),
    "filter_unassessed": ("未评估", "not assessed"),
    "filter_gaps": ("差距", "gaps"),
    "filter_opportunities": ("机遇", "opportunities"),
    "filter_warnings": ("质量提示", "warnings"),
    "search": ("搜索标题和政策原文", "Search titles and policy text"),
    "search_short": ("搜索", "search"),
    "search_hint": ("输入关键词，回车跳转", "type words, Enter to jump"),
    "no_match": ("没有匹配的条目", "no matching item"),
    "dashboard": ("总览", "dashboard"),
    "area_scores": ("各领域得分", "area scores"),
    "measure_scores": ("各举措得分", "measure scores"),
    "top_gaps": ("主要差距（要求类优先）", "top gaps (requirements first)"),
    "open_opps": ("待把握的机遇", "open opportunities"),
    "warnings": ("质量提示", "quality warnings"),
    "none": ("无", "none"),
    "profile": ("经开区画像", "zone profile"),
    "departments": ("部门分工", "departments"),
    "zone_name": ("经开区名称", "zone name"),
    "province": ("所在省份", "province"),
    "region": ("所属地区", "region"),
    "border": ("沿边地区", "border zone"),
    "hub": ("西部枢纽节点起步区", "western computing hub start-up area"),
    "foreign_talent": ("外籍人才集中", "many foreign staff"),
    "period": ("评估期", "period"),
    "assessor": ("评估人", "assessor"),
    "profile_hint": (
        "修改后立即重新判断适用性并重新计分，并自动保存。Esc 返回。",
        "Changes re-decide applicability and scores at once and are saved. Esc to go back.",
    ),
    "help": ("快捷键", "keys"),
    "back": ("返回", "back"),
    "quit": ("退出", "quit"),
    "save": ("保存", "save"),
    "undo": ("撤销", "undo"),
    "form": ("进入表单", "into form"),
    "tree": ("回到目录", "back to tree"),
    "fold": ("折叠/展开", "fold/unfold"),
    "move": ("上下移动", "move"),
    "palette": ("命令面板", "command palette"),
    "palette_search": ("搜索命令…", "Search for commands…"),
    "cmp_title": ("对比", "Compare"),
    "cmp_keys": (
        "Enter 两期/两区记录对照　f 仅看变化/显示全部　Esc 返回",
        "Enter both records side by side   f changes only / all   Esc back",
    ),
    "cmp_item": ("条目", "item"),
    "cmp_change": ("变化", "change"),
    "cmp_other": ("其他变化", "other changes"),
    "cmp_unmatched": ("未能对应", "unmatched"),
    "cmp_overall": ("总分", "overall"),
    "cmp_filter_on": ("（仅显示有变化的条目）", " (changed items only)"),
    "cmp_changed": ("有变化", "changed"),
    "cmp_no_record": ("（无此条目的记录：清单版本不同）", "(no record: another checklist version)"),
    "cmp_figures": ("指标", "figures"),
    "cmp_none": ("（无）", "(none)"),
    "cmp_changes_only": ("仅看变化", "changes only"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "export": ("导出对标分析台账", "export the workbook"),
    "export_short": ("导出", "export"),
    "exporting": ("正在导出…", "exporting…"),
    "exported": ("已导出", "exported"),
    "compare": ("与另一期评估对比", "compare with another assessment"),
    "compare_short": ("对比", "compare"),
    "compare_prompt": (
        "另一份评估文件的路径（作为 A，本文件为 B）",
        "Path of the other assessment file (shown as A; this file is B)",
    ),
}

HELP_ROWS: list[tuple[str, str]] = [
    ("↑ ↓ / j k", "move"),
    ("← →", "fold"),
    ("1", "status:done"),
    ("2", "status:in_progress"),
    ("3", "status:not_started"),
    ("4", "status:not_applicable"),
    ("0", "status:not_assessed"),
    ("Enter / Tab", "form"),
    ("Esc", "tree"),
    ("/", "search"),
    ("f", "filter"),
    ("d", "dashboard"),
    ("p", "profile"),
    ("g", "departments"),
    ("x", "export"),
    ("c", "compare"),
    ("ctrl+z", "undo"),
    ("ctrl+s", "save"),
    ("ctrl+p", "palette"),
    ("?", "help"),
    ("q / ctrl+q", "quit"),
]

STATUS_KEYS: dict[str, Status] = {
    "1": Status.DONE,
    "2": Status.IN_PROGRESS,
    "3": Status.NOT_STARTED,
    "4": Status.NOT_APPLICABLE,
    "0": Status.NOT_ASSESSED,
}

FILTERS = ("all", "unassessed", "gaps", "opportunities", "warnings")


@dataclass(frozen=True)
class Labels:
    """Looks labels up in one language; ``en`` also picks the English enum labels."""

    en: bool = False

    @property
    def lang(self) -> Lang:
        """As ``Texts.lang``: screens converted to the catalog take the app's ``t.lang``."""
        return Lang.EN if self.en else Lang.ZH

    def __call__(self, key: str) -> str:
        if key.startswith("status:"):
            return self.status(Status(key.removeprefix("status:")))
        zh, en = _LABELS[key]
        return en if self.en else zh

    @property
    def colon(self) -> str:
        return ": " if self.en else "："

    def knows(self, key: str) -> bool:
        return key in _LABELS or key.removeprefix("status:") in Status._value2member_map_

    def status(self, status: Status) -> str:
        return texts_for(self.en).label(status)

    def explanation(self, status: Status) -> str:
        return texts_for(self.en)(EXPLANATION[status.value])

    def priority(self, priority: Priority) -> str:
        return texts_for(self.en).label(priority)

    def action_status(self, status: ActionStatus) -> str:
        return texts_for(self.en).label(status)

    def pick(self, zh: str, en: str) -> str:
        """Choose between a Chinese text and its English twin (falling back to Chinese)."""
        return (en or zh) if self.en else zh
