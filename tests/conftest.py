"""Fixtures shared by every test: an isolated environment and a frozen clock."""

from __future__ import annotations

import pytest

from bot.clock import FrozenClock


@pytest.fixture(autouse=True)
def _isolated_environment(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep the developer's token and real database out of reach of every test."""
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.delenv("TREATYWATCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))


@pytest.fixture
def frozen_clock() -> FrozenClock:
    """A clock standing still at 2025-01-20 12:00 UTC until a test advances it."""
    return FrozenClock()
