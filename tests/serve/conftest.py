"""Fixtures for the ``assess serve`` tests: a home folder, a demo file, a headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import save
from tests.serve.harness import CHROMIUM, CHROMIUM_FLAGS


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def demo_file(home: Path) -> Path:
    path = home / "示例 经开区's file.json"  # a space, a quote and Chinese: the shell must cope
    save(path, build_demo(default_checklist()))
    return path


# Every byte a tab's terminal receives, as text, so tests can read what the canvas shows.
RECORD_TERMINAL = """
window.__terminalBytes = "";
const NativeWebSocket = window.WebSocket;
window.WebSocket = function (...args) {
  const socket = new NativeWebSocket(...args);
  const decoder = new TextDecoder();
  socket.addEventListener("message", (event) => {
    if (typeof event.data !== "string") {
      window.__terminalBytes += decoder.decode(event.data, { stream: true });
    }
  });
  return socket;
};
window.WebSocket.prototype = NativeWebSocket.prototype;
"""


def missing(reason: str) -> NoReturn:
    """Skip on a developer's machine; in CI a missing browser is a setup error, not a pass."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    """A fresh headless Chromium profile (Debian's chromium; Playwright downloads nothing)."""
    if CHROMIUM is None:
        missing("chromium is not installed (apt-get install chromium); .ci/run installs it")
    try:
        from playwright import sync_api
    except ImportError:
        missing("playwright is not installed (pip install -e '.[test]')")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1280, "height": 800},
        )
        context.add_init_script(RECORD_TERMINAL)
        try:
            yield context
        finally:
            context.close()
