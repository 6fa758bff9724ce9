"""A final (定稿) assessment opens read-only; reopening it is a logged step taken in the TUI."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select
from tui_helpers import SIZE, TODAY, on_disk

from assess.editing import Editor
from assess.models import ReviewState, Status
from assess.review import ReviewStep
from assess.storage import save
from assess.tui.app import open_app
from assess.tui.review_prompt import OpinionPrompt


def finalize(path: Path) -> None:
    assessment = on_disk(path)
    for step, who in ((ReviewStep.SUBMIT, "李科员"), (ReviewStep.APPROVE, "王主任")):
        Editor(assessment, who=who).review(step)
    Editor(assessment, who="张书记").review(ReviewStep.FINALIZE, "同意上报")
    save(path, assessment)


async def test_final_opens_read_only_and_reopens_with_a_reason(demo_path: Path) -> None:
    finalize(demo_path)
    app = open_app(demo_path, today=TODAY)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert any("只读" in n.message for n in app._notifications)
            status = app.detail.query_one(Select)
            assert status.disabled
            before = app.session.record("1.1").status
            await pilot.press("3" if before is not Status.NOT_STARTED else "1")
            await pilot.pause()
            assert app.session.record("1.1").status is before
            assert [name for name, *_ in app.review_commands()] == ["重新打开"]

            app.review_step(ReviewStep.REOPEN)
            await pilot.pause()
            assert isinstance(app.screen, OpinionPrompt)
            await pilot.press("enter")  # no reason: refused inside the form
            await pilot.pause()
            assert isinstance(app.screen, OpinionPrompt)
            await pilot.press(*"补充数据", "enter")
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert not status.disabled
            await pilot.press("3" if before is not Status.NOT_STARTED else "1")
            await pilot.pause()
            await app.workers.wait_for_complete()
    finally:
        app.session.close()
    saved = on_disk(demo_path)
    assert saved.review.state is ReviewState.DRAFT and saved.review.opinion == "补充数据"
    assert saved.record("1.1").status is not before
