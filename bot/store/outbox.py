"""The outbox: alert deliveries and feed notices waiting for their channels.

Deliveries go out in packs: the pending alerts of one channel, composed into one message.
A pack's composition and its rendered payload are committed in one transaction before it
is first sent; every try sends that payload with the pack's nonce, so a retry after a crash
between "Discord accepted" and "marked sent" is deduplicated by Discord and can never carry
other alerts. A row is marked sent only after Discord accepted the message, so a crash in
between means a retry, never a loss. Rows of subscriptions that are not active wait,
untouched. A subscription has at most one pending pack at a time: its alerts go out in
order, and composed-but-unsent payloads stay bounded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Literal, cast

import aiosqlite

from bot.errors import StorageError
from bot.model import Verdict
from bot.store.base import StoreBase, changes, fetch_all, fetch_one, insert, placeholders
from bot.store.codec import opt_time_from_db, time_from_db, time_to_db
from bot.store.feeds import feed_from_row
from bot.store.knowledge import load_known_claims, source_from_row
from bot.store.rows import (
    DeliveryRow,
    FeedNoticeKind,
    OutboxStatus,
    PendingDelivery,
    PendingFeedNotice,
    PendingPack,
)

_Table = Literal["feed_notices", "packs"]
# How a pending outbox row (pack, its deliveries, feed notice) ends a try: one wording for all.
_SENT = "status = 'sent', attempts = attempts + 1, message_id = ?, sent_at = ?, last_error = NULL"
_RETRY = "attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
_FAILED = "status = 'failed', attempts = attempts + 1, last_error = ?"


class OutboxRepo(StoreBase):
    async def deliveries_to_pack(self, now: datetime, per_channel: int) -> list[PendingDelivery]:
        """What the next packs are made of, fully joined, grouped by subscription.

        For each active subscription without a pending pack, its ``per_channel`` oldest due
        deliveries not in a pack yet; and the deliveries of packs composed without a payload
        (those carried over from schema version 1), with their ``pack_id`` set.
        """
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT d.id FROM subscriptions s JOIN deliveries d ON d.id IN ("
                "  SELECT u.id FROM deliveries u"
                "  WHERE u.subscription_id = s.id AND u.status = 'pending'"
                "  AND u.pack_id IS NULL AND u.next_attempt_at <= ?"
                "  ORDER BY u.next_attempt_at, u.id LIMIT ?)"
                " WHERE s.state = 'active' AND NOT EXISTS ("
                "  SELECT 1 FROM packs p WHERE p.subscription_id = s.id AND p.status = 'pending')"
                " UNION ALL"
                " SELECT d.id FROM packs p JOIN deliveries d ON d.pack_id = p.id"
                " JOIN subscriptions s ON s.id = p.subscription_id"
                " WHERE p.status = 'pending' AND p.payload IS NULL AND d.status = 'pending'"
                " AND s.state = 'active'",
                (time_to_db(now), max(0, per_channel)),
            )
            ids = [int(row["id"]) for row in rows]
            if not ids:
                return []
            return await _joined_deliveries(
                conn,
                f"d.id IN ({placeholders(len(ids))})"
                " ORDER BY d.subscription_id, d.next_attempt_at, d.id",
                ids,
            )

    async def create_packs(self, packs: Sequence[tuple[int, Sequence[int], str]]) -> list[int]:
        """Compose packs, each ``(subscription id, delivery ids, payload)``, in one transaction.

        Every delivery must still be pending and in no pack; otherwise nothing is written
        (StorageError). Returns the new pack ids; each pack's nonce is ``p<id>``.
        """
        now = self._now()
        created: list[int] = []
        async with self._write() as conn:
            for subscription_id, delivery_ids, payload in packs:
                pack_id = await insert(
                    conn,
                    "INSERT INTO packs (subscription_id, payload, next_attempt_at, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (subscription_id, payload, now, now),
                )
                await conn.execute("UPDATE packs SET nonce = 'p' || id WHERE id = ?", (pack_id,))
                ids = placeholders(len(delivery_ids))
                claimed = await changes(
                    conn,
                    f"UPDATE deliveries SET pack_id = ? WHERE id IN ({ids})"
                    " AND subscription_id = ? AND status = 'pending' AND pack_id IS NULL",
                    (pack_id, *delivery_ids, subscription_id),
                )
                if not delivery_ids or claimed != len(delivery_ids):
                    raise StorageError(
                        f"pack for subscription {subscription_id}: {claimed} of "
                        f"{len(delivery_ids)} deliveries were still free to pack"
                    )
                created.append(pack_id)
        return created

    async def set_pack_payload(self, pack_id: int, payload: str) -> bool:
        """Render a pack composed without a payload, once: False if it already has one."""
        async with self._write() as conn:
            return (
                await changes(
                    conn,
                    "UPDATE packs SET payload = ? WHERE id = ? AND payload IS NULL"
                    " AND status = 'pending'",
                    (payload, pack_id),
                )
                > 0
            )

    async def pending_packs(self, now: datetime, limit: int) -> list[PendingPack]:
        """Rendered packs due by ``now`` to active subscriptions, oldest first."""
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT p.id, p.nonce, p.payload, p.attempts, s.id AS subscription_id,"
                " s.guild_id, s.channel_id,"
                " (SELECT count(*) FROM deliveries d WHERE d.pack_id = p.id) AS deliveries"
                " FROM packs p JOIN subscriptions s ON s.id = p.subscription_id"
                " WHERE p.status = 'pending' AND p.payload IS NOT NULL"
                " AND p.next_attempt_at <= ? AND s.state = 'active'"
                " ORDER BY p.next_attempt_at, p.id LIMIT ?",
                (time_to_db(now), max(0, limit)),
            )
        return [
            PendingPack(
                pack_id=row["id"],
                nonce=row["nonce"],
                subscription_id=row["subscription_id"],
                guild_id=row["guild_id"],
                channel_id=row["channel_id"],
                attempts=row["attempts"],
                payload=row["payload"],
                deliveries=row["deliveries"],
            )
            for row in rows
        ]

    async def mark_pack_sent(self, pack_id: int, message_id: int, sent_at: datetime) -> int:
        """Discord accepted the pack: it and its deliveries are sent, and its payload dropped.

        Returns how many deliveries were marked (0: the pack was no longer pending).
        """
        at = time_to_db(sent_at)
        async with self._write() as conn:
            if not await _update_pending(
                conn,
                "packs",
                pack_id,
                f"{_SENT}, payload = NULL",
                (message_id, at),
            ):
                return 0
            return await changes(
                conn,
                f"UPDATE deliveries SET {_SENT} WHERE pack_id = ? AND status = 'pending'",
                (message_id, at, pack_id),
            )

    async def mark_pack_retry(self, pack_id: int, error: str, next_attempt_at: datetime) -> bool:
        """Try the pack again (same nonce, same payload) at ``next_attempt_at``."""
        at = time_to_db(next_attempt_at)
        async with self._write() as conn:
            if not await _update_pending(conn, "packs", pack_id, _RETRY, (error, at)):
                return False
            await conn.execute(
                f"UPDATE deliveries SET {_RETRY} WHERE pack_id = ? AND status = 'pending'",
                (error, at, pack_id),
            )
        return True

    async def mark_pack_failed(self, pack_id: int, error: str) -> bool:
        """Give up on a pack and its deliveries for good (they stay for /status)."""
        async with self._write() as conn:
            if not await _update_pending(
                conn,
                "packs",
                pack_id,
                f"{_FAILED}, payload = NULL",
                (error,),
            ):
                return False
            await conn.execute(
                f"UPDATE deliveries SET {_FAILED} WHERE pack_id = ? AND status = 'pending'",
                (error, pack_id),
            )
        return True

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

    async def pending_feed_notices(self, now: datetime, limit: int = 50) -> list[PendingFeedNotice]:
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

    async def _finish(self, table: _Table, row_id: int, message_id: int, sent_at: datetime) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                _SENT,
                (message_id, time_to_db(sent_at)),
            )

    async def _retry(self, table: _Table, row_id: int, error: str, at: datetime) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                _RETRY,
                (error, time_to_db(at)),
            )

    async def _fail(self, table: _Table, row_id: int, error: str) -> bool:
        async with self._write() as conn:
            return await _update_pending(
                conn,
                table,
                row_id,
                _FAILED,
                (error,),
            )


async def _joined_deliveries(
    conn: aiosqlite.Connection, condition: str, params: Sequence[object]
) -> list[PendingDelivery]:
    """Deliveries matching ``condition`` (SQL on ``d``, ``s``; may end in ORDER BY/LIMIT),
    joined with everything the renderer needs."""
    rows = await fetch_all(
        conn,
        "SELECT d.id AS delivery_id, d.attempts, d.pack_id, s.id AS subscription_id, s.guild_id,"
        " s.channel_id, a.id AS alert_id, a.kind, a.score, a.created_at, a.claim_id,"
        " v.reason, v.topic, v.match_claim_id, v.doc_id, v.sentence_index,"
        " coalesce(e.title, v.doc_title) AS title, coalesce(e.link, v.doc_link) AS link,"
        " v.doc_outlet AS outlet, coalesce(e.published, v.doc_published) AS published"
        " FROM deliveries d"
        " JOIN subscriptions s ON s.id = d.subscription_id"
        " JOIN alerts a ON a.id = d.alert_id"
        " JOIN verdicts v ON v.id = a.verdict_id"
        " LEFT JOIN entries e ON e.id = v.entry_id"
        " WHERE " + condition,
        params,
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
                corroborations=len({s.doc_id for s in claim.sources} - {claim.claim.doc_id}),
                pack_id=row["pack_id"],
            )
        )
    return pending


async def _update_pending(
    conn: aiosqlite.Connection,
    table: _Table,
    row_id: int,
    assignments: str,
    params: tuple[object, ...],
) -> bool:
    """Update one outbox row that is still pending; False if it is gone or already final."""
    if table not in ("feed_notices", "packs"):
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
        pack_id=row["pack_id"],
    )
