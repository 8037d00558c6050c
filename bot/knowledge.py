"""The knowledge: every known claim (seed baseline and observed), indexed for fast candidates.

``candidates`` answers what ``process.extract(query, every masked text,
scorer=fuzz.token_set_ratio)`` would, without scoring every claim:

* ``token_set_ratio`` is exactly 100 when one token set holds the other (and they share a
  token). Those claims are found exactly, from two indexes: every claim is keyed by its two
  rarest tokens (a claim whose tokens are all in the query has both in it, so only the
  query's token pairs are looked up), and the claims holding every query token are the
  intersection of the query tokens' posting lists (numpy ``searchsorted``, rarest first).
  In a large knowledge there are usually more of them than the judge asks for, and then
  the answer is the same as rapidfuzz's over the whole knowledge (ties in knowledge order).
* Below 100 the rest come from a short list: the claims sharing the most informative tokens
  (tokens in more than a small share of the claims, ``russia``, ``iran``, ``treati``, are too
  common to say anything and are skipped), counted with ``numpy.bincount``; rapidfuzz ranks
  that short list.

Pruning only starts when the knowledge is larger than the short list: below that every claim
goes to rapidfuzz, exactly as with ``prune=False``. ``prune=False`` (or
``Knowledge.default_prune = False``) ranks every claim with rapidfuzz: the unoptimised
reference that ``bench/judge_scaling.py`` compares verdicts with.

Each claim's token set is computed once, at ``add``; ``idf`` values are cached until the next
``add``; posting lists are copied to numpy arrays when first needed, and extended as they grow.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import combinations, compress
from operator import not_
from typing import ClassVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.model import Claim, KnownClaim

_Positions = npt.NDArray[np.int64]

# At most this many claims go from the inverted index to rapidfuzz.
_PRUNE_LIMIT = 400
# Tokens in more than this share of the claims (and more than _MIN_DF_CAP) are too common to
# prune with: their posting lists would cost more to count than they say.
_COMMON_SHARE = 0.02
_MIN_DF_CAP = 400
# Claims still holding every query token so far are checked one by one below this many.
_VERIFY_BELOW = 32
# Lowest token_set_ratio of a candidate.
_SCORE_CUTOFF = 30
_PERFECT = 100.0
# A token set's signature: one of 64 bits per token (a one-word Bloom filter).
_ALL_BITS = (1 << 64) - 1


def _signature(tokens: Iterable[str]) -> int:
    signature = 0
    for token in tokens:
        signature |= 1 << (hash(token) & 63)
    return signature


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
        # The posting lists as numpy arrays, made on first use and extended as lists grow.
        self._arrays: dict[str, _Positions] = {}
        self._idf_cache: dict[str, float] = {}
        # Claims by their two rarest tokens, with their signatures (and one-token claims by
        # their token).
        self._by_pair: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
        self._by_single: dict[str, list[int]] = {}
        for known in claims:
            self._index(known)
        # Keys chosen once all counts are known, so early claims are not keyed on common words.
        for position, tokens in enumerate(self._tokens):
            self._key(position, tokens)

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
        self._index(known)
        self._key(len(self._items) - 1, self._tokens[-1])
        if self._idf_cache:
            self._idf_cache = {}

    def _index(self, known: KnownClaim) -> None:
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

    def _key(self, position: int, tokens: frozenset[str]) -> None:
        if len(tokens) == 1:
            self._by_single.setdefault(next(iter(tokens)), []).append(position)
        elif tokens:
            df = self._df
            first, second = sorted(tokens, key=lambda token: (df[token], token))[:2]
            pair = (first, second) if first < second else (second, first)
            entry = self._by_pair.get(pair)
            if entry is None:
                entry = self._by_pair[pair] = ([], [])
            entry[0].append(position)
            entry[1].append(_signature(tokens))

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

    def _array(self, token: str) -> _Positions:
        """The posting list of ``token`` as an array (ascending positions)."""
        listed = self._postings[token]
        array = self._arrays.get(token)
        if array is None or len(array) != len(listed):
            start = 0 if array is None else len(array)
            grown = np.fromiter(listed[start:], dtype=np.int64, count=len(listed) - start)
            array = grown if array is None else np.concatenate((array, grown))
            self._arrays[token] = array
        return array

    def _perfect(self, query: frozenset[str]) -> list[int]:
        """Positions (knowledge order) of the claims whose token set holds the query's or is
        held by it: exactly the claims ``token_set_ratio`` scores 100."""
        tokens = self._tokens
        found: set[int] = set()
        # Held by the query: both key tokens are in it. Signatures with a bit outside the
        # query's cannot be held by it; the few others are checked (all of this stays in C).
        for single in map(self._by_single.get, query):
            if single:
                found.update(single)
        outside = _signature(query) ^ _ALL_BITS
        for keyed in map(self._by_pair.get, combinations(sorted(query), 2)):
            if keyed:
                maybe = list(compress(keyed[0], map(not_, map(outside.__and__, keyed[1]))))
                held = map(query.issuperset, map(tokens.__getitem__, maybe))
                found.update(compress(maybe, held))
        # Holding the query: in every query token's posting list, intersected rarest first.
        postings = self._postings
        if all(token in postings for token in query):
            ordered = sorted(query, key=lambda token: len(postings[token]))
            holding = self._array(ordered[0])
            for token in ordered[1:]:
                if len(holding) <= _VERIFY_BELOW:
                    break
                other = self._array(token)
                at = np.searchsorted(other, holding)
                at[at == len(other)] = 0
                holding = holding[other[at] == holding]
            found.update(p for p in holding.tolist() if query <= tokens[p])
        return sorted(found)

    def _short_list(self, query: frozenset[str], perfect: Sequence[int]) -> list[int]:
        """The claims sharing the most informative tokens with the query, besides ``perfect``,
        in knowledge order (ties on the count go to the earlier claim)."""
        count = len(self._items)
        cap = max(_MIN_DF_CAP, int(count * _COMMON_SHARE))
        postings = self._postings
        lists = sorted(
            (token for token in query if token in postings), key=lambda t: len(postings[t])
        )
        informative = [token for token in lists if len(postings[token]) <= cap] or lists[:1]
        if not informative:
            return []
        shared = np.bincount(np.concatenate([self._array(token) for token in informative]))
        if perfect:
            shared[[p for p in perfect if p < len(shared)]] = 0
        positions = np.flatnonzero(shared)
        if len(positions) > _PRUNE_LIMIT:
            counts = shared[positions]
            # The _PRUNE_LIMIT-th highest count: all above it, and the earliest at it.
            threshold = np.partition(counts, len(counts) - _PRUNE_LIMIT)[-_PRUNE_LIMIT]
            above = counts > threshold
            at = np.flatnonzero(counts == threshold)[: _PRUNE_LIMIT - int(above.sum())]
            above[at] = True
            positions = positions[above]
        return positions.tolist()

    def candidates(self, claim: Claim, limit: int) -> list[tuple[KnownClaim, float]]:
        """Up to ``limit`` known claims most similar to ``claim`` (masked text), with scores."""
        if not self._items or not claim.masked:
            return []
        if not self.prune or len(self._items) <= _PRUNE_LIMIT:
            return self._ranked(claim.masked, self._masked, range(len(self._items)), limit)
        query = frozenset(claim.masked.split())
        perfect = self._perfect(query)
        items = self._items
        found = [(items[p], _PERFECT) for p in perfect[:limit]]
        if len(found) == limit:
            return found
        # Every claim scoring 100 is in ``found``; the rest rank below them.
        positions = self._short_list(query, perfect)
        if not positions:
            return found
        masked = self._masked
        ranked = self._ranked(
            claim.masked, [masked[p] for p in positions], positions, limit - len(found)
        )
        return found + ranked

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
