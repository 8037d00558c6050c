"""Claims and slots survive JSON; timestamps are sortable UTC text."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from bot.errors import StorageError
from bot.model import Slots
from bot.store import claim_from_json, claim_to_json
from bot.store.codec import slots_from_json, slots_to_json, time_from_db, time_to_db

from .factories import make_claim, rich_slots


def test_claim_with_every_slot_survives_json() -> None:
    claim = dataclasses.replace(
        make_claim("Putin did not sign on Tuesday.", "doc", 3, topic="signing",
                   slots=rich_slots()),
        relevant=False,
        echo_only=True,
    )
    restored = claim_from_json(claim_to_json(claim))
    assert restored == claim
    assert restored.slots.negation_scopes == (("sign",), ("tuesday",))
    assert isinstance(restored.slots.quantities, tuple)
    assert restored.slots.roles == (("iran_president", "pezeshkian"),)


def test_slots_from_older_rows_take_defaults_and_ignore_unknown_keys() -> None:
    stored = json.dumps({"negated": True, "actors": ["putin"], "from_the_future": 1})
    assert slots_from_json(stored) == Slots(negated=True, actors=("putin",))


def test_every_slots_field_is_written() -> None:
    written = json.loads(slots_to_json(rich_slots()))
    assert set(written) == {f.name for f in dataclasses.fields(Slots)}


@pytest.mark.parametrize(
    "stored",
    ["not json", "[1, 2]", '{"quantities": [{"value": "many", "unit": "x", "text": "x"}]}',
     '{"negated": "yes"}'],
)
def test_malformed_slots_raise_storage_error(stored: str) -> None:
    with pytest.raises(StorageError):
        slots_from_json(stored)


def test_malformed_claim_raises_storage_error() -> None:
    with pytest.raises(StorageError):
        claim_from_json('{"text": "no other fields"}')


def test_times_are_fixed_width_utc_and_round_trip() -> None:
    tehran = timezone(timedelta(hours=3, minutes=30))
    moment = datetime(2025, 1, 17, 15, 30, tzinfo=tehran)
    text = time_to_db(moment)
    assert text == "2025-01-17T12:00:00.000000+00:00"
    assert time_from_db(text) == moment and time_from_db(text).tzinfo == UTC
    assert time_to_db(datetime(2025, 1, 17, 12, 0)) == text  # naive is taken as UTC
