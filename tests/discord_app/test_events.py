"""Gateway events that change where alerts can go: a deleted channel, a kicked bot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.discord_app.app import TreatywatchBot
from tests.fakes.discord_server import FakeDiscord


async def eventually(check: Callable[[], Awaitable[bool]], tries: int = 250) -> None:
    """The bot handles gateway events in its own time: poll the database for the effect."""
    for _ in range(tries):
        if await check():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("the expected change never happened")


async def test_a_deleted_channel_disables_its_subscription(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    store = running_bot.store
    await store.subscribe(world.newsroom.id, world.alerts.id)

    async def disabled() -> bool:
        sub = await store.get_subscription(world.alerts.id)
        return sub is not None and sub.state == "disabled"

    await fake_discord.delete_channel(world.alerts)
    await eventually(disabled)
    sub = await store.get_subscription(world.alerts.id)
    assert sub is not None and sub.state_reason == "the channel was deleted"


async def test_removal_from_a_server_drops_its_subscriptions(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    store = running_bot.store
    await store.subscribe(world.newsroom.id, world.alerts.id)
    await store.subscribe(world.other.id, world.general.id)

    async def dropped() -> bool:
        return await store.get_subscription(world.alerts.id) is None

    await fake_discord.remove_bot(world.newsroom)
    await eventually(dropped)
    assert [s.channel_id for s in await store.list_subscriptions()] == [world.general.id]
