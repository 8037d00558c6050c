"""The outbox dispatcher: posts pending alert deliveries and feed notices to their channels.

A delivery is marked done only after Discord accepted the message, and the message carries
the delivery id as its nonce (discord.py then sets ``enforce_nonce``), so a retry after a
crash between "sent" and "marked" does not post twice. Discord's answers decide the rest:

* 429 and 5xx, or the network failing: retry later with exponential backoff, and end this
  pass (whatever is wrong is likely wrong for the next message too);
* 403: the subscription needs permissions; its deliveries wait untouched until someone
  fixes the channel and subscribes again — no retry loop;
* 404 (channel or server gone): the subscription is disabled;
* any other 4xx: the message itself is refused; that delivery is marked failed.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import aiohttp
import discord

from bot.alerts import AlertView
from bot.clock import Clock
from bot.config import DeliveryConfig
from bot.discord_app.permissions import missing_alert_permissions
from bot.discord_app.render import alert_embed, notice_embed
from bot.store import PendingDelivery, PendingFeedNotice, Store

log = logging.getLogger(__name__)

#: Deliveries taken from the outbox per pass.
BATCH = 50


@dataclass
class DispatchReport:
    """What one pass did, for logs and tests."""

    sent: int = 0
    retried: int = 0
    failed: int = 0
    #: Subscriptions flagged needs_permissions or disabled in this pass.
    flagged: int = 0


class Dispatcher:
    """Drains the outbox; :meth:`run_once` is one pass, safe to call from a scheduler job."""

    def __init__(
        self,
        client: discord.Client,
        store: Store,
        config: DeliveryConfig,
        clock: Clock,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self._client = client
        self._store = store
        self._config = config
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 -- jitter, not secrets
        # One pass at a time: two overlapping passes would send the same delivery twice.
        self._lock = asyncio.Lock()

    async def run_once(self) -> DispatchReport:
        report = DispatchReport()
        async with self._lock:
            for delivery in await self._store.pending_deliveries(self._clock.now(), BATCH):
                if not await self._deliver(delivery, report):
                    return report
            for notice in await self._store.pending_feed_notices(self._clock.now(), BATCH):
                if not await self._notify(notice, report):
                    return report
        return report

    def backoff(self, attempts: int, retry_after: float | None = None) -> timedelta:
        """Exponential, capped, with up to 10% jitter; never sooner than ``retry_after``."""
        base = self._config.retry_base_seconds * 2 ** min(attempts, 32)
        delay = min(base, self._config.retry_max_seconds)
        delay += delay * 0.1 * self._rng.random()
        return timedelta(seconds=max(delay, retry_after or 0.0))

    async def _deliver(self, delivery: PendingDelivery, report: DispatchReport) -> bool:
        embed = alert_embed(AlertView.from_delivery(delivery))
        return await self._send(
            channel_id=delivery.channel_id,
            guild_id=delivery.guild_id,
            subscription_id=delivery.subscription_id,
            attempts=delivery.attempts,
            embed=embed,
            nonce=str(delivery.delivery_id),
            what=f"delivery {delivery.delivery_id}",
            mark_sent=lambda message_id: self._store.mark_delivered(
                delivery.delivery_id, message_id, self._clock.now()
            ),
            mark_retry=lambda error, at: self._store.mark_delivery_retry(
                delivery.delivery_id, error, at
            ),
            mark_failed=lambda error: self._store.mark_delivery_failed(delivery.delivery_id, error),
            report=report,
        )

    async def _notify(self, notice: PendingFeedNotice, report: DispatchReport) -> bool:
        return await self._send(
            channel_id=notice.channel_id,
            guild_id=notice.guild_id,
            subscription_id=notice.subscription_id,
            attempts=notice.attempts,
            embed=notice_embed(notice),
            # Distinct from delivery nonces, which are bare numbers.
            nonce=f"n{notice.notice_id}",
            what=f"feed notice {notice.notice_id}",
            mark_sent=lambda message_id: self._store.mark_notice_sent(
                notice.notice_id, message_id, self._clock.now()
            ),
            mark_retry=lambda error, at: self._store.mark_notice_retry(notice.notice_id, error, at),
            mark_failed=lambda error: self._store.mark_notice_failed(notice.notice_id, error),
            report=report,
        )

    async def _send(
        self,
        *,
        channel_id: int,
        guild_id: int,
        subscription_id: int,
        attempts: int,
        embed: discord.Embed,
        nonce: str,
        what: str,
        mark_sent: Callable[[int], Awaitable[bool]],
        mark_retry: Callable[[str, datetime], Awaitable[bool]],
        mark_failed: Callable[[str], Awaitable[bool]],
        report: DispatchReport,
    ) -> bool:
        """Send one embed; True to go on with the pass, False to end it."""
        missing = self._missing_permissions(channel_id)
        if missing:
            # Known from the cache: skip a request that can only be refused (Discord counts
            # refused requests against a ban threshold) or, without Embed Links, would post
            # an empty message.
            reason = f"the bot lacks {missing} in this channel"
            await self._flag(subscription_id, "needs_permissions", reason, report)
            return True
        channel = self._client.get_partial_messageable(channel_id, guild_id=guild_id)
        try:
            message = await channel.send(
                embed=embed, nonce=nonce, allowed_mentions=discord.AllowedMentions.none()
            )
        except discord.Forbidden as exc:
            reason = f"Discord refused the message ({exc.code}: {exc.text or 'Missing Access'})"
            await self._flag(subscription_id, "needs_permissions", reason, report)
            return True
        except discord.NotFound as exc:
            reason = f"the channel no longer exists ({exc.code}: {exc.text or 'Unknown Channel'})"
            await self._flag(subscription_id, "disabled", reason, report)
            return True
        except discord.RateLimited as exc:
            error = f"rate limited for {exc.retry_after:.0f} s"
            await self._retry(
                what,
                attempts=attempts,
                error=error,
                mark_retry=mark_retry,
                report=report,
                retry_after=exc.retry_after,
            )
            return False
        except discord.HTTPException as exc:
            if exc.status == 429 or exc.status >= 500:
                error = f"Discord answered {exc.status}"
                await self._retry(
                    what, attempts=attempts, error=error, mark_retry=mark_retry, report=report
                )
                return False
            log.error("%s refused by Discord for good: %s", what, exc)
            await mark_failed(f"Discord refused it: {exc.status} {exc.code} {exc.text}"[:500])
            report.failed += 1
            return True
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            error = f"network error: {exc!r}"[:500]
            await self._retry(
                what, attempts=attempts, error=error, mark_retry=mark_retry, report=report
            )
            return False
        if not await mark_sent(message.id):
            log.warning("%s was sent but was no longer pending", what)
        report.sent += 1
        return True

    async def _retry(
        self,
        what: str,
        *,
        attempts: int,
        error: str,
        mark_retry: Callable[[str, datetime], Awaitable[bool]],
        report: DispatchReport,
        retry_after: float | None = None,
    ) -> None:
        at = self._clock.now() + self.backoff(attempts, retry_after)
        log.warning("%s will be retried at %s: %s", what, at.isoformat(), error)
        await mark_retry(error, at)
        report.retried += 1

    async def _flag(
        self,
        subscription_id: int,
        state: Literal["needs_permissions", "disabled"],
        reason: str,
        report: DispatchReport,
    ) -> None:
        log.warning("subscription %s is now %s: %s", subscription_id, state, reason)
        await self._store.set_subscription_state(subscription_id, state, reason)
        report.flagged += 1

    def _missing_permissions(self, channel_id: int) -> str | None:
        """What the bot lacks in a cached channel (None: nothing, or not cached)."""
        channel = self._client.get_channel(channel_id)
        if not isinstance(channel, discord.abc.GuildChannel) or channel.guild.me is None:
            return None  # not known from the cache: let Discord decide
        missing = missing_alert_permissions(channel)
        return ", ".join(missing) if missing else None
