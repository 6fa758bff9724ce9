"""Review and sign-off: each step in the file's history, a final assessment refuses changes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from assess.checklist import Checklist
from assess.demo import build_demo
from assess.editing import Editor
from assess.fields import NOTE
from assess.models import Assessment, ReviewState, Status
from assess.review import FinalizedError, ReviewError, ReviewStep, review_state
from assess.storage import load, save
from assess.texts import Texts
from assess.texts.history import history_value
from tests.conftest import TODAY, run_cli


@pytest.fixture
def demo(checklist: Checklist) -> Assessment:
    return build_demo(checklist, TODAY)


def signed_off(assessment: Assessment) -> Assessment:
    Editor(assessment, who="李科员").review(ReviewStep.SUBMIT)
    Editor(assessment, who="王主任").review(ReviewStep.APPROVE, "同意")
    Editor(assessment, who="张书记").review(ReviewStep.FINALIZE, "同意上报")
    return assessment


def test_each_step_is_in_the_history_with_who_when_and_opinion(demo: Assessment) -> None:
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.RETURN, "补充佐证材料")
    steps = [c for c in demo.history if c.field == "review"]
    assert [(c.who, json.loads(c.new)["state"]) for c in steps] == [
        ("李科员", "submitted"),
        ("王主任", "returned"),
    ]
    assert json.loads(steps[1].new)["opinion"] == "补充佐证材料"
    assert json.loads(steps[1].old)["state"] == "submitted"  # values, never labels
    assert history_value("review", steps[1].new, Texts()).startswith("退回修改（王主任 ")
    assert steps[1].new.count("退回") == 0


def test_steps_follow_the_order_and_say_what_is_possible(demo: Assessment) -> None:
    with pytest.raises(ReviewError, match="不能“审核通过”；此时可以：提交审核"):
        Editor(demo, who="王主任").review(ReviewStep.APPROVE)
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    with pytest.raises(ReviewError, match="须写明意见"):
        Editor(demo, who="王主任").review(ReviewStep.RETURN, "  ")
    with pytest.raises(ReviewError, match="须写明是谁"):
        Editor(demo, who="").review(ReviewStep.APPROVE)
    assert demo.review.state is ReviewState.SUBMITTED


def test_a_final_assessment_refuses_every_change_until_reopened(demo: Assessment) -> None:
    signed_off(demo)
    before = demo.model_dump()
    editor = Editor(demo, who="某人")
    attempts: list[Callable[[], object]] = [
        lambda: editor.set_status("1.1", Status.NOT_STARTED),
        lambda: editor.set_field("1.1", NOTE, "改"),
        lambda: editor.add_evidence("新材料"),
        lambda: editor.set_period("2027年上半年"),
        lambda: editor.restore(demo.model_copy(deep=True)),
        lambda: editor.add_claim("1.4", policy="新政策"),
        lambda: editor.set_claim_field("C1", "status", "approved"),
        lambda: editor.remove_claim("C1"),
        lambda: editor.add_zone_task(1, "新任务"),
        lambda: editor.set_zone_task("Z1", "title", "改名"),
        lambda: editor.set_task_field("Z1", NOTE, "改"),
        lambda: editor.remove_zone_task("Z1"),
    ]
    for attempt in attempts:
        with pytest.raises(FinalizedError, match="已定稿（张书记"):
            attempt()
    assert demo.model_dump() == before
    with pytest.raises(ReviewError, match="须写明意见"):
        editor.review(ReviewStep.REOPEN)
    Editor(demo, who="张书记").review(ReviewStep.REOPEN, "补充三季度数据")
    assert editor.set_status("1.1", Status.NOT_STARTED)
    assert [c.field for c in demo.history[-2:]] == ["review", "status"]


def test_review_state_names_the_reviewer_once_reviewed(demo: Assessment) -> None:
    assert review_state(demo).state is ReviewState.DRAFT
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT, "请审核")
    assert review_state(demo).reviewer == ""  # submitting is not reviewing
    Editor(demo, who="王主任").review(ReviewStep.RETURN, "补充佐证")
    returned = review_state(demo)
    assert (returned.reviewer, returned.opinion, returned.finalizer) == ("王主任", "补充佐证", "")


def test_the_final_version_keeps_the_approval_it_was_finalized_from(demo: Assessment) -> None:
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.RETURN, "补充佐证")
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意上报")
    approved = review_state(demo)
    Editor(demo, who="张书记").review(ReviewStep.FINALIZE)
    final = review_state(demo)
    assert final.state is ReviewState.FINAL
    assert (final.reviewer, final.opinion, final.date) == ("王主任", "同意上报", approved.date)
    assert (final.finalizer, final.final_opinion) == ("张书记", "")
    assert final.finalized is not None
    Editor(demo, who="张书记").review(ReviewStep.REOPEN, "补充三季度数据")
    reopened = review_state(demo)  # being filled in again: the old approval no longer holds
    assert (reopened.reviewer, reopened.opinion, reopened.finalizer) == ("", "", "")


def test_a_final_file_whose_history_lacks_the_approval_names_no_reviewer(
    demo: Assessment,
) -> None:
    signed_off(demo)
    demo.history = [c for c in demo.history if c.field != "review"]
    final = review_state(demo)
    assert (final.reviewer, final.opinion, final.date) == ("", "", None)
    assert (final.finalizer, final.final_opinion) == ("张书记", "同意上报")


def test_an_older_file_without_review_loads_as_being_filled_in(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = tmp_path / "old.json"
    save(path, demo)
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["review"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load(path, checklist).assessment.review.state is ReviewState.DRAFT


def test_a_refused_step_is_said_in_the_users_language_only(tmp_path: Path) -> None:
    """It was both languages, whatever --lang said (the TUI's dialog showed both too)."""
    path = tmp_path / "d.json"
    assert run_cli("demo", "-o", path).returncode == 0
    zh = run_cli("review", path, "approve", "--who", "王主任")
    assert zh.returncode == 2 and "不能“审核通过”；此时可以：提交审核" in zh.stderr
    assert "cannot" not in zh.stderr and "submit" not in zh.stderr
    en = run_cli("review", path, "approve", "--who", "王主任", "--lang", "en")
    assert (
        en.returncode == 2 and "cannot be “approve”; possible now: submit for review" in en.stderr
    )
    assert not re.search(r"[\u4e00-\u9fff]", en.stderr), en.stderr
    nobody = run_cli("review", path, "submit", "--lang", "en")
    assert "needs a name" in nobody.stderr and "须写明" not in nobody.stderr


def test_cli_steps_and_import_refused_when_final(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    assert run_cli("demo", "-o", path).returncode == 0
    workbook = tmp_path / "demo.xlsx"
    assert run_cli("export", path, "-o", workbook).returncode == 0
    refused = run_cli("review", path, "finalize", "--who", "张书记")
    assert refused.returncode == 2 and "此时可以：提交审核" in refused.stderr
    for step, who in (("submit", "李科员"), ("approve", "王主任"), ("finalize", "张书记")):
        result = run_cli("review", path, step, "--who", who, "--opinion", "同意")
        assert result.returncode == 0, result.stderr
    before = path.read_bytes()
    imported = run_cli("import", workbook, "--into", path)
    assert imported.returncode == 2
    assert "已定稿" in imported.stderr and "reopen" in imported.stderr
    assert path.read_bytes() == before
    shown = run_cli("review", path)
    assert "审核状态：定稿" in shown.stdout and "定稿（张书记" in shown.stdout
    reopened = run_cli("review", path, "reopen", "--who", "张书记", "--opinion", "补充数据")
    assert reopened.returncode == 0, reopened.stderr
    assert run_cli("import", workbook, "--into", path).returncode == 0


def test_an_approval_cut_short_in_the_history_is_not_taken_from_an_earlier_round(
    demo: Assessment,
) -> None:
    signed_off(demo)  # 王主任 approved the first round
    Editor(demo, who="张书记").review(ReviewStep.REOPEN, "补充数据")
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="赵处长").review(ReviewStep.APPROVE, "同意。" * 1000)  # kept cut short
    Editor(demo, who="张书记").review(ReviewStep.FINALIZE)
    final = review_state(demo)
    assert (final.reviewer, final.opinion, final.finalizer) == ("", "", "张书记")


def test_a_change_after_approval_is_never_finalized_unseen(demo: Assessment) -> None:
    """An import (or edit) after 审核通过: 定稿 would sign content the reviewer never saw."""
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意上报")
    Editor(demo, who="张三（科创局）").set_text("1.1", "gap", "审核后导入的差距")
    with pytest.raises(ReviewError, match="“已审核”之后又有 1 处修改") as caught:
        Editor(demo, who="张书记").review(ReviewStep.FINALIZE)
    assert "1 changes were made after “reviewed”" in str(caught.value)
    assert demo.review.state is ReviewState.APPROVED
    Editor(demo, who="王主任").review(ReviewStep.RETURN, "请核对导入内容")
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意")
    Editor(demo, who="张书记").review(ReviewStep.FINALIZE)
    assert demo.review.state is ReviewState.FINAL


def test_an_edit_after_approval_put_back_is_no_change_to_review_again(demo: Assessment) -> None:
    """Typed and then undone (or set back): the content is what the reviewer saw."""
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意上报")
    was = demo.items["1.1"].gap
    editor = Editor(demo, who="李科员")
    editor.set_text("1.1", "gap", "临时改一下")
    editor.set_text("1.1", "gap", was)
    Editor(demo, who="张书记").review(ReviewStep.FINALIZE)
    assert demo.review.state is ReviewState.FINAL
