"""The ``assess`` command and ``python -m assess``: start-up with the collector paused."""

from __future__ import annotations


def main() -> int:
    from assess import startup

    startup.pause()  # before the imports below, which make most of what start-up makes
    try:
        from assess.cli import main as run

        return run()
    finally:
        startup.resume()


if __name__ == "__main__":
    raise SystemExit(main())
