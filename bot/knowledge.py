"""The knowledge: every known claim (seed baseline and observed), indexed for fast candidates.

Candidate retrieval is two-stage. An inverted index over the masked tokens prunes the
knowledge to the claims that share the most informative words with the query (so the cost
grows with the number of *related* claims, not with the whole knowledge); rapidfuzz then ranks
that short list. The judge decides on the few best candidates by comparing slots.

Pruning only starts when the knowledge is larger than the short list: below that every claim
goes to rapidfuzz, exactly as with ``prune=False``. Above it, tokens in more than a small share
of the claims (``russia``, ``iran``, ``treati``) are too common to prune with and are skipped;
the rest are counted in C (``Counter.update`` over their posting lists), and the claims sharing
the most of them form the short list, in knowledge order so rapidfuzz breaks ties exactly as it
does over the whole knowledge. ``prune=False`` (or ``Knowledge.default_prune = False``) ranks
every claim with rapidfuzz: the unoptimised reference that ``bench/judge_scaling.py`` compares
verdicts with.

Each claim's token set is computed once, at ``add``; ``idf`` values are cached until the next
``add``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from rapidfuzz import fuzz, process

from bot.model import Claim, KnownClaim

# At most this many claims go from the inverted index to rapidfuzz.
_PRUNE_LIMIT = 400
# Tokens in more than this share of the claims (and more than _MIN_DF_CAP) are too common to
# prune with: their posting lists would cost more to count than they say.
_COMMON_SHARE = 0.02
_MIN_DF_CAP = 400
# Lowest token_set_ratio of a candidate.
_SCORE_CUTOFF = 30


class Knowledge:
    """In-memory index of known claims. Not thread-safe: one writer (the pipeline)."""

    #: Whether a ``Knowledge`` made without ``prune=`` prunes; benchmarks turn it off to get
    #: the unoptimised reference through code that builds its own knowledge (``evaluate``).
    default_prune: ClassVar[bool] = True

    def __init__(self, claims: Iterable[KnownClaim] = (), *, prune: bool | None = None) -> None:
        self.prune = Knowledge.default_prune if prune is None else prune
        self._items: list[KnownClaim] = []
        self._by_id: dict[int, KnownClaim] = {}
        self._masked: list[str] = []
        self._tokens: list[frozenset[str]] = []
        # id(claim) -> (claim, its token set): the judge asks for token sets per candidate.
        self._token_cache: dict[int, tuple[Claim, frozenset[str]]] = {}
        self._df: Counter[str] = Counter()
        self._postings: dict[str, list[int]] = {}
        self._idf_cache: dict[str, float] = {}
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
        self._token_cache[id(known.claim)] = (known.claim, tokens)
        self._df.update(tokens)
        postings = self._postings
        for token in tokens:
            found = postings.get(token)
            if found is None:
                postings[token] = [position]
            else:
                found.append(position)
        if self._idf_cache:
            self._idf_cache = {}

    def idf(self, token: str) -> float:
        """Inverse document frequency of a masked token; unseen tokens weigh the most."""
        value = self._idf_cache.get(token)
        if value is None:
            value = math.log((len(self._items) + 1) / (self._df.get(token, 0) + 0.5)) + 1.0
            self._idf_cache[token] = value
        return value

    def tokens_of(self, known: KnownClaim) -> frozenset[str]:
        cached = self._token_cache.get(id(known.claim))
        if cached is not None and cached[0] is known.claim:
            return cached[1]
        return frozenset(known.claim.masked.split())

    def _pruned_positions(self, tokens: Iterable[str]) -> list[int]:
        """The short list: positions of the claims sharing the most informative tokens, in
        knowledge order."""
        count = len(self._items)
        cap = max(_MIN_DF_CAP, int(count * _COMMON_SHARE))
        lists = sorted(
            (found for token in set(tokens) if (found := self._postings.get(token))), key=len
        )
        informative = [found for found in lists if len(found) <= cap]
        if not informative:
            # Only common words: the least common of them, so a generic claim still finds its
            # match.
            informative = lists[:1]
        shared: Counter[int] = Counter()
        for found in informative:
            shared.update(found)
        if len(shared) <= _PRUNE_LIMIT:
            return sorted(shared)
        return sorted(position for position, _ in shared.most_common(_PRUNE_LIMIT))

    def candidates(self, claim: Claim, limit: int) -> list[tuple[KnownClaim, float]]:
        """Up to ``limit`` known claims most similar to ``claim`` (masked text), with scores."""
        if not self._items or not claim.masked:
            return []
        if not self.prune or len(self._items) <= _PRUNE_LIMIT:
            return self._ranked(claim.masked, self._masked, range(len(self._items)), limit)
        positions = self._pruned_positions(claim.masked.split())
        if not positions:
            return []
        masked = self._masked
        return self._ranked(claim.masked, [masked[p] for p in positions], positions, limit)

    def _ranked(
        self, query: str, texts: Sequence[str], positions: Sequence[int], limit: int
    ) -> list[tuple[KnownClaim, float]]:
        ranked = process.extract(
            query, texts, scorer=fuzz.token_set_ratio, limit=limit, score_cutoff=_SCORE_CUTOFF
        )
        items = self._items
        return [(items[positions[index]], float(score)) for _, score, index in ranked]

    def rekey(self, old_id: int, new_id: int) -> None:
        """Give a provisional claim (negative id) the id the store assigned to it."""
        known = self._by_id.pop(old_id)
        known.id = new_id
        self._by_id[new_id] = known
