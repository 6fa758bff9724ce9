"""Helpers shared by the sub-commands: loading with messages, writing outputs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from assess.checklist import Checklist
from assess.cli.safe_text import terminal_safe
from assess.errors import AssessError
from assess.resources import default_checklist
from assess.storage import Loaded, load


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the bilingual help text's line breaks."""


def checklist() -> Checklist:
    return default_checklist()


def load_reporting(path: Path) -> Loaded:
    """Load an assessment, telling the user on stderr about checklist-version migration."""
    loaded = load(path, checklist())
    if loaded.migration is not None:
        for line in loaded.migration.messages():
            print(f"提示 / note: {path}: {line}", file=sys.stderr)
    return loaded


def refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise AssessError(
            f"{path}: 文件已存在，未覆盖；换个文件名或加 --force "
            f"/ file exists and was not overwritten; choose another name or pass --force"
        )


def add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default="zh",
        help="输出语言 / output language (default zh)",
    )


class SafeStream:
    """A text stream that shows control characters from file text instead of obeying them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        lead = "\r" if text.startswith("\r") else ""  # our own progress line rewrites itself
        return self._stream.write(lead + terminal_safe(text[len(lead) :]))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def safe_output() -> Iterator[None]:
    """While a command prints, escape control characters on stdout and stderr."""
    saved = sys.stdout, sys.stderr
    sys.stdout = SafeStream(saved[0])
    sys.stderr = SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
