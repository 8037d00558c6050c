"""Lookup: fuzzy search over every known claim (baseline and observed), for CLI and /lookup.

The index keeps each claim's normalised text; a query is normalised the same way, pruned
through an inverted index of its tokens, and ranked with rapidfuzz. Pure and synchronous.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.model import KnownClaim
from bot.text.normalize import normalize

_PRUNE_LIMIT = 2000
MAX_QUERY_LENGTH = 300


@dataclass(frozen=True, slots=True)
class LookupHit:
    known: KnownClaim
    score: float


class LookupIndex:
    """Search index over known claims; ``add`` keeps it in step with new observations."""

    def __init__(self, claims: Iterable[KnownClaim] = ()) -> None:
        self._claims: list[KnownClaim] = []
        self._texts: list[str] = []
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        for known in claims:
            self.add(known)

    def __len__(self) -> int:
        return len(self._claims)

    def add(self, known: KnownClaim) -> None:
        position = len(self._claims)
        self._claims.append(known)
        self._texts.append(known.claim.normalized)
        for token in set(known.claim.normalized.split()):
            self._postings[token].append(position)

    def search(self, query: str, limit: int = 10, min_score: float = 50.0) -> list[LookupHit]:
        """The best matches for ``query``, best first."""
        normalized = normalize(query[:MAX_QUERY_LENGTH])
        if not normalized:
            return []
        # Rare tokens first: they say the most about which claims can match.
        weights: defaultdict[int, float] = defaultdict(float)
        for token in set(normalized.split()):
            postings = self._postings.get(token, [])
            for position in postings:
                weights[position] += 1.0 / len(postings)
        positions = heapq.nlargest(_PRUNE_LIMIT, weights, key=weights.__getitem__)
        if not positions:
            return []
        choices = {p: self._texts[p] for p in positions}
        ranked = process.extract(
            normalized,
            choices,
            scorer=fuzz.token_set_ratio,
            limit=limit * 3,
            score_cutoff=min_score,
        )
        # Prefer claims that share more of the query's words, then the more specific ones.
        ranked.sort(key=lambda r: (r[1], weights[r[2]], -len(self._texts[r[2]])), reverse=True)
        return [LookupHit(self._claims[p], float(score)) for _, score, p in ranked[:limit]]
