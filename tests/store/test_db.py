"""Opening the store: PRAGMAs, both ways of opening, clear errors, online backup."""

from __future__ import annotations

import asyncio
import contextlib
import os
import sqlite3
from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.store import SeenEntry, Store, open_store
from bot.store.migrations import latest_version


def _file_exists(path: Path) -> bool:
    return path.is_file()


def _write_garbage(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, just some text " * 200)


async def test_open_creates_parent_directories_and_sets_pragmas(db_path: Path) -> None:
    assert not db_path.parent.exists()
    store = await open_store(db_path, FrozenClock())
    try:
        assert _file_exists(db_path)
        conn = store._conn
        pragmas = {}
        for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous"):
            async with conn.execute(f"PRAGMA {name}") as cursor:
                row = await cursor.fetchone()
                assert row is not None
                pragmas[name] = row[0]
        assert pragmas == {
            "journal_mode": "wal", "busy_timeout": 5000, "foreign_keys": 1, "synchronous": 1,
        }
    finally:
        await store.close()


async def test_context_manager_closes_the_store(db_path: Path) -> None:
    async with open_store(db_path, FrozenClock()) as store:
        assert isinstance(store, Store)
    with pytest.raises(StorageError, match="closed"):
        await store.list_feeds()
    await store.close()  # a second close is harmless


async def test_garbage_file_gives_a_clear_error(db_path: Path) -> None:
    _write_garbage(db_path)
    with pytest.raises(StorageError, match="not a treatywatch database, or it is corrupt") as info:
        await open_store(db_path, FrozenClock())
    assert info.value.hint is not None


async def test_newer_schema_version_names_both_versions(db_path: Path) -> None:
    async with open_store(db_path, FrozenClock()):
        pass
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    expected = rf"schema version 99.*up to {latest_version()} only"
    with pytest.raises(StorageError, match=expected) as info:
        await open_store(db_path, FrozenClock())
    assert "upgrade" in (info.value.hint or "")


async def test_other_applications_database_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StorageError, match="another application"):
        await open_store(db_path, FrozenClock())
    with sqlite3.connect(db_path) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]
    assert names == ["invoices"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
async def test_unwritable_location_gives_a_clear_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="cannot"):
            await open_store(locked / "sub" / "db.sqlite3", FrozenClock())
        with pytest.raises(StorageError, match="cannot open"):
            await open_store(locked / "db.sqlite3", FrozenClock())
    finally:
        locked.chmod(0o700)


async def test_directory_in_place_of_the_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="is a directory"):
        await open_store(tmp_path, FrozenClock())


async def test_backup_produces_a_readable_consistent_copy(store: Store, tmp_path: Path) -> None:
    await store.add_feed("https://news.example/feed.xml", title="Example")
    dest = tmp_path / "backups" / "copy.sqlite3"
    await store.backup(dest)
    assert not dest.with_name(dest.name + ".partial").exists()
    async with open_store(dest, FrozenClock()) as copy:
        feeds = await copy.list_feeds()
    assert [(f.url, f.title) for f in feeds] == [("https://news.example/feed.xml", "Example")]
    # The live store is unaffected and keeps working.
    await store.add_feed("https://news.example/other.xml")
    assert len(await store.list_feeds()) == 2


async def test_backup_refuses_to_overwrite_the_database_itself(store: Store) -> None:
    with pytest.raises(StorageError, match="another file"):
        await store.backup(store.path)


async def test_parent_that_is_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot create the database directory") as info:
        await open_store(blocker / "db.sqlite3", FrozenClock())
    assert "--db" in (info.value.hint or "")


async def test_concurrent_writers_do_not_interleave_transactions(store: Store) -> None:
    urls = [f"https://news{n}.example/feed" for n in range(40)]
    feeds = await asyncio.gather(*(store.add_feed(url) for url in urls))
    await asyncio.gather(
        *(store.record_fetch_failure(f.id, "boom", FrozenClock().now()) for f in feeds),
        *(store.subscribe(1, 1000 + n) for n in range(20)),
    )
    assert len(await store.list_feeds()) == 40
    assert all(f.failure_count == 1 for f in await store.list_feeds())


async def test_cancelled_write_is_rolled_back_and_the_store_stays_usable(store: Store) -> None:
    feed = await store.add_feed("https://news.example/feed.xml")
    entries = [SeenEntry(f"guid-{n}", f"hash-{n}") for n in range(20_000)]
    task = asyncio.create_task(store.mark_entries_seen(feed.id, entries))
    # Wait until the write is half way through its transaction: by the clock, not by a count
    # of loop turns, since a loaded machine may start the writer thread late.
    deadline = asyncio.get_running_loop().time() + 30
    # The flag is set by the writer thread: there is no event to wait on, so poll it.
    while not store._conn.in_transaction and asyncio.get_running_loop().time() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0)
    assert store._conn.in_transaction
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert await store.known_guids(feed.id) == set()  # rolled back as a whole
    await store.add_feed("https://other.example/feed.xml")  # no transaction left open
    assert len(await store.list_feeds()) == 2
