"""Why a file was left out of a roll-up."""

from __future__ import annotations

from assess.texts.catalog import text

NO_JSON_IN_FOLDER = text(
    "rollup.no_json", "文件夹中没有 .json 文件", "no .json files in this folder"
)
NOT_FOUND = text("rollup.not_found", "文件不存在", "file not found")
BAD_FIELD = text("rollup.bad_field", "{field}：{problem}", "{field}: {problem}")
SUPERSEDED = text(
    "rollup.superseded",
    "同一经开区有更新的评估 {newer}，本文件未计入",
    "a more recent assessment of the same zone ({newer}) was used instead",
)
