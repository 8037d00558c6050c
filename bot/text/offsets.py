"""Offsets in time from another event: "a few days before Trump's inauguration", "a month
after the vote".

A report that the treaty was signed "a month before" the inauguration conflicts with "a few days
before" it, though neither names a date. Each offset becomes a ``Quantity`` with unit
``offset``: its value is the signed middle of the days it allows (negative before the event),
and its text keeps the wording and the event it is measured from, so two offsets can be
compared only when they count from the same event.
"""

from __future__ import annotations

import math
import re

from bot.model import Quantity
from bot.text.durations import AMOUNTS, DAYS_PER_UNIT
from bot.text.normalize import normalize

UNIT = "offset"
_AMOUNT = "|".join(sorted(AMOUNTS, key=len, reverse=True))
_OFFSET = re.compile(
    rf"\b(?:({_AMOUNT}|an?|one|a full|a whole|\d+(?:\.\d+)?)\s+)?(?:just |only |mere )?"
    r"(days?|weeks?|months?|years?)\s+"
    # "three days on from the signing" is three days after it
    r"(before|ahead of|prior to|after|later than|earlier than|on from)\b"
)
# No offset at all: "on the day of Trump's inauguration", "the same day as the vote".
_SAME_DAY = re.compile(r"\b(?:on )?the (?:very |same )?day (?:of|as)\b")
_DIRECTIONS = {"before": -1, "ahead of": -1, "prior to": -1, "earlier than": -1}
# The event an offset counts from: the words after it, up to the clause's end.
_EVENT_END = re.compile(r"[,;:.!?]|\b(?:and|but|while|which|when)\b")
_EVENT_WORDS = 12
# A bare plural ("days before") means a few of them.
_BARE_PLURAL = (2.0, 9.0)


def _units(amount: str | None, unit_word: str) -> tuple[float, float]:
    if amount is None:
        return _BARE_PLURAL if unit_word.endswith("s") else (1.0, 1.0)
    if amount in AMOUNTS:
        low, high, _ = AMOUNTS[amount]
        return low, high
    if amount[0].isdigit():
        return float(amount), float(amount)
    return 1.0, 1.0  # a, an, one, a full, a whole


def find_offsets(text: str, spans: list[tuple[int, int]]) -> list[Quantity]:
    """Offsets in lowercased ``text`` (number words already digits); spans are recorded."""
    found: list[Quantity] = []
    for m in _OFFSET.finditer(text):
        amount, unit_word, direction = m.group(1), m.group(2), m.group(3)
        low, high = _units(amount, unit_word)
        per_unit = DAYS_PER_UNIT[unit_word.rstrip("s")]
        sign = _DIRECTIONS.get(direction, 1)
        event = _event_after(text[m.end() :])
        middle = (low + min(high, low * 3)) / 2 * per_unit
        found.append(Quantity(sign * middle, UNIT, f"{m.group(0).strip()} {event}".strip()))
        spans.append(m.span())
    for m in _SAME_DAY.finditer(text):
        event = _event_after(text[m.end() :])
        if event and not any(a <= m.start() < b for a, b in spans):
            found.append(Quantity(0.0, UNIT, f"{m.group(0).strip()} {event}"))
            spans.append(m.span())
    return found


def _event_after(rest: str) -> str:
    end = _EVENT_END.search(rest)
    return " ".join(rest[: end.start() if end else len(rest)].split()[:_EVENT_WORDS])


def is_offset(q: Quantity) -> bool:
    return q.unit == UNIT


def _parts(q: Quantity) -> tuple[tuple[float, float], int, frozenset[str]]:
    same_day = _SAME_DAY.match(q.text)
    if same_day is not None:
        return (0.0, 0.0), 0, frozenset(normalize(q.text[same_day.end() :]).split())
    m = _OFFSET.match(q.text)
    if m is None:  # not written by find_offsets
        return (math.nan, math.nan), 0, frozenset()
    low, high = _units(m.group(1), m.group(2))
    per_unit = DAYS_PER_UNIT[m.group(2).rstrip("s")]
    sign = _DIRECTIONS.get(m.group(3), 1)
    event = frozenset(normalize(q.text[m.end() :]).split())
    return (low * per_unit, high * per_unit), sign, event


def same_event(a: Quantity, b: Quantity) -> bool:
    """Do two offsets count from the same event, in the same direction? ("before the
    inauguration" and "ahead of Trump's return" share Trump). The day of an event itself
    ("on the day of the inauguration") has no direction and is compared with either."""
    (_, high_a), sign_a, event_a = _parts(a)
    (_, high_b), sign_b, event_b = _parts(b)
    same_day = (sign_a == 0 and high_a == 0.0) or (sign_b == 0 and high_b == 0.0)
    return (same_day or sign_a == sign_b != 0) and _events_alike(event_a, event_b)


# Every step of the story advances the treaty's ratification: two events that share only
# those words ("after the cabinet endorsed it" and "after the instruments of ratification
# were exchanged") are two steps, not one event.
_STORY_WORDS = frozenset({"ratifi", "treati"})


def _events_alike(a: frozenset[str], b: frozenset[str]) -> bool:
    return bool((a & b) - _STORY_WORDS)


def agree(a: Quantity, b: Quantity) -> bool:
    """Can the two offsets be the same length of time? (Only meaningful for the same event.)"""
    (low_a, high_a), _, _ = _parts(a)
    (low_b, high_b), _, _ = _parts(b)
    # Calendar months and years are not exact multiples of days: allow a little either way.
    return low_a * 0.9 <= high_b * 1.1 and low_b * 0.9 <= high_a * 1.1
