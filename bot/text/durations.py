"""Lengths of time stated loosely: "a few weeks", "several years", "years of talks",
"an indefinite period".

Reporters rarely give exact durations; "negotiated in a few weeks" still conflicts with "years of
negotiations", and "several years" restates them. A loose duration becomes a ``Quantity`` whose
text keeps the wording (its value is a representative figure), and :func:`time_span` turns any
duration, loose or exact, into the range of days it allows, so two can be compared.
"""

from __future__ import annotations

import math
import re

from bot.model import Quantity

DAYS_PER_UNIT = {"day": 1.0, "week": 7.0, "month": 30.0, "year": 365.0}

# Each loose amount as a range of units (low, high) and the figure that stands for it.
AMOUNTS: dict[str, tuple[float, float, float]] = {
    "a couple of": (2.0, 3.0, 2.0),
    "couple of": (2.0, 3.0, 2.0),
    "a few": (2.0, 5.0, 3.0),
    "few": (2.0, 5.0, 3.0),
    "several": (3.0, 9.0, 5.0),
    "many": (5.0, math.inf, 10.0),
}
_UNIT_WORD = r"(days|weeks|months|years)"
_AMOUNT_WORDS = "|".join(sorted(AMOUNTS, key=len, reverse=True))
_LOOSE = re.compile(
    rf"\b({_AMOUNT_WORDS})\s+{_UNIT_WORD}\b"
    # a bare plural that measures something: "years of negotiations"
    r"|\b(weeks|months|years)\s+of\s+(?!the\b|a\b|age\b)(?=[a-z])"
    r"|\b(indefinite(?:ly)?|open-ended|unlimited|no (?:expiry|expiration|end) date|no time limit"
    r"|no fixed term)\b"
    # how long ahead a thing was planned is a length too: "planned months ago", "fixed weeks
    # in advance" (a bare plural is at least two)
    r"|\b(?:planned|scheduled|fixed|set|arranged|agreed|decided|pencilled in|penciled in)"
    rf"\s+(?:(?:only|just|some|about|barely)\s+)?((?:{_AMOUNT_WORDS})\s+)?{_UNIT_WORD}"
    r"(?=\s+(?:ago|in advance|beforehand|earlier)\b)"
)
# What follows a loose amount that makes it a point in time, not a length ("a few days before
# the inauguration" dates the signing relative to something else): not a duration.
_RELATIVE = re.compile(r"\s*(?:ago|earlier|later|after|before|since|ahead of|prior to)\b")
# Any number within this share of another reads as the same figure ("some 20 years").
_TOLERANCE = 0.01
_INDEFINITE = "indefinite"


def loose_durations(text: str, spans: list[tuple[int, int]]) -> list[Quantity]:
    """Loose durations in lowercased ``text``; their spans are added to ``spans``."""
    found: list[Quantity] = []
    for m in _LOOSE.finditer(text):
        # An offset from an event ("a few days ahead of") was read already.
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        if m.group(6):  # a lead time ("planned months ago"): a bare plural is "many"
            amount = (m.group(5) or "many").strip()
            wording = f"{amount} {m.group(6)}" if m.group(5) else m.group(6)
            found.append(Quantity(AMOUNTS[amount][2], m.group(6)[:-1], wording))
            spans.append((m.start(5) if m.group(5) else m.start(6), m.end(6)))
            continue
        if _RELATIVE.match(text, m.end()):
            continue
        if m.group(4):
            found.append(Quantity(0.0, "year", _INDEFINITE))
        else:
            if m.group(1):
                amount, plural, wording = m.group(1), m.group(2), m.group(0).strip()
            else:  # "years of talks": the bare plural is the amount
                amount, plural = "many", m.group(3)
                wording = plural
            found.append(Quantity(AMOUNTS[amount][2], plural[:-1], wording))
        spans.append(m.span())
    return found


def is_loose(q: Quantity) -> bool:
    """Was this quantity stated without a figure ("a few weeks", "indefinite")?"""
    return q.unit in DAYS_PER_UNIT and not q.text[:1].isdigit()


def time_span(q: Quantity) -> tuple[float, float] | None:
    """The range of days a duration allows; None when ``q`` is not a length of time."""
    per_unit = DAYS_PER_UNIT.get(q.unit)
    if per_unit is None:
        return None
    if q.text == _INDEFINITE:
        return (math.inf, math.inf)
    if not is_loose(q):
        days = q.value * per_unit
        return (days * (1 - _TOLERANCE), days * (1 + _TOLERANCE))
    amount = q.text.rpartition(" ")[0]
    # A bare plural ("years of talks") means at least two.
    low, high, _ = AMOUNTS.get(amount, (2.0, math.inf, 0.0))
    return (low * per_unit, high * per_unit)


def spans_agree(a: Quantity, b: Quantity) -> bool:
    """Can two durations describe the same length of time?"""
    first, second = time_span(a), time_span(b)
    if first is None or second is None:
        return False
    if math.isinf(first[0]) or math.isinf(second[0]):
        return first[0] == second[0]
    return first[0] <= second[1] and second[0] <= first[1]


def loose_anchor(q: Quantity) -> str:
    """The word of a loose duration that survives normalisation, to align it by."""
    return "indefinit" if q.text == _INDEFINITE else q.unit
