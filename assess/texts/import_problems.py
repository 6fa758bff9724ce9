"""Problems found in a returned workbook (``assess import``), and where each is.

A problem is located as ``“sheet” 第 N 行 C 列（header）`` / ``sheet “…”, row N, column C
(header)``: the sheet's name and the header as the workbook has them. Each message says what is
wrong and how to fix it; nothing is imported while any problem is left.
"""

from assess.texts.catalog import text

# Where a problem is: each part is left out when not known.
WHERE_SHEET = text("import_problem.where.sheet", "“{sheet}”", "sheet “{sheet}”")
WHERE_ROW = text("import_problem.where.row", " 第 {row} 行", ", row {row}")
WHERE_COLUMN = text("import_problem.where.column", " {column} 列", ", column {column}")
WHERE_HEADER = text("import_problem.where.header", "（{header}）", " ({header})")
LINE = text("import_problem.line", "{where}：{message}", "{where}: {message}")
BOOK_LINE = text("import_problem.book_line", "{book} {problem}", "{book}, {problem}")

# The refusal that lists them.
REFUSED = text(
    "import_problem.refused",
    "工作簿有 {count} 处问题，未导入任何内容；请修改后重试：\n{lines}",
    "the workbook has {count} problem(s), so nothing was imported; fix them and import it "
    "again:\n{lines}",
)
REFUSED_MANY = text(
    "import_problem.refused_many",
    "工作簿有 {count} 处问题，未导入任何内容；请修改后重试：\n{lines}",
    "the workbooks have {count} problem(s), so nothing was imported; fix them and import "
    "again:\n{lines}",
)
MORE = text(
    "import_problem.more",
    "  … 另有 {count} 处问题未列出",
    "  … and {count} more problem(s), not listed",
)
SAME_NAME = text(
    "import_problem.same_name",
    "两个工作簿同名，无法区分来源",
    "two of the workbooks have the same file name, so their changes cannot be told apart; "
    "rename one and import again",
)

# Sheets and headers.
MISSING_SHEET = text(
    "import_problem.missing_sheet",
    "缺少工作表“{sheet}”；如改过表名，请改回“{sheet}”，或重新导出工作簿",
    "the sheet “{sheet}” is missing; put it back as exported, or export the workbook again",
)
MISSING_COLUMN = text(
    "import_problem.missing_column",
    "缺少列“{column}”",
    "the column “{column}” is missing from the header row; put it back as exported",
)
NO_HEADER_ROW = text(
    "import_problem.no_header_row",
    "找不到表头行（应含“{column}”）",
    "the header row is not found: none of the first rows has the column “{column}”; "
    "put the header row back as exported",
)
FORMULA_ERROR = text(
    "import_problem.formula_error",
    "单元格显示公式错误 {value}，请改为文字后重试",
    "the cell shows the formula error {value}; type the text in instead and import again",
)

FORMULA = text(
    "import_problem.formula",
    "单元格是公式 {formula}，导入只认填写的文字：请复制该格，用“选择性粘贴 → 仅粘贴数值”粘回原处，"
    "或直接输入文字后重试",
    "the cell holds the formula {formula}; the import reads typed text only: copy the cell and "
    "paste it back with Paste Special → Values only, or type the text, and import again",
)

# 逐项对标, 行动计划 and 佐证材料 rows.
ITEM_ID_EMPTY = text(
    "import_problem.item_id_empty",
    "条目编号为空",
    "the item ID is empty; fill in the checklist item's ID (such as 1.1) or delete the row",
)
DUPLICATE_ITEM = text(
    "import_problem.duplicate_item",
    "条目 {id} 重复（另见第 {first} 行）",
    "item {id} is listed twice (see also row {first}); keep only one of the two rows",
)
ACTION_TEXT_EMPTY = text(
    "import_problem.action_text_empty",
    "下一步举措为空",
    "the next action is empty; write what will be done, or delete the row",
)
EVIDENCE_NEEDS_TITLE = text(
    "import_problem.evidence_needs_title",
    "新登记的佐证材料缺少标题",
    "new evidence (a row without an ID) has no title; give it a title or delete the row",
)
NEW_EVIDENCE_NEEDS_TITLE = text(
    "import_problem.new_evidence_needs_title",
    "新登记的佐证材料 {id} 缺少标题",
    "new evidence {id} has no title; give it a title or delete the row",
)
UNKNOWN_EVIDENCE = text(
    "import_problem.unknown_evidence",
    "佐证编号 {id} 未在“{register}”表登记",
    "evidence ID {id} is not registered on the “{register}” sheet; add it there or correct the ID",
)

# 总览: the workbook's profile.
OVERVIEW_FIELD = text("import_problem.overview_field", "{label}：{message}", "{label}: {message}")
OTHER_CHECKLIST = text(
    "import_problem.other_checklist",
    "工作簿属于清单“{found}”，不是“{expected}”",
    "the workbook belongs to checklist “{found}”, not “{expected}”; import it with that checklist",
)
BAD_ZONE = text(
    "import_problem.bad_zone",
    "“{sheet}”经开区信息无效：{reason}",
    "the zone's details on “{sheet}” are not valid: {reason}",
)
NO_PERIOD = text(
    "import_problem.no_period",
    "“{sheet}”缺少评估期",
    "“{sheet}” gives no assessment period; fill it in and import again",
)
OTHER_ASSESSMENT = text(
    "import_problem.other_assessment",
    "{label}为“{found}”，而评估文件是“{expected}”；请确认没有导错文件",
    "the workbook's {label} is “{found}”, but the assessment file's is “{expected}”; "
    "check that this is the right workbook for this file",
)

# Notes: imported, with something left out.
ACTION_EDITS_IGNORED = text(
    "import_problem.action_edits_ignored",
    "“{items}”第 {row} 行（{item}）下一步举措的修改未导入，举措以“{actions}”表为准",
    "the next-action edits on “{items}” row {row} ({item}) are not imported: actions are "
    "edited on the “{actions}” sheet",
)
COPY_EDIT_IGNORED = text(
    "import_problem.copy_edit_ignored",
    "“{items}”第 {row} 行（{item}）“{columns}”列的修改未导入：这些列抄录清单，导入时不读；"
    "意见请写在“{note}”列",
    "the edits in the “{columns}” column(s) on “{items}” row {row} ({item}) are not imported: "
    "those columns copy the checklist and are never read; put remarks in the “{note}” column",
)
EVIDENCE_NOT_CITED = text(
    "import_problem.evidence_not_cited",
    "“{register}”第 {row} 行（{what}）未被本工作簿的条目引用，未登记",
    "row {row} of “{register}” ({what}) is cited by none of this workbook's items, so it is "
    "not registered",
)

# The change list's headings (``ImportReport.lines``).
CHANGES = text("import_problem.changes", "共 {count} 处修改", "{count} change(s)")
NOTE = text("import_problem.note", "提示：{note}", "Note: {note}")
NEW_EVIDENCE = text("import_problem.new_evidence", "新登记佐证材料：{ids}", "New evidence: {ids}")
OVERWROTE = text(
    "import_problem.overwrote", "覆盖已有内容 {count} 处：", "Overwrote {count} recorded value(s):"
)
FILLED = text("import_problem.filled", "新填内容 {count} 处：", "Filled in {count} empty field(s):")

# A file refused before it is read as a workbook (``assess.excel.limits``, ``reader``).
NOT_REGULAR = text(
    "import_problem.not_regular",
    "这不是普通文件（而是管道、设备或套接字）",
    "not a regular file (a pipe, device or socket)",
)
NOT_FOUND = text("import_problem.not_found", "文件不存在", "file not found")
IS_FOLDER = text("import_problem.is_folder", "这是一个文件夹", "this is a folder")
UNREADABLE = text("import_problem.unreadable", "无法读取：{reason}", "cannot read it: {reason}")
TOO_LARGE = text(
    "import_problem.too_large",
    "文件过大（{size} 字节，上限 {limit}）",
    "file too large ({size} bytes, at most {limit})",
)
OLD_FORMAT = text(
    "import_problem.old_format",
    "这是 .xls/.et 旧格式或加密的工作簿；请在 Excel/WPS 中取消密码并另存为 .xlsx",
    "an old-format (.xls/.et) or password-protected workbook; remove the password and save it "
    "as .xlsx in Excel/WPS",
)
NOT_XLSX = text(
    "import_problem.not_xlsx",
    "不是 .xlsx 工作簿；请在 Excel/WPS 中另存为 .xlsx",
    "not an .xlsx workbook; save it as .xlsx in Excel/WPS",
)
TRUNCATED = text(
    "import_problem.truncated",
    "工作簿不完整（文件被截断，可能没有传完）；请让发来的人重新发送",
    "the workbook is incomplete (the file is cut short, perhaps not fully sent); ask for it again",
)
DAMAGED = text(
    "import_problem.damaged",
    "工作簿已损坏（{reason}）；请在 Excel/WPS 中打开并另存为 .xlsx",
    "the workbook is damaged ({reason}); open it in Excel/WPS and save it again as .xlsx",
)
ZIP_NOT_XLSX = text(
    "import_problem.zip_not_xlsx",
    "压缩包中没有工作簿内容，不是 .xlsx 文件",
    "a zip file, but not an .xlsx workbook",
)
MEMBER_TOO_LARGE = text(
    "import_problem.member_too_large",
    "{member} 解压后过大（{size} 字节，压缩比 {ratio}），拒绝打开",
    "{member} inflates to {size} bytes (ratio {ratio}); refused",
)
TOTAL_TOO_LARGE = text(
    "import_problem.total_too_large",
    "解压后共 {size} 字节，过大，拒绝打开",
    "inflates to {size} bytes in total; refused",
)
RANGE_TOO_LARGE = text(
    "import_problem.range_too_large",
    "{member} 声明的范围 {ref} 过大（{rows} 行 × {columns} 列，上限 {max_rows} 行、{max_columns} 列），"
    "拒绝打开",
    "{member} declares the range {ref} ({rows} rows × {columns} columns, at most {max_rows} × "
    "{max_columns}); refused",
)
CANNOT_READ_BOOK = text(
    "import_problem.cannot_read_book",
    "无法读取工作簿（{reason}）；请在 Excel/WPS 中另存为 .xlsx 后重试",
    "cannot read the workbook ({reason}); save it again as .xlsx in Excel/WPS and retry",
)
