"""Slots loaded from the store are decoded on first use and behave as the Slots they stand for."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest

from bot.errors import StorageError
from bot.model import Slots
from bot.store import Store
from bot.store.codec import slots_to_json
from bot.store.lazyslots import LazySlots

from .factories import SEED_DOC, make_claim, rich_slots, seed_source


def test_stands_for_the_slots_it_was_written_from() -> None:
    slots = rich_slots()
    lazy = LazySlots.from_json(slots_to_json(slots))
    assert lazy == slots and slots == lazy
    assert lazy != Slots() and Slots() != lazy
    assert hash(lazy) == hash(slots)
    assert repr(lazy) == repr(slots)
    assert lazy.quantities == slots.quantities and lazy.roles == slots.roles
    assert isinstance(lazy, Slots)


def test_two_lazy_slots_compare_by_value() -> None:
    text = slots_to_json(rich_slots())
    assert LazySlots.from_json(text) == LazySlots.from_json(text)
    assert LazySlots.from_json(text) != LazySlots.from_json(slots_to_json(Slots(negated=True)))


def test_copies_and_pickles_are_plain_slots() -> None:
    lazy = LazySlots.from_json(slots_to_json(rich_slots()))
    for other in (pickle.loads(pickle.dumps(lazy)), copy.copy(lazy), copy.deepcopy(lazy)):
        assert type(other) is Slots and other == rich_slots()
    changed = dataclasses.replace(lazy, negated=False)
    assert changed == dataclasses.replace(rich_slots(), negated=False)


def test_unknown_attributes_are_still_missing() -> None:
    lazy = LazySlots.from_json(slots_to_json(Slots()))
    with pytest.raises(AttributeError):
        lazy.not_a_field  # type: ignore[attr-defined]  # noqa: B018
    assert not hasattr(lazy, "_decoded")


async def test_store_decodes_slots_on_first_use_not_at_load(store: Store) -> None:
    good = make_claim("Putin did not sign on Tuesday.", SEED_DOC, 0, slots=rich_slots())
    bad = make_claim("The treaty has 47 articles.", SEED_DOC, 1)
    stored = await store.set_baseline("fp", [(c, [seed_source(c)]) for c in (good, bad)])
    async with store._write() as conn:
        await conn.execute(
            "UPDATE claims SET slots_json = ? WHERE id = ?",
            ('{"negated": "yes"}', stored[1].id),
        )
    # Loading reads the text only: the malformed row loads, and fails when its slots are used.
    loaded = {k.id: k for k in await store.load_knowledge()}
    assert loaded[stored[0].id].claim == good
    assert loaded[stored[0].id].claim.slots.negated is True
    with pytest.raises(StorageError):
        loaded[stored[1].id].claim.slots.negated  # noqa: B018
