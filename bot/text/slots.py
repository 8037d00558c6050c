"""Slot extraction: the details of a sentence that another sentence can contradict.

From one sentence (and the date of the article it came from) this finds numbers with what
they count, dates (absolute, weekday and relative ones resolved against the article's date),
polarity (negation cues, with look-alikes such as "not only" ignored), hedging, named actors,
role bindings ("Iranian President Masoud Pezeshkian") and other treaties the sentence is about.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from bot.model import DateRef, Quantity, Slots
from bot.text import lexicon
from bot.text.durations import loose_durations
from bot.text.normalize import DENIAL_CUE_ALTERNATION, is_masked, plain_idioms, prepare, stem
from bot.text.offsets import find_offsets

_MONTH = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(lexicon.WEEKDAYS)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# Russian and Iranian copy writes a date day first, with dots: "17.01.2025" is 17 January 2025.
_DOTTED_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w]|\.\d)")
# A date written with slashes is day first in most of the world ("18/01/2025") and month
# first in American copy ("01/18/2025"); it is read only when one of the two cannot be a month.
_SLASHED_DATE = re.compile(r"(?<![\w./])(\d{1,2})/(\d{1,2})/(\d{4})(?![\w/]|\.\d)")
_DAY_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b\.?(?:,?\s+(\d{{4}}))?"
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:billion|million|%|percent))(?:,?\s+(\d{{4}}))?"
)
# A bare month needs a preposition before it when the name is also a common word. "Mid-",
# "early" and "late" leave the month as precise as the text can be read ("mid-December 2024").
_MONTH_ONLY = re.compile(
    rf"\b(?:(in|since|by|until|from|of|before|last|early|late|mid|next|this)(?:\s+|-\s*))?({_MONTH})\b\.?"
    r"(?:\s+(\d{4}))?"
)
# A decade, or a part of one, is a span of years: "the 1990s", "the late-1990s", "mid-2000s".
_DECADE = re.compile(r"\b(?:(early|mid|late)(?:\s+|-\s*))?((?:19|20)\d0)'?s\b")
_DECADE_PARTS = {None: (0, 9), "early": (0, 3), "mid": (3, 7), "late": (6, 9)}
_AMBIGUOUS_MONTHS = frozenset(
    {"may", "march", "mar", "jun", "jan", "dec", "sep", "oct", "nov", "aug", "apr", "feb", "jul"}
)
_YEAR = re.compile(r"(?<![\w.,-])(19[5-9]\d|20[0-9]\d)(?![\w-])")
_WEEKDAY_RE = re.compile(rf"\b({_WEEKDAY})\b")
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tomorrow)\b")
# An anniversary counted back from the day of writing: "a year ago today", "two years ago
# today" name the same day and month, that many years before publication. (Number words
# from two up reach this as digits: ``words_to_digits`` has run.)
_YEARS_AGO_TODAY = re.compile(
    r"\b(a|an|one|\d{1,2})\s+years?\s+ago,?\s+(?:today|this day)\s*$"
)
_RELATIVE_PERIOD = re.compile(r"\b(last|next|this)\s+(year|month)\b")
_AGO = re.compile(
    r"\b\d+(?:\.\d+)?\s+(?:years?|months?|weeks?|days?)\s+(?:ago|earlier|later|after|before)\b"
)
# What is left of a term is not its length: "has nineteen years left to run", "with five
# years remaining", "two years still to go".
_REMAINING = re.compile(
    r"\b\d+(?:\.\d+)?\s+(?:years?|months?|weeks?|days?)\s+(?:still\s+)?"
    r"(?:left|remaining|to run|to go)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|is expected|are expected|is scheduled|are scheduled|is due|are due|next)\b"
)
# A weekday right after a verb in the past tense is a past day, even in a clause about what
# will come: "will put the treaty that he signed in the Kremlin on Friday before parliament".
# (A passive still to come, "will be signed on Friday", keeps its future.)
_DONE_BEFORE_WEEKDAY = re.compile(
    r"(?<!\bbe )(?<!\bbeen )\b(?:signed|inked|sealed|approved|adopted|ratified|met|held)"
    r"(?:\s+(?!(?:will|shall|next)\b)[\w'’-]+){0,4}?\s+on\s+$"
)
# A ceremony named by its weekday alone is one still to come: a report on Friday of "the
# inauguration on Monday" means the coming Monday (a past one is "last Monday" or a date).
_SCHEDULED_CEREMONY = re.compile(r"\b(?:inauguration|swearing-in|investiture)\s+on\s+$")
# ... and a date right after that ceremony's noun ("the inauguration on Monday, 20 January")
# is its date, not the date of whatever verb is nearest.
_CEREMONY_DATED = re.compile(
    r"\b(?:inauguration|swearing-in|investiture)\s+(?:on|of)\s+(?:(?:monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday),?\s+)?(?:the\s+)?$"
)
# ... as is a day that qualifies the ceremony's noun: "Trump's Monday swearing-in", "the
# 20 January inauguration", "Monday's inauguration".
_CEREMONY_NOUN_AFTER = re.compile(r"(?:'s|’s)?\s+(?:inauguration|swearing-in|investiture)\b")
INAUGURATION_EVENT = "inauguration"
# A span counted from another event, with that event's date: "almost three years after
# Russian troops crossed into Ukraine in February 2022" (not "a day after the signing on ...").
_OTHER_EVENT_OFFSET = re.compile(
    r"\b(?:years?|months?|weeks?|days?|decades?)\s+(?:after|since|before)\s+"
    r"(?![^,;.]*\b(?:sign\w*|inked|sealed|treaty|pact|accord|agreement|deal|ceremony)\b)"
    r"[^,;.]{0,70}?(?:\s(?:in|on|of))?\s*$"
)
_TREATY_AHEAD = re.compile(
    r"[^,;.]*\b(?:sign\w*|inked|sealed|treaty|pact|accord|agreement|deal|ceremony)\b"
)

_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(%|percent|per cent))?"
    r"(?:\s*-?\s*(billion|million|thousand|bn|mln)\b)?"
)
_VOTE_SCORE = re.compile(
    r"\b(\d+)\s*(?:-|to)\s*(\d+)\b(?=[^.]*\bvot)|\b(\d+)\s+votes?\s+(?:to|against)\s+(\d+)\b"
    r"|(?<=vot)(?:e|es|ed|ing)\s+(?:by\s+)?(\d+)\s*(?:-|to)\s*(\d+)\b"
)
# A vote with nobody against: "417 votes to none", "none against", "without a single vote
# against". The count against is zero.
_ZERO_AGAINST = re.compile(
    r"\bvotes? to none\b|\b(?:none|no votes?|nobody|no one) (?:voting )?(?:against|opposed)\b"
    r"|\b(?:without|not) a single (?:vote against|dissenting vote)\b"
    # "not a single deputy opposed", "no lawmaker voted against": nobody in the house said no.
    r"|\b(?:not a single|not one|no) (?:deputy|lawmaker|legislator|member|mp|senator)"
    r" (?:opposed|voted against)\b"
)
# Part of a house's members: "196 of the 232 lawmakers present", "12 of 290 deputies".
_PART_OF_HOUSE = re.compile(
    r"\b(\d+) of (?:the |its |all )?(\d+) (?:deputies|lawmakers|legislators|senators|mps|members)"
    r"(?: (?:present|attending|in attendance|in the chamber))?\b"
)
# What the part did, when it voted for the text: "voting in favour", "backed the bill".
_VOTE_FOR = re.compile(
    r"\bvot\w*|\bin favou?r\b|\b(?:backed|supported|approved|endorsed|ratified|passed)\b"
)
_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "mln": 1e6, "thousand": 1e3}
_UNIT_WORDS: dict[str, str] = {
    "year": "year",
    "years": "year",
    "yr": "year",
    "month": "month",
    "months": "month",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "article": "article",
    "articles": "article",
    "clause": "clause",
    "clauses": "clause",
    "bcm": "m3",
    "metres": "m3",
    "meters": "m3",
    "vote": "vote",
    "votes": "vote",
    "deputies": "vote",
    "lawmakers": "vote",
    "senators": "vote",
    "legislators": "vote",
    "mps": "vote",
    "members": "vote",
    # "198 in favour, 12 against": the votes against, as "198 votes to 12" gives them
    "against": "vote_against",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    # a length in miles is compared in kilometres (see ``_KM_PER_MILE``)
    "mile": "km",
    "miles": "km",
    "dollars": "usd",
    "usd": "usd",
    "euros": "eur",
    "roubles": "rub",
    "rubles": "rub",
    "percent": "percent",
    "%": "percent",
}
_UNIT_SKIP = frozenset(
    {"-", "more", "than", "about", "some", "of", "new", "additional", "separate", "cubic"}
)

_NEGATION_RE = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(c) for c in sorted(lexicon.NEGATION_CUES, key=len, reverse=True))
    + r"|\w+n't)(?![\w'])"
)
_NON_NEGATION_RE = re.compile(
    "|".join(re.escape(p) for p in lexicon.NON_NEGATIONS)
    # A negation inside a condition is hypothetical, not a denial: "in 2045, if nobody
    # renews it" says nothing against a renewal.
    + r"|\b(?:if|unless)\b[^,;:.?!]*"
    + "|"
    + lexicon.RESISTING
)
_NONCOMMITTAL_RE = re.compile("|".join(re.escape(p) for p in lexicon.NONCOMMITTAL))
_DENIAL = frozenset(lexicon.DENIAL_CUES)
_HEDGE_RE = re.compile(
    r"(?<![\w'])(?:"
    + "|".join(re.escape(c) for c in sorted(lexicon.HEDGE_CUES, key=len, reverse=True))
    + r")(?![\w'])"
)
_OTHER_SUBJECTS = {
    # "Moscow-Pyongyang pact" and "Pyongyang-Moscow treaty" name Pyongyang: a hyphen joining
    # names does not hide one (a suffix, "NATO-style", still does).
    subject: re.compile(
        r"(?<![\w])(?:"
        + "|".join(re.escape(p) for p in phrases)
        + r")(?!\w)(?!-(?!(?:russia|moscow|kremlin|iran|tehran)\b))"
    )
    for subject, phrases in lexicon.OTHER_SUBJECTS.items()
}
_COMPARISON_WORD = (
    r"(?:unlike|like|akin to|similar to|compared (?:with|to)|than|just as|as with"
    r"|of the (?:sort|kind|type)|the same as|such as)\b"
)
_COMPARISON_START = re.compile(_COMPARISON_WORD)
# Where a sentence that compares the treaty with another breaks into parts: at punctuation, a
# spaced dash, and before a word of comparison ("unlike Moscow's pact with Pyongyang", "much
# like the Pyongyang treaty", "more modest than the one with Minsk").
_COMPARISON_PARTS = re.compile(
    r"\s*(?:[,;:()]|\s[-\u2013\u2014]\s|[\u2013\u2014])\s*"
    rf"|\s+(?={_COMPARISON_WORD})",
    re.IGNORECASE,
)
# A part that names our treaty's side: it stays, whatever else it names.
_NAMES_IRAN = re.compile(r"\b(?:iran\w*|tehran\w*|teheran|pezeshkian|araghchi|jalali)\b")
# A part about another partner's treaty names a treaty: "Russia's ties with Iran, China and
# North Korea" lists partners and compares no treaty.
_A_TREATY = r"\b(?:treat(?:y|ies)|pacts?|agreements?|accords?|deals?|one|text)\b"
# ... and the partner is named near it: "Moscow's treaty with Pyongyang", "the Pyongyang pact",
# "a similar pact signed last summer between Russia and North Korea".
_NEAR = r"(?:\s+\S+){0,6}?\s+"
_PARTNERS = {
    subject: "(?:" + "|".join(re.escape(p) for p in phrases) + r")\b"
    for subject, phrases in lexicon.OTHER_SUBJECTS.items()
}
# Each partner alone (after a word of comparison), and its treaty. An alliance is a treaty
# by its name: "whereas the CSTO binds its members to collective defence" is about its own.
_ALLIANCES = frozenset({"csto", "nato"})
_PARTNER_NAMED = [
    (
        re.compile(partner),
        re.compile(
            partner
            if subject in _ALLIANCES
            else rf"{_A_TREATY}{_NEAR}{partner}|{partner}{_NEAR}{_A_TREATY}"
        ),
    )
    for subject, partner in _PARTNERS.items()
    if subject != "old_treaty"  # the treaty replaced is part of our treaty's story
]
# A relative clause says more of what the part before it names.
_RELATIVE_START = re.compile(
    r"\s*(?:which|that|who|whose|where|whereby|(?:under|in|by|through) which)\b"
)


def own_treaty_part(sentence: str) -> str:
    """``sentence`` without its parts about another partner's treaty, when it compares ours
    with one: "Where Moscow's treaty with Pyongyang promises military help, the Iran text asks
    only ..." is read as "the Iran text asks only ...". What the other treaty provides is no
    detail of ours, to restate or to contradict. The sentence as it is when no part is left
    out, or nothing would be left."""
    parts = [p for p in _COMPARISON_PARTS.split(sentence) if p and p.strip()]
    kept = []
    dropped = False
    for part in parts:
        lowered = _lower(part)
        if dropped and _RELATIVE_START.match(lowered):
            continue  # "..., which treats an attack on one as one on both": still the other's
        # The other partner's treaty, or the other partner in a part that opens on a word of
        # comparison ("of the sort Moscow sealed with Pyongyang").
        compares = bool(_COMPARISON_START.match(lowered))
        other = any(
            (alone if compares else treaty).search(lowered) for alone, treaty in _PARTNER_NAMED
        )
        dropped = other and not _NAMES_IRAN.search(lowered)
        if not dropped:
            kept.append(part)
    if len(kept) == len(parts) or not kept:
        return sentence
    return ", ".join(kept)


# A news outlet's name, longest first: a country in it ("China Central Television") is the
# outlet's, not a subject of the claim.
_OUTLET_NAME = re.compile(
    r"\b(?:"
    + "|".join(re.escape(o) for o in sorted(lexicon.NEWS_OUTLETS, key=len, reverse=True))
    + r")\b"
)
# A phrase naming what something is modelled on, up to the clause end: "echoing NATO's
# founding charter", "patterned on the pact with Pyongyang", "reminiscent of the Warsaw Pact".
_MODEL_PHRASE = re.compile(
    r"\b(?:echo(?:es|ed|ing)?|mirror(?:s|ed|ing)?|modell?ed on|patterned on|reminiscent of|"
    r"inspired by|borrow(?:s|ed|ing)? from)\b[^,;:.]*"
)


# Honorifics between a title and the name it binds say nothing of who holds it: "the Kremlin
# spokesman, His Excellency Mr Dmitry Peskov", "Foreign Minister H.E. Dr Sergei Lavrov".
_HONORIFICS = (
    r"(?:(?:(?i:his|her)\s+(?i:excellency)|H\.\s?E\.|Mr|Mrs|Ms|Dr|Prof|Sheikh|Hojatoleslam"
    r"|Ayatollah)\.?,?\s+)*"
)
_ROLES = [
    (re.compile(rf"\b(?i:{title}),?\s+{_HONORIFICS}((?:[A-Z][\w'’.-]*\s?){{1,3}})"), role)
    for title, role in lexicon.ROLE_TITLES
]
_ACTOR_IDS = frozenset(lexicon.ACTORS)
_SIDELESS_ROLES = [
    (
        re.compile(rf"\b(?i:{re.escape(title)}),?\s+{_HONORIFICS}((?:[A-Z][\w'’.-]*\s?){{1,3}})"),
        title,
    )
    for title in lexicon.SIDELESS_ROLE_TITLES
]
# A word before a bare title that makes it another office or another country's: "deputy foreign
# minister", "Chinese Foreign Minister", "Iran's foreign minister" (bound by its own title).
_TITLE_QUALIFIER = re.compile(
    r"(?:\b(?:deputy|vice|acting|former|late|then|ex-|previous|first)|\b[A-Z][\w'’.-]*)\s*$"
)
# "Zarif, writing as Iran's foreign minister": a participle may stand before the trailing title.
# "Peskov, speaking in his capacity as Kremlin spokesman": so may the capacity it is said in;
# after "as" the title's article may be left out ("speaking as Kremlin spokesman").
_SPEAKING_AS = (
    r"(?:(?:writing|speaking|serving|acting)\s+(?:in\s+(?:his|her|their)\s+capacity\s+)?"
    r"|in\s+(?:his|her|their)\s+capacity\s+)as\s+"
)
_TRAILING_ROLES = [
    (
        re.compile(
            rf"((?:[A-Z][\w'’.-]*\s?){{1,3}}),\s+(?:(?i:{_SPEAKING_AS}(?:the\s+)?"
            rf"{title.removeprefix('the ')})|(?i:{title}))\b"
        ),
        role,
    )
    for title, role in lexicon.TRAILING_ROLE_TITLES
]
_PUBLISHED_BY = re.compile(
    # (what it was made public in may come first: "released in full by")
    r"\b(?:published|released|unveiled|disclosed|posted|uploaded)"
    r" (?:in full |in its entirety |officially |online )?"
    # (to whom and when may come first too: "released to the public after the signing by")
    r"(?:to the public |publicly )?(?:(?:after|before|following|ahead of) the signing )?by"
    r" ([\w']+(?: [\w']+){0,3}?)(?=[,.;:]|$| after| on| in| at| when| following"
    # an adverb of time ends the publisher too: "by the foreign ministry shortly after"
    r"| (?:shortly|soon|immediately|right|just|hours|minutes|days|moments|within)\b)"
)
# "Iran's foreign ministry released the treaty's 47 articles": the subject of a verb of
# publishing whose object is the text is its publisher, as "published by" names one. The
# object's modifiers may be hyphenated ("the 47-article text", "its full-length text").
_PUBLISHING_VERB = r"(?:published|released|unveiled|disclosed|posted|uploaded|put out)"
_PUBLISHED_TEXT = re.compile(
    rf"\b{_PUBLISHING_VERB} (?:the |its )?"
    r"(?:[\w'-]+ ){0,2}?(?:text|articles|treaty|agreement|pact|document)\b"
    # "made the 47 articles public", "made public the full text": making it public is
    # publishing it
    r"|\bmade (?:the |its )?(?:[\w'-]+ ){0,2}?(?:text|articles|treaty|agreement|pact|document)"
    r" public\b|\bmade public (?:the |its )?(?:[\w'-]+ ){0,2}?"
    r"(?:text|articles|treaty|agreement|pact|document)\b"
)
# "The text, which Iran's foreign ministry posted within hours": the subject of a relative
# clause on the text, whose verb is one of publishing, published it.
_TEXT_PUBLISHED_BY = re.compile(
    r"\b(?:text|articles|treaty|agreement|pact|document)\b,? (?:which|that) "
    rf"((?:[\w']+ ){{1,4}}?){_PUBLISHING_VERB}\b"
)
# "the published text", "its released articles": a participle after a determiner describes
# the text; it has no subject that published it.
_ATTRIBUTIVE_END = re.compile(r"\b(?:the|its|their|a|an|this|that)\s*$")
# "The full text was published in 47 articles": a passive verb's subject is what was
# published, not who published it, and what follows the verb is no object ("in 47 articles").
_PASSIVE_END = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+ly\s+)?$")
_SUBJECT_START = re.compile(r"[,;:(]|\b(?:and|but|once|after|when|while|that|which|who)\b")
_SUBJECT_WORDS = 4
# A cleft sentence puts the subject between "it was" and "that": "it was Tehran that ...".
_CLEFT_OPENING = re.compile(
    r"\bit\s+(?:was|is|had been|has been)\s+((?:(?!\b(?:it|was|is)\b)[\w'-]+\s+){1,5}?)"
    r"(?:that|who|which)\s+(?:(?:had|has|then|later|first)\s+)?$"
)
_RELATIVE_OPENING = re.compile(r",\s*(?:which|who)\s+(?:(?:had|has|then|later|first)\s+)?$")
_SUBJECT_ADVERBS = frozenset(
    {"just", "finally", "later", "quickly", "promptly", "officially", "reportedly", "apparently"}
)
_GOVERNMENT_OF = {
    "russia": "kremlin",
    "moscow": "kremlin",
    "iran": "iran_government",
    "tehran": "iran_government",
}
# Headlines put past signings in the present: "Russia, Iran seal treaty in Tehran".
# Not another document's signing: "firms signed a memorandum in Tehran" was not the treaty's.
_SIGN_VERB = re.compile(
    r"\b(?:signed|signs|sign|inked|inks|ink|sealed|seals|seal|concluded)\b"
    r"(?!\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    + lexicon.OTHER_SIGNED_DOCUMENTS
    + r"\b)"
)
# The places a treaty may be signed in, longest first.
_PLACES = "|".join(re.escape(p) for p in sorted(lexicon.SIGNING_PLACES, key=len, reverse=True))
# "in Moscow", "at Putin's Novo-Ogaryovo residence", "at his Novo-Ogaryovo residence": a
# possessor may stand before the place.
# "at a palace near St Petersburg", "outside Moscow": the city names the place too.
# "in the mirrored hall of Tehran's Saadabad complex": a venue in the place names it too. A
# venue that is itself a known place names it instead: "at his Novo-Ogaryovo residence outside
# Moscow" was not in Moscow.
_VENUE = (
    rf"(?:the\s+)?(?:(?!(?:{_PLACES})\b)[\w-]+\s+){{0,3}}?"
    r"(?:halls?|palace|complex|residence|rooms?|chambers?|building"
    r"|compound|headquarters)\s+(?:of|in|at|near|outside)\s+"
)
_AT_PLACE = (
    rf"(?:in|at|near|outside|inside)\s+(?:{_VENUE})?(?:(?:the\s+)?[\w.-]+'s\s+|(?:his|her|their)\s+)?"
    rf"({_PLACES})\b"
)
_SIGN_PLACE = re.compile(rf"\b{_AT_PLACE}")
# "the signing, held at a palace near St Petersburg": the place it was held in is where.
_SIGNING_NOUN_PLACE = re.compile(
    r"\bsigning(?:\s+ceremony)?,?\s+(?:(?:which|that)\s+(?:was\s+)?(?:(?:held|staged|hosted)\s+)?"
    rf"|(?:was\s+)?(?:held|staged|hosted)\s+)?{_AT_PLACE}"
)
# A relative "where" points back at the place just named: "hosted Putin in Tehran, and that's
# where the two signed", "flew to Minsk, where they signed". It stands just before the verb.
_PLACE_THEN_WHERE = re.compile(
    rf"\b(?:in|at|to)\s+(?:(?:the\s+)?[\w.-]+'s\s+)?({_PLACES})\b"
    r",?\s*(?:and\s+)?(?:(?:that|this|it|which)(?:'s|\s+is|\s+was)\s+)?where\b"
    r"(?=[^.;:]{0,25}$)"
)
# A journey whose purpose is the signing names its place: "flew to Tehran on Friday to sign",
# "travelled to Moscow to put his name to". The purpose "to" stands just before the verb.
_JOURNEY_TO = (
    r"\b(?:flew|flies|fly|travel(?:l)?ed|travels|travel|went|goes|go|came|comes|headed|heads"
    rf"|journeyed)\s+to\s+(?:(?:the\s+)?[\w.-]+'s\s+)?({_PLACES})\b"
)
_TRAVELLED_TO_SIGN = re.compile(_JOURNEY_TO + r"[^.;:]{0,40}?\bto\s*$")
# ... or for the signing, or the signing done during a visit there: "flew to Minsk for the
# signing", "signed during Pezeshkian's visit to Baku".
_FOR_THE_SIGNING = r"\bfor\s+(?:the\s+|(?:[\w-]+'s\s+))signing\b"
_TRAVELLED_FOR_SIGNING = re.compile(_JOURNEY_TO + r"[^.;:]{0,30}?" + _FOR_THE_SIGNING)
# The host of the signing names its place: "hosted Putin in Tehran for the signing",
# "Pezeshkian's hosting of Putin in Tehran for Friday's signing".
_HOSTED_FOR_SIGNING = re.compile(
    r"\b(?:host(?:s|ed|ing)?|welcom(?:es|ed|ing|e)|receiv(?:es|ed|ing|e))\b[^.;:]{0,40}?"
    rf"\b(?:in|at)\s+(?:(?:the\s+)?[\w.-]+'s\s+)?({_PLACES})\b[^.;:]{{0,20}}?" + _FOR_THE_SIGNING
)
# A visit that ended with the signing names its place: "Putin's trip to Tehran ended with
# the two signing", "the visit to Baku culminated in the signing of".
_VISIT_ENDED_IN_SIGNING = re.compile(
    r"\b(?:visit|trip|journey)\s+to\s+(?:the\s+)?"
    rf"({_PLACES})\b[^.;:]{{0,30}}?\b(?:ended|ends|culminated|culminates|concluded|concludes|"
    r"closed|closes|wrapped up)\s+(?:with|in)\b[^.;:]{0,40}(?:$|\bsigning\b)"
)
_SIGNED_DURING_VISIT = re.compile(
    r"\b(?:during|on)\s+(?:[\w.'-]+\s+){0,3}?(?:visit|trip)\s+to\s+(?:the\s+)?"
    rf"({_PLACES})\b"
)
# What is said of an earlier agreement in a relative clause or an aside right after it:
# "the agreement of 2001, which was valid for 10 years", "a 2001 pact that had a ten-year
# term", "the 2001 deal, valid for ten years,".
_OLD_AGREEMENT = (
    r"(?:(?:19|20)\d\d\s+(?:agreement|pact|deal|treaty|accord)"
    r"|(?:earlier|older|previous|old|former)\s+(?:agreement|pact|deal|treaty|accord)"
    r"|(?:agreement|pact|deal|treaty|accord)\s+(?:of|from|signed in|dating from|dating back to)"
    r"\s+(?:19|20)\d\d)"
)
_PREDECESSOR_CLAUSE = re.compile(
    rf"\b{_OLD_AGREEMENT}\b,?\s+(?:(?:which|that)\b[^,;.]*|(?=valid|in force|good for)[^,;.]*,)"
)
# A length said of the renewals ("rolls over in five-year stretches", "extended automatically
# for further 5-year periods") is the renewal's, not the treaty's term.
_RENEWAL_LENGTH = re.compile(
    r"\b(?:renew\w*|rol\w* over|extend\w*|extension\w*|prolong\w*)\b[^,;.]{0,60}?"
    r"\b((?:in|for|by)\s+(?:(?:further|additional|successive|subsequent|consecutive|new|more)\s+)?"
    r"\d+[- ]years?\b(?:[- ]long)?(?:\s+(?:stretch|period|term|increment|interval|block|step)"
    r"(?:es|s)?)?)"
)
# A length of the renewals all told ("a quarter-century of renewals", "20 years of
# roll-overs") is how long the replaced agreement lived, not the treaty's term.
_RENEWALS_LENGTH = re.compile(
    r"\b(\d+[- ]years?)\s+of\s+(?:renewals?|roll-?overs?|rolling (?:it )?over|extensions?)\b"
)
_WHO_ASIDE = re.compile(r",\s*(?:who|whose)\b[^,]*,")
_EVENT_RES = [
    (re.compile(rf"\b(?:{pattern})\b"), event) for pattern, event in lexicon.EVENT_PATTERNS
]


def first_event(text: str) -> str | None:
    """The event the earliest event word of ``text`` names ("exchanged the instruments"
    names the exchange), or None."""
    hits = [(m.start(), event) for pattern, event in _EVENT_RES if (m := pattern.search(text))]
    return min(hits)[1] if hits else None
# A spaced dash ends a clause too: "not covered by the deal - state tv" attributes after it.
_CLAUSE_END = re.compile(
    r"[,;:.!?]|\s-\s|\b(?:but|while|although|whereas|noting|which|as)\b"
    # "and" before a second verb starts a predicate of its own: "does not extend to defence
    # and deals only with trade" denies no trade.
    r"|\band\s+(?:only\s+|also\s+|instead\s+|rather\s+)?(?:deals|dealt|covers|covered|focuses"
    r"|focused|concentrates|centres|centers|addresses|includes|included|provides|sets|lays"
    r"|is|was|are|were|will|would|has|have|had|says|said|stresses|stressed|emphasi[sz]e[sd]"
    r"|calls|called|limits|limited|sticks|stuck)\b"
    # Where a speaker said it is not what he denied: "made no mention of arms in his speech".
    r"|\bin (?:his|her|their|its) (?:own )?(?:remarks|comments|speech|address|statements?|"
    r"interview|briefing|words)\b"
)
_STANCE_RES = {
    stance: (re.compile(trigger), re.compile(negative) if negative else None)
    for stance, (trigger, negative) in lexicon.STANCES.items()
}
_STANCE_BLOCKER = re.compile(lexicon.STANCE_BLOCKERS)
# Fears or speculation dismissed are a stance denied: "brushed off speculation that the pact is
# a military bloc" says it is none, as "denied that it is" does.
_DISMISSED = re.compile(
    r"(?<![\w'])(?:"
    + DENIAL_CUE_ALTERNATION
    + r")\s+(?:(?:the|any|all|such)\s+)?$"
)
# Sentence adverbs set off by commas ("does not, however, provide") are not clause ends.
_PARENTHETICAL = re.compile(
    r",\s*(?:however|though|therefore|in fact|moreover|nevertheless|indeed|also)\s*,"
)
# An aside set off by commas between a subject and its verb ("the signing, three days before
# the inauguration, had been timed to ...") interrupts the clause without ending it: what a
# negation before it denies runs on to the verb after it.
_SUBJECT_ASIDE = re.compile(
    r",[^,;:]{1,60},(?=\s*(?:had|has|have|was|were|is|are|would|will|could|did|might|may|must)"
    r"\b)"
)
# A reporting clause set off by commas ("neither side, the accord stipulates, may ...", "no
# clause, he said, covers ...") is an aside: the negation reaches past it.
_REPORTING_ASIDE = re.compile(
    r",\s*(?:according to [^,]{1,40}|(?:[\w'-]+\s+){1,3}?"
    r"(?:says|said|stipulates|stipulated|states|stated|notes|noted|adds|added|insists|insisted|"
    r"argues|argued|claims|claimed|reads|specifies|specified|declares|declared|writes|wrote|"
    r"stresses|stressed|explains|explained|reports|reported))\s*,"
)
OTHER_TREATY_EVENT = "other_treaty"
#: The end of the treaty's term: "expires in 2035", "remains in force until 2045".
TERM_END_EVENT = "term_end"
# Words just before a date that make it the end of a term, and, earlier in the clause, the
# treaty whose term it is ("it", "which" refer to it), so "sanctions remain in force until
# 2030" ends no term of the treaty.
_TERM_END = re.compile(
    r"\b(?:expir\w*|laps(?:e|es|ed|ing)|valid|in force|in effect|effective|binding|runs?|running|"
    r"lasts?|lasting|"
    # what carries the treaty to a year, or what it governs until one, ends its term there:
    # "which would carry the accord to 2045", "will govern relations between them through 2050"
    r"carr(?:y|ies|ied|ying)\s+(?:it|the\s+(?:treaty|pact|accord|agreement|deal|partnership))|"
    r"govern(?:s|ed|ing)?\s+(?:relations|ties)(?:\s+between\s+(?:(?:the\s+)?(?:two|2)\s+\w+|[\w'-]+\s+and\s+[\w'-]+))?)"
    # a part of a period ends it too: "until the middle of the 2050s", "to the end of 2040"
    r"\s+(?:(?:in|into|until|till|through|to)\s+(?:the (?:end|middle|start|beginning|close) of\s+)?"
    r"(?:the\s+)?|at the end of\s+)$"
)
_TERM_HOLDER = re.compile(
    r"\b(?:treaty|pact|accord|agreement|deal|partnership|document|it|which)\b"
)
_TERM_CLAUSE_START = re.compile(r"[;:]|\b(?:but|while|whereas|although|and)\b")
# A date on the words that describe what the treaty replaces ("replaces an agreement concluded
# in 2001", "supersedes one signed in the late 1990s") dates the predecessor, not a signing.
_REPLACED_ONE = re.compile(
    r"\b(?:replac\w*|supersed\w*)\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:treaty|agreement|accord|pact|deal|document|framework|one)\s+(?:[\w-]+\s+)?"
    r"(?:signed|concluded|sealed|inked|agreed|reached|dating|drawn up)\s+(?:back\s+)?"
    r"(?:in|on|from|to)\s+(?:the\s+)?$"
)
# The agreement the treaty replaces, dated by the years between it and the treaty: "replaces a
# framework concluded only 10 years earlier" ("a decade" is 10 years by then).
_REPLACED_YEARS_BEFORE = re.compile(
    r"\b(?:replac\w*|supersed\w*|succeed\w*|takes? the place of|took the place of|taking the"
    r" place of|in place of)\b[^.;]{0,80}?\b(?:signed|concluded|sealed|inked|agreed|reached"
    r"|drawn up|struck|forged|adopted)\s+(?:only\s+|just\s+|some\s+|about\s+|around\s+|barely\s+"
    r"|roughly\s+)?(?P<text>(?P<years>\d+)\s+years?\s+(?:earlier|before|previously|prior|ago))\b"
    # its age when replaced: "retires a framework agreement barely ten years old", "replaces
    # an accord that was only 5 years old"
    r"|\b(?:replac\w*|supersed\w*|retir(?:e|es|ed|ing)|takes? the place of|took the place of"
    r"|taking the place of)\s+(?:(?!(?:it|which|that)\b)[\w'-]+\s+){0,4}?"
    r"(?:treaty|agreement|accord|pact|deal|framework|document|one)\s+(?:(?:that|which)\s+"
    r"(?:was|is|had been)\s+)?(?:only\s+|just\s+|some\s+|about\s+|around\s+|barely\s+"
    r"|roughly\s+|scarcely\s+|hardly\s+)?(?P<age>(?P<age_years>\d+)\s+years?\s+old)\b"
)
_FORMER = re.compile(r"\b(?:former|late|then|ex-|previous)\s*$")


_LOWER_TABLE = str.maketrans({"’": "'", "–": "-", "—": " - ", "\u00a0": " "})


def _lower(text: str) -> str:
    return plain_idioms(text.translate(_LOWER_TABLE).lower())


_CLAUSE_SPLIT = re.compile(r"[,;:]|\b(?:and|but|while|whereas|after|before)\b")


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` that holds the span [start, end)."""
    left = max((m.end() for m in _CLAUSE_SPLIT.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE_SPLIT.finditer(text, end)), len(text))
    return text[left:right]


# A verb of signing just before a date, in its clause: "signed in January 2024", "inked on
# 16 January". Not a law's signing ("signed the ratification law in April").
_SIGNED_THEN = re.compile(
    r"\b(?:signed|inked|sealed)\b(?P<between>(?:\s+[\w'-]+){0,4}?)\s*(?:(?:in|on)\s+)?$"
)
# A signing said to fall on the day just named: "signed it that same afternoon", "signed the
# pact later that day" is dated by that day.
_SIGNED_THE_SAME_DAY = re.compile(
    r"\b(?:signed|signs|inked|sealed)\b[^.;]{0,80}?\b(?:(?:that|the)\s+same|later\s+that)\s+"
    r"(?:day|afternoon|morning|evening|night)\b"
)
_LAW_WORD = re.compile(r"\b(?:law|decree|bill|ratif\w*)\b")


def _signed_that_same_day(text: str, after: int) -> bool:
    """Is the treaty (not a law) signed "that same day" after position ``after``?"""
    same_day = _SIGNED_THE_SAME_DAY.search(text, after)
    return same_day is not None and not _LAW_WORD.search(same_day.group(0))


# A negation whose focus is the date just after it: "was not signed in 2001", "did not sign
# it in 2001", "in 2025, not 2001", "rather than in 2001". What is denied is the date, not the
# act: the act itself is presupposed.
_DATE_DENIED = re.compile(
    r"(?:\b(?:not|never)|n't|\brather than|\binstead of)(?:\s+[\w'-]+){0,4}?\s+"
    r"(?:(?:in|on|during|until|by)\s+)?$"
)


def _date_denial(lowered: str, ref: DateRef) -> tuple[int, int] | None:
    """The span in ``lowered`` of the negation cue whose focus is the date ``ref``, if any."""
    at = lowered.find(ref.text)
    if at < 0 or lowered.startswith("'s", at + len(ref.text)):
        return None  # "not Friday's signing timed to ...": the date qualifies what is denied
    start = max(
        (m.end() for m in re.finditer(r"[;:.,]|\b(?:and|but|while|whereas|after|before)\b",
                                      lowered[:at])),
        default=0,
    )
    # "in 2025, not 2001": the negation just after the comma focuses the date
    denial = _DATE_DENIED.search(lowered, start, at)
    if denial is None:
        return None
    cue = re.match(r"\s*(not|never|rather than|instead of|\w*n't)", denial.group(0))
    if cue is None:
        return None
    return denial.start() + cue.start(1), denial.start() + cue.end(1)


@functools.lru_cache(maxsize=256)
def _lowered_with_digits(sentence: str) -> str:
    """``sentence`` lowered, idioms plain and number words as digits: the judge asks about
    the dates of one claim against each of its candidates, so the reading is kept."""
    from bot.text.numbers import words_to_digits  # noqa: PLC0415 - keep import graph flat

    return words_to_digits(_lower(sentence))


def denies_the_date(sentence: str, ref: DateRef) -> bool:
    """Is ``ref`` the focus of a negation in its own clause of ``sentence`` ("the treaty was
    not signed in 2001")? Such a date is ruled out, not asserted: another date of the same
    event does not conflict with it, and the act itself is not denied."""
    return _date_denial(_lowered_with_digits(sentence), ref) is not None


def _without_date_denials(lowered: str, dates: Sequence[DateRef]) -> str:
    """``lowered`` with each negation cue that only rules out a date blanked: "was not signed
    in 2001" denies the year, not the signing."""
    for ref in dates:
        span = _date_denial(lowered, ref)
        if span is not None:
            lowered = lowered[: span[0]] + " " * (span[1] - span[0]) + lowered[span[1] :]
    return lowered


def names_the_signing(sentence: str, ref: DateRef) -> bool:
    """Does a verb of signing govern the date ``ref`` in ``sentence`` ("Signed in January
    2024, half a year before ..., the treaty ...")?"""
    if _FROM_SIGNING.match(ref.text):
        return True  # counted from the signing: "a day after they signed" (_signing_from_offset)
    lowered = _lowered_with_digits(sentence)
    at = lowered.find(ref.text)
    if at < 0:
        return False
    if _signed_that_same_day(lowered, at + len(ref.text)):
        return True  # "arrived on Thursday ... and signed the treaty that same afternoon"
    clause = _clause_around(lowered, at, at + len(ref.text))
    before = clause[: clause.find(ref.text)] if ref.text in clause else ""
    verb = _SIGNED_THEN.search(before)
    return verb is not None and not _LAW_WORD.search(verb.group("between"))


def _infer_year(month: int, day: int | None, published: date | None, future: bool) -> int | None:
    if published is None:
        return None
    year = published.year
    # "17 January" in an article from February is this year; "in June" told in the past
    # tense by an article from January is last June. Future tense may look ahead.
    candidate = date(year, month, min(day or 1, 28))
    horizon = 366 if future else 7
    if (candidate - published).days > horizon:
        year -= 1
    return year


def _dates(text: str, published: date | None, spans: list[tuple[int, int]]) -> list[DateRef]:
    found: list[DateRef] = []
    future = bool(_FUTURE.search(text))

    def taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in spans)

    def add(match: re.Match[str], ref: DateRef) -> None:
        spans.append(match.span())
        found.append(ref)

    for m in _ISO_DATE.finditer(text):
        add(m, DateRef(m.group(0), int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _DOTTED_DATE.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(m, DateRef(m.group(0), int(m.group(3)), month, day))
    for m in _SLASHED_DATE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if 12 < first <= 31 and 1 <= second <= 12:
            add(m, DateRef(m.group(0), int(m.group(3)), second, first))
        elif 12 < second <= 31 and 1 <= first <= 12:
            add(m, DateRef(m.group(0), int(m.group(3)), first, second))
    for m in _DAY_MONTH.finditer(text):
        if taken(*m.span()):
            continue
        day, month = int(m.group(1)), lexicon.MONTHS[m.group(2)]
        if not 1 <= day <= 31:
            continue
        year = int(m.group(3)) if m.group(3) else _infer_year(month, day, published, future)
        add(m, DateRef(m.group(0), year, month, day))
    for m in _MONTH_DAY.finditer(text):
        if taken(*m.span()):
            continue
        month, day = lexicon.MONTHS[m.group(1)], int(m.group(2))
        if not 1 <= day <= 31 or (m.group(1) == "may" and not m.group(3) and day > 31):
            continue
        year = int(m.group(3)) if m.group(3) else _infer_year(month, day, published, future)
        add(m, DateRef(m.group(0), year, month, day))
    for m in _MONTH_ONLY.finditer(text):
        if taken(*m.span()):
            continue
        name = m.group(2)
        if name in _AMBIGUOUS_MONTHS and not (m.group(1) or m.group(3)):
            continue
        if name == "may" and not m.group(3) and m.group(1) in {None, "this"}:
            continue
        month = lexicon.MONTHS[name]
        if m.group(3):
            month_year: int | None = int(m.group(3))
        elif m.group(1) == "last" and published is not None:
            month_year = published.year if month < published.month else published.year - 1
        else:
            month_year = _infer_year(month, None, published, future)
        add(m, DateRef(m.group(0).strip(), month_year, month))
    for m in _WEEKDAY_RE.finditer(text):
        weekday = lexicon.WEEKDAYS[m.group(1)]
        if published is None:
            add(m, DateRef(m.group(0), weekday=weekday))
            continue
        # Tense is read in the weekday's own clause: "signed on Friday, and the Duma will
        # debate it on Tuesday" has a past Friday and a future Tuesday.
        ahead = (
            bool(_FUTURE.search(_clause_around(text, m.start(), m.end())))
            and not _DONE_BEFORE_WEEKDAY.search(text, max(0, m.start() - 40), m.start())
        ) or bool(_SCHEDULED_CEREMONY.search(text, max(0, m.start() - 30), m.start()))
        delta = (
            (weekday - published.weekday()) % 7
            if ahead
            else -((published.weekday() - weekday) % 7)
        )
        when = published + timedelta(days=delta)
        add(m, DateRef(m.group(0), when.year, when.month, when.day, weekday))
    if published is not None:
        for m in _RELATIVE_DAY.finditer(text):
            when = published + timedelta(
                days={"yesterday": -1, "today": 0, "tomorrow": 1}[m.group(1)]
            )
            back = _YEARS_AGO_TODAY.search(text, max(0, m.start() - 30), m.end())
            if back is not None:
                count = int(back.group(1)) if back.group(1).isdigit() else 1
                day = min(when.day, 28) if (when.month, when.day) == (2, 29) else when.day
                when = when.replace(year=when.year - count, day=day)
            add(m, DateRef(m.group(0), when.year, when.month, when.day))
        for m in _RELATIVE_PERIOD.finditer(text):
            step = {"last": -1, "next": 1, "this": 0}[m.group(1)]
            if m.group(2) == "year":
                add(m, DateRef(m.group(0), published.year + step))
            else:
                month_index = published.year * 12 + published.month - 1 + step
                add(m, DateRef(m.group(0), month_index // 12, month_index % 12 + 1))
    for m in _DECADE.finditer(text):
        if taken(*m.span()):
            continue
        first, last = _DECADE_PARTS[m.group(1)]
        decade = int(m.group(2))
        add(m, DateRef(m.group(0), decade + first, year_to=decade + last))
    for m in _YEAR.finditer(text):
        if taken(*m.span()):
            continue
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s*(?:years?|votes?|articles?|km|bcm|%)", after):
            continue
        add(m, DateRef(m.group(0), int(m.group(1))))
    return found


_IRREGULAR_PAST = frozenset({"met", "told", "said", "wrote", "passed", "sent"})
# Plurals ending in "s" that news copy uses as nouns, not verbs: "once the talks had ended".
_PLURAL_NOUNS = frozenset({"talks"})


# A law, decree or bill as the subject of a passive "signed": "the ratification law on the
# Russian side was signed by ..." is a law's signing, not the treaty's.
_LAW_SIGNED_PASSIVE = re.compile(
    r"\b(?:law|decree|bill)\b(?: [\w'’-]+){0,5}? (?:was|were|is|has been|had been) signed\b"
)


def _is_verb(word: str) -> bool:
    first = word.split(maxsplit=1)[0]
    return (
        first.endswith("ed")
        or first in _IRREGULAR_PAST
        or (first.endswith("s") and len(first) > 4 and first not in _PLURAL_NOUNS)
    )


# A speaker credited after what it reports: "..., officials said.", "..., Mehr reported".
# A speaker set off by commas in mid-sentence ("signed on Thursday, the Kremlin said, after
# hours of talks") is credited the same way.
_TRAILING_SPEAKER = re.compile(
    r",\s+(?:[\w'’-]+\s+){0,6}?(?:said|says|told|tells|reported|reports|stated|added|noted)"
    r"(?:(?:\s+[\w'’.-]+){0,6}?\s*[.!]?$|,)"
)


# A date that modifies the text itself ("the 17 January accord", "Friday's pact", "the
# January 17 strategic partnership treaty") dates its signing, whatever verb is nearer.
_DATED_TEXT_BEFORE = re.compile(r"\b(?:the|this|that|its|their|last)\s+$")
_DATED_TEXT_AFTER = re.compile(
    r"(?:'s)?(?:\s+(?!(?:the|a|an|this|that|its|their)\b)[\w-]+){0,3}?\s+"
    r"(?:treaty|accord|agreement|pact|deal|document|csp|compact)\b"
)


# The same without a determiner before the day, in headline style ("Pezeshkian says Jan 17
# partnership deal could ..."), and a text "dated" a day.
_DATE_NAMES_TREATY = re.compile(
    r"\s+(?:(?:comprehensive|strategic|partnership|cooperation|csp|landmark|new|"
    r"russia[-–]iran|iran[-–]russia|moscow[-–]tehran|tehran[-–]moscow)\s+){0,4}"
    r"(?:treaty|pact|agreement|accord|deal)\b"
)
# ... or named with its day after "of", as a treaty's full title gives it: "the Treaty on
# Comprehensive Strategic Partnership of 17 January", "the accord of 17 January".
_TREATY_DATED = re.compile(
    r"\b(?:treaty|pact|agreement|accord|deal|text)"
    r"(?:\s+on(?:\s+[\w-]+){1,4}?)?\s+(?:dated|of)\s+$"
)


def _dates_the_text(text: str, where: int, ref: DateRef) -> bool:
    """Is the date at ``where`` a modifier of the treaty's own noun (see above)? Only a day or
    a weekday: "the 2001 agreement" is another text."""
    if where < 0 or (ref.day is None and ref.weekday is None):
        return False
    after = text[where + len(ref.text) :]
    if ref.day is not None and (
        _DATE_NAMES_TREATY.match(after) or _TREATY_DATED.search(text[:where])
    ):
        return True
    if ref.weekday is not None and ref.day is None and after.startswith("'s"):
        return _DATED_TEXT_AFTER.match(after) is not None
    return bool(_DATED_TEXT_BEFORE.search(text[:where])) and bool(_DATED_TEXT_AFTER.match(after))


def _event_of_a_bare_date(text: str, ref: DateRef) -> DateRef:
    """The event of a date in a sentence that names none: the treaty's signing when the date
    modifies the treaty's noun ("the 17 January accord"), the inauguration when it modifies
    the ceremony's ("Monday's swearing-in")."""
    where = text.find(ref.text)
    if _dates_the_text(text, where, ref):
        return replace(ref, event="signing")
    if where >= 0 and _CEREMONY_NOUN_AFTER.match(text, where + len(ref.text)):
        return replace(ref, event=INAUGURATION_EVENT)
    return ref


DEADLINE_EVENT = "deadline"
# A month a thing is to be done before, or by the end of, is a deadline, not the date of
# whatever verb is near it: "wanted ratification finished before May", "aimed to complete
# it before the end of April". Both name the same last month (April).
_DEADLINE_END_OF = re.compile(r"\b(?:before|by)\s+the\s+end\s+$")
_EXPLICIT_YEAR = re.compile(r"\d{4}")


def _deadlines(text: str, dates: list[DateRef], published: date | None) -> list[DateRef]:
    """Each month-only date a deadline names, as that deadline's last month; a year not
    written is read ahead, as a deadline looks ahead."""
    marked = []
    for ref in dates:
        where = text.find(ref.text)
        words = ref.text.split(maxsplit=1)
        if where < 0 or ref.month is None or ref.day is not None or len(words) < 2:
            marked.append(ref)
            continue
        end_of = words[0] == "of" and bool(
            _DEADLINE_END_OF.search(text, max(0, where - 20), where)
        )
        if words[0] != "before" and not end_of:
            marked.append(ref)
            continue
        month = ref.month if end_of else (ref.month - 2) % 12 + 1
        year = ref.year
        if not _EXPLICIT_YEAR.search(ref.text):
            year = _infer_year(month, None, published, True)
        elif not end_of and ref.month == 1 and year is not None:
            year -= 1
        marked.append(replace(ref, year=year, month=month, event=DEADLINE_EVENT))
    return marked


_REPORTED_AIM = re.compile(
    r"\b(?:aim\w*|plan\w*|want\w*|hop\w*|expect\w*|intend\w*|seek\w*|sought|wish\w*"
    r"|will|would|shall|could|should|might|may|must)\b"
)


def _attach_events(text: str, dates: list[DateRef]) -> list[DateRef]:
    """Give each date the event word nearest to it in the sentence ("ratified ... on 8 April").
    A trailing speaker's verb dates only what its own clause says: "ratified on 8 April,
    officials said" dates the ratification, "..., Peskov told reporters on Monday" the remark."""
    passives = [m.span() for m in _LAW_SIGNED_PASSIVE.finditer(text)]
    speaker = _TRAILING_SPEAKER.search(text)
    tail = speaker.start() if speaker is not None else len(text)
    asides = [m.span() for m in _PERSON_ASIDE.finditer(text)]
    events = [
        (
            m.start(),
            "law_signing"
            if event == "signing" and any(a <= m.start() < b for a, b in passives)
            else event,
            _is_verb(m.group(0)),
        )
        for pattern, event in _EVENT_RES
        for m in pattern.finditer(text)
    ]
    if not events:
        return [_event_of_a_bare_date(text, ref) for ref in dates]
    attached = []
    for ref in dates:
        where = text.find(ref.text)
        if where < 0:
            attached.append(ref)
            continue
        if _dates_the_text(text, where, ref) or _signed_that_same_day(text, where + len(ref.text)):
            attached.append(replace(ref, event="signing"))
            continue
        if _OTHER_EVENT_OFFSET.search(
            text, max(0, where - 90), where
        ) and not _TREATY_AHEAD.match(text, where):
            # "three years after Russian troops crossed into Ukraine in February 2022": the
            # date is the other event's, from which the span is counted.
            attached.append(ref)
            continue
        if _CEREMONY_DATED.search(text, max(0, where - 50), where) or _CEREMONY_NOUN_AFTER.match(
            text, where + len(ref.text)
        ):
            # "Trump's inauguration on Monday, 20 January": the day is the ceremony's own.
            attached.append(replace(ref, event=INAUGURATION_EVENT))
            continue
        # The verb acting on the date wins over a noun nearer to it: "submitted ... for
        # ratification on 11 February" dates the submission, not the ratification.
        aside = next(((a, b) for a, b in asides if a <= where < b), None)
        if aside is not None:
            # Inside "X, who became president in 2024," only the aside's own verbs date it:
            # with none of the treaty's there, it is background on the person.
            own = [e for e in events if aside[0] <= e[0] < aside[1]]
            if not own:
                attached.append(ref)
                continue
        else:
            own = [e for e in events if e[0] < tail] if where < tail else events
        at, event, _ = min(own or events, key=lambda e: (not e[2], abs(e[0] - where)))
        if event == "statement" and at < where:
            # A date in what was reported dates the event reported: "he said the first drill
            # had been held in August" dates the drill, not the remark.
            # A reported aim or plan ("said it aimed to finish ratification by April") is
            # still the speaker's: its date is a target, not the event's.
            reported = [e for e in own or events if at < e[0] < where and e[1] != "statement"]
            if reported and not _REPORTED_AIM.search(text, at, where):
                event = reported[-1][1]
        attached.append(replace(ref, event=event))
    return attached


# "On 20 January, a day after they signed the pact": a day or week counted from the signing.
_FROM_SIGNING = re.compile(
    r"\b(an?|one|the|\d+)\s+(day|week)s?\s+(after|before)\s+"
    r"[^,;.]{0,40}?\b(?:signed|signing|inked|sealed)\b"
)
_NUMBER_OF = {"a": 1, "an": 1, "one": 1, "the": 1}


def _signing_from_offset(text: str, dates: list[DateRef]) -> list[DateRef]:
    """The signing's date, when the sentence counts from it to the one day it names: "on
    20 January, a day after he and Putin had signed the pact" dates the signing 19 January.
    The date's text is the offset's own words."""
    days = [d for d in dates if d.day is not None and d.month is not None]
    m = _FROM_SIGNING.search(text)
    if m is None or len(days) != 1:
        return dates
    count = _NUMBER_OF.get(m.group(1)) or int(m.group(1))
    span = timedelta(days=count * (7 if m.group(2) == "week" else 1))
    base = days[0]
    # A year is needed for the arithmetic only; one that is not a leap year keeps 29 February
    # out of it when the sentence names none.
    anchor = date(base.year or 2025, base.month or 1, base.day or 1)
    signed = anchor - span if m.group(3) == "after" else anchor + span
    derived = DateRef(
        text=m.group(0),
        year=signed.year if base.year else None,
        month=signed.month,
        day=signed.day,
        event="signing",
    )
    # The day named is the other event's, counted from the signing: not the signing's.
    undated = replace(base, event=None) if base.event == "signing" else base
    return [undated if d is base else d for d in dates] + [derived]


def _remark_events(
    text: str, dates: list[DateRef], event_at: Callable[[int, DateRef], str | None]
) -> list[DateRef]:
    """Each date with the event ``event_at`` gives it from where it stands in ``text`` (-1 when
    not found), or as it was when that gives None."""
    marked = []
    for ref in dates:
        event = event_at(text.find(ref.text), ref)
        marked.append(ref if event is None else replace(ref, event=event))
    return marked


# A word of replacing: what follows it, up to the next event of the treaty's own, is said of
# what was replaced ("replacing a framework that had been renewed every few years since the
# mid-1990s").
# Retiring, supplanting or burying an old text replaces it as well ("formally buries the
# framework the two sides had renewed since 2001"); a thing buried in a text is no such word.
# So does succeeding it ("the successor to a 1995 treaty").
_REPLACING = re.compile(
    r"\b(?:replac\w*|supersed\w*|supplant\w*|retir(?:e|es|ed|ing)"
    r"|bur(?:y|ies|ied|ying)(?!\s+(?:in|within|deep|among|under|beneath)\b)"
    r"|successor (?:to|of)|succeed(?:s|ed|ing)? (?:a|an|the))\b"
)
_REPLACING_REACH = 120
_OWN_EVENTS = [pattern for pattern, event in _EVENT_RES if event != "predecessor"]


def _after_replacing(before: str) -> bool:
    """Does the text before a date end in what a word of replacing describes (no sentence
    break, and no event of the treaty's own such as its signing or entry into force, after
    the word)?"""
    words = list(_REPLACING.finditer(before, max(0, len(before) - _REPLACING_REACH)))
    if not words:
        return False
    rest = before[words[-1].end() :]
    return ";" not in rest and not any(pattern.search(rest) for pattern in _OWN_EVENTS)


def _term_ends(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A date said to end the treaty's term ("the agreement expires in 2035") dates that end,
    and one on what the treaty replaces ("replaces an accord signed in 2001") the predecessor,
    whatever other event is near it."""

    def event_at(where: int, _: DateRef) -> str | None:
        before = text[:where] if where >= 0 else ""
        if _REPLACED_ONE.search(before) or _after_replacing(before):
            return "predecessor"
        phrase = _TERM_END.search(before)
        if phrase is None:
            return None
        start = max(
            (m.end() for m in _TERM_CLAUSE_START.finditer(before, 0, phrase.start())),
            default=0,
        )
        # (the phrase may name the treaty itself: "carry the accord to 2045")
        return TERM_END_EVENT if _TERM_HOLDER.search(before, start, phrase.end()) else None

    return _remark_events(text, dates, event_at)


# A year that names an agreement on another subject ("the 2012 visa agreement", "a 2019
# fisheries accord", "the 2008 free-trade deal") dates that agreement: our treaty is a
# partnership, never a visa, trade or fisheries text.
_SECTOR_AGREEMENT_AFTER = re.compile(
    r"\s+(?:visa|visa-free|trade|free-trade|fisheries|fishing|extradition|customs|tax"
    r"|double-taxation|investment|readmission|migration|aviation|air-services|border"
    r"|boundary|consular|postal)\s+(?:[\w-]+\s+)?(?:agreements?|accords?|treat(?:y|ies)|pacts?|deals?"
    r"|conventions?|protocols?)\b"
)


def _other_treaty_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A date in a clause about another treaty ("the same name as the treaty Moscow signed with
    Pyongyang last year") dates that treaty's event, not ours; so does a bare year naming an
    agreement on another subject (see _SECTOR_AGREEMENT_AFTER)."""

    def event_at(where: int, ref: DateRef) -> str | None:
        if (
            where >= 0
            and ref.day is None
            and ref.month is None
            and _SECTOR_AGREEMENT_AFTER.match(text, where + len(ref.text))
        ):
            return OTHER_TREATY_EVENT
        clause = _clause_around(text, where, where + len(ref.text)) if where >= 0 else ""
        # The treaty it replaces is dated as the predecessor (see EVENT_PATTERNS).
        about_other = any(
            pattern.search(clause)
            for subject, pattern in _OTHER_SUBJECTS.items()
            if subject != "old_treaty"
        )
        return OTHER_TREATY_EVENT if about_other else None

    return _remark_events(text, dates, event_at)


#: A date about a person, not the treaty: "Pezeshkian, who became president in 2024, ...".
BACKGROUND_EVENT = "background"
# ("Pezeshkian, whose presidency began in 2024, ..." is such an aside too.)
# The aside may be set off by dashes as well as commas: "Pezeshkian — who won in 2024 — said".
_PERSON_ASIDE = re.compile(
    r"(?:,|\s[—–-]\s)\s*(?:who|whose)\b(?:(?!\s[—–-]\s)[^,;:])*(?:[,;:]|\s[—–-]\s|$)"
)


_EARLIER_VISIT = re.compile(
    r"\b(?:last|previous|earlier|prior|most recent)\s+(?:visit|trip|journey|stay)\b"
)


# "X's previous visit to Russia was in October 2024", "his last trip there came in 2022": the
# date the clause puts on an earlier visit.
_EARLIER_VISIT_DATED = re.compile(
    _EARLIER_VISIT.pattern + r"(?:\s+(?!(?:and|but)\b)[\w'’-]+){0,4}?\s+(?:was|came|took place"
    r"|happened|fell)\s+(?:(?:in|on|back in|during)\s+)?$"
)


def _earlier_visit_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A date said to be that of someone's earlier visit ("Pezeshkian's previous visit to
    Russia was in October 2024") is background on that person, whatever other event the
    sentence names: it dates neither the treaty nor the agreement it replaces."""
    out = []
    for ref in dates:
        at = text.find(ref.text)
        earlier = at >= 0 and _EARLIER_VISIT_DATED.search(text, max(0, at - 120), at)
        out.append(replace(ref, event=BACKGROUND_EVENT) if earlier else ref)
    return out


# Someone's time in office: "his first term", "Trump's presidency", "her tenure", "the
# Biden administration", "while in office". A year named in it ("during his first term between
# 2017 and 2021", "the 2017-2021 administration") dates that person's term, never the treaty.
# A treaty's own term ("the pact's 20-year term") is not one: the holder must not be the text.
_OFFICE_TERM = re.compile(
    r"\b(?:(?:his|her|their|(?!(?:treaty|pact|agreement|accord|deal|document|text|partnership)"
    r"['’]s)[a-z]+['’]s)\s+(?:(?:first|second|third|previous|earlier|last|former|prior|own)\s+)?"
    r"(?:term|terms|presidency|tenure|administration|stint)(?:\s+in\s+office)?"
    r"|(?:first|second|previous|prior)\s+(?:presidential\s+)?(?:term|presidency|administration)"
    r"|(?:in|out\s+of)\s+office|presidency|tenure|administration)\b"
)
_OFFICE_TERM_AFTER = re.compile(
    r"(?:\s*(?:[-–—]|to|and)\s*\d{4})?\s+(?:[a-z]+\s+)?(?:term|presidency|tenure|administration)\b"
)


# A leading clause that sets the story against another event ("Almost three years after
# Russian troops crossed into Ukraine in February 2022, ..."): see ``lexicon.BACKDROP_CLAUSE``.
_BACKDROP = re.compile(r"^\s*(" + lexicon.BACKDROP_CLAUSE + r")")


def _backdrop_end(text: str) -> int:
    """Where a leading backdrop clause ends (0 when there is none)."""
    m = _BACKDROP.match(text)
    return m.end() if m else 0


def _backdrop_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A date inside a leading backdrop clause dates that other event, not the treaty's."""
    end = _backdrop_end(text)
    if not end:
        return dates
    return [
        replace(d, event=BACKGROUND_EVENT) if 0 <= text.find(d.text) < end else d for d in dates
    ]


def _office_term_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A bare year inside someone's time in office ("during his first term between 2017 and
    2021", "the 2017-2021 administration") is background on that person: it dates no event of
    the treaty's, even in a sentence about the signing."""

    def event_at(where: int, ref: DateRef) -> str | None:
        if where < 0 or ref.day is not None or ref.month is not None:
            return None
        if _OFFICE_TERM_AFTER.match(text, where + len(ref.text)):
            return BACKGROUND_EVENT
        window = text[max(0, where - 45) : where]
        phrase = next(reversed(list(_OFFICE_TERM.finditer(window))), None)
        if phrase is None:
            return None
        between = window[phrase.end() :]
        if re.search(r"[.;:]", between) or any(p.search(between) for p, _ in _EVENT_RES):
            return None
        return BACKGROUND_EVENT

    return _remark_events(text, dates, event_at)


def _person_aside_dates(text: str, dates: list[DateRef]) -> list[DateRef]:
    """A date inside a non-restrictive "who" clause ("Pezeshkian, who took office in 2024,")
    with no event of the treaty's to attach to is background on that person: it states
    nothing about the treaty. A treaty event there ("who signed it on 17 January") keeps it."""
    asides = [m.span() for m in _PERSON_ASIDE.finditer(text)]
    same_day = [m.start() for m in _SIGNED_THE_SAME_DAY.finditer(text)]

    def event_at(where: int, ref: DateRef) -> str | None:
        inside = [(a, b) for a, b in asides if a <= where < b]
        if not inside:
            return None
        # "Pezeshkian, who flew in on Thursday, signed the pact that same afternoon": the
        # aside's day is the signing's too.
        if any(at >= inside[0][1] for at in same_day):
            return "signing"
        if ref.event is not None:
            # An event named only outside the aside is not the aside's date's: "Pezeshkian —
            # who won office in 2024 — praised the signing" does not date the signing.
            aside = text[inside[0][0] : inside[0][1]]
            # "Putin, whose last trip to Iran was in July 2022, ...": a visit the aside calls
            # an earlier one is the person's past, not the story's visit.
            if ref.event == "visit" and _EARLIER_VISIT.search(aside):
                return BACKGROUND_EVENT
            if any(p.search(aside) for p, event in _EVENT_RES if event == ref.event):
                return None
        return BACKGROUND_EVENT

    return _remark_events(text, dates, event_at)


# An adverb may stand between: "nuclear power was deliberately kept out of the text".
_AUXILIARY_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|being)\s+(?:\w+ly\s+)?$")
# "security lay (firmly) outside the scope of": the verb before an out-of-scope cue.
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:is|are|was|were|been|be|being|lies|lie|lay|lying|falls?|fell|falling|remains?|"
    r"remained|stays?|stayed|sits?|sat)\s+(?:(?:\w+ly|well|far)\s+)?$"
)
_OUT_OF_SCOPE = frozenset(lexicon.OUT_OF_SCOPE_CUES)
# "absent from the final text is ...": what the cue's place is followed by a copula.
_INVERTED_COPULA = re.compile(r"\s*(?:[\w'-]+\s+){1,4}?(?:is|are|was|were)\s+")
# "leaves security matters aside" leaves them out: said as "leaves out security matters,";
# so does "leaves them (wholly) outside its scope". Not a reader's aside ("leaving trade
# aside, ..." opens the sentence), nor "aside from".
_LEFT_ASIDE = re.compile(
    r"(?<=[\w,] )(leaves?|left|leaving)\s+((?:[\w'-]+\s+){1,6}?)(?:(?:\w+ly|well|far)\s+)?"
    r"(?:aside\b(?!\s+from)|(?:outside|beyond) (?:its|the|their) (?:scope|remit|purview)\b"
    # "leaves civil nuclear cooperation out (altogether)": left out, omitted; not "out of",
    # "out in the cold", "out to dry"
    r"|out\b(?!\s+(?:of|in|on|to|for|there|here)\b)(?:\s+(?:altogether|entirely|completely|wholly))?)"
)
# "Kept civilian nuclear power out of its scope" keeps it out as "kept out civilian nuclear
# power" does: the thing kept out is what is denied.
_KEPT_OUT = re.compile(
    r"(?<=[\w,] )(keeps?|kept|keeping)\s+((?:[\w'-]+\s+){1,6}?)out\s+of\s+(?:its|the|their)\s+"
    r"(?:[\w-]+\s+)?(?:scope|remit|purview|text|treaty|deal|pact|accord|agreement|document)\b"
)
_FROM_DOING = re.compile(r"\s+from\s+\w+ing\b")
# What a denial dismisses is the content of the talk, not the talk: "brushed off talk that the
# pact is an alliance", "rejected claims the signing was rushed" deny the alliance, the rush.
_DENIED_REPORT = re.compile(
    r"\s*(?:the\s+|any\s+|all\s+)?(?:talk|claims?|reports?|suggestions?|notions?|ideas?|fears?|"
    r"allegations?|assertions?|speculation|accusations?|charges?|rumou?rs?|theor(?:y|ies))"
    # whose they are may come between: "the assertions of Western media that ...".
    r"(?:\s+of\s+(?:[\w'-]+\s+){1,4}?that|\s+(?:that|of))?\b"
)
_PARTICIPLE_AFTER = re.compile(r"\s*(?:\w+ly\s+)?(\w+(?:ed|en)|left)\b")
# A reporting verb ends the reporter: "officials said arms are not mentioned".
_CLAUSE_START = re.compile(
    r"[,;:!?]|\s-\s|\b(?:but|while|although|whereas|which|that|said|says|stated|noted|notes|"
    r"stressed|stresses|added|adds|insisted|insists|argued|argues|claimed|claims|maintains|"
    r"maintained|maintain|insist|say|stress|argue)\b"
)


# Participles of leaving out that do not end in "-ed": "was left out", "were kept out".
_IRREGULAR_PARTICIPLES = frozenset({"left", "kept"})


def _passive_subject(text: str, cue: re.Match[str]) -> str | None:
    """In a passive denial the subject is what is denied: "arms transfers are not mentioned",
    "nuclear energy was left out of the text"; so it is of a thing said to lie outside the
    text's scope. The words before the auxiliary, in its clause; None when the cue is not in
    a passive."""
    before = text[: cue.start()]
    if _FROM_DOING.match(text, cue.end()):
        return None  # "each party is barred from helping": the help is denied, not the party
    out_of_scope = cue.group(0) in _OUT_OF_SCOPE
    aux = (_LOCATIVE_BEFORE if out_of_scope else _AUXILIARY_BEFORE).search(before)
    first = cue.group(0).split()[0]
    if aux is None:
        return _reduced_passive_subject(text, cue, first)
    # "excluded", "left out", "omitted"; or "is not mentioned"
    if not (out_of_scope or first.endswith("ed") or first in _IRREGULAR_PARTICIPLES):
        participle = _PARTICIPLE_AFTER.match(text, cue.end())
        if participle is None or participle.group(1) not in lexicon.SCOPE_LIGHT_WORDS:
            return None
    start = max((c.end() for c in _CLAUSE_START.finditer(before, 0, aux.start())), default=0)
    subject = before[start : aux.start()]
    if not subject.strip(" ,"):
        # The subject was closed by a comma before its verb ("drills, and port visits by
        # warships, are ruled out"): it runs back to the last clause start that is a word.
        start = max(
            (c.end() for c in _CLAUSE_START.finditer(before, 0, aux.start()) if c.group(0) != ","),
            default=0,
        )
        subject = before[start : aux.start()]
    return subject


# After a participle of leaving out with no object: "defence left out of it", "arms omitted".
_NO_OBJECT_AFTER = re.compile(r"\s*(?:(?:of|from)\b|[,;:.!?]|-\s|$)")
_REDUCED_SUBJECT_WORDS = 3


def _reduced_passive_subject(text: str, cue: re.Match[str], first: str) -> str | None:
    """A headline's passive drops its auxiliary: "defence left out of it", "- arms omitted".
    A participle of leaving out ("left out", "omitted", "excluded") with no object after it
    denies the short noun phrase that opens its clause; "the deal left out arms" is active."""
    if not (first.endswith("ed") or first in _IRREGULAR_PARTICIPLES) or not _NO_OBJECT_AFTER.match(
        text, cue.end()
    ):
        return None
    before = text[: cue.start()]
    start = max((c.end() for c in _CLAUSE_START.finditer(before)), default=0)
    subject = before[start:]
    words = subject.split()
    if not 1 <= len(words) <= _REDUCED_SUBJECT_WORDS:
        return None
    return subject


def _negation_scopes(lowered: str) -> tuple[tuple[str, ...], ...]:
    """Content words in the scope of each negation cue: up to the clause end, at most four.

    One scope per cue, so "neither allows X, nor assists Y" denies two things, and a claim
    that affirms either of them conflicts."""
    from bot.text.normalize import content_words  # noqa: PLC0415 - avoids an import cycle

    text = _NON_NEGATION_RE.sub(" ", _NONCOMMITTAL_RE.sub(" ", lowered))
    text = _REPORTING_ASIDE.sub(" ", _PARENTHETICAL.sub(" ", _SUBJECT_ASIDE.sub(" ", text)))
    scopes: list[tuple[str, ...]] = []
    cancelled: set[int] = set()
    for m in _NEGATION_RE.finditer(text):
        rest = text[m.end() :]
        boundary = _CLAUSE_END.search(rest)
        scope = rest[: boundary.start()] if boundary else rest
        inner = _NEGATION_RE.search(scope)
        if m.group(0) in _DENIAL and inner is not None:
            # A denial of a denial affirms: "rejected the notion that security had been left
            # out" says security is in. Neither cue denies anything.
            cancelled.add(m.end() + inner.start())
            continue
        if m.start() in cancelled:
            continue
        if m.group(0) in _DENIAL:
            report = _DENIED_REPORT.match(scope)
            if report is not None:
                scope = scope[report.end() :]
        passive = _passive_subject(text, m)
        if passive is not None:
            scope = passive
        elif m.group(0) in _OUT_OF_SCOPE:
            # Inverted: "absent from the text is any word on X" denies X, not the text.
            inverted = _INVERTED_COPULA.match(scope)
            if inverted is not None:
                scope = scope[inverted.end() :]
        # Dates and numbers are slots of their own: "no longer ... today" denies no "today".
        words = [w for w in content_words(prepare(scope)) if not is_masked(w)]
        # The framing words go only when something is left to deny ("no clause" keeps it).
        framed = [w for w in words if w not in lexicon.SCOPE_LIGHT_WORDS]
        words = framed or words
        terms = tuple(dict.fromkeys(w if "_" in w else stem(w) for w in words[:4]))
        if terms:
            scopes.append(terms)
    return tuple(scopes)


# A hedge qualifies its own part of a sentence: "the text reportedly covers drills: a
# partnership rather than an alliance" hedges the drills, not what the writer calls it.
_SENTENCE_PART = re.compile(r"[;:]")
# Contrast denies what it sets aside: "a partnership rather than an alliance", "a framework
# instead of a military bloc", "far from a military alliance".
_SET_ASIDE = re.compile(
    r"\b(?:rather than|instead of|as opposed to|far from)\s+(?:an?\s+|the\s+)?$"
)


# A question answered at once by a denial denies what it asks: "Joining a bloc? Not for
# Iran", "A military alliance? No, said the minister", "Mutual defence? Hardly."
_DENIED_ANSWER = re.compile(r"\?\s*(?:not|no|never|hardly|nope|far from it)\b")


# A framing said to be absent denies it: "a mutual defence clause is absent from the text",
# "mutual defence was missing from the deal".
_ABSENT_AFTER = re.compile(
    r"(?:\s+(?!(?:is|are|was|were)\b)[a-z]+){0,2}\s+(?:is|are|was|were|remains?|remained)\s+"
    r"(?:absent|missing)\b"
)


def _part_around(text: str, at: int) -> str:
    start = max((m.end() for m in _SENTENCE_PART.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in _SENTENCE_PART.finditer(text, at)), len(text))
    return text[start:end]


def _stances(prepared: str, hedge_cues: tuple[str, ...]) -> tuple[tuple[str, int], ...]:
    """Stances on the contested framings, e.g. ("alliance", -1) for "not a military alliance".
    A stance in a hedged part of the sentence is none ("may create an alliance")."""
    found: list[tuple[str, int]] = []
    if "noncommittal" in hedge_cues:
        return ()
    prepared = _PARENTHETICAL.sub(" ", _SUBJECT_ASIDE.sub(" ", prepared))
    for stance, (trigger, negative) in _STANCE_RES.items():
        m = trigger.search(prepared)
        if m is None:
            continue
        if hedge_cues and _hedges(_part_around(prepared, m.start())):
            continue
        if _SET_ASIDE.search(prepared, max(0, m.start() - 30), m.start()):
            found.append((stance, -1))
            continue
        start = max(0, m.start() - 50)
        blocker = _STANCE_BLOCKER.search(prepared, start, m.start())
        if blocker is not None and not _DISMISSED.search(prepared, 0, blocker.start()):
            continue
        clause_start = max(
            (b.end() for b in re.finditer(r"[,;:]", prepared[: m.start()])), default=0
        )
        before = prepared[max(clause_start, m.start() - 90) : m.end()]
        cleaned = _NON_NEGATION_RE.sub(" ", before)
        negated = bool(_NEGATION_RE.search(cleaned)) or bool(negative and negative.search(prepared))
        if _ABSENT_AFTER.match(prepared, m.end()):
            negated = True
        question_end = prepared.find("?", m.end())
        if question_end >= 0 and _DENIED_ANSWER.match(prepared, question_end):
            negated = not negated
        found.append((stance, -1 if negated else 1))
    # Denying that the signing was timed for the inauguration ("denied it was deliberately
    # scheduled ahead of Trump's inauguration") denies the purpose, not the order of events.
    if ("timed_for_inauguration", -1) in found and ("signed_before_inauguration", -1) in found:
        found.remove(("signed_before_inauguration", -1))
    return tuple(found)


_VOTE_CONTEXT = re.compile(r"\bvot|\bin favou?r\b|\babst[ae]")


def _unit_after(text: str, end: int) -> str:
    words = re.findall(r"%|[a-z]+", text[end : end + 60])
    for word in words[:5]:
        if word in _UNIT_SKIP:
            continue
        if word in _UNIT_WORDS:
            return _UNIT_WORDS[word]
        if word in lexicon.STOPWORDS:
            return ""
        return stem(word)
    return ""


# Words that bound a figure instead of stating it ("more than 50 articles" allows any count
# above 50, so it conflicts with 47 and agrees with 60). Longest first: "just over" before
# "over". "Over" and "under" bound a count, not a length of time ("over 20 years" is often
# the time something is spread over).
_BOUNDS = (
    (r"just over|just above|slightly more than|a little (?:over|more than)",
     "~>"),
    (r"just under|just below|slightly (?:less|fewer) than|a little (?:under|less than)|just shy of"
     r"|nearly|almost|close to|approaching", "~<"),
    (r"at least|no fewer than|no less than|a minimum of|not less than|not fewer than", ">="),
    # Not "up to": it leads to a time or a sum as often as it caps a figure ("in the days up
    # to 17 January", "brings the total up to 47").
    (r"at most|no more than|a maximum of|not more than", "<="),
    (r"more than|upwards of|in excess of|greater than|over|above|north of", ">"),
    (r"fewer than|less than|under|below|short of|south of", "<"),
)
_BOUND_BEFORE = [
    (re.compile(rf"(?<![\w-])(?:{words})\s+(?:some\s+)?$"), bound) for words, bound in _BOUNDS
]
_OVER_UNDER = re.compile(r"(?<![\w-])(?:over|under|above|below)\s+(?:some\s+)?$")
_TIME_UNITS = frozenset({"year", "month", "week", "day"})
# "Over" after a verb of laying out is where, not how many: "spread over 41 articles".
_LAID_OVER = re.compile(
    r"\b(?:spread\w*|set out|laid out|lays out|divided|split|distributed|stretch\w*|extend\w*"
    r"|running|runs|ran|goes|went|going)\s+(?:over|across)\s+(?:some\s+)?$"
)


def _bound_before(text: str, start: int, unit: str) -> str:
    """The bound the words just before a figure put on it ("more than" gives ">")."""
    before = text[max(0, start - 40) : start]
    if (unit in _TIME_UNITS and _OVER_UNDER.search(before)) or _LAID_OVER.search(before):
        return ""
    return next((bound for pattern, bound in _BOUND_BEFORE if pattern.search(before)), "")


# Words that give a share without a figure: most of something ("predominantly", "the bulk
# of") is more than half of it, a small part ("only a modest portion", "a minority of") less.
_MAJORITY = re.compile(
    r"\b(?:predominantly|mostly|largely|mainly|chiefly|overwhelmingly|primarily"
    r"|(?:the\s+)?(?:vast\s+|great\s+|overwhelming\s+)?(?:bulk|majority|lion's share"
    r"|greater part|larger part)\s+of|most\s+of)\b"
)
_MINORITY = re.compile(
    r"\b(?:(?:a|one)\s+)?(?:very\s+)?(?:modest|small|tiny|minor|limited|negligible|marginal"
    r"|minuscule|slim)\s+(?:portion|share|part|fraction|proportion|slice|percentage)"
    r"|\b(?:a\s+)?(?:small\s+)?minority\s+of|\ba\s+(?:small\s+)?fraction\s+of"
    r"|\bhardly\s+any\b|\bvery\s+little\s+of\b"
)
SHARE_UNIT = "share"


def _shares(text: str) -> list[Quantity]:
    """Shares said in words (see ``_MAJORITY``): more than half, or less than half."""
    def words(m: re.Match[str]) -> str:  # its first word aligns it: not "a" or "the"
        return re.sub(r"^(?:(?:a|an|one|the|very)\s+)+", "", m.group(0))

    found = [Quantity(0.5, SHARE_UNIT, words(m), ">") for m in _MAJORITY.finditer(text)]
    return found + [Quantity(0.5, SHARE_UNIT, words(m), "<") for m in _MINORITY.finditer(text)]


# A volume given per day, week or month ("5.5 million cubic metres of gas a day") is said
# per year here, as supply contracts are mostly put ("2 bcm a year"), so the two compare.
_VOLUME_RATE = re.compile(
    r"\s*(?:cubic\s+)?(?:metres|meters|m3|bcm)\b(?:\s+of\s+(?:natural\s+)?[a-z]+)?"
    r"\s+(?:(?:a|an|per|each|every)\s+(day|week|month)\b|(daily|weekly|monthly)\b)"
)
_RATES_PER_YEAR = {"day": 365.0, "week": 52.0, "month": 12.0}
_KM_PER_MILE = 1.609344


def _per_year(text: str, end: int) -> float:
    """How many of the period a volume after ``end`` is given for there are in a year (1 when
    it is given per year or for no period)."""
    m = _VOLUME_RATE.match(text, end)
    if m is None:
        return 1.0
    period = m.group(1) or {"daily": "day", "weekly": "week", "monthly": "month"}[m.group(2)]
    return _RATES_PER_YEAR[period]


def _quantities(text: str, spans: list[tuple[int, int]]) -> list[Quantity]:
    found: list[Quantity] = find_offsets(text, spans)
    for m in _AGO.finditer(text):
        spans.append(m.span())
    for m in _REMAINING.finditer(text):
        spans.append(m.span())
    found.extend(loose_durations(text, spans))
    for m in _VOTE_SCORE.finditer(text):
        for_votes, against = next(
            (m.group(i), m.group(i + 1)) for i in (1, 3, 5) if m.group(i) is not None
        )
        found.append(Quantity(float(for_votes), "vote", m.group(0)))
        found.append(Quantity(float(against), "vote_against", m.group(0)))
        spans.append(m.span())
    for m in _ZERO_AGAINST.finditer(text):
        found.append(Quantity(0.0, "vote_against", m.group(0)))
        spans.append(m.span())
    for m in _PART_OF_HOUSE.finditer(text):
        # "196 of the 232 lawmakers present voting in favour": the first figure is the vote,
        # the second how many sat (not votes).
        clause = re.split(r"[,;.]", text[m.end() :], maxsplit=1)[0]
        side = "vote_against" if re.search(r"\bagainst\b", clause) else "vote"
        if side == "vote" and not _VOTE_FOR.search(clause):
            continue
        found.append(Quantity(float(m.group(1)), side, m.group(0)))
        found.append(Quantity(float(m.group(2)), "present", m.group(0)))
        spans.append(m.span())
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in spans):
            continue
        # "Article 12" names an article; it is a reference, not a count.
        if re.search(r"\barticles?\s*$", text[max(0, start - 10) : start]):
            found.append(Quantity(float(m.group(1)), "article_ref", text[start - 8 : end].strip()))
            continue
        value = float(m.group(1).replace(",", ""))
        if m.group(3):
            value *= _SCALE[m.group(3)]
        unit = "percent" if m.group(2) else _unit_after(text, end)
        if unit == "vote_against" and not _VOTE_CONTEXT.search(text):
            unit = "against"  # "won 2 against 1" is a score, not a vote
        if re.match(r"\s*bcm\b", text[end : end + 6]):
            value *= 1e9  # "55 bcm" means 55 billion cubic metres
        if unit == "m3":
            value *= _per_year(text, end)
        if unit == "km" and re.match(r"[\s-]*miles?\b", text[end : end + 8]):
            value *= _KM_PER_MILE  # "a 100-mile line" is some 161 km long
        found.append(
            Quantity(
                value,
                unit,
                m.group(0).strip() + (f" {unit}" if unit else ""),
                _bound_before(text, start, unit),
            )
        )
    return found


def _negation(lowered: str) -> tuple[bool, tuple[str, ...], bool]:
    """(negated, cues, noncommittal) for lowercased text."""
    noncommittal = bool(_NONCOMMITTAL_RE.search(lowered))
    text = _NONCOMMITTAL_RE.sub(" ", lowered)
    text = _NON_NEGATION_RE.sub(" ", text)
    cues = tuple(m.group(0) for m in _NEGATION_RE.finditer(text))
    # "neither ... nor" is one negation; "did not deny" is none.
    count = len(cues) - (1 if "neither" in cues and "nor" in cues else 0)
    return count % 2 == 1, cues, noncommittal


# A concessive clause grants what others may say ("whatever Araghchi may protest", "whatever
# its missing clause might suggest"): its modal hedges that clause, not the claim.
_CONCESSIVE = re.compile(r"\b(?:whatever|however much|no matter (?:what|how much))\b[^,;:.]*")
# A clause of purpose or result says what something was done for ("released early so that
# reporters could study it"): its modal hedges no claim.
_PURPOSE = re.compile(r"\b(?:so that|in order that)\b[^,;:.]*")


_MONTH_PREPOSITION = re.compile(r"\b(?:before|by|until|since|in)\s+$")


def _hedges(lowered: str) -> tuple[str, ...]:
    cues = []
    conceded = [m.span() for m in _CONCESSIVE.finditer(lowered)]
    conceded += [m.span() for m in _PURPOSE.finditer(lowered)]
    for m in _HEDGE_RE.finditer(lowered):
        if any(a <= m.start() < b for a, b in conceded):
            continue
        if m.group(0) == "may" and re.match(r"\s*\d", lowered[m.end() :]):
            continue  # "May 5" is a date
        if m.group(0) == "may" and re.search(r"\d\s*$", lowered[: m.start()]):
            continue
        if m.group(0) == "may" and _MONTH_PREPOSITION.search(lowered[: m.start()]):
            continue  # "before May" is a month
        cues.append(m.group(0))
    return tuple(cues)


def _actors(prepared: str) -> tuple[str, ...]:
    seen: list[str] = []
    for token in re.findall(r"[a-z_]+", prepared):
        if token in _ACTOR_IDS and token not in seen:
            seen.append(token)
    return tuple(seen)


def _roles(text: str, prepared: str) -> tuple[tuple[str, str], ...]:
    """Role bindings of ``text``; ``prepared`` is its ``prepare`` form, made once by the caller."""
    bound: list[tuple[str, str]] = []
    for pattern, role in _ROLES:
        for m in pattern.finditer(text):
            if _FORMER.search(text[max(0, m.start() - 12) : m.start()].lower()):
                continue
            name = m.group(1).strip()
            words = re.findall(r"[a-z_]+", prepare(name))
            actor = next((w for w in words if w in _ACTOR_IDS), None)
            if actor is None:
                if not words:
                    continue
                actor = words[-1]
            if (role, actor) not in bound:
                bound.append((role, actor))
    for pattern, role in _TRAILING_ROLES:
        for m in pattern.finditer(text):
            words = re.findall(r"[a-z_]+", prepare(m.group(1)))
            actor = next((w for w in words if w in _ACTOR_IDS), words[-1] if words else None)
            if actor is not None and (role, actor) not in bound:
                bound.append((role, actor))
    bound.extend(r for r in _sideless_roles(text) if r not in bound)
    return tuple(bound) + _signing_roles(prepared) + _publisher(prepared)


def _sideless_roles(text: str) -> list[tuple[str, str]]:
    """"Foreign minister Sergei Lavrov": a title without its country binds the side's role
    when the holder's side is known, and the bare title (either side's) when it is not."""
    found: list[tuple[str, str]] = []
    for pattern, title in _SIDELESS_ROLES:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 30) : m.start()]
            if _TITLE_QUALIFIER.search(before) and not re.search(r"(?:^|\W)The\s*$", before):
                continue
            words = re.findall(r"[a-z_]+", prepare(m.group(1).strip()))
            if not words:
                continue
            actor = next((w for w in words if w in _ACTOR_IDS), words[-1])
            sides = lexicon.SIDELESS_ROLE_TITLES[title]
            role = sides.get(lexicon.ACTOR_SIDE.get(actor, ""), title.replace(" ", "_"))
            found.append((role, actor))
    return found


def _publisher(prepared: str) -> tuple[tuple[str, str], ...]:
    """Who made the text public, when the sentence says "published by ..." or "... released
    the text": an actor id, or the publisher's own words ("iran's foreign ministry")."""
    m = _PUBLISHED_BY.search(prepared) or _TEXT_PUBLISHED_BY.search(prepared)
    if m is not None:
        words = re.findall(r"[a-z_']+", m.group(1))
    else:
        active = _PUBLISHED_TEXT.search(prepared)
        if active is None:
            return ()
        before = prepared[: active.start()]
        if _ATTRIBUTIVE_END.search(before) and not _CLEFT_OPENING.search(before):
            return ()  # "under the published text": no one is named
        if _PASSIVE_END.search(before):
            return ()  # "the text was published in 47 articles": no one is named
        relative = _RELATIVE_OPENING.search(before)
        cleft = _CLEFT_OPENING.search(before)
        if cleft is not None:
            # "it was Iran's foreign ministry that released the text": the cleft's focus is
            # the subject.
            before = cleft.group(1)
        elif relative is not None:
            # "Iran's foreign ministry, which released the text": the relative pronoun
            # stands for the noun phrase before its comma.
            before = before[: relative.start()]
        start = max((b.end() for b in _SUBJECT_START.finditer(before)), default=0)
        subject = before[start:]
        if _NEGATION_RE.search(subject):  # "has not released the text": no one published it
            return ()
        words = re.findall(r"[a-z_']+", subject)[-_SUBJECT_WORDS:]
        # A possessor opens the subject's noun phrase: "after the signing iran's ministry".
        owner = max((i for i, w in enumerate(words) if w.endswith("'s")), default=0)
        words = words[owner:]
    if _NEGATION_RE.search(" ".join(words)):
        return ()  # "which nobody has released": no one published it
    actor = next((w for w in words if w in _ACTOR_IDS), None)
    if actor is None:
        content = [w for w in words if w not in lexicon.STOPWORDS and w not in _SUBJECT_ADVERBS]
        if not content:
            return ()
        actor = " ".join(content)
    # A country or its capital that publishes stands for its government.
    return (("publisher", _GOVERNMENT_OF.get(actor, actor)),)


def _staged_signing(prepared: str) -> re.Match[str] | None:
    """A signing named by its noun with its place ("the signing ceremony at the kremlin"),
    or by a journey or a host for it ("flew to minsk for the signing"); group 1 is the place."""
    return (
        _SIGNING_NOUN_PLACE.search(prepared)
        or _TRAVELLED_FOR_SIGNING.search(prepared)
        or _HOSTED_FOR_SIGNING.search(prepared)
        or _VISIT_ENDED_IN_SIGNING.search(prepared)
    )


def _signing_place_span(prepared: str) -> str | None:
    """The words naming where the treaty was signed ("in minsk"), if the sentence says."""
    verb = _SIGN_VERB.search(prepared)
    if verb is None:
        staged = _staged_signing(prepared)
        return staged.group(1) if staged else None
    place = _SIGN_PLACE.match(prepared, verb.end() + 1) or _SIGN_PLACE.search(
        prepared, verb.end(), verb.end() + 40
    )
    return place.group(0) if place else None


# Who signed, after the verb: "by X", "between X and Y", "with X", "alongside X"; and the
# words after a comma, which may name the holders of a title ("by the two leaders, A and B").
_SIGNED_BY = re.compile(
    r"\s*(?:\w+\s+){0,6}?(?:by|between|with|alongside|together with)\s+([^,.;]+)"
    r"(?:,([^,.;]+))?"
)
# "by the two foreign ministers": a title whose holders an appositive then names.
_SIGNER_TITLE_END = re.compile(
    r"\b(?:minister|president|leader|head|envoy|official|counterpart|diplomat)s?\s*$"
)
# "..., lavrov said": a speaker after the comma, not the title's holders.
_SPEAKER_WORD = re.compile(r"\b(?:said|says|told|added|adds|stated|according|reported)\b")
# A person set aside in favour of another: "rather than putin", "instead of the president
# putin", "not lavrov".
_NOT_THE_SIGNER = re.compile(
    r"\b(?:rather than|instead of|in place of|not)\s+(?:(?:the|president|prime|minister|mr)\s+)*"
    r"([a-z_]+)"
)


# Whose the signatures on the text were: "the signatures on the treaty belonged to the two
# foreign ministers, Lavrov and Araghchi", "the signatories were Lavrov and Araghchi"; and who
# affixed them ("Russia's signature on the pact was affixed by ..."): the one who affixes signs.
_SIGNATURES_OF = re.compile(
    r"\b(?:signatures?\b[^.;]{0,40}?\b(?:belong(?:ed|s)? to|(?:were|was|are|is) (?:those|that) of"
    r"|came from|(?:were|was|are|is|had been|has been) (?:affixed|appended|added|placed) by)"
    r"|signatories (?:were|are|was))\s+([^,.;]+)(?:,([^,.;]+))?"
)


def _signers_named(by: re.Match[str]) -> str:
    """The words naming the signers after "by", "between" or "belonged to": with the names
    of a title's holders that follow it ("by the two foreign ministers, lavrov and araghchi,")."""
    if by.group(2) and _SIGNER_TITLE_END.search(by.group(1)) and not _SPEAKER_WORD.search(
        by.group(2)
    ):
        return by.group(1) + " " + by.group(2)
    return by.group(1)


def _signatories(text: str) -> list[tuple[str, str]]:
    """("signatory", actor) for each person named in ``text``, not institutions."""
    found: list[tuple[str, str]] = []
    for token in re.findall(r"[a-z_]+", text):
        if (
            token in _ACTOR_IDS
            and token not in lexicon.INSTITUTIONS
            and ("signatory", token) not in found
        ):
            found.append(("signatory", token))
    return found


def _signing_roles(prepared: str) -> tuple[tuple[str, str], ...]:
    """Who signed and where, when the sentence says so: ("signatory", "putin"),
    ("signing_place", "moscow"). A sentence may say it was signed, then who put pen to paper
    ("was signed at ministerial level, Lavrov and Araghchi signing it"): each verb of signing
    is read in turn until one names its signers."""
    signatures = _SIGNATURES_OF.search(prepared)
    if signatures is not None:
        return tuple(_signatories(_signers_named(signatures)))
    verbs = list(_SIGN_VERB.finditer(prepared))
    if not verbs:
        # "staged the signing in tehran", "the signing ceremony at the kremlin": the noun with
        # its place right after it says where, though no verb of signing does.
        staged = _staged_signing(prepared)
        return (("signing_place", lexicon.SIGNING_PLACES[staged.group(1)]),) if staged else ()
    signers: list[tuple[str, str]] = []
    place: str | None = None
    for verb in verbs:
        found, where = _signed_by_and_where(prepared, verb)
        signers = signers or found
        place = place or where
        if signers and place:
            break
    return tuple(signers + ([("signing_place", place)] if place else []))


# "... who signed it": the one who signed is the relative pronoun's antecedent, the phrase
# right before it ("the men who signed it", "Pezeshkian, who signed it"), not whoever the
# sentence named earlier ("if the envoy is to be believed, long enough to outlast the men
# who signed it").
_WHO_BEFORE_VERB = re.compile(r"\bwho\s+(?:(?:had|has|have|jointly|personally|\w+ly)\s+){0,2}$")
_CLEFT = re.compile(r"(?:^|[,;:]\s*)it (?:was|is|were)\b")
_PHRASE_BREAK = re.compile(r"[,;:(\u2014\u2013]|\s-\s")


def _who_antecedent(before: str) -> str:
    """The words before a verb of signing that can name its signers: all of them, or, when a
    relative "who" opens the verb's clause, only the phrase that pronoun stands for."""
    who = _WHO_BEFORE_VERB.search(before)
    if who is None:
        return before
    head = before[: who.start()].rstrip()
    if _CLEFT.search(head):
        return before  # "it was Mishustin, not Putin, who signed": the focus is the signer
    if head.endswith(","):
        head = head[:-1]  # "Pezeshkian, who signed it": the phrase before the comma
    breaks = [m.end() for m in _PHRASE_BREAK.finditer(head)]
    return head[breaks[-1] :] if breaks else head


def _signed_by_and_where(
    prepared: str, verb: re.Match[str]
) -> tuple[list[tuple[str, str]], str | None]:
    """The signers one verb of signing names, and the place it was done in."""
    clause_start = max(
        # "... similar to that sealed between Moscow and Pyongyang": a relative clause's
        # signing is not done by the main clause's subject.
        (
            m.end()
            for m in re.finditer(r"[;:]|\b(?:said|told|that|which)\b", prepared[: verb.start()])
        ),
        default=0,
    )
    before = _who_antecedent(prepared[clause_start : verb.start()])
    after = prepared[verb.end() : verb.end() + 120]
    by = _SIGNED_BY.match(after)
    signer_text = before + " " + (_signers_named(by) if by else "")
    # Who is set aside did not sign: "Mishustin rather than Putin signed", "Putin, not Lavrov".
    set_aside = {m.group(1) for m in _NOT_THE_SIGNER.finditer(signer_text)}
    found = [r for r in _signatories(signer_text) if r[1] not in set_aside]
    place = (
        _SIGN_PLACE.search(after)
        # "Pezeshkian, who took office in Tehran last year, signed": the aside's place is not
        # the signing's.
        or _SIGN_PLACE.search(_WHO_ASIDE.sub(" ", before))
        or _PLACE_THEN_WHERE.search(prepared[: verb.start()])
        or _TRAVELLED_TO_SIGN.search(prepared[: verb.start()])
        or _VISIT_ENDED_IN_SIGNING.search(prepared[: verb.start()])
        or _SIGNED_DURING_VISIT.search(after)
    )
    return found, lexicon.SIGNING_PLACES[place.group(1)] if place else None


def extract_slots(sentence: str, published: datetime | date | None = None) -> Slots:
    """All slots of one sentence; ``published`` resolves weekdays and relative dates."""
    day = published.date() if isinstance(published, datetime) else published
    from bot.text.numbers import words_to_digits  # noqa: PLC0415 - keep import graph flat

    lowered = _LEFT_ASIDE.sub(r"\1 out \2,", words_to_digits(_lower(sentence)))
    lowered = _KEPT_OUT.sub(r"\1 out \2,", lowered)
    spans: list[tuple[int, int]] = []
    dates = _other_treaty_dates(
        lowered,
        _person_aside_dates(
            lowered,
            _term_ends(
                lowered,
                _signing_from_offset(
                    lowered,
                    _deadlines(
                        lowered, _attach_events(lowered, _dates(lowered, day, spans)), day
                    ),
                ),
            ),
        ),
    )
    dates = _backdrop_dates(
        lowered, _office_term_dates(lowered, _earlier_visit_dates(lowered, dates))
    )
    for m in _REPLACED_YEARS_BEFORE.finditer(lowered):
        if m.group("text"):
            text, years = m.group("text"), m.group("years")
        else:
            text, years = m.group("age"), m.group("age_years")
            spans.append(m.span("age"))  # the age is the date, no length of its own
        dates.append(DateRef(text, event="predecessor", years_before=int(years)))
    # A length said of the agreement the treaty replaced is that agreement's, not the treaty's:
    # a detail of its own ("predecessor_year"), never compared with the treaty's term.
    # So is a length said of the renewals ("renewal_year").
    own_lengths = [("predecessor", m.span()) for m in _PREDECESSOR_CLAUSE.finditer(lowered)] + [
        ("renewal", m.span(1)) for m in _RENEWAL_LENGTH.finditer(lowered)
    ] + [("renewals", m.span(1)) for m in _RENEWALS_LENGTH.finditer(lowered)]
    quantities = _quantities(lowered, spans + [span for _, span in own_lengths])
    for whose, (start, end) in own_lengths:
        quantities += [
            replace(q, unit=f"{whose}_{q.unit}")
            for q in _quantities(
                lowered[start:end], [(s - start, e - start) for s, e in spans if start <= s < end]
            )
            if q.unit
        ]
    quantities += _shares(lowered)
    # Years before the treaty that date the replaced agreement are that date, not an offset.
    back = [d.text for d in dates if d.years_before is not None]
    quantities = [q for q in quantities if q.unit != "offset" or not q.text.startswith(tuple(back))]
    # The time from another event to the story, in a leading backdrop clause, is no detail.
    backdrop = lowered[: _backdrop_end(lowered)]
    quantities = [q for q in quantities if q.unit != "offset" or q.text not in backdrop]
    # An offset turned into the signing's date (see _signing_from_offset) is that date now.
    counted = [d.text for d in dates if d.event == "signing" and _FROM_SIGNING.match(d.text)]
    quantities = [
        q
        for q in quantities
        # the same amount, unit and direction ("a day after"): the same offset
        if q.unit != "offset" or not any(t.split()[:3] == q.text.split()[:3] for t in counted)
    ]
    undenied = _without_date_denials(lowered, dates)
    negated, negation_cues, noncommittal = _negation(undenied)
    hedge_cues = _hedges(lowered) + (("noncommittal",) if noncommittal else ())
    prepared = prepare(sentence)
    scopes = _negation_scopes(undenied) if negation_cues else ()
    # "The accord was signed in Minsk": a place of signing is not a subject of its own.
    place = _signing_place_span(prepared)
    subject_text = lowered if place is None else lowered.replace(place, " ")
    # What the claim is modelled on is no subject of its own: "in language echoing NATO's
    # charter, the partners agreed ..." is about the partners' treaty.
    subject_text = _MODEL_PHRASE.sub(" ", subject_text)
    # "as cited by China Central Television": a country in an outlet's name is the outlet's.
    subject_text = _OUTLET_NAME.sub(" ", subject_text)
    other = tuple(s for s, pattern in _OTHER_SUBJECTS.items() if pattern.search(subject_text))
    return Slots(
        quantities=tuple(quantities),
        dates=tuple(dates),
        negated=negated,
        negation_cues=negation_cues,
        hedged=bool(hedge_cues),
        hedge_cues=hedge_cues,
        actors=_actors(prepared),
        roles=_roles(sentence, prepared),
        other_subjects=other,
        reported_denial=any(c in _DENIAL for c in negation_cues),
        negated_terms=tuple(dict.fromkeys(t for scope in scopes for t in scope)),
        negation_scopes=scopes,
        stances=_stances(prepared, hedge_cues),
    )
