"""Normalised and masked forms of a sentence, the strings rapidfuzz compares.

* ``prepare``: lowercase, typographic quotes and dashes unified, number words as digits,
  actor spellings and multi-word synonyms replaced by one canonical token.
* ``normalize``: content tokens, synonyms unified and stemmed, stopwords dropped.
  "Moscow and Tehran inked the pact" and "Russia and Iran signed the treaty" both become
  ``russia iran sign treati``.
* ``mask``: the normalised tokens without numbers, dates, negation and hedge cues, so that two
  claims about the same thing score alike even when their details conflict. Conflicts are then
  found by comparing slots, not by the fuzzy score (a fuzzy score cannot tell "20 years" from
  "25 years", nor "includes" from "does not include").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

from bot.text import lexicon, names
from bot.text.numbers import words_to_digits

_QUOTES = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": " - ",
        "\u00a0": " ",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+(?:['.-][a-z0-9]+)*")
_STEMMER = snowballstemmer.stemmer("english")


def _phrase_pattern(phrases: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_ACTOR_SPELLINGS = {
    spelling: actor for actor, spellings in lexicon.ACTORS.items() for spelling in spellings
}
_ACTOR_RE = _phrase_pattern(list(_ACTOR_SPELLINGS))
_IDIOM_RE = _phrase_pattern(list(lexicon.IDIOMS))
_PHRASE_RE = _phrase_pattern(list(lexicon.PHRASE_SYNONYMS))
# Mutual defence has many wordings ("an attack on one is an attack on both", "immediate military
# aid"); each gets the canonical token too, so claims that say it differently still share a word.
_MUTUAL_DEFENCE_RE = re.compile(lexicon.STANCES["mutual_defense"][0])
_MASKED_WORDS = frozenset(
    {
        *lexicon.MONTHS,
        *lexicon.WEEKDAYS,
        *(c for c in lexicon.NEGATION_CUES if " " not in c),
        *(c for c in lexicon.HEDGE_CUES if " " not in c),
        # The word of a two-word cue that says nothing else ("devoid of").
        "devoid",
        # ... and of the out-of-scope cues: "absent from the text is ...", "missing from it".
        "absent",
        "missing",
        "yesterday",
        "today",
        "tomorrow",
        "ago",
    }
)


# What "extend(ed) to" reaches is a field ("to defence"), not a length ("to five years").
_TO_A_FIELD = r"(?=\s+(?:the\s+)?[a-z])(?!\s+(?:[\w-]+\s+){0,2}(?:years?|decades?|months?)\b)"

# A hyphen joining a number or a month to a word ("52-article", "20-year", "mid-December",
# "late-1990s") joins two words: the number or date is masked, the word is kept. A qualifier of
# the date's precision goes with the date.
_DATE_QUALIFIERS = frozenset({"early", "mid", "late"})
# "A 25-year treaty" states the treaty's term, as "valid for 25 years" does.
_TERM_ADJECTIVE = re.compile(
    r"\b(\d+-years?)(?=\s+(?:[\w-]+\s+)?(?:treaty|pact|agreement|accord|deal|csp|document)\b)"
)
# Putting a text online, or on a website, is posting it: "put the full text online".
_PUT_ONLINE = re.compile(
    # the object may stand before the verb: "the document the Kremlin put online"
    r"\b(put|puts|putting) ((?:[\w'-]+ ){0,6}?)(?:online|on (?:its|the|their) (?:web)?site)\b"
)
_POSTED = {"put": "posted", "puts": "posts", "putting": "posting"}
# "Binds Moscow and Tehran for the next 30 years" states the treaty's term, as "binding for 30
# years" does: a verb of binding whose "for" takes a length of years.
# A text concluded for a length of time, or for no fixed length ("concluded for an indefinite
# period"), has that term too.
_TERM_BINDING = re.compile(
    r"\b((?:binds?|bound|binding)\b[^.;:]{0,40}?|(?:concluded|conclude)\s+)\bfor"
    r"(?= (?:(?:the next |the coming |a period of |a term of )?"
    r"\d+(?:[.,]\d+)? (?:years?|decades?)\b|indefinitely\b))"
)
_MONTH_NAMES = frozenset(m for m in lexicon.MONTHS if len(m) > 3 or m == "may")
# Translated agency copy says common things in official phrases; each is said plainly here.
# Nouns that name the text itself, as a subject of what it covers.
_TEXT_NOUN = "treaty|agreement|accord|pact|document|text"
_COVER_FORM = {"deals": "covers", "dealt": "covered", "deal": "cover"}
_OFFICIALESE: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # Rendering help is giving it: "render no military or other assistance".
    (
        re.compile(
            r"\brender(?:s|ed|ing)?\b(?=\s+(?:[\w-]+\s+){0,4}?(?:assistance|aid|help|support)\b)"
        ),
        "provide",
    ),
    # Qualifying a thing as something is calling it that: "qualified the document as a
    # breakthrough".
    (re.compile(r"\bqualif(?:ied|ies|y|ying)\b(?=\s+(?:[\w'-]+\s+){1,5}?as\b)"), "characterized"),
    # Touching on a matter is covering it: "touches in any way on matters of defence".
    (
        re.compile(r"\btouch(?:es|ed|ing)?\s+(?:in any way\s+|at all\s+|even\s+)?(?:up)?on\b"),
        "covers",
    ),
    # What a text deals with it covers: "denied that the treaty dealt with defence at all".
    # Only a text's dealing: parties that "deal with sanctions" handle them.
    (
        re.compile(
            rf"\b((?:{_TEXT_NOUN}|charter|it)\s+"
            r"(?:also\s+|only\s+|(?:does|did|do)(?:\s+not|n't)?\s+|would\s+not\s+)?)"
            r"(deals|dealt|deal)\s+(?:also\s+|only\s+|at all\s+)?with\b"
        ),
        lambda m: m.group(1) + _COVER_FORM[m.group(2)],
    ),
    # What a text spells out, sets out or lays out, it mentions ("arms transfers, which the
    # text spells out"); a person who declines to spell out the details withholds them.
    (
        re.compile(
            rf"\b((?:{_TEXT_NOUN}|it)\s+(?:[a-z]+ly\s+|also\s+)?)"
            r"(?:(spells|sets|lays)|(spelled|spelt|set|laid))\s+out\b"
        ),
        lambda m: m.group(1) + ("mentions" if m.group(2) else "mentioned"),
    ),
    # A card, system or device that can be used at a place works there: "Mir cards cannot be
    # used at Iranian terminals" denies that they "work at Iranian terminals". (A negation's
    # scope begins after its cue: " be used at ..." there is the same phrase.)
    (
        re.compile(
            r"(^\s*|\b(?:can(?:not|'t)?|could(?:\s+not|n't)?)\s+(?:still\s+|now\s+|already\s+)?)"
            r"be\s+used\s+at\b"
        ),
        r"\1work at",
    ),
    # Trade settled in a currency is conducted in it; a dispute settled in 2004 is not.
    (
        re.compile(
            r"\bsettled\s+((?:mostly\s+|mainly\s+|largely\s+|predominantly\s+|chiefly\s+)?in\s+)"
            r"(?=(?:[\w-]+\s+){0,3}?(?:currenc|roubles?\b|rubles?\b|rials?\b|dollars?\b|yuan\b))"
        ),
        r"conducted \1",
    ),
    # A scope that reaches as far as something covers it ("cooperation that extends as far as
    # building reactors"); not a length ("extends as far as 2045" is left alone).
    (
        re.compile(r"\b(?:extends|reaches|goes|stretches)\s+as\s+far\s+as\b(?=\s+(?:the\s+)?[a-z])"),
        "covers",
    ),
    # A scope that extends to a domain covers it ("extends also to energy"); not to a date.
    (
        re.compile(
            r"\bextends\s+(?:also\s+|in addition\s+|as well\s+)?(?:in)?to\b"
            r"(?=\s+(?:the\s+)?[a-z])"
        ),
        "covers",
    ),
    # Its participle likewise: "a pact extending into defence" covers defence (not a length:
    # "extending to five years"; "extending the pact to 2045" renews it and is left alone).
    (
        re.compile(
            r"\bextending\s+(?:also\s+|in addition\s+|as well\s+)?(?:in)?to\b" + _TO_A_FIELD
        ),
        "covering",
    ),
    # The plain form after "does not", "would", "to": "does not extend to defence".
    (
        re.compile(
            # (at the start too: a negation's scope begins after its cue, "extend to defence")
            r"(\b(?:not|n't|never|would|will|to|may|might|does|do|did)\s+|^\s*)extend\s+"
            r"(?:also\s+|as well\s+)?(?:in)?to\b" + _TO_A_FIELD
        ),
        r"\1cover",
    ),
    # The same in the past ("denied that the agreement extended to security matters"), but
    # not the passive of a renewal ("was extended to 2045") nor a length ("to five years").
    (
        re.compile(
            r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )"
            r"\bextended\s+(?:also\s+|in addition\s+|as well\s+)?(?:in)?to\b" + _TO_A_FIELD
        ),
        "covered",
    ),
    # Drawing or bringing parties closer strengthens their ties: "might draw the two
    # militaries closer together" (not "have grown closer", which says where they stand).
    (
        re.compile(
            r"\b(?:draw|draws|drew|drawn|drawing|bring|brings|brought|bringing)\s+"
            r"((?:[\w'-]+\s+){1,5}?)(?:even\s+|much\s+|still\s+)?closer"
            # together, or closer to each other; not closer to a place ("gas closer to Europe")
            r"(?:\s+together\b|\s+to\s+(?:each other|one another)\b"
            r"|(?=\s*(?:[,.;:]|$|\s(?:and|but|than|in|over|through|by|as|after|while)\b))"
            # or closer on a field ("closer on military and security matters"), not on a route
            r"|(?=\s+on\s+(?:[\w-]+\s+(?:and\s+)?){0,3}?(?:matters|issues|questions|fronts?|"
            r"military|security|defen[cs]e|trade|energy|economy|economic)\b))"
        ),
        r"strengthen \1ties",
    ),
    # What forms part of a text is covered by it: "denied that defence formed any part of the
    # pact"; what forms no part of it is not.
    (
        re.compile(
            r"\b(?:form(?:s|ed|ing)?|constitut(?:es|ed|ing|e))\s+(?:any\s+|a\s+|an\s+)?"
            r"(?:integral\s+|essential\s+|key\s+)?part\s+of\b"
        ),
        "covered by",
    ),
    (
        re.compile(r"\b(?:form(?:s|ed|ing)?|constitut(?:es|ed|ing|e))\s+no\s+part\s+of\b"),
        "not covered by",
    ),
    # To become the object or target of an attack is to be attacked.
    (
        re.compile(
            r"\b(?:becom(?:e|es|ing)|became|is|are|be|being|been)\s+the\s+(?:object|target|victim)"
            r"\s+of\s+(?:an?\s+)?(?:armed\s+)?(?:attack|aggression)\b"
        ),
        "being attacked",
    ),
    # Calls of warships at the parties' ports are port visits.
    (
        re.compile(
            r"\bcalls\s+(?:of|by)\s+((?:[\w'-]+\s+){1,4}?)at\s+(?:the\s+|each other's\s+|their\s+)?"
            r"(?:ports?|harbou?rs?)\b"
        ),
        r"port visits by \1",
    ),
    (
        re.compile(
            r"\bcalls\s+at\s+(?:the\s+|each other's\s+|their\s+)?(?:ports?|harbou?rs?)\b"
        ),
        "port visits",
    ),
    # "The holding of joint exercises" is the exercises.
    (
        re.compile(
            r"\b(?:the\s+)?(?:holding|conduct|conducting|staging)\s+of\s+"
            r"(?=(?:[\w-]+\s+){0,2}?(?:drills|exercises|manoeuvres|maneuvers|war games)\b)"
        ),
        "",
    ),
    # An intensifier of a denial or a limit adds no content: "does not cover defence in any
    # form", "no help of any kind", "not linked in any way" say what the plain words say.
    # (After the "touches in any way on" entry, which reads the phrase as part of its verb.)
    (
        re.compile(
            r",?\s*\b(?:in\s+any\s+(?:way,?\s+shape\s+or\s+form|shape\s+or\s+form|form|way"
            r"|manner|fashion)|of\s+any\s+(?:kind|sort|type))\b(?!\s+of\b)"
        ),
        "",
    ),
)


def _hyphen_parts(raw: str) -> list[str]:
    """``raw`` split at hyphens when one of its parts is a number or a month's name."""
    parts = raw.split("-")
    if len(parts) < 2 or not any(
        part in _MONTH_NAMES or any(ch.isdigit() for ch in part) for part in parts
    ):
        return [raw]
    return [part for part in parts if len(part) > 1 and part not in _DATE_QUALIFIERS]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball stem of one lowercase word (cached: news vocabulary repeats a lot)."""
    return str(_STEMMER.stemWord(word))


# Any denial cue, longest first ("brushed aside" before "brushed"), as a regex alternation.
DENIAL_CUE_ALTERNATION = "|".join(
    re.escape(c) for c in sorted(lexicon.DENIAL_CUES, key=len, reverse=True)
)
# A denial's verdict on what it denies adds nothing to the denial: "rejected as baseless the
# claims that ..." rejects the claims, "dismissed as unfounded" dismisses them.
_DENIED_AS = re.compile(
    r"(?<![\w'])("
    + DENIAL_CUE_ALTERNATION
    + r")\s+as\s+(?:(?:totally|completely|utterly|entirely|wholly)\s+)?"
    r"(?:baseless|groundless|unfounded|false|untrue|absurd|fabricated|fiction|nonsense|"
    r"speculative|speculation|misleading|inaccurate|fake|unsubstantiated)\b,?"
)

# "The old deal is out, and this one's in": the one that is in replaces the one that is out.
_OUT_AND_IN = re.compile(
    r"\b(?P<old>(?:the|a|an|its|their)\b[^,;:]*?) (?:is|are|was|were) out,? and "
    r"(?P<new>[^,;:]*?)(?:'s| is| are| was| were)(?: now)? in\b(?! \w)"
)


# A text that has nothing to do with a field does not cover it ("the treaty has nothing to do
# with defence"); a timing that has nothing to do with an event keeps the idiom's sense.
_TEXT_UNRELATED = re.compile(
    rf"\b((?:{_TEXT_NOUN}|deal)\s+)(has|have|had)\s+nothing\s+"
    r"(?:at all\s+|whatsoever\s+)?to\s+do\s+with\b"
)


# Putting one's name or signature to a text signs it, whoever's it is: "put Russia's signature
# to the pact", "putting their names to it"; setting them to it is the same ("set their
# signatures to the accord").
_SIGNATURE_TO = re.compile(
    r"\b(put|puts|putting|set|sets|setting)\s+(?:(?:his|her|their|its|our|the|[\w.-]+'s)\s+)?"
    r"(?:names?|signatures?)\s+to\b"
)
_SIGNED_FORM = {
    "put": "signed",
    "puts": "signs",
    "putting": "signing",
    "set": "signed",
    "sets": "signs",
    "setting": "signing",
}
# An event whose date was chosen to achieve something was timed to: "denied that the date of
# the signing had been picked to upstage the inauguration" denies that the signing was timed to.
_DATE_CHOSEN_TO = re.compile(
    r"\bthe\s+(?:date|day|timing|moment)\s+of\s+"
    r"(the\s+(?:[\w'-]+\s+){0,2}?(?:signing|visit|ceremony|summit|talks))\s+"
    r"(was|were|had been|has been|have been|is|are)\s+(?:deliberately\s+|specifically\s+)?"
    # "so as to", "in order to" say "to": they go with the verb.
    r"(?:chosen|picked|selected|set|fixed)\s+(?:so as |in order )?(?=to\b)(?!to be\b)"
)
# Denying that a text leaves something out says that it includes it: "denied that the pact
# leaves out defence", "pushed back on suggestions that defence had been left out of the
# deal", "dismissed reports that the treaty shuts out military cooperation". The two
# negations cancel, and the clause is read as what it asserts: the text covers it. (A denial of
# something else, "denied that the pact creates an alliance", is left alone.)
_DENIED_EXCLUSION = re.compile(
    r"(?<![\w'])(?:"
    + DENIAL_CUE_ALTERNATION
    + r")\s+(?:(?:the|any|all|such)\s+)?"
    r"(?:(?:suggestions?|claims?|reports?|talk|notions?|ideas?|assertions?|allegations?|"
    r"speculation|accounts?)\s+)?(?:that\s+)?"
    # (a coordinated subject is one: "that security and defence were left out"; "and" before
    # a verb starts a clause of its own: "dismissed the reports and insisted ...")
    r"(?P<np>(?:(?!(?:that|which|but|not)\b|and\s+(?:\w+ed|said|says|told|adds|insists|argues"
    r"|stresses|notes|vows|warns|is|are|was|were)\b)[\w'-]+\s+){1,8}?)"
    r"(?:(?P<aux>had been|has been|have been|was|were|is|are|being|been)\s+)?"
    r"(?:(?P<act>leaves|leave|leaving|excludes|exclude|excluding|omits|omit|omitting"
    r"|shuts|shut|shutting)\s+out\b|(?P<act2>excludes|exclude|omits|omit|leaves|leave)\b"
    r"(?!\s+out)(?=\s+(?!out\b)[a-z])|(?P<pass>left out|excluded|omitted|shut out|kept out)\b"
    r"(?P<of>\s+(?:of|from)\b)?)"
)


def _included(m: re.Match[str]) -> str:
    np = m.group("np")
    if m.group("pass") is not None:
        return f"said that {np}{m.group('aux') or 'was'} covered" + (" by" if m.group("of") else "")
    verb = m.group("act") or m.group("act2") or ""
    if m.group("aux") is not None:
        np += m.group("aux") + " "
    if verb.endswith("ing"):
        return f"said that {np}covering"
    return f"said that {np}{'covers' if verb.endswith('s') else 'cover'}"


def denied_exclusions_said(lowered: str) -> str:
    """Lowercased text with each denial of an exclusion read as what it asserts: "denied
    that the pact leaves out defence" is "said that the pact covers defence"."""
    return _DENIED_EXCLUSION.sub(_included, lowered)


# A phrase hyphenated into one modifier ("an attack-on-one-is-an-attack-on-both pledge",
# "a come-to-each-other's-aid clause") says what the phrase says: four words or more joined by
# hyphens are read as words. Two or three ("north-south", "military-technical") are one word.
_PHRASAL_COMPOUND = re.compile(r"(?<![\w-])[a-z']+(?:-[a-z']+){3,}(?![\w-])")


# A Solar Hijri (Persian-calendar) date given with its Gregorian equivalent, as Iranian
# agencies and ministries date things: "on 28 Dey 1403 (17 January 2025)", "27 Dey 1403,
# corresponding to 16 January 2025". The Gregorian date says the same day; the Persian one
# would only be read as a count ("27 dey"), so it goes and the Gregorian one stays.
_HIJRI_MONTHS = (
    "farvardin|ordibehesht|khordad|tir|mordad|amordad|shahrivar|mehr|aban|azar|dey|bahman|esfand"
)
_HIJRI_DATE = rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_HIJRI_MONTHS})\s+1[34]\d\d\b"
_HIJRI_IN_PARENS = re.compile(rf"{_HIJRI_DATE}\s*\(([^()]*\b(?:19|20)\d\d\b[^()]*)\)")
_HIJRI_CORRESPONDING = re.compile(
    rf"{_HIJRI_DATE}\s*(?:,\s*|\s)(?:(?:which\s+)?(?:corresponding|corresponds|equivalent|equal)"
    r"\s+to|i\.e\.,?|or)\s+(?:the\s+)?(?=[^.;]*\b(?:19|20)\d\d\b)"
)
# ... and the other way round: "17 January 2025 (28 Dey 1403)".
_HIJRI_AFTER = re.compile(rf"\s*\(\s*{_HIJRI_DATE}\s*\)")


def gregorian_only(lowered: str) -> str:
    """Lowercased text without the Persian-calendar twin of a Gregorian date."""
    lowered = _HIJRI_IN_PARENS.sub(r"\1", lowered)
    lowered = _HIJRI_CORRESPONDING.sub("", lowered)
    return _HIJRI_AFTER.sub("", lowered)
# The text's scope with its owner first: "outside the agreement's scope" is "outside the scope
# of the agreement", the form the out-of-scope cues and phrases read.
_OWNER_SCOPE = re.compile(
    r"\b(outside|beyond) the (treaty|agreement|accord|pact|deal|text|document)'s "
    r"(scope|remit|purview)\b"
)


def plain_idioms(lowered: str) -> str:
    """Lowercased text with idioms said plainly ("put pen to paper" is "signed")."""
    lowered = gregorian_only(lowered)
    lowered = _OWNER_SCOPE.sub(r"\1 the \3 of the \2", lowered)
    lowered = _SIGNATURE_TO.sub(lambda m: _SIGNED_FORM[m.group(1)], lowered)
    lowered = _PHRASAL_COMPOUND.sub(lambda m: m.group(0).replace("-", " "), lowered)
    lowered = _TEXT_UNRELATED.sub(
        lambda m: m.group(1) + ("did" if m.group(2) == "had" else "does") + " not cover", lowered
    )
    text = _DENIED_AS.sub(r"\1", _IDIOM_RE.sub(lambda m: lexicon.IDIOMS[m.group(0)], lowered))
    text = _DENIED_EXCLUSION.sub(_included, text)
    text = _DATE_CHOSEN_TO.sub(r"\1 \2 timed ", text)
    return _OUT_AND_IN.sub(r"\g<new> replaces \g<old>", text)


def prepare(text: str) -> str:
    """Lowercased text with quotes, number words, actor spellings and phrases unified."""
    text = names.fold_diacritics(text)
    capitalised = names.capitalised_words(text)
    text = plain_idioms(text.translate(_QUOTES).lower())
    text = words_to_digits(text)
    text = _PUT_ONLINE.sub(
        lambda m: " ".join(filter(None, (_POSTED[m.group(1)], m.group(2).rstrip()))), text
    )
    for pattern, plain in _OFFICIALESE:
        text = pattern.sub(plain, text)
    # Phrases first: "lower house" becomes "state duma", which the actor pass then names.
    text = _PHRASE_RE.sub(lambda m: lexicon.PHRASE_SYNONYMS[m.group(0)], text)
    text = _TERM_ADJECTIVE.sub(r"\1 duration", text)
    text = _TERM_BINDING.sub(r"\1duration for", text)
    text = _MUTUAL_DEFENCE_RE.sub(
        lambda m: m.group(0) if "mutualdefense" in m.group(0) else f"mutualdefense {m.group(0)}",
        text,
    )
    text = _ACTOR_RE.sub(lambda m: _ACTOR_SPELLINGS[m.group(0)], text)
    if _IRAN_SIDE.search(text) and not _RUSSIA_SIDE.search(text):
        # Iran's parliament has one house: "the parliament" of a sentence that names only
        # Iran's side is the Majlis ("Iranian officials cite the parliament's vote").
        text = _BARE_PARLIAMENT.sub("majlis", text)
    return names.unify_names(text, capitalised)


_IRAN_SIDE = re.compile(r"\b(?:iran\w*|tehran\w*|majlis|pezeshkian\w*|araghchi\w*)")
_RUSSIA_SIDE = re.compile(
    r"\b(?:russia\w*|moscow\w*|kremlin\w*|state_duma|federation_council|putin\w*|lavrov\w*"
    r"|peskov\w*|duma|senat\w*)"
)
_BARE_PARLIAMENT = re.compile(r"(?<=\bthe )parliament(?!ar)")


# A denial cue of more than one word ("brushed aside", "pushed back on") is masked whole, as
# one-word cues are: its words say that something is denied, not what. Pushing back against a
# power resists it (see ``lexicon.RESISTING``) and keeps its words.
_MULTI_WORD_DENIALS = re.compile(
    r"(?<![\w'-])(?:"
    + "|".join(
        re.escape(c) for c in sorted((c for c in lexicon.DENIAL_CUES if " " in c), key=len)[::-1]
    )
    + r")(?![\w'-])"
)
_RESISTING = re.compile(lexicon.RESISTING)


def _without_denial_cues(prepared: str) -> str:
    return _MULTI_WORD_DENIALS.sub(
        lambda m: m.group(0) if _RESISTING.match(prepared, m.start()) else " ", prepared
    )


def is_masked(word: str) -> bool:
    """Is this word a detail that masking hides (a number, a date word, a negation or hedge)?"""
    return word in _MASKED_WORDS or word.endswith("n't") or any(ch.isdigit() for ch in word)


def content_words(prepared: str) -> list[str]:
    """The words of prepared text that carry content: synonyms unified, stopwords dropped."""
    words: list[str] = []
    for token in _TOKEN.findall(prepared):
        for raw in _hyphen_parts(token):
            word = raw.removesuffix("'s").strip(".'-")
            if not word:
                continue
            word = lexicon.WORD_SYNONYMS.get(word, word)
            for part in word.split():
                if part not in lexicon.STOPWORDS:
                    words.append(part)
    return words


def _stem_token(word: str) -> str:
    # Digits, canonical actor ids and multi-part ids are kept as they are.
    if "_" in word or any(ch.isdigit() for ch in word):
        return word
    return stem(word)


def normalize(text: str) -> str:
    """The normalised form: stemmed content tokens in their original order."""
    return " ".join(_stem_token(w) for w in content_words(prepare(text)))


def _masked_words(prepared: str, words: list[str]) -> list[str]:
    if _MULTI_WORD_DENIALS.search(prepared):
        words = content_words(_without_denial_cues(prepared))
    return [w for w in words if not is_masked(w)]


def mask(text: str) -> str:
    """The normalised form without numbers, dates, negation and hedge cues."""
    prepared = prepare(text)
    return " ".join(_stem_token(w) for w in _masked_words(prepared, content_words(prepared)))


def normalize_and_mask(text: str) -> tuple[str, str]:
    """Both forms from one pass over the text."""
    prepared = prepare(text)
    words = content_words(prepared)
    normalized = " ".join(_stem_token(w) for w in words)
    masked = " ".join(_stem_token(w) for w in _masked_words(prepared, words))
    return normalized, masked
