"""Feeds: idempotent adds, conditional-GET state, failures, failing episodes, due polls."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.model import Verdict
from bot.store import Store

from .factories import judge, make_claim, make_doc

URL = "https://news.example/feed.xml"


async def test_add_feed_is_idempotent_on_url_and_fills_a_missing_title(store: Store) -> None:
    first = await store.add_feed(URL, guild_id=7, interval_minutes=15)
    again = await store.add_feed(URL, title="Example News", guild_id=8)
    assert again.id == first.id
    assert (again.title, again.guild_id, again.interval_minutes) == ("Example News", 7, 15)
    assert (again.state, again.enabled, again.failure_count) == ("ok", True, 0)
    kept = await store.add_feed(URL, title="Another title")
    assert kept.title == "Example News"
    assert await store.get_feed(URL) == kept == await store.get_feed(kept.id)
    assert len(await store.list_feeds()) == 1


async def test_add_feed_refuses_a_non_positive_interval(store: Store) -> None:
    with pytest.raises(StorageError, match="positive"):
        await store.add_feed(URL, interval_minutes=0)


async def test_remove_feed_drops_it_and_its_entries(store: Store) -> None:
    feed = await store.add_feed(URL)
    await store.upsert_entry(feed.id, "g", None, None, None, "h")
    assert await store.remove_feed(feed.id) is True
    assert await store.remove_feed(feed.id) is False
    assert await store.get_feed(feed.id) is None
    assert (await store.counts()).entries == 0


async def test_failures_count_up_and_success_resets(
    store: Store, frozen_clock: FrozenClock
) -> None:
    feed = await store.add_feed(URL)
    started = frozen_clock.now()
    failed = await store.record_fetch_failure(feed.id, "HTTP 500", started + timedelta(minutes=1))
    frozen_clock.advance(timedelta(minutes=1))
    failed = await store.record_fetch_failure(feed.id, "timeout", started + timedelta(minutes=5))
    assert (failed.failure_count, failed.last_error) == (2, "timeout")
    assert failed.first_failure_at == started
    assert failed.last_polled_at == frozen_clock.now()
    assert failed.next_poll_at == started + timedelta(minutes=5)
    frozen_clock.advance(timedelta(minutes=5))
    ok = await store.record_fetch_success(
        feed.id, '"etag-1"', "Mon, 20 Jan 2025 12:00:00 GMT", "sha-1",
        frozen_clock.now() + timedelta(minutes=10),
    )
    assert (ok.etag, ok.last_modified, ok.body_hash) == (
        '"etag-1"', "Mon, 20 Jan 2025 12:00:00 GMT", "sha-1"
    )
    assert (ok.failure_count, ok.first_failure_at, ok.last_error, ok.state) == (0, None, None, "ok")
    assert ok.last_success_at == frozen_clock.now()


async def test_failure_of_an_unknown_feed_is_a_clear_error(store: Store) -> None:
    with pytest.raises(StorageError, match="no feed with id 42"):
        await store.record_fetch_failure(42, "x", FrozenClock().now())


async def test_failing_episode_is_announced_once_and_recovery_once(
    store: Store, frozen_clock: FrozenClock
) -> None:
    a = await store.subscribe(1, 11)
    b = await store.subscribe(1, 12)
    await store.subscribe(2, 21)  # another server: not concerned by guild 1's feed
    feed = await store.add_feed(URL, guild_id=1)
    now = frozen_clock.now()
    await store.record_fetch_failure(feed.id, "HTTP 500", now)
    notices = await store.mark_feed_failing(feed.id, "HTTP 500 for a day")
    assert len(notices) == 2
    assert await store.mark_feed_failing(feed.id, "still failing") == []
    failing = await store.get_feed(feed.id)
    assert failing is not None and (failing.state, failing.failing_notified) == ("failing", True)
    pending = await store.pending_feed_notices(now)
    assert {(n.subscription_id, n.kind, n.reason) for n in pending} == {
        (a.id, "failing", "HTTP 500 for a day"), (b.id, "failing", "HTTP 500 for a day"),
    }
    assert pending[0].feed.url == URL
    for notice in pending:
        assert await store.mark_notice_sent(notice.notice_id, 555, now) is True
    assert await store.pending_feed_notices(now) == []

    await store.record_fetch_success(feed.id, None, None, None, now)
    await store.record_fetch_success(feed.id, None, None, None, now)
    recovered = await store.pending_feed_notices(now)
    assert sorted((n.subscription_id, n.kind) for n in recovered) == [
        (a.id, "recovered"), (b.id, "recovered"),
    ]
    healthy = await store.get_feed(feed.id)
    assert healthy is not None and (healthy.state, healthy.failing_notified) == ("ok", False)


async def test_configured_feed_notices_reach_every_active_subscription(
    store: Store, frozen_clock: FrozenClock
) -> None:
    await store.subscribe(1, 11)
    muted = await store.subscribe(2, 21)
    await store.set_subscription_state(muted.id, "disabled", "unknown channel")
    feed = await store.add_feed(URL)
    await store.record_fetch_failure(feed.id, "DNS", frozen_clock.now())
    assert len(await store.mark_feed_failing(feed.id, "DNS")) == 1


async def test_recovery_without_announced_failure_queues_nothing(
    store: Store, frozen_clock: FrozenClock
) -> None:
    await store.subscribe(1, 11)
    feed = await store.add_feed(URL)
    await store.record_fetch_failure(feed.id, "blip", frozen_clock.now())
    await store.record_fetch_success(feed.id, None, None, None, frozen_clock.now())
    assert await store.pending_feed_notices(frozen_clock.now()) == []


async def test_due_feeds_respects_next_poll_and_disabled_state(
    store: Store, frozen_clock: FrozenClock
) -> None:
    now = frozen_clock.now()
    fresh = await store.add_feed("https://a.example/feed")
    later = await store.add_feed("https://b.example/feed")
    earlier = await store.add_feed("https://c.example/feed")
    off = await store.add_feed("https://d.example/feed")
    await store.record_fetch_success(later.id, None, None, None, now + timedelta(minutes=10))
    await store.record_fetch_success(earlier.id, None, None, None, now - timedelta(minutes=1))
    disabled = await store.set_feed_state(off.id, "disabled")
    assert (disabled.state, disabled.enabled) == ("disabled", False)
    assert [f.id for f in await store.due_feeds(now)] == [fresh.id, earlier.id]
    due_later = await store.due_feeds(now + timedelta(minutes=10))
    assert [f.id for f in due_later] == [fresh.id, earlier.id, later.id]
    # A disabled feed stays disabled through a success; re-enabling resumes polling.
    await store.record_fetch_success(off.id, None, None, None, now)
    still = await store.get_feed(off.id)
    assert still is not None and still.state == "disabled"
    await store.set_feed_state(off.id, "ok")
    assert off.id in {f.id for f in await store.due_feeds(now)}


async def test_unknown_feed_state_is_refused(store: Store) -> None:
    feed = await store.add_feed(URL)
    with pytest.raises(StorageError, match="unknown feed state"):
        await store.set_feed_state(feed.id, "paused")  # type: ignore[arg-type]


async def test_removing_a_feed_keeps_the_claims_and_verdicts_read_from_it(store: Store) -> None:
    feed = await store.add_feed(URL)
    entry, _ = await store.upsert_entry(feed.id, "g", "https://news.example/a", "T", None, "h")
    doc = make_doc()
    result = await store.record_judgements(
        doc, entry.id, [judge(make_claim("A new fact.", doc.doc_id, 0), Verdict.NEW, 10.0)]
    )
    assert await store.remove_feed(feed.id) is True
    [history] = await store.claim_history(result.new_claim_ids[0])
    assert (history.entry_id, history.link, history.title) == (None, doc.link, doc.title)
    assert len(await store.alerts_since(FrozenClock().now(), {"all"})) == 1
