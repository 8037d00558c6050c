"""Slots read from the store, decoded from their JSON on first use.

Start-up reads every known claim, and decoding their slots JSON was a third of it (100k claims:
33k distinct JSON texts, 0.7 s), while a poll compares the details of a few dozen candidates per
claim: most known claims' slots are never looked at in a run. ``LazySlots`` is a ``Slots`` whose
fields are left unset until one is first read; Python then calls ``__getattr__``, which decodes
the JSON and sets every field, so each later read is an ordinary slot read.

It behaves as the ``Slots`` it stands for: it compares equal to it (either way round), hashes and
prints like it, and pickles and copies as the plain value. A malformed JSON text raises
``StorageError`` when the slots are first used, not at load.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from bot.model import Slots
from bot.store.codec import slots_from_json

_FIELDS = tuple(f.name for f in dataclasses.fields(Slots))


class LazySlots(Slots):
    """A ``Slots`` decoded from ``json_text`` when a field is first read (see the module)."""

    __slots__ = ("_json",)

    @classmethod
    def from_json(cls, json_text: str) -> Slots:
        # Not through __init__: the fields stay unset until first read.
        lazy = object.__new__(cls)
        object.__setattr__(lazy, "_json", json_text)
        return lazy

    def __getattr__(self, name: str) -> Any:
        # Only called when ordinary lookup fails: an unset field (the first use), or a name
        # that is not a field at all.
        if name not in _FIELDS:
            raise AttributeError(name)
        decoded = slots_from_json(object.__getattribute__(self, "_json"))
        for field in _FIELDS:
            object.__setattr__(self, field, getattr(decoded, field))
        return getattr(decoded, name)

    def plain(self) -> Slots:
        """The same value as a plain ``Slots``."""
        return Slots(**{field: getattr(self, field) for field in _FIELDS})

    def __eq__(self, other: object) -> bool:
        # A dataclass compares equal only to its own class; this one stands for a Slots.
        if isinstance(other, Slots):
            return all(getattr(self, f) == getattr(other, f) for f in _FIELDS)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.plain())

    def __repr__(self) -> str:
        return repr(self.plain())

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled and copied as the plain value it stands for.
        return (Slots, tuple(getattr(self, field) for field in _FIELDS))
