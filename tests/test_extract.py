"""Tests for bot/extract.py: the real seeds and hand-written documents become claims."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.config import RelevanceConfig
from bot.extract import ClaimExtractor, topic_of
from bot.model import Claim, Document
from bot.seeds import load_seed_documents
from bot.text.normalize import normalize

CHROME = (
    "Terms of use",
    "Privacy policy",
    "Editor in chief",
    "Leave a Reply",
    "Your email address will not be published",
    "Related News",
    "Related Articles",
    "Back to top",
    "Be the first to leave a comment",
    "Photo:",
    "pdfshareprint",
    "https://",
    "static01.nyt.com",
    "2025-01-17 19:13:00",
)


@pytest.fixture(scope="module")
def seed_claims() -> dict[str, list[Claim]]:
    extractor = ClaimExtractor()
    return {doc.doc_id: extractor.extract(doc) for doc in load_seed_documents()}


def by_text(claims: list[Claim], start: str) -> Claim:
    found = [c for c in claims if c.text.startswith(start)]
    assert len(found) == 1, [c.text for c in claims]
    return found[0]


def test_every_seed_yields_relevant_claims(seed_claims: dict[str, list[Claim]]) -> None:
    assert len(seed_claims) == 5
    for doc_id, claims in seed_claims.items():
        assert claims, doc_id
        assert any(c.relevant for c in claims), doc_id


def test_the_raw_seeds_do_contain_the_chrome() -> None:
    """Otherwise the next test could not fail."""
    raw = "\n".join(doc.text for doc in load_seed_documents())
    assert [chrome for chrome in CHROME if chrome not in raw] == []


def test_no_claim_contains_site_chrome(seed_claims: dict[str, list[Claim]]) -> None:
    for claims in seed_claims.values():
        for claim in claims:
            for chrome in CHROME:
                assert chrome not in claim.text, (chrome, claim.text)


def test_sentence_indexes_are_consecutive(seed_claims: dict[str, list[Claim]]) -> None:
    for doc_id, claims in seed_claims.items():
        assert [c.sentence_index for c in claims] == list(range(len(claims))), doc_id
        assert {c.doc_id for c in claims} == {doc_id}


def test_claims_carry_their_normalised_form(seed_claims: dict[str, list[Claim]]) -> None:
    for claims in seed_claims.values():
        for claim in claims:
            assert claim.normalized == normalize(claim.text)
            assert set(claim.masked.split()) <= set(claim.normalized.split())


def test_both_treaties_inherits_the_other_subjects_of_the_sentence_before(
    seed_claims: dict[str, list[Claim]],
) -> None:
    claims = seed_claims["002_ce4ed203da5d84de"]
    before = by_text(claims, "In June, Russia signed a partnership agreement with North Korea")
    both = by_text(claims, "Both treaties include a mutual defense clause.")
    assert both.sentence_index == before.sentence_index + 1
    assert set(both.slots.other_subjects) == {"north_korea", "belarus"}
    assert not both.relevant


def test_comparison_with_the_north_korea_pact_stays_ours(
    seed_claims: dict[str, list[Claim]],
) -> None:
    claim = by_text(
        seed_claims["004_c31c6009d8006d67"],
        "Nevertheless, the agreement does not include a mutual defense clause",
    )
    assert claim.slots.other_subjects == ()
    assert claim.relevant
    assert ("mutual_defense", -1) in claim.slots.stances


def test_key_seed_claims_are_relevant_and_carry_slots(
    seed_claims: dict[str, list[Claim]],
) -> None:
    duration = by_text(seed_claims["003_034687a7eadfa646"], "According to Iranian Ambassador")
    assert duration.relevant
    assert (20.0, "year") in {(q.value, q.unit) for q in duration.slots.quantities}
    assert duration.topic == "duration"

    signing = by_text(seed_claims["001_a16048bde2f63942"], "Russian President Vladimir Putin and")
    assert signing.relevant
    # "this Friday, January 17": two ways of naming the same day.
    assert {(d.year, d.month, d.day) for d in signing.slots.dates} == {(2025, 1, 17)}
    assert ("russia_president", "putin") in signing.slots.roles


def test_seed_dates_resolve_against_the_published_date(
    seed_claims: dict[str, list[Claim]],
) -> None:
    # Seed 002 was published on Friday 17 January 2025; its "on Friday" is that day.
    claim = seed_claims["002_ce4ed203da5d84de"][0]
    assert [(d.year, d.month, d.day, d.event) for d in claim.slots.dates] == [
        (2025, 1, 17, "signing")
    ]


def test_other_treaty_sentences_in_seeds_are_not_relevant(
    seed_claims: dict[str, list[Claim]],
) -> None:
    claim = by_text(
        seed_claims["001_a16048bde2f63942"],
        "Moscow concluded a text of the same name with North Korea",
    )
    assert not claim.relevant
    assert claim.slots.other_subjects == ("north_korea",)


def test_a_reference_back_inside_the_sentence_inherits_the_other_treaty(
    seed_claims: dict[str, list[Claim]],
) -> None:
    # "An article in this document" is the North Korea pact of the sentence before, so its
    # "immediate military aid" says nothing about the Iran treaty.
    claims = seed_claims["001_a16048bde2f63942"]
    before = by_text(claims, "Moscow concluded a text of the same name with North Korea")
    claim = by_text(claims, "An article in this document provides for")
    assert claim.sentence_index == before.sentence_index + 1
    assert claim.slots.other_subjects == ("north_korea",)
    assert not claim.relevant


@pytest.mark.parametrize(
    ("sentence", "topic"),
    [
        ("The State Duma ratified the treaty on 8 April.", "ratification"),
        ("The accord will stay in force for two decades.", "duration"),
        ("The agreement does not include a mutual defence clause.", "defence and alliance"),
        ("Gazprom will deliver up to 55 billion cubic metres of gas a year.", "energy"),
        ("Moscow pledged a loan for the Rasht–Astara railway.", "transport"),
        ("Trade is now conducted in national currencies.", "trade and finance"),
        ("The Kremlin released the document, which has forty-seven articles.", "treaty text"),
        ("Putin and Pezeshkian signed it during the state visit.", "signing"),
        ("Pezeshkian praised the horizons it opens.", "general"),
    ],
)
def test_topics(sentence: str, topic: str) -> None:
    assert topic_of(normalize(sentence)) == topic
    claim = ClaimExtractor().claim_from_sentence(sentence, doc_id="t", index=0)
    assert claim.topic == topic


def test_irrelevant_article_gives_only_irrelevant_claims() -> None:
    doc = Document(
        doc_id="sturgeon",
        title="Caspian sturgeon numbers edge up",
        text="Marine biologists counted more young sturgeon in the northern Caspian this spring. "
        "The recovery follows a long ban on commercial fishing in the region.",
    )
    claims = ClaimExtractor().extract(doc)
    assert len(claims) == 2
    assert not any(c.relevant for c in claims)


def test_feed_document_with_chrome_and_number_words() -> None:
    doc = Document(
        doc_id="feed:1",
        title="What the Moscow–Tehran pact says",
        text="Share this article\n\n"
        "Vladimir Putin and Masoud Pezeshkian inked the comprehensive strategic partnership "
        "treaty in the Kremlin on 17 January.\n\n"
        "Iran's ambassador in Moscow, Kazem Jalali, said the accord would stay in force for "
        "two decades.\n\n"
        "Photo: Kremlin press service",
        published=datetime(2025, 1, 20, 8, 30, tzinfo=UTC),
    )
    claims = ClaimExtractor().extract(doc)
    assert [c.sentence_index for c in claims] == [0, 1]
    assert all(c.relevant for c in claims)
    assert [(d.year, d.month, d.day) for d in claims[0].slots.dates] == [(2025, 1, 17)]
    assert (20.0, "year") in {(q.value, q.unit) for q in claims[1].slots.quantities}


def test_relevance_config_is_used() -> None:
    """An extractor configured with other terms judges the same article differently."""
    doc = Document(
        doc_id="d",
        title="Russia and Iran sign a treaty",
        text="The treaty was signed in the Kremlin on Friday by both presidents.",
    )
    default = ClaimExtractor().extract(doc)
    narrow = ClaimExtractor(RelevanceConfig(treaty_terms=("convention",))).extract(doc)
    assert [c.relevant for c in default] == [True]
    assert [c.relevant for c in narrow] == [False]


def test_a_vote_tally_belongs_to_the_chamber_named_before_it() -> None:
    doc = Document(
        doc_id="vote",
        title="Federation Council ratifies Iran treaty",
        text="Russia's Federation Council ratified the partnership treaty with Iran on "
        "Wednesday. Some 160 senators supported the ratification law. "
        "Putin praised the comprehensive strategic partnership treaty with Iran. "
        "Inflation in Russia stood at 10 percent in March.",
        published=datetime(2025, 4, 17, 9, 0, tzinfo=UTC),
    )
    claims = ClaimExtractor().extract(doc)
    assert "federation_council" in claims[1].slots.actors
    # a number that is no vote tally does not take the chamber
    assert "federation_council" not in claims[3].slots.actors


@pytest.mark.parametrize(
    ("line", "relevant"),
    [
        ("Iran's parliament passes Russia partnership treaty bill", True),
        ("Moscow-Tehran treaty runs 20 yrs", True),
        ("Subscribe to our newsletter", False),
    ],
)
def test_a_lone_headline_is_judged_as_a_claim(line: str, relevant: bool) -> None:
    claim = ClaimExtractor(RelevanceConfig()).claim_from_sentence(line, doc_id="d", index=0)
    assert claim.relevant is relevant


@pytest.mark.parametrize(
    ("sentence", "stances"),
    [
        # ours denies what the other treaty, left out of the claim, was said to have
        (
            "Unlike Moscow's treaty with Minsk, under which each side promises immediate "
            "military support if the other is attacked, the Iran accord has no such clause.",
            (("mutual_defense", -1),),
        ),
        # no pointer back: the other treaty's provision is simply not ours
        (
            "Unlike Moscow's treaty with Minsk, under which each side promises immediate "
            "military support if the other is attacked, the Iran accord covers trade.",
            (),
        ),
    ],
)
def test_no_such_clause_denies_what_the_other_treaty_has(
    sentence: str, stances: tuple[tuple[str, int], ...]
) -> None:
    claim = ClaimExtractor(RelevanceConfig()).claim_from_sentence(sentence, doc_id="d", index=0)
    assert claim.slots.stances == stances


def test_a_same_day_offset_takes_the_date_an_earlier_sentence_gave_that_event() -> None:
    doc = Document(
        doc_id="feed:2",
        title="Moscow and Tehran complete ratification of their partnership treaty",
        text="Russian and Iranian diplomats exchanged the ratification instruments of the "
        "partnership treaty in Moscow on 4 November.\n\n"
        "Under its final clauses the treaty took effect on the day of the exchange.",
        published=datetime(2025, 11, 6, 9, 0, tzinfo=UTC),
    )
    claims = ClaimExtractor().extract(doc)
    assert [d.event for d in claims[0].slots.dates] == ["exchange"]
    in_force = [(d.month, d.day) for d in claims[1].slots.dates if d.event == "in_force"]
    assert in_force == [(11, 4)]


def test_a_same_day_offset_with_no_earlier_date_for_its_event_stays_undated() -> None:
    doc = Document(
        doc_id="feed:3",
        title="Moscow and Tehran partnership treaty takes effect",
        text="Under its final clauses the treaty took effect on the day of the exchange.",
        published=datetime(2025, 11, 6, 9, 0, tzinfo=UTC),
    )
    (claim,) = ClaimExtractor().extract(doc)
    assert claim.slots.dates == ()


def _tunnel_report() -> Document:
    return Document(
        doc_id="tunnels",
        title="Moscow and Tehran treaty: the transit line",
        text="Work on the railway that the Russia–Iran treaty was meant to speed up has stalled. "
        "Barely a third of the tunnels on the mountain section have been dug.\n\n"
        "Barely a third of the tunnels on the mountain section have been dug.",
    )


def test_sentence_going_on_with_a_learnt_topic_in_a_claims_paragraph_is_a_candidate() -> None:
    learnt = frozenset({"tunnel"})
    claims = ClaimExtractor().extract(_tunnel_report(), learnt=learnt)
    assert [c.relevant for c in ClaimExtractor().extract(_tunnel_report(), learnt=frozenset())] == [
        True,
        False,
        False,
    ]
    assert [c.relevant for c in claims] == [True, True, False]
    # Without what was learnt (static judging, or a fresh engine) it stays out.
    assert [c.relevant for c in ClaimExtractor().extract(_tunnel_report())][1] is False


def test_background_vocabulary_ties_no_sentence_to_a_topic() -> None:
    claims = ClaimExtractor().extract(
        _tunnel_report(), learnt=frozenset({"tunnel"}), background=frozenset({"tunnel"})
    )
    assert [c.relevant for c in claims] == [True, False, False]


def test_a_headline_about_the_treaty_opens_the_topic_of_the_lead() -> None:
    doc = Document(
        doc_id="lead",
        title="Russia–Iran treaty: railway works resume",
        text="Crews reopened the tunnels on the mountain section this week.\n\n"
        "Engineers expect the tunnels on the coastal stretch to follow in spring.",
    )
    learnt = frozenset({"tunnel"})
    assert [c.relevant for c in ClaimExtractor().extract(doc, learnt=learnt)] == [True, False]
    # An unrelated headline opens no topic.
    other = replace(
        doc,
        title="Weather and sport in Tehran and Moscow",
        text="Crews reopened the tunnels on the mountain section this week.\n\n"
        "The Russia–Iran treaty was signed in the Kremlin in January.",
    )
    assert [c.relevant for c in ClaimExtractor().extract(other, learnt=learnt)] == [False, True]
