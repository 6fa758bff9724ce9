"""Issue 11.2 and 11.3: a failed save or a file changed on disk never loses anyone's edits.

The disk is made to fail deterministically (tests run as root, where chmod does not stop a
write): the writer raises the OSError a full disk, a read-only folder or a gone network share
raises. The user is told, the edits stay in the window, and quitting asks: retry, save
elsewhere, or discard only when they say so. A file another program rewrote while it was open
is never overwritten unasked, and whichever version the user keeps, the other is kept as a copy.
"""

from __future__ import annotations

import asyncio
import errno
import os
from pathlib import Path

import pytest
from textual.widgets import Input
from tui_helpers import SIZE, on_disk

from assess.models import Status
from assess.storage import dumps, write_atomic
from assess.tui.app import AssessApp
from assess.tui.modals import PathPrompt
from assess.tui.save_dialogs import ChangedOnDisk, SaveFailed

FAILURES = [errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EIO]
# what the user reads as the reason (the system's own English only for the rare ones)
REASONS = {
    errno.ENOSPC: "磁盘已满",
    errno.EROFS: "文件夹只读",
    errno.EACCES: "没有读写权限",
    errno.EIO: os.strerror(errno.EIO),
}


async def settle(app: AssessApp) -> None:
    for _ in range(3):
        await asyncio.sleep(0)
        await app.workers.wait_for_complete()
    await asyncio.sleep(0)


def fail_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """Every write into ``folder`` fails as that disk would; other folders still work."""
    import assess.storage as storage

    real = storage._replace_with

    def failing(target: Path, data: bytes, where: Path) -> object:
        if Path(where).resolve() == folder.resolve():
            raise OSError(code, os.strerror(code))
        return real(target, data, where)

    monkeypatch.setattr(storage, "_replace_with", failing)


async def edit_first_item(app: AssessApp, pilot: object) -> str:
    item = app.session.checklist.items[0].id
    await pilot.press("3")  # type: ignore[attr-defined]
    await settle(app)
    assert app.session.record(item).status is Status.NOT_STARTED
    return item


@pytest.mark.parametrize("code", FAILURES, ids=[errno.errorcode[c] for c in FAILURES])
async def test_quit_after_a_failed_save_asks_and_retry_keeps_the_edit(
    app: AssessApp, demo_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    before = demo_path.read_bytes()
    fail_writes_in(demo_path.parent, monkeypatch, code)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await edit_first_item(app, pilot)
        assert demo_path.read_bytes() == before  # the autosave failed…
        assert app.session.unsaved
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SaveFailed)  # …so quitting asks instead of exiting
        assert app.return_code is None
        body = str(app.screen.query_one("#question-body").render())
        assert REASONS[code] in body, body
        monkeypatch.undo()  # space freed / folder writable again
        await pilot.click("#retry")
        await pilot.pause()
    assert app.return_code == 0
    assert on_disk(demo_path).items[item].status is Status.NOT_STARTED


async def test_a_failed_save_can_go_elsewhere(
    app: AssessApp, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_path.read_bytes()
    fail_writes_in(demo_path.parent, monkeypatch, errno.ENOSPC)
    usb = tmp_path / "usb"
    usb.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        item = await edit_first_item(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#elsewhere")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        app.screen.query_one("#path", Input).value = str(usb / "副本.json")
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0
    # the window closed at once: the terminal is told where the copy went (the CLI prints it)
    assert app.farewell is not None and str(usb / "副本.json") in app.farewell
    assert on_disk(usb / "副本.json").items[item].status is Status.NOT_STARTED
    assert demo_path.read_bytes() == before


async def test_save_elsewhere_offers_a_folder_it_can_write_not_the_one_that_failed(
    app: AssessApp, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It offered 文件-我的版本-….json beside the file, in the folder it could not write."""
    fail_writes_in(demo_path.parent, monkeypatch, errno.EACCES)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != demo_path.parent
                        and real_access(p, mode))  # fmt: skip
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await edit_first_item(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#elsewhere")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        offered = Path(app.screen.query_one("#path", Input).value)
        assert offered.parent == home and offered.name.startswith(demo_path.stem)
        await pilot.press("escape")


async def test_edits_are_discarded_only_when_the_user_says_so(
    app: AssessApp, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = demo_path.read_bytes()
    fail_writes_in(demo_path.parent, monkeypatch, errno.EROFS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await edit_first_item(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")  # back to editing: nothing lost, still running
        await pilot.pause()
        assert not isinstance(app.screen, SaveFailed)
        assert app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#discard")
        await pilot.pause()
    assert app.return_code == 0
    assert demo_path.read_bytes() == before


def rewrite_behind_its_back(path: Path) -> bytes:
    """What a sync client or a restored .bak does: replace the file, ignoring our lock."""
    theirs = on_disk(path)
    theirs.assessor = "同事 / colleague"
    data = dumps(theirs).encode("utf-8")
    write_atomic(path, data)
    return data


async def test_a_file_changed_on_disk_is_never_overwritten_by_autosave(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        theirs = rewrite_behind_its_back(demo_path)
        await edit_first_item(app, pilot)
        assert isinstance(app.screen, ChangedOnDisk)
        await pilot.press("escape")  # decide later: autosave stays paused
        await pilot.pause()
        for key in ("2", "1"):  # two more autosaves would once have pushed theirs out of .bak
            await pilot.press(key)
            await settle(app)
        assert demo_path.read_bytes() == theirs
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ChangedOnDisk)  # quitting asks too
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code is None
    assert demo_path.read_bytes() == theirs


async def test_reload_theirs_keeps_mine_as_a_copy(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        theirs = rewrite_behind_its_back(demo_path)
        item = await edit_first_item(app, pilot)
        await pilot.click("#reload")
        await settle(app)
        assert app.session.assessment.assessor == "同事 / colleague"
        assert demo_path.read_bytes() == theirs
        copies = [p for p in demo_path.parent.glob("demo-*.json")]
        assert len(copies) == 1
        assert on_disk(copies[0]).items[item].status is Status.NOT_STARTED
        await pilot.press("2")  # autosave works again, on top of theirs
        await settle(app)
    saved = on_disk(demo_path)
    assert saved.assessor == "同事 / colleague"
    assert saved.items[item].status is Status.IN_PROGRESS


async def test_overwrite_with_mine_keeps_theirs_as_a_copy(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        theirs = rewrite_behind_its_back(demo_path)
        item = await edit_first_item(app, pilot)
        await pilot.click("#overwrite")
        await settle(app)
    saved = on_disk(demo_path)
    assert saved.items[item].status is Status.NOT_STARTED
    assert saved.assessor != "同事 / colleague"
    copies = [p for p in demo_path.parent.glob("demo-*.json")]
    assert [p.read_bytes() for p in copies] == [theirs]


async def test_a_touch_without_change_is_not_a_conflict(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        os.utime(demo_path, ns=(1, 1))
        item = await edit_first_item(app, pilot)
        assert not isinstance(app.screen, ChangedOnDisk)
    assert on_disk(demo_path).items[item].status is Status.NOT_STARTED


async def test_in_the_browser_file_dialogs_stay_in_the_assessments_folder(
    app: AssessApp, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11.8: whoever reaches ``assess serve`` may not open any file the owner can read."""
    monkeypatch.setattr(AssessApp, "is_web", property(lambda self: True))
    secret = tmp_path.parent / "secret.json"
    secret.write_bytes(demo_path.read_bytes())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for outside in (str(secret), str(demo_path.parent / ".." / "secret.json")):
            app.action_compare()
            await pilot.pause()
            app.screen.query_one("#path", Input).value = outside
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PathPrompt)  # refused, with the reason
            assert "文件夹" in str(app.screen.query_one("#form-error").render())
            app.pop_screen()
        app.action_compare()
        await pilot.pause()
        beside = demo_path.with_name("last-period.json")
        beside.write_bytes(demo_path.read_bytes())
        app.screen.query_one("#path", Input).value = str(beside)  # inside: allowed
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PathPrompt)


async def test_a_file_in_a_read_only_folder_opens_to_be_read(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No lock file can be made where nobody can write (a read-only share): the file opens to
    be looked at, says why it cannot be changed, and stays as it was (it used to refuse)."""
    from tui_helpers import TODAY, notices, until

    from assess.tui.app import open_app

    def read_only(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("assess.filelock.open", read_only, raising=False)
    before = demo_path.read_bytes()
    app = open_app(demo_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started)
        assert any("只读打开" in n for n in notices(app)), notices(app)
        header = str(app.query_one("#zone-line").render())
        assert f"{app.session.assessment.period} · 只读 · " in header, (
            header
        )  # the notice goes; the header stays
        status = app.session.record("1.1").status
        await pilot.press("3")
        await pilot.pause()
        assert app.session.record("1.1").status is status and app.session.edits == 0
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert demo_path.read_bytes() == before
