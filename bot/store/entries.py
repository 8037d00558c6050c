"""Feed entries: which were seen, and whether their current text has been judged.

An entry counts as handled only once its judgements are stored (``record_judgements``) or
it was deliberately skipped (``mark_entries_seen``, the no-flood path when a feed is
added). Until then ``upsert_entry`` keeps reporting it as new or changed, so a crash
between fetching and storing never loses an entry.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import datetime

import aiosqlite

from bot.store.base import StoreBase, fetch_all, fetch_one, insert_or_ignore
from bot.store.codec import opt_time_from_db, opt_time_to_db, time_from_db
from bot.store.rows import EntryLike, EntryRow, EntryStatus


class EntriesRepo(StoreBase):
    # Positional, as agreed with the pipeline: (feed_id, guid, link, title, published, hash).
    async def upsert_entry(  # noqa: PLR0917
        self,
        feed_id: int,
        guid: str,
        link: str | None,
        title: str | None,
        published: datetime | None,
        content_hash: str,
    ) -> tuple[EntryRow, EntryStatus]:
        """Record an entry as fetched now.

        "new": never handled; "changed": handled before, but its content changed since;
        "unchanged": its current content is already handled (nothing to do).
        """
        now = self._now()
        async with self._write() as conn:
            await conn.execute(
                "INSERT INTO entries (feed_id, guid, link, title, published, content_hash,"
                " first_seen_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (feed_id, guid) DO UPDATE SET"
                " link = excluded.link, title = excluded.title,"
                " published = coalesce(excluded.published, entries.published),"
                " updated_at = CASE WHEN entries.content_hash = excluded.content_hash"
                "   THEN entries.updated_at ELSE excluded.updated_at END,"
                " content_hash = excluded.content_hash",
                (feed_id, guid, link, title, opt_time_to_db(published), content_hash, now, now),
            )
            row = await fetch_one(
                conn, "SELECT * FROM entries WHERE feed_id = ? AND guid = ?", (feed_id, guid)
            )
        assert row is not None
        entry = entry_from_row(row)
        if entry.judged_hash is None:
            return entry, "new"
        if entry.judged_hash != entry.content_hash:
            return entry, "changed"
        return entry, "unchanged"

    async def known_guids(self, feed_id: int) -> set[str]:
        async with self._read() as conn:
            rows = await fetch_all(conn, "SELECT guid FROM entries WHERE feed_id = ?", (feed_id,))
        return {row["guid"] for row in rows}

    async def mark_entries_seen(self, feed_id: int, entries: Iterable[EntryLike]) -> int:
        """Record entries as handled without judging them; returns how many were new.

        Entries already handled keep their state; a seen entry whose text changes later
        is reported "changed" by ``upsert_entry``.
        """
        now = self._now()
        added = 0
        async with self._write() as conn:
            for entry in entries:
                entry_id = await insert_or_ignore(
                    conn,
                    "INSERT OR IGNORE INTO entries (feed_id, guid, link, title, published,"
                    " content_hash, judged_hash, first_seen_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        feed_id,
                        entry.guid,
                        entry.link,
                        entry.title,
                        opt_time_to_db(entry.published),
                        entry.content_hash,
                        entry.content_hash,
                        now,
                        now,
                    ),
                )
                if entry_id is not None:
                    added += 1
                else:
                    # Known but never handled (e.g. a crash mid-poll): now it is.
                    await conn.execute(
                        "UPDATE entries SET judged_hash = content_hash"
                        " WHERE feed_id = ? AND guid = ? AND judged_hash IS NULL",
                        (feed_id, entry.guid),
                    )
        return added

    async def get_entry(self, entry_id: int) -> EntryRow | None:
        async with self._read() as conn:
            row = await fetch_one(conn, "SELECT * FROM entries WHERE id = ?", (entry_id,))
        return None if row is None else entry_from_row(row)


async def mark_entry_judged(conn: aiosqlite.Connection, entry_id: int) -> None:
    """Inside a ``record_judgements`` transaction: the entry's current text is handled."""
    await conn.execute("UPDATE entries SET judged_hash = content_hash WHERE id = ?", (entry_id,))


def entry_from_row(row: sqlite3.Row) -> EntryRow:
    return EntryRow(
        id=row["id"],
        feed_id=row["feed_id"],
        guid=row["guid"],
        link=row["link"],
        title=row["title"],
        published=opt_time_from_db(row["published"]),
        content_hash=row["content_hash"],
        judged_hash=row["judged_hash"],
        first_seen_at=time_from_db(row["first_seen_at"]),
        updated_at=time_from_db(row["updated_at"]),
    )
