"""Subscriptions: which channels get which alerts, how (live or digest) and in what state."""

from __future__ import annotations

import math
import sqlite3
from datetime import datetime
from typing import cast

from bot.errors import StorageError
from bot.store.base import StoreBase, changes, fetch_all, fetch_one
from bot.store.codec import opt_time_from_db, time_from_db, time_to_db
from bot.store.rows import (
    SUBSCRIPTION_KINDS,
    SUBSCRIPTION_MODES,
    SUBSCRIPTION_STATES,
    SubscriptionKinds,
    SubscriptionMode,
    SubscriptionRow,
    SubscriptionState,
)


class SubscriptionsRepo(StoreBase):
    async def subscribe(
        self,
        guild_id: int,
        channel_id: int,
        kinds: SubscriptionKinds = "all",
        min_score: float = 0.0,
        mode: SubscriptionMode = "live",
    ) -> SubscriptionRow:
        """Subscribe a channel, or change its subscription; either way it becomes active."""
        if kinds not in SUBSCRIPTION_KINDS:
            raise StorageError(f"unknown alert kinds {kinds!r}; use new, contradicting or all")
        if mode not in SUBSCRIPTION_MODES:
            raise StorageError(f"unknown subscription mode {mode!r}")
        if not (math.isfinite(min_score) and 0.0 <= min_score <= 100.0):
            raise StorageError(f"min_score must be between 0 and 100, got {min_score}")
        now = self._now()
        async with self._write() as conn:
            await conn.execute(
                "INSERT INTO subscriptions (guild_id, channel_id, kinds, min_score, mode,"
                " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (channel_id) DO UPDATE SET guild_id = excluded.guild_id,"
                " kinds = excluded.kinds, min_score = excluded.min_score, mode = excluded.mode,"
                " state = 'active', state_reason = NULL, updated_at = excluded.updated_at",
                (guild_id, channel_id, kinds, min_score, mode, now, now),
            )
            row = await fetch_one(
                conn, "SELECT * FROM subscriptions WHERE channel_id = ?", (channel_id,)
            )
        assert row is not None
        return subscription_from_row(row)

    async def unsubscribe(self, channel_id: int) -> bool:
        """Remove a channel's subscription and its undelivered alerts; False if it had none."""
        async with self._write() as conn:
            return (
                await changes(conn, "DELETE FROM subscriptions WHERE channel_id = ?", (channel_id,))
                > 0
            )

    async def remove_guild(self, guild_id: int) -> int:
        """The bot left a server: drop its subscriptions. Returns how many there were."""
        async with self._write() as conn:
            return await changes(conn, "DELETE FROM subscriptions WHERE guild_id = ?", (guild_id,))

    async def get_subscription(self, channel_id: int) -> SubscriptionRow | None:
        async with self._read() as conn:
            row = await fetch_one(
                conn, "SELECT * FROM subscriptions WHERE channel_id = ?", (channel_id,)
            )
        return None if row is None else subscription_from_row(row)

    async def list_subscriptions(self, guild_id: int | None = None) -> list[SubscriptionRow]:
        """A server's subscriptions, or every subscription when ``guild_id`` is None."""
        async with self._read() as conn:
            if guild_id is None:
                rows = await fetch_all(conn, "SELECT * FROM subscriptions ORDER BY id")
            else:
                rows = await fetch_all(
                    conn,
                    "SELECT * FROM subscriptions WHERE guild_id = ? ORDER BY id",
                    (guild_id,),
                )
        return [subscription_from_row(row) for row in rows]

    async def set_subscription_state(
        self, subscription_id: int, state: SubscriptionState, reason: str | None = None
    ) -> bool:
        """Flag a subscription (e.g. needs_permissions after a 403); its pending deliveries
        wait until it is active again. False if there is no such subscription."""
        if state not in SUBSCRIPTION_STATES:
            raise StorageError(f"unknown subscription state {state!r}")
        async with self._write() as conn:
            return (
                await changes(
                    conn,
                    "UPDATE subscriptions SET state = ?, state_reason = ?, updated_at = ?"
                    " WHERE id = ?",
                    (state, reason, self._now(), subscription_id),
                )
                > 0
            )

    async def mark_digest_sent(self, subscription_id: int, at: datetime) -> None:
        async with self._write() as conn:
            await conn.execute(
                "UPDATE subscriptions SET last_digest_at = ? WHERE id = ?",
                (time_to_db(at), subscription_id),
            )


def subscription_from_row(row: sqlite3.Row) -> SubscriptionRow:
    return SubscriptionRow(
        id=row["id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        kinds=cast(SubscriptionKinds, row["kinds"]),
        min_score=row["min_score"],
        mode=cast(SubscriptionMode, row["mode"]),
        state=cast(SubscriptionState, row["state"]),
        state_reason=row["state_reason"],
        created_at=time_from_db(row["created_at"]),
        updated_at=time_from_db(row["updated_at"]),
        last_digest_at=opt_time_from_db(row["last_digest_at"]),
    )
