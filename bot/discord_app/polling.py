"""The default feed poller of the bot: fetch (bot/fetch) → judge and store (bot/pipeline).

One call polls one feed. The fetch layer decides the feed's next state (validators, backoff,
health); the pipeline judges the entries whose text is not handled yet and queues the alerts
in the same transactions as their verdicts. The feed's validators are stored only after its
entries are, so a crash in between means a full re-fetch, never a skipped entry.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from bot.fetch.feeds import FeedEntry
from bot.fetch.http import CacheValidators
from bot.fetch.poll import FeedPoll, poll_feeds
from bot.pipeline import Pipeline, open_engine
from bot.store import FeedRow

if TYPE_CHECKING:
    from bot.discord_app.app import TreatywatchBot

log = logging.getLogger(__name__)


def feed_poll(feed: FeedRow) -> FeedPoll:
    """What the fetch layer needs to know about a stored feed."""
    return FeedPoll(
        url=feed.url,
        name=feed.title,
        validators=CacheValidators(feed.etag, feed.last_modified, feed.body_hash),
        failure_count=feed.failure_count,
        first_failure_at=feed.first_failure_at,
        health="failing" if feed.state == "failing" else "ok",
        interval_minutes=feed.interval_minutes,
    )


class PipelinePoller:
    """A :data:`~bot.discord_app.app.FeedPoller`; the engine is built at the first poll."""

    def __init__(self) -> None:
        self._pipeline: Pipeline | None = None
        self._lock = asyncio.Lock()

    async def pipeline(self, bot: TreatywatchBot) -> Pipeline:
        async with self._lock:
            if self._pipeline is None:
                engine = await open_engine(bot.store, bot.config)
                self._pipeline = Pipeline(bot.store, engine)
            return self._pipeline

    async def __call__(self, bot: TreatywatchBot, feed: FeedRow) -> None:
        store = bot.store
        known = await store.known_guids(feed.id)
        (outcome,) = await poll_feeds(
            [feed_poll(feed)],
            bot.fetcher,
            feeds_config=bot.config.feeds,
            clock=bot.clock,
            # Full text is fetched only for entries never seen; the pipeline still
            # re-judges a seen entry whose feed text changed.
            entry_filter=lambda _, entry: entry.guid not in known,
        )
        if outcome.failed:
            error = outcome.error or "the poll failed"
            log.warning("feed %s failed (%d in a row): %s", feed.url, outcome.failure_count, error)
            await store.record_fetch_failure(feed.id, error, outcome.next_poll_at)
            if outcome.health == "failing":
                await store.mark_feed_failing(feed.id, error)  # announced once per episode
            return
        if outcome.parsed is not None:
            texts = {
                entry.guid: doc.text
                for entry, doc in zip(outcome.entries, outcome.documents, strict=True)
            }

            def text_for(entry: FeedEntry) -> str | None:
                return texts.get(entry.guid)

            pipeline = await self.pipeline(bot)
            result = await pipeline.process_feed(
                feed.url, outcome.parsed, feed_id=feed.id, text_for=text_for
            )
            alerts = sum(len(d.alert_ids) for d in result.documents)
            log.info(
                "feed %s: %d entries judged, %d skipped, %d alerts",
                feed.url,
                len(result.documents),
                result.skipped,
                alerts,
            )
        if outcome.parsed is not None and outcome.parsed.title and not feed.title:
            await store.set_feed_title(feed.id, outcome.parsed.title)
        validators = outcome.validators
        await store.record_fetch_success(
            feed.id,
            validators.etag,
            validators.last_modified,
            validators.body_hash,
            outcome.next_poll_at,
        )
