"""English number words to digits: "forty-seven" → "47", "two decades" → "20 years".

Runs on lowercased text before slot extraction and normalisation, so "twenty years",
"two decades" and "20 years" all become the same slot and the same tokens.
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_NUMBER_WORD = "|".join(
    sorted([*_UNITS, *_TENS, *_SCALES, "dozen", "a", "and"], key=len, reverse=True)
)
# A run of number words, e.g. "forty-seven", "one hundred and twelve", "a dozen".
_RUN = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:[\s-]+(?:{_NUMBER_WORD}))*\b",
)
_DECADES = re.compile(r"\b(\d+(?:\.\d+)?|a|one|two|three|four|five)(\s+|-)decades?\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# "January the seventeenth" -> "January 17".
_MONTH_ORDINAL = re.compile(
    rf"\b({_MONTHS})\s+the\s+(?:(twenty|thirty)[\s-])?({'|'.join(_ORDINALS)})\b"
)
_ORDINAL_WORDS = re.compile(
    rf"\b(?:the\s+)?(?:(twenty|thirty)[\s-])?({'|'.join(_ORDINALS)})\s+of\s+(?={_MONTHS})"
)


def _value_of(words: list[str]) -> int | None:
    """Value of a run of number words, or None when it is not really a number."""
    total, current, seen_number = 0, 0, False
    for word in words:
        if word in _UNITS:
            current += _UNITS[word]
            seen_number = True
        elif word in _TENS:
            current += _TENS[word]
            seen_number = True
        elif word == "dozen":
            current = max(current, 1) * 12
            seen_number = True
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            seen_number = True
        elif word in {"a", "and"}:
            continue
        if word == "thousand":
            total, current = total + current, 0
    return total + current if seen_number else None


def _replace_run(match: re.Match[str]) -> str:
    text = match.group(0)
    words = [w for w in re.split(r"[\s-]+", text) if w]
    # Keep leading/trailing "a"/"and" as words: they are not part of the number.
    lead: list[str] = []
    while (
        words
        and words[0] in {"a", "and"}
        and not (len(words) > 1 and words[1] in {"dozen", "hundred", "thousand"})
    ):
        lead.append(words.pop(0))
    trail: list[str] = []
    while words and words[-1] in {"a", "and"}:
        trail.insert(0, words.pop())
    # "one" alone is usually a pronoun ("one of the ..."), not a count.
    if not words or words == ["one"]:
        return text
    value = _value_of(words)
    if value is None:
        return text
    return " ".join([*lead, str(value), *trail])


def _replace_decades(match: re.Match[str]) -> str:
    amount = match.group(1)
    words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
    number = float(amount) if amount[0].isdigit() else float(words[amount])
    years = number * 10
    figure = int(years) if years.is_integer() else years
    # A hyphenated length is an adjective and stays one: "a two-decade term" is "a 20-year term".
    return f"{figure}-year" if match.group(2) == "-" else f"{figure} years"


def _replace_ordinal_day(match: re.Match[str]) -> str:
    tens = {"twenty": 20, "thirty": 30}.get(match.group(1) or "", 0)
    return f"{tens + _ORDINALS[match.group(2)]} "


_CENTURY = re.compile(r"\b(?:a )?(quarter|half)(?: (?:of )?a |-| )century\b")


# A fortnight is two weeks: "a fortnight before the inauguration".
_FORTNIGHT = re.compile(r"\b(?:a|one)\s+fortnight\b(?!')")


def _replace_century(match: re.Match[str]) -> str:
    return "25 years" if match.group(1) == "quarter" else "50 years"


_TEEN_OR_TENS = "|".join(
    sorted([w for w, v in _UNITS.items() if v >= 10] + list(_TENS), key=len, reverse=True)
)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
# A year said as broadcasters say it, in two halves: "nineteen ninety-five",
# "twenty twenty-four", "twenty oh five". Not before a unit ("twenty fifteen-year terms").
_SPOKEN_YEAR = re.compile(
    rf"\b(nineteen|twenty)\s+(?:({_TEEN_OR_TENS})(?:[\s-]+({_ONES}))?|(?:oh|o)[\s-]+({_ONES}))\b"
    r"(?![\s-]*(?:years?|months?|weeks?|days?|hours?)\b)"
)


def _replace_spoken_year(match: re.Match[str]) -> str:
    century = _UNITS[match.group(1)] if match.group(1) in _UNITS else _TENS[match.group(1)]
    if match.group(4):
        rest = _UNITS[match.group(4)]
    else:
        second = match.group(2)
        rest = _UNITS[second] if second in _UNITS else _TENS[second]
        if match.group(3):
            if second in _UNITS:  # "twenty thirteen one" is not a year
                return match.group(0)
            rest += _UNITS[match.group(3)]
    return str(century * 100 + rest)


def _replace_month_ordinal(match: re.Match[str]) -> str:
    tens = {"twenty": 20, "thirty": 30}.get(match.group(2) or "", 0)
    return f"{match.group(1)} {tens + _ORDINALS[match.group(3)]}"


# A figure said as a shortfall from a round one: "three articles short of fifty", "two shy of
# fifty articles" are 47 articles.
_SHORT_OF = re.compile(
    r"\b(\d+)\s+(?:(\w+)\s+)?(?:short|shy)\s+of\s+(?:a\s+|the\s+)?(\d+)\b(\s+\w+)?"
)


def _replace_short_of(match: re.Match[str]) -> str:
    gap, unit, whole, after = match.group(1), match.group(2), match.group(3), match.group(4)
    value = int(whole) - int(gap)
    if value <= 0 or int(gap) >= int(whole):
        return match.group(0)
    if unit:
        return f"{value} {unit}{after or ''}"
    return f"{value}{after or ''}"


# A whole number and a half: "five and a half million" is 5.5 million, "two and a half years"
# 2.5 years.
_AND_A_HALF = re.compile(r"\b(\d+)\s+and\s+a\s+half\b")


def words_to_digits(text: str) -> str:
    """Rewrite number words in lowercased ``text`` as digits; everything else is kept."""
    text = _CENTURY.sub(_replace_century, text)
    text = _FORTNIGHT.sub("2 weeks", text)
    text = _MONTH_ORDINAL.sub(_replace_month_ordinal, text)
    text = _ORDINAL_WORDS.sub(_replace_ordinal_day, text)
    text = _SPOKEN_YEAR.sub(_replace_spoken_year, text)
    text = _RUN.sub(_replace_run, text)
    text = _AND_A_HALF.sub(lambda m: f"{m.group(1)}.5", text)
    text = _DECADES.sub(_replace_decades, text)
    return _SHORT_OF.sub(_replace_short_of, text)
