"""Tests for bot/report.py: the JSON and text renderings scripts and users rely on."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.digest import build_digest
from bot.extract import ClaimExtractor
from bot.lookup import LookupHit
from bot.model import Claim, Document, Judgement, KnownClaim, SourceRef, Verdict
from bot.report import (
    describe_source,
    digest_json,
    digest_text,
    judgement_json,
    judgement_text,
    known_json,
    lookup_text,
)
from bot.store.rows import AlertRow

PUBLISHED = datetime(2025, 4, 10, 9, 0, tzinfo=UTC)
DOCUMENTED = {"verdict", "claim", "score", "match", "reason"}


def claim_of(text: str, doc_id: str = "feed:1", index: int = 0) -> Claim:
    return ClaimExtractor().claim_from_sentence(text, doc_id=doc_id, index=index)


@pytest.fixture
def known() -> KnownClaim:
    return KnownClaim(
        id=38,
        claim=claim_of(
            "According to Iranian Ambassador Kazem Jalali, the agreement will remain effective "
            "for 20 years.",
            doc_id="003_034687a7eadfa646",
            index=12,
        ),
        baseline=True,
        sources=[
            SourceRef("003_034687a7eadfa646", 12, title="A seed", outlet="Some Outlet"),
            SourceRef("feed:9", 3, title="A later report", link="https://example.org/later"),
        ],
    )


@pytest.fixture
def contradiction(known: KnownClaim) -> Judgement:
    return Judgement(
        claim=claim_of("The Russia–Iran treaty will remain in force for 25 years."),
        verdict=Verdict.CONTRADICTING,
        score=83.5,
        match=known,
        reason="20 years → 25 years",
    )


@pytest.fixture
def doc() -> Document:
    return Document(
        doc_id="feed:1",
        title="Analysts weigh the long horizon of the Moscow–Tehran treaty",
        text="...",
        published=PUBLISHED,
        link="https://example.org/long-horizon",
        feed="/feeds/treaty-news.xml",
    )


def test_judgement_json_has_the_documented_fields(contradiction: Judgement) -> None:
    data = judgement_json(contradiction)
    assert set(data) >= DOCUMENTED
    assert "entry" not in data
    assert data["verdict"] == "CONTRADICTING"
    assert data["claim"] == "The Russia–Iran treaty will remain in force for 25 years."
    assert data["score"] == 83.5
    assert data["reason"] == "20 years → 25 years"


def test_match_names_the_known_claim_and_its_first_source(contradiction: Judgement) -> None:
    match = judgement_json(contradiction)["match"]
    assert {"id", "text", "source"} <= set(match)
    assert match["id"] == 38
    assert match["text"].startswith("According to Iranian Ambassador Kazem Jalali")
    assert match["source"] == "Some Outlet — A seed"


def test_entry_is_present_exactly_when_a_document_is_given(
    contradiction: Judgement, doc: Document
) -> None:
    data = judgement_json(contradiction, doc)
    assert data["entry"] == {
        "title": "Analysts weigh the long horizon of the Moscow–Tehran treaty",
        "link": "https://example.org/long-horizon",
        "published": "2025-04-10T09:00:00+00:00",
        "feed": "/feeds/treaty-news.xml",
    }


def test_entry_of_an_undated_document_has_null_published(contradiction: Judgement) -> None:
    data = judgement_json(contradiction, Document("d", "Untitled", "..."))
    assert data["entry"] == {"title": "Untitled", "link": None, "published": None, "feed": None}


def test_no_match_is_null() -> None:
    judgement = Judgement(
        claim=claim_of("The Caspian sturgeon recovered this spring, biologists said."),
        verdict=Verdict.IRRELEVANT,
        score=0.0,
    )
    data = judgement_json(judgement)
    assert data["match"] is None
    assert data["reason"] is None
    assert data["verdict"] == "IRRELEVANT"


def test_judgement_json_is_json_serialisable(contradiction: Judgement, doc: Document) -> None:
    data = judgement_json(contradiction, doc)
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_judgement_text_shows_the_evidence(contradiction: Judgement, doc: Document) -> None:
    text = judgement_text(contradiction, doc)
    assert text.startswith("[CONTRADICTING] The Russia–Iran treaty will remain in force")
    assert "20 years → 25 years" in text
    assert "#38" in text
    assert "According to Iranian Ambassador Kazem Jalali" in text
    assert "Some Outlet — A seed" in text
    assert "2025-04-10" in text
    assert "https://example.org/long-horizon" in text


def test_describe_source_falls_back_to_the_document_id() -> None:
    assert describe_source(SourceRef("003_034687a7eadfa646", 1)) == "003_034687a7eadfa646"
    assert describe_source(SourceRef("x", 1, title="Headline")) == "Headline"
    assert describe_source(None) == ""


def test_known_json_carries_slots_and_every_source(known: KnownClaim) -> None:
    data = known_json(known)
    assert data["id"] == 38
    assert data["baseline"] is True
    assert [s["doc_id"] for s in data["sources"]] == ["003_034687a7eadfa646", "feed:9"]
    assert data["sources"][0]["sentence"] == 12
    assert {"value": 20.0, "unit": "year", "text": "20 year"} in data["slots"]["quantities"]
    assert "jalali" in data["slots"]["actors"]
    assert json.loads(json.dumps(data)) == data


def test_lookup_text(known: KnownClaim) -> None:
    text = lookup_text([LookupHit(known, 91.0)])
    assert "#38 (baseline, 2 source(s), score 91)" in text
    assert "<https://example.org/later>" in text
    assert lookup_text([]) == "No known claim matches that query."


def _alert(kind: Verdict, topic: str) -> AlertRow:
    return AlertRow(
        alert_id=1 if kind is Verdict.NEW else 2,
        kind=kind,
        score=80.0,
        created_at=PUBLISHED,
        claim_id=10,
        claim_text=f"a {kind.value} claim",
        topic=topic,
        reason="20 years → 25 years" if kind is Verdict.CONTRADICTING else None,
        source=SourceRef("feed:1", 0),
        match_claim_id=38 if kind is Verdict.CONTRADICTING else None,
        match_text="The treaty lasts 20 years." if kind is Verdict.CONTRADICTING else None,
        source_count=2,
        source_links=("https://example.org/a", "https://example.org/b"),
    )


def test_digest_json_groups_by_topic() -> None:
    digest = build_digest(
        [_alert(Verdict.NEW, "energy"), _alert(Verdict.CONTRADICTING, "duration")],
        datetime(2025, 4, 3, tzinfo=UTC),
        PUBLISHED,
    )
    data = digest_json(digest)
    assert data["total"] == 2
    assert [t["topic"] for t in data["topics"]] == ["duration", "energy"]
    contradicting = data["topics"][0]["items"][0]
    assert contradicting["verdict"] == "CONTRADICTING"
    assert contradicting["conflicts_with"] == "The treaty lasts 20 years."
    assert contradicting["sources"] == 2
    assert data["topics"][1]["items"][0]["conflicts_with"] is None


def test_digest_text() -> None:
    since = datetime(2025, 4, 3, tzinfo=UTC)
    text = digest_text(build_digest([_alert(Verdict.CONTRADICTING, "duration")], since, PUBLISHED))
    assert "== duration (1) ==" in text
    assert "why: 20 years → 25 years" in text
    assert "Nothing new" in digest_text(build_digest([], since, PUBLISHED))
