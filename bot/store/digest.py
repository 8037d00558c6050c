"""Alerts over a time window, with their evidence and reach, for digests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import aiosqlite

from bot.errors import StorageError
from bot.model import Verdict
from bot.store.base import StoreBase, fetch_all, placeholders
from bot.store.codec import time_from_db, time_to_db
from bot.store.knowledge import source_from_row
from bot.store.rows import ALERT_KINDS, AlertRow


class DigestRepo(StoreBase):
    async def alerts_since(
        self,
        since: datetime,
        kinds: Iterable[str] = ("NEW", "CONTRADICTING"),
        *,
        until: datetime | None = None,
        min_score: float = 0.0,
    ) -> list[AlertRow]:
        """Alerts created in [since, until) of the given kinds (any case), oldest first."""
        wanted = sorted(_alert_kinds(kinds))
        if not wanted:
            return []
        params: list[object] = [time_to_db(since), *wanted, min_score]
        window_end = ""
        if until is not None:
            window_end = " AND a.created_at < ?"
            params.append(time_to_db(until))
        async with self._read() as conn:
            rows = await fetch_all(
                conn,
                "SELECT a.id AS alert_id, a.kind, a.score, a.created_at, a.claim_id,"
                " c.text AS claim_text, v.topic, v.reason, v.match_claim_id,"
                " m.text AS match_text, v.doc_id, v.sentence_index,"
                " coalesce(e.title, v.doc_title) AS title, coalesce(e.link, v.doc_link) AS link,"
                " v.doc_outlet AS outlet, coalesce(e.published, v.doc_published) AS published"
                " FROM alerts a"
                " JOIN verdicts v ON v.id = a.verdict_id"
                " JOIN claims c ON c.id = a.claim_id"
                " LEFT JOIN claims m ON m.id = v.match_claim_id"
                " LEFT JOIN entries e ON e.id = v.entry_id"
                f" WHERE a.created_at >= ? AND a.kind IN ({placeholders(len(wanted))})"
                f" AND a.score >= ?{window_end}"
                " ORDER BY a.created_at, a.id",
                params,
            )
            sources = await _sources_of(conn, {row["claim_id"] for row in rows})
        alerts: list[AlertRow] = []
        for row in rows:
            docs, links = sources.get(row["claim_id"], (set(), []))
            alerts.append(
                AlertRow(
                    alert_id=row["alert_id"],
                    kind=Verdict(row["kind"]),
                    score=row["score"],
                    created_at=time_from_db(row["created_at"]),
                    claim_id=row["claim_id"],
                    claim_text=row["claim_text"],
                    topic=row["topic"],
                    reason=row["reason"],
                    source=source_from_row(row),
                    match_claim_id=row["match_claim_id"],
                    match_text=row["match_text"],
                    source_count=len(docs),
                    source_links=tuple(links),
                )
            )
        return alerts


async def _sources_of(
    conn: aiosqlite.Connection, claim_ids: set[int]
) -> dict[int, tuple[set[str], list[str]]]:
    """Per claim: the distinct documents that carry it and their distinct links, in order."""
    found: dict[int, tuple[set[str], list[str]]] = {}
    ids = sorted(claim_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = await fetch_all(
            conn,
            "SELECT claim_id, doc_id, link FROM claim_sources"
            f" WHERE claim_id IN ({placeholders(len(chunk))}) ORDER BY id",
            chunk,
        )
        for row in rows:
            docs, links = found.setdefault(row["claim_id"], (set(), []))
            docs.add(row["doc_id"])
            if row["link"] and row["link"] not in links:
                links.append(row["link"])
    return found


def _alert_kinds(kinds: Iterable[str]) -> set[str]:
    wanted: set[str] = set()
    for kind in kinds:
        normal = kind.strip().upper()
        if normal == "ALL":
            wanted |= {k.value for k in ALERT_KINDS}
        elif normal in {k.value for k in ALERT_KINDS}:
            wanted.add(normal)
        else:
            raise StorageError(f"unknown alert kind {kind!r}; use NEW, CONTRADICTING or all")
    return wanted
