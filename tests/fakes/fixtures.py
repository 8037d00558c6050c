"""Pytest fixtures for driving code against the loopback fake of Discord.

Import them into a ``conftest.py``: ``from tests.fakes.fixtures import fake_discord``.
The fixtures also point discord.py's class-level endpoints at the fake and put them back.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import discord
import pytest
import yarl

from tests.fakes.discord_server import FakeDiscord


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A started fake; discord.py's REST base and gateway point at it for the test."""
    fake = FakeDiscord()
    await fake.start()
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base_url)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
    )
    try:
        yield fake
    finally:
        await fake.stop()
