"""Errors loading, checking and saving files: what is wrong, where, and how to fix it."""

from __future__ import annotations

from assess.texts.catalog import text

# a field that does not validate ({problem}{got}{more} are themselves catalog text)
INVALID_FIELD = text(
    "error.invalid_field", "字段无效：{problem}{got}{more}", "invalid field: {problem}{got}{more}"
)
GOT = text("error.got", "（值为 {value}）", " (got {value})")
MORE_ERRORS = text("error.more_errors", "；另有 {count} 处错误", "; and {count} more error(s)")
FIELD_MISSING = text("error.field.missing", "缺少此字段，请补上", "this field is missing; add it")
FIELD_NOT_TEXT = text(
    "error.field.not_text", "应为文字（用双引号括起）", "must be text (in double quotes)"
)
FIELD_EMPTY = text("error.field.empty", "不能为空", "must not be empty")
FIELD_NOT_INTEGER = text("error.field.not_integer", "应为整数", "must be a whole number")
FIELD_NOT_NUMBER = text("error.field.not_number", "应为数字", "must be a number")
FIELD_NOT_BOOL = text("error.field.not_bool", "应为 true 或 false", "must be true or false")
FIELD_NOT_LIST = text("error.field.not_list", "应为列表（[ … ]）", "must be a list ([ … ])")
FIELD_NOT_OBJECT = text("error.field.not_object", "应为对象", "must be an object")
FIELD_NOT_DATE = text(
    "error.field.not_date", "应为日期，格式如 2025-12-31", "must be a date such as 2025-12-31"
)
FIELD_NOT_DATETIME = text(
    "error.field.not_datetime",
    "应为日期时间，格式如 2025-12-31T09:00:00+08:00",
    "must be a date and time such as 2025-12-31T09:00:00+08:00",
)
FIELD_PATTERN = text(
    "error.field.pattern", "格式不对（应符合 {pattern}）", "wrong format (must match {pattern})"
)
FIELD_TOO_SMALL = text("error.field.too_small", "应大于 {gt}", "must be greater than {gt}")
FIELD_UNKNOWN = text(
    "error.field.unknown",
    "未知字段；请删去或改正拼写",
    "unknown field; remove it or fix the spelling",
)
FIELD_NOT_CHOICE = text(
    "error.field.not_choice", "不是可用的值；可用：{valid}", "not one of the valid values: {valid}"
)
FIELD_REFUSED = text("error.field.refused", "{reason}", "{reason}")
FIELD_OTHER = text("error.field.other", "不符合要求（{detail}）", "not accepted ({detail})")

# reading a file
NOT_FOUND = text(
    "error.not_found",
    "文件不存在；请检查文件名和所在文件夹",
    "file not found; check the name and the folder",
)
NO_PERMISSION = text(
    "error.no_permission",
    "没有读取权限；请向文件的所有者申请权限",
    "permission denied; ask the file's owner for access",
)
CANNOT_READ = text("error.cannot_read", "无法读取（{reason}）", "cannot read ({reason})")
# why the system refused a read or write (the {reason} above and below), by errno
OS_READ_ONLY = text("error.os.read_only", "文件夹只读", "the folder is read-only")
OS_NO_PERMISSION = text("error.os.no_permission", "没有读写权限", "permission denied")
OS_DISK_FULL = text("error.os.disk_full", "磁盘已满", "the disk is full")
OS_NOT_FOUND = text("error.os.not_found", "文件或文件夹不存在", "no such file or folder")
OS_IS_FOLDER = text(
    "error.os.is_folder", "这是一个文件夹，不是文件", "this is a folder, not a file"
)
IS_FOLDER = text(
    "error.is_folder", "这是一个文件夹，不是评估文件", "this is a folder, not an assessment file"
)
NOT_REGULAR = text(
    "error.not_regular",
    "这不是普通文件（而是管道、设备或套接字），不能作为评估文件打开",
    "not a regular file (a pipe, device or socket); it cannot be an assessment",
)
TOO_LARGE = text(
    "error.too_large",
    "文件过大（至少 {size} 字节，上限 {limit}）",
    "file too large ({size} bytes or more, max {limit})",
)
EMPTY = text("error.empty", "文件是空的", "the file is empty")
WORKBOOK_NOT_ASSESSMENT = text(
    "error.workbook_not_assessment",
    "这是 Excel 工作簿或压缩包，不是评估文件；工作簿请用 assess import 导入",
    "this is a workbook or zip, not an assessment file; use 'assess import' for workbooks",
)
TRUNCATED_CHARACTER = text(
    "error.truncated_character",
    "文件在一个字符中间结束，内容不完整（可能复制或下载中断）；请用 .bak 备份或重新获取",
    "the file ends in the middle of a character: it is incomplete (use the .bak copy)",
)
NOT_UTF8 = text(
    "error.not_utf8",
    "不是 UTF-8 编码（第 {byte} 字节）；请用 UTF-8 保存",
    "not UTF-8 encoded (byte {byte}); save it as UTF-8",
)

# the JSON itself
NOT_JSON = text(
    "error.not_json",
    "不是有效的 JSON：第 {line} 行第 {column} 列：{problem}；请在该处改正（常见原因：少了逗号、引号或括号）",
    "not valid JSON: line {line}, column {column}: {problem}; fix it there "
    "(a missing comma, quote or bracket is the usual cause)",
)
DAMAGED_HAS_BACKUP = text(
    "error.damaged_has_backup",
    "{problem}。上次保存前的内容在同一文件夹的 {backup} 中：若本文件改不好，可先另存一份，"
    "再把 {backup} 复制为本文件的名字后打开",
    "{problem}. What was there before the last save is in {backup} in the same folder: if this "
    "file cannot be mended, keep a copy of it, then copy {backup} over it and open it again",
)
JSON_PROBLEMS = {
    "Expecting value": text("error.json.value", "此处应有一个值", "a value is expected here"),
    "Expecting ',' delimiter": text("error.json.comma", "此处缺少逗号", "a comma is missing here"),
    "Expecting ':' delimiter": text("error.json.colon", "此处缺少冒号", "a colon is missing here"),
    "Expecting property name enclosed in double quotes": text(
        "error.json.key", "此处应是用双引号括起的键名", "a key in double quotes is expected here"
    ),
    "Unterminated string starting at": text(
        "error.json.unterminated", "字符串没有结束引号", "a string has no closing quote"
    ),
    "Invalid control character at": text(
        "error.json.control",
        "字符串中有控制字符（如未转义的换行）",
        "a control character (such as a raw line break) in a string",
    ),
    "Invalid \\escape": text("error.json.escape", "反斜杠转义无效", "an invalid backslash escape"),
    "Invalid \\uXXXX escape": text("error.json.escape_u", "\\u 转义无效", "an invalid \\u escape"),
    "Extra data": text(
        "error.json.extra", "JSON 结束后还有多余内容", "more text after the end of the JSON"
    ),
}
JSON_OTHER = text("error.json.other", "此处有语法错误", "a syntax error here")
DUPLICATE_KEY = text(
    "error.duplicate_key",
    "键“{key}”在同一个对象中出现了两次，只能保留一份；请删去多余的一份",
    "the key {key!r} appears twice in one object; keep only one copy",
)
TOO_DEEP = text("error.too_deep", "JSON 嵌套过深", "JSON nested too deeply")
HUGE_NUMBER = text(
    "error.huge_number",
    "文件中有位数过多的数字（超过 4300 位），不是评估数据；请删去该数字",
    "the file holds a number with too many digits (over 4300); remove it",
)
NOT_OBJECT = text(
    "error.not_object", "文件内容不是评估对象", "the file does not hold an assessment object"
)
NEWER_SCHEMA = text(
    "error.newer_schema",
    "文件格式版本 {version} 比本程序支持的 {supported} 新，请升级 assess",
    "made by a newer assess (schema {version} > {supported}); please upgrade",
)
LONE_SURROGATE = text(
    "error.lone_surrogate",
    "第 {line} 行第 {column} 列有不成对的 UTF-16 代理字符 {escape}，无法保存为 UTF-8；请删去它",
    "line {line}, column {column}: a lone UTF-16 surrogate {escape}, which cannot be saved as UTF-8; remove it",
)
UNKNOWN_KEYS = text(
    "error.unknown_keys",
    "未知字段 {listed}{more}；请删去或改正拼写",
    "unknown field(s) {listed}{more}; remove them or fix the spelling",
)
AND_MORE = text("error.and_more", " 等 {count} 个", " ({count} in all)")

# the file against the checklist
BAD_CHECKLIST_VERSION = text(
    "error.bad_checklist_version",
    "清单版本号“{version}”无效，应为用点分隔的数字（如 1.0）",
    "the checklist version {version!r} is invalid: it must be numbers separated by dots, e.g. 1.0",
)
OTHER_CHECKLIST = text(
    "error.other_checklist",
    "文件属于清单“{found}”，而不是“{expected}”",
    "made for checklist {found!r}, not {expected!r}",
)
UNKNOWN_ITEMS = text(
    "error.unknown_items",
    "清单 {checklist} {version} 中没有条目 {listed}{more}，请核对条目编号",
    "checklist {checklist} {version} has no item {listed}{more}; check the IDs",
)
IN_ALL = text("error.in_all", "（共 {count} 个）", " ({count} in all)")
NEWER_CHECKLIST = text(
    "error.newer_checklist",
    "文件使用的清单版本 {version} 比本程序自带的 {supported} 新，请升级 assess",
    "made with checklist version {version}, newer than this program's {supported}; please upgrade",
)
EVIDENCE_EN_COUNT = text(
    "error.evidence_en_count",
    "evidence_en 有 {english} 项，evidence 有 {chinese} 项；英文应与中文逐项对应",
    "evidence_en has {english} entries and evidence {chinese}; give one English entry for each",
)
CHECKLIST_UNREADABLE = text(
    "error.checklist_unreadable",
    "无法读取清单文件（{reason}）",
    "cannot read the checklist ({reason})",
)
CHECKLIST_NOT_TOML = text(
    "error.checklist_not_toml",
    "清单文件不是有效的 TOML（{detail}）",
    "the checklist is not valid TOML ({detail})",
)

# saving
SAVE_FAILED_UNCHANGED = text(
    "error.save_failed_unchanged",
    "保存失败，原文件未改动：{reason}",
    "save failed, the file is unchanged: {reason}",
)
SAVE_FAILED_NOTHING_WRITTEN = text(
    "error.save_failed_nothing_written",
    "保存失败，未写入文件：{reason}",
    "save failed, nothing written: {reason}",
)
NO_FOLDER = text(
    "error.no_folder",
    "保存失败，文件夹 {folder} 不存在；请先建好文件夹或换个位置",
    "save failed: the folder {folder} does not exist; create it or choose another place",
)
CANNOT_ENCODE = text(
    "error.cannot_encode",
    "保存失败，内容中有无法用 UTF-8 保存的字符（不成对的代理字符）；原文件未改动",
    "save failed: the text holds a character UTF-8 cannot store (a lone surrogate); the file is unchanged",
)
TOO_LARGE_TO_SAVE = text(
    "error.too_large_to_save",
    "保存失败，内容达 {size} 字节，超过可打开的上限 {limit}；请缩短过长的文字或把大段材料作为佐证文件引用；原文件未改动",
    "save failed: {size} bytes is over the {limit}-byte limit the loader accepts; shorten very long "
    "texts or cite long material as evidence; the file is unchanged",
)
LOCK_NO_FOLDER = text(
    "error.lock_no_folder",
    "文件夹 {folder} 不存在，请先建好文件夹或换个位置",
    "the folder {folder} does not exist; create it or choose another place",
)
LOCKED = text(
    "error.locked",
    "文件正被另一个程序编辑（{holder}），请先关闭那个窗口再试；只需查看时可用 summary / validate",
    "the file is open for writing in another process ({holder}); close it first, "
    "or use summary / validate just to look",
)
LOCK_CONTENDED = text(
    "error.lock_contended",
    "文件正被其他程序反复打开和关闭，请稍后再试",
    "other processes keep opening and closing the file; try again shortly",
)
LOCK_UNWRITABLE = text(
    "error.lock_unwritable",
    "无法创建锁文件 {lock}（{reason}）；请检查文件夹是否可写",
    "cannot create the lock file {lock} ({reason}); is the folder writable?",
)
NOT_LOCKED = text("error.not_locked", "未加锁，不能保存", "not locked for writing")
CHANGED_ON_DISK = text(
    "error.changed_on_disk",
    "文件在打开后被其他程序改动过，未保存，以免覆盖那些改动",
    "the file was changed by another program since it was opened; not saved, so as not to "
    "overwrite that change",
)
