"""Tests for bot/lookup.py: fuzzy search over the real baseline plus observed claims."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.baseline import build_baseline
from bot.config import Config
from bot.extract import ClaimExtractor
from bot.lookup import MAX_QUERY_LENGTH, LookupIndex
from bot.model import KnownClaim, SourceRef


@pytest.fixture(scope="module")
def baseline_claims() -> list[KnownClaim]:
    return build_baseline(Config()).claims


@pytest.fixture
def index(baseline_claims: list[KnownClaim]) -> LookupIndex:
    return LookupIndex(baseline_claims)


def counts_years(known: KnownClaim, years: float) -> bool:
    return (years, "year") in {(q.value, q.unit) for q in known.claim.slots.quantities}


def observed(text: str, claim_id: int) -> KnownClaim:
    claim = ClaimExtractor().claim_from_sentence(text, doc_id="feed:test", index=0)
    return KnownClaim(
        id=claim_id,
        claim=claim,
        baseline=False,
        first_seen=datetime(2025, 6, 26, tzinfo=UTC),
        sources=[SourceRef("feed:test", 0, title="Gas and rail")],
    )


def test_the_index_holds_every_claim(index: LookupIndex, baseline_claims: list[KnownClaim]) -> None:
    assert len(index) == len(baseline_claims) > 0


def test_finds_the_20_year_claim_for_a_question(index: LookupIndex) -> None:
    hits = index.search("how long does the treaty last 20 years")
    assert any(counts_years(hit.known, 20) for hit in hits)


def test_a_bare_20_years_puts_the_20_year_claim_first(index: LookupIndex) -> None:
    hits = index.search("20 years")
    assert hits
    assert counts_years(hits[0].known, 20)


@pytest.mark.xfail(
    reason="WORD_SYNONYMS maps 'lasts' but not 'last' to 'duration', so the query's 'last' "
    "matches 'last year' / 'the last that Russia signed' claims, which outrank Jalali's "
    "20-year claim",
    strict=True,
)
def test_the_20_year_claim_ranks_first_for_how_long_does_it_last(index: LookupIndex) -> None:
    hits = index.search("how long does the treaty last 20 years")
    assert counts_years(hits[0].known, 20)


def test_hits_are_best_first_and_above_the_cutoff(index: LookupIndex) -> None:
    hits = index.search("the treaty was signed in the Kremlin on Friday", limit=10)
    assert len(hits) > 1
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert min(scores) >= 50.0


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_limit_is_respected(index: LookupIndex, limit: int) -> None:
    assert len(index.search("treaty", limit=limit)) == limit


@pytest.mark.parametrize("query", ["", "   ", "the of and", "zzz qqq"])
def test_empty_or_meaningless_query_finds_nothing(index: LookupIndex, query: str) -> None:
    assert index.search(query) == []


def test_a_huge_query_is_cut_not_refused(index: LookupIndex) -> None:
    query = "mutual defence clause " * MAX_QUERY_LENGTH
    hits = index.search(query)
    assert hits
    assert any(("mutual_defense", -1) in hit.known.claim.slots.stances for hit in hits)


def test_added_claims_are_found(index: LookupIndex) -> None:
    assert not any(hit.known.id == 9001 for hit in index.search("55 bcm of gas a year"))
    index.add(
        observed(
            "Under a supply deal framed by the partnership treaty, Gazprom will deliver up to "
            "55 billion cubic metres of gas a year to Iran.",
            9001,
        )
    )
    hits = index.search("55 bcm of gas a year")
    assert hits[0].known.id == 9001
    assert hits[0].known.sources[0].title == "Gas and rail"


def test_paraphrased_query_finds_the_claim() -> None:
    index = LookupIndex(
        [
            observed("Moscow and Tehran inked the pact in the Kremlin.", 1),
            observed("Gazprom will deliver gas to Iran through Azerbaijan.", 2),
        ]
    )
    hits = index.search("Russia and Iran signed the treaty")
    assert [hit.known.id for hit in hits][:1] == [1]
    assert all(hit.known.id != 2 for hit in hits)


def test_empty_index_finds_nothing() -> None:
    assert LookupIndex().search("20 years") == []
