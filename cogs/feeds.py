"""/feeds add, /feeds remove, /feeds list: which feeds the bot watches."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.alerts import plain_text, safe_text, safe_url
from bot.discord_app.render import FIELDS_LIMIT, fit_embed, pack_embeds
from bot.errors import InputError
from bot.fetch.poll import validate_feed
from bot.store import FeedRow

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot

#: Longest feed URL accepted (a sane bound, well under what Discord lets a user type).
MAX_URL_LENGTH = 2000
MAX_BACKFILL = 50


def feed_label(feed: FeedRow, limit: int = 100) -> str:
    """A feed's name for choices and lists: its title, else its URL (no markdown)."""
    return plain_text(feed.title or feed.url, limit) or str(feed.id)


def feed_status(feed: FeedRow, next_poll: datetime | None) -> str:
    state = {"ok": "✅ ok", "failing": "⚠️ failing", "disabled": "⛔ disabled"}[feed.state]
    lines = [f"{state} · failures in a row: {feed.failure_count}"]
    if feed.last_success_at is not None:
        lines.append(f"last success {discord.utils.format_dt(feed.last_success_at, 'R')}")
    else:
        lines.append("never fetched successfully yet")
    if feed.last_error:
        lines.append("last error: " + safe_text(feed.last_error, 300))
    if next_poll is not None and feed.enabled:
        lines.append(f"next poll {discord.utils.format_dt(next_poll, 'R')}")
    url = safe_url(feed.url)
    if url:
        lines.append(f"<{url}>")
    return "\n".join(lines)


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Feeds(
    commands.GroupCog, group_name="feeds", group_description="The feeds treatywatch watches."
):
    def __init__(self, bot: TreatywatchBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction[discord.Client]) -> bool:
        """Manage Server at run time too: default permissions only hide the commands, and
        server admins can re-enable them for anyone. (A class-level ``checks`` decorator is
        not applied to a GroupCog's commands.)"""
        if not interaction.permissions.manage_guild:
            raise app_commands.MissingPermissions(["manage_guild"])
        return True

    @app_commands.command(name="add", description="Watch a news feed (RSS or Atom).")
    @app_commands.describe(
        url="The feed's http(s) URL",
        backfill="Judge and alert this many of its newest entries now (default 0: none)",
    )
    async def add(
        self,
        interaction: discord.Interaction[discord.Client],
        url: app_commands.Range[str, 1, MAX_URL_LENGTH],
        backfill: app_commands.Range[int, 0, MAX_BACKFILL] = 0,
    ) -> None:
        url = url.strip()
        # Fetching can take seconds: defer so Discord's 3-second window is never missed.
        await interaction.response.defer(ephemeral=True, thinking=True)
        existing = await self.bot.store.get_feed(url)
        if existing is not None:
            raise InputError(f"Already watching {feed_label(existing)}.")
        try:
            # The SSRF guard, a fetch and a parse: raises FeedError saying why not.
            parsed = await validate_feed(url, self.bot.fetcher, clock=self.bot.clock)
        except OSError as exc:
            raise InputError(
                "The feed's host name cannot be resolved.", hint="Check the URL for typos."
            ) from exc
        assert interaction.guild_id is not None  # guild_only
        feed = await self.bot.store.add_feed(url, parsed.title, interaction.guild_id)
        # Newest first: the newest ``backfill`` entries stay unseen, so the first poll judges
        # (and alerts) them; the rest are recorded as seen, so adding a feed never floods.
        entries = sorted(
            parsed.entries, key=lambda e: e.published or self.bot.clock.now(), reverse=True
        )
        recorded = await self.bot.store.mark_entries_seen(feed.id, entries[backfill:])
        self.bot.schedule_feed(feed, first_in=1.0 if backfill else None)
        name = safe_text(feed_label(feed), 200)
        text = f"Now watching **{name}**: {recorded} current entries recorded without alerts."
        if backfill:
            text += f" The newest {min(backfill, len(entries))} will be judged at the first poll."
        await interaction.followup.send(text, ephemeral=True)

    @app_commands.command(name="remove", description="Stop watching a feed.")
    @app_commands.describe(feed="The feed to stop watching")
    async def remove(self, interaction: discord.Interaction[discord.Client], feed: str) -> None:
        row = await self._resolve(feed)
        if row.guild_id is None:
            raise InputError(
                f"{feed_label(row)} comes from the configuration file.",
                hint="Remove it there and restart the bot.",
            )
        if row.guild_id != interaction.guild_id:
            raise InputError(f"{feed_label(row)} was added by another server; it stays.")
        await self.bot.store.remove_feed(row.id)
        self.bot.unschedule_feed(row.id)
        await interaction.response.send_message(
            f"Stopped watching **{safe_text(feed_label(row), 200)}**.", ephemeral=True
        )

    @remove.autocomplete("feed")
    async def _feed_choices(
        self, interaction: discord.Interaction[discord.Client], current: str
    ) -> list[app_commands.Choice[str]]:
        needle = current.strip().lower()
        choices = []
        for row in await self.bot.store.list_feeds():
            if row.guild_id != interaction.guild_id:
                continue
            if needle and needle not in row.url.lower() and needle not in (row.title or "").lower():
                continue
            choices.append(app_commands.Choice(name=feed_label(row), value=str(row.id)))
        return choices[:25]

    @app_commands.command(name="list", description="Every watched feed and its health.")
    async def list_(self, interaction: discord.Interaction[discord.Client]) -> None:
        feeds = await self.bot.store.list_feeds()
        if not feeds:
            await interaction.response.send_message(
                "No feeds yet. Add one with `/feeds add`.", ephemeral=True
            )
            return
        embeds: list[discord.Embed] = []
        for start in range(0, len(feeds), FIELDS_LIMIT):
            embed = discord.Embed(
                title=f"Watched feeds ({len(feeds)})" if not start else None,
                colour=discord.Colour.blurple(),
            )
            for feed in feeds[start : start + FIELDS_LIMIT]:
                next_poll = self.bot.next_poll(feed.id) or feed.next_poll_at
                embed.add_field(
                    name=feed_label(feed, 250), value=feed_status(feed, next_poll), inline=False
                )
            embeds.append(fit_embed(embed))
        messages = pack_embeds(embeds)
        await interaction.response.send_message(embeds=messages[0], ephemeral=True)
        for more in messages[1:]:
            await interaction.followup.send(embeds=more, ephemeral=True)

    async def _resolve(self, value: str) -> FeedRow:
        value = value.strip()
        row = await self.bot.store.get_feed(int(value)) if value.isdigit() else None
        if row is None:
            row = await self.bot.store.get_feed(value)
        if row is None:
            raise InputError("No such feed.", hint="Pick one from the list, or see `/feeds list`.")
        return row


async def setup(bot: TreatywatchBot) -> None:
    await bot.add_cog(Feeds(bot))
