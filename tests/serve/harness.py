"""Start ``assess serve`` on a free loopback port in a subprocess, as a user would."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def assess_argv(*args: str, tab_app: Path | None = None) -> list[str]:
    """``python -m assess ARGS``; with ``tab_app``, each tab runs that script instead of the TUI."""
    if tab_app is None:
        return [sys.executable, "-m", "assess", *args]
    launch = (
        "import shlex, sys; import assess.serve.server as s; "
        "s.tui_command = lambda p, lang: 'exec ' + shlex.join([sys.executable, sys.argv[1], str(p)]); "
        "from assess.cli import main; raise SystemExit(main(sys.argv[2:]))"
    )
    return [sys.executable, "-c", launch, str(tab_app), *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Served:
    url: str
    process: subprocess.Popen[bytes]
    log: Path
    port: int = 0
    token: str = ""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def env_for(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), PYTHONIOENCODING="utf-8")
    return env


def run_assess(*args: str, home: Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """Run ``assess ARGS`` to completion (for commands that fail before serving)."""
    return subprocess.run(
        assess_argv(*args),
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env_for(home),
        cwd=home,
        timeout=timeout,
    )


@contextlib.contextmanager
def serving(
    *args: str, home: Path, port: int | None = None, tab_app: Path | None = None
) -> Iterator[Served]:
    """``assess serve ARGS --port P`` in a subprocess, until the page answers; stopped after."""
    port = port or free_port()
    log = home / f"serve-{port}.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            assess_argv("serve", *args, "--port", str(port), tab_app=tab_app),
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env_for(home),
            cwd=home,
        )
    served = Served(f"http://127.0.0.1:{port}/", process, log, port)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"assess serve exited early:\n{served.output()}")
            if not served.token:  # the secret is only in the address the server prints
                found = re.search(r"/\?token=([A-Za-z0-9_-]+)", served.output())
                if found is None:
                    if time.monotonic() > deadline:
                        pytest.fail(f"assess serve printed no address:\n{served.output()}")
                    time.sleep(0.1)
                    continue
                served.token = found.group(1)
                served.url = f"http://127.0.0.1:{port}/?token={served.token}"
            try:
                with urllib.request.urlopen(served.url, timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError):
                if time.monotonic() > deadline:
                    pytest.fail(f"assess serve did not answer:\n{served.output()}")
                time.sleep(0.1)
        yield served
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
