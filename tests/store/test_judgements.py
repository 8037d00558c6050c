"""record_judgements: verdict rows, observed claims, corroborations, alerts and fan-out."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.errors import StorageError
from bot.model import KnownClaim, Verdict
from bot.store import Store

from .factories import judge, make_claim, make_doc


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


async def _live_subscriptions(store: Store) -> dict[str, int]:
    subs = {
        "all": await store.subscribe(1, 101, "all"),
        "new": await store.subscribe(1, 102, "new"),
        "contra": await store.subscribe(2, 201, "contradicting"),
        "picky": await store.subscribe(2, 202, "all", min_score=90.0),
        "digest": await store.subscribe(3, 301, "all", mode="daily"),
        "muted": await store.subscribe(3, 302, "all"),
    }
    await store.set_subscription_state(subs["muted"].id, "needs_permissions", "403")
    return {name: sub.id for name, sub in subs.items()}


async def test_new_creates_claim_alert_and_deliveries_for_matching_subscriptions(
    store: Store, baseline: list[KnownClaim]
) -> None:
    subs = await _live_subscriptions(store)
    doc = make_doc()
    claim = make_claim("The State Duma ratified the treaty on 8 April.", doc.doc_id, 2)
    result = await store.record_judgements(
        doc, None, [judge(claim, Verdict.NEW, 42.0, baseline[1], None)]
    )
    assert len(result.verdict_ids) == 1
    assert len(result.new_claims) == 1 and len(result.alert_ids) == 1
    new = result.new_claims[0]
    assert new.claim == claim and new.baseline is False
    assert [s.link for s in new.sources] == [doc.link]
    deliveries = await store.deliveries_for_alert(result.alert_ids[0])
    assert {d.subscription_id for d in deliveries} == {subs["all"], subs["new"]}
    assert all(d.status == "pending" for d in deliveries)
    assert tuple(d.id for d in deliveries) == result.delivery_ids
    knowledge = await store.load_knowledge()
    assert [k.id for k in knowledge] == [baseline[0].id, baseline[1].id, new.id]


async def test_contradicting_fans_out_to_contradicting_and_high_score_subscribers(
    store: Store, baseline: list[KnownClaim]
) -> None:
    subs = await _live_subscriptions(store)
    doc = make_doc()
    claim = make_claim("The treaty is valid for 25 years.", doc.doc_id, 0, topic="duration")
    result = await store.record_judgements(
        doc, None,
        [judge(claim, Verdict.CONTRADICTING, 95.0, baseline[0], "20 years → 25 years")],
    )
    deliveries = await store.deliveries_for_alert(result.alert_ids[0])
    assert {d.subscription_id for d in deliveries} == {subs["all"], subs["contra"], subs["picky"]}
    history = await store.claim_history(baseline[0].id)
    assert [(v.verdict, v.reason, v.match_claim_id) for v in history] == [
        (Verdict.CONTRADICTING, "20 years → 25 years", baseline[0].id)
    ]
    assert history[0].claim_id == result.new_claim_ids[0]
    assert history[0].title == doc.title and history[0].link == doc.link


async def test_known_adds_a_corroborating_source_and_no_alert(
    store: Store, baseline: list[KnownClaim], db_path: Path
) -> None:
    await _live_subscriptions(store)
    doc = make_doc("https://other.example/b", outlet="Other Outlet")
    claim = make_claim("The pact will last two decades.", doc.doc_id, 4, topic="duration")
    result = await store.record_judgements(
        doc, None, [judge(claim, Verdict.KNOWN, 88.0, baseline[0])]
    )
    assert result.alert_ids == () and result.new_claims == ()
    assert [(cid, src.outlet, src.sentence_index) for cid, src in result.corroborations] == [
        (baseline[0].id, "Other Outlet", 4)
    ]
    known = await store.get_claim(baseline[0].id)
    assert known is not None
    assert [s.doc_id for s in known.sources] == [baseline[0].claim.doc_id, doc.doc_id]
    assert _count(db_path, "alerts") == 0 and _count(db_path, "deliveries") == 0
    history = await store.claim_history(baseline[0].id)
    assert [(v.verdict, v.claim_id) for v in history] == [(Verdict.KNOWN, baseline[0].id)]


async def test_irrelevant_stores_only_the_verdict(
    store: Store, baseline: list[KnownClaim], db_path: Path
) -> None:
    await _live_subscriptions(store)
    doc = make_doc()
    claim = make_claim("Subscribe to our newsletter.", doc.doc_id, 9)
    before = _count(db_path, "claim_sources")
    result = await store.record_judgements(doc, None, [judge(claim, Verdict.IRRELEVANT, 0.0)])
    assert len(result.verdict_ids) == 1
    assert (result.new_claims, result.alert_ids, result.corroborations) == ((), (), ())
    assert _count(db_path, "claims") == len(baseline)
    assert _count(db_path, "claim_sources") == before
    assert (await store.counts()).verdicts["IRRELEVANT"] == 1


async def test_rerecording_the_same_document_creates_nothing_twice(
    store: Store, baseline: list[KnownClaim], db_path: Path
) -> None:
    await _live_subscriptions(store)
    doc = make_doc()
    new = make_claim("The Duma ratified the treaty on 8 April.", doc.doc_id, 0)
    contra = make_claim("The treaty is valid for 25 years.", doc.doc_id, 1, topic="duration")
    known = make_claim("It runs for twenty years.", doc.doc_id, 2, topic="duration")
    judgements = [
        judge(new, Verdict.NEW, 30.0),
        judge(contra, Verdict.CONTRADICTING, 95.0, baseline[0], "20 → 25"),
        judge(known, Verdict.KNOWN, 90.0, baseline[0]),
    ]
    first = await store.record_judgements(doc, None, judgements)
    tables = ("verdicts", "claims", "claim_sources", "alerts", "deliveries")
    counts = {t: _count(db_path, t) for t in tables}
    again = await store.record_judgements(doc, None, judgements)
    assert {t: _count(db_path, t) for t in tables} == counts
    assert again.verdict_ids == first.verdict_ids
    assert (again.new_claims, again.alert_ids, again.delivery_ids, again.corroborations) == (
        (), (), (), ()
    )


async def test_rescan_judged_known_against_its_own_claim_keeps_the_first_verdict(
    store: Store, baseline: list[KnownClaim]
) -> None:
    doc = make_doc()
    claim = make_claim("The Duma ratified the treaty on 8 April.", doc.doc_id, 0)
    first = await store.record_judgements(doc, None, [judge(claim, Verdict.NEW, 30.0)])
    own = first.new_claims[0]
    again = await store.record_judgements(doc, None, [judge(claim, Verdict.KNOWN, 100.0, own)])
    assert again.corroborations == ()
    history = await store.claim_history(own.id)
    assert [v.verdict for v in history] == [Verdict.NEW]


async def test_rejudged_sentence_withdraws_its_stale_corroboration(
    store: Store, baseline: list[KnownClaim]
) -> None:
    doc = make_doc()
    claim = make_claim("The treaty runs for twenty years.", doc.doc_id, 0, topic="duration")
    await store.record_judgements(doc, None, [judge(claim, Verdict.KNOWN, 90.0, baseline[0])])
    edited = make_claim("The treaty runs for 30 years.", doc.doc_id, 0, topic="duration")
    result = await store.record_judgements(
        doc, None, [judge(edited, Verdict.CONTRADICTING, 92.0, baseline[0], "20 → 30")]
    )
    known = await store.get_claim(baseline[0].id)
    assert known is not None and [s.doc_id for s in known.sources] == [baseline[0].claim.doc_id]
    assert len(result.alert_ids) == 1
    history = await store.claim_history(baseline[0].id)
    assert [v.verdict for v in history] == [Verdict.CONTRADICTING]


async def test_entry_counts_as_handled_only_after_its_judgements_are_stored(
    store: Store, baseline: list[KnownClaim]
) -> None:
    feed = await store.add_feed("https://news.example/feed.xml")
    entry, status = await store.upsert_entry(feed.id, "g1", None, "T", None, "hash-1")
    assert status == "new"
    _, status = await store.upsert_entry(feed.id, "g1", None, "T", None, "hash-1")
    assert status == "new"  # fetched twice but never judged: still to do
    doc = make_doc()
    await store.record_judgements(
        doc, entry.id, [judge(make_claim("x", doc.doc_id), Verdict.IRRELEVANT, 0.0)]
    )
    _, status = await store.upsert_entry(feed.id, "g1", None, "T", None, "hash-1")
    assert status == "unchanged"


async def test_a_failing_judgement_rolls_back_the_whole_document(
    store: Store, baseline: list[KnownClaim], db_path: Path
) -> None:
    doc = make_doc()
    stranger = KnownClaim(id=9999, claim=make_claim("ghost", "x", 0), baseline=False)
    good = judge(make_claim("A new fact.", doc.doc_id, 0), Verdict.NEW, 10.0)
    bad = judge(make_claim("Known?", doc.doc_id, 1), Verdict.KNOWN, 90.0, stranger)
    with pytest.raises(StorageError, match="9999"):
        await store.record_judgements(doc, None, [good, bad])
    assert _count(db_path, "verdicts") == 0 and _count(db_path, "claims") == len(baseline)


@pytest.mark.parametrize(
    ("claim_doc", "verdict", "score", "message"),
    [
        ("https://elsewhere.example/", Verdict.NEW, 1.0, "recorded under"),
        (None, Verdict.NEW, float("nan"), "not a number"),
        (None, Verdict.KNOWN, 90.0, "names no matching claim"),
    ],
)
async def test_malformed_judgements_are_refused(
    store: Store, claim_doc: str | None, verdict: Verdict, score: float, message: str
) -> None:
    doc = make_doc()
    claim = make_claim("Something.", claim_doc or doc.doc_id, 0)
    with pytest.raises(StorageError, match=message):
        await store.record_judgements(doc, None, [judge(claim, verdict, score)])
