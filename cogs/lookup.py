"""/lookup query: fuzzy search over baseline and observed claims, paginated with buttons."""

from __future__ import annotations

import logging
from collections import Counter
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.alerts import plain_text, safe_text
from bot.discord_app.render import FIELD_VALUE_LIMIT, fit_embed, source_list
from bot.discord_app.tree import answer_ephemeral
from bot.lookup import LookupHit, LookupIndex
from bot.store import VerdictRow

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot

log = logging.getLogger(__name__)

RESULTS = 15
#: Claims shown per page (one embed each).
PER_PAGE = 3
#: Seconds the index is reused before it is rebuilt from the store.
INDEX_TTL_SECONDS = 60.0
#: Seconds the page buttons stay usable.
VIEW_TIMEOUT = 600.0


def claim_embed(hit: LookupHit, history: list[VerdictRow]) -> discord.Embed:
    """One claim: its text, kind, sources with links, counts and verdict history."""
    known = hit.known
    kind = "baseline (seed articles)" if known.baseline else "observed in coverage"
    embed = discord.Embed(
        title=f"Claim {known.id} · {kind}",
        description=safe_text(known.text, 1500),
        colour=discord.Colour(0x95A5A6 if known.baseline else 0x3498DB),
    )
    docs = {s.doc_id for s in known.sources}
    first_seen = (
        f"\nfirst seen {discord.utils.format_dt(known.first_seen, 'D')}" if known.first_seen else ""
    )
    embed.add_field(
        name="Counts",
        value=f"{len(docs)} source{'s' if len(docs) != 1 else ''} · match {hit.score:.0f}/100"
        + first_seen,
        inline=False,
    )
    if known.sources:
        embed.add_field(
            name="Sources", value=source_list(known.sources, FIELD_VALUE_LIMIT), inline=False
        )
    if history:
        tally = Counter(row.verdict.value for row in history)
        lines = [" · ".join(f"{verdict} ×{n}" for verdict, n in sorted(tally.items()))]
        for row in history[-5:]:
            when = discord.utils.format_dt(row.judged_at, "d")
            lines.append(f"{when} {row.verdict.value}: " + safe_text(row.claim_text, 150))
        embed.add_field(name="Verdict history", value="\n".join(lines), inline=False)
    return fit_embed(embed)


class Pages(discord.ui.View):
    """◀ / ▶ through pages of embeds; only the user who asked may turn them."""

    def __init__(self, pages: list[list[discord.Embed]], owner_id: int) -> None:
        super().__init__(timeout=VIEW_TIMEOUT)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1
        self.counter.label = f"{self.index + 1}/{len(self.pages)}"

    async def interaction_check(self, interaction: discord.Interaction[discord.Client]) -> bool:
        if interaction.user.id != self.owner_id:
            await answer_ephemeral(interaction, "These pages belong to someone else's /lookup.")
            return False
        return True

    async def on_error(
        self,
        interaction: discord.Interaction[discord.Client],
        error: Exception,
        item: discord.ui.Item[discord.ui.View],
    ) -> None:
        log.error("lookup pagination failed", exc_info=error)
        await answer_ephemeral(interaction, "Could not turn the page; run /lookup again.")

    async def _show(self, interaction: discord.Interaction[discord.Client]) -> None:
        self._update_buttons()
        await interaction.response.edit_message(embeds=self.pages[self.index], view=self)

    @discord.ui.button(label="◀", style=discord.ButtonStyle.secondary, custom_id="lookup:prev")
    async def previous(
        self, interaction: discord.Interaction[discord.Client], button: discord.ui.Button[Pages]
    ) -> None:
        self.index = max(self.index - 1, 0)
        await self._show(interaction)

    @discord.ui.button(label="1/1", style=discord.ButtonStyle.secondary, disabled=True)
    async def counter(
        self, interaction: discord.Interaction[discord.Client], button: discord.ui.Button[Pages]
    ) -> None:
        await interaction.response.defer()  # a label, never enabled

    @discord.ui.button(label="▶", style=discord.ButtonStyle.secondary, custom_id="lookup:next")
    async def next(
        self, interaction: discord.Interaction[discord.Client], button: discord.ui.Button[Pages]
    ) -> None:
        self.index = min(self.index + 1, len(self.pages) - 1)
        await self._show(interaction)


class Lookup(commands.Cog):
    def __init__(self, bot: TreatywatchBot) -> None:
        self.bot = bot
        self._index: LookupIndex | None = None
        self._index_built = 0.0

    async def index(self) -> LookupIndex:
        """The search index, rebuilt from the store at most once per INDEX_TTL_SECONDS."""
        now = self.bot.clock.now().timestamp()
        if self._index is None or now - self._index_built > INDEX_TTL_SECONDS:
            self._index = LookupIndex(await self.bot.store.load_knowledge())
            self._index_built = now
        return self._index

    @app_commands.command(name="lookup", description="Search what is known about the treaty.")
    @app_commands.describe(query="Words of the claim, e.g. 'mutual defence' or '20 years'")
    async def lookup(
        self,
        interaction: discord.Interaction[discord.Client],
        query: app_commands.Range[str, 1, 300],
    ) -> None:
        hits = (await self.index()).search(query, limit=RESULTS)
        if not hits:
            await interaction.response.send_message(
                f"Nothing known matches “{plain_text(query, 100)}”. Try fewer or other words.",
                ephemeral=True,
            )
            return
        embeds = [
            claim_embed(hit, await self.bot.store.claim_history(hit.known.id)) for hit in hits
        ]
        pages = [embeds[i : i + PER_PAGE] for i in range(0, len(embeds), PER_PAGE)]
        if len(pages) == 1:
            await interaction.response.send_message(embeds=pages[0], ephemeral=True)
            return
        await interaction.response.send_message(
            embeds=pages[0], view=Pages(pages, interaction.user.id), ephemeral=True
        )

    @lookup.autocomplete("query")
    async def _suggest(
        self, interaction: discord.Interaction[discord.Client], current: str
    ) -> list[app_commands.Choice[str]]:
        if len(current.strip()) < 3:
            return []
        hits = (await self.index()).search(current, limit=25)
        return [
            app_commands.Choice(name=plain_text(h.known.text, 100), value=h.known.text[:100])
            for h in hits
            if plain_text(h.known.text, 100)
        ]


async def setup(bot: TreatywatchBot) -> None:
    await bot.add_cog(Lookup(bot))
