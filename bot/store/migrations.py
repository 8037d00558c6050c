"""The versioned schema: an ordered list of migrations, applied in one transaction.

``PRAGMA user_version`` holds the number of migrations applied. At start every pending
migration runs inside a single ``BEGIN IMMEDIATE`` … ``COMMIT``, so a failure leaves the
database exactly as it was, and running again when nothing is pending changes nothing.
Never edit a released migration; append a new one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from bot.errors import StorageError

log = logging.getLogger(__name__)

#: Written to the SQLite header, so another application's database is recognised as such.
APPLICATION_ID = 0x54575443  # "TWTC"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


_V1 = (
    """
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE feeds (
        id               INTEGER PRIMARY KEY,
        url              TEXT NOT NULL UNIQUE,
        title            TEXT,
        guild_id         INTEGER,
        added_at         TEXT NOT NULL,
        enabled          INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        interval_minutes REAL CHECK (interval_minutes IS NULL OR interval_minutes > 0),
        etag             TEXT,
        last_modified    TEXT,
        body_hash        TEXT,
        last_polled_at   TEXT,
        last_success_at  TEXT,
        last_error       TEXT,
        failure_count    INTEGER NOT NULL DEFAULT 0,
        first_failure_at TEXT,
        failing_notified INTEGER NOT NULL DEFAULT 0 CHECK (failing_notified IN (0, 1)),
        next_poll_at     TEXT,
        state            TEXT NOT NULL DEFAULT 'ok'
                         CHECK (state IN ('ok', 'failing', 'disabled'))
    )
    """,
    "CREATE INDEX feeds_due ON feeds (next_poll_at) WHERE enabled = 1",
    """
    CREATE TABLE entries (
        id            INTEGER PRIMARY KEY,
        feed_id       INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid          TEXT NOT NULL,
        link          TEXT,
        title         TEXT,
        published     TEXT,
        content_hash  TEXT NOT NULL,
        judged_hash   TEXT,
        first_seen_at TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (feed_id, guid)
    )
    """,
    """
    CREATE TABLE claims (
        id             INTEGER PRIMARY KEY,
        text           TEXT NOT NULL,
        normalized     TEXT NOT NULL,
        masked         TEXT NOT NULL,
        slots_json     TEXT NOT NULL,
        topic          TEXT NOT NULL DEFAULT 'general',
        baseline       INTEGER NOT NULL CHECK (baseline IN (0, 1)),
        first_seen_at  TEXT NOT NULL,
        doc_id         TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        retired_at     TEXT
    )
    """,
    # One live claim per sentence of a document: what makes re-recording idempotent.
    """
    CREATE UNIQUE INDEX claims_origin ON claims (doc_id, sentence_index)
        WHERE retired_at IS NULL
    """,
    "CREATE INDEX claims_baseline ON claims (baseline, retired_at)",
    """
    CREATE TABLE claim_sources (
        id             INTEGER PRIMARY KEY,
        claim_id       INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        entry_id       INTEGER REFERENCES entries (id) ON DELETE SET NULL,
        doc_id         TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        text           TEXT NOT NULL,
        title          TEXT,
        link           TEXT,
        outlet         TEXT,
        published      TEXT,
        seen_at        TEXT NOT NULL,
        verdict        TEXT NOT NULL
                       CHECK (verdict IN ('BASELINE', 'KNOWN', 'NEW', 'CONTRADICTING')),
        UNIQUE (claim_id, doc_id, sentence_index)
    )
    """,
    "CREATE INDEX claim_sources_doc ON claim_sources (doc_id, sentence_index)",
    "CREATE INDEX claim_sources_entry ON claim_sources (entry_id)",
    """
    CREATE TABLE verdicts (
        id             INTEGER PRIMARY KEY,
        entry_id       INTEGER REFERENCES entries (id) ON DELETE SET NULL,
        doc_id         TEXT NOT NULL,
        sentence_index INTEGER NOT NULL,
        claim_text     TEXT NOT NULL,
        verdict        TEXT NOT NULL
                       CHECK (verdict IN ('KNOWN', 'NEW', 'CONTRADICTING', 'IRRELEVANT')),
        score          REAL NOT NULL,
        match_claim_id INTEGER REFERENCES claims (id) ON DELETE SET NULL,
        reason         TEXT,
        claim_id       INTEGER REFERENCES claims (id) ON DELETE SET NULL,
        topic          TEXT NOT NULL DEFAULT 'general',
        judged_at      TEXT NOT NULL,
        doc_title      TEXT,
        doc_link       TEXT,
        doc_outlet     TEXT,
        doc_published  TEXT,
        UNIQUE (doc_id, sentence_index)
    )
    """,
    "CREATE INDEX verdicts_claim ON verdicts (claim_id)",
    "CREATE INDEX verdicts_match ON verdicts (match_claim_id)",
    "CREATE INDEX verdicts_entry ON verdicts (entry_id)",
    "CREATE INDEX verdicts_kind ON verdicts (verdict)",
    """
    CREATE TABLE alerts (
        id         INTEGER PRIMARY KEY,
        verdict_id INTEGER NOT NULL UNIQUE REFERENCES verdicts (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('NEW', 'CONTRADICTING')),
        claim_id   INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        score      REAL NOT NULL
    )
    """,
    "CREATE INDEX alerts_created ON alerts (created_at)",
    "CREATE INDEX alerts_claim ON alerts (claim_id)",
    """
    CREATE TABLE subscriptions (
        id             INTEGER PRIMARY KEY,
        guild_id       INTEGER NOT NULL,
        channel_id     INTEGER NOT NULL UNIQUE,
        kinds          TEXT NOT NULL CHECK (kinds IN ('new', 'contradicting', 'all')),
        min_score      REAL NOT NULL DEFAULT 0,
        mode           TEXT NOT NULL DEFAULT 'live'
                       CHECK (mode IN ('live', 'daily', 'weekly', 'live+daily', 'live+weekly')),
        state          TEXT NOT NULL DEFAULT 'active'
                       CHECK (state IN ('active', 'needs_permissions', 'disabled')),
        state_reason   TEXT,
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        last_digest_at TEXT
    )
    """,
    "CREATE INDEX subscriptions_guild ON subscriptions (guild_id)",
    """
    CREATE TABLE deliveries (
        id              INTEGER PRIMARY KEY,
        alert_id        INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        message_id      INTEGER,
        sent_at         TEXT,
        created_at      TEXT NOT NULL,
        UNIQUE (alert_id, subscription_id)
    )
    """,
    "CREATE INDEX deliveries_pending ON deliveries (next_attempt_at) WHERE status = 'pending'",
    "CREATE INDEX deliveries_subscription ON deliveries (subscription_id)",
    # Feed-failing / feed-recovered notices: the same outbox discipline as deliveries.
    # ``episode`` is the failing episode's first_failure_at, so each is announced once.
    """
    CREATE TABLE feed_notices (
        id              INTEGER PRIMARY KEY,
        feed_id         INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        kind            TEXT NOT NULL CHECK (kind IN ('failing', 'recovered')),
        episode         TEXT NOT NULL,
        reason          TEXT,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        message_id      INTEGER,
        sent_at         TEXT,
        created_at      TEXT NOT NULL,
        UNIQUE (feed_id, subscription_id, kind, episode)
    )
    """,
    "CREATE INDEX feed_notices_pending ON feed_notices (next_attempt_at) WHERE status = 'pending'",
)

# Packs: several pending alerts of one channel sent as one message (up to 10 embeds). A
# pack's composition (deliveries.pack_id) and its rendered embeds (payload) are written in
# one transaction before the first send, and every resend uses the same nonce and the same
# payload, so a crash between "Discord accepted" and "marked sent" never doubles an alert.
# Deliveries still pending from version 1 become packs of one whose nonce is the delivery id
# (version 1's nonce): one that was posted just before the upgrade is not posted again.
_V2 = (
    """
    CREATE TABLE packs (
        id              INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        nonce           TEXT UNIQUE,
        payload         TEXT,
        status          TEXT NOT NULL DEFAULT 'pending'
                        CHECK (status IN ('pending', 'sent', 'failed')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error      TEXT,
        message_id      INTEGER,
        sent_at         TEXT,
        created_at      TEXT NOT NULL
    )
    """,
    "CREATE INDEX packs_pending ON packs (subscription_id, next_attempt_at)"
    " WHERE status = 'pending'",
    "ALTER TABLE deliveries ADD COLUMN pack_id INTEGER REFERENCES packs (id) ON DELETE SET NULL",
    "CREATE INDEX deliveries_pack ON deliveries (pack_id)",
    # The oldest unpacked deliveries of one subscription, for composing its next pack.
    "CREATE INDEX deliveries_unpacked ON deliveries (subscription_id, next_attempt_at, id)"
    " WHERE status = 'pending' AND pack_id IS NULL",
    """
    INSERT INTO packs (subscription_id, nonce, attempts, next_attempt_at, last_error,
                       created_at)
    SELECT subscription_id, CAST(id AS TEXT), attempts, next_attempt_at, last_error, created_at
    FROM deliveries WHERE status = 'pending' ORDER BY id
    """,
    """
    UPDATE deliveries SET pack_id = (
        SELECT p.id FROM packs p WHERE p.nonce = CAST(deliveries.id AS TEXT)
    ) WHERE status = 'pending'
    """,
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", _V1),
    Migration(2, "alert packs: several alerts per message, composed before sending", _V2),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


async def schema_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row is not None else 0


async def migrate(
    conn: aiosqlite.Connection, migrations: Sequence[Migration] = MIGRATIONS
) -> list[int]:
    """Apply every pending migration in one transaction; return the versions applied.

    The connection must be in autocommit mode (``isolation_level=None``), so that the
    ``BEGIN IMMEDIATE`` here is the only transaction.
    """
    _check_sequence(migrations)
    latest = latest_version(migrations)
    await conn.execute("BEGIN IMMEDIATE")
    try:
        # Read under the write lock: another process may have migrated meanwhile.
        current = await schema_version(conn)
        if current > latest:
            raise StorageError(
                f"the database has schema version {current}, but this treatywatch knows "
                f"versions up to {latest} only",
                hint="upgrade treatywatch, or point --db at another database file",
            )
        if current == 0:
            await refuse_foreign_database(conn)
        pending = [m for m in migrations if m.version > current]
        for migration in pending:
            for statement in migration.statements:
                await conn.execute(statement)
            # user_version lives in the header and is written inside this transaction.
            await conn.execute(f"PRAGMA user_version = {int(migration.version)}")
        if pending:
            await conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        await conn.execute("COMMIT")
    except BaseException:
        await conn.execute("ROLLBACK")
        raise
    for migration in pending:
        log.info("applied schema migration %d: %s", migration.version, migration.description)
    return [m.version for m in pending]


async def refuse_foreign_database(conn: aiosqlite.Connection) -> None:
    """An unversioned database that already has tables belongs to someone else."""
    async with conn.execute("PRAGMA application_id") as cursor:
        row = await cursor.fetchone()
    application_id = int(row[0]) if row is not None else 0
    async with conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ) as cursor:
        row = await cursor.fetchone()
    objects = int(row[0]) if row is not None else 0
    if application_id not in (0, APPLICATION_ID) or objects:
        raise StorageError(
            "the file is an SQLite database of another application, not a treatywatch one",
            hint="point --db at a new file or an existing treatywatch database",
        )


def _check_sequence(migrations: Sequence[Migration]) -> None:
    expected = list(range(1, len(migrations) + 1))
    if [m.version for m in migrations] != expected:
        raise StorageError("schema migrations must be numbered 1, 2, 3, … without gaps")


__all__ = [
    "APPLICATION_ID",
    "MIGRATIONS",
    "Migration",
    "latest_version",
    "migrate",
    "refuse_foreign_database",
    "schema_version",
]
