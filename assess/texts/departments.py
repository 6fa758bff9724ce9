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
NO_BASE = text(
    "dept.no_base",
    "{source} 没有导出基准，按旧规则导入：非空单元格覆盖文件中的值",
    "{source} carries no export base: imported by the old rule, a non-empty cell wins",
)
CONFLICT = text(
    "dept.conflict",
    "冲突 {where} {field}：导出时“{base}”，文件现为“{file}”，{source} 改为“{workbook}”",
    "conflict {where} {field}: {base!r} when exported, {file!r} in the file now, {workbook!r} in {source}",
)
CONFLICT_BETWEEN = text(
    "dept.conflict_between",
    "冲突 {where} {field}：{source} 改为“{workbook}”，{other_source} 改为“{other}”",
    "conflict {where} {field}: {source} says {workbook!r}, {other_source} says {other!r}",
)
REFUSED = text(
    "dept.refused",
    "有 {count} 处冲突，未导入任何内容；请协调后重试，或用 --prefer workbook / --prefer file 选择",
    "{count} conflict(s): nothing was imported; resolve them, or choose with --prefer workbook / --prefer file",
)
REFUSED_BETWEEN = text(
    "dept.refused_between",
    "有 {count} 处两份工作簿之间的冲突，--prefer workbook 无法决定采用哪一份；请分别导入或用 --prefer file",
    "{count} conflict(s) between two workbooks: --prefer workbook cannot choose one; import them separately or use --prefer file",
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
