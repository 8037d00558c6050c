"""One poll of many feeds at once, where one broken feed never stops the others.

For every feed this fetches (conditionally), parses, optionally fetches full text, and
decides the feed's next state: validators, failure count, health, what to announce and
when to poll again. It persists nothing: the caller stores each :class:`PollOutcome`.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.clock import Clock
from bot.config import FeedsConfig
from bot.errors import FeedError
from bot.fetch.backoff import (
    Announcement,
    Health,
    announcement,
    failure_state,
    next_poll_after_failure,
    next_poll_after_success,
)
from bot.fetch.feeds import FeedEntry, ParsedFeed, entry_to_document, parse_feed
from bot.fetch.fulltext import full_text, wants_full_text
from bot.fetch.http import CacheValidators, Fetcher, FetchResult
from bot.model import Document

log = logging.getLogger(__name__)

PollStatus = Literal["new", "not_modified", "unchanged", "error"]
#: Chooses the entries worth processing (e.g. not seen before with this content_hash).
EntryFilter = Callable[["FeedPoll", FeedEntry], bool]


@dataclass(frozen=True, slots=True)
class FeedPoll:
    """What the caller knows about a feed before polling it (from storage)."""

    url: str
    name: str | None = None
    validators: CacheValidators = field(default_factory=CacheValidators)
    failure_count: int = 0
    first_failure_at: datetime | None = None
    health: Health = "ok"
    #: None: FeedsConfig.default_interval_minutes.
    interval_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class PollOutcome:
    """What happened to one feed, and the state the caller should store for it."""

    feed: FeedPoll
    status: PollStatus
    fetch: FetchResult | None
    parsed: ParsedFeed | None
    #: Entries that passed the caller's filter, newest first.
    entries: tuple[FeedEntry, ...]
    #: One Document per entry, with the article's full text where it was fetched.
    documents: tuple[Document, ...]
    # -- the new state of the feed --
    validators: CacheValidators
    failure_count: int
    first_failure_at: datetime | None
    health: Health
    #: Tell subscribed channels once: "failing" or "recovered"; None most of the time.
    announce: Announcement | None
    next_poll_at: datetime
    error: str | None = None
    error_kind: str | None = None
    hint: str | None = None
    #: Feeds an HTML page links to, when the URL was a page rather than a feed.
    discovered: tuple[str, ...] = ()
    #: The new URL when the feed moved permanently (301/308).
    moved_to: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "error"


@dataclass(slots=True)
class _Poller:
    fetcher: Fetcher
    feeds_config: FeedsConfig
    clock: Clock
    rng: random.Random
    entry_filter: EntryFilter | None
    full_text_limit: int

    async def poll_safely(self, feed: FeedPoll) -> PollOutcome:
        try:
            return await self.poll(feed)
        except Exception as exc:  # one feed's bug must not end the poll of the others
            log.exception("polling %s failed unexpectedly", feed.url)
            return self.failure(
                feed, None, f"Internal error while polling: {type(exc).__name__}.", "internal"
            )

    async def poll(self, feed: FeedPoll) -> PollOutcome:
        result = await self.fetcher.fetch(feed.url, feed.validators)
        if result.failed:
            return self.failure(
                feed, result, result.error or "fetch failed", result.error_kind, result.hint
            )
        if result.status in ("not_modified", "unchanged"):
            status: PollStatus = "not_modified" if result.status == "not_modified" else "unchanged"
            return self.success(feed, status, result, parsed=None, entries=(), documents=())
        parsed = await parse_feed(
            result.body,
            result.final_url,
            result.content_type,
            now=self.clock.now(),
            max_entries=self.feeds_config.max_entries_per_poll,
        )
        if not parsed.ok:
            hint = (
                f"Use the feed URL instead: {parsed.discovered[0]}"
                if parsed.discovered
                else "Check that the URL points to an RSS or Atom feed."
            )
            return self.failure(
                feed,
                result,
                parsed.error or "not a feed",
                "not_a_feed",
                hint,
                parsed=parsed,
                discovered=parsed.discovered,
            )
        entries = tuple(
            e for e in parsed.entries if self.entry_filter is None or self.entry_filter(feed, e)
        )
        documents = await self.documents(feed, parsed, entries)
        return self.success(
            feed, "new", result, parsed=parsed, entries=entries, documents=documents
        )

    async def documents(
        self, feed: FeedPoll, parsed: ParsedFeed, entries: Sequence[FeedEntry]
    ) -> tuple[Document, ...]:
        mode = self.fetcher.config.full_text
        budget = max(0, self.full_text_limit)
        texts: list[asyncio.Task[str] | str] = []
        # A TaskGroup so a cancelled poll leaves no page fetch running behind it.
        async with asyncio.TaskGroup() as group:
            for entry in entries:
                # The newest entries get the budget; older ones keep the feed's own text.
                if budget and wants_full_text(entry, mode):
                    budget -= 1
                    texts.append(group.create_task(full_text(entry, self.fetcher, mode)))
                else:
                    texts.append(entry.text)
        title = feed.name or parsed.title
        return tuple(
            entry_to_document(
                entry, title, feed.url, text=text if isinstance(text, str) else text.result()
            )
            for entry, text in zip(entries, texts, strict=True)
        )

    def success(
        self,
        feed: FeedPoll,
        status: PollStatus,
        result: FetchResult,
        *,
        parsed: ParsedFeed | None,
        entries: tuple[FeedEntry, ...],
        documents: tuple[Document, ...],
    ) -> PollOutcome:
        now = self.clock.now()
        interval = feed.interval_minutes or self.feeds_config.default_interval_minutes
        return PollOutcome(
            feed=feed,
            status=status,
            fetch=result,
            parsed=parsed,
            entries=entries,
            documents=documents,
            validators=result.validators(),
            failure_count=0,
            first_failure_at=None,
            health="ok",
            announce=announcement(feed.health, "ok"),
            next_poll_at=next_poll_after_success(
                now, interval, self.feeds_config.jitter_seconds, self.rng
            ),
            moved_to=result.moved_to,
        )

    def failure(
        self,
        feed: FeedPoll,
        result: FetchResult | None,
        error: str,
        kind: str | None,
        hint: str | None = None,
        *,
        parsed: ParsedFeed | None = None,
        discovered: tuple[str, ...] = (),
    ) -> PollOutcome:
        now = self.clock.now()
        config = self.fetcher.config
        count = feed.failure_count + 1
        first = feed.first_failure_at or now
        health = failure_state(count, first, now, config)
        retry_after = result.retry_after if result is not None else None
        return PollOutcome(
            feed=feed,
            status="error",
            fetch=result,
            parsed=parsed,
            entries=(),
            documents=(),
            # Keep the old validators: storing a broken body's hash would make the next
            # poll skip it as "unchanged" and count a broken feed as healthy.
            validators=feed.validators,
            failure_count=count,
            first_failure_at=first,
            health=health,
            announce=announcement(feed.health, health),
            next_poll_at=next_poll_after_failure(count, retry_after, config, self.rng, now),
            error=error,
            error_kind=kind,
            hint=hint,
            discovered=discovered,
            moved_to=result.moved_to if result is not None else None,
        )


async def poll_feeds(
    feeds: Sequence[FeedPoll],
    fetcher: Fetcher,
    *,
    feeds_config: FeedsConfig,
    clock: Clock,
    rng: random.Random | None = None,
    entry_filter: EntryFilter | None = None,
    full_text_limit: int = 30,
) -> list[PollOutcome]:
    """Poll ``feeds`` concurrently; one outcome per feed, in the same order, never raising.

    ``entry_filter`` lets the caller drop entries it has already judged with the same
    ``content_hash`` before any full text is fetched for them. ``full_text_limit`` caps the
    article pages fetched per feed per poll (a first poll must not crawl a whole site).
    Concurrency is bounded by the Fetcher's global and per-host limits.
    """
    jitter = rng or random.Random()  # noqa: S311 - jitter, not secrets
    poller = _Poller(fetcher, feeds_config, clock, jitter, entry_filter, full_text_limit)
    return list(await asyncio.gather(*(poller.poll_safely(feed) for feed in feeds)))


async def validate_feed(url: str, fetcher: Fetcher, *, clock: Clock) -> ParsedFeed:
    """Check, fetch and parse ``url`` once, for ``/feeds add``; raise FeedError saying why not.

    When the URL is a web page that links to a feed, the error says where the feed is, and
    its ``hint`` carries the URL to use instead.
    """
    await fetcher.check(url)
    result = await fetcher.fetch(url)
    if result.failed:
        raise FeedError(result.error or "The feed could not be fetched.", hint=result.hint)
    parsed = await parse_feed(result.body, result.final_url, result.content_type, now=clock.now())
    if not parsed.ok:
        hint = f"Use {parsed.discovered[0]} instead." if parsed.discovered else None
        raise FeedError(parsed.error or "Not a feed.", hint=hint)
    return parsed
