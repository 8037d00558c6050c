"""The decision: one claim against the knowledge gives KNOWN, NEW, CONTRADICTING or IRRELEVANT.

Pure and synchronous. The shape follows de Marneffe et al. (ACL 2008), "Finding
Contradictions in Text": first find known claims about the same thing (rapidfuzz candidates on
masked text, then IDF-weighted coverage of the claim's words), then look for mismatches in the
details that a fuzzy score cannot see — another number for the same quantity, another date for
the same event, a flipped polarity on the shared predicate, an opposite stance on a contested
framing, another person in the same role.

* KNOWN: a known claim (or the few best together) covers the claim's words and details with no
  conflict. A restatement wins over a conflict elsewhere: it was already said, and alerted.
* CONTRADICTING: a known claim about the same subject conflicts in a detail.
* NEW: relevant, and nothing known covers it.
"""

from __future__ import annotations

import calendar
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.config import MatchingConfig
from bot.knowledge import Knowledge
from bot.memo import by_identity
from bot.model import Claim, DateRef, Judgement, KnownClaim, Quantity, Slots, Verdict
from bot.text import durations, lexicon, offsets
from bot.text.headline import plain_lead
from bot.text.normalize import denied_exclusions_said, normalize, prepare, stem
from bot.text.slips import NearTokens
from bot.text.slots import (
    BACKGROUND_EVENT,
    SHARE_UNIT,
    TERM_END_EVENT,
    denies_the_date,
    names_the_signing,
)

# calendar's names are those of the C locale: English, which is what the reasons are written in.
_MONTH_NAMES = tuple(calendar.month_name)[1:]
_WEEKDAY_NAMES = tuple(calendar.day_name)
# Units whose numbers are identifiers or too vague to contradict.
_UNCOMPARABLE_UNITS = frozenset({"", "article_ref", "percent"})
# Units that make a number a detail worth stating ("47 articles"), unlike "two presidents".
_MEASURE_UNITS = frozenset(
    {"year", "month", "day", "week", "article", "article_ref", "clause", "m3", "vote",
     "vote_against", "km", "usd", "eur", "rub", "percent", "renewal_year", offsets.UNIT}
)  # fmt: skip
# An exact count of days or weeks after the signing (an offset's text, see ``offsets``).
_COUNTED_FROM_SIGNING = re.compile(
    r"(?:(\d+|an?|one)\s+)?(day|week)s?\s+(?:after|on from|later than)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?:signing|signed|inked|sealed)\b"
)
# What a bare plural counts ("days after"), as ``offsets`` reads it.
_FEW = (2, 9)
# How long the renewals of the replaced agreement went on, and the years a round figure for
# it may be off ("close to a quarter-century" for 24 years).
_RENEWALS_UNIT = "renewals_year"
_RENEWALS_SLACK = 1
# Two claims are "about the same thing" for a polarity flip only when nearly all is shared.
_POLARITY_COVERAGE = 0.4
_WHOLE_SCOPE_COVERAGE = 0.25
_TERM_SCOPE_COVERAGE = 0.1
# Treaty terms of the contested framings: their conflicts are the stances' to find ("fears of a
# military alliance" affirms none).
_STANCE_TERMS = frozenset({"allianc", "mutualdefens"})
# Most of one negation's words, by weight: a generic word ("parties", "cooperation") may lack.
_WHOLE_SCOPE = 0.75
# Share of one claim's negated words the other must affirm for a polarity conflict.
_SCOPE_MATCH = 0.67
# Words beside an opposite one that must be the known claim's (see _antonym_conflict).
_ANTONYM_CONTEXT = 3
_ANTONYM_COVERAGE = 0.5
_ANTONYM_DETAILS = 2
# Two spellings of one name ("Jalali", "Djalali") score at least this (rapidfuzz ratio).
_SPELLING_SIMILARITY = 80
# A sentence that names nothing of the treaty is judged when half its words (at
# least this many) is a known claim's.
_ECHO_COVERAGE = 0.5
_ECHO_WORDS = 4
# The parties as normalised words: "Russia-Iran" names nothing beyond the treaty's parties.
# The parties by name, adjective or capital: "the Tehran-Moscow accord", "Russo-Iranian".
_PARTY_TOKENS = frozenset(
    {"russia", "russian", "russo", "moscow", "kremlin", "iran", "iranian", "tehran", "teheran"}
)
# Masked words that turn a sentence from what it denies back to what it affirms.
_CONTRAST_TURNS = frozenset({"though", "although", "howev", "wherea"})
# A claim holding this share of a known claim's words restates it with this much of its own.
_CONTAINED_REVERSE = 0.5
_CONTAINED_COVERAGE = 0.3
# A stance both claims take needs little else in common (the stance is the point).
_STANCE_COVERAGE = 0.15
_YEAR_COVERAGE = 0.6
# Below this share of the known claim's words, two years given in statements are taken to
# date different things.
_STATEMENT_YEAR_COVERAGE = 0.2
# Counts and volumes that identify their quantity by the unit alone, in this story.
_DEFINING_UNITS = frozenset({"article", "m3", "vote", "vote_against", "km", "usd", "eur", "rub"})
_DEFINING_COVERAGE = 0.4
_BARE_DEFINING_COVERAGE = 0.15
# The normalised token of "valid for", "in force for", "effective for": the treaty's term.
_TERM_WORD = "durat"
# How many known claims giving the treaty's term a claim dating its end is compared with
# (and dating the agreement it replaces, a claim dating that).
_TERM_STATEMENTS = 8
_REPLACING_WORD = "replac"
_PREDECESSOR_EVENT = "predecessor"
# Another person in the same role only matters when the claims are otherwise alike.
_ROLE_COVERAGE = 0.2
_ACTOR_SWAP_COVERAGE = 0.85
_FUZZY_TOKEN = 88
_UNION_SIZE = 3
# A known claim joins a union only when it is about the claim at all, not a generic neighbour.
_UNION_MEMBER_COVERAGE = 0.25
# Words either side of a number or date that must align for its conflict to count.
_WINDOW_BEFORE = 3
_WINDOW_AFTER = 1
# Stems of verbs whose subject is what a length of time measures ("the talks took weeks").
_SPENDING_TIME = frozenset({"took", "take", "last", "occupi", "requir", "span", "consum"})
_SUBJECT_WINDOW = 8
_LOCAL_ALIGNMENT = 0.75
# A share said in words is aligned by this many words after it, of which this share must be
# in the known claim (see Judge._share_aligned).
_SHARE_WINDOW_AFTER = 6
_SHARE_ALIGNMENT = 0.5
_CLAUSE_BREAK = re.compile(r"\s*[,;:()\u2013\u2014]")


@dataclass(frozen=True, slots=True)
class Conflict:
    """Why a known claim and a new claim disagree, in one line: "20 years → 25 years"."""

    known: KnownClaim
    reason: str
    coverage: float


@dataclass(frozen=True, slots=True)
class _Mismatch:
    reason: str
    #: Does this other known claim state the new claim's side of the mismatch?
    supported_by: Callable[[_Scored], bool]


@dataclass(frozen=True, slots=True)
class _Scored:
    known: KnownClaim
    coverage: float  # share of the claim's weighted words found in the known claim
    reverse: float  # share of the known claim's weighted words found in the claim

    @property
    def score(self) -> float:
        return round(100.0 * (0.75 * self.coverage + 0.25 * self.reverse), 1)


def _date_text(ref: DateRef) -> str:
    if ref.day and ref.month:
        text = f"{ref.day} {_MONTH_NAMES[ref.month - 1]}"
        return f"{text} {ref.year}" if ref.year else text
    if ref.month:
        return (
            f"{_MONTH_NAMES[ref.month - 1]} {ref.year}" if ref.year else _MONTH_NAMES[ref.month - 1]
        )
    if ref.weekday is not None:
        return _WEEKDAY_NAMES[ref.weekday]
    if ref.year_to is not None:
        return ref.text.replace("-", " ")  # "the late 1990s" says it better than 1996-1999
    return str(ref.year) if ref.year else ref.text


def _quantity_text(q: Quantity) -> str:
    if durations.is_loose(q) or offsets.is_offset(q) or q.unit == SHARE_UNIT:
        return q.text
    value = int(q.value) if q.value.is_integer() else q.value
    if q.unit == "m3" and q.value >= 1e9:
        billions = q.value / 1e9
        return f"{int(billions) if billions.is_integer() else billions} bcm"
    unit = {
        "year": "years",
        "vote": "votes",
        "article": "articles",
        "vote_against": "votes against",
    }.get(q.unit, q.unit)
    bound = f"{_BOUND_WORDS[q.bound]} " if q.bound else ""
    return f"{bound}{value} {unit}".strip()


# The share of a figure that "nearly" or "just over" it may fall short of it or exceed it by.
_NEAR_BOUND = 0.2
_BOUND_WORDS = {
    ">": "more than",
    ">=": "at least",
    "<": "fewer than",
    "<=": "at most",
    "~<": "nearly",
    "~>": "just over",
}


def _allowed(q: Quantity) -> tuple[float, float, bool, bool]:
    """The values a figure allows: (low, high, low is allowed, high is allowed)."""
    value, slack = q.value, 0.01 * max(abs(q.value), 1)
    return {
        ">": (value, math.inf, False, False),
        ">=": (value - slack, math.inf, True, False),
        "<": (-math.inf, value, False, False),
        "<=": (-math.inf, value + slack, False, True),
        "~<": (value * (1 - _NEAR_BOUND), value, True, False),
        "~>": (value, value * (1 + _NEAR_BOUND), False, True),
    }.get(q.bound, (value - slack, value + slack, True, True))


def _bounds_meet(a: Quantity, b: Quantity) -> bool:
    """Can one value satisfy both figures, of which one at least is a bound ("more than 40
    articles" and "47 articles" can; "more than 50 articles" and "47 articles" cannot)?"""
    (a_low, a_high, a_in, a_top), (b_low, b_high, b_in, b_top) = _allowed(a), _allowed(b)
    low, low_in = max((a_low, a_in), (b_low, b_in), key=lambda x: (x[0], not x[1]))
    high, high_in = min((a_high, a_top), (b_high, b_top), key=lambda x: (x[0], x[1]))
    return low < high or (low == high and low_in and high_in)


def _same_value(a: Quantity, b: Quantity) -> bool:
    if offsets.is_offset(a) or offsets.is_offset(b):
        return offsets.agree(a, b)
    if durations.is_loose(a) or durations.is_loose(b):
        return durations.spans_agree(a, b)
    if a.bound or b.bound:
        return _bounds_meet(a, b)
    return abs(a.value - b.value) <= 0.01 * max(abs(a.value), 1)


def _comparable(a: Quantity, b: Quantity) -> bool:
    """The same kind of figure: one unit, or two lengths of time of which one is loose
    ("a few weeks" against "years of"), or two offsets from the same event."""
    if offsets.is_offset(a) or offsets.is_offset(b):
        return offsets.is_offset(a) and offsets.is_offset(b) and offsets.same_event(a, b)
    if a.unit == b.unit:
        return True
    return (
        (durations.is_loose(a) or durations.is_loose(b))
        and durations.time_span(a) is not None
        and durations.time_span(b) is not None
    )


def _around_unit(claim: Claim, unit: str) -> tuple[list[str], str | None]:
    """The words just before a length of time's unit in the claim and the word after it,
    which name what was measured: "negotiated in weeks" gives "negoti" before it, "years of
    negotiations" gives "negoti" after it."""
    tokens = claim.normalized.split()
    if unit not in tokens:
        return [], None
    at = tokens.index(unit)
    after = tokens[at + 1] if at + 1 < len(tokens) else None
    before = tokens[max(0, at - _WINDOW_BEFORE) : at]
    # After a verb of taking time, what was measured is its subject: "the drafting of the
    # text took weeks", "the talks on the accord lasted months".
    if any(word in _SPENDING_TIME for word in before):
        before = tokens[max(0, at - _SUBJECT_WINDOW) : at]
    return before, after


def _measures_the_same(claim: Claim, known: Claim, theirs: Sequence[Quantity]) -> bool:
    """Do two lengths of time, one of them loose, measure the same thing? "years of
    negotiations" measures what "weeks of negotiations" or "negotiated within weeks" does."""
    mine: list[str | None] = []
    for q in claim.slots.quantities:
        if durations.is_loose(q):
            before, after = _around_unit(claim, q.unit)
            mine += [after, *before]
    their_words = {_around_unit(known, q.unit)[1] for q in theirs}
    # Two lead times measure the same planning ahead: "planned months ago" against "fixed a
    # couple of weeks beforehand".
    if _has_lead_time(claim) and their_words & _LEAD_MARKERS:
        return True
    return any(word is not None and word in their_words for word in mine)


def _has_lead_time(claim: Claim) -> bool:
    return any(
        durations.is_loose(q) and _around_unit(claim, q.unit)[1] in _LEAD_MARKERS
        for q in claim.slots.quantities
    )


# The words after a length of time that make it a lead time ("planned months ago").
_LEAD_MARKERS = frozenset({"ago", "beforehand", "advanc", "earlier"})


def _lead_times_of_the_same(claim: Claim, known: Claim) -> Slots:
    """The known claim's details, without a lead time ("planned months ago") that measures
    something else than the claim's lengths: "drafted in a matter of months" is not told by
    "planned months ago"."""
    kept = tuple(
        q
        for q in known.slots.quantities
        if not durations.is_loose(q)
        or _around_unit(known, q.unit)[1] not in _LEAD_MARKERS
        or _measures_the_same(claim, known, [q])
    )
    return replace(known.slots, quantities=kept)


_TEXT_NOUN = r"(?:treaty|document|text|accord|agreement|pact|deal)"
# A count of articles said of the text itself ("the 44-article document", "an accord of 44
# articles", "the text runs to 44 articles") is the length of the whole text, whatever else
# the sentence says; not "a treaty with 3 articles on defence".
# A bound on the count is a count of the whole text too ("the text, more than 50 articles
# long").
_ABOUT = (
    r"(?:(?:some|about|around|nearly|almost|exactly|precisely|roughly|approximately|more than"
    r"|fewer than|less than|at least|at most|no more than|no fewer than|just over|just under"
    r"|over|under|upwards of|close to)\s+)?"
)
_WHOLE_TEXT_COUNT = re.compile(
    rf"\b(\d+)[- ]articles? {_TEXT_NOUN}\b"
    rf"|\b{_TEXT_NOUN},?\s+(?:(?:which|that)\s+)?(?:of|in|with|runs to|running to|ran to|"
    r"comprising|comprises|consists of|consisting of|contains|containing|spans|spanning)"
    rf"\s+{_ABOUT}(\d+)\s+articles\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*|that|which))"
    # fronted: "Running to some 74 articles, the published text ..."
    rf"|\b(?:running to|comprising|consisting of|spanning)\s+{_ABOUT}(\d+)\s+articles,?"
    rf"\s+(?:the|its)\s+(?:\w+\s+)?{_TEXT_NOUN}\b"
    # A length: "the document stretches to 36 articles covering defence, energy ..." counts
    # the whole text, whatever its articles are then said to cover.
    rf"|\b{_TEXT_NOUN},?\s+(?:stretches to|stretching to|stretched to|extends to|extending to"
    rf"|totals|totalling|totaling|runs to|running to|ran to)\s+{_ABOUT}(\d+)\s+articles\b"
    # "44 articles make up the published text", "the text is made up of 44 articles": the
    # articles that compose the text are all of it.
    r"|\b(\d+)\s+articles\s+(?:(?:that|which)\s+)?(?:make up|made up|making up|form|formed"
    r"|forming|constitute|constituted|constituting|compose|composed|composing)\s+(?:the|its)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_TEXT_NOUN}\b"
    # The text's own articles, by its possessive: "the document's 74 articles cover energy",
    # "the pact's 45 articles"; not "the treaty's 3 articles on defence".
    rf"|\b(?:the|this)\s+(?:[\w-]+\s+){{0,2}}?{_TEXT_NOUN}(?:'s|’s)\s+{_ABOUT}(\d+)\s+articles\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|that|which))"
    rf"|\b{_TEXT_NOUN},?\s+(?:is|was)\s+(?:made up|composed)\s+of\s+{_ABOUT}(\d+)\s+articles\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*|that|which))"
    # "a close read of its 47 articles", "the pact's 47 articles": the articles the text has
    # are all of them; not "its 3 articles on defence".
    rf"|\b(?:its|{_TEXT_NOUN}['’]s)\s+{_ABOUT}(\d+)\s+articles\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*|that|which)\b)"
    # "the treaty text, 47 articles long"
    rf"|\b{_TEXT_NOUN},?\s+{_ABOUT}(\d+)\s+articles\s+long\b"
    # "the 47 articles published by the Kremlin", "the 47 articles the Kremlin put out": the
    # articles made public are the whole text.
    r"|\bthe\s+(\d+)\s+articles\s+(?:(?:that|which)\s+)?(?:(?:the\s+)?[\w'-]+\s+){0,3}?"
    r"(?:released|published|made public|posted|uploaded|unveiled|put out)\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*)\b)"
    # "across its 47 articles, the pact ...", "in its 47 articles the accord": all its articles
    # are the whole of it.
    rf"|\b(?:across|in|over|throughout|through)\s+its\s+{_ABOUT}(\d+)\s+articles\b"
    r"(?!\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*|that|which)\b)"
    # "of the 47 articles in the Russia-Iran treaty, ...", "the 47 articles of the pact": the
    # articles the text has, by the definite article, are all of them; not "the 3 articles in
    # the treaty that deal with defence".
    r"|\bthe\s+(\d+)\s+articles\s+(?:in|of)\s+(?:the|this|their)\s+(?:(?!(?:that|which)\b)[\w'’–-]+\s+){0,3}?"
    rf"{_TEXT_NOUN}\b(?!,?\s+(?:on|about|deal\w*|devoted|concern\w*|cover\w*|that|which)\b)"
)


def _article_counts(pattern: re.Pattern[str], claim: Claim) -> frozenset[float]:
    """The article counts ``pattern`` finds in ``claim`` (number words read as digits)."""
    from bot.text.numbers import words_to_digits  # noqa: PLC0415 - keep import graph flat

    text = words_to_digits(claim.text.lower())
    return frozenset(float(next(g for g in m.groups() if g)) for m in pattern.finditer(text))


@by_identity(64)
def _whole_text_counts(claim: Claim) -> frozenset[float]:
    """The article counts ``claim`` gives of the whole text (see ``_WHOLE_TEXT_COUNT``)."""
    return _article_counts(_WHOLE_TEXT_COUNT, claim)


# A count of the articles on one topic is not the length of the text: "the two articles of
# the accord on customs", "three articles dealing with energy", "two articles of the treaty
# deal with transport" (without "the": "the 47 articles of the pact cover trade" is all of
# them). Not "47 articles, covering areas from energy to security": the whole text's range.
_OF_THE_TEXT = rf"(?:\s+(?:in|of)\s+(?:the|this|their|its)\s+(?:[\w'’–-]+\s+){{0,3}}?{_TEXT_NOUN})"
_TOPICAL_ARTICLE_COUNT = re.compile(
    rf"\b(\d+)\s+articles{_OF_THE_TEXT}?\s+(?:on|about|concerning|dealing\s+with"
    r"|devoted\s+to|given\s+over\s+to)\b"
    rf"|(?<!\bthe\s)\b(\d+)\s+articles{_OF_THE_TEXT}\s+(?:deal|deals|dealt|cover|covers"
    r"|concern|concerns|address|addresses)\b"
)


@by_identity(64)
def _topical_article_counts(claim: Claim) -> frozenset[float]:
    """The counts ``claim`` gives of articles on one topic (see ``_TOPICAL_ARTICLE_COUNT``)."""
    return _article_counts(_TOPICAL_ARTICLE_COUNT, claim)


def _counts_whole_texts(claim: Claim, known: Claim, mine: Quantity) -> bool:
    """Do both claims count the articles of the whole text, the claim with ``mine``?"""
    return (
        mine.unit == "article"
        and mine.value in _whole_text_counts(claim)
        and bool(_whole_text_counts(known))
    )


# "The January 2024 signing of the Russia-Iran treaty", "the signing of the pact on 16
# January": a date put on the signing of the treaty itself, by its noun, dates that signing
# and no other event, however little else the sentence shares with a known date of it. The
# words between are the parties' and the treaty's names only ("the gas contract" is another).
_THE_TREATY = (
    r"(?:the|this|their|its)\s+(?:(?:new|landmark|bilateral|csp|russia|iran|russia-iran|"
    r"iran-russia|[\w]+-(?:iranian|russian))\s+){0,3}(?:treaty|pact|accord|agreement|deal|csp)\b"
)


@by_identity(64)
def _prepared(claim: Claim) -> str:
    return prepare(plain_lead(claim.text))


def _dates_the_treatys_signing(claim: Claim, ref: DateRef) -> bool:
    """Does the claim put ``ref`` on the signing of the treaty by name (see above)?"""
    if ref.event != "signing" or not ref.text:
        return False
    when = re.escape(ref.text.rstrip(".,"))
    return (
        re.search(rf"\b{when}\s+signing\s+of\s+{_THE_TREATY}", _prepared(claim)) is not None
        or re.search(
            rf"\bsigning\s+of\s+{_THE_TREATY}\s+(?:on|in)\s+(?:[\w,]+\s+)?{when}\b",
            _prepared(claim),
        )
        is not None
    )


def _agrees(known: Quantity, mine: Quantity) -> bool:
    """Does ``known`` state the figure ``mine`` states? A loose duration may conflict with an
    exact one but never states it: "years of talks" says nothing about "valid for 25 years"."""
    if durations.is_loose(known) != durations.is_loose(mine):
        return False
    return _comparable(known, mine) and _same_value(known, mine)


def _years(ref: DateRef) -> tuple[int, int] | None:
    """The first and last year a date allows ("the late 1990s" allows 1996 to 1999)."""
    if ref.year is None:
        return None
    return ref.year, ref.year if ref.year_to is None else ref.year_to


def _years_overlap(a: DateRef, b: DateRef) -> bool:
    left, right = _years(a), _years(b)
    return left is None or right is None or (left[0] <= right[1] and right[0] <= left[1])


def _years_within(inner: DateRef, outer: DateRef) -> bool:
    """Are all the years ``inner`` allows among those ``outer`` allows?"""
    small, large = _years(inner), _years(outer)
    return large is None or (small is not None and large[0] <= small[0] and small[1] <= large[1])


def dates_compatible(a: DateRef, b: DateRef) -> bool:
    """True unless the two dates disagree on a part both of them state."""
    for left, right in ((a.month, b.month), (a.day, b.day)):
        if left is not None and right is not None and left != right:
            return False
    if not _years_overlap(a, b) and (a.month or b.month):
        return False
    return not (a.weekday is not None and b.weekday is not None and a.weekday != b.weekday)


def date_states(known: DateRef, claim: DateRef) -> bool:
    """True when ``known`` says everything ``claim`` says about the date, and agrees."""
    if not dates_compatible(known, claim):
        return False
    weekday = known.weekday
    if weekday is None and known.year and known.month and known.day:
        weekday = date(known.year, known.month, known.day).weekday()
    return _years_within(known, claim) and all(
        mine is None or mine == theirs
        for mine, theirs in (
            (claim.month, known.month),
            (claim.day, known.day),
            (claim.weekday, weekday),
        )
    )


_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z][\w'-]*")


# Names that say nothing new: the parties, their officials (their slots are compared on
# their own), and the other treaties a comparison mentions.
_NOT_SALIENT = frozenset(
    # The parties ("the Parties", "the Sides" in translated copy) are the two countries.
    {*lexicon.ACTORS, "russia", "iran", "parti", "csp", "treati", "presid", "minist", "foreign"}
    | {normalize(p) for phrases in lexicon.OTHER_SUBJECTS.values() for p in phrases}
    | {
        w
        for phrases in lexicon.OTHER_SUBJECTS.values()
        for p in phrases
        for w in normalize(p).split()
    }
)


_ALTERNATIVES = {
    kind: {value: re.compile(pattern) for value, pattern in values.items()}
    for kind, values in lexicon.ALTERNATIVES.items()
}


@lru_cache(maxsize=4096)
def _alternatives_named(text: str) -> dict[str, dict[str, frozenset[str]]]:
    """The exclusive alternatives a text names, by kind: each value, with the stemmed words
    that name it."""
    lowered = text.lower()
    found: dict[str, dict[str, frozenset[str]]] = {}
    for kind, values in _ALTERNATIVES.items():
        for value, pattern in values.items():
            said = [m.group(0) for m in pattern.finditer(lowered)]
            if said:
                found.setdefault(kind, {})[value] = frozenset(
                    w for phrase in said for w in normalize(phrase).split()
                )
    return found


@by_identity(64)
def _masked_tokens(claim: Claim) -> frozenset[str]:
    """The token set of the claim's masked text (the claim is scored against each candidate)."""
    return frozenset(claim.masked.split())


@by_identity(64)
def salient_tokens(claim: Claim) -> frozenset[str]:
    """The claim's tokens that carry a detail: names (capitalised words inside the sentence)
    and treaty terms from the lexicon. Plain words that differ are paraphrase, not news."""
    masked = frozenset(claim.masked.split())
    names: set[str] = set()
    # Read without headline chrome: "12:41 – Reading the text: ..." names nobody called Reading.
    for word in _CAPITALISED.findall(plain_lead(claim.text)):
        names.update(_word_tokens(word))
    domain = {t for t in masked if t.startswith(lexicon.SALIENT_PREFIXES)}
    salient = ((names & masked) | domain) - _NOT_SALIENT
    # Who reports a fact is no detail of the fact: "Deputy Foreign Minister X told the
    # committee that ...", "Deputy FM to Kommersant: ...", "... - state TV". A word of the
    # attribution that the reported clause repeats stays.
    frame, reported = _attribution(plain_lead(claim.text))
    if frame:
        salient -= _words_of(frame) - _words_of(reported)
    # Nor is the writer's assessment of it: "..., a clause worth watching given sanctions".
    salient -= _commentary_tokens(claim)
    # Mutual defence is help against an attack: "come to each other's aid if one is attacked"
    # names no aggression beyond the commitment itself, and "commits either side to the
    # other's defence" no field of defence beside it.
    if any(stance == "mutual_defense" for stance, _ in claim.slots.stances):
        salient -= _MUTUAL_DEFENCE_WORDS
    return frozenset(salient)


@lru_cache(maxsize=64)
def _words_of(text: str) -> frozenset[str]:
    """The normalised tokens of a part of a claim (an attribution, the clause it reports): the
    judge splits the claim it is judging the same way for several checks, and normalising runs
    every phrase rule of the lexicon. Small: it serves one claim's checks, not a warm rerun."""
    return frozenset(normalize(text).split())


@lru_cache(maxsize=4096)
def _word_tokens(word: str) -> tuple[str, ...]:
    """One word's normalised tokens; names recur in claim after claim, and normalising runs
    every phrase rule of the lexicon."""
    return tuple(normalize(word).split())


@by_identity(64)
def _speaker_tokens(claim: Claim) -> frozenset[str]:
    """The claim's tokens that only attribute it (see ``_attribution``)."""
    # Who denies that the text leaves something out says that it covers it: the speaker of
    # "X denied that the pact omits defence" is only its source, as the speaker of "X said" is.
    text = plain_lead(claim.text)
    lowered = text.lower()
    said = denied_exclusions_said(lowered)
    frame, reported = _attribution(said if said != lowered else text, speaker_only=True)
    if not frame:
        return frozenset()
    return _words_of(frame) - _words_of(reported)


# An order word that dates ("last year", "first week of March") ranks nothing.
_ORDER_WORDS = ("first", "last")
_OF_TIME = re.compile(
    r"\s+(?:(?:half|quarter)\b|(?:year|week|month|day|night|decade|century|time|spring|summer"
    r"|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)"
)


@lru_cache(maxsize=256)
def _said_of_time(text: str) -> frozenset[str]:
    """The order words of ``text`` that only ever date something ("who took office last
    year"), which no opposite word contradicts."""
    lowered = text.lower()
    return frozenset(
        word
        for word in _ORDER_WORDS
        if (uses := [m.end() for m in re.finditer(rf"\b{word}\b", lowered)])
        and all(_OF_TIME.match(lowered, end) for end in uses)
    )


# A leading comparison with another partner's pact: "Set beside the treaty Russia struck with
# North Korea, ...", "Unlike Moscow's pact with Minsk, ...". What it names is the yardstick,
# not a detail of the claim about ours.
_LEADING_COMPARISON = re.compile(
    r"^\s*(?:set (?:beside|against|alongside)|compared (?:with|to)|in comparison (?:with|to)"
    r"|by comparison with|in contrast (?:with|to)|unlike|next to|measured against"
    r"|placed (?:beside|alongside))\b[^,;:]{1,120},"
)
_OTHER_PARTNER = re.compile(
    r"\b(?:"
    + "|".join(
        re.escape(p)
        for phrases in lexicon.OTHER_SUBJECTS.values()
        for p in sorted(phrases, key=len, reverse=True)
    )
    + r")\b"
)


@by_identity(64)
def _comparand_tokens(claim: Claim) -> frozenset[str]:
    """The tokens of a leading comparison with another partner's pact that the rest of the
    claim does not repeat: the yardstick, which a restatement of the claim need not name."""
    m = _LEADING_COMPARISON.match(claim.text.lower())
    if m is None or not _OTHER_PARTNER.search(m.group(0)):
        return frozenset()
    rest = claim.text[m.end() :]
    return _words_of(m.group(0)) - _words_of(rest)


_MUTUAL_DEFENCE_WORDS = frozenset({"aggress", "attack", "defens"})
# The salient words that name a contested framing, by its family.
# Stances that only fix a detail (which way the gas goes): sharing one is no restatement,
# as sharing a framing is ("no mutual defence clause").
_DETAIL_STANCES = frozenset({"gas_from_russia"})
_STANCE_WORDS = {
    "alliance": frozenset({"allianc"}),
    "mutual_defense": frozenset({"mutualdefens", "claus"}),
}
_REPORTING_VERB = (
    r"(?:told|tells|said|says|stated|states|insisted|insists|stressed|stresses|maintained|"
    r"maintains|noted|notes|added|adds|explained|explains|confirmed|confirms|declared|declares|"
    r"pointed out|points out|clarified|clarifies|"
    # telling an audience what holds: "assured members that", "reminded senators that"
    r"assured|assures|reassured|reassures|reminded|reminds|informed|informs|"
    # a complaint that something holds asserts it: "deputies complained that the text ..."
    r"complained|complains|lamented|laments|"
    # saying it again, or saying it strongly, is saying it: "reiterated that", "argued that"
    r"reiterated|reiterates|repeated|repeats|reaffirmed|reaffirms|reasserted|reasserts|"
    r"asserted|asserts|emphasi[sz]ed|emphasi[sz]es|underlined|underlines|argued|argues|"
    r"acknowledged|acknowledges|conceded|concedes|"
    # who denies a claim is its source too: "X denied that the pact is an alliance"
    r"denied|denies|rejected|rejects)"
)
_ATTRIBUTIONS = (
    # "X told the committee that ...", "X said on Monday that ...", and without "that" when
    # an additive adverb marks X as one more source of what the treaty is said to hold: "X has
    # likewise said the agreement ..." (a bare "X said the treaty ..." may make X's own words
    # the news)
    re.compile(
        rf"^(.{{0,90}}?(?:\b{_REPORTING_VERB}\b[^,;:\"“]{{0,40}}?\bthat\b|\b(?:likewise|also|"
        rf"similarly|equally)\s+{_REPORTING_VERB}(?=\s+(?:the|this|its)\s+(?:agreement|treaty|"
        r"pact|deal|accord|text|document)\b)))(.+)$"
    ),
    # a speaker introduced by an aside, then what they say: "X, who chairs the committee,
    # says nothing in the text ...", "X, the envoy, said the pact ..."
    re.compile(
        r"^([^,;:\"“]{1,60},\s+(?:who|whose|the|a|an)\b[^;:\"“]{0,100}?,\s+"
        rf"{_REPORTING_VERB})\s+(?!that\b)(.+)$"
    ),
    # a headline's speaker: "Deputy FM to Kommersant: ...", "Kremlin readout: ..."
    # (no figure: "Article 5: ..." names a provision)
    re.compile(r"^((?:[^\s:\d]+\s+){0,6}[^\s:\d]+:)\s+(.+)$"),
    # a trailing speaker after a comma: "..., the Iranian embassy in Moscow pointed out.",
    # "..., according to analysts who have read it."
    re.compile(
        rf"^(.+?),\s+((?:[^\s\d,;:]+\s+){{1,7}}?{_REPORTING_VERB}|{_REPORTING_VERB}"
        rf"\s+(?:[^\s\d,;:]+\s+){{0,6}}?[^\s\d,;:.]+"
        r"|according to\s+(?:[^\s\d,;:]+\s+){0,7}?[^\s\d,;:.]+)\s*[.!]?$"
    ),
    # a trailing source after a dash, unpunctuated: "... - state TV"
    re.compile(r"^(.+?)\s+[\u2013\u2014-]\s+((?:[^\s\d]+\s+){0,2}[^\s\d.]+)$"),
)
# The patterns whose attribution follows what it reports.
_TRAILING_ATTRIBUTIONS = frozenset({len(_ATTRIBUTIONS) - 2, len(_ATTRIBUTIONS) - 1})
# The patterns whose speaker is plainly only the source: it follows what it reports, or is set
# apart by an aside before what it says ("X, who chairs the committee, says ..."). A leading
# "X: ..." may be a headline's topic, and "X denied that ..." makes X's denial the claim.
_SPEAKER_ATTRIBUTIONS = _TRAILING_ATTRIBUTIONS | {1}


# A leading "X said that ..." only attributes what follows; "X denied that ..." makes X's
# denial the claim (see ``_SPEAKER_ATTRIBUTIONS``).
_DENYING_VERB = re.compile(r"\b(?:denied|denies|rejected|rejects)\b")


def _attribution(text: str, *, speaker_only: bool = False) -> tuple[str, str]:
    """(the words attributing the sentence, the words reported): empty when none. With
    ``speaker_only``, only the patterns of ``_SPEAKER_ATTRIBUTIONS`` count, and a leading
    "X said that" whose verb is no denial."""
    frames: list[str] = []
    rest = text
    for index, pattern in enumerate(_ATTRIBUTIONS):
        m = pattern.match(rest)
        if m is None:
            continue
        if speaker_only and index not in _SPEAKER_ATTRIBUTIONS and not (
            index == 0 and _DENYING_VERB.search(m.group(1)) is None
        ):
            continue
        if index in _TRAILING_ATTRIBUTIONS:
            frames.append(m.group(2))
            rest = m.group(1)
        else:
            frames.append(m.group(1))
            rest = m.group(2)
    return " ".join(frames), rest


_ASSESSMENT_CUE = re.compile(r"\b(?:" + "|".join(lexicon.ASSESSMENT_CUES) + r")\b")
_ASSESSMENT_FRAME = re.compile(r"^\s*(?:" + "|".join(lexicon.ASSESSMENT_FRAMES) + r")\s+")
# Where a segment of a sentence starts: after a comma, semicolon, colon, dash or bracket.
# (A dash between words, "Russia-DPRK", joins them.)
_SEGMENT_START = re.compile(r"[,;:(\u2014]|\s[-\u2013]\s")
_STRONG_START = re.compile(r"[;:(\u2014]|\s[-\u2013]\s")
# A comment clause on its own ("one suspects", "in all likelihood") qualifies the segment
# before it, back to the last strong break: "; broad language, and deliberately so, one suspects".
_LONE_CUE = re.compile(r"^[,;:(\s\u2013\u2014-]*(?:(?:and|but|or|though)\s+)?$")
# A comment clause with no conjunction before it: ", one observer noted, ..."
_BARE_CUE = re.compile(r"^[,;:\s\u2013\u2014-]*$")
# Sentence adverbs set off by commas (", historically,") do not end a segment.
_ADVERB_ASIDE = re.compile(r",\s*[a-z]+ly\s*,")


def _assessment(text: str) -> tuple[str, str]:
    """(the writer's assessment in ``text``, the rest): a leading frame of the writer ("Worth
    recalling that"), and a segment after the main clause that holds a cue of the writer's
    stance (see ``lexicon.ASSESSMENT_CUES``), up to the end of the sentence or its bracket."""
    lowered = _ADVERB_ASIDE.sub(lambda m: " " * len(m.group(0)), text.lower())
    comment: list[str] = []
    frame = _ASSESSMENT_FRAME.match(lowered)
    body_start = frame.end() if frame else 0
    if frame:
        comment.append(text[: frame.end()])
    cue = _ASSESSMENT_CUE.search(lowered, body_start)
    starts = [m.start() for m in _SEGMENT_START.finditer(lowered, body_start)]
    start = max((s for s in starts if cue is not None and s < cue.start()), default=None)
    if cue is None or start is None:
        return " ".join(comment), text[body_start:]
    cue_segment = start
    lone = bool(_LONE_CUE.match(lowered[start : cue.start()])) and lowered[start] != "("
    if lone:
        strong = [m.start() for m in _STRONG_START.finditer(lowered, body_start, start)]
        if strong:
            start = strong[-1]
    # It runs to the closing bracket, or to the next break: "Less remarked upon, though
    # arguably more consequential, is the provision ..." comments on the provision only.
    if lowered[start] == "(":
        close = lowered.find(")", cue.end())
        end = len(text) if close < 0 else close + 1
    elif lone and _BARE_CUE.match(lowered[cue_segment : cue.start()]):
        # A comment clause set into a segment ("long enough, one observer noted, to outlast
        # its signers") qualifies all of it, on to the next strong break; one joined by a
        # conjunction ("Less noticed, though admittedly minor, is ...") only itself.
        after = _STRONG_START.search(lowered, cue.end())
        end = len(text) if after is None else after.start()
    else:
        after = _SEGMENT_START.search(lowered, cue.end())
        end = len(text) if after is None else after.start()
    comment.append(text[start:end])
    return " ".join(comment), text[body_start:start] + " " + text[end:]


@by_identity(64)
def _commentary_tokens(claim: Claim) -> frozenset[str]:
    """The claim's tokens that only give the writer's assessment (see ``_assessment``)."""
    comment, rest = _assessment(plain_lead(claim.text))
    if not comment:
        return frozenset()
    return _words_of(comment) - _words_of(rest)


@by_identity(64)
def _framing_tokens(claim: Claim) -> frozenset[str]:
    """The claim's tokens that frame it rather than state it: its speaker, a yardstick partner
    and the writer's assessment. Read once per claim, not once per candidate scored."""
    return _speaker_tokens(claim) | _comparand_tokens(claim) | _commentary_tokens(claim)


def _slot_affinity(claim: Claim, known: KnownClaim) -> int:
    """How many kinds of detail the two claims both state (units, events, stances, roles):
    among equally similar candidates, the one that can confirm or contradict comes first."""
    return len(_claim_kinds(claim.slots) & _known_kinds(known.claim.slots))


def _slot_kinds(slots: Slots) -> frozenset[tuple[str, str]]:
    """The kinds of detail ``_slot_affinity`` counts, each tagged with what it is."""
    kinds = frozenset(
        {("unit", q.unit) for q in slots.quantities if q.unit != ""}
        | {("event", d.event) for d in slots.dates if d.event is not None}
        | {("stance", _stance_family(s)) for s, _ in slots.stances}
        | {("role", r) for r, _ in slots.roles}
    )
    # Few distinct sets (most are empty): one object each, for the many cached.
    return _KINDS.setdefault(kinds, kinds)


_KINDS: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]] = {}
# The claim being judged is compared with each of its candidates, and a known claim whenever
# it is a candidate: both remembered, known claims' (long-lived anyway) up to 65,536 at a
# time, so that the claims judged are not kept alive by the thousand.
_claim_kinds = by_identity(64)(_slot_kinds)
_known_kinds = by_identity(1 << 16)(_slot_kinds)


def _stance_family(stance: str) -> str:
    return "alliance" if stance in {"alliance", "military_alliance"} else stance


def _parts_in(token: str, target: frozenset[str]) -> bool:
    """A hyphenated word whose parts the target says ("security-service ties" against
    "security services"), or name the parties ("the Russia-Iran accord")."""
    parts = token.split("-")
    return len(parts) > 1 and all(
        part in _PARTY_TOKENS or stem(part) in target for part in parts
    )


@lru_cache(maxsize=4096)
def _compound_parts(target: frozenset[str]) -> frozenset[str]:
    """The stemmed parts of the target's hyphenated words."""
    return frozenset(stem(part) for token in target if "-" in token for part in token.split("-"))


def _a_part_of(token: str, target: frozenset[str]) -> bool:
    """A word the target says inside a hyphenated compound: "trade and economic relations"
    against "trade-economic relations" ("security" in "security-service ties")."""
    return token in _compound_parts(target)


def _scopes(slots: Slots) -> tuple[tuple[str, ...], ...]:
    """What each negation cue denies; a claim stored before scopes were kept has one."""
    if slots.negation_scopes or not slots.negated_terms:
        return slots.negation_scopes
    return (slots.negated_terms,)


def _with_implied(stances: Sequence[tuple[str, int]]) -> Sequence[tuple[str, int]]:
    """A military alliance is a pact of mutual defence: denying the clause denies the alliance
    ("no mutual defence clause" says "no military alliance"), and affirming the alliance
    affirms the clause."""
    implied = [
        (other, sign)
        for stance, sign in stances
        for other in ("military_alliance", "mutual_defense")
        if {stance, other} == {"military_alliance", "mutual_defense"}
        and sign == (-1 if stance == "mutual_defense" else 1)
        and not any(_stance_family(o) == _stance_family(other) for o, _ in stances)
    ]
    return [*stances, *implied] if implied else stances


_FRONTED_CONCESSION = re.compile(
    r"\s*(?:although|though|even though|while|whereas|even if)\b[^,;:]*,", re.IGNORECASE
)


def _plainly_affirmed(claim: Claim) -> frozenset[str]:
    """The claim's words before the first it denies, and after a contrast that turns back
    to affirming ("does not mention arms, though it does emphasise military-technical
    cooperation"). A negation may reach beyond the words kept as its scope ("does not oblige
    the two states to come to each other's military assistance if one is attacked"): what
    follows it is not plainly affirmed."""
    tokens = claim.masked.split()
    scopes = _scopes(claim.slots)
    if not claim.slots.negation_cues:
        return frozenset(tokens)
    first = min((tokens.index(scope[0]) for scope in scopes if scope[0] in tokens), default=0)
    turn = max((i for i, t in enumerate(tokens) if t in _CONTRAST_TURNS and i > first), default=0)
    affirmed = frozenset(tokens[:first]) | (frozenset(tokens[turn + 1 :]) if turn else frozenset())
    # A concession put first ("Although the text stops short of a defence pledge, one article
    # regulates arms supplies") keeps its denial in its own clause: the main clause after it
    # affirms.
    conceded = _FRONTED_CONCESSION.match(claim.text)
    if conceded is not None and all(
        cue.lower() in conceded.group(0).lower() for cue in claim.slots.negation_cues
    ):
        last = max(
            (tokens.index(scope[-1]) for scope in scopes if scope[-1] in tokens), default=-1
        )
        if last >= 0:
            affirmed |= frozenset(tokens[last + 1 :])
    return affirmed


def _persons(slots: Slots) -> set[str]:
    """The people a claim names (office holders, not institutions)."""
    return {x for x in slots.actors if x not in lexicon.INSTITUTIONS}


# A person's silence on a subject ("Putin made no mention of military cooperation") is what
# that person said, not what the text says: the subject of the silence is a person when no
# noun naming the text comes before it.
_SILENCE = re.compile(
    r"\b(?:(?:made|makes|make) no (?:mention|reference)|said nothing|says nothing|"
    r"(?:did|does) not (?:mention|refer to)|(?:didn't|doesn't) (?:mention|refer to)|"
    r"steered clear|steers clear|(?:was|is|remains|kept|stayed) silent)\b"
)
_TEXT_NOUNS = re.compile(
    r"\b(?:treaty|agreement|accord|pact|deal|text|document|charter|partnership|article|"
    r"clause|provisions?)\b"
)


def _who_is_silent(claim: Claim) -> str | None:
    """Whose silence the claim's negation reports: the text's ("text": "the pact does not
    mention arms transfers", a text noun before the cue), a person's ("person": "Peskov said
    nothing about drills"), or None when it reports none."""
    lowered = claim.text.lower()
    silence = _SILENCE.search(lowered)
    if silence is None:
        return None
    return "text" if _TEXT_NOUNS.search(lowered[: silence.start()]) else "person"


def _silent_speakers(claim: Claim) -> set[str]:
    """The persons whose silence a claim's negation is: what they left unsaid, which only
    another account of their own words can contradict. Empty when the negation is the
    text's or anyone else's."""
    return _persons(claim.slots) if _who_is_silent(claim) == "person" else set()


def _text_silence(claim: Claim) -> bool:
    """Is the claim's negation the text's silence ("the pact does not mention arms
    transfers")? What a text leaves unsaid is contradicted only by an account of what it
    says, not by a report of the deed ("Russia shipped weapons to Iran last year")."""
    return _who_is_silent(claim) == "text"


def _same_person(claim: Slots, known: Slots) -> bool:
    """Both claims name one person, the same one."""
    theirs = _persons(known)
    return len(theirs) == 1 and _persons(claim) == theirs


def _signatories(slots: Slots) -> frozenset[str]:
    """Who the claim says signed (the treaty, or a law when it dates a law's signing)."""
    return frozenset(x for r, x in slots.roles if r == "signatory")


def _law_signers(slots: Slots) -> frozenset[str]:
    """Who signed a law, when the claim dates a law's signing and names its signatories."""
    if not any(d.event == "law_signing" for d in slots.dates):
        return frozenset()
    return _signatories(slots)


def _takes_stances(known: Slots, stances: Sequence[tuple[str, int]]) -> bool:
    """Does ``known`` take each of ``stances``, with the same sign and at least as strongly?"""
    return bool(stances) and all(
        any(
            _stance_family(o) == _stance_family(stance)
            and g == sign
            and _stance_level(o, g) >= _stance_level(stance, sign)
            for o, g in _with_implied(known.stances)
        )
        for stance, sign in stances
    )


def _stance_level(stance: str, sign: int) -> int:
    """How strong a stance is, so "a military alliance" supports "an alliance" but not the
    other way round; and "no alliance at all" supports "no military alliance"."""
    if stance == "military_alliance":
        return 2 if sign > 0 else 1
    if stance == "alliance":
        return 1 if sign > 0 else 2
    return 1


def _states_year(mine: DateRef) -> Callable[[_Scored], bool]:
    return lambda scored: any(
        _year_only(d) and _years_within(d, mine) for d in scored.known.claim.slots.dates
    )


def _in_year(ref: DateRef, year: int | None) -> DateRef:
    """A day and month an undated report gives ("Jan. 20"), placed in the year of the story
    (the signing year), so that its weekday can state "on Monday"."""
    if ref.year is not None or ref.month is None or ref.day is None or year is None:
        return ref
    return replace(ref, year=year)


def _year_only(ref: DateRef) -> bool:
    return ref.year is not None and ref.month is None and ref.weekday is None


# A date that something slips to, is pushed back or put off to, or is delayed or postponed
# until: the verb says the schedule moved, so the date is a new schedule.
_DELAY_VERB = (
    r"(?:delay(?:s|ed|ing)?|postpon(?:e|es|ed|ing)|defer(?:s|red|ring)?"
    r"|(?:push(?:es|ed|ing)?|put(?:s|ting)?) (?:back|off))"
)
_DELAY_BEFORE_DATE = re.compile(
    rf"\b(?:slip(?:s|ped|ping)?|{_DELAY_VERB}) (?:in)?to(?: (?:early|mid|late|the end of))?"
    rf"|\b{_DELAY_VERB} until(?: (?:early|mid|late|the end of))?"
)


def _reports_a_delay(text: str, date: DateRef) -> bool:
    lowered = text.lower()
    at = lowered.find(date.text)
    while at >= 0:
        before = lowered[max(0, at - 40) : at].rstrip()
        if any(m.end() == len(before) for m in _DELAY_BEFORE_DATE.finditer(before)):
            return True
        at = lowered.find(date.text, at + 1)
    return False


def _same_event(a: DateRef, b: DateRef, coverage: float) -> bool:
    if a.event is not None and a.event == b.event:
        return True
    return coverage >= 0.9 and a.event is None and b.event is None


def _term_until(end: DateRef, start: int | None) -> Quantity | None:
    """The term a date that ends it gives, counted from the signing year: a treaty signed in
    2025 that "expires in 2035" is valid for 10 years."""
    if start is None or end.event != TERM_END_EVENT or end.year is None or end.year <= start:
        return None
    years = end.year - start
    return Quantity(float(years), "year", f"{years} year")


def _term_in_period(end: DateRef, start: int | None, terms: list[Quantity]) -> bool:
    """An end given as a period ("until the 2040s") allows any term that ends within it: a
    treaty of 2025 valid "until the middle of the 2040s" may well run for 20 years."""
    if start is None or end.year is None or end.year_to is None:
        return False
    low = (end.year - start) * durations.DAYS_PER_UNIT["year"]
    high = (end.year_to + 1 - start) * durations.DAYS_PER_UNIT["year"]
    for q in terms:
        span = durations.time_span(q)
        if span is not None and span[0] <= high and span[1] >= low:
            return True
    return False


def _states_role(role: str, actor: str) -> Callable[[_Scored], bool]:
    return lambda scored: (role, actor) in scored.known.claim.slots.roles


def _adjacent(a: KnownClaim, b: KnownClaim) -> bool:
    """Were the two claims next to each other in one of the articles they came from?"""
    return any(
        x.doc_id == y.doc_id and abs(x.sentence_index - y.sentence_index) == 1
        for x in a.sources
        for y in b.sources
    )


def _ends_its_clause(text: str, phrase: str) -> bool:
    """Does a comma, colon, semicolon, dash or bracket follow ``phrase`` in ``text``?"""
    lowered = text.lower()
    at = lowered.find(phrase)
    return at >= 0 and _CLAUSE_BREAK.match(lowered, at + len(phrase)) is not None


def _institutions(slots: Slots) -> set[str]:
    return {a for a in slots.actors if a in lexicon.INSTITUTIONS and a != "kremlin"}


_STATEMENT_EVENT = "statement"


def _unreported_dates(slots: Slots, known: KnownClaim) -> Slots:
    """The claim's slots without the dates of statements the known claim's report carried:
    "diplomats had said in June that ..." recalls what a June report said, so "in June" is
    no detail the report lacks. Only a date as precise as the report's (a month, or a day)
    and falling on it counts."""
    seen = known.first_seen
    if seen is None:
        return slots
    kept = tuple(
        d
        for d in slots.dates
        if not (
            d.event == _STATEMENT_EVENT
            and d.year_to is None
            and d.month == seen.month
            and (d.year is None or d.year == seen.year)
            and (d.day is None or d.day == seen.day)
            and d.weekday is None
        )
    )
    return slots if len(kept) == len(slots.dates) else replace(slots, dates=kept)


def _remark_dates_dropped(claim: Claim, slots: Slots, known: Slots) -> Slots:
    """The claim's slots without the time of its speaker's remark, when the known claim dates
    no remark of the same speaker: "Baghaei told reporters on Tuesday that the pact has no
    mutual defence clause" is a new speaker for a known fact, and the day he spoke ("on
    Tuesday", "four days after the signing, X told ...") is no detail of the treaty the
    knowledge lacks (a remark dated otherwise is the conflicts')."""
    if any(d.event == _STATEMENT_EVENT for d in known.dates) and not _different_speakers(
        slots, known
    ):
        return slots
    dates = tuple(d for d in slots.dates if d.event != _STATEMENT_EVENT)
    frame, _ = _attribution(_prepared(claim))
    framed = {q.text for q in offsets.find_offsets(frame.lower(), [])} if frame else set()
    quantities = tuple(q for q in slots.quantities if q.text not in framed)
    if len(dates) == len(slots.dates) and len(quantities) == len(slots.quantities):
        return slots
    return replace(slots, dates=dates, quantities=quantities)


# Roles that are acts or places, not offices: one person may sign and publish in any office.
_ACTS = frozenset({"signatory", "signing_place", "publisher"})


def _different_speakers(a: Slots, b: Slots) -> bool:
    """Both claims name people and none in common: their remarks are different events."""
    left, right = (
        {x for x in slots.actors if x not in lexicon.INSTITUTIONS} for slots in (a, b)
    )
    return bool(left and right and left.isdisjoint(right))


_DENIAL_WORD = re.compile(r"\b(?:not|never|rather than|instead of)\b|n't")


def _asserted(claim: Claim) -> Slots:
    """The claim's slots without the dates it rules out ("not signed in 2001"): a denied
    date is no detail the knowledge must state."""
    slots = claim.slots
    if not slots.dates or not _DENIAL_WORD.search(claim.text.lower()):
        return slots
    kept = tuple(d for d in slots.dates if not denies_the_date(claim.text, d))
    return slots if len(kept) == len(slots.dates) else replace(slots, dates=kept)


def _distinct_events(a: Slots, b: Slots) -> bool:
    """Different bodies acting (the Duma vs the Federation Council) are different events."""
    left, right = _institutions(a), _institutions(b)
    return bool(left and right and left.isdisjoint(right))


class Judge:
    """Judges claims against a ``Knowledge`` with the configured thresholds."""

    def __init__(self, knowledge: Knowledge, config: MatchingConfig | None = None) -> None:
        self.knowledge = knowledge
        self.config = config or MatchingConfig()
        # Spelling slips between the last ranked claim and its candidates (a pure cache).
        self._near: NearTokens | None = None
        # Tallies over the knowledge, extended by the claims added since they were last read
        # (knowledge only grows): the baseline's dated signings, and every stance held.
        self._signings_read = 0
        self._signing_years: Counter[int] = Counter()
        self._signing_days: Counter[tuple[int, int]] = Counter()
        self._stances_read = 0
        self._stances_held: frozenset[tuple[str, int]] = frozenset()

    def _baseline_signing(self) -> tuple[int | None, tuple[int, int] | None]:
        """The year and the (month, day) the baseline dates the treaty's signing on (most of
        its dated signings)."""
        if self._signings_read != len(self.knowledge):
            for known in self.knowledge.since(self._signings_read):
                if not known.baseline or known.claim.slots.other_subjects:
                    continue
                for d in known.claim.slots.dates:
                    if d.event != "signing" or d.month is None:
                        continue
                    if d.year is not None:
                        self._signing_years[d.year] += 1
                    if d.day is not None:
                        self._signing_days[(d.month, d.day)] += 1
            self._signings_read = len(self.knowledge)
        years, days = self._signing_years, self._signing_days
        return (
            years.most_common(1)[0][0] if years else None,
            days.most_common(1)[0][0] if days else None,
        )

    def _signing_year(self) -> int | None:
        """The year the baseline dates the treaty's signing in."""
        return self._baseline_signing()[0]

    # -- similarity -------------------------------------------------------------------------

    def _coverage(self, tokens: Iterable[str], target: frozenset[str]) -> float:
        """IDF-weighted share of ``tokens`` found in ``target`` (spelling slips forgiven)."""
        if isinstance(tokens, frozenset) and tokens <= target:
            # Every token found: covered would be the same sum as total (most candidates of a
            # large knowledge hold the claim's tokens, or are held by them).
            return 1.0
        total = covered = 0.0
        idf = self.knowledge.idf_table()
        quiet = self._near.quiet_for(target) if self._near is not None else frozenset()
        for token in tokens:
            weight = idf[token]
            total += weight
            if token in target or (
                len(token) >= 5 and target and token not in quiet and self._near_in(token, target)
            ):
                covered += weight
        return covered / total if total else 1.0

    def _near_in(self, token: str, target: frozenset[str]) -> bool:
        """Does ``target`` hold a spelling slip of ``token``?"""
        known = self._near.match(token, target) if self._near is not None else None
        if known is not None:
            return known
        return (
            process.extractOne(token, target, scorer=fuzz.ratio, score_cutoff=_FUZZY_TOKEN)
            is not None
        )

    def _score(self, claim: Claim, known: KnownClaim) -> _Scored:
        mine = _masked_tokens(claim)
        theirs = self.knowledge.tokens_of(known)
        # Who reports the claim is no part of it: the speaker's words count only where the
        # known claim has them too ("..., analysts who reviewed it said").
        framing = _framing_tokens(claim)
        speaker = framing - theirs if framing else framing
        mine_here = mine - speaker if speaker else mine
        return _Scored(known, self._coverage(mine_here, theirs), self._coverage(theirs, mine))

    def _ranked(self, claim: Claim, exclude_doc: str | None = None) -> list[_Scored]:
        found = self.knowledge.candidates(claim, limit=max(self.config.candidates * 4, 20))
        rows = frozenset(claim.masked.split()) | frozenset(claim.slots.negated_terms)
        tokens_of = self.knowledge.tokens_of
        self._near = NearTokens(
            _FUZZY_TOKEN,
            rows,
            rows.union(
                *(tokens_of(known) for known, _ in found),
                *(known.claim.slots.negated_terms for known, _ in found),
            ),
        )
        scored = [
            self._score(claim, known)
            for known, _ in found
            if exclude_doc is None or known.claim.doc_id != exclude_doc
        ]
        scored.sort(
            key=lambda s: (round(s.coverage, 1), _slot_affinity(claim, s.known), s.reverse),
            reverse=True,
        )
        return scored[: self.config.candidates]

    # -- subject ----------------------------------------------------------------------------

    @staticmethod
    def _same_subject(a: Slots, b: Slots) -> bool:
        return set(a.other_subjects) == set(b.other_subjects)

    # -- conflicts --------------------------------------------------------------------------
    #
    # Each check returns a ``_Mismatch``: the one-line reason, and a test that tells whether
    # another known claim states the claim's side of it. A claim that sides with one known
    # version of a disputed detail (a later report repeating "8 April" after another said
    # "9 April") restates that version: KNOWN, not a second alert.

    def _stance_conflict(self, claim: Slots, known: Slots) -> _Mismatch | None:
        for stance, sign in claim.stances:
            family = _stance_family(stance)
            for other, other_sign in known.stances:
                if _stance_family(other) == family and other_sign != sign:
                    said = {1: "affirmed", -1: "denied"}
                    reason = f"{family.replace('_', ' ')}: {said[other_sign]} → {said[sign]}"

                    def supports(s: _Scored, stance: str = stance, sign: int = sign) -> bool:
                        return _takes_stances(s.known.claim.slots, [(stance, sign)])

                    return _Mismatch(reason, supports)
        return None

    def _role_conflict(self, claim: Slots, known: Slots, coverage: float) -> _Mismatch | None:
        """Another holder of the same role; who signed the treaty, and where, needs no more
        context than the signing itself (both claims say the treaty was signed)."""
        mine_signers, their_signers = _signatories(claim), _signatories(known)
        if mine_signers and len(their_signers) >= 2 and not mine_signers <= their_signers:
            reason = (
                f"signed by: {', '.join(sorted(their_signers))} → {', '.join(sorted(mine_signers))}"
            )
            return _Mismatch(reason, lambda s: mine_signers <= _signatories(s.known.claim.slots))
        law_signers = _law_signers(claim), _law_signers(known)
        if all(law_signers) and not law_signers[0] & law_signers[1]:
            # One side's ratification law has one signer: "signed by Mishustin" against
            # "Putin signed the law". The other side's signer of its own law is no conflict.
            sides = [{lexicon.ACTOR_SIDE.get(x) for x in signers} for signers in law_signers]
            if len(sides[0]) == 1 and sides[0] == sides[1] and None not in sides[0]:
                reason = (
                    f"law signed by: {', '.join(sorted(law_signers[1]))}"
                    f" → {', '.join(sorted(law_signers[0]))}"
                )
                mine = law_signers[0]
                return _Mismatch(reason, lambda s: bool(mine & _law_signers(s.known.claim.slots)))
        theirs = {r: x for r, x in known.roles if r != "signatory"}
        # One person in two offices: "Iran's foreign minister, Kazem Jalali" against "Iranian
        # Ambassador Kazem Jalali". An office is a fact about its holder, whatever else the
        # two claims say.
        offices = {x: r for r, x in known.roles if r not in _ACTS}
        for role, actor in claim.roles:
            if role not in _ACTS and actor in offices and offices[actor] != role:
                reason = f"{actor}: {offices[actor].replace('_', ' ')} → {role.replace('_', ' ')}"
                return _Mismatch(reason, _states_role(role, actor))
        # Who made the treaty's text public is one act, as where it was signed is.
        text_made_public = all(("text_published", 1) in s.stances for s in (claim, known))
        for role, actor in claim.roles:
            defined = role == "signing_place" or (role == "publisher" and text_made_public)
            if not defined and coverage < _ROLE_COVERAGE:
                continue
            if role in theirs and theirs[role] != actor:
                reason = f"{role.replace('_', ' ')}: {theirs[role]} → {actor}"
                return _Mismatch(reason, _states_role(role, actor))
            # A title without its country ("foreign minister X") is either side's office: X
            # holds neither if the known claim gives that office to someone else.
            for sided in lexicon.SIDELESS_ROLE_TITLES.get(role.replace("_", " "), {}).values():
                if sided in theirs and theirs[sided] != actor:
                    reason = f"{sided.replace('_', ' ')}: {theirs[sided]} → {actor}"
                    return _Mismatch(reason, _states_role(role, actor))
        return None

    def _local_alignment(
        self, claim: Claim, anchor: str, known: KnownClaim, phrase: str = ""
    ) -> float:
        """Coverage of the words just before ``anchor`` (a number or date word), and the one
        after, by the known claim: "will remain in force for 25 years, according to a think
        tank" aligns its 25 with "will remain effective for 20 years" though the rest differs.
        The word after counts only within the clause of ``phrase`` (the whole number or date):
        in "signed in mid-December 2024, now awaits ratification" "now" is another clause's."""
        tokens = claim.normalized.split()
        anchor = anchor.replace(",", "").lower()
        if anchor not in tokens:
            # A word the normaliser changes ("January", "mid-December") is found as it
            # stands in the normalised text ("januari", "decemb").
            found = [t for t in normalize(anchor).split() if t in tokens]
            if not found:
                return 0.0
            anchor = found[0]
        at = tokens.index(anchor)
        vocabulary = frozenset(claim.masked.split())
        before = [t for t in tokens[:at] if t in vocabulary][-_WINDOW_BEFORE:]
        after = [t for t in tokens[at + 1 :] if t in vocabulary][:_WINDOW_AFTER]
        if phrase and _ends_its_clause(claim.text, phrase):
            after = []
        window = before + after
        if len(window) < 2:
            return 0.0
        return self._coverage(window, self.knowledge.tokens_of(known))

    def _aligned(
        self,
        claim: Claim,
        scored: _Scored,
        anchor: str,
        *,
        defining: bool = False,
        phrase: str = "",
    ) -> bool:
        """Are the two claims about the same quantity or event? ``defining`` details (a count
        of articles, a volume of gas, a date of the signing) need less context to align."""
        topic = self.config.topic_threshold / 100.0
        coverage_needed, local_needed = (
            (_DEFINING_COVERAGE, 0.6) if defining else (topic, _LOCAL_ALIGNMENT)
        )
        if (
            defining
            and scored.coverage >= _BARE_DEFINING_COVERAGE
            and (
                not self._salient_uncovered(claim, self.knowledge.tokens_of(scored.known))
                or _same_person(claim.slots, scored.known.claim.slots)
            )
        ):
            # A short claim that names nothing the known claim lacks ("the two presidents
            # signed on 15 January", "the text has 44 articles") is about the same signing
            # or the same text, however little else it shares. So is a figure put in the
            # mouth of the one person the known claim has stating it ("Jalali's promise of a
            # 30-year term"), whatever comment the claim adds.
            return True
        return (
            scored.coverage >= coverage_needed
            or self._local_alignment(claim, anchor, scored.known, phrase) >= local_needed
        )

    def _share_aligned(self, claim: Claim, scored: _Scored, anchor: str) -> bool:
        """Is a share said in words ("only a modest portion is settled in roubles") a share of
        what the known claim's share is of? What is measured follows the share word, so the
        words of its clause on both sides of it are compared, more of them than for a figure."""
        tokens = claim.normalized.split()
        found = [t for t in normalize(anchor).split() if t in tokens]
        if not found:
            return False
        at = tokens.index(found[0])
        vocabulary = frozenset(claim.masked.split())
        window = [t for t in tokens[:at] if t in vocabulary][-_WINDOW_BEFORE:] + [
            t for t in tokens[at + 1 :] if t in vocabulary
        ][:_SHARE_WINDOW_AFTER]
        return (
            len(window) >= 3
            and self._coverage(window, self.knowledge.tokens_of(scored.known)) >= _SHARE_ALIGNMENT
        )

    def _quantity_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        known = scored.known.claim.slots
        if _distinct_events(claim.slots, known):
            return None
        for mine in claim.slots.quantities:
            if mine.unit in _UNCOMPARABLE_UNITS:
                continue
            if mine.unit == "article" and mine.value in _topical_article_counts(claim):
                continue  # "the two articles on customs" do not count the whole text
            same_unit = [q for q in known.quantities if _comparable(q, mine)]
            if not same_unit or any(_same_value(q, mine) for q in same_unit):
                continue
            loose = durations.is_loose(mine)
            anchor = durations.loose_anchor(mine) if loose else mine.text.split()[0]
            # A length of time said to be the treaty's term ("valid for", "in force for",
            # "no expiry date") is the term in both claims.
            term = (
                durations.time_span(mine) is not None
                and _TERM_WORD in _masked_tokens(claim)
                and _TERM_WORD in self.knowledge.tokens_of(scored.known)
            )
            defining = mine.unit in _DEFINING_UNITS or term
            # An offset from the same event is aligned by that event already, and two loose
            # lengths of the same thing by that thing ("months of talks", "years of talks").
            if (
                offsets.is_offset(mine)
                or (loose and _measures_the_same(claim, scored.known.claim, same_unit))
                or _counts_whole_texts(claim, scored.known.claim, mine)
                # The treaty has one term: its length needs no more context than the term
                # itself ("the new treaty has no expiry date at all" against "20 years").
                or term
                or (mine.unit == SHARE_UNIT and self._share_aligned(claim, scored, anchor))
                or self._aligned(claim, scored, anchor, defining=defining, phrase=mine.text)
            ):

                def supports(
                    s: _Scored,
                    mine: Quantity = mine,
                    anchor: str = anchor,
                    defining: bool = defining,
                ) -> bool:
                    theirs = _lead_times_of_the_same(claim, s.known.claim).quantities
                    return (
                        any(_agrees(q, mine) for q in theirs)
                        and not _distinct_events(claim.slots, s.known.claim.slots)
                        and (
                            offsets.is_offset(mine)
                            or _counts_whole_texts(claim, s.known.claim, mine)
                            or (mine.unit == SHARE_UNIT and self._share_aligned(claim, s, anchor))
                            or self._aligned(
                                claim, s, anchor, defining=defining, phrase=mine.text
                            )
                        )
                    )

                return _Mismatch(
                    f"{_quantity_text(same_unit[0])} → {_quantity_text(mine)}", supports
                )
        return None

    def _date_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        known = scored.known.claim.slots
        if _distinct_events(claim.slots, known):
            return None
        for mine in claim.slots.dates:
            if mine.event == _STATEMENT_EVENT and _different_speakers(claim.slots, known):
                continue  # Araghchi's remark on Wednesday does not date Pezeshkian's on Monday
            if mine.event == BACKGROUND_EVENT:
                # A date on a person's past ("who took office in 2024", "during his first
                # term between 2017 and 2021") is background: it conflicts with nothing.
                continue
            same_event = [d for d in known.dates if _same_event(d, mine, scored.coverage)]
            if denies_the_date(claim.text, mine):
                # "not signed in 2001" rules a date out: another date agrees with it, and
                # only ruling out the known date itself conflicts.
                if any(date_states(d, mine) for d in same_event):

                    def denies(_s: _Scored) -> bool:
                        return False  # nothing known rules its own date out

                    return _Mismatch(f"{_date_text(mine)} denied", denies)
                continue
            years = [d for d in same_event if _year_only(d)]
            if years and _reports_a_delay(claim.text, mine):
                # "deliveries will slip into 2027" reports that the planned date was missed: a
                # new schedule, news about the plan rather than a denial of it (guide, rule 7:
                # a plan is not its outcome).
                continue
            if (
                mine.event == _STATEMENT_EVENT
                and years
                and scored.coverage < _STATEMENT_YEAR_COVERAGE
            ):
                # A year in what someone said names no event of its own: "the railway will not
                # be built before 2027" and "deliveries should begin in 2026" share only the
                # speaking, so their years date different things (guide, rule 9: a year that
                # belongs to another event is not a contradiction).
                continue
            if _year_only(mine) and years and not any(_years_overlap(d, mine) for d in years):
                # "replaces an agreement dating from 1995" against "replaces a 2001 agreement":
                # two bare years (or spans of years: "the late 1990s") of one event.
                return _Mismatch(
                    f"{_date_text(years[0])} → {_date_text(mine)}", _states_year(mine)
                )
            if (
                not same_event
                and _year_only(mine)
                and mine.event != TERM_END_EVENT
                and scored.coverage >= _YEAR_COVERAGE
            ):
                # "replaces the agreement of 1995" vs "replaces a 2001 agreement": bare years
                # of claims that say nearly the same thing name the same thing.
                same_event = [d for d in known.dates if _year_only(d)]
                if same_event and not any(_years_overlap(d, mine) for d in same_event):
                    return _Mismatch(
                        f"{_date_text(same_event[0])} → {_date_text(mine)}",
                        _states_year(mine),
                    )
                continue
            if not same_event or any(dates_compatible(mine, d) for d in same_event):
                continue
            anchor = mine.text.split()[0].strip(".,")
            defining = mine.event is not None
            # The treaty was signed once: a date in a clause that itself says it was signed
            # ("signed in the Kremlin on 17 January 2024, ..."), or put on "the signing of the
            # treaty" by name, dates that signing, whatever the rest says, as where it was
            # signed does.
            signed_then = mine.event == "signing" and (
                names_the_signing(claim.text, mine) or _dates_the_treatys_signing(claim, mine)
            )
            if signed_then or self._aligned(
                claim, scored, anchor, defining=defining, phrase=mine.text
            ):

                def supports(
                    s: _Scored,
                    mine: DateRef = mine,
                    anchor: str = anchor,
                    defining: bool = defining,
                    signed_then: bool = signed_then,
                ) -> bool:
                    return (
                        any(
                            _same_event(d, mine, s.coverage) and date_states(d, mine)
                            for d in s.known.claim.slots.dates
                        )
                        and not _distinct_events(claim.slots, s.known.claim.slots)
                        and (
                            signed_then
                            or self._aligned(
                                claim, s, anchor, defining=defining, phrase=mine.text
                            )
                        )
                    )

                return _Mismatch(f"{_date_text(same_event[0])} → {_date_text(mine)}", supports)
        return None

    def _term_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        """A term given by its end ("expires in 2035") against a known term ("valid for 20
        years"): the end year less the signing year is the term. Both are the treaty's term,
        so no more context is needed."""
        ends = [d for d in claim.slots.dates if d.event == TERM_END_EVENT]
        if not ends or _TERM_WORD not in self.knowledge.tokens_of(scored.known):
            return None
        terms = [q for q in scored.known.claim.slots.quantities if durations.time_span(q)]
        start = self._signing_year()
        for end in ends:
            mine = _term_until(end, start)
            if mine is None or not terms or any(durations.spans_agree(q, mine) for q in terms):
                continue
            if _term_in_period(end, start, terms):
                continue

            def supports(s: _Scored, mine: Quantity = mine, year: int | None = end.year) -> bool:
                theirs = s.known.claim.slots
                return (
                    _TERM_WORD in self.knowledge.tokens_of(s.known)
                    and any(durations.spans_agree(q, mine) for q in theirs.quantities)
                ) or any(d.event == TERM_END_EVENT and d.year == year for d in theirs.dates)

            return _Mismatch(
                f"{_quantity_text(terms[0])} → until {end.year}"
                f" ({_quantity_text(mine)} from {start})",
                supports,
            )
        return None

    def _term_statements(self, claim: Claim, ranked: Sequence[_Scored]) -> list[_Scored]:
        """The known claims that give the treaty's term, for a claim that dates the term's end
        ("expires in 2035") or gives its length, and those that date the agreement it
        replaces, for a claim that dates that ("retires an accord barely ten years old"): the
        treaty has one term and
        replaces one agreement, so they are compared however little else of the two claims'
        wording is shared (a business report's framing around the year leaves the known one
        out of the best-matching candidates)."""
        events = {d.event for d in claim.slots.dates}
        wanted: list[tuple[str, Callable[[Slots], bool]]] = []
        # A claim giving the term as a length ("concluded for an indefinite period") is set
        # against the known term however much framing (who said so, when and where it was
        # signed) surrounds it.
        if TERM_END_EVENT in events or (
            _TERM_WORD in _masked_tokens(claim)
            and any(durations.time_span(q) for q in claim.slots.quantities)
        ):
            wanted.append(
                (_TERM_WORD, lambda k: any(durations.time_span(q) for q in k.quantities))
            )
        if _PREDECESSOR_EVENT in events:
            wanted.append(
                (_REPLACING_WORD, lambda k: any(d.event == _PREDECESSOR_EVENT for d in k.dates))
            )
        seen = {id(s.known) for s in ranked}
        found: list[_Scored] = []
        for token, states in wanted:
            for known in self.knowledge.containing(token, _TERM_STATEMENTS):
                if (
                    id(known) not in seen
                    and self._same_subject(claim.slots, known.claim.slots)
                    and states(known.claim.slots)
                ):
                    seen.add(id(known))
                    found.append(self._score(claim, known))
        return found

    def _polarity_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        """One claim denies what the other affirms: the negated words of one are present, and
        not negated, in the other ("does not cover security" vs "did cover security")."""
        a, b = claim.slots, scored.known.claim.slots
        if scored.coverage < _WHOLE_SCOPE_COVERAGE and not (
            # A treaty term and more, affirmed by one and denied by the other ("ship weapons
            # to each other" against "no transfer of arms between the two parties"), is the
            # same provision however much commentary surrounds it.
            scored.coverage >= _TERM_SCOPE_COVERAGE
            and (
                self._affirms_a_whole_scope(a, scored.known.claim, treaty_term=True)
                or self._affirms_a_whole_scope(b, claim, treaty_term=True)
            )
        ):
            return None
        if "noncommittal" in a.hedge_cues or "noncommittal" in b.hedge_cues:
            return None
        mine, theirs = _masked_tokens(claim), self.knowledge.tokens_of(scored.known)
        a_neg, b_neg = frozenset(a.negated_terms), frozenset(b.negated_terms)
        if scored.coverage < _POLARITY_COVERAGE and not (
            # Less in common will do when one claim plainly affirms (before any negation of
            # its own) most of what one of the other's negations denies ("free to help a
            # country that attacks" against "no aid to the aggressor"; "supplying weapons to
            # each other" against "no transfer of arms between the two parties").
            self._affirms_a_whole_scope(a, scored.known.claim)
            or self._affirms_a_whole_scope(b, claim)
        ):
            return None
        denied_here = any(
            self._coverage(scope, theirs - b_neg) >= _SCOPE_MATCH
            and self._coverage(scope, b_neg) < 0.5
            for scope in _scopes(a)
        )
        denied_there = any(
            self._coverage(scope, mine - a_neg) >= _SCOPE_MATCH
            and self._coverage(scope, a_neg) < 0.5
            for scope in _scopes(b)
        )
        if not (denied_here or denied_there):
            return None
        # A person's silence is contradicted only by another report of that person's words:
        # "Putin made no mention of military cooperation" against "the pact could lead to
        # more military cooperation, Iran's president said" is no conflict.
        silent = _silent_speakers(scored.known.claim if denied_there else claim)
        if silent and silent.isdisjoint(_persons(a if denied_there else b)):
            return None
        silent_text = scored.known.claim if denied_there else claim
        if _text_silence(silent_text) and not _TEXT_NOUNS.search(
            (claim if denied_there else scored.known.claim).text.lower()
        ):
            return None
        cue = (a.negation_cues if denied_here else b.negation_cues) or ("not",)
        reason = (
            f"polarity: {'affirmed → denied' if denied_here else 'denied → affirmed'} (“{cue[0]}”)"
        )
        return _Mismatch(
            reason,
            lambda s: (
                s.coverage >= _POLARITY_COVERAGE
                and self._negations_agree(
                    a, s.known.claim.slots, claim_tokens=_masked_tokens(claim)
                )
                and (not denied_there or self._affirms_what_is_denied(s, b, mine))
            ),
        )

    def _alternative_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        """One of a kind of exclusive alternatives named in place of another: "Russian oil
        through Iran" against "Russian gas through Iran", "mostly in dollars" against "in the
        national currencies", the Black Sea for the Caspian. Only where each claim names one
        the other lacks, neither is negated ("not in dollars but in roubles" names both), and
        the rest of the claim is the known claim's."""
        a, b = claim.slots, scored.known.claim.slots
        if "noncommittal" in a.hedge_cues or a.negated or b.negated:
            return None
        mine_named = _alternatives_named(claim.text)
        theirs_named = _alternatives_named(scored.known.claim.text)
        mine = _masked_tokens(claim)
        theirs = self.knowledge.tokens_of(scored.known)
        for kind, named_here in mine_named.items():
            named_there = theirs_named.get(kind, {})
            here, there = frozenset(named_here), frozenset(named_there)
            if not there or not here - there or not there - here:
                continue
            swapped = frozenset(
                w for v in here ^ there for w in named_here.get(v, named_there.get(v, ()))
            )
            rest = mine - swapped - _speaker_tokens(claim)
            details = salient_tokens(claim) - swapped
            if len(rest) < _ANTONYM_CONTEXT or not (
                self._coverage(rest, theirs) >= _ANTONYM_COVERAGE
                or (len(details) >= _ANTONYM_DETAILS and details <= theirs)
            ):
                continue
            said, unsaid = ", ".join(sorted(there - here)), ", ".join(sorted(here - there))

            def names_the_claims(
                s: _Scored, kind: str = kind, swapped_in: frozenset[str] = here - there
            ) -> bool:
                return bool(swapped_in & set(_alternatives_named(s.known.claim.text).get(kind, {})))

            return _Mismatch(f"{kind}: {said} → {unsaid}", names_the_claims)
        return None

    def _antonym_conflict(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        """A word of opposite sense on the same matter ("the first treaty Russia signed with a
        country at odds with the West" against "the last"; de Marneffe et al.'s antonym
        mismatch). Only where the rest of the claim is the known claim's, neither claim has a
        word of the other side, and neither is negated ("not the last" is no "first")."""
        a, b = claim.slots, scored.known.claim.slots
        if "noncommittal" in a.hedge_cues:
            return None
        mine = _masked_tokens(claim) - _said_of_time(claim.text)
        theirs = self.knowledge.tokens_of(scored.known) - _said_of_time(scored.known.claim.text)
        negated = frozenset(a.negated_terms) | frozenset(b.negated_terms)
        for left, right in lexicon.ANTONYMS:
            for one, other in ((left, right), (right, left)):
                here, there = mine & one, theirs & other
                if not here or not there or mine & other or theirs & one or negated & (one | other):
                    continue
                rest = mine - here - _speaker_tokens(claim)
                details = salient_tokens(claim) - here
                if len(rest) < _ANTONYM_CONTEXT or not (
                    self._coverage(rest, theirs) >= _ANTONYM_COVERAGE
                    or (len(details) >= _ANTONYM_DETAILS and details <= theirs)
                ):
                    continue
                said, unsaid = min(there), min(here)
                side = one

                def says_the_claims_side(s: _Scored, side: frozenset[str] = side) -> bool:
                    return bool(self.knowledge.tokens_of(s.known) & side)

                return _Mismatch(f"opposite words: {said} → {unsaid}", says_the_claims_side)
        return None

    def _affirms_what_is_denied(
        self, s: _Scored, denier: Slots, affirmed: frozenset[str]
    ) -> bool:
        """May the known claim ``s`` side with a claim (its words ``affirmed``) that affirms
        what ``denier`` denies? Not when it denies that too, nor when it lacks a treaty term
        of what is disputed: "the text provides for arms transfers" is backed by a report of
        arms transfers, not by any report of what the text provides for."""
        theirs = frozenset(s.known.claim.slots.negated_terms)
        if self._coverage(denier.negated_terms, theirs) >= 0.5 and any(
            self._coverage(scope, theirs) >= _SCOPE_MATCH for scope in _scopes(denier)
        ):
            return False
        tokens = self.knowledge.tokens_of(s.known) - theirs
        return not any(
            token in affirmed and token.startswith(lexicon.SALIENT_PREFIXES) and token not in tokens
            for scope in _scopes(denier)
            for token in scope
        )

    def _affirms_a_whole_scope(
        self, denier: Slots, affirmer: Claim, *, treaty_term: bool = False
    ) -> bool:
        """Does ``affirmer`` plainly affirm most of what one of ``denier``'s negations denies?
        With ``treaty_term``, only a scope of two words or more, one of them a treaty term."""
        plain = _plainly_affirmed(affirmer)
        # One word is a whole scope when it names a treaty domain ("defence left out of it"
        # against "deepens ties across spheres, including defence"); a plain word is not.
        return any(
            (
                len(scope) >= 2
                and any(
                    w.startswith(lexicon.SALIENT_PREFIXES) and w not in _STANCE_TERMS for w in scope
                )
                if treaty_term
                else len(scope) >= 2 or scope[0].startswith(lexicon.SALIENT_PREFIXES)
            )
            and self._coverage(scope, plain) >= _WHOLE_SCOPE
            for scope in _scopes(denier)
        )

    def _actor_swap(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        known = scored.known

        mine, theirs = _persons(claim.slots), _persons(known.claim.slots)
        # Who reports the claim ("..., Lavrov said") is its source, not one of its actors.
        extra, missing = mine - theirs - _speaker_tokens(claim), theirs - mine
        if not extra or not missing:
            return None
        sides = {lexicon.ACTOR_SIDE.get(x) for x in extra} & {
            lexicon.ACTOR_SIDE.get(x) for x in missing
        }
        if not sides - {None}:
            return None
        rest_mine = frozenset(t for t in claim.masked.split() if t not in extra)
        rest_theirs = frozenset(t for t in known.claim.masked.split() if t not in missing)
        if self._coverage(rest_mine, rest_theirs) < _ACTOR_SWAP_COVERAGE:
            return None
        reason = f"actor: {', '.join(sorted(missing))} → {', '.join(sorted(extra))}"
        return _Mismatch(
            reason,
            lambda s: (
                extra <= set(s.known.claim.slots.actors) and s.coverage >= _ACTOR_SWAP_COVERAGE
            ),
        )

    def mismatch(self, claim: Claim, scored: _Scored) -> _Mismatch | None:
        """The first conflicting detail between a claim and a same-subject known claim."""
        a, b = claim.slots, scored.known.claim.slots
        topic = self.config.topic_threshold / 100.0
        found = self._stance_conflict(a, b) or self._role_conflict(a, b, scored.coverage)
        found = (
            found or self._quantity_conflict(claim, scored) or self._date_conflict(claim, scored)
        )
        found = found or self._term_conflict(claim, scored)
        found = found or self._polarity_conflict(claim, scored)
        found = found or self._antonym_conflict(claim, scored)
        found = found or self._alternative_conflict(claim, scored)
        if found is None and scored.coverage >= topic:
            found = self._actor_swap(claim, scored)
        return found

    def conflict_with(self, claim: Claim, scored: _Scored) -> str | None:
        found = self.mismatch(claim, scored)
        return found.reason if found else None

    # -- restatement ------------------------------------------------------------------------

    def _details_covered(self, claim: Slots, knowns: Sequence[Slots]) -> bool:
        """True when every number and date of the claim is stated by one of the known claims
        (at least as precisely: "18 January" is not stated by "on Friday"); the end of the
        term by its length ("until 2045" by "for 20 years", signed in 2025)."""
        signed = self._signing_year()
        for mine in claim.quantities:
            if mine.unit == _RENEWALS_UNIT:
                # The years of renewals are the replaced agreement's life, from its year to
                # the signing: "close to 25 years of renewals" for a 2001 one replaced in 2025.
                if not any(
                    d.event == "predecessor"
                    and d.year is not None
                    and signed is not None
                    and abs(signed - d.year - mine.value) <= _RENEWALS_SLACK
                    for k in knowns
                    for d in k.dates
                ):
                    return False
                continue
            if mine.unit not in _MEASURE_UNITS:
                continue
            if not any(_agrees(q, mine) for k in knowns for q in k.quantities) and not (
                self._day_after_signing_stated(mine, knowns)
            ):
                return False
        for date_ in claim.dates:
            if date_.event == BACKGROUND_EVENT or any(
                date_states(_in_year(d, signed), date_) for k in knowns for d in k.dates
            ):
                continue  # a date on a person's past ("who took office in 2024") is no detail
            term = _term_until(date_, self._signing_year())
            if term is not None and any(_agrees(q, term) for k in knowns for q in k.quantities):
                continue
            # An end given as a period states no more than a known term ending in it: "into
            # the mid-2040s" is what "for 20 years", signed in 2025, says.
            if date_.event == TERM_END_EVENT and date_.year_to is not None and _term_in_period(
                date_, signed, [q for k in knowns for q in k.quantities]
            ):
                continue
            return False
        # Who signed a law is stated only by a claim on a law's signing, not the treaty's.
        signers = _law_signers(claim)
        return not signers or any(signers <= _law_signers(k) for k in knowns)

    def _signing_day(self) -> date | None:
        """The day the baseline dates the treaty's signing on."""
        year, day = self._baseline_signing()
        if day is None:
            return None
        return date(year or 2025, *day)

    def _day_after_signing_stated(self, offset: Quantity, knowns: Sequence[Slots]) -> bool:
        """A count of days or weeks from the signing names a day: "three days after the
        signing" is 20 January when the treaty was signed on 17 January. It is stated by a
        known claim that dates something on that day, or on its weekday ("on Monday"); "days
        after the signing" by one that dates something a few days after it."""
        m = _COUNTED_FROM_SIGNING.match(offset.text) if offsets.is_offset(offset) else None
        signed = self._signing_day() if m is not None else None
        if m is None or signed is None:
            return False
        per_unit = 7 if m.group(2) == "week" else 1
        if m.group(1) is None:  # a bare plural, "days after the signing": a few of them
            low, high = _FEW
        else:
            low = high = 1 if m.group(1) in ("a", "an", "one") else int(m.group(1))
        days = [signed + timedelta(days=n * per_unit) for n in range(low, high + 1)]
        return any(
            any(
                (d.month, d.day) == (day.month, day.day) and (d.year is None or d.year == day.year)
                for day in days
            )
            # or its weekday, when the count is exact (but not the signing's: whole weeks
            # after the signing fall on the signing's weekday)
            or (
                low == high
                and d.month is None
                and d.day is None
                and d.event != "signing"
                and d.weekday == days[0].weekday()
            )
            for k in knowns
            for d in k.dates
        )

    @staticmethod
    def _same_stances(claim: Slots, known: Slots) -> bool:
        return all(
            _takes_stances(known, [(stance, sign)])
            or not any(_stance_family(o) == _stance_family(stance) for o, _ in known.stances)
            for stance, sign in claim.stances
        ) and all(
            not any(
                _stance_family(o) == _stance_family(stance) and g != sign for o, g in known.stances
            )
            for stance, sign in claim.stances
        )

    def _negations_agree(
        self,
        claim: Slots,
        known: Slots,
        known_tokens: frozenset[str] = frozenset(),
        claim_tokens: frozenset[str] = frozenset(),
    ) -> bool:
        """What the claim denies, the known claim denies too: its negated words are negated
        there, or the known claim is negative and says them ("denied that the signing was
        timed to distract" agrees with "was not intended to divert attention"). A claim that
        denies nothing must not affirm what the known claim denies (``claim_tokens``)."""
        if not claim.negated_terms:
            if not claim.negated and known.negated_terms and claim_tokens:
                return not any(
                    self._coverage(scope, claim_tokens) >= _SCOPE_MATCH
                    for scope in _scopes(known)
                )
            return not claim.negated or known.negated
        if self._coverage(claim.negated_terms, frozenset(known.negated_terms)) >= 0.5:
            return True
        return known.negated and self._coverage(claim.negated_terms, known_tokens) >= 0.5

    def _held_stances(self) -> frozenset[tuple[str, int]]:
        """Every stance some known claim takes (with those it implies)."""
        if self._stances_read != len(self.knowledge):
            self._stances_held = self._stances_held.union(
                stance
                for known in self.knowledge.since(self._stances_read)
                for stance in _with_implied(known.claim.slots.stances)
            )
            self._stances_read = len(self.knowledge)
        return self._stances_held

    def _known_stance_words(self, claim: Claim) -> frozenset[str]:
        """The words of the claim's stances that some known claim takes as well: "a working
        partnership rather than a defence pact" says no more than a known denial of an
        alliance, though the known claim it restates otherwise never mentions one."""
        held = self._held_stances()
        words: set[str] = set()
        for stance, sign in claim.slots.stances:
            if any(
                _stance_family(o) == _stance_family(stance)
                and g == sign
                and _stance_level(o, g) >= _stance_level(stance, sign)
                for o, g in held
            ):
                words |= _STANCE_WORDS.get(_stance_family(stance), frozenset())
        return frozenset(words)

    def _salient_uncovered(
        self, claim: Claim, target: frozenset[str], *, restating: bool = False
    ) -> list[str]:
        """Salient words of the claim (names, treaty terms) the target does not have: each is a
        detail the known claim lacks, so the claim is not a mere restatement. ``restating``:
        the words of a stance known elsewhere are no such detail (they still tell whether two
        claims are about the same thing)."""
        missing = []
        known_stance = self._known_stance_words(claim) if restating else frozenset()
        for token in salient_tokens(claim) - known_stance:
            if token in target or _parts_in(token, target) or _a_part_of(token, target):
                continue
            if any(kind in target for kind in lexicon.SALIENT_KINDS.get(token, ())):
                continue
            if len(token) >= 5 and target and self._near_in(token, target):
                continue
            missing.append(token)
        return missing

    def _restates(self, claim: Claim, scored: _Scored) -> bool:
        a, b = claim.slots, scored.known.claim.slots
        coverage = scored.coverage * 100.0
        # A claim holding most of the known claim restates it, even padded with words of its
        # own ("commerce and finance sit at the centre of the new compact, struck by ...").
        contained = scored.reverse >= _CONTAINED_REVERSE and scored.coverage >= _CONTAINED_COVERAGE
        paraphrase = (
            coverage >= self.config.paraphrase_threshold or contained
        ) and not self._salient_uncovered(
            claim, self.knowledge.tokens_of(scored.known), restating=True
        )
        # A claim whose point is a stance the known claim takes too ("no mutual defence
        # clause") restates it however it is worded, unless it adds a salient detail.
        stance_restated = (
            _takes_stances(b, [x for x in a.stances if x[0] not in _DETAIL_STANCES])
            and scored.coverage >= _STANCE_COVERAGE
            and not self._salient_uncovered(
                claim, self.knowledge.tokens_of(scored.known), restating=True
            )
        )
        # A claim whose point is what it denies, and the known claim denies it too ("neither
        # side may lend a hand to whoever attacks the other" against "nor will they assist
        # third-party aggression"), restates it as a shared stance does, unless it adds a
        # salient detail.
        denial_restated = (
            scored.coverage >= _STANCE_COVERAGE
            and bool(_scopes(a))
            and all(
                len(scope) >= 2
                and self._coverage(scope, frozenset(b.negated_terms)) >= _SCOPE_MATCH
                for scope in _scopes(a)
            )
            and not self._salient_uncovered(claim, self.knowledge.tokens_of(scored.known))
        )
        # When the stance carries the negation ("does not oblige either side to defend the
        # other" against "does not include a mutual defence clause"), sharing it is agreeing.
        negations_agree = stance_restated or (
            self._negations_agree(
                a, b, self.knowledge.tokens_of(scored.known), _masked_tokens(claim)
            )
        )
        reported = _unreported_dates(_asserted(claim), scored.known)
        return (
            (
                coverage >= self.config.known_threshold
                or paraphrase
                or stance_restated
                or denial_restated
                or self._defining_figure_restated(claim, scored)
            )
            and negations_agree
            and self._same_stances(a, b)
            and self._details_covered(
                # A known stance said again by another on some day: the day is the remark's,
                # no detail of the treaty ("Baghaei told reporters on Tuesday there is no
                # defence pact"). Worked out only then: it reads the claim's attribution.
                _remark_dates_dropped(claim, reported, b) if stance_restated else reported,
                [_lead_times_of_the_same(claim, scored.known.claim)],
            )
        )

    def _defining_figure_restated(self, claim: Claim, scored: _Scored) -> bool:
        """The claim states a defining figure of the known claim ("the text runs to 47
        articles"), aligned as a conflict of that figure would be, and names nothing the
        known claim lacks ("translated into Persian" would be news): the figure is the point."""
        known = scored.known.claim.slots.quantities
        if self._salient_uncovered(claim, self.knowledge.tokens_of(scored.known)):
            return False
        return any(
            mine.unit in _DEFINING_UNITS
            and any(q.unit == mine.unit and _same_value(q, mine) for q in known)
            and self._aligned(
                claim, scored, mine.text.split()[0], defining=True, phrase=mine.text
            )
            for mine in claim.slots.quantities
        )

    def _restated_by_several(self, claim: Claim, scored: list[_Scored]) -> _Scored | None:
        """A claim that joins two known facts ("signed on 17 January, valid 20 years") is known."""
        measured = [q for q in claim.slots.quantities if q.unit in _MEASURE_UNITS]
        signed = self._signing_year()

        def states_a_detail(candidate: _Scored) -> bool:
            theirs = candidate.known.claim.slots
            return any(
                _agrees(q, mine) for mine in measured for q in theirs.quantities
            ) or any(
                # (a day without its year is in the signing's year, as in _details_covered)
                date_states(_in_year(d, signed), mine)
                for mine in claim.slots.dates
                for d in theirs.dates
            )

        # The few most similar, plus any candidate that states one of the claim's details.
        # A member shares at least two of the claim's words: one shared word ("gas") is no
        # relation, and two such scraps do not make up a claim.
        words = _masked_tokens(claim)
        similar = [
            s
            for s in scored[:_UNION_SIZE]
            if s.coverage >= _UNION_MEMBER_COVERAGE
            and len(words & self.knowledge.tokens_of(s.known)) >= 2
        ]
        # (a candidate that states a detail joins wherever it ranks: among the first few too,
        # though it shares too little to join as a similar one)
        group = similar + [s for s in scored if s not in similar and states_a_detail(s)]
        if group:
            # A report often condenses a quote and its attribution, which the source gave in
            # two sentences: the best member's neighbours in its own article join the union.
            group += [s for s in scored if s not in group and _adjacent(group[0].known, s.known)]
        # A member that denies what the claim affirms lends it no words: "the pact does not
        # mention arms transfers" and a report of the visit do not make "Russia has shipped
        # arms to Iran" known.
        if not claim.slots.negated and not claim.slots.negated_terms:
            group = [
                s
                for s in group
                if self._negations_agree(
                    claim.slots, s.known.claim.slots, self.knowledge.tokens_of(s.known), words
                )
            ]
        if len(group) < 2:
            return None
        union = frozenset().union(*(self.knowledge.tokens_of(s.known) for s in group))
        coverage = self._coverage(claim.masked.split(), union) * 100.0
        slots = [_lead_times_of_the_same(claim, s.known.claim) for s in group]
        # A member taking the claim's stance ("no mutual defence clause") makes the stance
        # known however the claim words it, as in _restates: the others need only state its
        # figures ("the accord, concluded for two decades, does not bind Moscow to defend Iran").
        stances = [x for x in claim.slots.stances if x[0] not in _DETAIL_STANCES]
        stance_taken = any(_takes_stances(s.known.claim.slots, stances) for s in group) and all(
            self._same_stances(claim.slots, s.known.claim.slots) for s in group
        )
        enough = coverage >= self.config.known_threshold or (
            (coverage >= self.config.paraphrase_threshold or stance_taken)
            and not self._salient_uncovered(claim, union, restating=True)
        )
        negations_agree = stance_taken or self._union_negations_agree(claim, group)
        if enough and negations_agree and self._details_covered(
            _asserted(claim), slots
        ):
            return group[0]
        return None

    def _union_negations_agree(self, claim: Claim, group: Sequence[_Scored]) -> bool:
        """A negative claim joined from several known claims: one of them denies what it
        denies, and the others do not affirm it. "Rejected suggestions Friday's signing was
        timed to divert attention" is joined from a denial of the timing and a report of the
        Friday signing, which affirms the signing but not its timing."""
        a = claim.slots
        if not a.negated:
            return True
        agreeing = [
            self._negations_agree(a, s.known.claim.slots, self.knowledge.tokens_of(s.known))
            for s in group
        ]
        return any(agreeing) and all(
            agrees
            or self._coverage(a.negated_terms, self.knowledge.tokens_of(s.known)) < _SCOPE_MATCH
            for s, agrees in zip(group, agreeing, strict=True)
        )

    # -- the verdict ------------------------------------------------------------------------

    def find_conflicts(self, claim: Claim, exclude_doc: str | None = None) -> list[Conflict]:
        """Every same-subject known claim that conflicts with ``claim``, best first."""
        claim = self._resolve_years_before(claim)
        conflicts = []
        for scored in self._ranked(claim, exclude_doc):
            if not self._same_subject(claim.slots, scored.known.claim.slots):
                continue
            reason = self.conflict_with(claim, scored)
            if reason is not None:
                conflicts.append(Conflict(scored.known, reason, scored.coverage))
        return conflicts

    def _resolve_years_before(self, claim: Claim) -> Claim:
        """A date given as years before the signing ("concluded a decade earlier") becomes the
        span of years it allows, counted back from the year the baseline signs the treaty in:
        a round figure allows a fifth of itself either way (at least one year)."""
        if not any(d.years_before is not None for d in claim.slots.dates):
            return claim
        signed = self._signing_year()
        if signed is None:
            return claim
        dates = []
        for d in claim.slots.dates:
            if d.years_before is None:
                dates.append(d)
                continue
            year, slack = signed - d.years_before, max(1, d.years_before // 5)
            dates.append(replace(d, year=year - slack, year_to=year + slack))
        return replace(claim, slots=replace(claim.slots, dates=tuple(dates)))

    def judge(self, claim: Claim) -> Judgement:
        """The verdict on one claim, with the best-matching known claim as evidence."""
        claim = self._resolve_years_before(claim)
        ranked = self._ranked(claim)
        best = ranked[0] if ranked else None
        if not claim.relevant:
            if not (claim.echo_only and best is not None and self._echoes(claim, best)):
                return Judgement(
                    claim,
                    Verdict.IRRELEVANT,
                    best.score if best else 0.0,
                    best.known if best else None,
                )
            judged = self._judge_relevant(replace(claim, relevant=True), ranked)
            # Naming nothing of the treaty, it is news only as a restatement or a conflict.
            if judged.verdict is Verdict.NEW:
                return replace(judged, claim=claim, verdict=Verdict.IRRELEVANT)
            return judged
        return self._judge_relevant(claim, ranked)

    def _office_conflict(self, claim: Claim) -> tuple[KnownClaim, str] | None:
        """An office given to another holder than every known claim gives it ("Iran's
        ambassador in Moscow, Abbas Araghchi", when Jalali is): who holds an office needs no
        context, whatever the claim is about. A name the lexicon lacks that is spelt nearly
        as a holder's is a spelling of it ("Djalali"), not a second holder."""
        for role, actor in claim.slots.roles:
            if role not in lexicon.OFFICE_ROLES:
                continue
            holders = self.knowledge.holders_of(role)
            spelt_alike = actor not in lexicon.ACTORS and any(
                fuzz.ratio(actor, name) >= _SPELLING_SIMILARITY for name in holders
            )
            if holders and actor not in holders and not spelt_alike:
                title = role.replace("_", " ")
                first = next(iter(holders.values()))
                return first, f"{title}: {', '.join(sorted(holders))} → {actor}"
        return None

    def _echoes(self, claim: Claim, best: _Scored) -> bool:
        """The claim's words are mostly those of a known claim: it is about that provision."""
        tokens = _masked_tokens(claim)
        return len(tokens) >= _ECHO_WORDS and best.coverage >= _ECHO_COVERAGE

    def _judge_relevant(self, claim: Claim, ranked: list[_Scored]) -> Judgement:
        best = ranked[0] if ranked else None
        same_subject = [s for s in ranked if self._same_subject(claim.slots, s.known.claim.slots)]
        same_subject += self._term_statements(claim, ranked)
        mismatches = [(scored, self.mismatch(claim, scored)) for scored in same_subject]
        # A conflict that no known claim supports is news, even when a looser restatement
        # exists: "the treaty creates a military alliance" must not pass as a paraphrase of
        # "fears of a military alliance".
        office = self._office_conflict(claim)
        if office is not None:
            holder, reason = office
            return Judgement(claim, Verdict.CONTRADICTING, self._score(claim, holder).score,
                             holder, reason)
        first_supporter: _Scored | None = None
        for scored, found in mismatches:
            if found is None:
                continue
            supporter = next(
                (s for s in same_subject if s is not scored and found.supported_by(s)), None
            )
            if supporter is None:
                return Judgement(
                    claim, Verdict.CONTRADICTING, scored.score, scored.known, found.reason
                )
            first_supporter = first_supporter or supporter
        for scored, found in mismatches:
            if found is None and self._restates(claim, scored):
                return Judgement(claim, Verdict.KNOWN, scored.score, scored.known)
        if first_supporter is not None and not any(
            token.startswith(lexicon.SALIENT_PREFIXES)
            for token in self._salient_uncovered(
                claim, self.knowledge.tokens_of(first_supporter.known)
            )
        ):
            # Every conflict sides with a version already known: a restatement of that one,
            # unless the claim names a treaty term that version lacks (what the published
            # text says on cyber security is news, whoever published it). A name or title
            # the version lacks is only who said it.
            return Judgement(claim, Verdict.KNOWN, first_supporter.score, first_supporter.known)
        # A known claim that conflicts with this one cannot be a part of its restatement.
        joined = self._restated_by_several(claim, [s for s, found in mismatches if found is None])
        if joined is not None:
            return Judgement(claim, Verdict.KNOWN, joined.score, joined.known)
        return Judgement(
            claim, Verdict.NEW, best.score if best else 0.0, best.known if best else None
        )
