"""The outbox dispatcher: posts pending alerts, packed per channel, and feed notices.

Several pending alerts of one channel go out as one message of up to 10 embeds and 6000
characters (a pack), so a burst is a few messages per channel rather than a flood. A pack
is composed and rendered, and both are committed (:meth:`Store.create_packs`), before it is
first sent; every try sends that stored payload with the pack's nonce (discord.py then sets
``enforce_nonce``), so a retry after a crash between "sent" and "marked" does not post twice
and never carries other alerts. A pack is marked sent, with its deliveries, only after
Discord accepted it. Packs for different channels are sent concurrently, paced to
``[delivery] messages_per_second`` overall; discord.py's rate limiter paces each channel.
Discord's answers decide the rest, per pack:

* 429 and 5xx, or the network failing: retry later with exponential backoff, and end this
  pass (whatever is wrong is likely wrong for the next message too);
* 403: the subscription needs permissions; its deliveries wait untouched until someone
  fixes the channel and subscribes again — no retry loop;
* 404 (channel or server gone): the subscription is disabled;
* any other 4xx: the message itself is refused; that pack and its deliveries are marked
  failed.
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
from bot.discord_app.render import (
    EMBEDS_PER_MESSAGE,
    alert_embed,
    embed_json,
    embed_length,
    embeds_from_payload,
    notice_embed,
    pack_indices,
    payload_of,
)
from bot.store import PendingDelivery, PendingFeedNotice, PendingPack, Store

log = logging.getLogger(__name__)

#: Feed notices taken from the outbox per pass.
BATCH = 50
#: Packs sent per pass at most (each channel has at most one pending pack at a time).
PACKS_PER_PASS = 250
#: Channels sent to at once; the pace over all of them is ``messages_per_second``.
CHANNEL_CONCURRENCY = 64

#: How one send ended: go on, the channel is flagged (skip its other packs), or end the pass.
Outcome = Literal["sent", "failed", "flagged", "halt"]


@dataclass
class DispatchReport:
    """What one pass did, for logs and tests."""

    #: Messages Discord accepted (packs and notices).
    sent: int = 0
    #: Alert deliveries those messages carried.
    alerts: int = 0
    retried: int = 0
    failed: int = 0
    #: Subscriptions flagged needs_permissions or disabled in this pass.
    flagged: int = 0


class Pacer:
    """At most ``rate`` sends a second, evenly spaced from the previous actual send.

    Spacing rather than a budget per second: a burst, however brief, lands at Discord in a
    shorter window than it left (and Discord counts its global limit over any second);
    measured from the last real send, so waiters woken together after a busy event loop
    still go one by one.
    """

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._last = float("-inf")
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:  # first come, first served
            delay = self._last + self._interval - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self._last = loop.time()


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
        self._pacer = Pacer(config.messages_per_second)
        # One pass at a time: two overlapping passes would send the same pack twice.
        self._lock = asyncio.Lock()

    async def run_once(self) -> DispatchReport:
        """Compose packs from what is pending, send the due ones, then feed notices."""
        report = DispatchReport()
        async with self._lock:
            await self._compose(self._clock.now())
            # Read the clock again: the packs just composed are due from their creation.
            packs = await self._store.pending_packs(self._clock.now(), PACKS_PER_PASS)
            if not await self._send_packs(packs, report):
                return report
            for notice in await self._store.pending_feed_notices(self._clock.now(), BATCH):
                if await self._notify(notice, report) == "halt":
                    return report
        return report

    def backoff(self, attempts: int, retry_after: float | None = None) -> timedelta:
        """Exponential, capped, with up to 10% jitter; never sooner than ``retry_after``."""
        base = self._config.retry_base_seconds * 2 ** min(attempts, 32)
        delay = min(base, self._config.retry_max_seconds)
        delay += delay * 0.1 * self._rng.random()
        return timedelta(seconds=max(delay, retry_after or 0.0))

    # ---- composing

    async def _compose(self, now: datetime) -> None:
        """Pack the oldest pending alerts of every channel without a pack, and commit the
        packs (composition and rendered payload) before anything is sent."""
        deliveries = await self._store.deliveries_to_pack(now, EMBEDS_PER_MESSAGE)
        if not deliveries:
            return
        # One alert goes to many channels: render, measure and encode it once per pass.
        rendered: dict[int, tuple[int, str]] = {}

        def render(delivery: PendingDelivery) -> tuple[int, str]:
            if delivery.alert_id not in rendered:
                embed = alert_embed(AlertView.from_delivery(delivery))
                rendered[delivery.alert_id] = (embed_length(embed), embed_json(embed))
            return rendered[delivery.alert_id]

        fresh: dict[int, list[PendingDelivery]] = {}
        composed: dict[int, list[PendingDelivery]] = {}
        for delivery in deliveries:
            if delivery.pack_id is None:
                fresh.setdefault(delivery.subscription_id, []).append(delivery)
            else:
                composed.setdefault(delivery.pack_id, []).append(delivery)
        for pack_id, members in composed.items():
            # Carried over from schema 1: composed (one delivery, its old nonce), not rendered.
            payload = payload_of([render(d)[1] for d in members])
            await self._store.set_pack_payload(pack_id, payload)
        packs: list[tuple[int, list[int], str]] = []
        for subscription_id, members in fresh.items():
            embeds = [render(d) for d in members]
            # Only the first, fullest message: what does not fit waits for the next pack, so
            # a backlog goes out in full messages rather than a full one and a remainder.
            group = pack_indices([length for length, _ in embeds])[0]
            payload = payload_of([embeds[i][1] for i in group])
            packs.append((subscription_id, [members[i].delivery_id for i in group], payload))
        if packs:
            await self._store.create_packs(packs)

    # ---- sending

    async def _send_packs(self, packs: list[PendingPack], report: DispatchReport) -> bool:
        """Send packs, channels concurrently and each channel's in order; False if the
        pass must end (Discord pushed back)."""
        by_channel: dict[int, list[PendingPack]] = {}
        for pack in packs:
            by_channel.setdefault(pack.channel_id, []).append(pack)
        halt = asyncio.Event()
        slots = asyncio.Semaphore(CHANNEL_CONCURRENCY)

        async def channel_worker(queue: list[PendingPack]) -> None:
            async with slots:
                for pack in queue:
                    if halt.is_set():
                        return
                    outcome = await self._deliver(pack, report)
                    if outcome == "halt":
                        halt.set()
                        return
                    if outcome == "flagged":
                        return  # the rest of this channel's packs wait with it

        await asyncio.gather(*(channel_worker(queue) for queue in by_channel.values()))
        return not halt.is_set()

    async def _deliver(self, pack: PendingPack, report: DispatchReport) -> Outcome:
        async def mark_sent(message_id: int) -> bool:
            marked = await self._store.mark_pack_sent(pack.pack_id, message_id, self._clock.now())
            report.alerts += marked
            return marked > 0

        return await self._send(
            channel_id=pack.channel_id,
            guild_id=pack.guild_id,
            subscription_id=pack.subscription_id,
            attempts=pack.attempts,
            embeds=embeds_from_payload(pack.payload),
            nonce=pack.nonce,
            what=f"pack {pack.pack_id} ({pack.deliveries} alerts)",
            mark_sent=mark_sent,
            mark_retry=lambda error, at: self._store.mark_pack_retry(pack.pack_id, error, at),
            mark_failed=lambda error: self._store.mark_pack_failed(pack.pack_id, error),
            report=report,
        )

    async def _notify(self, notice: PendingFeedNotice, report: DispatchReport) -> Outcome:
        return await self._send(
            channel_id=notice.channel_id,
            guild_id=notice.guild_id,
            subscription_id=notice.subscription_id,
            attempts=notice.attempts,
            embeds=[notice_embed(notice)],
            # Distinct from pack nonces ("p…", or a bare number for packs from schema 1).
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
        embeds: list[discord.Embed],
        nonce: str,
        what: str,
        mark_sent: Callable[[int], Awaitable[bool]],
        mark_retry: Callable[[str, datetime], Awaitable[bool]],
        mark_failed: Callable[[str], Awaitable[bool]],
        report: DispatchReport,
    ) -> Outcome:
        """Send one message of embeds and record what Discord answered."""
        missing = self._missing_permissions(channel_id)
        if missing:
            # Known from the cache: skip a request that can only be refused (Discord counts
            # refused requests against a ban threshold) or, without Embed Links, would post
            # an empty message.
            reason = f"the bot lacks {missing} in this channel"
            await self._flag(subscription_id, "needs_permissions", reason, report)
            return "flagged"
        channel = self._client.get_partial_messageable(channel_id, guild_id=guild_id)
        await self._pacer.wait()
        try:
            message = await channel.send(
                embeds=embeds, nonce=nonce, allowed_mentions=discord.AllowedMentions.none()
            )
        except discord.Forbidden as exc:
            reason = f"Discord refused the message ({exc.code}: {exc.text or 'Missing Access'})"
            await self._flag(subscription_id, "needs_permissions", reason, report)
            return "flagged"
        except discord.NotFound as exc:
            reason = f"the channel no longer exists ({exc.code}: {exc.text or 'Unknown Channel'})"
            await self._flag(subscription_id, "disabled", reason, report)
            return "flagged"
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
            return "halt"
        except discord.HTTPException as exc:
            if exc.status == 429 or exc.status >= 500:
                error = f"Discord answered {exc.status}"
                await self._retry(
                    what, attempts=attempts, error=error, mark_retry=mark_retry, report=report
                )
                return "halt"
            log.error("%s refused by Discord for good: %s", what, exc)
            await mark_failed(f"Discord refused it: {exc.status} {exc.code} {exc.text}"[:500])
            report.failed += 1
            return "failed"
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            error = f"network error: {exc!r}"[:500]
            await self._retry(
                what, attempts=attempts, error=error, mark_retry=mark_retry, report=report
            )
            return "halt"
        if not await mark_sent(message.id):
            log.warning("%s was sent but was no longer pending", what)
        report.sent += 1
        return "sent"

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
