"""Schema migrations: fresh databases reach the latest version, once, atomically."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.store import open_store
from bot.store.migrations import APPLICATION_ID, MIGRATIONS, Migration, latest_version


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
