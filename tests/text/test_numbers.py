"""Tests for bot/text/numbers.py: English number words become digits, everything else stays."""

from __future__ import annotations

import pytest

from bot.text.numbers import words_to_digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the text has forty-seven articles", "the text has 47 articles"),
        ("forty seven articles", "47 articles"),
        ("it will stay in force for twenty years", "it will stay in force for 20 years"),
        ("a term of twenty-five years", "a term of 25 years"),
        ("approved by one hundred and ninety-two votes", "approved by 192 votes"),
        ("a dozen agreements", "12 agreements"),
        ("almost three years ago", "almost 3 years ago"),
    ],
)
def test_number_words_become_digits(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the accord would stay in force for two decades",
            "the accord would stay in force for 20 years",
        ),
        ("a decade of talks", "10 years of talks"),
        ("three decades", "30 years"),
        ("1.5 decades", "15 years"),
        # a hyphenated length is an adjective, and stays one
        ("a three-decade lease", "a 30-year lease"),
        ("a one-decade horizon", "a 10-year horizon"),
    ],
)
def test_decades_become_years(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


def test_twenty_years_two_decades_and_20_years_agree() -> None:
    forms = {
        words_to_digits("valid for twenty years"),
        words_to_digits("valid for two decades"),
        words_to_digits("valid for 20 years"),
    }
    assert forms == {"valid for 20 years"}


@pytest.mark.parametrize(
    "text",
    [
        "one of the most important aspects of the deal",
        "no one expected the signing",
        "a treaty and a pact",
        "a year of negotiations",
        "the pact and the accord",
    ],
)
def test_pronoun_one_and_articles_are_untouched(text: str) -> None:
    assert words_to_digits(text) == text


def test_ordinal_day_before_a_month_becomes_a_day_number() -> None:
    assert words_to_digits("signed on the seventeenth of january") == "signed on 17 january"


def test_ordinal_not_followed_by_a_month_is_untouched() -> None:
    text = "the treaty is the first of its kind between the two countries"
    assert words_to_digits(text).startswith("the treaty is the first of its kind")


def test_digits_already_present_are_kept() -> None:
    assert words_to_digits("47 articles and 55 bcm") == "47 articles and 55 bcm"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("valid for a quarter of a century", "valid for 25 years"),
        ("valid for a quarter-century", "valid for 25 years"),
        ("half a century of ties", "50 years of ties"),
    ],
)
def test_parts_of_a_century_become_years(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks resumed a fortnight later", "talks resumed 2 weeks later"),
        ("ratified one fortnight after the summit", "ratified 2 weeks after the summit"),
        # a possessive is a noun phrase of its own ("a fortnight's delay") and is kept
        ("after a fortnight's delay", "after a fortnight's delay"),
    ],
)
def test_a_fortnight_is_two_weeks(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year said in two halves, as on air
        ("the pact dates from nineteen ninety-eight", "the pact dates from 1998"),
        ("signed in twenty twenty-five", "signed in 2025"),
        ("an accord of twenty oh one", "an accord of 2001"),
        ("in nineteen eighty", "in 1980"),
    ],
)
def test_spoken_years_become_digits(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts stay counts: one half alone, a hyphenated count, a unit after it
        ("twenty-two deputies", "22 deputies"),
        ("nineteen votes", "19 votes"),
        ("two thousand and one", "2001"),
    ],
)
def test_counts_are_not_spoken_years(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


def test_a_count_before_a_unit_is_not_a_spoken_year() -> None:
    assert "2020" not in words_to_digits("twenty twenty-year terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two seats short of sixty", "58 seats"),
        ("four shy of thirty articles", "26 articles"),
        ("a text five articles short of a hundred", "a text 95 articles"),
    ],
)
def test_a_shortfall_from_a_round_figure_is_the_difference(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected


def test_a_shortfall_larger_than_the_figure_is_left_alone() -> None:
    assert words_to_digits("ten short of five") == "10 short of 5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("exports of three and a half billion dollars", "exports of 3.5 billion dollars"),
        ("a 12 and a half percent rise", "a 12.5 percent rise"),
        ("talks that lasted an hour and a half", "talks that lasted an hour and a half"),
    ],
)
def test_a_number_and_a_half_is_a_decimal(text: str, expected: str) -> None:
    assert words_to_digits(text) == expected
