"""The knowledge: every known claim (seed baseline and observed), indexed for fast candidates.

Candidate retrieval is two-stage. An inverted index over the masked tokens prunes the
knowledge to the claims that share informative words with the query (so the cost grows with
the number of *related* claims, not with the whole knowledge); rapidfuzz then ranks that
short list. The judge decides on the few best candidates by comparing slots.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from rapidfuzz import fuzz, process

from bot.model import Claim, KnownClaim

# Tokens in more than this share of claims are too common to prune with.
_COMMON_SHARE = 0.2
# At most this many claims go from the inverted index to rapidfuzz.
_PRUNE_LIMIT = 400


class Knowledge:
    """In-memory index of known claims. Not thread-safe: one writer (the pipeline)."""

    def __init__(self, claims: Iterable[KnownClaim] = ()) -> None:
        self._items: list[KnownClaim] = []
        self._by_id: dict[int, KnownClaim] = {}
        self._masked: list[str] = []
        self._tokens: list[frozenset[str]] = []
        self._df: Counter[str] = Counter()
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        for known in claims:
            self.add(known)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[KnownClaim]:
        return iter(self._items)

    def get(self, claim_id: int) -> KnownClaim | None:
        return self._by_id.get(claim_id)

    def next_id(self) -> int:
        """An id above every known one, for knowledge that lives only in memory."""
        return max(self._by_id, default=0) + 1

    def add(self, known: KnownClaim) -> None:
        """Index one more known claim (a new observation or a baseline claim)."""
        position = len(self._items)
        tokens = frozenset(known.claim.masked.split())
        self._items.append(known)
        self._by_id[known.id] = known
        self._masked.append(known.claim.masked)
        self._tokens.append(tokens)
        self._df.update(tokens)
        for token in tokens:
            self._postings[token].append(position)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a masked token; unseen tokens weigh the most."""
        count = len(self._items)
        return math.log((count + 1) / (self._df.get(token, 0) + 0.5)) + 1.0

    def tokens_of(self, known: KnownClaim) -> frozenset[str]:
        return frozenset(known.claim.masked.split())

    def _pruned_positions(self, tokens: Iterable[str]) -> list[int]:
        limit = max(1, int(len(self._items) * _COMMON_SHARE))
        weights: defaultdict[int, float] = defaultdict(float)
        common: list[str] = []
        for token in set(tokens):
            postings = self._postings.get(token)
            if not postings:
                continue
            if len(postings) > limit and len(self._items) > 50:
                common.append(token)
                continue
            weight = self.idf(token)
            for position in postings:
                weights[position] += weight
        if not weights:
            # Only common words: fall back to them, so a generic claim still finds its match.
            for token in common:
                for position in self._postings[token]:
                    weights[position] += 1.0
        return heapq.nlargest(_PRUNE_LIMIT, weights, key=weights.__getitem__)

    def candidates(self, claim: Claim, limit: int) -> list[tuple[KnownClaim, float]]:
        """Up to ``limit`` known claims most similar to ``claim`` (masked text), with scores."""
        if not self._items or not claim.masked:
            return []
        positions = self._pruned_positions(claim.masked.split())
        if not positions:
            return []
        choices = {position: self._masked[position] for position in positions}
        ranked = process.extract(
            claim.masked, choices, scorer=fuzz.token_set_ratio, limit=limit, score_cutoff=30
        )
        return [(self._items[position], float(score)) for _, score, position in ranked]

    def rekey(self, old_id: int, new_id: int) -> None:
        """Give a provisional claim (negative id) the id the store assigned to it."""
        known = self._by_id.pop(old_id)
        known.id = new_id
        self._by_id[new_id] = known
