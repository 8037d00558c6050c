"""Lookup: fuzzy search over every known claim (baseline and observed), for CLI and /lookup.

The index keeps each claim's normalised text; a query is normalised the same way, pruned
through an inverted index of its tokens, and ranked with rapidfuzz. Pure and synchronous.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.model import KnownClaim
from bot.text.normalize import normalize

_PRUNE_LIMIT = 2000
# Tokens in more than this share of the claims (and more than _MIN_DF_CAP) are too common to
# walk: they still weigh in the order of the results, read from the candidates' token sets.
_COMMON_SHARE = 0.05
_MIN_DF_CAP = 2000
MAX_QUERY_LENGTH = 300


@dataclass(frozen=True, slots=True)
class LookupHit:
    known: KnownClaim
    score: float


class LookupIndex:
    """Search index over known claims; ``add`` keeps it in step with new observations.

    Each claim's token set is kept from ``add``. A query walks only the posting lists of its
    informative tokens (in at most ``_COMMON_SHARE`` of the claims); common tokens still count
    in the final order, read from the candidates' token sets instead of their long posting
    lists. A query of common words only takes the claims that have all of them.
    """

    def __init__(self, claims: Iterable[KnownClaim] = ()) -> None:
        self._claims: list[KnownClaim] = []
        self._texts: list[str] = []
        self._tokens: list[frozenset[str]] = []
        self._postings: dict[str, list[int]] = {}
        for known in claims:
            self.add(known)

    def __len__(self) -> int:
        return len(self._claims)

    def add(self, known: KnownClaim) -> None:
        position = len(self._claims)
        tokens = frozenset(known.claim.normalized.split())
        self._claims.append(known)
        self._texts.append(known.claim.normalized)
        self._tokens.append(tokens)
        postings = self._postings
        for token in tokens:
            found = postings.get(token)
            if found is None:
                postings[token] = [position]
            else:
                found.append(position)

    def _weight(self, position: int, rarity: dict[str, float]) -> float:
        tokens = self._tokens[position]
        return sum(weight for token, weight in rarity.items() if token in tokens)

    def _shortlist(self, rarity: dict[str, float]) -> list[int]:
        cap = max(_MIN_DF_CAP, int(len(self._claims) * _COMMON_SHARE))
        lists = sorted((self._postings[t] for t in rarity), key=len)
        informative = [found for found in lists if len(found) <= cap]
        if not lists:
            return []
        if not informative:
            common = set(lists[0]).intersection(*lists[1:])
            return sorted(common)[:_PRUNE_LIMIT] if common else lists[0][:_PRUNE_LIMIT]
        weights: dict[int, float] = {}
        get = weights.get
        for found in informative:
            weight = 1.0 / len(found)
            for position in found:
                weights[position] = get(position, 0.0) + weight
        return heapq.nlargest(_PRUNE_LIMIT, weights, key=weights.__getitem__)

    def search(self, query: str, limit: int = 10, min_score: float = 50.0) -> list[LookupHit]:
        """The best matches for ``query``, best first."""
        normalized = normalize(query[:MAX_QUERY_LENGTH])
        if not normalized:
            return []
        # Rare tokens weigh the most: they say the most about which claims can match.
        rarity = {
            token: 1.0 / len(found)
            for token in set(normalized.split())
            if (found := self._postings.get(token))
        }
        positions = self._shortlist(rarity)
        if not positions:
            return []
        ranked = process.extract(
            normalized,
            [self._texts[p] for p in positions],
            scorer=fuzz.token_set_ratio,
            limit=limit * 3,
            score_cutoff=min_score,
        )
        # Prefer claims that share more of the query's words, then the more specific ones.
        order = sorted(
            (
                (score, self._weight(positions[i], rarity), -len(self._texts[positions[i]]), i)
                for _, score, i in ranked
            ),
            key=lambda r: r[:3],
            reverse=True,
        )
        return [
            LookupHit(self._claims[positions[i]], float(score)) for score, *_, i in order[:limit]
        ]
