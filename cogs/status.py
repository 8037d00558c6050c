"""/status: is the bot healthy — feeds, last poll, claims and verdicts, outbox, uptime."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot


def uptime_text(seconds: float) -> str:
    seconds = max(int(seconds), 0)
    days, rest = divmod(seconds, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    return f"{days}d {hours}h {minutes}m" if days else f"{hours}h {minutes}m"


class Status(commands.Cog):
    def __init__(self, bot: TreatywatchBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="status", description="Feeds, last poll, claims, deliveries, uptime."
    )
    async def status(self, interaction: discord.Interaction[discord.Client]) -> None:
        store = self.bot.store
        counts = await store.counts()
        feeds = await store.list_feeds()
        polls = [f.last_polled_at for f in feeds if f.last_polled_at is not None]
        last_poll = max(polls, default=None)
        embed = discord.Embed(title="treatywatch status", colour=discord.Colour.blurple())
        embed.add_field(
            name="Feeds",
            value=f"{counts.feeds} watched, {counts.failing_feeds} failing\n"
            + (
                f"last poll {discord.utils.format_dt(last_poll, 'R')}"
                if last_poll
                else "not polled yet"
            ),
        )
        embed.add_field(
            name="Claims",
            value=f"{counts.baseline_claims} baseline, {counts.observed_claims} observed\n"
            f"{counts.entries} articles read",
        )
        verdicts = " · ".join(f"{name} {n}" for name, n in sorted(counts.verdicts.items()))
        embed.add_field(name="Verdicts", value=verdicts or "none yet", inline=False)
        embed.add_field(
            name="Alerts",
            value=f"{counts.alerts} alerts, {counts.pending_deliveries} deliveries pending, "
            f"{counts.failed_deliveries} failed\n{counts.subscriptions} subscribed channels",
            inline=False,
        )
        up = (self.bot.clock.now() - self.bot.started_at).total_seconds()
        latency = self.bot.latency
        gateway = f", gateway latency {latency * 1000:.0f} ms" if math.isfinite(latency) else ""
        embed.add_field(name="Uptime", value=uptime_text(up) + gateway, inline=False)
        await interaction.response.send_message(embed=embed, ephemeral=True)


async def setup(bot: TreatywatchBot) -> None:
    await bot.add_cog(Status(bot))
