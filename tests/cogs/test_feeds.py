"""/feeds add, remove and list, with a feed served on loopback and Discord faked."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.clock import FrozenClock
from bot.config import Config
from bot.discord_app.app import TreatywatchBot, poll_job_id
from tests.fakes.discord_server import MANAGE_GUILD, FakeDiscord
from tests.fakes.fixtures import start_bot

EPHEMERAL = 64
RSS = b"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Treaty @everyone News</title>
<item><guid>a</guid><title>Oldest</title><pubDate>Fri, 17 Jan 2025 10:00:00 GMT</pubDate>
<description>Russia and Iran signed the treaty in Moscow.</description></item>
<item><guid>b</guid><title>Middle</title><pubDate>Sat, 18 Jan 2025 10:00:00 GMT</pubDate>
<description>The treaty runs for 20 years.</description></item>
<item><guid>c</guid><title>Newest</title><pubDate>Sun, 19 Jan 2025 10:00:00 GMT</pubDate>
<description>The Duma will debate ratification.</description></item>
</channel></rss>"""


@pytest.fixture
async def feed_server() -> AsyncIterator[TestServer]:
    async def feed(_: web.Request) -> web.Response:
        return web.Response(body=RSS, content_type="application/rss+xml")

    async def page(_: web.Request) -> web.Response:
        return web.Response(text="<html><body>No feed here</body></html>", content_type="text/html")

    app = web.Application()
    app.router.add_get("/feed.xml", feed)
    app.router.add_get("/page", page)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        yield server
    finally:
        await server.close()


@pytest.fixture
async def feed_bot(
    fake_discord: FakeDiscord,
    bot_config: Config,
    feed_server: TestServer,
    frozen_clock: FrozenClock,
) -> AsyncIterator[TreatywatchBot]:
    allowed = [f"127.0.0.1:{feed_server.port}"]
    async with start_bot(
        fake_discord, bot_config, clock=frozen_clock, allowed_hosts=allowed
    ) as bot:
        yield bot


def url(server: TestServer, path: str = "/feed.xml") -> str:
    return f"http://127.0.0.1:{server.port}{path}"


async def test_add_records_entries_without_alerting(
    feed_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    inter = await fake_discord.invoke("feeds add", {"url": url(feed_server)})
    deferred = await inter.response()
    assert deferred["type"] == 5  # deferred first: fetching may take seconds
    assert deferred["data"]["flags"] == EPHEMERAL
    (followup,) = await inter.followups()
    assert followup["flags"] == EPHEMERAL
    assert "3 current entries recorded without alerts" in followup["content"]
    assert "@everyone" not in followup["content"]
    feed = await feed_bot.store.get_feed(url(feed_server))
    assert feed is not None and feed.guild_id == fake_discord.world.newsroom.id
    assert await feed_bot.store.known_guids(feed.id) == {"a", "b", "c"}
    assert feed_bot.scheduler is not None
    assert feed_bot.scheduler.get_job(poll_job_id(feed.id)) is not None


async def test_add_with_backfill_leaves_the_newest_for_the_first_poll(
    feed_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    inter = await fake_discord.invoke("feeds add", {"url": url(feed_server), "backfill": 2})
    (followup,) = await inter.followups()
    assert "1 current entries" in followup["content"]
    assert "newest 2" in followup["content"]
    feed = await feed_bot.store.get_feed(url(feed_server))
    assert feed is not None
    assert await feed_bot.store.known_guids(feed.id) == {"a"}


async def test_add_refuses_private_addresses(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    # running_bot has no loopback exemption: the SSRF guard refuses the same URL.
    inter = await fake_discord.invoke("feeds add", {"url": url(feed_server)})
    (followup,) = await inter.followups()
    assert followup["flags"] == EPHEMERAL
    assert "Refused" in followup["content"]
    assert await running_bot.store.list_feeds() == []


@pytest.mark.parametrize(
    "bad", ["javascript:alert(1)", "ftp://example.com/feed", "not a url at all"]
)
async def test_add_refuses_non_http_urls(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, bad: str
) -> None:
    inter = await fake_discord.invoke("feeds add", {"url": bad})
    (followup,) = await inter.followups()
    assert followup["flags"] == EPHEMERAL
    assert "reference" not in followup["content"]
    assert await running_bot.store.list_feeds() == []


async def test_add_explains_a_web_page(
    feed_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    inter = await fake_discord.invoke("feeds add", {"url": url(feed_server, "/page")})
    (followup,) = await inter.followups()
    assert "reference" not in followup["content"]
    assert await feed_bot.store.list_feeds() == []


async def test_feeds_need_manage_server(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    assert int(fake_discord.command("feeds")["default_member_permissions"]) == MANAGE_GUILD
    inter = await fake_discord.invoke(
        "feeds add", {"url": "https://example.com/feed"}, user=fake_discord.world.reader
    )
    data = (await inter.response())["data"]
    assert data["flags"] == EPHEMERAL
    assert "Manage Server" in data["content"]


async def test_remove_with_autocomplete(
    feed_bot: TreatywatchBot, fake_discord: FakeDiscord, feed_server: TestServer
) -> None:
    store = feed_bot.store
    guild_id = fake_discord.world.newsroom.id
    ours = await store.add_feed("https://a.example/feed", "Alpha Wire", guild_id)
    await store.add_feed("https://b.example/feed", "Beta Post", fake_discord.world.other.id)
    feed_bot.schedule_feed(ours)
    suggest = await fake_discord.invoke("feeds remove", {"feed": "alp"}, focused="feed")
    body = await suggest.response()
    assert body["type"] == 8
    assert body["data"]["choices"] == [{"name": "Alpha Wire", "value": str(ours.id)}]
    inter = await fake_discord.invoke("feeds remove", {"feed": str(ours.id)})
    assert "Stopped watching **Alpha Wire**" in (await inter.response())["data"]["content"]
    assert await store.get_feed(ours.id) is None
    assert feed_bot.scheduler is not None
    assert feed_bot.scheduler.get_job(poll_job_id(ours.id)) is None


async def test_remove_refuses_config_and_other_servers_feeds(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    store = running_bot.store
    from_config = await store.add_feed("https://c.example/feed", "From Config")
    theirs = await store.add_feed("https://d.example/feed", "Theirs", fake_discord.world.other.id)
    for feed, words in ((from_config, "configuration file"), (theirs, "another server")):
        inter = await fake_discord.invoke("feeds remove", {"feed": str(feed.id)})
        data = (await inter.response())["data"]
        assert data["flags"] == EPHEMERAL and words in data["content"]
        assert await store.get_feed(feed.id) is not None
    unknown = await fake_discord.invoke("feeds remove", {"feed": "424242"})
    assert "No such feed" in (await unknown.response())["data"]["content"]


async def test_list_shows_health(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    store = running_bot.store
    feed = await store.add_feed("https://a.example/feed", "Alpha **Wire**")
    await store.record_fetch_failure(feed.id, "HTTP 500 <@&1>", frozen_clock.now())
    inter = await fake_discord.invoke("feeds list")
    data = (await inter.response())["data"]
    assert data["flags"] == EPHEMERAL
    (field,) = data["embeds"][0]["fields"]
    assert field["name"] == "Alpha **Wire**"  # field names show no markdown
    assert "failures in a row: 1" in field["value"]
    assert "HTTP 500" in field["value"] and "<@&1>" not in field["value"]
    assert "<https://a.example/feed>" in field["value"]


async def test_list_when_empty(running_bot: TreatywatchBot, fake_discord: FakeDiscord) -> None:
    inter = await fake_discord.invoke("feeds list")
    assert "/feeds add" in (await inter.response())["data"]["content"]
