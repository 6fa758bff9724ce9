"""Helpers shared by the sub-commands: loading with messages, writing outputs."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TextIO

from assess.checklist import Checklist
from assess.cli.safe_text import terminal_safe
from assess.errors import AssessError, Message
from assess.lang import Lang
from assess.resources import default_checklist
from assess.storage import Loaded, load
from assess.texts import cli as texts
from assess.texts.catalog import Text, Texts

LANG_CHOICES = tuple(lang.value for lang in Lang)


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the bilingual help text's line breaks."""


# argparse's error sentences (Python 3.11–3.13) → the catalog's, with their parts
_ARGPARSE_ERRORS: tuple[tuple[re.Pattern[str], Text], ...] = (
    (re.compile(r"the following arguments are required: (?P<args>.+)"), texts.ARGS_REQUIRED),
    (re.compile(r"unrecognized arguments: (?P<args>.+)"), texts.ARGS_UNKNOWN),
    (
        re.compile(
            r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)"
        ),
        texts.ARG_BAD_CHOICE,
    ),
    (re.compile(r"argument (?P<arg>\S+): expected one argument"), texts.ARG_NO_VALUE),
    (re.compile(r"argument (?P<arg>\S+): invalid \w+ value: (?P<value>.+)"), texts.ARG_BAD_VALUE),
    (re.compile(r"one of the arguments (?P<args>.+) is required"), texts.ARGS_ONE_OF),
    (
        re.compile(r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)"),
        texts.ARGS_EXCLUSIVE,
    ),
    (
        re.compile(r"argument (?P<arg>\S+): ignored explicit argument '(?P<value>.*)'"),
        texts.ARG_NO_EXPLICIT,
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)"),
        texts.ARG_AMBIGUOUS,
    ),
)


class Parser(argparse.ArgumentParser):
    """argparse, with its own (English) errors said in both languages, as the help is: which
    language the user wants is not known before the arguments are read."""

    def error(self, message: str) -> NoReturn:
        for pattern, entry in _ARGPARSE_ERRORS:
            found = pattern.fullmatch(message)
            if found:
                message = Message(entry, found.groupdict()).both()
                break
        super().error(message)


def checklist() -> Checklist:
    return default_checklist()


def note(t: Texts, line: str, *, stdout: bool = False) -> None:
    """A note, on stderr unless it belongs to the command's report (then stdout)."""
    print(f"{t(texts.NOTE)}{t.colon}{line}", file=sys.stdout if stdout else sys.stderr)


def load_reporting(path: Path, t: Texts) -> Loaded:
    """Load an assessment, telling the user on stderr about checklist-version migration."""
    loaded = load(path, checklist())
    if loaded.migration is not None:
        for line in loaded.migration.messages():  # both languages: made by the migration
            note(t, f"{path}: {line}")
    return loaded


def refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise AssessError(texts.FILE_EXISTS, path=path)


def require_suffix(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise AssessError(texts.MUST_END_IN, path=path, suffix=suffix)


def both(entry: Text) -> str:
    """Chinese / English: for help texts, which are read before a language is chosen."""
    zh, en = Texts(Lang.ZH)(entry), Texts(Lang.EN)(entry)
    return f"{zh} / {en}"


def add_lang(parser: argparse.ArgumentParser) -> None:
    """``--lang`` after the command; the CLI checks it agrees with one before the command."""
    parser.add_argument("--lang", choices=LANG_CHOICES, default=None, help=both(texts.LANG_HELP))


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
