"""Loose durations: found in text, turned into day ranges, compared."""

from __future__ import annotations

import math

import pytest

from bot.model import Quantity
from bot.text.durations import is_loose, loose_durations, spans_agree, time_span


def found(text: str) -> list[Quantity]:
    return loose_durations(text.lower(), [])


@pytest.mark.parametrize(
    ("text", "unit", "wording"),
    [
        ("It was negotiated in a few weeks.", "week", "a few weeks"),
        ("The talks took several years.", "year", "several years"),
        ("It ended years of negotiations.", "year", "years"),
        ("After a couple of months of talks.", "month", "a couple of months"),
        ("The pact is valid indefinitely.", "year", "indefinite"),
        # how long ahead a thing was planned is a lead time, a length
        ("The summit was scheduled months in advance.", "month", "months"),
        ("The visit had been arranged just a few days earlier.", "day", "a few days"),
    ],
)
def test_loose_durations_are_found_with_their_wording(text: str, unit: str, wording: str) -> None:
    [q] = found(text)
    assert (q.unit, q.text) == (unit, wording)
    assert is_loose(q)


@pytest.mark.parametrize(
    "text",
    [
        "It came a few days before the inauguration.",  # a point in time, not a length
        "Several years ago the two sides met.",
        "Within days of the signing, the Duma met.",
        "It took years of the same rhetoric.",
        "The pact is valid for 20 years.",  # a figure: not loose
    ],
)
def test_points_in_time_and_figures_are_not_loose_durations(text: str) -> None:
    assert found(text) == []


def test_spans_in_days() -> None:
    assert time_span(Quantity(3, "week", "a few weeks")) == (14.0, 35.0)
    assert time_span(Quantity(10, "year", "years")) == (730.0, math.inf)
    low, high = time_span(Quantity(20, "year", "20 year")) or (0, 0)
    assert low < 20 * 365 < high and high - low < 200
    assert time_span(Quantity(0, "year", "indefinite")) == (math.inf, math.inf)
    assert time_span(Quantity(47, "article", "47 article")) is None


def test_spans_agree_only_when_they_overlap() -> None:
    few_weeks = Quantity(3, "week", "a few weeks")
    years_of = Quantity(10, "year", "years")
    several_years = Quantity(5, "year", "several years")
    twenty = Quantity(20, "year", "20 year")
    indefinite = Quantity(0, "year", "indefinite")
    assert not spans_agree(few_weeks, years_of)
    assert spans_agree(several_years, years_of)
    assert spans_agree(twenty, years_of)
    assert not spans_agree(twenty, indefinite)
    assert spans_agree(indefinite, Quantity(0, "year", "indefinite"))
