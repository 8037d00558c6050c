"""The outbox: alert deliveries and feed notices waiting for their channels.

A row is marked sent only after Discord accepted the message, so a crash in between means
a retry, never a loss; the dispatcher sends the row id as the message nonce so that retry
does not post twice. Rows of subscriptions that are not active wait, untouched.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import Literal, cast

import aiosqlite

from bot.errors import StorageError
from bot.model import Verdict
from bot.store.base import StoreBase, changes, fetch_all, fetch_one
from bot.store.codec import opt_time_from_db, time_from_db, time_to_db
from bot.store.feeds import feed_from_row
from bot.store.knowledge import load_known_claims, source_from_row
from bot.store.rows import (
    DeliveryRow,
    FeedNoticeKind,
    OutboxStatus,
    PendingDelivery,
    PendingFeedNotice,
)

_Table = Literal["deliveries", "feed_notices"]


class OutboxRepo(StoreBase):
    async def pending_deliveries(self, now: datetime, limit: int = 50) -> list[PendingDelivery]:
        """Deliveries due by ``now`` to active subscriptions, oldest first, fully joined."""
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT d.id AS delivery_id, d.attempts, s.id AS subscription_id, s.guild_id,"
                " s.channel_id, a.id AS alert_id, a.kind, a.score, a.created_at, a.claim_id,"
                " v.reason, v.topic, v.match_claim_id, v.doc_id, v.sentence_index,"
                " coalesce(e.title, v.doc_title) AS title, coalesce(e.link, v.doc_link) AS link,"
                " v.doc_outlet AS outlet, coalesce(e.published, v.doc_published) AS published"
                " FROM deliveries d"
                " JOIN subscriptions s ON s.id = d.subscription_id"
                " JOIN alerts a ON a.id = d.alert_id"
                " JOIN verdicts v ON v.id = a.verdict_id"
                " LEFT JOIN entries e ON e.id = v.entry_id"
                " WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND s.state = 'active'"
                " ORDER BY d.next_attempt_at, d.id LIMIT ?",
                (time_to_db(now), max(0, limit)),
            )
            claim_ids = {row["claim_id"] for row in rows}
            claim_ids |= {row["match_claim_id"] for row in rows if row["match_claim_id"]}
            claims = await load_known_claims(conn, claim_ids)
        pending: list[PendingDelivery] = []
        for row in rows:
            claim = claims.get(row["claim_id"])
            if claim is None:
                continue  # cannot happen with foreign keys on; never crash the dispatcher
            match_id = row["match_claim_id"]
            pending.append(
                PendingDelivery(
                    delivery_id=row["delivery_id"],
                    attempts=row["attempts"],
                    subscription_id=row["subscription_id"],
                    guild_id=row["guild_id"],
                    channel_id=row["channel_id"],
                    alert_id=row["alert_id"],
                    kind=Verdict(row["kind"]),
                    score=row["score"],
                    created_at=time_from_db(row["created_at"]),
                    reason=row["reason"],
                    topic=row["topic"],
                    claim=claim,
                    source=source_from_row(row),
                    match=None if match_id is None else claims.get(match_id),
                    corroborations=len(
                        {s.doc_id for s in claim.sources} - {claim.claim.doc_id}
                    ),
                )
            )
        return pending

    async def get_delivery(self, delivery_id: int) -> DeliveryRow | None:
        async with self._read() as conn:
            row = await fetch_one(conn, "SELECT * FROM deliveries WHERE id = ?", (delivery_id,))
        return None if row is None else delivery_from_row(row)

    async def deliveries_for_alert(self, alert_id: int) -> list[DeliveryRow]:
        async with self._read() as conn:
            rows = await fetch_all(
                conn, "SELECT * FROM deliveries WHERE alert_id = ? ORDER BY id", (alert_id,)
            )
        return [delivery_from_row(row) for row in rows]

    async def mark_delivered(self, delivery_id: int, message_id: int, sent_at: datetime) -> bool:
        """Discord accepted the message. False if the delivery was no longer pending."""
        return await self._finish("deliveries", delivery_id, message_id, sent_at)

    async def mark_delivery_retry(
        self, delivery_id: int, error: str, next_attempt_at: datetime
    ) -> bool:
        return await self._retry("deliveries", delivery_id, error, next_attempt_at)

    async def mark_delivery_failed(self, delivery_id: int, error: str) -> bool:
        """Give up on a delivery for good (it stays in the table for /status)."""
        return await self._fail("deliveries", delivery_id, error)

    async def pending_feed_notices(
        self, now: datetime, limit: int = 50
    ) -> list[PendingFeedNotice]:
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT n.id AS notice_id, n.attempts, n.kind, n.reason,"
                " n.created_at AS notice_created_at, s.id AS subscription_id, s.guild_id,"
                " s.channel_id, f.*"
                " FROM feed_notices n"
                " JOIN subscriptions s ON s.id = n.subscription_id"
                " JOIN feeds f ON f.id = n.feed_id"
                " WHERE n.status = 'pending' AND n.next_attempt_at <= ? AND s.state = 'active'"
                " ORDER BY n.next_attempt_at, n.id LIMIT ?",
                (time_to_db(now), max(0, limit)),
            )
        return [
            PendingFeedNotice(
                notice_id=row["notice_id"],
                attempts=row["attempts"],
                subscription_id=row["subscription_id"],
                guild_id=row["guild_id"],
                channel_id=row["channel_id"],
                kind=cast(FeedNoticeKind, row["kind"]),
                reason=row["reason"],
                created_at=time_from_db(row["notice_created_at"]),
                feed=feed_from_row(row),
            )
            for row in rows
        ]

    async def mark_notice_sent(self, notice_id: int, message_id: int, sent_at: datetime) -> bool:
        return await self._finish("feed_notices", notice_id, message_id, sent_at)

    async def mark_notice_retry(
        self, notice_id: int, error: str, next_attempt_at: datetime
    ) -> bool:
        return await self._retry("feed_notices", notice_id, error, next_attempt_at)

    async def mark_notice_failed(self, notice_id: int, error: str) -> bool:
        return await self._fail("feed_notices", notice_id, error)

    async def _finish(
        self, table: _Table, row_id: int, message_id: int, sent_at: datetime
    ) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                "status = 'sent', attempts = attempts + 1, message_id = ?, sent_at = ?,"
                " last_error = NULL",
                (message_id, time_to_db(sent_at)),
            )

    async def _retry(self, table: _Table, row_id: int, error: str, at: datetime) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                "attempts = attempts + 1, last_error = ?, next_attempt_at = ?",
                (error, time_to_db(at)),
            )

    async def _fail(self, table: _Table, row_id: int, error: str) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                "status = 'failed', attempts = attempts + 1, last_error = ?",
                (error,),
            )


async def _update_pending(
    conn: aiosqlite.Connection,
    table: _Table,
    row_id: int,
    assignments: str,
    params: tuple[object, ...],
) -> bool:
    """Update one outbox row that is still pending; False if it is gone or already final."""
    if table not in ("deliveries", "feed_notices"):
        raise StorageError(f"not an outbox table: {table}")
    return (
        await changes(
            conn,
            f"UPDATE {table} SET {assignments} WHERE id = ? AND status = 'pending'",
            (*params, row_id),
        )
        > 0
    )


def delivery_from_row(row: sqlite3.Row) -> DeliveryRow:
    return DeliveryRow(
        id=row["id"],
        alert_id=row["alert_id"],
        subscription_id=row["subscription_id"],
        status=cast(OutboxStatus, row["status"]),
        attempts=row["attempts"],
        next_attempt_at=time_from_db(row["next_attempt_at"]),
        last_error=row["last_error"],
        message_id=row["message_id"],
        sent_at=opt_time_from_db(row["sent_at"]),
        created_at=time_from_db(row["created_at"]),
    )
