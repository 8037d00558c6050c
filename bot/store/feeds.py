"""Feeds: what is watched, its conditional-GET state, its health, when to poll it next.

A failing episode (issue 5) is announced to subscribed channels once, through the
``feed_notices`` outbox, and its recovery once as well; both are queued in the same
transaction as the state change so a crash cannot announce twice or not at all.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import cast

import aiosqlite

from bot.errors import StorageError
from bot.store.base import StoreBase, changes, fetch_all, fetch_one, insert_or_ignore, opt_int
from bot.store.codec import opt_time_from_db, time_from_db, time_to_db
from bot.store.rows import FEED_STATES, FeedNoticeKind, FeedRow, FeedState


class FeedsRepo(StoreBase):
    async def add_feed(
        self,
        url: str,
        title: str | None = None,
        guild_id: int | None = None,
        interval_minutes: float | None = None,
    ) -> FeedRow:
        """Watch ``url`` (idempotent: an existing feed is returned, its missing title filled)."""
        if interval_minutes is not None and not interval_minutes > 0:
            raise StorageError(f"a poll interval must be positive, got {interval_minutes}")
        async with self._write() as conn:
            await conn.execute(
                "INSERT INTO feeds (url, title, guild_id, added_at, interval_minutes)"
                " VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (url) DO UPDATE SET title = coalesce(feeds.title, excluded.title)",
                (url, title, guild_id, self._now(), interval_minutes),
            )
            row = await _feed_by(conn, "url", url)
        assert row is not None
        return row

    async def get_feed(self, feed: int | str) -> FeedRow | None:
        """A feed by id or by URL."""
        async with self._read() as conn:
            if isinstance(feed, int):
                return await _feed_by(conn, "id", feed)
            return await _feed_by(conn, "url", feed)

    async def list_feeds(self) -> list[FeedRow]:
        async with self._read() as conn:
            rows = await fetch_all(conn, "SELECT * FROM feeds ORDER BY id")
        return [feed_from_row(row) for row in rows]

    async def remove_feed(self, feed_id: int) -> bool:
        """Stop watching a feed. Its entries go; verdicts and claims read from it stay."""
        async with self._write() as conn:
            return await changes(conn, "DELETE FROM feeds WHERE id = ?", (feed_id,)) > 0

    async def set_feed_title(self, feed_id: int, title: str | None) -> None:
        async with self._write() as conn:
            await conn.execute("UPDATE feeds SET title = ? WHERE id = ?", (title, feed_id))

    async def due_feeds(self, now: datetime) -> list[FeedRow]:
        """Enabled feeds whose next poll is due (never-polled feeds first)."""
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT * FROM feeds WHERE enabled = 1"
                " AND (next_poll_at IS NULL OR next_poll_at <= ?)"
                " ORDER BY next_poll_at IS NOT NULL, next_poll_at, id",
                (time_to_db(now),),
            )
        return [feed_from_row(row) for row in rows]

    async def record_fetch_success(
        self,
        feed_id: int,
        etag: str | None,
        last_modified: str | None,
        body_hash: str | None,
        next_poll_at: datetime,
    ) -> FeedRow:
        """A poll worked (200 or 304). Values given replace the stored ones; on a 304 pass
        the previous ones. Ends a failing episode, queueing its recovery notices when the
        failure had been announced."""
        now = self._now()
        async with self._write() as conn:
            before = await _require_feed(conn, feed_id)
            if before.failing_notified and before.first_failure_at is not None:
                await _queue_notices(
                    conn,
                    before,
                    "recovered",
                    episode=time_to_db(before.first_failure_at),
                    reason=None,
                    now=now,
                )
            await conn.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, body_hash = ?,"
                " last_polled_at = ?, last_success_at = ?, last_error = NULL,"
                " failure_count = 0, first_failure_at = NULL, failing_notified = 0,"
                " next_poll_at = ?,"
                " state = CASE state WHEN 'disabled' THEN 'disabled' ELSE 'ok' END"
                " WHERE id = ?",
                (etag, last_modified, body_hash, now, now, time_to_db(next_poll_at), feed_id),
            )
            return await _require_feed(conn, feed_id)

    async def record_fetch_failure(
        self, feed_id: int, error: str, next_poll_at: datetime
    ) -> FeedRow:
        """A poll failed: count it, remember when the run of failures began."""
        now = self._now()
        async with self._write() as conn:
            touched = await changes(
                conn,
                "UPDATE feeds SET last_polled_at = ?, last_error = ?,"
                " failure_count = failure_count + 1,"
                " first_failure_at = coalesce(first_failure_at, ?), next_poll_at = ?"
                " WHERE id = ?",
                (now, error, now, time_to_db(next_poll_at), feed_id),
            )
            if not touched:
                raise StorageError(f"there is no feed with id {feed_id}")
            return await _require_feed(conn, feed_id)

    async def mark_feed_failing(self, feed_id: int, reason: str) -> list[int]:
        """Mark a feed failing and, once per failing episode, queue a notice for each
        subscribed channel. Returns the ids of the notices queued now (empty if the
        episode was already announced)."""
        now = self._now()
        async with self._write() as conn:
            feed = await _require_feed(conn, feed_id)
            notice_ids: list[int] = []
            if not feed.failing_notified:
                episode = feed.first_failure_at or self._clock.now()
                notice_ids = await _queue_notices(
                    conn, feed, "failing", episode=time_to_db(episode), reason=reason, now=now
                )
            await conn.execute(
                "UPDATE feeds SET failing_notified = 1,"
                " first_failure_at = coalesce(first_failure_at, ?),"
                " state = CASE state WHEN 'disabled' THEN 'disabled' ELSE 'failing' END"
                " WHERE id = ?",
                (now, feed_id),
            )
            return notice_ids

    async def set_feed_state(self, feed_id: int, state: FeedState) -> FeedRow:
        """Set a feed's state by hand; "disabled" also stops polling it, others resume."""
        if state not in FEED_STATES:
            raise StorageError(f"unknown feed state {state!r}")
        async with self._write() as conn:
            touched = await changes(
                conn,
                "UPDATE feeds SET state = ?, enabled = ? WHERE id = ?",
                (state, 0 if state == "disabled" else 1, feed_id),
            )
            if not touched:
                raise StorageError(f"there is no feed with id {feed_id}")
            return await _require_feed(conn, feed_id)


async def _queue_notices(
    conn: aiosqlite.Connection,
    feed: FeedRow,
    kind: FeedNoticeKind,
    *,
    episode: str,
    reason: str | None,
    now: str,
) -> list[int]:
    """One pending notice per active subscription that follows this feed.

    A feed added with /feeds add concerns the server that added it; a configured feed
    (no guild) concerns every subscribed channel.
    """
    if feed.guild_id is None:
        subscriptions = await fetch_all(
            conn, "SELECT id FROM subscriptions WHERE state = 'active' ORDER BY id"
        )
    else:
        subscriptions = await fetch_all(
            conn,
            "SELECT id FROM subscriptions WHERE state = 'active' AND guild_id = ? ORDER BY id",
            (feed.guild_id,),
        )
    notice_ids: list[int] = []
    for subscription in subscriptions:
        # Ignored when this episode was already announced to that channel.
        notice_id = await insert_or_ignore(
            conn,
            "INSERT OR IGNORE INTO feed_notices (feed_id, subscription_id, kind, episode,"
            " reason, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (feed.id, subscription["id"], kind, episode, reason, now, now),
        )
        if notice_id is not None:
            notice_ids.append(notice_id)
    return notice_ids


async def _feed_by(conn: aiosqlite.Connection, column: str, value: int | str) -> FeedRow | None:
    assert column in ("id", "url")
    row = await fetch_one(conn, f"SELECT * FROM feeds WHERE {column} = ?", (value,))
    return None if row is None else feed_from_row(row)


async def _require_feed(conn: aiosqlite.Connection, feed_id: int) -> FeedRow:
    feed = await _feed_by(conn, "id", feed_id)
    if feed is None:
        raise StorageError(f"there is no feed with id {feed_id}")
    return feed


def feed_from_row(row: sqlite3.Row) -> FeedRow:
    return FeedRow(
        id=row["id"],
        url=row["url"],
        title=row["title"],
        guild_id=opt_int(row["guild_id"]),
        added_at=time_from_db(row["added_at"]),
        enabled=bool(row["enabled"]),
        interval_minutes=row["interval_minutes"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        body_hash=row["body_hash"],
        last_polled_at=opt_time_from_db(row["last_polled_at"]),
        last_success_at=opt_time_from_db(row["last_success_at"]),
        last_error=row["last_error"],
        failure_count=row["failure_count"],
        first_failure_at=opt_time_from_db(row["first_failure_at"]),
        failing_notified=bool(row["failing_notified"]),
        next_poll_at=opt_time_from_db(row["next_poll_at"]),
        state=cast(FeedState, row["state"]),
    )
