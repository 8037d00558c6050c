"""Knowledge: the baseline, observed claims with sources, lookup, history and counts."""

from __future__ import annotations

from bot.model import KnownClaim, Verdict
from bot.store import Store

from .factories import SEED_DOC, judge, make_claim, make_doc, rich_slots, seed_source


async def test_baseline_round_trips_with_slots_and_sources(store: Store) -> None:
    claim = make_claim("Putin did not sign on Tuesday.", SEED_DOC, 0, slots=rich_slots())
    [stored] = await store.set_baseline("fp", [(claim, [seed_source(claim)])])
    assert await store.baseline_fingerprint() == "fp"
    [loaded] = await store.load_knowledge()
    assert loaded.id == stored.id and loaded.baseline is True
    assert loaded.claim == claim
    assert loaded.sources == [seed_source(claim)]
    assert loaded.first_seen is not None and loaded.first_seen.tzinfo is not None


async def test_no_baseline_yet_has_no_fingerprint(store: Store) -> None:
    assert await store.baseline_fingerprint() is None
    assert await store.load_knowledge() == []


async def test_new_baseline_keeps_unchanged_claims_and_retires_the_rest(
    store: Store, baseline: list[KnownClaim]
) -> None:
    duration, signing = baseline
    doc = make_doc()
    corroboration = make_claim("It lasts twenty years.", doc.doc_id, 0)
    await store.record_judgements(doc, None, [judge(corroboration, Verdict.KNOWN, 90, duration)])
    refreshed = make_claim(duration.claim.text, SEED_DOC, 0, topic="term")
    added = make_claim("The treaty has 47 articles.", SEED_DOC, 5)
    result = await store.set_baseline(
        "fp-2", [(refreshed, [seed_source(refreshed)]), (added, [seed_source(added)])]
    )
    assert await store.baseline_fingerprint() == "fp-2"
    assert result[0].id == duration.id
    loaded = {k.id: k for k in await store.load_knowledge()}
    assert set(loaded) == {duration.id, result[1].id}
    assert loaded[duration.id].claim.topic == "term"
    assert len(loaded[duration.id].sources) == 2  # the corroboration survived
    # The retired claim is gone from the knowledge but still answers for old verdicts.
    retired = await store.get_claim(signing.id)
    assert retired is not None and retired.text == signing.text
    assert signing.id not in {c.id for c in await store.all_claims_for_lookup()}


async def test_changed_sentence_text_replaces_the_claim(
    store: Store, baseline: list[KnownClaim]
) -> None:
    reworded = make_claim("The treaty is valid for twenty years.", SEED_DOC, 0)
    [new] = await store.set_baseline("fp-3", [(reworded, [seed_source(reworded)])])
    assert new.id not in {k.id for k in baseline}
    assert [k.text for k in await store.load_knowledge()] == [reworded.text]


async def test_lookup_list_and_counts(store: Store, baseline: list[KnownClaim]) -> None:
    doc = make_doc()
    result = await store.record_judgements(
        doc, None,
        [judge(make_claim("The Duma ratified it.", doc.doc_id, 0), Verdict.NEW, 20.0),
         judge(make_claim("Cookie banner.", doc.doc_id, 1), Verdict.IRRELEVANT, 0.0)],
    )
    lookup = await store.all_claims_for_lookup()
    assert [(c.id, c.baseline) for c in lookup] == [
        (baseline[0].id, True), (baseline[1].id, True), (result.new_claim_ids[0], False)
    ]
    assert lookup[2].normalized == "the duma ratified it"
    await store.subscribe(1, 10)
    counts = await store.counts()
    assert (counts.baseline_claims, counts.observed_claims, counts.alerts) == (2, 1, 1)
    assert counts.verdicts == {"KNOWN": 0, "NEW": 1, "CONTRADICTING": 0, "IRRELEVANT": 1}
    assert (counts.subscriptions, counts.pending_deliveries, counts.feeds) == (1, 0, 0)


async def test_meta_values_are_upserted(store: Store) -> None:
    await store.set_meta("k", "1")
    await store.set_meta("k", "2")
    assert await store.get_meta("k") == "2"
    assert await store.get_meta("missing") is None


async def test_get_claim_of_unknown_id_is_none(store: Store) -> None:
    assert await store.get_claim(12345) is None
