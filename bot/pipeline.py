"""The pipeline: parsed feed entries → documents → judgements → the store, oldest first.

Used by ``treatywatch scan`` and by the bot's scheduled polls. The CPU-heavy part (extracting
and judging a document) runs in a worker thread so the event loop stays responsive; the
writes go through the store, one transaction per document, with verdicts, new claims, alerts
and deliveries together. An entry whose current text is already handled is skipped, so
scanning the same feed twice adds nothing.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.baseline import build_baseline
from bot.config import Config
from bot.engine import ALERT_VERDICTS, Engine
from bot.fetch.feeds import FeedEntry, ParsedFeed, entry_to_document
from bot.model import Document, Judgement
from bot.store.db import Store

log = logging.getLogger(__name__)

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """The judgements of one document, as stored."""

    doc: Document
    judgements: list[Judgement]
    alert_ids: tuple[int, ...] = ()


@dataclass(slots=True)
class FeedResult:
    """What one feed contributed to a scan."""

    feed_url: str
    feed_title: str | None
    documents: list[DocumentResult] = field(default_factory=list)
    skipped: int = 0

    @property
    def judgements(self) -> list[tuple[Document, Judgement]]:
        return [(d.doc, j) for d in self.documents for j in d.judgements]


async def open_engine(store: Store, config: Config) -> Engine:
    """Bring the stored baseline up to date with the seeds and load the whole knowledge."""
    baseline = await asyncio.to_thread(build_baseline, config)
    if await store.baseline_fingerprint() != baseline.fingerprint:
        log.info("seeds changed: storing a new baseline of %d claims", len(baseline.claims))
        await store.set_baseline(
            baseline.fingerprint,
            [(known.claim, list(known.sources)) for known in baseline.claims],
        )
    known = await store.load_knowledge()
    return Engine.from_known(config, known)


def _oldest_first(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    return sorted(entries, key=lambda e: e.published or _EPOCH)


class Pipeline:
    """Judges feed entries against the knowledge and stores the outcome."""

    def __init__(self, store: Store, engine: Engine) -> None:
        self.store = store
        self.engine = engine
        # One document at a time: the knowledge has one writer, and order matters.
        self._lock = asyncio.Lock()

    async def process_document(self, doc: Document, entry_id: int | None) -> DocumentResult:
        """Judge one document and store every verdict, claim, alert and delivery."""
        async with self._lock:
            judgements = await asyncio.to_thread(self.engine.judge_document, doc)
            alert_ids = await self._record(doc, entry_id, judgements)
        return DocumentResult(doc, judgements, alert_ids)

    async def _record(
        self, doc: Document, entry_id: int | None, judgements: list[Judgement]
    ) -> tuple[int, ...]:
        """Store the judgements; a claim matched to a claim of this same document waits until
        that claim has its real id (a batch boundary)."""
        alert_ids: list[int] = []
        batch: list[Judgement] = []
        for judgement in judgements:
            if judgement.match is not None and judgement.match.id < 0 and batch:
                alert_ids += await self._flush(doc, entry_id, batch, final=False)
                batch = []
            batch.append(judgement)
        alert_ids += await self._flush(doc, entry_id, batch, final=True)
        return tuple(alert_ids)

    async def _flush(
        self, doc: Document, entry_id: int | None, batch: list[Judgement], *, final: bool
    ) -> list[int]:
        result = await self.store.record_judgements(doc, entry_id, batch, mark_judged=final)
        stored = {(k.claim.doc_id, k.claim.sentence_index): k.id for k in result.new_claims}
        for judgement in batch:
            if judgement.verdict not in ALERT_VERDICTS:
                continue
            key = (judgement.claim.doc_id, judgement.claim.sentence_index)
            provisional = self.engine.provisional.pop(key, None)
            if provisional is not None and key in stored:
                self.engine.knowledge.rekey(provisional, stored[key])
        return list(result.alert_ids)

    async def process_feed(
        self,
        feed_url: str,
        parsed: ParsedFeed,
        *,
        feed_id: int | None = None,
        text_for: Callable[[FeedEntry], str | None] | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> FeedResult:
        """Judge every entry of a parsed feed whose text is not handled yet, oldest first."""
        if feed_id is None:
            feed_id = (await self.store.add_feed(feed_url, title=parsed.title)).id
        result = FeedResult(feed_url, parsed.title)
        for entry in _oldest_first(parsed.entries):
            row, status = await self.store.upsert_entry(
                feed_id, entry.guid, entry.link, entry.title, entry.published, entry.content_hash
            )
            if status == "unchanged":
                result.skipped += 1
            else:
                text = text_for(entry) if text_for else None
                doc = entry_to_document(entry, parsed.title, feed_url, text=text)
                result.documents.append(await self.process_document(doc, row.id))
            if progress:
                progress(1)
        return result

    async def record_without_alerts(
        self, feed_id: int, parsed: ParsedFeed, backfill: int = 0
    ) -> FeedResult:
        """A feed just added: mark its current entries seen (no flood), except the newest
        ``backfill`` ones, which are judged and alerted as usual."""
        entries = sorted(parsed.entries, key=lambda e: e.published or _EPOCH, reverse=True)
        judged, seen = entries[:backfill], entries[backfill:]
        await self.store.mark_entries_seen(feed_id, seen)
        subset = ParsedFeed(url=parsed.url, title=parsed.title, entries=tuple(judged))
        return await self.process_feed(parsed.url, subset, feed_id=feed_id)
