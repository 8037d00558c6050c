"""Entries: new / changed / unchanged, known guids, and the no-flood path."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import FrozenClock
from bot.store import SeenEntry, Store

URL = "https://news.example/feed.xml"
PUBLISHED = datetime(2025, 1, 18, 9, 0, tzinfo=UTC)


async def test_upsert_entry_reports_new_changed_unchanged(
    store: Store, frozen_clock: FrozenClock
) -> None:
    feed = await store.add_feed(URL)
    entry, status = await store.upsert_entry(
        feed.id, "guid-1", "https://news.example/1", "Title", PUBLISHED, "hash-a"
    )
    assert status == "new"
    assert (entry.guid, entry.link, entry.published, entry.judged_hash) == (
        "guid-1", "https://news.example/1", PUBLISHED, None
    )
    await store.mark_entries_seen(feed.id, [SeenEntry("guid-1", "hash-a")])
    frozen_clock.advance(timedelta(hours=1))
    same, status = await store.upsert_entry(feed.id, "guid-1", None, "Title", None, "hash-a")
    assert status == "unchanged" and same.id == entry.id
    assert same.published == PUBLISHED  # a later fetch without a date keeps the known one
    assert same.updated_at == entry.updated_at
    edited, status = await store.upsert_entry(
        feed.id, "guid-1", "https://news.example/1", "Title (updated)", None, "hash-b"
    )
    assert status == "changed"
    assert (edited.title, edited.content_hash, edited.updated_at) == (
        "Title (updated)", "hash-b", frozen_clock.now()
    )
    assert edited.first_seen_at == entry.first_seen_at


async def test_same_guid_in_two_feeds_is_two_entries(store: Store) -> None:
    a = await store.add_feed("https://a.example/feed")
    b = await store.add_feed("https://b.example/feed")
    first, _ = await store.upsert_entry(a.id, "shared", None, None, None, "h")
    second, status = await store.upsert_entry(b.id, "shared", None, None, None, "h")
    assert status == "new" and first.id != second.id


async def test_mark_entries_seen_records_without_judging(store: Store) -> None:
    feed = await store.add_feed(URL)
    pending, _ = await store.upsert_entry(feed.id, "half-done", None, None, None, "h0")
    entries = [
        SeenEntry("g1", "h1", "https://news.example/1", "One", PUBLISHED),
        SeenEntry("g2", "h2"),
        SeenEntry("half-done", "h0"),
    ]
    assert await store.mark_entries_seen(feed.id, entries) == 2
    assert await store.mark_entries_seen(feed.id, entries) == 0
    assert await store.known_guids(feed.id) == {"g1", "g2", "half-done"}
    for guid, content in (("g1", "h1"), ("g2", "h2"), ("half-done", "h0")):
        _, status = await store.upsert_entry(feed.id, guid, None, None, None, content)
        assert status == "unchanged", guid
    _, status = await store.upsert_entry(feed.id, "g2", None, None, None, "h2-edited")
    assert status == "changed"
    stored = await store.get_entry(pending.id)
    assert stored is not None and stored.judged_hash == "h0"


async def test_known_guids_is_per_feed(store: Store) -> None:
    a = await store.add_feed("https://a.example/feed")
    b = await store.add_feed("https://b.example/feed")
    await store.mark_entries_seen(a.id, [SeenEntry("x", "h")])
    assert await store.known_guids(a.id) == {"x"}
    assert await store.known_guids(b.id) == set()
