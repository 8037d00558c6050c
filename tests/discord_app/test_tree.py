"""The central app-command error handler, through real interactions."""

from __future__ import annotations

import logging
import re

import discord
import pytest
from discord import app_commands

from bot.discord_app.app import TreatywatchBot
from bot.errors import InputError
from tests.fakes.discord_server import FakeDiscord


async def add_commands(bot: TreatywatchBot) -> None:
    @app_commands.command(name="boom", description="a bug")
    async def boom(interaction: discord.Interaction) -> None:
        raise ZeroDivisionError("secret internals")

    @app_commands.command(name="refuse", description="a known error")
    async def refuse(interaction: discord.Interaction) -> None:
        raise InputError("That will not do @everyone.", hint="Try `/status`.")

    @app_commands.command(name="late", description="fails after deferring")
    async def late(interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True)
        raise InputError("Failed after the defer.")

    for command in (boom, refuse, late):
        bot.tree.add_command(command)
    await bot.tree.sync()


async def test_a_bug_is_logged_with_a_reference_the_user_gets(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    await add_commands(running_bot)
    with caplog.at_level(logging.ERROR, logger="bot.discord_app.tree"):
        inter = await fake_discord.invoke("boom")
        data = (await inter.response())["data"]
    assert data["flags"] == 64
    match = re.search(r"reference `([0-9a-f]{8})`", data["content"])
    assert match is not None
    assert "secret internals" not in data["content"]
    (record,) = [r for r in caplog.records if match.group(1) in r.getMessage()]
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


async def test_a_known_error_reads_as_an_actionable_message(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await add_commands(running_bot)
    inter = await fake_discord.invoke("refuse")
    data = (await inter.response())["data"]
    assert data["flags"] == 64
    assert data["content"] == "That will not do @\u200beveryone.\nTry `/status`."
    assert data["allowed_mentions"] == {"parse": []}


async def test_an_error_after_defer_becomes_a_followup(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await add_commands(running_bot)
    inter = await fake_discord.invoke("late")
    assert (await inter.response())["type"] == 5
    (followup,) = await inter.followups()
    assert followup["flags"] == 64 and followup["content"] == "Failed after the defer."
