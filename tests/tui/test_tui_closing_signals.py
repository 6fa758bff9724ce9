"""Closing the terminal window (SIGHUP) or a stop from the system (SIGTERM) within the text
fields' save pause (1 s) keeps what was typed: a real ``assess open`` in a real terminal."""

from __future__ import annotations

import errno
import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tui_policy_fields import open_on
from test_tui_save_safety import edit_first_item, fail_writes_in, rewrite_behind_its_back
from textual.widgets import Input
from tui_helpers import SIZE, TODAY, on_disk, until

from assess.demo import build_demo
from assess.models import Status
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp, open_app
from assess.tui.save_dialogs import ChangedOnDisk

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # ``bench`` is the repository's own folder, not installed
    sys.path.insert(0, str(REPO))

from bench import tmux  # noqa: E402

TYPED = "中文说明"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tmux.TmuxServer]:
    running = tmux.TmuxServer(tmp_path)
    yield running
    running.close()


def ended(pid: int) -> bool:
    """The process has exited: no longer there, or a zombie its parent (the tmux server) has
    not reaped yet — under load tmux may close the pane and leave its process unreaped for
    seconds, whichever program ran in it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    if not Path("/proc/self/stat").exists():  # no /proc: os.kill is the whole answer
        return False
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # reaped meanwhile (FileNotFoundError, or ESRCH while reading)
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def gone(pid: int, seconds: float = 8) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ended(pid):
            return True
        time.sleep(0.01)
    return False


@pytest.mark.skipif(not tmux.available(), reason="tmux is not installed")
@pytest.mark.parametrize("how", ["close the window", "SIGTERM"])
def test_typing_survives_the_terminal_closing(
    server: tmux.TmuxServer, tmp_path: Path, how: str
) -> None:
    path = tmp_path / "zone.json"
    save(path, build_demo(default_checklist(), TODAY))
    before = on_disk(path).items["1.1"].explanation
    assess = Path(sys.executable).with_name("assess")
    server.spawn("form", [str(assess), "open", str(path)], tmp_path)
    server.wait_for("form", lambda text: before[:10] in text and "alt+e" in text)
    server.send("form", "e")  # into 进度/说明
    server.wait_stable("form")
    server.tmux("send-keys", "-t", "form", "-l", TYPED)
    server.wait_for("form", lambda text: TYPED in text)  # shown, its 1 s pause not yet over
    pid = server.pane_pid("form")
    if how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
    else:
        server.tmux("kill-session", "-t", "form")  # the terminal goes: SIGHUP
    assert gone(pid), "assess did not end"
    assert on_disk(path).items["1.1"].explanation == before + TYPED  # typed after its text
    assert not (tmp_path / ".zone.json.lock").exists()  # it closed as on quitting


# what a closing signal does where the file cannot take the edits (the handler itself, called
# as the loop calls it: sending a real signal to the test process would end the run on a bug)


async def test_closed_while_another_program_changed_the_file_keeps_mine_beside_it(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        theirs = rewrite_behind_its_back(demo_path)
        item = await edit_first_item(app, pilot)
        assert isinstance(app.screen, ChangedOnDisk)  # the question nobody will answer
        app._closed_by_signal()
        await pilot.pause()
    assert demo_path.read_bytes() == theirs  # never overwritten
    (copy,) = demo_path.parent.glob("demo-我的版本-*.json")
    assert on_disk(copy).items[item].status is Status.NOT_STARTED
    assert app.farewell is not None and str(copy) in app.farewell


async def test_closed_on_a_full_disk_keeps_a_copy_elsewhere(
    app: AssessApp, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    fail_writes_in(demo_path.parent, monkeypatch, errno.ENOSPC)
    async with app.run_test(size=SIZE) as pilot:
        item = await edit_first_item(app, pilot)
        app._closed_by_signal()
        await pilot.pause()
    (copy,) = home.glob("demo-我的版本-*.json")
    assert on_disk(copy).items[item].status is Status.NOT_STARTED
    assert app.farewell is not None and "磁盘已满" in app.farewell and str(copy) in app.farewell


async def test_a_line_being_typed_is_kept_on_quit_and_on_closing(demo_path: Path) -> None:
    for close in ("ctrl+q", "signal"):
        application = open_app(demo_path, today=TODAY)
        async with application.run_test(size=SIZE) as pilot:
            await open_on(application, pilot, "13.1")  # a request: 争取对象 shows
            field = application.query_one("#asked_of", Input)
            field.focus()
            await until(pilot, lambda a=application, f=field: a.focused is f)
            await pilot.press(*close[:2])  # typed, neither Enter nor leaving the field
            if close == "signal":
                application._closed_by_signal()
            else:
                await pilot.press("ctrl+q")
            await pilot.pause()
        application.session.close()
        assert on_disk(demo_path).items["13.1"].asked_of.endswith(close[:2])
