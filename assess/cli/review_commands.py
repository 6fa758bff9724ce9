"""``assess review``: the sign-off steps (提交审核, 审核通过, 退回修改, 定稿, 重新打开)."""

from __future__ import annotations

import argparse
from pathlib import Path

from assess.cli.common import Formatter, add_lang, checklist
from assess.editing import Editor
from assess.lang import Lang
from assess.models import Assessment
from assess.review import ReviewStep, allowed_steps, parse_step
from assess.storage import AssessmentFile, load
from assess.texts import Texts
from assess.texts import review as words
from assess.texts.history import history_value

STEP_NAMES = ("submit", "approve", "return", "finalize", "reopen")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "review",
        help="审核与定稿 / review and sign-off",
        description="记录审核与定稿：填报中 →（submit 提交审核）待审核 →（approve 审核通过）已审核 "
        "→（finalize 定稿）定稿；待审核或已审核时可 return 退回修改（须写意见）；定稿后文件只读，"
        "须 reopen 重新打开（须写理由）才能修改。每一步记入文件的修改记录（谁、何时、意见）。"
        "不带步骤时显示当前状态和审核记录。\n"
        "Record the sign-off: submit → approve → finalize; return (with an opinion) sends it\n"
        "back; a final assessment is read-only until reopened (with a reason). Each step is\n"
        "kept in the file's history. Without a step: show the state and the review record.",
        formatter_class=Formatter,
    )
    p.add_argument("file", type=Path, help="评估文件 / assessment FILE.json")
    p.add_argument("step", nargs="?", choices=STEP_NAMES, help="步骤 / step")
    p.add_argument("--who", default="", help="姓名（必填）/ your name (required for a step)")
    p.add_argument("--opinion", default="", help="意见或理由 / opinion or reason")
    add_lang(p)
    p.set_defaults(run=run_review)


def run_review(args: argparse.Namespace) -> int:
    t = Texts(Lang(args.lang))
    if args.step is None:
        assessment = load(args.file, checklist()).assessment
        print(review_text(assessment, t))
        return 0
    step = parse_step(args.step)
    with AssessmentFile(args.file) as handle:
        assessment = handle.load(checklist()).assessment
        Editor(assessment, who=args.who.strip(), source="assess review").review(step, args.opinion)
        handle.save(assessment)
    print(t(words.STEP_DONE, step=t.label(step), state=t.label(assessment.review.state)))
    return 0


def review_text(assessment: Assessment, t: Texts) -> str:
    """The state, the steps possible now, and every step taken (from the history)."""
    state = assessment.review.state
    allowed = t.list_sep.join(_step_choice(s, t) for s in allowed_steps(state))
    lines = [f"{t(words.REVIEW_FIELD)}{t.colon}{t.label(state)}", f"→ {allowed}"]
    lines += [
        f"· {change.at.strftime('%H:%M')} {history_value('review', change.new, t)}"
        for change in assessment.history
        if change.field == "review"
    ]
    return "\n".join(lines)


def _step_choice(step: ReviewStep, t: Texts) -> str:
    """The CLI word for a step (``return`` rather than the stored ``reject``) and its label."""
    name = "return" if step is ReviewStep.RETURN else step.value
    label = t.label(step)
    return name if label == name else f"{name}（{label}）"
