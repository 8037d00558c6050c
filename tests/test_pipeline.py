"""Feed file → stored verdicts, claims, alerts and deliveries, on a real SQLite file."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.config import Config
from bot.fetch.feeds import FeedEntry, ParsedFeed
from bot.model import Document, Verdict
from bot.pipeline import Pipeline, open_engine
from bot.sources import load_source
from bot.store.db import open_store

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "treaty-news.xml"


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


async def test_a_feed_file_is_judged_stored_and_fanned_out_once(tmp_path: Path) -> None:
    db = tmp_path / "tw.sqlite3"
    config = Config()
    loaded = await load_source(str(EXAMPLE), config)
    async with open_store(db) as store:
        await store.subscribe(guild_id=1, channel_id=10, kinds="all")
        await store.subscribe(guild_id=1, channel_id=11, kinds="contradicting")
        pipeline = Pipeline(store, await open_engine(store, config))
        result = await pipeline.process_feed(loaded.key, loaded.parsed)
    verdicts = [j.verdict for _, j in result.judgements]
    assert {Verdict.NEW, Verdict.CONTRADICTING, Verdict.KNOWN, Verdict.IRRELEVANT} <= set(verdicts)
    alerts = verdicts.count(Verdict.NEW) + verdicts.count(Verdict.CONTRADICTING)
    assert _count(db, "alerts") == alerts
    assert _count(db, "verdicts") == len(verdicts)
    # every alert to the "all" channel, only contradictions to the other
    assert _count(db, "deliveries") == alerts + verdicts.count(Verdict.CONTRADICTING)

    # a second scan of the same feed adds nothing
    async with open_store(db) as store:
        pipeline = Pipeline(store, await open_engine(store, config))
        again = await pipeline.process_feed(loaded.key, loaded.parsed)
    assert again.documents == [] and again.skipped == len(loaded.parsed.entries)
    assert _count(db, "alerts") == alerts
    assert _count(db, "verdicts") == len(verdicts)


async def test_knowledge_survives_a_restart(tmp_path: Path) -> None:
    """An observed claim stored by one run is known to the next: no second alert."""
    db = tmp_path / "tw.sqlite3"
    config = Config()
    text = "Russia's State Duma ratified the strategic partnership treaty with Iran on 8 April."
    entry = FeedEntry(
        guid="g1",
        link="https://example.org/1",
        title="Duma",
        published=datetime(2025, 4, 8, tzinfo=UTC),
        summary=text,
        content=text,
        content_hash="h1",
    )
    later = FeedEntry(
        guid="g2",
        link="https://example.org/2",
        title="Duma again",
        published=datetime(2025, 4, 9, tzinfo=UTC),
        summary=text,
        content=text,
        content_hash="h2",
    )
    async with open_store(db) as store:
        pipeline = Pipeline(store, await open_engine(store, config))
        first = await pipeline.process_feed(
            "https://example.org/feed", ParsedFeed(url="u", title="F", entries=(entry,))
        )
    async with open_store(db) as store:
        pipeline = Pipeline(store, await open_engine(store, config))
        second = await pipeline.process_feed(
            "https://example.org/feed", ParsedFeed(url="u", title="F", entries=(later,))
        )
    assert [j.verdict for _, j in first.judgements] == [Verdict.NEW]
    assert [j.verdict for _, j in second.judgements] == [Verdict.KNOWN]
    assert _count(db, "alerts") == 1


async def test_a_sentence_repeating_an_earlier_one_of_its_article_is_stored_in_batches(
    tmp_path: Path,
) -> None:
    db = tmp_path / "tw.sqlite3"
    config = Config()
    doc = Document(
        "doc-1",
        "Duma vote on the Iran treaty",
        "Russia's State Duma ratified the partnership treaty with Iran on 8 April. "
        "The State Duma ratified the Iran treaty on 8 April, officials said.",
        published=datetime(2025, 4, 8, tzinfo=UTC),
    )
    async with open_store(db) as store:
        pipeline = Pipeline(store, await open_engine(store, config))
        result = await pipeline.process_document(doc, None)
        stored = await store.load_knowledge()
    verdicts = [j.verdict for j in result.judgements]
    assert verdicts == [Verdict.NEW, Verdict.KNOWN]
    assert len(result.alert_ids) == 1
    # the provisional claim got its real id, and the KNOWN sentence is its second source
    observed = [k for k in stored if not k.baseline]
    assert len(observed) == 1 and len(observed[0].sources) == 2
    assert result.judgements[1].match is not None
    assert result.judgements[1].match.id == observed[0].id > 0


async def test_changed_seeds_store_a_new_baseline_and_the_engine_knows_only_it(
    tmp_path: Path,
) -> None:
    """The knowledge is read while the seeds are extracted; when the stored baseline turns
    out stale, the engine gets the knowledge read after the new baseline was stored."""
    db = tmp_path / "tw.sqlite3"
    config = Config()
    async with open_store(db) as store:
        engine = await open_engine(store, config)
    fingerprint = await _meta(db, "baseline_fingerprint")
    with sqlite3.connect(db) as conn:
        # An older baseline: another fingerprint, and a claim the current seeds do not make.
        conn.execute("UPDATE meta SET value = 'older seeds' WHERE key = 'baseline_fingerprint'")
        conn.execute(
            "INSERT INTO claims (text, normalized, masked, slots_json, baseline, first_seen_at,"
            " doc_id, sentence_index) VALUES ('The treaty has 99 articles.', 'treati 99 articl',"
            " 'treati articl', '{}', 1, '2025-01-01T00:00:00.000000+00:00', 'old-seed', 0)"
        )
    async with open_store(db) as store:
        reopened = await open_engine(store, config)
    assert await _meta(db, "baseline_fingerprint") == fingerprint
    assert "The treaty has 99 articles." not in {k.text for k in reopened.knowledge}
    assert sorted(k.id for k in reopened.knowledge) == sorted(k.id for k in engine.knowledge)


async def _meta(db: Path, key: str) -> str:
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()[0])
