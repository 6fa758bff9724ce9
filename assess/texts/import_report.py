"""Lines of the import's change list (``assess import [--dry-run]``)."""

from assess.texts.catalog import text
from assess.texts.history import EMPTY as EMPTY

ADDED = text("import.added", "新增{id}“{title}”{attributes}", "added{id} “{title}”{attributes}")
REMOVED = text(
    "import.removed", "删除{id}“{title}”{attributes}", "removed{id} “{title}”{attributes}"
)
ROW_VALUE = text("import.row_value", "“{title}”{attributes}", "“{title}”{attributes}")
CHANGED = text("import.changed", "修改{id}“{title}”：{changes}", "changed{id} “{title}”: {changes}")
ATTRIBUTES = text("import.attributes", "（{attributes}）", " ({attributes})")
ATTRIBUTE = text("import.attribute", "{label} {value}", "{label} {value}")
ATTRIBUTE_SEP = text("import.attribute_sep", "，", ", ")
CHANGE_SEP = text("import.change_sep", "；", "; ")
OWN_TASK = text("import.own_task", "自定任务", "own task")
FIELD_SEP = text("import.field_sep", "：", ": ")
FIGURE = text("import.figure", "指标“{name}”", "figure “{name}”")
REGISTERED = text("import.registered", "登记 {id}", "register {id}")
