"""Core sub-commands: new, validate, summary, schema, demo."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assess.cli.common import (
    Formatter,
    add_lang,
    checklist,
    load_reporting,
    note,
    refuse_overwrite,
)
from assess.errors import AssessError, Message
from assess.lang import Lang
from assess.models import Assessment, ZoneProfile
from assess.regions import normalize_province, unknown_province
from assess.scoring import summarize
from assess.storage import save
from assess.texts import Text, Texts
from assess.texts import cli as texts
from assess.texts.profile import (
    DEFINITIONS,
    FIX_FILE,
    FIX_FLAG,
    PROFILE_WARNING,
    PROFILE_WARNINGS_HEAD,
)

if TYPE_CHECKING:
    from assess.profile_rules import ProfileViolation

PROFILE_FLAGS = ("border", "hub", "foreign_talent")


def _both(entry: Text, **params: object) -> str:
    """Chinese then English: help texts are read before a language is chosen."""
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
    add_lang(p)
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
    add_lang(p)  # accepted for symmetry: the schema is the same in both languages
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
    add_lang(p)
    p.set_defaults(run=run_demo)


def _zone(args: argparse.Namespace, previous: ZoneProfile | None) -> ZoneProfile:
    """The profile from the options; with --from, what is not given is carried over."""
    name = args.zone if args.zone is not None else (previous.name if previous else None)
    province = args.province or (previous.province if previous else None)
    if not name or not name.strip():
        raise AssessError(texts.ZONE_MISSING)
    if not province:
        raise AssessError(texts.PROVINCE_MISSING)
    if normalize_province(province) is None:
        entry, params = unknown_province(province)
        raise AssessError(texts.OPTION_PROBLEM, option="--province", problem=Message(entry, params))
    flags = {
        f: getattr(args, f)
        if getattr(args, f) is not None
        else bool(previous and getattr(previous, f))
        for f in PROFILE_FLAGS
    }
    zone = ZoneProfile(name=name.strip(), province=province, **flags)
    from assess.profile_rules import profile_violations  # loaded by the commands that check

    violations = profile_violations(zone)
    if violations:
        raise AssessError(texts.LINES, lines=FlagViolations(violations))
    return zone


@dataclass(frozen=True)
class FlagViolations:
    """The profile options that break a rule, one line each, rendered in the user's language."""

    violations: list[ProfileViolation]

    def render(self, t: Texts) -> str:
        return "\n".join(
            f"--{v.flag}{t.colon}{violation_with_fix(v, t, FIX_FLAG, flag=v.flag)}"
            for v in self.violations
        )


def violation_with_fix(violation: ProfileViolation, t: Texts, fix: Text, **params: object) -> str:
    """The broken rule and how to fix it, in one language."""
    from assess.profile_rules import violation_text

    sep = "; " if t.lang is Lang.EN else "；"
    return f"{violation_text(violation, t.lang)}{sep}{t(fix, **params)}"


def run_new(args: argparse.Namespace) -> int:
    from assess.lifecycle import new_assessment, roll_forward

    t = Texts(args.lang)
    refuse_overwrite(args.output, args.force)
    if not args.period.strip():
        raise AssessError(texts.PERIOD_EMPTY)
    cl = checklist()
    if args.previous is not None:
        previous = load_reporting(args.previous, t).assessment
        zone = _zone(args, previous.zone)
        if args.period.strip() == previous.period.strip():
            note(t, t(texts.SAME_PERIOD, period=args.period, previous=args.previous))
        if (zone.name, zone.province) != (previous.zone.name, previous.zone.province):
            old = previous.zone
            note(
                t,
                t(
                    texts.OTHER_ZONE,
                    old_zone=old.name,
                    old_province=old.province,
                    zone=zone.name,
                    province=zone.province,
                ),
            )
        assessment = roll_forward(
            previous, cl, zone=zone, period=args.period.strip(), assessor=args.assessor
        )
        carried = sum(1 for r in assessment.items.values() if not r.is_blank())
        save(args.output, assessment)
        print(
            t(
                texts.CREATED_FROM,
                path=args.output,
                items=len(assessment.items),
                previous=args.previous,
                carried=carried,
            )
        )
        return 0
    zone = _zone(args, None)
    assessment = new_assessment(cl, zone, args.period.strip(), args.assessor or "")
    save(args.output, assessment)
    print(t(texts.CREATED, path=args.output, items=len(assessment.items)))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    from assess.cli.report_text import warnings_text
    from assess.profile_rules import profile_violations

    t = Texts(args.lang)
    assessment = load_reporting(args.file, t).assessment
    summary = summarize(checklist(), assessment)
    violations = profile_violations(assessment.zone)
    if not summary.warnings and not violations:
        print(t(texts.VALID_NO_WARNINGS, path=args.file))
        return 0
    if violations:
        print(profile_warnings_text(violations, args.lang))
    if summary.warnings:
        print(warnings_text(checklist(), summary, t))
    return 1


def profile_warnings_text(violations: list[ProfileViolation], lang: Lang) -> str:
    from assess.profile_rules import violation_text

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
    from assess.cli.report_text import summary_text

    t = Texts(args.lang)
    assessment = load_reporting(args.file, t).assessment
    print(summary_text(checklist(), assessment, t))
    return 0


def run_schema(args: argparse.Namespace) -> int:
    schema = Assessment.model_json_schema()
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from assess.demo import build_demo

    refuse_overwrite(args.output, args.force)
    save(args.output, build_demo(checklist()))
    print(Texts(args.lang)(texts.DEMO_WRITTEN, path=args.output))
    return 0
