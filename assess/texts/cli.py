"""What the ``assess`` command prints: notes, confirmations, refusals and its text reports."""

from __future__ import annotations

from assess.texts.catalog import text

ERROR = text("cli.error", "错误", "error")
NOTE = text("cli.note", "提示", "note")
LINES = text("cli.lines", "{lines}", "{lines}")
OPTION_PROBLEM = text("cli.option_problem", "{option}：{problem}", "{option}: {problem}")
LANG_HELP = text("cli.lang_help", "输出语言（默认 zh）", "output language (default zh)")
LANG_CONFLICT = text(
    "cli.lang_conflict",
    "--lang 给了两次且不一致（{first} 与 {second}）；只写一次即可",
    "--lang was given twice with different values ({first} and {second}); give it once",
)

# files and outputs
FILE_EXISTS = text(
    "cli.file_exists",
    "文件已存在，未覆盖；换个文件名或加 --force",
    "file exists and was not overwritten; choose another name or pass --force",
)
MUST_END_IN = text(
    "cli.must_end_in", "输出文件应以 {suffix} 结尾", "the output file's name must end in {suffix}"
)
WRITTEN = text("cli.written", "已写出：{path}", "written: {path}")
WRITTEN_IN = text(
    "cli.written_in", "已写出：{path}（{seconds:.1f} 秒）", "written: {path} ({seconds:.1f} s)"
)
COMPARE_SAME = text(
    "cli.compare_same",
    "两处给的是同一个文件，每一项都会是“未变”；请给另一期或另一个经开区的评估文件",
    "both are the same file, so every row would read unchanged; give another period's or another"
    " zone's assessment file",
)
DRY_RUN = text("cli.dry_run", "（试运行，未写入）", "(dry run, nothing written)")
SAVED = text("cli.saved", "已写入：{path}", "saved: {path}")
UNCHANGED = text("cli.unchanged", "无修改，文件未改动", "no changes; the file is unchanged")
MIGRATED = text(
    "cli.migrated", "{path}：清单版本 {old} → {new}", "{path}: checklist version {old} → {new}"
)
LOADING = text("cli.loading", "读取 {done}/{total}", "loading {done}/{total}")
# new / demo
ZONE_MISSING = text("cli.zone_missing", "--zone：请填写经开区名称", "--zone: give the zone's name")
PROVINCE_MISSING = text(
    "cli.province_missing",
    "--province：请填写所在省份，如 江苏",
    "--province: give the province, e.g. 江苏",
)
PERIOD_EMPTY = text("cli.period_empty", "--period：不能为空", "--period: must not be empty")
SAME_PERIOD = text(
    "cli.same_period",
    "评估期“{period}”与上一期相同（{previous}）",
    "the period {period!r} is the same as in {previous}",
)
OTHER_ZONE = text(
    "cli.other_zone",
    "上一期是“{old_zone}”（{old_province}），本期是“{zone}”（{province}）",
    "the previous file is another zone: {old_zone} ({old_province}), now {zone} ({province})",
)
CREATED = text("cli.created", "已创建：{path}（{items} 个条目）", "created: {path} ({items} items)")
CREATED_FROM = text(
    "cli.created_from",
    "已创建：{path}（{items} 个条目，自 {previous} 延续 {carried} 个条目）",
    "created: {path} ({items} items, {carried} carried forward from {previous})",
)
DEMO_WRITTEN = text("cli.demo_written", "已写出示例评估：{path}", "demo written: {path}")
DEMO_CREATED = text("cli.demo_created", "已创建示例评估：{path}", "demo created: {path}")
DEMO_DAMAGED = text(
    "cli.demo_damaged",
    "{problem}\n这是示例评估的个人副本：删除 {path} 后再运行 assess，会重新生成一份",
    "{problem}\nThis is your copy of the demo: delete {path} and run assess again to get a fresh one",
)

# validate / summary
VALID_NO_WARNINGS = text("cli.valid", "{path}：有效，无质量提示", "{path}: valid, no warnings")
WARNINGS_HEAD = text("cli.warnings_head", "质量提示 {count} 条：", "{count} quality warning(s):")
WARNINGS_HINT = text(
    "cli.warnings_hint",
    "质量提示 {count} 条，运行 assess validate 查看",
    "{count} quality warning(s): run 'assess validate'",
)
CHECKLIST = text("cli.checklist", "清单 {id} {version}", "checklist {id} {version}")
CHECKLIST_VERSION = text("cli.checklist_version", "清单 {version}", "checklist {version}")
ASSESSOR = text("cli.assessor", "评估人 {name}", "assessor {name}")
OVERALL = text(
    "cli.overall",
    "总体得分 {score}   覆盖率 {coverage} ({assessed}/{applicable})",
    "Overall score {score}   coverage {coverage} ({assessed}/{applicable})",
)
AREA_OR_MEASURE = text("cli.area_or_measure", "领域 / 举措", "Area / measure")
SCORE = text("cli.score", "得分", "score")
COVERAGE = text("cli.coverage", "覆盖率", "coverage")
ASSESSED_OF = text("cli.assessed_of", "已评/适用", "assessed")
MEASURE_NAME = text("cli.measure_name", "{numeral}{title}", "({number}) {title}")
FLAG_BORDER = text("cli.flag.border", "沿边", "border")
FLAG_HUB = text("cli.flag.hub", "西部枢纽节点起步区", "western hub")
FLAG_FOREIGN_TALENT = text("cli.flag.foreign_talent", "外籍人才集中", "foreign talent")
PLACE = text("cli.place", "{province}（{region}）", "{province} ({region})")

# compare
COMPARISON = text("cli.comparison", "对比 A → B", "Comparison A → B")
UPDATED = text("cli.updated", "更新于 {day}", "updated {day}")
DIFFERENT_ZONES = text(
    "cli.different_zones",
    "（两个不同的经开区：适用性按各自画像判断）",
    "(two different zones: applicability follows each zone's profile)",
)
COVERAGE_A_B = text("cli.coverage_a_b", "覆盖率 A→B", "coverage A→B")
ITEMS_CHANGED = text(
    "cli.items_changed", "有变化的条目 {changed} / {total}", "{changed} of {total} items changed"
)
ID = text("cli.id", "编号", "ID")
ITEM = text("cli.item", "条目", "Item")
CHANGE = text("cli.change", "变化", "Change")
DUE_HEAD = text(
    "cli.due_head",
    "{start} 至 {end} 到期且 B 中未完成的举措：{count} 项",
    "Actions due {start} – {end} and not done in B: {count}",
)
UNMATCHED_HEAD = text(
    "cli.unmatched_head",
    "未能对应的条目（清单版本不同）：",
    "Items not matched (different checklist versions):",
)

# rollup
ROLLUP_HEAD = text("cli.rollup_head", "汇总 {count} 个经开区", "Roll-up of {count} zone(s)")
REGION = text("cli.region", "地区", "Region")
ZONES = text("cli.zones", "经开区数", "zones")
MEAN_SCORE = text("cli.mean_score", "平均得分", "score")
MEAN_COVERAGE = text("cli.mean_coverage", "平均覆盖率", "coverage")
TOP = text("cli.top", "得分前 {count} 名：", "Top {count}:")
COMMON_GAPS = text("cli.common_gaps", "最常见的差距：", "Most common gaps:")
SKIPPED_HEAD = text("cli.skipped_head", "未计入的文件 {count} 个：", "Skipped {count} file(s):")
NOTHING_TO_ROLL_UP = text(
    "cli.nothing_to_roll_up",
    "没有可以汇总的评估文件：\n{reasons}",
    "no assessment could be loaded:\n{reasons}",
)

# export / import / report / serve
MEASURES_FORMAT = text(
    "cli.measures_format",
    "--measures“{spec}”格式应为 1-5,13",
    "--measures {spec!r}: expected a list like 1-5,13",
)
MEASURES_EMPTY = text("cli.measures_empty", "--measures 不能为空", "--measures must not be empty")
IMPORT_COUNTS = text(
    "cli.import_counts",
    "{filled} 个条目有记录、{evidence} 项佐证材料",
    "{filled} items with records, {evidence} pieces of evidence",
)
IMPORT_CREATED = text(
    "cli.import_created", "已创建：{path}（{counts}）", "created: {path} ({counts})"
)
SERVE_MISSING = text(
    "cli.serve_missing",
    "网页版所需的组件未安装（{module}），请运行 pip install textual-serve",
    "the browser version needs textual-serve ({module}): pip install textual-serve",
)
BAD_PORT = text(
    "cli.bad_port",
    "{value!r}：端口须是 1–65535 的整数",
    "{value!r}: the port must be a whole number, 1–65535",
)

# argparse's own errors, said in both languages as the help is (assess.cli.common.Parser)
ARGS_REQUIRED = text(
    "cli.args.required", "缺少必需的参数：{args}", "the following arguments are required: {args}"
)
ARGS_UNKNOWN = text(
    "cli.args.unknown",
    "无法识别的参数：{args}（用 --help 查看用法）",
    "unrecognized arguments: {args} (see --help)",
)
ARG_BAD_CHOICE = text(
    "cli.args.bad_choice",
    "参数 {arg} 不能取 {value}，可选：{choices}",
    "argument {arg}: invalid choice: {value} (choose from {choices})",
)
ARG_NO_VALUE = text(
    "cli.args.no_value", "参数 {arg} 后面缺少取值", "argument {arg}: expected one argument"
)
ARG_BAD_VALUE = text(
    "cli.args.bad_value", "参数 {arg} 的取值 {value} 无效", "argument {arg}: invalid value {value}"
)
ARGS_ONE_OF = text(
    "cli.args.one_of",
    "以下参数须给出其中一个：{args}",
    "one of the arguments {args} is required",
)
ARGS_EXCLUSIVE = text(
    "cli.args.exclusive",
    "参数 {arg} 不能与 {other} 同时使用，请只保留一个",
    "argument {arg}: not allowed with argument {other} (keep one of them)",
)
ARG_NO_EXPLICIT = text(
    "cli.args.no_explicit",
    "参数 {arg} 是开关，不带取值（去掉“={value}”）",
    "argument {arg} is a switch and takes no value (drop '={value}')",
)
ARG_AMBIGUOUS = text(
    "cli.args.ambiguous",
    "选项 {option} 不明确，可能是：{matches}；请写全",
    "ambiguous option: {option} could match {matches}; spell it out",
)
