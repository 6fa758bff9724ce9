"""The ``assess`` command and ``python -m assess``: start-up with the collector paused, the
window (``assess``, ``assess open FILE``) through ``tui.launch``, all else through the CLI."""

from __future__ import annotations

import sys


def main() -> int:
    from assess import startup

    startup.pause()  # before the imports below, which make most of what start-up makes
    try:
        from assess.tui.launch import launch

        code = launch(sys.argv[1:])  # the window, its first frame drawn before the core loads
        if code is not None:
            return code
        from assess.cli import main as run

        return run()
    finally:
        startup.resume()


if __name__ == "__main__":
    raise SystemExit(main())
