"""Fixtures for comparison and roll-up tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from assess.resources import default_checklist
from tests.compare.builders import generate_zones, write_zones


@pytest.fixture(scope="session")
def zone_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """232 generated zone files across every province, written once per test session."""
    folder = tmp_path_factory.mktemp("zones")
    write_zones(folder, generate_zones(default_checklist()))
    return folder
