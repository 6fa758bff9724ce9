"""A demo file built with a fixed day, and the app opened on it as the CLI would."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import TODAY

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


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests here with asyncio (Pilot needs a loop; no plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True
