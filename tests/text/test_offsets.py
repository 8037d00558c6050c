"""Tests for bot/text/offsets.py: "a few days before the inauguration" and kin."""

from __future__ import annotations

import pytest

from bot.model import Quantity
from bot.text import offsets
from bot.text.slots import extract_slots


def offset(sentence: str) -> Quantity:
    found = [q for q in extract_slots(sentence).quantities if offsets.is_offset(q)]
    assert len(found) == 1, found
    return found[0]


SEED = offset("This signing comes a few days before the return to power of Donald Trump.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The treaty was signed just days ahead of Trump's return to the White House.",
        "It was signed three days before Trump took office.",
        "The signing came 2 days prior to Trump's inauguration.",
    ],
)
def test_offsets_that_agree(sentence: str) -> None:
    mine = offset(sentence)
    assert offsets.same_event(SEED, mine)
    assert offsets.agree(SEED, mine)


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal was signed a full month before Trump took office.",
        "It was signed three weeks before Donald Trump's inauguration.",
        "The treaty was signed several months before Trump returned.",
        # the day of the event itself is no offset, in either direction
        "Putin and Pezeshkian signed it on the very day of Donald Trump's swearing-in.",
        "The pact was sealed the same day as Trump's return to the White House.",
    ],
)
def test_offsets_that_conflict(sentence: str) -> None:
    mine = offset(sentence)
    assert offsets.same_event(SEED, mine)
    assert not offsets.agree(SEED, mine)


def test_offsets_from_other_events_or_directions_are_not_compared() -> None:
    assert not offsets.same_event(SEED, offset("It was ratified a month after the signing."))
    assert not offsets.same_event(SEED, offset("Trump spoke two days after his inauguration."))


def test_an_offset_is_signed_and_keeps_its_event_in_its_text() -> None:
    before = offset("It came three weeks before the inauguration.")
    after = offset("The law was signed a month after the vote.")
    assert before.value == -21.0
    assert after.value == 30.0
    assert before.text == "3 weeks before the inauguration"


def test_ago_is_a_date_not_an_offset() -> None:
    quantities = extract_slots("Several years ago the two sides met.").quantities
    assert not any(offsets.is_offset(q) for q in quantities)


def test_being_sworn_in_is_the_inauguration_an_offset_counts_from() -> None:
    seed = offset("The pact came a few days before the inauguration.")
    sworn = offset("The ceremony was held a full three weeks before the president was sworn in.")
    assert offsets.same_event(seed, sworn)
    assert not offsets.agree(seed, sworn)
    # a few days before the swearing-in is what the seed says
    assert offsets.agree(seed, offset("It was signed days before the president was sworn in."))


def test_the_day_of_an_event_is_compared_only_from_that_event() -> None:
    same_day = offset("The parliament voted on the day of the signing.")
    assert same_day.value == 0.0
    assert not offsets.same_event(SEED, same_day)
    also = offset("The ceremony took place on the same day as the signing.")
    assert offsets.same_event(same_day, also)
    assert offsets.agree(same_day, also)
    # "the day before" is one day before, not the day itself
    assert offset("It was signed the day before Trump's inauguration.").value == -1.0


def test_on_from_an_event_is_after_it() -> None:
    later = offset("Two weeks on from the vote, the law was signed.")
    assert later.value == 14.0
    assert later.text == "2 weeks on from the vote"


def test_two_steps_of_the_ratification_are_not_one_event() -> None:
    approved = offset("The vote came two weeks after the government approved the treaty.")
    exchanged = offset("It came two weeks after the ratification documents were handed over.")
    assert not offsets.same_event(approved, exchanged)


def test_one_step_of_the_ratification_named_twice_is_one_event() -> None:
    first = offset("The law was signed a week after the Duma ratified the treaty.")
    again = offset("Putin signed it a week after the Duma's ratification vote.")
    assert offsets.same_event(first, again)
