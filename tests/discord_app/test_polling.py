"""The scheduler path end to end: a feed served on loopback is polled by the scheduler, the
claim pipeline judges it, and every alert reaches every subscribed channel exactly once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.clock import FrozenClock
from bot.config import Config
from bot.discord_app.app import TreatywatchBot
from bot.discord_app.polling import PipelinePoller
from tests.fakes.discord_server import FakeDiscord, alert_ids
from tests.fakes.fixtures import start_bot

EXAMPLE_FEED = (Path(__file__).parents[2] / "examples" / "treaty-news.xml").read_bytes()


@pytest.fixture
async def feed_server() -> AsyncIterator[TestServer]:
    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=EXAMPLE_FEED, content_type="application/rss+xml")

    async def broken(_: web.Request) -> web.Response:
        return web.Response(status=500, text="down")

    app = web.Application()
    app.router.add_get("/feed.xml", feed)
    app.router.add_get("/broken.xml", broken)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def polling_bot(
    fake_discord: FakeDiscord,
    bot_config: Config,
    feed_server: TestServer,
    frozen_clock: FrozenClock,
) -> AsyncIterator[TreatywatchBot]:
    async with start_bot(
        fake_discord,
        bot_config,
        clock=frozen_clock,
        poller=PipelinePoller(),
        allowed_hosts=[f"127.0.0.1:{feed_server.port}"],
    ) as bot:
        yield bot


async def test_a_poll_posts_each_alert_once_per_subscription(
    polling_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    world = fake_discord.world
    store = polling_bot.store
    await store.subscribe(world.newsroom.id, world.alerts.id)
    await store.subscribe(world.other.id, world.general.id)
    feed = await store.add_feed(f"http://127.0.0.1:{feed_server.port}/feed.xml")
    polling_bot.schedule_feed(feed, first_in=0)

    async def settled() -> int:
        # Wait until the poll stored its alerts and the outbox is empty.
        while True:
            counts = await store.counts()
            fetched = await store.get_feed(feed.id)
            if (
                fetched
                and fetched.last_success_at
                and counts.alerts
                and not counts.pending_deliveries
            ):
                return counts.alerts
            await asyncio.sleep(0.05)

    alerts = await asyncio.wait_for(settled(), 60)
    for channel in (world.alerts, world.general):
        posted = fake_discord.channel_messages(channel.id)
        # Packed as they come (one document's alerts at a time, 10 at most to a message),
        # and each alert in exactly one message.
        assert -(-alerts // 10) <= len(posted) <= alerts
        carried = [a for m in posted for a in alert_ids(m)]
        assert sorted(carried) == list(range(1, alerts + 1))
        assert len({m["nonce"] for m in posted}) == len(posted)
        assert all(m["allowed_mentions"] == {"parse": []} for m in posted)
    titles = {
        e["title"].split(" · ")[0]
        for m in fake_discord.channel_messages(world.alerts.id)
        for e in m["embeds"]
    }
    assert titles == {"🆕 NEW claim", "⚠️ CONTRADICTING claim"}

    # A second poll of the same feed adds nothing.
    before = len(fake_discord.requests_matching("POST", "/channels/*/messages"))
    await polling_bot.poll_feed(feed.id)
    await polling_bot.dispatch_outbox()
    assert (await store.counts()).alerts == alerts
    assert len(fake_discord.requests_matching("POST", "/channels/*/messages")) == before


async def test_a_failing_poll_is_recorded(
    polling_bot: TreatywatchBot, feed_server: TestServer
) -> None:
    store = polling_bot.store
    feed = await store.add_feed(f"http://127.0.0.1:{feed_server.port}/broken.xml")
    await polling_bot.poll_feed(feed.id)
    row = await store.get_feed(feed.id)
    assert row is not None and row.failure_count == 1 and row.last_error
    assert row.next_poll_at is not None and row.next_poll_at > polling_bot.clock.now()
    # Backing off: the next scheduled run before next_poll_at does not fetch.
    await polling_bot.poll_feed(feed.id)
    row = await store.get_feed(feed.id)
    assert row is not None and row.failure_count == 1
