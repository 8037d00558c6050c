"""Knowledge invariants: pruning keeps the best candidates, idf, token sets and rekey."""

from __future__ import annotations

import math
import random

import pytest
from rapidfuzz import fuzz, process

from bot.extract import ClaimExtractor
from bot.knowledge import Knowledge
from bot.model import Claim, KnownClaim, Slots

WORDS = [
    "treaty",
    "signed",
    "moscow",
    "tehran",
    "duma",
    "ratified",
    "gas",
    "pipeline",
    "railway",
    "corridor",
    "alliance",
    "defence",
    "sanctions",
    "payments",
    "banks",
    "nuclear",
    "drones",
    "oil",
    "trade",
    "security",
    "terrorism",
    "culture",
    "years",
]


def _knowledge_claims(count: int, seed: int = 7) -> list[KnownClaim]:
    rng = random.Random(seed)
    extractor = ClaimExtractor()
    names = [f"zor{chr(97 + n % 26)}{chr(97 + n // 26)}" for n in range(300)]
    claims = []
    for index in range(count):
        words = [*rng.sample(WORDS, 5), rng.choice(names), rng.choice(names)]
        text = "Russia and Iran " + " ".join(words) + "."
        claim = extractor.claim_from_sentence(text, doc_id=f"t:{index}", index=0)
        claims.append(KnownClaim(id=index + 1, claim=claim, baseline=False))
    return claims


@pytest.fixture(scope="module")
def known() -> list[KnownClaim]:
    return _knowledge_claims(1500)


def test_small_knowledge_is_not_pruned() -> None:
    claims = _knowledge_claims(120)
    pruned, full = Knowledge(claims), Knowledge(claims, prune=False)
    for query in _knowledge_claims(30, seed=99):
        assert pruned.candidates(query.claim, 20) == full.candidates(query.claim, 20)


def test_pruning_keeps_the_best_candidates(known: list[KnownClaim]) -> None:
    pruned, full = Knowledge(known), Knowledge(known, prune=False)
    queries = [k.claim for k in _knowledge_claims(40, seed=123)]
    same_best = 0
    for claim in queries:
        got = pruned.candidates(claim, 8)
        want = full.candidates(claim, 8)
        assert got, "pruning left no candidate"
        # Scores come from the same scorer, so a pruned list can only miss, never invent.
        assert got[0][1] <= want[0][1]
        same_best += got[0][1] == want[0][1]
    assert same_best >= 0.9 * len(queries)


def test_an_exact_restatement_is_the_first_candidate(known: list[KnownClaim]) -> None:
    knowledge = Knowledge(known)
    for target in known[::150]:
        found = knowledge.candidates(target.claim, 5)
        assert found[0][1] == 100.0
        assert any(item is target for item, score in found if score == 100.0)


def test_idf_rare_tokens_weigh_more_and_unseen_most(known: list[KnownClaim]) -> None:
    knowledge = Knowledge(known)
    common, rare = "russia", "zorhb"
    assert knowledge.idf("never-seen") > knowledge.idf(rare) > knowledge.idf(common)
    before = knowledge.idf(rare)
    knowledge.add(KnownClaim(id=10_000, claim=known[0].claim, baseline=False))
    # One more claim: the cached value must follow the new counts.
    assert knowledge.idf(rare) != before


def test_since_gives_the_claims_added_after_a_position(known: list[KnownClaim]) -> None:
    knowledge = Knowledge(known[:3])
    assert list(knowledge.since(0)) == known[:3]
    assert list(knowledge.since(3)) == []
    extra = KnownClaim(id=10_000, claim=known[5].claim, baseline=False)
    knowledge.add(extra)
    assert list(knowledge.since(3)) == [extra]


def test_tokens_of_matches_the_masked_text(known: list[KnownClaim]) -> None:
    knowledge = Knowledge(known[:50])
    for item in known[:50]:
        assert knowledge.tokens_of(item) == frozenset(item.claim.masked.split())
    outsider = _knowledge_claims(1, seed=5)[0]
    assert knowledge.tokens_of(outsider) == frozenset(outsider.claim.masked.split())


def test_rekey_moves_a_provisional_claim_to_its_stored_id(known: list[KnownClaim]) -> None:
    item = KnownClaim(id=-1, claim=known[0].claim, baseline=False)
    knowledge = Knowledge([item])
    knowledge.rekey(-1, 42)
    assert knowledge.get(-1) is None
    assert knowledge.get(42) is item and item.id == 42
    assert knowledge.next_id() == 43
    assert [k.id for k in knowledge] == [42] and len(knowledge) == 1


def _full_hundreds(full: Knowledge, claim: Claim) -> list[int]:
    texts = [k.claim.masked for k in full]
    found = process.extract(
        claim.masked, texts, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=99.9
    )
    return sorted(index for _, score, index in found if score == 100.0)


def test_claims_scoring_100_are_found_exactly(known: list[KnownClaim]) -> None:
    """The pruned path finds every claim token_set_ratio scores 100 (one token set holding
    the other) through its pair keys and posting lists, and no other."""
    extractor = ClaimExtractor()
    # One-token claims are held by every query with their token.
    short = [
        KnownClaim(
            id=-n, claim=extractor.claim_from_sentence(text, doc_id="s", index=n), baseline=False
        )
        for n, text in enumerate(("Gas.", "Oil.", "Russia."), start=1)
    ]
    known = known[:700] + short + known[700:]
    pruned, full = Knowledge(known), Knowledge(known, prune=False)
    queries = [k.claim for k in _knowledge_claims(30, seed=11)] + [k.claim for k in known[::97]]
    # Short queries are held by few claims and hold many; long ones the other way round.
    queries += [
        extractor.claim_from_sentence(text, doc_id="q", index=0)
        for text in ("Russia and Iran trade.", "Russia and Iran signed the treaty.", "Gas.")
    ]
    hundreds = 0
    for claim in queries:
        want = _full_hundreds(full, claim)
        hundreds += len(want)
        assert pruned._perfect(frozenset(claim.masked.split())) == want
    assert hundreds > len(queries)


def test_with_enough_100s_the_candidates_are_the_unpruned_ones(known: list[KnownClaim]) -> None:
    pruned, full = Knowledge(known), Knowledge(known, prune=False)
    extractor = ClaimExtractor()
    # Every claim with "treaty" holds this one's tokens.
    claim = extractor.claim_from_sentence("Russia and Iran: the treaty.", doc_id="q", index=0)
    assert len(_full_hundreds(full, claim)) > 20
    assert pruned.candidates(claim, 20) == full.candidates(claim, 20)


def test_claims_added_later_are_found_like_the_first(known: list[KnownClaim]) -> None:
    grown = Knowledge(known[:1000])
    for item in known[1000:]:
        grown.add(item)
    built, full = Knowledge(known), Knowledge(known, prune=False)
    for item in known[::41]:
        query = frozenset(item.claim.masked.split())
        assert grown._perfect(query) == built._perfect(query)
        assert grown._perfect(query) == _full_hundreds(full, item.claim)


def test_a_token_repeated_in_a_claim_counts_once() -> None:
    """Bulk indexing reads each claim's tokens in text order, repeats included: a claim still
    counts once in a token's df and posting list, as when claims are added one by one."""
    texts = ("gas gas oil", "gas oil", "oil pipeline pipeline pipeline", "drones")
    claims = [
        KnownClaim(id=n, claim=Claim(t, t, t, Slots(), f"d{n}", 0), baseline=False)
        for n, t in enumerate(texts, start=1)
    ]
    bulk, grown = Knowledge(claims), Knowledge()
    for item in claims:
        grown.add(item)
    for token in ("gas", "oil", "pipeline", "drones", "unseen"):
        assert bulk.idf(token) == grown.idf(token)
    assert bulk.idf("gas") == pytest.approx(math.log(5 / 2.5) + 1.0)
    assert bulk.idf("pipeline") == pytest.approx(math.log(5 / 1.5) + 1.0)
    for query in ({"gas", "oil"}, {"oil", "pipeline"}, {"gas", "oil", "pipeline"}):
        assert bulk._perfect(frozenset(query)) == grown._perfect(frozenset(query))
    assert bulk._perfect(frozenset({"gas", "oil"})) == [0, 1]
    assert bulk._perfect(frozenset({"oil"})) == [0, 1, 2]


def test_claims_of_few_common_words_are_found_exactly() -> None:
    """Claims keyed by one common token by the hundred (the numpy path of the 100s search),
    and queries held by thousands: the same 100s as rapidfuzz over the whole knowledge."""
    rng = random.Random(3)
    vocabulary = WORDS[:8]
    texts = [" ".join(rng.sample(vocabulary, rng.randint(1, 4))) for _ in range(2500)]
    claims = [
        KnownClaim(id=n, claim=Claim(t, t, t, Slots(), f"c{n}", 0), baseline=False)
        for n, t in enumerate(texts, start=1)
    ]
    built, grown, full = Knowledge(claims), Knowledge(claims[:1200]), Knowledge(claims, prune=False)
    for item in claims[1200:]:
        grown.add(item)
    assert max(len(positions) for positions, _ in built._keyed.values()) > 100
    for words in (1, 2, 3, 5):
        for _ in range(6):
            text = " ".join(rng.sample(vocabulary, words))
            query = Claim(text, text, text, Slots(), "q", 0)
            want = _full_hundreds(full, query)
            assert built._perfect(frozenset(text.split())) == want
            assert grown._perfect(frozenset(text.split())) == want


def _known(index: int, text: str) -> KnownClaim:
    claim = ClaimExtractor().claim_from_sentence(text, doc_id=f"o:{index}", index=0)
    return KnownClaim(id=index, claim=claim, baseline=False)


def test_holders_of_an_office_are_found_before_and_after_first_use() -> None:
    ambassador = _known(1, "Iran's ambassador to Russia, Kazem Jalali, hailed the pact.")
    knowledge = Knowledge([ambassador])
    assert {h: k.id for h, k in knowledge.holders_of("iran_ambassador").items()} == {"jalali": 1}
    knowledge.add(_known(2, "Kremlin spokesman Dmitry Peskov said the treaty was signed."))
    knowledge.add(_known(3, "Kremlin spokesman Dmitry Peskov declined to comment."))
    # One claim per holder: the first that names them.
    assert {h: k.id for h, k in knowledge.holders_of("kremlin_spokesperson").items()} == {
        "peskov": 2
    }
    assert knowledge.holders_of("russia_prime_minister") == {}
