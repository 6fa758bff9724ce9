"""The user's language: one type, passed the same way to every adapter."""

from __future__ import annotations

from enum import StrEnum


class Lang(StrEnum):
    """Chinese first; English complete."""

    ZH = "zh"
    EN = "en"

    @classmethod
    def parse(cls, value: str) -> Lang:
        """``zh``/``en`` as typed on a command line (case and spaces ignored)."""
        return cls(value.strip().lower())
