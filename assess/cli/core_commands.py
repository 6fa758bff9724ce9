"""Core sub-commands: new, validate, summary, schema, demo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assess.cli.common import Formatter, add_lang, checklist, load_reporting, refuse_overwrite
from assess.cli.report_text import summary_text, warnings_text
from assess.demo import build_demo
from assess.errors import AssessError
from assess.lang import Lang
from assess.lifecycle import new_assessment, roll_forward
from assess.models import Assessment, ZoneProfile
from assess.profile_rules import ProfileViolation, profile_violations, violation_text
from assess.regions import normalize_province, unknown_province_message
from assess.scoring import summarize
from assess.storage import save
from assess.texts import Text, Texts
from assess.texts.profile import (
    DEFINITIONS,
    FIX_FILE,
    FIX_FLAG,
    PROFILE_WARNING,
    PROFILE_WARNINGS_HEAD,
)

PROFILE_FLAGS = ("border", "hub", "foreign_talent")


def _both(entry: Text, **params: object) -> str:
    """Chinese then English, as the rest of this module still writes its messages."""
    return f"{Texts(Lang.ZH)(entry, **params)} / {Texts(Lang.EN)(entry, **params)}"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "new",
        help="新建评估文件 / create an assessment file",
        description="新建一个经开区的评估文件；--from 从上一期滚动延续（状态、说明、佐证和未完成举措）。\n"
        "Create an assessment; --from rolls the previous period forward.",
        formatter_class=Formatter,
    )
    p.add_argument("--zone", help="经开区名称（用 --from 时默认沿用上一期）/ zone name")
    p.add_argument(
        "--province",
        help="所在省份，如 江苏、江苏省、内蒙、兵团（用 --from 时默认沿用）/ province, e.g. 江苏 or 江苏省",
    )
    p.add_argument("--period", required=True, help="评估期，如 2025年下半年 / period")
    p.add_argument("--assessor", help="评估人 / assessor")
    flag = argparse.BooleanOptionalAction
    for name in PROFILE_FLAGS:
        p.add_argument(f"--{name.replace('_', '-')}", action=flag, help=_both(DEFINITIONS[name]))
    p.add_argument("--from", dest="previous", type=Path, help="上一期评估文件 / previous period")
    p.add_argument("-o", "--output", type=Path, required=True, help="输出文件 / output FILE.json")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    p.set_defaults(run=run_new)

    p = sub.add_parser(
        "validate",
        help="检查评估文件 / validate a file",
        description="加载并检查评估文件，列出质量提示。退出码：0 无问题，1 有提示，2 文件无效。\n"
        "Load a file and list quality warnings. Exit 0 ok, 1 warnings, 2 invalid.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path)
    add_lang(p)
    p.set_defaults(run=run_validate)

    p = sub.add_parser(
        "summary",
        help="得分与覆盖率 / scores and coverage",
        description="总体、各领域、各举措得分与覆盖率，以及状态统计。\n"
        "Overall, per-area and per-measure scores and coverage, and status counts.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path)
    add_lang(p)
    p.set_defaults(run=run_summary)

    p = sub.add_parser(
        "schema",
        help="评估文件的 JSON Schema / JSON Schema of the file",
        formatter_class=Formatter,
    )
    p.set_defaults(run=run_schema)

    p = sub.add_parser(
        "demo",
        help="生成示例评估 / write the demo assessment",
        description="写出虚构的“示例经济技术开发区”完整示例评估，可用于试用各项功能。\n"
        "Write a complete demo assessment of a fictional zone.",
        formatter_class=Formatter,
    )
    p.add_argument("-o", "--output", type=Path, default=Path("demo.json"), help="默认 demo.json")
    p.add_argument("--force", action="store_true", help="覆盖已有文件 / overwrite")
    p.set_defaults(run=run_demo)


def _zone(args: argparse.Namespace, previous: ZoneProfile | None) -> ZoneProfile:
    """The profile from the options; with --from, what is not given is carried over."""
    name = args.zone if args.zone is not None else (previous.name if previous else None)
    province = args.province or (previous.province if previous else None)
    if not name or not name.strip():
        raise AssessError("--zone: 请填写经开区名称 / give the zone's name")
    if not province:
        raise AssessError("--province: 请填写所在省份，如 江苏 / give the province, e.g. 江苏")
    if normalize_province(province) is None:
        raise AssessError(f"--province: {unknown_province_message(province)}")
    flags = {
        f: getattr(args, f)
        if getattr(args, f) is not None
        else bool(previous and getattr(previous, f))
        for f in PROFILE_FLAGS
    }
    zone = ZoneProfile(name=name.strip(), province=province, **flags)
    violations = profile_violations(zone)
    if violations:
        raise AssessError(
            "\n".join(f"--{v.flag}: {violation_both(v, FIX_FLAG, flag=v.flag)}" for v in violations)
        )
    return zone


def violation_both(violation: ProfileViolation, fix: Text, **params: object) -> str:
    """The broken rule and how to fix it, Chinese then English."""
    zh, en = Texts(Lang.ZH), Texts(Lang.EN)
    return (
        f"{violation_text(violation, Lang.ZH)}；{zh(fix, **params)}"
        f" / {violation_text(violation, Lang.EN)}; {en(fix, **params)}"
    )


def run_new(args: argparse.Namespace) -> int:
    refuse_overwrite(args.output, args.force)
    if not args.period.strip():
        raise AssessError("--period: 不能为空 / must not be empty")
    cl = checklist()
    if args.previous is not None:
        previous = load_reporting(args.previous).assessment
        zone = _zone(args, previous.zone)
        if args.period.strip() == previous.period.strip():
            print(
                f"提示 / note: 评估期“{args.period}”与上一期相同 / same period as {args.previous}",
                file=sys.stderr,
            )
        if (zone.name, zone.province) != (previous.zone.name, previous.zone.province):
            print(
                f"提示 / note: 上一期是“{previous.zone.name}”（{previous.zone.province}），"
                f"本期是“{zone.name}”（{zone.province}）/ the previous file is another zone",
                file=sys.stderr,
            )
        assessment = roll_forward(
            previous, cl, zone=zone, period=args.period.strip(), assessor=args.assessor
        )
        carried = sum(1 for r in assessment.items.values() if not r.is_blank())
        note = f"，自 {args.previous} 延续 {carried} 个条目 / {carried} items carried forward"
    else:
        zone = _zone(args, None)
        assessment = new_assessment(cl, zone, args.period.strip(), args.assessor or "")
        note = ""
    save(args.output, assessment)
    print(f"已创建 / created {args.output}（{len(assessment.items)} 个条目 / items{note}）")
    return 0


def run_validate(args: argparse.Namespace) -> int:
    assessment = load_reporting(args.file).assessment
    summary = summarize(checklist(), assessment)
    en = args.lang == "en"
    violations = profile_violations(assessment.zone)
    if not summary.warnings and not violations:
        print(f"{args.file}: " + ("valid, no warnings" if en else "有效，无质量提示"))
        return 0
    if violations:
        print(profile_warnings_text(violations, Lang.parse(args.lang)))
    if summary.warnings:
        print(warnings_text(checklist(), summary, en=en))
    return 1


def profile_warnings_text(violations: list[ProfileViolation], lang: Lang) -> str:
    """The profile's broken rules, each with how to fix it (a file is fixed, not refused)."""
    t = Texts(lang)
    lines = [t(PROFILE_WARNINGS_HEAD, count=len(violations))]
    sep = "; " if lang is Lang.EN else "；"
    lines += [
        f"  {t(PROFILE_WARNING)}{t.colon}{violation_text(v, lang)}{sep}{t(FIX_FILE)}"
        for v in violations
    ]
    return "\n".join(lines)


def run_summary(args: argparse.Namespace) -> int:
    assessment = load_reporting(args.file).assessment
    print(summary_text(checklist(), assessment, en=args.lang == "en"))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    schema = Assessment.model_json_schema()
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    refuse_overwrite(args.output, args.force)
    save(args.output, build_demo(checklist()))
    print(f"已写出示例评估 / demo written: {args.output}")
    return 0
