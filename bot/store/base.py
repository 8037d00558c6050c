"""The connection every repository shares: one lock, explicit transactions, clear errors.

One aiosqlite connection serves the whole process (poller, dispatcher, commands). A single
asyncio lock keeps one coroutine's transaction from interleaving with another's statements,
and every ``sqlite3`` error leaving the store becomes a :class:`StorageError`.
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import aiosqlite

from bot.clock import Clock
from bot.errors import StorageError
from bot.store.codec import time_to_db


class StoreBase:
    """Connection, clock and transaction helpers; the repositories build on it."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock, path: Path) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = asyncio.Lock()
        self._closed = False
        self.path = path

    @property
    def clock(self) -> Clock:
        return self._clock

    def _now(self) -> str:
        return time_to_db(self._clock.now())

    @asynccontextmanager
    async def _read(self) -> AsyncIterator[aiosqlite.Connection]:
        """The connection for reads, never in the middle of another coroutine's write."""
        self._ensure_open()
        async with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise _storage_error(exc) from exc

    @asynccontextmanager
    async def _write(self) -> AsyncIterator[aiosqlite.Connection]:
        """A ``BEGIN IMMEDIATE`` transaction: committed on success, rolled back on any error."""
        self._ensure_open()
        async with self._lock:
            try:
                try:
                    await self._conn.execute("BEGIN IMMEDIATE")
                    yield self._conn
                    await self._conn.execute("COMMIT")
                except BaseException:
                    # Also on cancellation, which can strike after the worker thread already
                    # ran BEGIN: never leave a transaction open for the next writer.
                    await asyncio.shield(self._rollback())
                    raise
            except sqlite3.Error as exc:
                raise _storage_error(exc) from exc

    async def _rollback(self) -> None:
        # Statements run in order on aiosqlite's thread, so this follows whatever was sent.
        with contextlib.suppress(sqlite3.OperationalError):  # no transaction was open
            await self._conn.execute("ROLLBACK")

    def _ensure_open(self) -> None:
        if self._closed:
            raise StorageError("the database is closed")


async def fetch_all(
    conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()
) -> list[sqlite3.Row]:
    async with conn.execute(sql, tuple(params)) as cursor:
        return list(await cursor.fetchall())


async def fetch_tuples(
    conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()
) -> list[tuple[Any, ...]]:
    """Rows as plain tuples, for bulk reads (cheaper to build and to unpack than Rows)."""
    async with conn.execute(sql, tuple(params)) as cursor:
        cursor.row_factory = None
        return cast(list[tuple[Any, ...]], list(await cursor.fetchall()))


async def fetch_one(
    conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()
) -> sqlite3.Row | None:
    async with conn.execute(sql, tuple(params)) as cursor:
        row: sqlite3.Row | None = await cursor.fetchone()
        return row


async def fetch_value(conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()) -> Any:
    row = await fetch_one(conn, sql, params)
    return None if row is None else row[0]


async def insert(conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()) -> int:
    """Run an INSERT and return the new row's id."""
    async with conn.execute(sql, tuple(params)) as cursor:
        if cursor.lastrowid is None:
            raise StorageError("insert returned no row id")
        return cursor.lastrowid


async def insert_or_ignore(
    conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()
) -> int | None:
    """Run an ``INSERT OR IGNORE``; the new row's id, or None when a unique key existed."""
    async with conn.execute(sql, tuple(params)) as cursor:
        return cursor.lastrowid if cursor.rowcount == 1 else None


async def changes(conn: aiosqlite.Connection, sql: str, params: Iterable[Any] = ()) -> int:
    """Run an UPDATE or DELETE and return how many rows it touched."""
    async with conn.execute(sql, tuple(params)) as cursor:
        return cursor.rowcount


def placeholders(count: int) -> str:
    return ", ".join("?" * count)


def opt_int(value: Any) -> int | None:
    return None if value is None else int(value)


def _storage_error(exc: sqlite3.Error) -> StorageError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StorageError(
            f"the database stayed locked by another process: {message}",
            hint="is another treatywatch running on the same database file?",
        )
    if "readonly" in message or "read-only" in message:
        return StorageError(
            f"the database cannot be written: {message}",
            hint="check the permissions of the database file and its directory",
        )
    if "disk" in message and ("full" in message or "I/O" in message):
        return StorageError(f"the database could not be written to disk: {message}")
    return StorageError(f"database error: {message}")
