"""Texts of the zone profile (its attributes, their rules) and of checklist-version migration."""

from __future__ import annotations

from assess.texts.catalog import text

# ── province names ───────────────────────────────────────────────────────────
PROVINCE_UNKNOWN = text(
    "profile.province_unknown",
    "未知省份“{name}”；可选：{valid}（可带“省”“市”“自治区”，也可写 内蒙、兵团、新疆兵团）",
    "unknown province '{name}'; valid: {valid} (with or without 省/市/自治区; 内蒙, 兵团 and "
    "新疆兵团 are accepted too)",
)
PROVINCE_WRONG_SUFFIX = text(
    "profile.province_wrong_suffix",
    "省份“{name}”的后缀不对：{short}的全称是“{full}”；请写 {short} 或 {full}",
    "province '{name}' has the wrong suffix: the full name of {short} is {full}; "
    "write {short} or {full}",
)

# ── what each attribute means (one sentence each: --help and the profile screen) ──
DEFINE_BORDER = text(
    "profile.define_border",
    "沿边：经开区位于陆地边境省份（内蒙古、辽宁、吉林、黑龙江、广西、云南、西藏、甘肃、新疆）"
    "或新疆生产建设兵团的沿边地区，可与毗邻国家开展跨境产业合作。",
    "Border: the zone lies in the border area of a land-border province (Inner Mongolia, "
    "Liaoning, Jilin, Heilongjiang, Guangxi, Yunnan, Tibet, Gansu, Xinjiang) or of the Xinjiang "
    "Production and Construction Corps, and can cooperate with the neighbouring country.",
)
DEFINE_HUB = text(
    "profile.define_hub",
    "西部枢纽节点起步区：经开区位于“东数西算”工程西部枢纽节点的数据中心集群起步区内，"
    "即和林格尔（内蒙古）、贵安（贵州）、庆阳（甘肃）或中卫（宁夏）。",
    "Western hub start-up area: the zone lies in the start-up area of an East-Data-West-Computing "
    "western hub data-centre cluster: Horinger (Inner Mongolia), Gui'an (Guizhou), Qingyang "
    "(Gansu) or Zhongwei (Ningxia).",
)
DEFINE_FOREIGN_TALENT = text(
    "profile.define_foreign_talent",
    "外籍人才集中：由经开区自行判断，区内外籍人才多到需要规划国际学校、医院等生活配套设施。",
    "Many foreign staff: the zone's own judgement that so many foreign professionals work there "
    "that it needs to plan schools, hospitals and other amenities for them.",
)
DEFINITIONS = {"border": DEFINE_BORDER, "hub": DEFINE_HUB, "foreign_talent": DEFINE_FOREIGN_TALENT}

# ── the rules (codes of assess.profile_rules.ProfileViolation) ──────────────────
VIOLATIONS = {
    "border_province": text(
        "profile.violation.border_province",
        "规则“沿边仅限陆地边境省份”：{province}不是陆地边境省份，经开区不可能是沿边地区"
        "（沿边省份：{allowed}）",
        "rule 'border zones only in land-border provinces': {province} has no land border, so "
        "the zone cannot be a border zone (land-border provinces: {allowed})",
    ),
    "hub_province": text(
        "profile.violation.hub_province",
        "规则“西部枢纽节点起步区仅在和林格尔、贵安、庆阳、中卫”：{province}没有西部枢纽节点起步区"
        "（{allowed}）",
        "rule 'western hub start-up areas only at Horinger, Gui'an, Qingyang, Zhongwei': "
        "{province} has none ({allowed})",
    ),
}
# How to fix each, by where the profile came from.
FIX_FLAG = text(
    "profile.fix_flag",
    "请去掉 --{flag}（用 --from 时加 --no-{flag}），或核对 --province",
    "drop --{flag} (with --from, pass --no-{flag}), or check --province",
)
FIX_FILE = text(
    "profile.fix_file",
    "请在画像中（TUI 按 p）关闭该项或核对所在省份",
    "switch it off in the profile (p in the TUI) or check the province",
)
PROFILE_WARNING = text("profile.warning", "经开区画像", "zone profile")
PROFILE_WARNINGS_HEAD = text(
    "profile.warnings_head", "画像提示 {count} 条：", "{count} profile warning(s):"
)

# ── checklist-version migration (storage.Migration.messages) ──────────────────
MIGRATION_RENAMED = text(
    "migration.renamed",
    "条目重新编号（记录随之移动）：{pairs}",
    "items renumbered (their records moved with them): {pairs}",
)
MIGRATION_SPLIT = text(
    "migration.split",
    "条目拆分（原记录复制到拆分后的每个条目，请逐条核对）：{pairs}",
    "items split (the old record was copied to each part; review each): {pairs}",
)
MIGRATION_FIGURE_MOVED = text(
    "migration.figure_moved",
    "指标移到另一条目：{moves}",
    "figures moved to another item: {moves}",
)
MIGRATION_KIND_CHANGED = text(
    "migration.kind_changed",
    "条目类型更正（差距/机遇的判断随之改变）：{changes}",
    "item kinds corrected (what counts as a gap or an opportunity changes): {changes}",
)
