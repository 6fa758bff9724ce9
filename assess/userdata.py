"""Where the user's own files live: the demo copy (no import beyond the standard library, as
the launcher looks for it before anything else loads)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_data_dir() -> Path:
    """Where the user's own copy of the demo lives (XDG / AppData / Application Support)."""
    home = Path.home()
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming") / "assess"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "assess"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "assess"


def demo_path() -> Path:
    """The user's copy of the demo (``assess`` without a file opens it)."""
    return user_data_dir() / "demo.json"
