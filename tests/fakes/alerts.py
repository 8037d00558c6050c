"""Put alerts into a real store the way the pipeline does, for the bot's tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from bot.model import Claim, Document, Judgement, KnownClaim, Slots, SourceRef, Verdict
from bot.store import RecordResult, Store
from bot.text.normalize import normalize

_docs = itertools.count(1)


def claim(text: str, doc_id: str, index: int = 0, topic: str = "general") -> Claim:
    normalized = normalize(text)  # as the extractor does, so lookups find it
    return Claim(text, normalized, normalized, Slots(), doc_id, index, topic=topic)


async def baseline(store: Store, text: str) -> KnownClaim:
    """One seed claim, for CONTRADICTING alerts to conflict with."""
    seed = claim(text, "seed-1")
    source = SourceRef("seed-1", 0, title="Seed article", outlet="Seed Outlet")
    known = await store.set_baseline("fingerprint", [(seed, [source])])
    return known[0]


async def queue_alert(
    store: Store,
    text: str,
    *,
    verdict: Verdict = Verdict.NEW,
    score: float = 55.0,
    match: KnownClaim | None = None,
    reason: str | None = None,
    title: str = "Report on the treaty",
    link: str | None = "https://news.example/report",
    outlet: str | None = "Example Wire",
    topic: str = "general",
) -> RecordResult:
    """Record one judged document with one alerting claim; deliveries fan out to every
    matching live subscription in the same transaction, as in production."""
    doc_id = f"doc-{next(_docs)}"
    doc = Document(
        doc_id,
        title,
        text,
        published=datetime(2025, 1, 19, 8, 0, tzinfo=UTC),
        link=link,
        outlet=outlet,
    )
    judgement = Judgement(
        claim(text, doc_id, topic=topic), verdict, score, match=match, reason=reason
    )
    return await store.record_judgements(doc, None, [judgement])
