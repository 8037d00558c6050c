"""The fake must behave like Discord where discord.py can tell; checked with a plain client."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from collections.abc import AsyncIterator

import aiohttp
import discord
import pytest
from discord.ext import commands

from tests.fakes.discord_server import FakeDiscord


@pytest.fixture
async def client(fake_discord: FakeDiscord) -> AsyncIterator[commands.Bot]:
    bot = commands.Bot(
        command_prefix=commands.when_mentioned,
        intents=discord.Intents.none() | discord.Intents(guilds=True),
        guild_ready_timeout=0.01,
    )
    seen: list[str] = []

    @bot.tree.command(description="answers")
    async def ping(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        seen.append(channel.name)
        await interaction.response.send_message(f"pong {channel.mention}", ephemeral=True)

    async def setup_hook() -> None:
        await bot.tree.sync()

    bot.setup_hook = setup_hook  # type: ignore[method-assign]
    task = asyncio.create_task(bot.start(fake_discord.token))
    await asyncio.wait_for(bot.wait_until_ready(), 5)
    try:
        yield bot
    finally:
        await bot.close()
        await task


async def test_login_ready_and_guild_create(
    client: commands.Bot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    assert client.user is not None and client.user.id == world.bot.id
    assert client.application_id == world.app_id
    assert {g.id for g in client.guilds} == {world.newsroom.id, world.other.id}
    guild = client.get_guild(world.newsroom.id)
    assert guild is not None and guild.me is not None
    readonly = guild.get_channel(world.readonly.id)
    alerts = guild.get_channel(world.alerts.id)
    assert isinstance(readonly, discord.TextChannel) and isinstance(alerts, discord.TextChannel)
    assert not readonly.permissions_for(guild.me).send_messages
    assert alerts.permissions_for(guild.me).embed_links
    assert [c["name"] for c in fake_discord.commands[None]] == ["ping"]


async def test_slash_command_round_trip(client: commands.Bot, fake_discord: FakeDiscord) -> None:
    inter = await fake_discord.invoke("ping", {"channel": fake_discord.world.readonly})
    body = await inter.response()
    assert body["type"] == 4
    assert body["data"]["flags"] == 64
    assert body["data"]["content"] == f"pong <#{fake_discord.world.readonly.id}>"
    assert inter.message_id() is not None


async def test_429_with_via_is_retried(client: commands.Bot, fake_discord: FakeDiscord) -> None:
    channel = client.get_channel(fake_discord.world.alerts.id)
    assert isinstance(channel, discord.TextChannel)
    fake_discord.fail_next("POST", "/channels/*/messages", status=429, retry_after=0.01)
    await channel.send("after a rate limit")
    statuses = [r.status for r in fake_discord.requests if r.path.endswith("/messages")]
    assert statuses == [429, 200]


async def test_429_without_via_is_raised(client: commands.Bot, fake_discord: FakeDiscord) -> None:
    channel = client.get_channel(fake_discord.world.alerts.id)
    assert isinstance(channel, discord.TextChannel)
    fake_discord.fail_next("POST", "/channels/*/messages", status=429, via=False)
    with pytest.raises(discord.HTTPException) as caught:
        await channel.send("banned")
    assert caught.value.status == 429


@pytest.mark.parametrize(
    ("status", "code", "error"),
    [(403, 50001, discord.Forbidden), (404, 10003, discord.NotFound)],
)
async def test_injected_errors_carry_discord_codes(
    client: commands.Bot,
    fake_discord: FakeDiscord,
    status: int,
    code: int,
    error: type[discord.HTTPException],
) -> None:
    channel = client.get_channel(fake_discord.world.alerts.id)
    assert isinstance(channel, discord.TextChannel)
    fake_discord.fail_next("POST", f"/channels/{channel.id}/messages", status=status)
    with pytest.raises(error) as caught:
        await channel.send("x")
    assert caught.value.code == code
    await channel.send("the failure was used up")


async def test_permissions_are_enforced(client: commands.Bot, fake_discord: FakeDiscord) -> None:
    hidden = client.get_channel(fake_discord.world.hidden.id)
    assert isinstance(hidden, discord.TextChannel)
    with pytest.raises(discord.Forbidden) as caught:
        await hidden.send("x")
    assert caught.value.code == 50001


async def test_repeated_nonce_is_not_posted_twice(
    client: commands.Bot, fake_discord: FakeDiscord
) -> None:
    channel = client.get_channel(fake_discord.world.alerts.id)
    assert isinstance(channel, discord.TextChannel)
    first = await channel.send("once", nonce="7")
    second = await channel.send("once", nonce="7")
    assert first.id == second.id
    assert len(fake_discord.messages) == 1


async def test_dropped_connection_resumes_and_replays(
    client: commands.Bot, fake_discord: FakeDiscord
) -> None:
    await fake_discord.drop_connection()
    inter = await fake_discord.invoke("ping", {"channel": fake_discord.world.alerts})
    await fake_discord.wait_connected()
    assert len(fake_discord.resumes) == 1
    assert len(fake_discord.identifies) == 1
    body = await inter.response()
    assert body["data"]["flags"] == 64


async def test_control_endpoints(client: commands.Bot, fake_discord: FakeDiscord) -> None:
    channel = client.get_channel(fake_discord.world.alerts.id)
    assert isinstance(channel, discord.TextChannel)
    async with aiohttp.ClientSession(fake_discord.base_url) as http:
        spec = {"method": "POST", "pattern": "/channels/*/messages", "status": 404}
        async with http.post("/_fake/fail", json=spec) as resp:
            assert resp.status == 200
        with pytest.raises(discord.NotFound):
            await channel.send("refused")
        await channel.send("accepted")
        async with http.get(f"/_fake/messages?channel={channel.id}") as resp:
            found = await resp.json()
        assert [m["json"]["content"] for m in found] == ["accepted"]
        async with http.post("/_fake/drop") as resp:
            assert resp.status == 200
    await fake_discord.wait_connected()
    assert len(fake_discord.resumes) == 1


def test_runs_as_its_own_process() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.discord_server"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        where = json.loads(proc.stdout.readline())
        assert where["api"].endswith("/api/v10") and where["gateway"].startswith("ws://")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def test_messages_over_discords_limits_are_refused(fake_discord: FakeDiscord) -> None:
    # The fake judges the dispatcher's packing; it must refuse what Discord refuses.
    url = f"{fake_discord.api_base_url}/channels/{fake_discord.world.alerts.id}/messages"
    headers = {"Authorization": f"Bot {fake_discord.token}"}
    eleven = [{"title": str(i)} for i in range(11)]
    over_6000 = [{"description": "x" * 4000}, {"description": "y" * 1990, "title": "t" * 11}]
    # 2,049 characters but 4,098 UTF-16 units: counted strictly, as our renderer counts.
    astral = [{"description": "\U0001f4f0" * 2049}]
    fits = [{"description": "x" * 4000}, {"description": "y" * 1990, "title": "t" * 10}]
    async with aiohttp.ClientSession(headers=headers) as http:
        for embeds, status in ((eleven, 400), (over_6000, 400), (astral, 400), (fits, 200)):
            async with http.post(url, json={"embeds": embeds}) as resp:
                body = await resp.json()
                assert resp.status == status, (len(embeds), body)
                if status == 400:
                    assert body["code"] == 50035


async def test_rate_limits_tell_and_enforce() -> None:
    fake = FakeDiscord(rate_limits=True)
    await fake.start()
    try:
        headers = {"Authorization": f"Bot {fake.token}"}
        url = f"{fake.api_base_url}/channels/{fake.world.alerts.id}/messages"
        async with aiohttp.ClientSession(headers=headers) as http:
            remaining = []
            for _ in range(6):
                async with http.post(url, json={"content": "hi"}) as resp:
                    remaining.append((resp.status, resp.headers.get("X-RateLimit-Remaining")))
            assert remaining[:5] == [(200, str(n)) for n in (4, 3, 2, 1, 0)]
            assert remaining[5] == (429, "0")
            # 50 requests a second in all: the next ones are refused as global.
            statuses = []
            for _ in range(50):
                async with http.get(f"{fake.api_base_url}/users/@me") as resp:
                    statuses.append(resp.status)
                    if resp.status == 429:
                        assert (await resp.json())["global"] is True
            assert statuses.count(429) >= 1
        assert fake.rate_limited["channel"] == 1 and fake.rate_limited["global"] >= 1
    finally:
        await fake.stop()
