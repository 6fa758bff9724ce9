"""The window's first frame, drawn from a forked child's labels before the core is imported
(``assess.tui.launch``, ``assess.tui.first_frame``): it shows what the window shows, keys typed
while it loads are not lost, and whatever it cannot do goes the ordinary way with its message."""

from __future__ import annotations

import os
import shlex
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.app import App
from tui_helpers import SIZE, TODAY, on_disk, until

from assess.demo import build_demo
from assess.editing import Editor
from assess.filelock import FileLock
from assess.lang import Lang
from assess.models import Status
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp, open_app
from assess.tui.first_frame import (
    FirstFrame,
    Pending,
    compute,
    label_from_json,
    label_to_json,
)  # fmt: skip
from assess.tui.launch import fork_child, wanted

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # ``bench`` is the repository's own folder, not installed
    sys.path.insert(0, str(REPO))

from bench import tmux  # noqa: E402

ASSESS = Path(sys.executable).with_name("assess")


@pytest.fixture
def zone(tmp_path: Path) -> Path:
    path = tmp_path / "zone.json"
    save(path, build_demo(default_checklist(), TODAY))
    return path


def test_the_launcher_takes_only_the_windows_own_command_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert wanted(["open", "a.json"]) == ("a.json", "zh", False)
    assert wanted(["--lang", "en", "open", "a.json"]) == ("a.json", "en", False)
    assert wanted(["open", "a.json", "--lang=en"]) == ("a.json", "en", False)
    assert wanted(["--lang", "en", "open", "a.json", "--lang", "en"]) == ("a.json", "en", False)
    # argparse says what is wrong with these, as it always did
    for argv in (
        ["open"], ["open", "-h"], ["open", "a.json", "b.json"], ["--lang", "fr", "open", "a.json"],
        ["--lang", "zh", "open", "a.json", "--lang", "en"], ["--lang", "EN", "open", "a.json"],
        ["summary", "a.json"], ["--version"],
    ):  # fmt: skip
        assert wanted(argv) is None, argv
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "platform", "linux")
    assert wanted([]) is None  # no demo copy yet: the ordinary way makes it and says where
    demo = tmp_path / "data" / "assess" / "demo.json"
    demo.parent.mkdir(parents=True)
    demo.write_text("{}", encoding="utf-8")
    assert wanted(["--lang", "en"]) == (str(demo), "en", True)


@pytest.mark.parametrize("lang", list(Lang))
async def test_the_first_frame_shows_what_the_window_shows(zone: Path, lang: Lang) -> None:
    frame = FirstFrame.from_json(compute(zone, lang).to_json())  # as it crosses the pipe
    app = open_app(zone, lang)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.detail.ready)
        tree = app.checklist_tree
        drawn = {}
        for area in frame.nodes:
            drawn[("area", area.key)] = label_from_json(area.label)
            for measure in area.children:
                drawn[("measure", measure.key)] = label_from_json(measure.label)
                for leaf in measure.children:
                    drawn[(leaf.kind, leaf.key)] = label_from_json(leaf.label)
        nodes = [*tree.area_nodes.values(), *tree.measure_nodes.values()]
        nodes += tree.item_nodes.values()
        window = {(n.data.kind, n.data.key): n.label for n in nodes if n.data is not None}
        assert drawn == window  # equal Texts: loading the file repaints no label
        assert frame.home == next(iter(tree.item_nodes))
        header = " · ".join([*frame.identity, frame.scores])
        assert str(app.query_one("#zone-line").render()) == header
        assert frame.progress == (app.session.summary.overall.applicable,
                                  app.session.summary.overall.assessed)  # fmt: skip


def test_a_label_crosses_the_pipe_unchanged() -> None:
    from rich.text import Text

    label = Text("  62.5 ", style="bold cyan")
    label.append("二、因地制宜 [b]不是标记[/b]", style="bold")
    label.append_text(Text.assemble(("●", "bold green"), " ", ("1.1", "dim")))
    again = label_from_json(label_to_json(label))
    assert again == label and again.style == label.style
    assert again.plain == label.plain  # brackets stay text, never markup


# a real ``assess open`` in a real terminal


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tmux.TmuxServer]:
    running = tmux.TmuxServer(tmp_path)
    yield running
    running.close()


def shell(*argv: str) -> list[str]:
    """Run ``argv`` in the pane, then keep the pane to read what it printed."""
    return ["sh", "-c", f"{shlex.join(argv)}; echo EXIT=$?; sleep 60"]


pytestmark_tmux = pytest.mark.skipif(not tmux.available(), reason="tmux is not installed")


@pytestmark_tmux
def test_keys_typed_while_the_window_starts_are_not_lost(
    server: tmux.TmuxServer, zone: Path, tmp_path: Path
) -> None:
    before = on_disk(zone)
    assert before.items["1.1"].status is not Status.DONE
    assert before.items["1.3"].status is not Status.NOT_STARTED
    server.spawn("w", shell(str(ASSESS), "open", str(zone)), tmp_path)
    for key in ("1", "j", "j", "3"):  # at once: before the first frame, or while it loads
        server.send("w", key)
    server.wait_for("w", lambda text: "● 1.1" in text and "○ 1.3" in text)
    server.send("w", "q")
    server.wait_for("w", lambda text: "EXIT=0" in text)
    after = on_disk(zone)  # 1 went to the first item, as once the window is up
    assert (after.items["1.1"].status, after.items["1.3"].status) == (
        Status.DONE, Status.NOT_STARTED,
    )  # fmt: skip


@pytestmark_tmux
def test_a_second_window_is_refused_before_it_draws(
    server: tmux.TmuxServer, zone: Path, tmp_path: Path
) -> None:
    server.spawn("first", [str(ASSESS), "open", str(zone)], tmp_path)
    server.wait_for("first", lambda text: "1.1" in text and "alt+e" in text)
    server.tmux("set-option", "-g", "alternate-screen", "off")  # a frame drawn would stay
    server.spawn("second", shell(str(ASSESS), "open", str(zone)), tmp_path)
    server.wait_for("second", lambda text: "EXIT=" in text)
    text = server.capture("second")
    assert "EXIT=2" in text
    assert "另一个程序" in text and "▼" not in text  # the message, no tree ever drawn


@pytestmark_tmux
def test_a_file_the_child_cannot_read_is_refused_with_the_usual_message(
    server: tmux.TmuxServer, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"zone": ', encoding="utf-8")
    server.spawn("w", shell(str(ASSESS), "--lang", "en", "open", str(broken)), tmp_path)
    server.wait_for("w", lambda text: "EXIT=" in text)
    text = server.capture("w")
    assert "EXIT=2" in text
    assert "broken.json: not valid JSON" in text
    assert not (tmp_path / ".broken.json.lock").exists()  # released for the ordinary way


async def test_a_window_started_from_the_first_frame_edits_and_saves(zone: Path) -> None:
    """The launcher's window (no session until after its first frame) is the same window."""
    lock = FileLock(zone)
    lock.acquire()  # as the launcher does before the window opens
    app = AssessApp(None, Lang.ZH, pending=Pending(*fork_child(str(zone), "zh"), lock))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._session is not None and app.detail.ready)
        assert app.detail.item_id == "1.1"
        assert (zone.parent / ".zone.json.lock").exists()  # locked before the window opened
        await pilot.press("j", "4")
        await until(pilot, lambda: on_disk(zone).items["1.2"].status is Status.NOT_APPLICABLE)
    assert not (zone.parent / ".zone.json.lock").exists()


async def test_a_task_added_while_the_window_started_is_in_its_tree(zone: Path) -> None:
    """The child read the file before another program added a zone task: once the window has
    loaded the file itself, the task is in the tree."""
    frame = compute(zone, Lang.ZH)  # read before the task was added
    assessment = on_disk(zone)
    task = Editor(assessment).add_zone_task(1, "新增的自定任务")
    save(zone, assessment)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # a child answering with the frame it computed before
        os.write(write, frame.to_json().encode("utf-8"))
        os._exit(0)
    os.close(write)
    lock = FileLock(zone)
    lock.acquire()
    app = AssessApp(None, Lang.ZH, pending=Pending(pid, read, lock))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._session is not None and app.detail.ready)
        assert task.id in app.checklist_tree.item_nodes
        assert "新增的自定任务" in str(app.checklist_tree.item_nodes[task.id].label)


async def test_before_the_file_is_loaded_clicks_wait_for_nothing_and_closing_unlocks(
    zone: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the first frame and the file loaded here: a click is not heard (there is no
    form to go into), keys wait, and a closing signal ends the window with the lock released."""
    lock = FileLock(zone)
    lock.acquire()
    app = AssessApp(None, Lang.ZH, pending=Pending(*fork_child(str(zone), "zh"), lock))

    async def not_yet() -> None:  # the window stays before its file is loaded
        return None

    monkeypatch.setattr(app, "_load", not_yet)
    async with App.run_test(app, size=SIZE) as pilot:  # not waiting for a start that never comes
        await pilot.click("#tree", offset=(12, 2))  # a click on 1.1's line
        await pilot.press("j", "q")
        assert app.is_running and [k.key for k in app._early_keys] == ["j", "q"]
        app._closed_by_signal(signal.SIGTERM)
        await pilot.pause()
    assert not app.is_running
    assert app.farewell is None  # nothing to save, nothing said
    assert not (zone.parent / ".zone.json.lock").exists()
