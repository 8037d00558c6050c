"""The key write: one document's judgements, its new claims, alerts and deliveries, atomically.

Rules that make re-recording harmless:

* a sentence (doc_id, sentence_index) has one verdict row, updated in place when re-judged;
* it creates at most one observed claim and one alert, ever: a later NEW or CONTRADICTING
  judgement of the same sentence reuses them;
* a KNOWN judgement that matches the claim this very sentence created is a re-scan of the
  same text and changes nothing;
* a corroboration recorded by an earlier KNOWN judgement is withdrawn when the sentence is
  re-judged as something else.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import aiosqlite

from bot.errors import StorageError
from bot.model import Document, Judgement, SourceRef, Verdict
from bot.store.base import StoreBase, fetch_all, fetch_one, insert_or_ignore, placeholders
from bot.store.codec import opt_time_to_db
from bot.store.entries import mark_entry_judged
from bot.store.knowledge import insert_claim, load_known_claims
from bot.store.rows import ALERT_KINDS, LIVE_MODES, RecordResult


class JudgementsRepo(StoreBase):
    async def record_judgements(
        self,
        doc: Document,
        entry_id: int | None,
        judgements: Sequence[Judgement],
        *,
        mark_judged: bool = True,
    ) -> RecordResult:
        """Store every judgement of ``doc`` in one transaction (see the module docstring).

        NEW and CONTRADICTING judgements create an observed claim and an alert, and a
        pending delivery for each active live subscription whose kinds and min_score
        match; KNOWN adds this document as a source of the matched claim. When
        ``entry_id`` is given, the entry's current text counts as handled — unless
        ``mark_judged`` is False: the caller records one document in several batches (a
        sentence matched to a claim of the same document waits for that claim's id), and
        only the last batch completes the entry, so a crash in between re-judges it.
        """
        for judgement in judgements:
            _validate(doc, judgement)
        now = self._now()
        verdict_ids: list[int] = []
        new_claim_ids: list[int] = []
        corroborations: list[tuple[int, SourceRef]] = []
        alert_ids: list[int] = []
        delivery_ids: list[int] = []
        async with self._write() as conn:
            await _require_matches(conn, doc, judgements)
            for judgement in judgements:
                claim = judgement.claim
                sentence_source = SourceRef(
                    doc_id=doc.doc_id,
                    sentence_index=claim.sentence_index,
                    title=doc.title,
                    link=doc.link,
                    outlet=doc.outlet,
                    published=doc.published,
                )
                origin = await _origin_claim(conn, doc.doc_id, claim.sentence_index)
                previous = await fetch_one(
                    conn,
                    "SELECT id, verdict, claim_id FROM verdicts"
                    " WHERE doc_id = ? AND sentence_index = ?",
                    (doc.doc_id, claim.sentence_index),
                )
                match_id = judgement.match.id if judgement.match is not None else None
                if (
                    judgement.verdict is Verdict.KNOWN
                    and origin is not None
                    and match_id == origin
                    and previous is not None
                ):
                    verdict_ids.append(previous["id"])  # the same text scanned again
                    continue

                claim_id: int | None = None
                if judgement.verdict is Verdict.KNOWN:
                    assert match_id is not None
                    claim_id = match_id
                    if await _add_source(
                        conn,
                        match_id,
                        entry_id=entry_id,
                        source=sentence_source,
                        text=claim.text,
                        verdict="KNOWN",
                        now=now,
                    ):
                        corroborations.append((match_id, sentence_source))
                elif judgement.verdict in ALERT_KINDS:
                    if origin is None:
                        origin = await insert_claim(conn, claim, baseline=False, now=now)
                        await _add_source(
                            conn,
                            origin,
                            entry_id=entry_id,
                            source=sentence_source,
                            text=claim.text,
                            verdict=judgement.verdict.value,
                            now=now,
                        )
                        new_claim_ids.append(origin)
                    claim_id = origin

                if (
                    previous is not None
                    and previous["verdict"] == Verdict.KNOWN.value
                    and previous["claim_id"] is not None
                    and previous["claim_id"] != claim_id
                ):
                    await conn.execute(
                        "DELETE FROM claim_sources WHERE claim_id = ? AND doc_id = ?"
                        " AND sentence_index = ? AND verdict = 'KNOWN'",
                        (previous["claim_id"], doc.doc_id, claim.sentence_index),
                    )

                verdict_id = await _upsert_verdict(
                    conn, doc, entry_id=entry_id, judgement=judgement, claim_id=claim_id, now=now
                )
                verdict_ids.append(verdict_id)
                if judgement.verdict in ALERT_KINDS and claim_id is not None:
                    alert_id = await insert_or_ignore(
                        conn,
                        "INSERT OR IGNORE INTO alerts (verdict_id, kind, claim_id, created_at,"
                        " score) VALUES (?, ?, ?, ?, ?)",
                        (verdict_id, judgement.verdict.value, claim_id, now, judgement.score),
                    )
                    if alert_id is not None:
                        alert_ids.append(alert_id)
                        delivery_ids += await _fan_out(conn, alert_id, judgement, now)
            if entry_id is not None and mark_judged:
                await mark_entry_judged(conn, entry_id)
            created = await load_known_claims(conn, new_claim_ids)
        return RecordResult(
            verdict_ids=tuple(verdict_ids),
            new_claims=tuple(created[claim_id] for claim_id in new_claim_ids),
            corroborations=tuple(corroborations),
            alert_ids=tuple(alert_ids),
            delivery_ids=tuple(delivery_ids),
        )


def _validate(doc: Document, judgement: Judgement) -> None:
    claim = judgement.claim
    where = f"sentence {claim.sentence_index} of {doc.doc_id!r}"
    if claim.doc_id != doc.doc_id:
        raise StorageError(f"a judgement of {claim.doc_id!r} was recorded under {doc.doc_id!r}")
    if not math.isfinite(judgement.score):
        raise StorageError(f"the score of {where} is not a number: {judgement.score!r}")
    if judgement.verdict is Verdict.KNOWN and judgement.match is None:
        raise StorageError(f"the KNOWN judgement of {where} names no matching claim")


async def _require_matches(
    conn: aiosqlite.Connection, doc: Document, judgements: Sequence[Judgement]
) -> None:
    """Refuse, with a clear message, judgements matched against claims the store lacks."""
    wanted = {j.match.id for j in judgements if j.match is not None}
    if not wanted:
        return
    ids = sorted(wanted)
    rows = await fetch_all(
        conn, f"SELECT id FROM claims WHERE id IN ({placeholders(len(ids))})", ids
    )
    missing = wanted - {row["id"] for row in rows}
    if missing:
        raise StorageError(
            f"judgements of {doc.doc_id!r} refer to claims that are not stored: "
            + ", ".join(str(claim_id) for claim_id in sorted(missing))
        )


async def _origin_claim(conn: aiosqlite.Connection, doc_id: str, sentence_index: int) -> int | None:
    """The observed claim this sentence created earlier, if any."""
    row = await fetch_one(
        conn,
        "SELECT id FROM claims WHERE doc_id = ? AND sentence_index = ? AND baseline = 0"
        " AND retired_at IS NULL",
        (doc_id, sentence_index),
    )
    return None if row is None else int(row["id"])


async def _add_source(
    conn: aiosqlite.Connection,
    claim_id: int,
    *,
    entry_id: int | None,
    source: SourceRef,
    text: str,
    verdict: str,
    now: str,
) -> bool:
    """Record where a claim was read; False when this sentence was already a source."""
    source_id = await insert_or_ignore(
        conn,
        "INSERT OR IGNORE INTO claim_sources (claim_id, entry_id, doc_id, sentence_index, text,"
        " title, link, outlet, published, seen_at, verdict)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (claim_id, entry_id, source.doc_id, source.sentence_index, text, source.title,
         source.link, source.outlet, opt_time_to_db(source.published), now, verdict),
    )
    return source_id is not None


async def _upsert_verdict(
    conn: aiosqlite.Connection,
    doc: Document,
    *,
    entry_id: int | None,
    judgement: Judgement,
    claim_id: int | None,
    now: str,
) -> int:
    # ON CONFLICT … DO UPDATE keeps the row id, so an existing alert stays attached to it.
    claim = judgement.claim
    await conn.execute(
        "INSERT INTO verdicts (entry_id, doc_id, sentence_index, claim_text, verdict, score,"
        " match_claim_id, reason, claim_id, topic, judged_at, doc_title, doc_link, doc_outlet,"
        " doc_published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (doc_id, sentence_index) DO UPDATE SET"
        " entry_id = coalesce(excluded.entry_id, verdicts.entry_id),"
        " claim_text = excluded.claim_text, verdict = excluded.verdict, score = excluded.score,"
        " match_claim_id = excluded.match_claim_id, reason = excluded.reason,"
        " claim_id = excluded.claim_id, topic = excluded.topic, judged_at = excluded.judged_at,"
        " doc_title = excluded.doc_title, doc_link = excluded.doc_link,"
        " doc_outlet = excluded.doc_outlet, doc_published = excluded.doc_published",
        (entry_id, doc.doc_id, claim.sentence_index, claim.text, judgement.verdict.value,
         judgement.score, judgement.match.id if judgement.match is not None else None,
         judgement.reason, claim_id, claim.topic, now, doc.title, doc.link, doc.outlet,
         opt_time_to_db(doc.published)),
    )
    row = await fetch_one(
        conn,
        "SELECT id FROM verdicts WHERE doc_id = ? AND sentence_index = ?",
        (doc.doc_id, claim.sentence_index),
    )
    assert row is not None
    return int(row["id"])


async def _fan_out(
    conn: aiosqlite.Connection, alert_id: int, judgement: Judgement, now: str
) -> list[int]:
    """A pending delivery per active live subscription that wants this alert."""
    modes = sorted(LIVE_MODES)
    subscriptions = await fetch_all(
        conn,
        "SELECT id FROM subscriptions WHERE state = 'active'"
        f" AND mode IN ({placeholders(len(modes))})"
        " AND (kinds = 'all' OR kinds = ?) AND min_score <= ? ORDER BY id",
        (*modes, judgement.verdict.value.lower(), judgement.score),
    )
    delivery_ids: list[int] = []
    for subscription in subscriptions:
        delivery_id = await insert_or_ignore(
            conn,
            "INSERT OR IGNORE INTO deliveries (alert_id, subscription_id, next_attempt_at,"
            " created_at) VALUES (?, ?, ?, ?)",
            (alert_id, subscription["id"], now, now),
        )
        if delivery_id is not None:
            delivery_ids.append(delivery_id)
    return delivery_ids

