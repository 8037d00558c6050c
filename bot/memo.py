"""Memoising a function of one immutable object by the object's identity.

The judge derives the same things from the same frozen objects many times: the salient tokens
of the claim being judged (once per candidate it is compared with), the kinds of detail of a
known claim's slots (once per claim it is a candidate of). Keying by identity costs one dict
lookup, where hashing a whole claim or slots value would cost about as much as deriving it.
Each entry holds its object, so its id cannot be reused by another object while cached; the
cache is emptied when it reaches ``maxsize`` entries. Safe to share between threads: an entry
is written and read as one tuple.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")
_R = TypeVar("_R")


def by_identity(maxsize: int) -> Callable[[Callable[[_T], _R]], Callable[[_T], _R]]:
    """Decorate a pure function of one (immutable) argument to remember its results by the
    argument's identity, for up to ``maxsize`` arguments at a time."""

    def decorate(function: Callable[[_T], _R]) -> Callable[[_T], _R]:
        cache: dict[int, tuple[_T, _R]] = {}

        @functools.wraps(function)
        def remembered(argument: _T) -> _R:
            entry = cache.get(id(argument))
            if entry is not None and entry[0] is argument:
                return entry[1]
            result = function(argument)
            if len(cache) >= maxsize:
                cache.clear()
            cache[id(argument)] = (argument, result)
            return result

        return remembered

    return decorate
