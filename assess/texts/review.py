"""Words of the sign-off (审核与定稿): states, steps, refusals and the sign-off block."""

from __future__ import annotations

from assess.texts.catalog import enum_labels, text

STATE = enum_labels(
    "ReviewState",
    draft=("填报中", "being filled in"),
    submitted=("待审核", "awaiting review"),
    approved=("已审核", "reviewed"),
    returned=("退回修改", "returned for changes"),
    final=("定稿", "final"),
)
STEP = enum_labels(
    "ReviewStep",
    submit=("提交审核", "submit for review"),
    approve=("审核通过", "approve"),
    reject=("退回修改", "return for changes"),
    finalize=("定稿", "finalize"),
    reopen=("重新打开", "reopen"),
)

REVIEW_FIELD = text("review.field", "审核状态", "review state")
OPINION = text("review.opinion", "审核意见", "review opinion")
OPTIONAL = text("review.optional", "（可不填）", " (optional)")

STEP_REFUSED = text(
    "review.step_refused",
    "当前审核状态为“{state}”，不能“{step}”；此时可以：{allowed}",
    "the assessment is “{state}”, so it cannot be “{step}”; possible now: {allowed}",
)
WHO_REQUIRED = text(
    "review.who_required",
    "“{step}”须写明是谁（--who 姓名）",
    "“{step}” needs a name (--who NAME)",
)
OPINION_REQUIRED = text(
    "review.opinion_required",
    "“{step}”须写明意见或理由（--opinion 文字）",
    "“{step}” needs an opinion or reason (--opinion TEXT)",
)
CHANGED_SINCE_REVIEW = text(
    "review.changed_since_review",
    "“{state}”之后又有 {count} 处修改，审核人没有看过；请先“{ret}”，再提交、审核通过后定稿"
    "（assess review 文件 return --who 姓名 --opinion 理由）",
    "{count} changes were made after “{state}”, which the reviewer has not seen: “{ret}” first, "
    "then submit, approve and finalize it (assess review FILE return --who NAME --opinion REASON)",
)
FINALIZED = text(
    "review.finalized",
    "评估已定稿（{who}，{date}），不能修改；如确需修改，请先“重新打开”"
    "（assess review 文件 reopen --who 姓名 --opinion 理由）",
    "the assessment is final ({who}, {date}) and cannot be changed; to change it, reopen it "
    "first (assess review FILE reopen --who NAME --opinion REASON)",
)
READ_ONLY_NOTICE = text(
    "review.read_only",
    "本评估已定稿，只读打开；如需修改，请在命令面板中选择“重新打开”",
    "This assessment is final and opened read-only; to change it, choose “reopen” in the palette",
)
STEP_DONE = text(
    "review.step_done",
    "已“{step}”，审核状态：{state}",
    "done: {step}; review state: {state}",
)
