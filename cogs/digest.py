"""/digest [since] [kinds]: the NEW and CONTRADICTING claims of a period, on demand."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.digest import build_digest, parse_kinds, parse_since
from bot.discord_app.render import digest_embeds, pack_embeds

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot

#: Messages one /digest may post; past that it says how to narrow the period.
MAX_MESSAGES = 5


class Digest(commands.Cog):
    def __init__(self, bot: TreatywatchBot) -> None:
        self.bot = bot

    @app_commands.command(name="digest", description="New and contradicting claims since a time.")
    @app_commands.describe(
        since="How far back: 24h, 7d, 2w, or a date like 2025-01-17 (default 24h)",
        kinds="Which alerts: new, contradicting, or all (default)",
    )
    async def digest(
        self,
        interaction: discord.Interaction[discord.Client],
        since: app_commands.Range[str, 1, 40] = "24h",
        kinds: Literal["new", "contradicting", "all"] = "all",
    ) -> None:
        # Defer first: the query and rendering must never miss Discord's 3-second window.
        await interaction.response.defer(ephemeral=True, thinking=True)
        until = self.bot.clock.now()
        start = parse_since(since, until)
        alerts = await self.bot.store.alerts_since(start, sorted(parse_kinds(kinds)), until=until)
        messages = pack_embeds(digest_embeds(build_digest(alerts, start, until)))
        for embeds in messages[:MAX_MESSAGES]:
            await interaction.followup.send(embeds=embeds, ephemeral=True)
        if len(messages) > MAX_MESSAGES:
            await interaction.followup.send(
                f"… and more: {len(messages) - MAX_MESSAGES} further messages left out. "
                "Use a shorter `since` or `kinds` to see them.",
                ephemeral=True,
            )


async def setup(bot: TreatywatchBot) -> None:
    await bot.add_cog(Digest(bot))
