"""``assess serve`` driven the way a user would: headless Chromium on a loopback port."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assess.errors import LockedError
from assess.resources import default_checklist
from assess.storage import AssessmentFile, load
from tests.serve.delivering_app import WORKBOOK_BYTES, WORKBOOK_NAME
from tests.serve.harness import serving

OPEN_TIMEOUT_MS = 30_000
READY = "重大产业科技创新平台"  # item 1.1, where the checklist tree opens
DELIVERING_APP = Path(__file__).with_name("delivering_app.py")


def record_on_disk(path: Path, item_id: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["items"][item_id]
    return record


def status_on_disk(path: Path, item_id: str) -> str:
    return str(record_on_disk(path, item_id)["status"])


def wait_until(check: Callable[[], bool], seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


def shown(page: Any) -> str:
    """Everything the server has sent this tab's terminal (see RECORD_TERMINAL in conftest)."""
    text: str = page.evaluate("window.__terminalBytes")
    return text


def open_tab(browser: Any, url: str, ready: str | None = None) -> Any:
    """A new tab on ``url``, once its terminal shows ``ready``."""
    page = browser.new_page()
    page.goto(url)
    page.wait_for_selector("body.-first-byte", timeout=OPEN_TIMEOUT_MS)
    if ready is not None:
        assert wait_until(lambda: ready in shown(page), OPEN_TIMEOUT_MS / 1000), shown(page)[-2000:]
    return page


def press(page: Any, *keys: str) -> None:
    """Type into the tab as a user does (focus the terminal without clicking a widget)."""
    page.locator(".xterm-helper-textarea").focus()
    for key in keys:
        page.keyboard.press(key)


def test_status_key_in_browser_reaches_the_file(browser: Any, demo_file: Path, home: Path) -> None:
    assert status_on_disk(demo_file, "1.1") != "done"
    with serving(str(demo_file), home=home) as served:
        page = open_tab(browser, served.url, READY)
        focused = 'document.activeElement.className === "xterm-helper-textarea"'
        assert wait_until(lambda: page.evaluate(focused), 5)  # no click needed to type
        page.keyboard.press("1")  # typed straight away: the tree opens on 1.1; 1 = 已落实
        assert wait_until(lambda: status_on_disk(demo_file, "1.1") == "done"), served.output()
    reloaded = load(demo_file, default_checklist()).assessment
    assert reloaded.record("1.1").status.value == "done"
    assert lock_is_free(demo_file), "Ctrl+C should end the tab's process and free FILE"
    assert "Traceback" not in served.output()


def test_undo_editing_and_dashboard_work_in_the_browser(
    browser: Any, demo_file: Path, home: Path
) -> None:
    before = status_on_disk(demo_file, "1.1")
    with serving(str(demo_file), home=home) as served:
        page = open_tab(browser, served.url, READY)
        press(page, "1")
        assert wait_until(lambda: status_on_disk(demo_file, "1.1") == "done")
        press(page, "Control+z")  # not taken by the browser: reaches the TUI's undo
        assert wait_until(lambda: status_on_disk(demo_file, "1.1") == before)
        press(page, "Enter")  # into the item's form (its status field)
        time.sleep(0.5)
        press(page, "Tab", "End")  # on to its first text field
        time.sleep(0.5)
        page.keyboard.insert_text("网页版录入")  # what an input method commits
        press(page, "Escape")  # back to the tree; the field is saved
        assert wait_until(
            lambda: "网页版录入" in json.dumps(record_on_disk(demo_file, "1.1"), ensure_ascii=False)
        )
        press(page, "d")
        assert wait_until(lambda: "各领域得分" in shown(page)), "dashboard not shown"


def test_second_tab_gets_the_lock_message_and_file_stays_whole(
    browser: Any, demo_file: Path, home: Path
) -> None:
    with serving(str(demo_file), home=home) as served:
        first = open_tab(browser, served.url, READY)
        second = open_tab(browser, served.url)
        assert wait_until(lambda: "文件正被另一个程序编辑" in shown(second))  # in the UI's language
        press(first, "1")  # the first tab still edits; the second never wrote
        assert wait_until(lambda: status_on_disk(demo_file, "1.1") == "done"), served.output()
        second.close()
        first.close()
    assert load(demo_file, default_checklist()).assessment.record("1.1").status.value == "done"


def test_a_delivered_workbook_downloads_with_its_chinese_name(
    browser: Any, demo_file: Path, home: Path
) -> None:
    with serving(str(demo_file), home=home, tab_app=DELIVERING_APP) as served:
        page = open_tab(browser, served.url, "导出")
        with page.expect_download(timeout=OPEN_TIMEOUT_MS) as started:
            press(page, "x")
        download = started.value
        assert download.suggested_filename == WORKBOOK_NAME
        saved = home / "downloaded.xlsx"
        download.save_as(saved)
    assert saved.read_bytes() == WORKBOOK_BYTES


def test_screenshot_of_the_served_tui(browser: Any, demo_file: Path, home: Path) -> None:
    shot = home / "serve-screenshot.png"
    with serving(str(demo_file), "--lang", "en", home=home) as served:
        page = open_tab(browser, served.url, "Major industrial")
        time.sleep(1.0)  # let the first full frame paint
        page.screenshot(path=str(shot))
        assert page.title().startswith("经开区自评")
    assert shot.stat().st_size > 20_000  # a painted screen, not a blank page
    print(f"screenshot: {shot}")


def lock_is_free(path: Path) -> bool:
    try:
        with AssessmentFile(path):
            return True
    except LockedError:
        return False


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death signal is Linux-only")
@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGHUP], ids=["killed", "hangup"])
def test_tab_processes_end_with_the_server(
    browser: Any, demo_file: Path, home: Path, stop: signal.Signals
) -> None:
    with serving(str(demo_file), home=home) as served:
        open_tab(browser, served.url, READY)
        assert not lock_is_free(demo_file)  # the tab's process holds FILE
        served.process.send_signal(stop)
        served.process.wait(timeout=15)
        assert wait_until(lambda: lock_is_free(demo_file)), "a tab's process outlived the server"


def test_markup_in_the_file_is_shown_literally_in_the_browser(browser: Any, home: Path) -> None:
    """Issue 11.9: a ``[/]`` in the zone name once crashed the tab before it drew anything."""
    from assess.demo import build_demo
    from assess.storage import save

    path = home / "markup.json"
    demo = build_demo(default_checklist())
    demo.zone.name = "区[/]甲[b]乙[/b]"
    for record in demo.items.values():
        for action in record.actions:
            action.text = f"举[@click=app.quit]措[/]{action.text}"
    save(path, demo)
    with serving(str(path), home=home) as served:
        page = open_tab(browser, served.url, READY)
        assert wait_until(lambda: "区[/]甲[b]乙[/b]" in shown(page)), shown(page)[-2000:]
        assert "MarkupError" not in shown(page)
    assert "Traceback" not in served.output()


def test_a_browser_without_the_token_gets_nothing(
    browser: Any, demo_file: Path, home: Path
) -> None:
    with serving(str(demo_file), home=home) as served:
        page = browser.new_page()
        response = page.goto(served.url.split("?")[0])
        assert response.status == 403
        assert "口令" in response.text() and "token" in response.text()  # Chinese first
        page = open_tab(browser, served.url, READY)  # the printed address works…
        page.reload()  # …and a reload (no token in the address any more) keeps working
        page.wait_for_selector("body.-first-byte", timeout=OPEN_TIMEOUT_MS)
        response = page.goto(served.url.split("?")[0])
        assert response.status == 200  # the cookie carries the secret
