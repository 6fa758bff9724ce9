"""A demo file built with a fixed day, and the app opened on it as the CLI would."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from tui_helpers import TODAY, until

from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import save
from assess.tui.app import AssessApp, open_app


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    save(path, build_demo(default_checklist(), TODAY))
    return path


@pytest.fixture
def app(demo_path: Path) -> Iterator[AssessApp]:
    application = open_app(demo_path, today=TODAY)
    yield application
    application.session.close()


@pytest.fixture(autouse=True)
def started_apps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test drives a started app: the form is built after the first frame
    (``AssessApp._start``), so a test's first key could otherwise come before it, on a loaded
    machine. (A test of the start itself calls ``App.run_test``, which does not wait.)"""

    @contextlib.asynccontextmanager
    async def run_test(self: AssessApp, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot[None]]:
        async with App.run_test(self, *args, **kwargs) as pilot:
            await until(pilot, lambda: self._started)
            yield pilot

    monkeypatch.setattr(AssessApp, "run_test", run_test)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests here with asyncio (Pilot needs a loop; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True
