"""Text of the department loop: owners, returned workbooks, their three-way merge (issue 13)."""

from __future__ import annotations

from assess.texts.catalog import text

LEAD = text("dept.lead", "牵头部门", "lead department")
PARTNERS = text("dept.partners", "配合部门", "partner departments")
DEPARTMENTS = text("dept.departments", "部门清单", "departments")
PROGRESS = text(
    "dept.progress",
    "{department}：已评估 {assessed}/{total}",
    "{department}: {assessed}/{total} assessed",
)
UNASSIGNED = text("dept.unassigned", "未指定牵头部门", "no lead department")

# Model validation (shown in both languages when a file or an edit is refused).
BAD_DEPARTMENT = text(
    "dept.bad_department",
    "部门清单中的“{name}”为空、前后有空格或重复",
    "department {name!r} in the list is empty, padded with spaces or repeated",
)
UNKNOWN_DEPARTMENT = text(
    "dept.unknown_department",
    "responsibility.{key}：“{name}”不在部门清单 departments 中，请先添加该部门",
    "responsibility.{key}: {name!r} is not in the departments list; add it there first",
)
REPEATED_DEPARTMENT = text(
    "dept.repeated_department",
    "responsibility.{key}：同一部门既是牵头又是配合，或配合部门重复",
    "responsibility.{key}: a department is both lead and partner, or a partner is repeated",
)
BAD_RESPONSIBILITY_KEY = text(
    "dept.bad_key",
    "responsibility.{key}：键应为举措编号（如 3）或条目编号（如 3.2）",
    "responsibility.{key}: the key must be a measure number (3) or an item ID (3.2)",
)
DUPLICATE_ACTION_ID = text(
    "dept.duplicate_action_id",
    "下一步举措编号重复：{ids}",
    "duplicate action ID(s): {ids}",
)

# Merging returned workbooks (codes from assess.merge, rendered by the adapters).
REASSIGNED_SINCE = text(
    "dept.reassigned_since",
    "{source}（{department}）修改的条目 {items} 在导出后已改由其他部门牵头：本次仍按导出时的分工导入，请与现牵头部门核对",
    "{source} ({department}) changes {items}, which another department leads since the export: "
    "imported as exported; check with the department that leads it now",
)
AFTER_REVIEW = text(
    "dept.after_review",
    "本文件{state}：本次导入的修改审核人尚未看过，定稿前须{ret}、重新提交并审核通过",
    "the file is {state}: the reviewer has not seen what this import changed; before it can be "
    "finalized: {ret}, submit and approve it again",
)
NO_BASE = text(
    "dept.no_base",
    "{source} 没有导出基准，按旧规则导入：非空单元格覆盖文件中的值",
    "{source} carries no export base: imported by the old rule, a non-empty cell wins",
)
CONFLICT = text(
    "dept.conflict",
    "冲突 {where} {field}：导出时{base}，{file_name} 现为{file}，{source} 改为{workbook}{place}",
    "conflict {where} {field}: {base} when exported, {file} in {file_name} now, {workbook} in"
    " {source}{place}",
)
CONFLICT_BETWEEN = text(
    "dept.conflict_between",
    "冲突 {where} {field}：{source} 改为{workbook}{place}，{other_source} 改为{other}{other_place}",
    "conflict {where} {field}: {source} says {workbook}{place}, {other_source} says"
    " {other}{other_place}",
)
CONFLICT_PLACE = text("dept.conflict_place", "（{place}）", " ({place})")
REFUSED = text(
    "dept.refused",
    "有 {count} 处冲突，未导入任何内容；请协调后重试，或用 --prefer workbook / --prefer file 选择",
    "{count} conflict(s): nothing was imported; resolve them, or choose with --prefer workbook / --prefer file",
)
REFUSED_BETWEEN = text(
    "dept.refused_between",
    "有 {count} 处冲突，未导入任何内容，其中有两份工作簿改得不同之处（--prefer workbook 无法决定采用哪一份）："
    "请协调后重试、分别导入，或用 --prefer file 一律保留文件中的值",
    "{count} conflict(s), nothing was imported, some between two workbooks (--prefer workbook "
    "cannot choose one): resolve them, import the workbooks separately, or keep the file's values "
    "with --prefer file",
)
OUT_OF_SCOPE = {
    "not_in_scope": text(
        "dept.out_of_scope.not_in_scope",
        "{source} 修改了不属于本部门的条目 {where}，未导入",
        "{source} changes {where}, which is not its department's: not imported",
    ),
    "not_exported": text(
        "dept.out_of_scope.not_exported",
        "{source} 中的 {where} 不在导出内容中，未导入",
        "{where} in {source} was not exported with it: not imported",
    ),
    "unknown_row": text(
        "dept.out_of_scope.unknown_row",
        "{source} 中的编号 {where} 在评估文件中不存在；新增的行请不填编号",
        "{source} has ID {where}, which the file does not know; leave the ID empty on new rows",
    ),
    "cited_elsewhere": text(
        "dept.out_of_scope.cited_elsewhere",
        "{source} 删除了佐证 {where}，但其他部门的条目仍引用它，未删除",
        "{source} deletes evidence {where}, still cited by other departments' items: kept",
    ),
}

# The 责任部门 cell: “经发局” or “经发局；配合：科创局、商务局” (read back by the importer).
PARTNER_MARK = text("dept.partner_mark", "配合：", "partners: ")
ROLE_LEAD = text("dept.role.lead", "牵头", "lead")
ROLE_PARTNER = text("dept.role.partner", "配合（只读）", "partner (read-only)")

# The cover (封面) of the gap-analysis and department workbooks.
COVER_SHEET = text("cover.sheet", "封面", "Cover")
BASE_SHEET = text("base.sheet", "导出基准", "Export base")
COVER_TITLE = text(
    "cover.title", "{zone}对标分析自评表（{period}）", "{zone}: self-assessment ({period})"
)
COVER_DEPARTMENT_TITLE = text(
    "cover.department_title",
    "{zone}对标分析自评表（{period}）——{department}填报",
    "{zone}: self-assessment ({period}), {department}'s part",
)
COVER_ZONE = text("cover.zone", "经开区", "zone")
COVER_PERIOD = text("cover.period", "评估期", "period")
COVER_UNIT = text("cover.unit", "填报单位（盖章）", "reporting unit (seal)")
COVER_DEPARTMENT = text("cover.department", "填报部门", "department")
COVER_FILLER = text("cover.filler", "填报人", "filled in by")
COVER_CONTACT = text("cover.contact", "联系电话", "phone")
COVER_DATE = text("cover.date", "填报日期", "date")
COVER_REVIEW_STATE = text("cover.review_state", "审核状态", "review state")
COVER_REVIEWER = text("cover.reviewer", "审核人", "reviewed by")
COVER_REVIEW = text("cover.review", "审核意见", "review opinion")
COVER_FINALIZER = text("cover.finalizer", "定稿人", "finalized by")
COVER_FINAL_OPINION = text("cover.final_opinion", "定稿意见", "opinion on finalizing")
COVER_BLANK_DATE = text("cover.blank_date", "　　　　年　　月　　日", "____-__-__")
COVER_SIGNATURES = text(
    "cover.signatures",
    "填报人（签字）：＿＿＿＿＿＿　　审核人（签字）：＿＿＿＿＿＿　　主要领导（签字）：＿＿＿＿＿＿",
    "Filled in by (signature): ______   Reviewed by: ______   Head of the committee: ______",
)
COVER_HOW = text(
    "cover.how",
    "请填写上方填报部门、填报人、联系电话、填报日期（导入时记入修改记录）；在“逐项对标”“行动计划”"
    "“佐证材料”表中修改本部门牵头的条目，删除的行即删除该举措或佐证，新增的行不填编号。"
    "标为“配合（只读）”的条目供参考，请勿修改。抄录的列（政策原文等）受保护，不能填写。"
    "不要改动隐藏的“导出基准”表。",
    "Fill in department, name, phone and date above (the import records them). Edit the items"
    " your department leads in the item, action and evidence sheets; a deleted row deletes its"
    " action or evidence, a new row has no ID. Items marked partner (read-only) are for reference."
    " Copied columns (the policy text…) are protected. Do not touch the hidden Export base sheet.",
)
COVER_HOW_FULL = text(
    "cover.how_full",
    "请填写上方填报人、联系电话、填报日期（导入时记入修改记录）；在“逐项对标”“行动计划”“佐证材料”"
    "等表中修改，删除的行即删除该举措或佐证，新增的行不填编号。抄录的列（政策原文等）和由其他表生成的表"
    "受保护，不能填写。不要改动隐藏的“导出基准”表。",
    "Fill in name, phone and date above (the import records them). Edit the item, action and"
    " evidence sheets and the policy sheets; a deleted row deletes its action or evidence, a new"
    " row has no ID. Copied columns (the policy text…) and the sheets made from the others are"
    " protected. Do not touch the hidden Export base sheet.",
)
COVER_ITEMS = text("cover.items", "本部门条目", "this department's items")
COVER_ITEM_HEADERS = text("cover.item_headers", "条目编号|条目|角色", "item|title|role")

# Importing returned workbooks: problems located in the workbook, and the intake summary.
NOT_OWN_ITEM = text(
    "dept.not_own_item",
    "条目 {item} 不在本工作簿导出的条目中（本部门：{department}），未导入；请删除此行，由负责该条目的部门填写",
    "item {item} was not exported in this workbook ({department}): not imported; delete the row and leave it to the department responsible",
)
PARTNER_ITEM = text(
    "dept.partner_item",
    "条目 {item} 由{lead}牵头，本部门只是配合部门，不能修改（{field}）；请改回导出时的内容，需要修改的请交{lead}填写",
    "item {item} is led by {lead}; a partner department cannot change it ({field}); restore the exported value and ask {lead} to make the change",
)
EVIDENCE_UNCITED = text(
    "dept.evidence_uncited",
    "“佐证材料”第 {row} 行（{title}）未被本工作簿的条目引用，未登记；请在“引用条目”列填写引用它的条目编号",
    "evidence row {row} ({title}) is cited by none of this workbook's items: not registered; "
    "name the items citing it in Cited by items",
)
EVIDENCE_CITES_OTHER = text(
    "dept.evidence_cites_other",
    "新登记的佐证材料不能由条目 {item} 引用：该条目由{lead}牵头，不是本部门的条目；请从“引用条目”中删去 {item}",
    "new evidence cannot be cited by item {item}: {lead} leads it, not this department; remove {item} from Cited by items",
)
TITLE_MISMATCH = text(
    "dept.title_mismatch",
    "条目编号 {item} 与旁边的条目“{title}”不符（应为“{expected}”）；请勿改动或调换条目编号",
    "item ID {item} does not match the title beside it ({title!r}; expected {expected!r}); do not change or swap IDs",
)
ACTION_MOVED = text(
    "dept.action_moved",
    "举措 {action} 属于条目 {owner}，不能改到条目 {item} 下；如需移动请删除此行并新增一行",
    "action {action} belongs to item {owner}, not {item}; delete the row and add a new one to move it",
)
UNKNOWN_ROW = text(
    "dept.unknown_row",
    "编号 {row} 在评估文件中不存在；新增的行请不填编号",
    "ID {row} is not in the assessment; leave the ID empty on new rows",
)
BAD_RESPONSIBLE = text(
    "dept.bad_responsible",
    "责任部门“{value}”中的“{name}”不在部门清单中（{known}）；{how}",
    "{name!r} in {value!r} is not one of the zone's departments ({known}); {how}",
)
ADD_DEPARTMENT_HOW = text(
    "dept.add_department_how",
    "新增部门：在 assess open 中按 g（部门分工与进度），再按 n 录入部门名称，然后重新导入",
    "to add a department, press g (departments and progress) in assess open, then n to type its name, and import again",
)
NO_DEPARTMENTS_YET = text("dept.no_departments_yet", "尚未录入任何部门", "none entered yet")
NO_LEAD = text(
    "dept.no_lead",
    "责任部门“{value}”只有配合部门，请在“；配合：”前写明牵头部门",
    "{value!r} names partners only; write the lead department before “; partners:”",
)
RESPONSIBLE_CHANGED = text(
    "dept.responsible_changed",
    "部门工作簿不能改动责任部门（{item}）；请由办公室在评估文件中分配",
    "a department workbook cannot reassign owners ({item}); the office assigns them in the file",
)
NOT_ASSESSED_TWO_WAY = text(
    "dept.not_assessed_two_way",
    "第 {row} 行（{item}）状态为“未评估”：本工作簿没有导出基准，无法区分未填与改回未评估，未导入",
    "row {row} ({item}) says not assessed: without an export base this cannot be told from untouched; not imported",
)
DUPLICATE_ROW_ID = text(
    "dept.duplicate_row_id",
    "编号 {row} 重复（另见第 {first} 行）",
    "ID {row} appears twice (also row {first})",
)
BASE_DAMAGED = text(
    "dept.base_damaged",
    "隐藏的“导出基准”表已损坏（{reason}），无法比对；请重新导出或删除该表按旧规则导入",
    "the hidden Export base sheet is damaged ({reason}); export again, or delete it to import by the old rule",
)
INTAKE_TITLE = text("dept.intake", "回收情况", "returned workbooks")
INTAKE_LINE = text(
    "dept.intake_line",
    "{department}：{source}，填报人 {who}，{changes} 处修改；本部门牵头条目仍未评估 {open} 个{items}",
    "{department}: {source}, filled in by {who}, {changes} change(s); {open} item(s) it leads still not assessed{items}",
)
INTAKE_OFFICE_LINE = text(
    "dept.intake_office_line",
    "{book}：{source}，填报人 {who}，{changes} 处修改；所含条目仍未评估 {open} 个{items}",
    "{book}: {source}, filled in by {who}, {changes} change(s); {open} of its item(s) still not assessed{items}",
)
INTAKE_FULL_BOOK = text("dept.intake_full_book", "全量台账", "full workbook")
INTAKE_MEASURES_BOOK = text(
    "dept.intake_measures_book", "举措 {measures} 的台账", "workbook of measures {measures}"
)
INTAKE_ITEMS = text("dept.intake_items", "（{items}）", " ({items})")
INTAKE_MISSING = text("dept.intake_missing", "未交回：{departments}", "not returned: {departments}")
INTAKE_NOBODY = text("dept.intake_nobody", "（未填写）", "(not given)")
DELETED_ROW = text(
    "dept.deleted_row", "删除 {row}（{item}）：{values}", "deleted {row} ({item}): {values}"
)
ADDED_ROW = text(
    "dept.added_row", "新增 {kind}（{item}）：{values}", "new {kind} ({item}): {values}"
)
KIND_ACTION = text("dept.kind.action", "举措", "action")
KIND_EVIDENCE = text("dept.kind.evidence", "佐证", "evidence")
DRY_RUN = text("dept.dry_run", "（试运行，未写入）", "(dry run, nothing written)")

# The TUI's departments screen (g) and the dashboard's progress block.
TUI_TITLE = text("dept.tui.title", "部门分工与进度", "departments and progress")
TUI_HINT = text(
    "dept.tui.hint",
    "Enter 只看该部门的条目 · l 该部门牵头当前举措 · i 只牵头当前条目 · p 配合当前举措（再按取消）"
    " · n 添加部门 · a 显示全部条目 · Esc 返回",
    "Enter: only its items · l: it leads the current measure · i: only the current item"
    " · p: partner on the current measure (again: no longer) · n: add departments · a: all items"
    " · Esc: back",
)
TUI_RETURNED = text("dept.tui.returned", "已交回", "returned")
TUI_NOT_RETURNED = text("dept.tui.not_returned", "未交回", "not returned")
TUI_FILTERED = text(
    "dept.tui.filtered",
    "只显示{department}牵头或配合的 {count} 个条目（a 显示全部）",
    "showing the {count} items {department} leads or partners (a: all)",
)
TUI_ALL = text("dept.tui.all", "显示全部条目", "showing all items")
TUI_ASSIGNED = text(
    "dept.tui.assigned",
    "已将{what} {key} 的牵头部门设为 {department}",
    "the {what} {key} is now led by {department}",
)
TUI_MEASURE = text("dept.tui.measure", "举措", "measure")
TUI_ITEM = text("dept.tui.item", "条目", "item")
TUI_PICK_DEPARTMENT = text(
    "dept.tui.pick", "请先用 ↑ ↓ 选中一个部门", "pick a department with ↑ ↓ first"
)
TUI_NO_DEPARTMENTS = text(
    "dept.tui.none",
    "还没有部门清单：按 n 添加部门（可一次输入多个，用顿号分隔）",
    "no departments yet: press n to add them (several at once, separated by commas)",
)
TUI_NO_ITEM = text("dept.tui.no_item", "请先在左侧选中一个条目", "select an item in the tree first")

# The CLI's department loop: export --by-department, import of several workbooks.
BY_DEPARTMENT_HELP = text(
    "dept.cli.by_department_help",
    "每个牵头部门一个工作簿，-o 为目录",
    "one workbook per lead department; -o is a folder",
)
DEPARTMENT_HELP = text(
    "dept.cli.department_help",
    "只导出这一个部门的工作簿；-o 为目录或 .xlsx 文件",
    "only this department's workbook; -o is a folder or an .xlsx file",
)
EXPORT_UNKNOWN_DEPARTMENT = text(
    "dept.cli.unknown_department",
    "部门清单中没有“{name}”；已有部门：{known}",
    "{name!r} is not one of the zone's departments; they are: {known}",
)
LEADS_NOTHING = text(
    "dept.cli.leads_nothing",
    "{name}没有牵头的条目，未导出；请先在 assess open 中按 g（部门分工）分配",
    "{name} leads no item, so there is nothing to export; assign items first (assess open, key g)",
)
BY_DEPARTMENT_AND_MEASURES = text(
    "dept.cli.by_department_and_measures",
    "--by-department、--department 与 --measures 不能同时使用",
    "use --by-department, --department or --measures, not two of them",
)
NOT_A_FOLDER = text(
    "dept.cli.not_a_folder",
    "这是一个文件；按部门导出时 -o 应为目录（使用 --department 时也可以是 .xlsx 文件名），"
    "请换一个目录名",
    "this is a file; exporting by department, -o names a folder (or, with --department, an"
    " .xlsx file): choose a folder name",
)
NOTHING_ASSIGNED = text(
    "dept.cli.nothing_assigned",
    "还没有为任何部门分配条目；请先在 assess open 中按 g（部门分工）分配",
    "no department leads any item yet; assign them first (assess open, key g)",
)
BOOK_WRITTEN = text(
    "dept.cli.book_written",
    "已导出：{path}（{department}，{count} 个条目）",
    "exported: {path} ({department}, {count} items)",
)
NOT_EXPORTED = text(
    "dept.cli.not_exported",
    "{count} 个条目未指定牵头部门，未导出：{items}",
    "{count} items have no lead department and were not exported: {items}",
)
SECONDS = text("dept.cli.seconds", "（{seconds:.1f} 秒）", "({seconds:.1f} s)")
NO_WORKBOOK_IN_FOLDER = text(
    "dept.cli.no_workbook_in_folder",
    "文件夹中没有 .xlsx 工作簿；请把交回的工作簿放进该文件夹，或逐个列出文件",
    "the folder has no .xlsx workbook: put the returned workbooks in it, or name the files",
)
ONE_WORKBOOK_ONLY = text(
    "dept.cli.one_workbook_only",
    "-o 只能从一个工作簿新建评估文件",
    "-o creates an assessment from exactly one workbook",
)
CONFLICTS_DECIDED = text(
    "dept.cli.conflicts_decided",
    "按 --prefer 解决的冲突 {count} 处：",
    "{count} conflict(s) decided by --prefer:",
)
QUOTED = text("dept.quoted", "“{value}”", "“{value}”")
VALUE_DELETED = text("dept.value_deleted", "（已删除）", "(deleted)")
CLAIM_NOT_OWN = text(
    "dept.claim_not_own",
    "政策争取 {claim} 属于条目 {item}，不在本部门工作簿可修改的条目中，未导入",
    "claim {claim} belongs to item {item}, which this department workbook may not change",
)
TASK_NOT_OWN = text(
    "dept.task_not_own",
    "自定任务 {task} 在举措{measure}下，本部门工作簿不牵头该举措的条目，未导入",
    "own task {task} is under measure {measure}, none of whose items this workbook may change",
)
ROW_DELETED_IN_FILE = text(
    "dept.row_deleted_in_file",
    "“{source}”中的 {row} 已在评估文件中删除，工作簿对它的修改未导入",
    "{row} in “{source}” was deleted in the assessment file since the export; its edits are not imported",
)
ROW_NOT_RESTORED = text(
    "dept.row_not_restored",
    "“{source}”曾新增的 {row}“{text}”已在评估文件中删除，本次未再新增；如仍需要，请在评估文件中重新添加",
    "{row} “{text}”, added from “{source}” before, was deleted in the assessment file since: "
    "not added again; add it again in the file if it is still wanted",
)
TUI_ADD_TITLE = text(
    "dept.tui.add_title",
    "添加部门（可一次输入多个，用顿号或逗号分隔，如：经发局、科创局）",
    "add departments (several at once, separated by commas, e.g. 经发局, 科创局)",
)
TUI_ADD_EMPTY = text("dept.tui.add_empty", "请输入部门名称", "type a department's name")
TUI_PARTNER_NEEDS_LEAD = text(
    "dept.tui.partner_needs_lead",
    "举措 {key} 还没有牵头部门（或所选部门就是牵头部门）：先用 l 指定牵头部门",
    "measure {key} has no lead yet (or this department leads it): choose a lead with l first",
)
TUI_PARTNER_ADDED = text(
    "dept.tui.partner_added",
    "{department} 配合举措 {key}",
    "{department} now partners on measure {key}",
)
TUI_PARTNER_REMOVED = text(
    "dept.tui.partner_removed",
    "{department} 不再配合举措 {key}",
    "{department} no longer partners on measure {key}",
)
