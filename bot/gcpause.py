"""Pausing the cyclic garbage collector while bulk-loading long-lived objects.

Start-up builds millions of objects that live as long as the process (the knowledge: claims,
their slots and sources, token sets, posting lists). Each allocation burst triggers
collections that walk every tracked object, so loading 100k claims spent more time in the
collector than in decoding. Nothing loaded this way is garbage, so pausing the collector for
the load loses nothing. Afterwards the loaded objects are frozen (``gc.freeze``: moved to the
permanent generation) before the collector runs again: otherwise its first collection would
walk all of them at once, and every later full collection again, for objects that live as long
as the process anyway. They are still freed by reference counting as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """The collector is off inside; after, what exists is frozen and the collector is back on
    (unless it was already off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
