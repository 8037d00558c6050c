"""Pytest fixtures for driving code against the loopback fake of Discord.

Import them into a ``conftest.py`` (``from tests.fakes.fixtures import fake_discord, ...``).
``fake_discord`` points discord.py's class-level endpoints at the fake and puts them back;
``bot_config`` and ``running_bot`` start the real :class:`TreatywatchBot` against it, with a
real SQLite file under ``tmp_path``, wait for READY and always close it.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import discord
import pytest
import yarl

from bot.clock import FrozenClock
from bot.config import Config, DeliveryConfig, DiscordConfig, StorageConfig
from bot.discord_app.app import TreatywatchBot, apply_endpoints
from tests.fakes.discord_server import FakeDiscord


@pytest.fixture
async def fake_discord(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    """A started fake; discord.py's REST base and gateway point at it for the test."""
    fake = FakeDiscord()
    await fake.start()
    # monkeypatch restores the class attributes the bot's apply_endpoints() overwrites.
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base_url)
    monkeypatch.setattr(
        discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
    )
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def bot_config(fake_discord: FakeDiscord, tmp_path: Path) -> Config:
    """A config pointing at the fake, with a database in ``tmp_path``.

    The dispatcher runs every 50 ms so scheduler-driven tests stay fast.
    """
    return Config(
        storage=StorageConfig(database=tmp_path / "treatywatch.sqlite3"),
        discord=DiscordConfig(
            api_base_url=fake_discord.api_base_url, gateway_url=fake_discord.gateway_url
        ),
        delivery=DeliveryConfig(interval_seconds=0.05, retry_base_seconds=5.0),
    )


@contextlib.asynccontextmanager
async def start_bot(
    fake: FakeDiscord, config: Config, **kwargs: Any
) -> AsyncIterator[TreatywatchBot]:
    """Start a TreatywatchBot against ``fake``; yields it once READY; always closes it."""
    apply_endpoints(config.discord)
    kwargs.setdefault("clock", FrozenClock())
    kwargs.setdefault("rng", random.Random(0))
    bot = TreatywatchBot(config, guild_ready_timeout=0.01, **kwargs)
    task = asyncio.create_task(bot.start(fake.token))
    try:
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=10, return_when="FIRST_COMPLETED")
        if task in done:
            task.result()  # the bot died while starting: show why
        if ready not in done:
            ready.cancel()
            raise TimeoutError("the bot did not become ready")
        yield bot
    finally:
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.fixture
async def running_bot(
    fake_discord: FakeDiscord, bot_config: Config, frozen_clock: FrozenClock
) -> AsyncIterator[TreatywatchBot]:
    """The real bot, logged in to the fake, READY, with commands synced."""
    async with start_bot(fake_discord, bot_config, clock=frozen_clock) as bot:
        yield bot


def with_delivery(config: Config, **changes: Any) -> Config:
    return replace(config, delivery=replace(config.delivery, **changes))
