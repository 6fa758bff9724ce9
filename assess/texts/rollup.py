"""The roll-up's own words: its period, and why a file was left out."""

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
OTHER_PERIOD = text(
    "rollup.other_period",
    "评估期为 {period}，本次汇总的评估期为 {rollup}，未计入",
    "its period is {period}; this roll-up is of {rollup}",
)
PERIOD_HEAD = text(
    "rollup.period_head", "本次汇总的评估期：{period}", "This roll-up is of the period {period}"
)
OTHER_PERIODS_HEAD = text(
    "rollup.other_periods_head",
    "其他评估期的文件 {count} 个（未计入排名和平均）：",
    "{count} file(s) of other periods (not ranked or averaged):",
)
OF_PERIOD = text("rollup.of_period", "{title}（{period}）", "{title} ({period})")
