"""The knowledge: every known claim (seed baseline and observed), indexed for fast candidates.

``candidates`` answers what ``process.extract(query, every masked text,
scorer=fuzz.token_set_ratio)`` would, without scoring every claim:

* ``token_set_ratio`` is exactly 100 when one token set holds the other (and they share a
  token). Those claims are found exactly, from two indexes and a 64-bit signature of each
  claim's tokens (one bit per token): every claim is keyed by its rarest token (a claim
  whose tokens are all in the query has its key in it; a signature with a bit outside the
  query's rejects almost every keyed claim that has a token outside the query), and the
  claims holding every query token are in the rarest query token's posting list, with every
  bit of the query's signature (numpy over the list; ``searchsorted`` against the next
  rarest lists while many remain). The few left are checked against their token sets. In a
  large knowledge there are usually more of them than the judge asks for, and then the
  answer is the same as rapidfuzz's over the whole knowledge (ties in knowledge order).
* Below 100 the rest come from a short list: the claims sharing the most informative tokens
  (tokens in more than a small share of the claims, ``russia``, ``iran``, ``treati``, are too
  common to say anything and are skipped), counted with ``numpy.bincount``; rapidfuzz ranks
  that short list.

Pruning only starts when the knowledge is larger than the short list: below that every claim
goes to rapidfuzz, exactly as with ``prune=False``. ``prune=False`` (or
``Knowledge.default_prune = False``) ranks every claim with rapidfuzz: the unoptimised
reference that ``bench/judge_scaling.py`` compares verdicts with.

A whole knowledge (start-up) is indexed at once, with numpy over one flat array of token ids;
its posting lists stay numpy arrays until ``add`` extends one (then a list, with its array
extended as it grows). A claim's token set is made on first use (most claims are never looked
at in a run) and kept; ``idf`` values are cached until the next ``add``.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from functools import reduce
from itertools import chain, compress
from operator import not_, or_
from typing import ClassVar

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from bot.gcpause import paused_gc
from bot.model import Claim, KnownClaim
from bot.text.lexicon import OFFICE_ROLES

_Positions = npt.NDArray[np.int64]
_Bits = npt.NDArray[np.uint64]
# A posting list: an array from bulk indexing, a list once ``add`` has extended it.
_Posting = list[int] | _Positions

# At most this many claims go from the inverted index to rapidfuzz.
_PRUNE_LIMIT = 400
# The short list holds this many claims per candidate still wanted after the 100s.
_SHORT_PER_MISSING = 25
# Tokens in more than this share of the claims (and more than _MIN_DF_CAP) are too common to
# prune with: their posting lists would cost more to count than they say.
_COMMON_SHARE = 0.02
_MIN_DF_CAP = 400
# Claims still holding every query token so far are checked one by one below this many.
_VERIFY_BELOW = 32
# Claims keyed by one token are filtered by signature with numpy above this many.
_KEYED_BULK = 64
# From this many claims, indexing pauses the collector.
_BULK = 10_000
# Lowest token_set_ratio of a candidate.
_SCORE_CUTOFF = 30
_PERFECT = 100.0
# A token set's signature: one of 64 bits per token (a one-word Bloom filter).
_ALL_BITS = (1 << 64) - 1


def _signature(tokens: Iterable[str]) -> int:
    return reduce(or_, (1 << (hash(token) & 63) for token in tokens), 0)


class _IdfTable(dict[str, float]):
    """idf by token, each computed on its first lookup; ``add`` starts a new table."""

    __slots__ = ("_count", "_postings")

    def __init__(self, postings: dict[str, _Posting], count: int) -> None:
        super().__init__()
        self._postings, self._count = postings, count

    def __missing__(self, token: str) -> float:
        found = self._postings.get(token)
        df = 0 if found is None else len(found)
        value = self[token] = math.log((self._count + 1) / (df + 0.5)) + 1.0
        return value


class _TokenSets(dict[int, frozenset[str]]):
    """Each claim's token set by position, made from its masked text on first lookup."""

    __slots__ = ("_masked",)

    def __init__(self, masked: list[str]) -> None:
        super().__init__()
        self._masked = masked

    def __missing__(self, position: int) -> frozenset[str]:
        tokens = self[position] = frozenset(self._masked[position].split())
        return tokens


class _Signatures:
    """Each claim's signature by position: a numpy array that grows by doubling."""

    __slots__ = ("array", "count")

    def __init__(self, initial: _Bits | None = None) -> None:
        self.array: _Bits = np.zeros(16, dtype=np.uint64) if initial is None else initial
        self.count = 0 if initial is None else len(initial)

    def append(self, signature: int) -> None:
        if self.count == len(self.array):
            self.array = np.concatenate((self.array, np.zeros_like(self.array)))
        self.array[self.count] = signature
        self.count += 1


def _file_offices(offices: dict[str, dict[str, KnownClaim]], known: KnownClaim) -> None:
    """File ``known`` under each office whose holder it names, unless an earlier claim names
    the same holder: one claim per holder is evidence enough, and a large knowledge repeats
    its holders thousands of times."""
    for role, holder in known.claim.slots.roles:
        if role in OFFICE_ROLES:
            offices.setdefault(role, {}).setdefault(holder, known)


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
        self._tokens = _TokenSets(self._masked)
        # id(claim) -> (claim, its token set): the judge asks for token sets per candidate.
        self._token_cache: dict[int, tuple[Claim, frozenset[str]]] = {}
        # token -> positions of the claims with it, ascending; its length is the token's df.
        self._postings: dict[str, _Posting] = {}
        # The posting lists that are lists, as numpy arrays: made on first use, extended as
        # the lists grow.
        self._arrays: dict[str, _Positions] = {}
        self._idf = _IdfTable(self._postings, 0)
        # Claims by their rarest token (their key), with their signatures; long lists also as
        # numpy arrays (made on first use, remade when the list has grown).
        self._keyed: dict[str, tuple[list[int], list[int]]] = {}
        self._keyed_arrays: dict[str, tuple[_Positions, _Bits]] = {}
        self._signatures = _Signatures()
        # office role -> holder -> the first claim naming them; made on first use.
        self._offices: dict[str, dict[str, KnownClaim]] | None = None
        items = list(claims)
        # Freezing the heap (see bot.gcpause) is for start-up's whole knowledge, not for the
        # small ones evaluation and tests build.
        with paused_gc() if len(items) >= _BULK else nullcontext():
            self._index_all(items)
        self._idf = _IdfTable(self._postings, len(self._items))

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[KnownClaim]:
        return iter(self._items)

    def since(self, position: int) -> Sequence[KnownClaim]:
        """The claims indexed after the first ``position`` (knowledge only grows, in order):
        what a tally over the knowledge has not counted yet."""
        return self._items[position:]

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
        self._tokens[position] = tokens
        self._token_cache[id(known.claim)] = (known.claim, tokens)
        postings = self._postings
        for token in tokens:
            found = postings.get(token)
            if found is None:
                postings[token] = [position]
            elif isinstance(found, list):
                found.append(position)
            else:
                # An array from bulk indexing: a list from now on, its array kept as the
                # prefix that _array extends.
                self._arrays[token] = found
                postings[token] = [*found.tolist(), position]
        signature = _signature(tokens)
        self._signatures.append(signature)
        self._key(
            position, tokens, {token: len(postings[token]) for token in tokens}.__getitem__,
            signature,
        )
        self._idf = _IdfTable(self._postings, len(self._items))
        if self._offices is not None:
            _file_offices(self._offices, known)

    def holders_of(self, role: str) -> Mapping[str, KnownClaim]:
        """Who the known claims say holds ``role`` (an office: lexicon.OFFICE_ROLES), each
        with the first claim that says so, in the order they became known."""
        if self._offices is None:
            self._offices = {}
            for known in self._items:
                _file_offices(self._offices, known)
        return self._offices.get(role, {})

    def _index_all(self, items: list[KnownClaim]) -> None:
        """``add`` for many claims at once (start-up): the per-token work is done by numpy
        over one flat array of token ids, and keys are chosen once every count is known.
        Token sets are left to first use (``_TokenSets``)."""
        self._items = items
        self._by_id = {known.id: known for known in items}
        self._masked = [known.claim.masked for known in items]
        self._tokens = _TokenSets(self._masked)
        # Each claim's tokens in text order, a token repeated as often as the text has it.
        words = list(map(str.split, self._masked))
        count = len(items)
        sizes = np.fromiter(map(len, words), dtype=np.int64, count=count)
        # Token ids in order of first appearance: a token not numbered yet gets the count so
        # far (all in C: defaultdict calls its own __len__).
        number: defaultdict[str, int] = defaultdict()
        number.default_factory = number.__len__
        ids = np.fromiter(
            map(number.__getitem__, chain.from_iterable(words)),
            dtype=np.int64,
            count=int(sizes.sum()),
        )
        vocabulary = list(number)
        if not vocabulary:
            return
        size = len(vocabulary)
        owner = np.repeat(np.arange(count, dtype=np.int64), sizes)
        # Posting lists: (token id, owner) pairs sorted as one number, so that each token's
        # owners come together and ascending; a pair repeated (a token twice in one claim)
        # is kept once.
        pairs = np.sort(ids * count + owner)
        pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        grouped_ids = pairs // count
        df = np.bincount(grouped_ids, minlength=size)
        grouped = np.split(pairs - grouped_ids * count, np.cumsum(df)[:-1])
        self._postings.update(zip(vocabulary, grouped, strict=True))
        # Each claim's key: its token with the lowest df (ties: the lower id), and signature
        # (a repeated token changes neither).
        filled = np.flatnonzero(sizes)
        starts = (np.cumsum(sizes) - sizes)[filled]
        rank = df[ids] * size + ids
        keys = np.minimum.reduceat(rank, starts) % size
        bit = np.array([1 << (hash(token) & 63) for token in vocabulary], dtype=np.uint64)
        signatures = np.bitwise_or.reduceat(bit[ids], starts)
        every = np.zeros(count, dtype=np.uint64)
        every[filled] = signatures
        self._signatures = _Signatures(every)
        order = np.argsort(keys, kind="stable")
        cuts = np.flatnonzero(np.diff(keys[order])) + 1
        for group in np.split(order, cuts):
            self._keyed[vocabulary[int(keys[group[0]])]] = (
                filled[group].tolist(),
                signatures[group].tolist(),
            )

    def _key(
        self,
        position: int,
        tokens: frozenset[str],
        df: Callable[[str], int],
        signature: int,
    ) -> None:
        """Key a claim by its rarest token (ties: any; only lookups' cost depends on it)."""
        if tokens:
            key = min(tokens, key=df)
            entry = self._keyed.get(key)
            if entry is None:
                entry = self._keyed[key] = ([], [])
            entry[0].append(position)
            entry[1].append(signature)

    def idf(self, token: str) -> float:
        """Inverse document frequency of a masked token; unseen tokens weigh the most."""
        return self._idf[token]

    def idf_table(self) -> Mapping[str, float]:
        """``idf`` as a mapping, for loops over many tokens (a lookup is a C dict lookup once
        the value is cached). Valid until the next ``add``."""
        return self._idf

    def tokens_of(self, known: KnownClaim) -> frozenset[str]:
        """The token set of a claim's masked text (kept for the claims of this knowledge)."""
        claim = known.claim
        cached = self._token_cache.get(id(claim))
        if cached is not None and cached[0] is claim:
            return cached[1]
        tokens = frozenset(claim.masked.split())
        if self._by_id.get(known.id) is known:
            self._token_cache[id(claim)] = (claim, tokens)
        return tokens

    def containing(self, token: str, limit: int) -> list[KnownClaim]:
        """The first ``limit`` known claims (in the order they became known) whose masked text
        has ``token``."""
        listed = self._postings.get(token)
        if listed is None:
            return []
        return [self._items[int(p)] for p in listed[:limit]]

    def _array(self, token: str) -> _Positions:
        """The posting list of ``token`` as an array (ascending positions)."""
        listed = self._postings[token]
        if not isinstance(listed, list):
            return listed
        array = self._arrays.get(token)
        if array is None or len(array) != len(listed):
            start = 0 if array is None else len(array)
            grown = np.fromiter(listed[start:], dtype=np.int64, count=len(listed) - start)
            array = grown if array is None else np.concatenate((array, grown))
            self._arrays[token] = array
        return array

    def _keyed_array(self, key: str) -> tuple[_Positions, _Bits]:
        """The claims keyed by ``key`` and their signatures, as arrays."""
        listed = self._keyed[key]
        arrays = self._keyed_arrays.get(key)
        if arrays is None or len(arrays[0]) != len(listed[0]):
            arrays = self._keyed_arrays[key] = (
                np.array(listed[0], dtype=np.int64),
                np.array(listed[1], dtype=np.uint64),
            )
        return arrays

    def _perfect(self, query: frozenset[str]) -> list[int]:
        """Positions (knowledge order) of the claims whose token set holds the query's or is
        held by it: exactly the claims ``token_set_ratio`` scores 100."""
        tokens = self._tokens
        found: set[int] = set()
        signature = _signature(query)
        # Held by the query: its key token is in it. Signatures with a bit outside the query's
        # cannot be held by it; the few others are checked.
        outside = signature ^ _ALL_BITS
        for key in query:
            keyed = self._keyed.get(key)
            if not keyed:
                continue
            if len(keyed[0]) > _KEYED_BULK:
                positions, signatures = self._keyed_array(key)
                maybe = positions[(signatures & np.uint64(outside)) == 0].tolist()
            else:
                maybe = list(compress(keyed[0], map(not_, map(outside.__and__, keyed[1]))))
            held = map(query.issuperset, map(tokens.__getitem__, maybe))
            found.update(compress(maybe, held))
        # Holding the query: in the rarest query token's posting list, with every bit of the
        # query's signature; while many remain, in the next rarest lists too.
        postings = self._postings
        if query and query <= postings.keys():
            ordered = sorted(query, key=lambda token: len(postings[token]))
            holding = self._array(ordered[0])
            wanted = np.uint64(signature)
            holding = holding[(self._signatures.array[holding] & wanted) == wanted]
            for token in ordered[1:]:
                if len(holding) <= _VERIFY_BELOW:
                    break
                other = self._array(token)
                at = np.searchsorted(other, holding)
                at[at == len(other)] = 0
                holding = holding[other[at] == holding]
            listed = holding.tolist()
            found.update(compress(listed, map(query.issubset, map(tokens.__getitem__, listed))))
        return sorted(found)

    def _short_list(self, query: frozenset[str], perfect: Sequence[int], size: int) -> list[int]:
        """The claims sharing the most informative tokens with the query, besides ``perfect``
        (ascending positions), in knowledge order (ties on the count go to the earlier claim)."""
        count = len(self._items)
        cap = max(_MIN_DF_CAP, int(count * _COMMON_SHARE))
        postings = self._postings
        lists = sorted(
            (token for token in query if token in postings), key=lambda t: len(postings[t])
        )
        informative = [token for token in lists if len(postings[token]) <= cap] or lists[:1]
        if not informative:
            return []
        # How many informative tokens each claim shares: one sort of their posting lists
        # together (a few thousand positions, where counting into an array as long as the
        # knowledge cost more).
        shared = np.sort(np.concatenate([self._array(token) for token in informative]))
        starts = np.flatnonzero(np.concatenate(([True], shared[1:] != shared[:-1])))
        positions = shared[starts]
        counts = np.diff(np.append(starts, len(shared)))
        if perfect:
            # Not one of the 100s (ascending positions, as the short list's).
            hundreds = np.asarray(perfect, dtype=np.int64)
            at = np.minimum(np.searchsorted(hundreds, positions), len(hundreds) - 1)
            other = hundreds[at] != positions
            positions, counts = positions[other], counts[other]
        if len(positions) > size:
            # The size-th highest count: all above it, and the earliest at it.
            threshold = np.partition(counts, len(counts) - size)[-size]
            above = counts > threshold
            at = np.flatnonzero(counts == threshold)[: size - int(above.sum())]
            above[at] = True
            positions = positions[above]
        found: list[int] = positions.tolist()
        return found

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
        needed = limit - len(found)
        positions = self._short_list(query, perfect, min(_PRUNE_LIMIT, _SHORT_PER_MISSING * needed))
        if not positions:
            return found
        texts = list(map(self._masked.__getitem__, positions))
        ranked = self._ranked(claim.masked, texts, positions, needed)
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
