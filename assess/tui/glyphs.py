"""The status glyphs of the tree and the dashboard (no import beyond the enumerations)."""

from __future__ import annotations

from assess.states import Status

GLYPHS: dict[Status, tuple[str, str]] = {
    Status.DONE: ("●", "bold green"),
    Status.IN_PROGRESS: ("◐", "bold yellow"),
    Status.NOT_STARTED: ("○", "bold red"),
    Status.NOT_APPLICABLE: ("–", "grey50"),
    Status.NOT_ASSESSED: ("·", "dim"),
}
NOT_FOR_ZONE = "⊘"  # the item does not apply to this zone's profile
