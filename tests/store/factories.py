"""Hand-built claims, documents and judgements for the store tests (no extractor needed)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.model import (
    Claim,
    DateRef,
    Document,
    Judgement,
    KnownClaim,
    Quantity,
    Slots,
    SourceRef,
    Verdict,
)

SEED_DOC = "seed:tass"


def make_claim(
    text: str,
    doc_id: str = "https://news.example/a",
    sentence_index: int = 0,
    *,
    topic: str = "general",
    slots: Slots | None = None,
) -> Claim:
    return Claim(
        text=text,
        normalized=text.lower().rstrip("."),
        masked=text.lower().rstrip(".").replace("20", "<num>"),
        slots=slots if slots is not None else Slots(),
        doc_id=doc_id,
        sentence_index=sentence_index,
        topic=topic,
    )


def rich_slots() -> Slots:
    return Slots(
        quantities=(Quantity(20.0, "year", "20 years"), Quantity(47.0, "article", "47 articles")),
        dates=(DateRef("17 January 2025", 2025, 1, 17), DateRef("on Tuesday", weekday=1)),
        negated=True,
        negation_cues=("not",),
        hedged=True,
        hedge_cues=("reportedly",),
        actors=("putin", "pezeshkian"),
        roles=(("iran_president", "pezeshkian"),),
        other_subjects=("north_korea",),
        reported_denial=True,
        negated_terms=("sign", "tuesday"),
        negation_scopes=(("sign",), ("tuesday",)),
    )


def make_doc(
    doc_id: str = "https://news.example/a",
    *,
    title: str = "Duma ratifies Iran pact",
    link: str | None = None,
    outlet: str | None = "Example News",
) -> Document:
    return Document(
        doc_id=doc_id,
        title=title,
        text="(text)",
        published=datetime(2025, 1, 19, 8, 30, tzinfo=UTC),
        link=link if link is not None else doc_id,
        outlet=outlet,
        feed="https://news.example/feed.xml",
    )


def seed_source(claim: Claim) -> SourceRef:
    return SourceRef(
        doc_id=claim.doc_id,
        sentence_index=claim.sentence_index,
        title="Seed article",
        link=None,
        outlet="TASS",
        published=datetime(2025, 1, 17, tzinfo=UTC),
    )


def judge(
    claim: Claim,
    verdict: Verdict,
    score: float = 50.0,
    match: KnownClaim | None = None,
    reason: str | None = None,
) -> Judgement:
    return Judgement(claim=claim, verdict=verdict, score=score, match=match, reason=reason)
