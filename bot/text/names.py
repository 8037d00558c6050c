"""Spelling variants of the actors' names: "Kazem Djalali" is Jalali, "Wladimir Putin" is Putin.

Transliteration from Persian and Russian gives every name several spellings, and no list
holds them all. A capitalised word that is a near spelling of a known surname becomes that
actor; a capitalised word before an actor that is a near spelling of one of the actor's first
names goes, as the listed spellings' first names already do ("Vladimir Putin" is "putin").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz, process

from bot.text import lexicon

# Short names have too many near neighbours among ordinary words ("raisi", "raisin").
_MIN_LENGTH = 6
_SURNAME_SCORE = 85.0
_FIRST_NAME_SCORE = 80.0
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")

# Letters with diacritics as English transliteration writes them: Turkish and Azeri "ş"/"ç"
# are "sh"/"ch" ("Pezeşkiyan" is Pezeshkian), dotless "ı" is "i"; other marks are dropped by
# decomposition ("ğ" -> "g", "ö" -> "o", "é" -> "e").
_TRANSLITERATION = str.maketrans(
    {"ş": "sh", "Ş": "Sh", "ș": "sh", "Ș": "Sh", "ç": "ch", "Ç": "Ch", "ı": "i", "ł": "l", "Ł": "L"}
)


def fold_diacritics(text: str) -> str:
    """``text`` with Latin letters' diacritics folded to plain English spelling."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_SURNAMES: dict[str, str] = {}
_FIRST_NAMES: dict[str, set[str]] = {}
for _actor, _spellings in lexicon.ACTORS.items():
    if _actor in lexicon.INSTITUTIONS:
        continue
    for _spelling in _spellings:
        *_first, _last = _spelling.replace(".", "").split()
        if len(_last) >= _MIN_LENGTH and "'" not in _last:
            _SURNAMES[_last] = _actor
        for _name in _first:
            if len(_name) > 1:
                _FIRST_NAMES.setdefault(_actor, set()).add(_name)
_SURNAME_SPELLINGS = tuple(_SURNAMES)
_ACTOR_AFTER = re.compile(
    r"\b([a-z][a-z'-]+) (" + "|".join(sorted(_FIRST_NAMES, key=len, reverse=True)) + r")\b"
)
# A Russian patronymic between the first name and the surname ("Sergey Viktorovich Lavrov",
# "Dmitry Sergeyevich Peskov") goes as the first name does.
_PATRONYMIC = re.compile(r"[a-z]{2,}(?:ovich|evich|yevich|ovna|evna|yevna|ichna)")
_DZH = re.compile(r"dzh")
_WORD = re.compile(r"(?<![\w'-])[a-z][a-z'-]*(?![\w'-])")


@lru_cache(maxsize=8192)
def surname_actor(word: str) -> str | None:
    """The actor whose surname ``word`` (lowercase) is a spelling of, if any."""
    if len(word) < _MIN_LENGTH:
        return None
    # Russian spells the English "j" (Persian "ج") with two letters that come out as "dzh"
    # ("Dzhalali" is Jalali): compared with the English spelling, not as a near miss.
    word = _DZH.sub("j", word)
    found = process.extractOne(
        word, _SURNAME_SPELLINGS, scorer=fuzz.ratio, score_cutoff=_SURNAME_SCORE
    )
    return _SURNAMES[found[0]] if found else None


@lru_cache(maxsize=8192)
def _is_first_name(word: str, actor: str) -> bool:
    names = _FIRST_NAMES.get(actor, ())
    return any(fuzz.ratio(word, name) >= _FIRST_NAME_SCORE for name in names)


def capitalised_words(text: str) -> frozenset[str]:
    """The words of the original text written with a capital, lowercased: names are among
    them, and only they may be read as names."""
    return frozenset(w.lower().replace("’", "'") for w in _CAPITALISED.findall(text))


def unify_names(prepared: str, capitalised: frozenset[str]) -> str:
    """``prepared`` text with near spellings of actors' names replaced by the actor id."""
    if not capitalised:
        return prepared

    def surname(m: re.Match[str]) -> str:
        word = m.group(0)
        if word not in capitalised or word in lexicon.ACTORS:
            return word
        return surname_actor(word) or word

    text = _WORD.sub(surname, prepared)

    def first_name(m: re.Match[str]) -> str:
        word, actor = m.group(1), m.group(2)
        if word in capitalised and (
            _is_first_name(word, actor) or _PATRONYMIC.fullmatch(word) is not None
        ):
            return actor
        return m.group(0)

    # Twice: the patronymic goes first, then the first name it stood between.
    return _ACTOR_AFTER.sub(first_name, _ACTOR_AFTER.sub(first_name, text))
