"""Scheduled digests: each daily or weekly subscription gets the period's alerts once.

The digest job looks for subscriptions whose period has ended, sends the NEW and
CONTRADICTING alerts of that period (grouped by topic, packed into messages within
Discord's limits) and only then records the period as sent. Each message carries a nonce
made of the subscription and the period's end, so a retry after a crash does not repeat it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import discord

from bot.clock import Clock
from bot.digest import build_digest
from bot.discord_app.render import digest_embeds, pack_embeds
from bot.store import Store, SubscriptionRow

log = logging.getLogger(__name__)

PERIODS: dict[str, timedelta] = {
    "daily": timedelta(days=1),
    "weekly": timedelta(days=7),
    "live+daily": timedelta(days=1),
    "live+weekly": timedelta(days=7),
}


def verdicts_for(kinds: str) -> tuple[str, ...]:
    """The alert verdicts a subscription's ``kinds`` asks for."""
    return {
        "new": ("NEW",),
        "contradicting": ("CONTRADICTING",),
    }.get(kinds, ("NEW", "CONTRADICTING"))


class DigestSender:
    def __init__(self, client: discord.Client, store: Store, clock: Clock) -> None:
        self._client = client
        self._store = store
        self._clock = clock

    async def send_due(self) -> int:
        """Send every digest whose period has ended; returns how many were sent."""
        now = self._clock.now()
        sent = 0
        for sub in await self._store.list_subscriptions():
            period = PERIODS.get(sub.mode)
            if period is None or sub.state != "active":
                continue
            start = sub.last_digest_at or sub.created_at
            if now - start < period:
                continue
            if await self.send(sub, start, now):
                sent += 1
        return sent

    async def send(self, sub: SubscriptionRow, since: datetime, until: datetime) -> bool:
        """One subscription's digest for [since, until); True once Discord took it all."""
        alerts = await self._store.alerts_since(
            since, verdicts_for(sub.kinds), until=until, min_score=sub.min_score
        )
        channel = self._client.get_partial_messageable(sub.channel_id, guild_id=sub.guild_id)
        period_key = int(until.timestamp())
        try:
            if alerts:
                messages = pack_embeds(digest_embeds(build_digest(alerts, since, until)))
                for index, embeds in enumerate(messages):
                    await channel.send(
                        embeds=embeds,
                        nonce=f"d{sub.id}.{period_key}.{index}"[:25],
                        allowed_mentions=discord.AllowedMentions.none(),
                    )
        except discord.Forbidden as exc:
            await self._store.set_subscription_state(
                sub.id, "needs_permissions", f"Discord refused the digest ({exc.code})"
            )
            return False
        except discord.NotFound as exc:
            await self._store.set_subscription_state(
                sub.id, "disabled", f"the channel no longer exists ({exc.code})"
            )
            return False
        except discord.HTTPException as exc:
            # 429 / 5xx: the period stays unsent and the next check tries again.
            log.warning("digest for channel %s not sent yet: %s", sub.channel_id, exc)
            return False
        await self._store.mark_digest_sent(sub.id, until)
        return True
