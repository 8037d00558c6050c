"""Opening the database: the ``Store``, its PRAGMAs, migrations, backup, and clear errors.

    store = await open_store(path)            # ... await store.close()
    async with open_store(path) as store:     # closed on exit
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Generator
from pathlib import Path
from types import TracebackType
from typing import Any

import aiosqlite

from bot.clock import Clock, SystemClock
from bot.errors import StorageError
from bot.store.digest import DigestRepo
from bot.store.entries import EntriesRepo
from bot.store.feeds import FeedsRepo
from bot.store.judgements import JudgementsRepo
from bot.store.knowledge import KnowledgeRepo
from bot.store.migrations import (
    MIGRATIONS,
    Migration,
    migrate,
    refuse_foreign_database,
    schema_version,
)
from bot.store.outbox import OutboxRepo
from bot.store.subscriptions import SubscriptionsRepo

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


class Store(
    FeedsRepo,
    EntriesRepo,
    KnowledgeRepo,
    JudgementsRepo,
    SubscriptionsRepo,
    OutboxRepo,
    DigestRepo,
):
    """The treatywatch database: every read and write the bot and the CLI make."""

    async def close(self) -> None:
        """Close the connection (safe to call twice)."""
        if self._closed:
            return
        async with self._lock:
            self._closed = True
            await self._conn.close()

    async def __aenter__(self) -> Store:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def backup(self, dest: Path) -> None:
        """A consistent copy of the live database at ``dest``, via SQLite's backup API.

        Written beside ``dest`` first and renamed into place, so ``dest`` is never half
        written; the copy is checked before the rename.
        """
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise StorageError("the backup must go to another file than the database itself")
        partial = dest.with_name(dest.name + ".partial")
        target = await asyncio.to_thread(_open_backup_target, partial, dest)
        try:
            async with self._read() as conn:
                await conn.backup(target)
            await asyncio.to_thread(_check_copy, target, dest)
        except BaseException:
            target.close()
            await asyncio.to_thread(partial.unlink, missing_ok=True)
            raise
        target.close()
        await asyncio.to_thread(_move_into_place, partial, dest)
        log.info("backed up %s to %s", self.path, dest)


class OpenStore:
    """What ``open_store`` returns: await it for a ``Store``, or use it with ``async with``."""

    def __init__(self, path: Path, clock: Clock | None, migrations: tuple[Migration, ...]):
        self._path = Path(path)
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._migrations = migrations
        self._store: Store | None = None

    def __await__(self) -> Generator[Any, None, Store]:
        return self._open().__await__()

    async def __aenter__(self) -> Store:
        self._store = await self._open()
        return self._store

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._store is not None:
            await self._store.close()

    async def _open(self) -> Store:
        path = self._path
        await asyncio.to_thread(_prepare_location, path)
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise _open_error(path, exc) from exc
        try:
            conn.row_factory = sqlite3.Row
            await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            if await schema_version(conn) == 0:
                # Before the switch to WAL, which rewrites the file's header: another
                # application's database must be left exactly as it was.
                await refuse_foreign_database(conn)
            await _configure(conn, path)
            await migrate(conn, self._migrations)
        except BaseException as exc:
            await conn.close()
            if isinstance(exc, sqlite3.Error):
                raise _open_error(path, exc) from exc
            raise
        return Store(conn, self._clock, path)


def open_store(
    path: Path,
    clock: Clock | None = None,
    *,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> OpenStore:
    """Open (creating if needed) and migrate the database at ``path``.

    ``await open_store(path)`` gives a ``Store`` to close yourself; ``async with
    open_store(path) as store`` closes it on exit. ``migrations`` is for tests.
    """
    return OpenStore(path, clock, migrations)


async def _configure(conn: aiosqlite.Connection, path: Path) -> None:
    # busy_timeout first: the journal-mode switch itself may wait for another process.
    await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    async with conn.execute("PRAGMA journal_mode = WAL") as cursor:
        row = await cursor.fetchone()
    mode = str(row[0]).lower() if row is not None else "unknown"
    if mode != "wal":
        log.warning("%s: SQLite kept journal mode %r instead of WAL", path, mode)
    await conn.execute("PRAGMA foreign_keys = ON")
    await conn.execute("PRAGMA synchronous = NORMAL")


def _prepare_location(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            f"cannot create the database directory {path.parent}: {exc.strerror or exc}",
            hint="choose a writable location with --db PATH",
        ) from exc
    if path.is_dir():
        raise StorageError(f"{path} is a directory, not a database file")


def _open_error(path: Path, exc: sqlite3.Error) -> StorageError:
    message = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and (
        "not a database" in message or "malformed" in message or "corrupt" in message
    ):
        return StorageError(
            f"{path} is not a treatywatch database, or it is corrupt ({message})",
            hint="restore it from a backup (treatywatch backup), or point --db at a new file",
        )
    if "unable to open" in message or "readonly" in message or "read-only" in message:
        return StorageError(
            f"cannot open {path} for writing ({message})",
            hint="check the permissions of the file and its directory, or use --db PATH",
        )
    if "locked" in message or "busy" in message:
        return StorageError(
            f"{path} stayed locked by another process ({message})",
            hint="is another treatywatch running on the same database file?",
        )
    return StorageError(f"cannot open the database {path}: {message}")


def _open_backup_target(partial: Path, dest: Path) -> sqlite3.Connection:
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        # Used from aiosqlite's worker thread for the copy, then from a checker thread.
        return sqlite3.connect(partial, check_same_thread=False)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(f"cannot write a backup to {dest}: {exc}") from exc


def _move_into_place(partial: Path, dest: Path) -> None:
    try:
        partial.replace(dest)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"cannot write a backup to {dest}: {exc}") from exc


def _check_copy(target: sqlite3.Connection, dest: Path) -> None:
    row = target.execute("PRAGMA quick_check").fetchone()
    if row is None or row[0] != "ok":
        raise StorageError(f"the backup written to {dest} failed its integrity check")
