"""The baseline: what the five seed articles establish, and where they disagree.

Seeds are read in order; each relevant sentence is judged against the baseline built so far.
A restatement becomes another source of the claim it restates; anything else becomes a
baseline claim of its own. Afterwards every baseline claim is checked against the claims of
the *other* seeds: the conflicts found are reported as disputed pairs (one seed says the pact
solidifies an alliance, others that it is not one), not hidden.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from bot import __version__
from bot.config import Config
from bot.extract import ClaimExtractor
from bot.judge import Judge
from bot.knowledge import Knowledge
from bot.model import Document, KnownClaim, SourceRef, Verdict
from bot.seeds import load_seed_documents


@dataclass(frozen=True, slots=True)
class DisputedPair:
    """Two baseline claims from different seeds that conflict, and why."""

    first: KnownClaim
    second: KnownClaim
    reason: str


@dataclass(frozen=True, slots=True)
class Baseline:
    claims: list[KnownClaim]
    disputed: list[DisputedPair]
    #: Changes whenever the seeds or the extraction code change: the store then rebuilds.
    fingerprint: str


def source_of(doc: Document, sentence_index: int) -> SourceRef:
    return SourceRef(
        doc_id=doc.doc_id,
        sentence_index=sentence_index,
        title=doc.title,
        link=doc.link,
        outlet=doc.outlet,
        published=doc.published,
    )


def fingerprint_of(claims: Sequence[KnownClaim]) -> str:
    """Changes whenever the seeds or the way claims are extracted from them change."""
    digest = hashlib.sha256(__version__.encode())
    for known in claims:
        claim = known.claim
        digest.update(repr((claim.doc_id, claim.sentence_index, claim.text, claim.masked)).encode())
        digest.update(repr(claim.slots).encode())
        for source in known.sources:
            digest.update(repr((source.doc_id, source.sentence_index)).encode())
    return digest.hexdigest()[:16]


def build_baseline(
    config: Config | None = None, documents: Sequence[Document] | None = None
) -> Baseline:
    """The baseline from the shipped seeds (or the given documents)."""
    config = config or Config()
    documents = list(documents) if documents is not None else load_seed_documents()
    extractor = ClaimExtractor(config.relevance)
    knowledge = Knowledge()
    judge = Judge(knowledge, config.matching)
    for doc in documents:
        for claim in extractor.extract(doc):
            if not claim.relevant:
                continue
            judgement = judge.judge(claim)
            if judgement.verdict is Verdict.KNOWN and judgement.match is not None:
                judgement.match.sources.append(source_of(doc, claim.sentence_index))
                continue
            knowledge.add(
                KnownClaim(
                    id=knowledge.next_id(),
                    claim=claim,
                    baseline=True,
                    first_seen=doc.published,
                    sources=[source_of(doc, claim.sentence_index)],
                )
            )
    claims = list(knowledge)
    return Baseline(claims, find_disputed_pairs(judge), fingerprint_of(claims))


def find_disputed_pairs(judge: Judge) -> list[DisputedPair]:
    """Conflicts between baseline claims that come from different seeds, each pair once."""
    pairs: list[DisputedPair] = []
    seen: set[tuple[int, int]] = set()
    for known in judge.knowledge:
        for conflict in judge.find_conflicts(known.claim, exclude_doc=known.claim.doc_id):
            key = (min(known.id, conflict.known.id), max(known.id, conflict.known.id))
            if key in seen:
                continue
            seen.add(key)
            first, second = sorted((known, conflict.known), key=lambda k: k.id)
            pairs.append(DisputedPair(first, second, conflict.reason))
    return pairs
