"""Known claims: the seed baseline and observed claims, their sources and their history.

Baseline claims replaced by a new baseline are retired (``retired_at``), not deleted, so
verdicts that matched them keep their evidence in /lookup; retired claims leave the
knowledge the matcher loads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import aiosqlite

from bot.errors import StorageError
from bot.gcpause import paused_gc
from bot.model import Claim, KnownClaim, Slots, SourceRef, Verdict
from bot.store.base import (
    StoreBase,
    fetch_all,
    fetch_one,
    fetch_tuples,
    fetch_value,
    insert,
    placeholders,
)
from bot.store.codec import (
    opt_time_from_db,
    opt_time_to_db,
    slots_to_json,
    time_from_db,
)
from bot.store.lazyslots import LazySlots
from bot.store.rows import Counts, LookupClaim, VerdictRow

BASELINE_FINGERPRINT_KEY = "baseline_fingerprint"


class KnowledgeRepo(StoreBase):
    async def load_knowledge(self) -> list[KnownClaim]:
        """Every live claim (baseline and observed) with its sources, ordered by id."""
        # Start-up loads the whole knowledge: nothing here is garbage (see bot.gcpause).
        with paused_gc():
            async with self._read() as conn:
                claim_rows = await fetch_tuples(
                    conn,
                    f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE retired_at IS NULL ORDER BY id",
                )
                # Every source: _assemble drops those of retired claims (a few old baseline
                # claims), which costs less than joining each of 100k sources to its claim.
                source_rows = await fetch_tuples(
                    conn, f"SELECT {_SOURCE_COLUMNS} FROM claim_sources ORDER BY id"
                )
            return _assemble(claim_rows, source_rows)

    async def get_claim(self, claim_id: int) -> KnownClaim | None:
        """A claim by id, retired ones included (old verdicts may point at them)."""
        async with self._read() as conn:
            found = await load_known_claims(conn, [claim_id])
        return found.get(claim_id)

    async def all_claims_for_lookup(self) -> list[LookupClaim]:
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT id, text, normalized, baseline FROM claims"
                " WHERE retired_at IS NULL ORDER BY id",
            )
        return [
            LookupClaim(row["id"], row["text"], row["normalized"], bool(row["baseline"]))
            for row in rows
        ]

    async def claim_history(self, claim_id: int) -> list[VerdictRow]:
        """Every verdict that created, corroborated or was matched against the claim."""
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                f"{VERDICT_SELECT} WHERE v.claim_id = ? OR v.match_claim_id = ?"
                " ORDER BY v.judged_at, v.id",
                (claim_id, claim_id),
            )
        return [verdict_from_row(row) for row in rows]

    async def get_meta(self, key: str) -> str | None:
        async with self._read() as conn:
            value = await fetch_value(conn, "SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    async def set_meta(self, key: str, value: str) -> None:
        async with self._write() as conn:
            await _set_meta(conn, key, value)

    async def baseline_fingerprint(self) -> str | None:
        """The fingerprint of the seeds the stored baseline was built from (None: none yet)."""
        return await self.get_meta(BASELINE_FINGERPRINT_KEY)

    async def set_baseline(
        self, fingerprint: str, claims: Sequence[tuple[Claim, Sequence[SourceRef]]]
    ) -> list[KnownClaim]:
        """Replace the baseline atomically; returns the new baseline claims.

        Each claim comes with every seed sentence that states it (the first is its own).

        A claim from the same sentence with the same text keeps its id (and its
        corroborations), with its details refreshed; every other old baseline claim retires.
        """
        now = self._now()
        async with self._write() as conn:
            old = {
                (row["doc_id"], row["sentence_index"]): (row["id"], row["text"])
                for row in await fetch_all(
                    conn,
                    "SELECT id, doc_id, sentence_index, text FROM claims"
                    " WHERE baseline = 1 AND retired_at IS NULL",
                )
            }
            kept: set[int] = set()
            for claim, sources in claims:
                previous = old.get((claim.doc_id, claim.sentence_index))
                if previous is not None and previous[1] == claim.text:
                    claim_id = previous[0]
                    await conn.execute(
                        "UPDATE claims SET normalized = ?, masked = ?, slots_json = ?, topic = ?"
                        " WHERE id = ?",
                        (claim.normalized, claim.masked, slots_to_json(claim.slots),
                         claim.topic, claim_id),
                    )
                else:
                    if previous is not None:
                        await _retire(conn, [previous[0]], now)
                    claim_id = await insert_claim(conn, claim, baseline=True, now=now)
                kept.add(claim_id)
                for source in sources:
                    await conn.execute(
                        "INSERT INTO claim_sources (claim_id, entry_id, doc_id, sentence_index,"
                        " text, title, link, outlet, published, seen_at, verdict)"
                        " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, 'BASELINE')"
                        " ON CONFLICT (claim_id, doc_id, sentence_index) DO UPDATE SET"
                        " text = excluded.text, title = excluded.title, link = excluded.link,"
                        " outlet = excluded.outlet, published = excluded.published",
                        (claim_id, source.doc_id, source.sentence_index, claim.text, source.title,
                         source.link, source.outlet, opt_time_to_db(source.published), now),
                    )
            await _retire(conn, [cid for cid, _ in old.values() if cid not in kept], now)
            await _set_meta(conn, BASELINE_FINGERPRINT_KEY, fingerprint)
            found = await load_known_claims(conn, sorted(kept))
        return [found[claim_id] for claim_id in sorted(kept)]

    async def counts(self) -> Counts:
        async with self._read() as conn:
            claims = {
                bool(row["baseline"]): row["n"]
                for row in await fetch_all(
                    conn,
                    "SELECT baseline, count(*) AS n FROM claims WHERE retired_at IS NULL"
                    " GROUP BY baseline",
                )
            }
            verdicts = {str(v): 0 for v in Verdict}
            for row in await fetch_all(
                conn, "SELECT verdict, count(*) AS n FROM verdicts GROUP BY verdict"
            ):
                verdicts[row["verdict"]] = row["n"]
            deliveries = {
                row["status"]: row["n"]
                for row in await fetch_all(
                    conn, "SELECT status, count(*) AS n FROM deliveries GROUP BY status"
                )
            }
            feeds = await fetch_one(
                conn,
                "SELECT count(*) AS n, coalesce(sum(state = 'failing'), 0) AS failing FROM feeds",
            )
            assert feeds is not None
            return Counts(
                baseline_claims=claims.get(True, 0),
                observed_claims=claims.get(False, 0),
                verdicts=verdicts,
                alerts=int(await fetch_value(conn, "SELECT count(*) FROM alerts")),
                pending_deliveries=deliveries.get("pending", 0),
                failed_deliveries=deliveries.get("failed", 0),
                feeds=feeds["n"],
                failing_feeds=feeds["failing"],
                entries=int(await fetch_value(conn, "SELECT count(*) FROM entries")),
                subscriptions=int(await fetch_value(conn, "SELECT count(*) FROM subscriptions")),
            )


VERDICT_SELECT = (
    "SELECT v.*, coalesce(e.title, v.doc_title) AS title, coalesce(e.link, v.doc_link) AS link,"
    " v.doc_outlet AS outlet, coalesce(e.published, v.doc_published) AS published"
    " FROM verdicts v LEFT JOIN entries e ON e.id = v.entry_id"
)


async def insert_claim(
    conn: aiosqlite.Connection, claim: Claim, *, baseline: bool, now: str
) -> int:
    return await insert(
        conn,
        "INSERT INTO claims (text, normalized, masked, slots_json, topic, baseline,"
        " first_seen_at, doc_id, sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (claim.text, claim.normalized, claim.masked, slots_to_json(claim.slots), claim.topic,
         int(baseline), now, claim.doc_id, claim.sentence_index),
    )


async def load_known_claims(
    conn: aiosqlite.Connection, claim_ids: Iterable[int]
) -> dict[int, KnownClaim]:
    """The given claims with their sources, by id; missing ids are simply absent."""
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    found: dict[int, KnownClaim] = {}
    # Chunked: SQLite limits the number of bound parameters per statement.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = placeholders(len(chunk))
        claim_rows = await fetch_tuples(
            conn, f"SELECT {_CLAIM_COLUMNS} FROM claims WHERE id IN ({marks}) ORDER BY id", chunk
        )
        source_rows = await fetch_tuples(
            conn,
            f"SELECT {_SOURCE_COLUMNS} FROM claim_sources WHERE claim_id IN ({marks}) ORDER BY id",
            chunk,
        )
        found.update((known.id, known) for known in _assemble(claim_rows, source_rows))
    return found


def source_from_row(row: sqlite3.Row) -> SourceRef:
    return SourceRef(
        doc_id=row["doc_id"],
        sentence_index=row["sentence_index"],
        title=row["title"],
        link=row["link"],
        outlet=row["outlet"],
        published=opt_time_from_db(row["published"]),
    )


def verdict_from_row(row: sqlite3.Row) -> VerdictRow:
    return VerdictRow(
        id=row["id"],
        entry_id=row["entry_id"],
        doc_id=row["doc_id"],
        sentence_index=row["sentence_index"],
        claim_text=row["claim_text"],
        verdict=Verdict(row["verdict"]),
        score=row["score"],
        match_claim_id=row["match_claim_id"],
        reason=row["reason"],
        claim_id=row["claim_id"],
        topic=row["topic"],
        judged_at=time_from_db(row["judged_at"]),
        title=row["title"],
        link=row["link"],
        outlet=row["outlet"],
        published=opt_time_from_db(row["published"]),
    )


# The columns _assemble reads, in its order (plain tuples: a whole knowledge is 100k rows).
_CLAIM_COLUMNS = (
    "id, text, normalized, masked, slots_json, doc_id, sentence_index, topic, baseline,"
    " first_seen_at"
)
# Not each source's copy of the sentence: the claim has it.
_SOURCE_COLUMNS = "claim_id, doc_id, sentence_index, title, link, outlet, published"


def _assemble(
    claim_rows: Iterable[tuple[Any, ...]], source_rows: Iterable[tuple[Any, ...]]
) -> list[KnownClaim]:
    """Known claims from rows of _CLAIM_COLUMNS and _SOURCE_COLUMNS (a source whose claim is
    not among the claim rows is left out).

    Claims with the same slots JSON share one Slots (immutable, so sharing is safe), decoded
    when first used (``LazySlots``); equal timestamps (the claims stored with one document,
    the sources from one article) are parsed once and share one datetime."""
    decoded: dict[str, Slots] = {}
    times: dict[str, datetime] = {}
    known = []
    for claim_id, text, normalized, masked, slots_json, doc_id, index, topic, baseline, seen in (
        claim_rows
    ):
        slots = decoded.get(slots_json)
        if slots is None:
            slots = decoded[slots_json] = LazySlots.from_json(slots_json)
        first_seen = times.get(seen)
        if first_seen is None:
            first_seen = times[seen] = time_from_db(seen)
        claim = Claim(
            text=text,
            normalized=normalized,
            masked=masked,
            slots=slots,
            doc_id=doc_id,
            sentence_index=index,
            topic=topic,
        )
        known.append(
            KnownClaim(id=claim_id, claim=claim, baseline=bool(baseline), first_seen=first_seen)
        )
    by_id = {claim.id: claim for claim in known}
    for claim_id, doc_id, index, title, link, outlet, published in source_rows:
        owner = by_id.get(claim_id)
        if owner is not None:
            when = None
            if published is not None:
                when = times.get(published)
                if when is None:
                    when = times[published] = time_from_db(published)
            owner.sources.append(
                SourceRef(
                    doc_id=doc_id,
                    sentence_index=index,
                    title=title,
                    link=link,
                    outlet=outlet,
                    published=when,
                )
            )
    return known


async def _retire(conn: aiosqlite.Connection, claim_ids: Sequence[int], now: str) -> None:
    for claim_id in claim_ids:
        await conn.execute("UPDATE claims SET retired_at = ? WHERE id = ?", (now, claim_id))


async def _set_meta(conn: aiosqlite.Connection, key: str, value: str) -> None:
    if not key:
        raise StorageError("a meta key must not be empty")
    await conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
