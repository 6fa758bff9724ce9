"""The architecture, enforced: the core imports no adapter library, the light commands stay light.

Each check runs in a fresh interpreter, so a module some other test already imported cannot
hide an import (the check harlequin makes for its own lazy imports).
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import assess
import assess.texts

ADAPTER_LIBRARIES = ("textual", "rich", "openpyxl", "aiohttp", "docx", "textual_serve")
ADAPTERS = {"cli", "tui", "excel", "word", "serve"}


def core_modules() -> list[str]:
    """Every module of the core: ``assess/*.py`` and the text catalog (not the adapter packages)."""
    names = [
        f"assess.{m.name}"
        for m in pkgutil.iter_modules(assess.__path__)
        if m.name not in ADAPTERS | {"__main__"} and not m.ispkg
    ]
    names += [f"assess.texts.{m.name}" for m in pkgutil.iter_modules(assess.texts.__path__)]
    return sorted(names)


def loaded_after(code: str, *args: str) -> list[str]:
    """The adapter libraries in ``sys.modules`` after running ``code`` in a new interpreter."""
    probe = (
        f"import sys\n{code}\n"
        f"print(json.dumps([m for m in {ADAPTER_LIBRARIES!r} if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + probe, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_the_core_is_found() -> None:
    modules = core_modules()
    assert {"assess.storage", "assess.scoring", "assess.texts.catalog"} <= set(modules)
    assert not [m for m in modules if m.split(".")[1] in ADAPTERS]


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_no_adapter_library(module: str) -> None:
    assert loaded_after(f"import {module}") == []


RUN_MAIN = "from assess.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass"
VALID = str(Path(__file__).parent / "hostile" / "valid-minimal.json")


@pytest.mark.parametrize(
    "args",
    [["--help"], ["validate", VALID], ["summary", VALID], ["--lang", "en", "summary", VALID]],
    ids=["help", "validate", "summary", "summary-en"],
)
def test_light_commands_load_no_workbook_or_ui_library(args: list[str]) -> None:
    assert loaded_after(RUN_MAIN, *args) == []


OPEN_NEEDS_NOT = (
    "openpyxl", "docx", "aiohttp", "textual_serve", "assess.excel", "assess.word",
    "assess.serve", "assess.compare", "assess.rollup", "assess.demo", "assess.lifecycle",
    "assess.cli.compare_text", "assess.cli.report_text", "assess.tui.compare_screen",
)  # fmt: skip


def test_open_loads_only_what_the_tui_needs(tmp_path: Path) -> None:
    """``assess open`` starts in a real terminal as fast as it can: the workbook, report,
    compare and roll-up code loads when first used, not before the window shows."""
    probe = (
        f"import sys\n{RUN_MAIN}\n"
        f"print(json.dumps([m for m in {OPEN_NEEDS_NOT!r} if m in sys.modules]))\n"
        "print('textual' in sys.modules)"
    )
    missing = str(tmp_path / "missing.json")  # fails after the TUI is imported, before it draws
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + probe, "open", missing],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    *_, loaded, textual_loaded = result.stdout.strip().splitlines()
    assert textual_loaded == "True"  # the probe did reach the TUI
    assert json.loads(loaded) == []


def test_the_windows_first_frame_needs_no_core() -> None:
    """``assess open`` draws its first frame before pydantic and the models are imported: the
    window's module and its launcher import neither (the forked child does, meanwhile)."""
    probe = (
        "import sys\nimport assess.tui.launch, assess.tui.app, assess.tui.first_frame\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'"
        " or m in ('assess.models', 'assess.checklist', 'assess.storage', 'assess.tui.detail'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + probe],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
