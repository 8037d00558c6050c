"""Schema migrations: fresh databases reach the latest version, once, atomically."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.model import Verdict
from bot.store import open_store
from bot.store.migrations import APPLICATION_ID, MIGRATIONS, Migration, latest_version

from .factories import judge, make_claim, make_doc


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }


def _user_version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


async def test_fresh_database_reaches_latest_version(db_path: Path) -> None:
    async with open_store(db_path, FrozenClock()):
        pass
    assert _user_version(db_path) == latest_version() == len(MIGRATIONS)
    assert {
        "meta", "feeds", "entries", "claims", "claim_sources", "verdicts", "alerts",
        "subscriptions", "deliveries", "feed_notices",
    } <= _tables(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


async def test_reopening_applies_nothing_and_keeps_data(db_path: Path) -> None:
    async with open_store(db_path, FrozenClock()) as store:
        await store.add_feed("https://news.example/feed.xml")
    with sqlite3.connect(db_path) as conn:
        schema_before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    async with open_store(db_path, FrozenClock()) as store:
        assert [f.url for f in await store.list_feeds()] == ["https://news.example/feed.xml"]
    with sqlite3.connect(db_path) as conn:
        schema_after = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert schema_after == schema_before
    assert _user_version(db_path) == latest_version()


async def test_failing_migration_leaves_version_and_tables_untouched(db_path: Path) -> None:
    broken = (
        Migration(1, "fine", ("CREATE TABLE first (id INTEGER PRIMARY KEY)",)),
        Migration(2, "broken", ("CREATE TABLE second (id INTEGER PRIMARY KEY)", "NOT SQL")),
    )
    with pytest.raises(StorageError):
        await open_store(db_path, FrozenClock(), migrations=broken)
    assert _user_version(db_path) == 0
    assert _tables(db_path) == set()


async def test_failing_later_migration_keeps_earlier_version(db_path: Path) -> None:
    first = (Migration(1, "fine", ("CREATE TABLE first (id INTEGER PRIMARY KEY)",)),)
    async with open_store(db_path, FrozenClock(), migrations=first):
        pass
    broken = (*first, Migration(2, "broken", ("CREATE TABLE second (x)", "NOT SQL")))
    with pytest.raises(StorageError):
        await open_store(db_path, FrozenClock(), migrations=broken)
    assert _user_version(db_path) == 1
    assert _tables(db_path) == {"first"}


async def test_pending_migration_is_applied_on_next_open(db_path: Path) -> None:
    first = (Migration(1, "one", ("CREATE TABLE first (id INTEGER PRIMARY KEY)",)),)
    async with open_store(db_path, FrozenClock(), migrations=first):
        pass
    both = (*first, Migration(2, "two", ("CREATE TABLE second (id INTEGER PRIMARY KEY)",)))
    async with open_store(db_path, FrozenClock(), migrations=both):
        pass
    assert _user_version(db_path) == 2
    assert _tables(db_path) == {"first", "second"}


async def test_gaps_in_migration_numbers_are_refused(db_path: Path) -> None:
    gappy = (Migration(2, "two", ("CREATE TABLE t (x)",)),)
    with pytest.raises(StorageError, match="numbered"):
        await open_store(db_path, FrozenClock(), migrations=gappy)


async def test_version_2_turns_pending_deliveries_into_packs_keeping_their_nonce(
    db_path: Path,
) -> None:
    # Version 1 sent a delivery's id as its nonce; one pending at the upgrade may have been
    # posted already, so it becomes a pack of its own under that same nonce, unrendered.
    clock = FrozenClock()
    async with open_store(db_path, clock, migrations=MIGRATIONS[:1]) as store:
        await store.subscribe(5, 500)
        await store.subscribe(5, 501)
        ids: list[int] = []
        for n in range(2):
            doc = make_doc(f"https://news.example/{n}")
            claim = make_claim(f"Claim {n} about the pact.", doc.doc_id, 0)
            result = await store.record_judgements(doc, None, [judge(claim, Verdict.NEW)])
            ids.extend(result.delivery_ids)
    # Version 1 recorded the first delivery as sent, as its dispatcher did.
    conn = sqlite3.connect(db_path)
    try:
        with conn:
            marked = conn.execute(
                "UPDATE deliveries SET status = 'sent', attempts = attempts + 1, message_id = 99,"
                " sent_at = created_at WHERE id = ? AND status = 'pending'",
                (ids[0],),
            ).rowcount
    finally:
        conn.close()
    assert marked == 1
    async with open_store(db_path, clock) as store:
        todo = await store.deliveries_to_pack(clock.now(), 10)
        assert sorted(d.delivery_id for d in todo) == ids[1:]
        assert all(d.pack_id is not None for d in todo)
        assert await store.pending_packs(clock.now(), 10) == []  # not rendered yet
        for d in todo:
            assert d.pack_id is not None
            assert await store.set_pack_payload(d.pack_id, "[]") is True
            assert await store.set_pack_payload(d.pack_id, "[1]") is False  # once
        packs = await store.pending_packs(clock.now(), 10)
    assert sorted((p.nonce, p.deliveries) for p in packs) == [(str(i), 1) for i in ids[1:]]
    sent = await _delivery_pack(db_path, ids[0])
    assert sent is None  # already sent in version 1: no pack
    assert _user_version(db_path) == 2


async def _delivery_pack(path: Path, delivery_id: int) -> int | None:
    with sqlite3.connect(path) as conn:
        row = conn.execute("SELECT pack_id FROM deliveries WHERE id = ?", (delivery_id,)).fetchone()
    return None if row[0] is None else int(row[0])
