"""The bot's lifecycle against the fake: login, READY, command sync, scheduler, shutdown."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from dataclasses import replace

import discord
import pytest

from bot.config import Config
from bot.discord_app.app import (
    DIGEST_JOB,
    DISPATCH_JOB,
    TreatywatchBot,
    extension_names,
    poll_job_id,
    run_bot,
)
from bot.errors import ConfigError
from tests.fakes.discord_server import FakeDiscord
from tests.fakes.fixtures import start_bot

EXPECTED_COMMANDS = {
    "subscribe",
    "unsubscribe",
    "subscriptions",
    "feeds",
    "status",
    "lookup",
    "digest",
}


async def test_login_ready_and_sync(running_bot: TreatywatchBot, fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    assert running_bot.user is not None and running_bot.user.id == world.bot.id
    assert {g.id for g in running_bot.guilds} == {world.newsroom.id, world.other.id}
    paths = [r.path for r in fake_discord.requests]
    assert paths[:2] == ["/users/@me", "/oauth2/applications/@me"]
    assert f"/applications/{world.app_id}/commands" in paths
    assert {c["name"] for c in fake_discord.commands[None]} == EXPECTED_COMMANDS


async def test_minimal_intents_and_no_pings_by_default(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    identify = fake_discord.identifies[0]
    assert identify["intents"] == discord.Intents(guilds=True).value
    mentions = running_bot.allowed_mentions
    assert mentions is not None and mentions.to_dict() == {"parse": []}


async def test_every_cog_is_loaded(running_bot: TreatywatchBot) -> None:
    assert set(running_bot.extensions) == set(extension_names())
    assert {"cogs.subscriptions", "cogs.feeds", "cogs.status", "cogs.lookup", "cogs.digest"} <= set(
        running_bot.extensions
    )


async def test_scheduler_runs_dispatcher_digest_and_feed_jobs(
    running_bot: TreatywatchBot,
) -> None:
    scheduler = running_bot.scheduler
    assert scheduler is not None and scheduler.running
    assert scheduler.get_job(DISPATCH_JOB) is not None
    assert scheduler.get_job(DIGEST_JOB) is not None
    feed = await running_bot.store.add_feed("https://news.example/feed.xml")
    running_bot.schedule_feed(feed)
    assert scheduler.get_job(poll_job_id(feed.id)) is not None
    running_bot.unschedule_feed(feed.id)
    assert scheduler.get_job(poll_job_id(feed.id)) is None


async def test_close_stops_everything_in_reverse_order(
    running_bot: TreatywatchBot,
) -> None:
    scheduler = running_bot.scheduler
    store = running_bot.store
    await running_bot.close()
    assert scheduler is not None and not scheduler.running
    assert running_bot.is_closed()
    assert running_bot.extensions == {}
    with pytest.raises(Exception, match="closed"):
        await store.list_feeds()


async def test_run_bot_explains_a_refused_token(
    fake_discord: FakeDiscord, bot_config: Config
) -> None:
    with pytest.raises(ConfigError, match="refused the token"):
        await asyncio.wait_for(run_bot(bot_config, "wrong-token"), 10)
    assert fake_discord.identifies == []


async def test_run_bot_logs_in_and_stops_on_sigterm(
    fake_discord: FakeDiscord, bot_config: Config
) -> None:
    runner = asyncio.create_task(run_bot(bot_config, fake_discord.token))
    await fake_discord.wait_connected(within=10)
    # run_bot installed its handler on the loop, so this reaches it, not the test process.
    os.kill(os.getpid(), signal.SIGTERM)
    await asyncio.wait_for(runner, 10)
    assert fake_discord.identifies and runner.exception() is None


async def test_dev_guilds_get_the_commands_instantly(
    fake_discord: FakeDiscord, bot_config: Config
) -> None:
    guild_id = fake_discord.world.newsroom.id
    config = replace(bot_config, discord=replace(bot_config.discord, dev_guild_ids=(guild_id,)))
    async with start_bot(fake_discord, config):
        synced = {c["name"] for c in fake_discord.commands[guild_id]}
        assert synced == EXPECTED_COMMANDS
        assert None not in fake_discord.commands  # nothing global
        inter = await fake_discord.invoke("status")
        assert (await inter.response())["data"]["flags"] == 64


async def test_a_busy_dispatcher_does_not_fill_the_log(
    fake_discord: FakeDiscord, bot_config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    # A dispatcher run that outlasts its interval (a backlog) is by design; APScheduler's
    # "skipped" warning for it would repeat every interval. Other jobs still say so.
    async with start_bot(fake_discord, bot_config) as bot:
        assert bot.scheduler is not None
        scheduler = logging.getLogger("apscheduler.scheduler")
        with caplog.at_level(logging.WARNING, logger="apscheduler.scheduler"):
            for name in ("dispatch", "poll:7"):
                scheduler.warning(
                    'Execution of job "%s (trigger: interval[0:00:01])" skipped: maximum number'
                    " of running instances reached (%d)",
                    name,
                    1,
                )
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert len(skipped) == 1 and skipped[0].startswith('Execution of job "poll:7')
