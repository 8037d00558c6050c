"""/subscribe, /unsubscribe, /subscriptions: which channels get alerts, and how."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.alerts import safe_text
from bot.discord_app.permissions import missing_alert_permissions
from bot.errors import InputError
from bot.store import SubscriptionRow

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot

Kinds = Literal["new", "contradicting", "all"]
Mode = Literal["live", "daily", "weekly", "live+daily", "live+weekly"]

STATE_LABELS = {
    "active": "✅ active",
    "needs_permissions": "⚠️ needs permissions",
    "disabled": "⛔ disabled",
}
#: Subscriptions listed before "and N more" (one embed field each).
MAX_LISTED = 25


def target_channel(
    interaction: discord.Interaction[discord.Client],
    channel: discord.TextChannel | None,
) -> discord.TextChannel:
    """The channel named, else the one the command was used in, if it can hold alerts."""
    chosen = channel if channel is not None else interaction.channel
    if not isinstance(chosen, discord.TextChannel):
        raise InputError(
            "Alerts can go to a text or announcement channel only.",
            hint="Name one with the `channel` option.",
        )
    return chosen


def require_manage_channels(
    interaction: discord.Interaction[discord.Client], channel: discord.TextChannel
) -> None:
    """The run-time half of the check: Manage Channels *in the target channel*.

    Default permissions only hide the command; server admins can re-enable it for anyone,
    and the channel named may not be the one the command was used in.
    """
    member = interaction.user
    if isinstance(member, discord.Member) and not channel.permissions_for(member).manage_channels:
        raise app_commands.MissingPermissions(["manage_channels"])


def describe(sub: SubscriptionRow) -> str:
    kinds = {"all": "new + contradicting"}.get(sub.kinds, sub.kinds)
    parts = [kinds, sub.mode]
    if sub.min_score > 0:
        parts.append(f"min score {sub.min_score:g}")
    line = f"{STATE_LABELS.get(sub.state, sub.state)} · " + " · ".join(parts)
    if sub.state_reason and sub.state != "active":
        line += "\n" + safe_text(sub.state_reason, 300)
        line += "\nFix the channel's permissions, then run `/subscribe` there again."
    return line


class Subscriptions(commands.Cog):
    def __init__(self, bot: TreatywatchBot) -> None:
        self.bot = bot

    @app_commands.command(name="subscribe", description="Post treaty alerts in a channel.")
    @app_commands.describe(
        channel="Where alerts go (default: this channel)",
        kinds="Which alerts: new claims, contradicting claims, or all",
        min_score="Only alerts whose similarity score is at least this (0-100)",
        mode="Live alerts, a daily or weekly digest, or both",
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def subscribe(
        self,
        interaction: discord.Interaction[discord.Client],
        channel: discord.TextChannel | None = None,
        kinds: Kinds = "all",
        min_score: app_commands.Range[float, 0.0, 100.0] = 0.0,
        mode: Mode = "live",
    ) -> None:
        target = target_channel(interaction, channel)
        require_manage_channels(interaction, target)
        missing = missing_alert_permissions(target)
        if missing:
            raise InputError(
                f"I cannot post alerts in {target.mention}: I lack {', '.join(missing)} there.",
                hint="Give treatywatch's role those permissions in the channel settings "
                "(Edit Channel → Permissions), then run /subscribe again.",
            )
        sub = await self.bot.store.subscribe(target.guild.id, target.id, kinds, min_score, mode)
        await interaction.response.send_message(
            f"Subscribed {target.mention}: {describe(sub)}.", ephemeral=True
        )

    @app_commands.command(name="unsubscribe", description="Stop treaty alerts in a channel.")
    @app_commands.describe(channel="The channel to stop (default: this channel)")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    @app_commands.checks.has_permissions(manage_channels=True)
    async def unsubscribe(
        self,
        interaction: discord.Interaction[discord.Client],
        channel: discord.TextChannel | None = None,
    ) -> None:
        target = target_channel(interaction, channel)
        require_manage_channels(interaction, target)
        removed = await self.bot.store.unsubscribe(target.id)
        text = (
            f"Unsubscribed {target.mention}; its undelivered alerts are dropped."
            if removed
            else f"{target.mention} was not subscribed."
        )
        await interaction.response.send_message(text, ephemeral=True)

    @app_commands.command(
        name="subscriptions", description="This server's alert channels and their state."
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_channels=True)
    async def subscriptions(self, interaction: discord.Interaction[discord.Client]) -> None:
        assert interaction.guild_id is not None  # guild_only
        subs = await self.bot.store.list_subscriptions(interaction.guild_id)
        if not subs:
            await interaction.response.send_message(
                "No channel here gets treaty alerts yet. Use `/subscribe` in one.", ephemeral=True
            )
            return
        embed = discord.Embed(title="Treaty alert subscriptions", colour=discord.Colour.blurple())
        for sub in subs[:MAX_LISTED]:
            embed.add_field(name=f"#{self._channel_name(sub)}", value=describe(sub), inline=False)
        if len(subs) > MAX_LISTED:
            embed.set_footer(text=f"… and {len(subs) - MAX_LISTED} more")
        await interaction.response.send_message(embed=embed, ephemeral=True)

    def _channel_name(self, sub: SubscriptionRow) -> str:
        # Field names show no mentions; a deleted channel is shown by id.
        channel = self.bot.get_channel(sub.channel_id)
        if isinstance(channel, discord.abc.GuildChannel):
            return channel.name[:90]
        return f"deleted-channel-{sub.channel_id}"


async def setup(bot: TreatywatchBot) -> None:
    await bot.add_cog(Subscriptions(bot))
