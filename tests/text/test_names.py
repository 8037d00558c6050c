"""Tests for bot/text/names.py: transliteration variants of the actors' names."""

from __future__ import annotations

import pytest

from bot.text import names
from bot.text.names import capitalised_words, surname_actor, unify_names
from bot.text.normalize import mask, normalize


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("According to Kazem Jallali, the accord is valid for 20 years.", "jalali"),
        ("Wladimir Putin signed the treaty.", "putin"),
        ("Foreign Minister Abbas Araktchi spoke to reporters.", "araghchi"),
        ("Speaker Wjatscheslaw Volodine promised a quick vote.", "volodin"),
    ],
)
def test_a_near_spelling_of_a_name_is_the_actor_without_the_first_name(
    sentence: str, actor: str
) -> None:
    tokens = mask(sentence).split()
    assert actor in tokens
    assert not {"kazem", "wladimir", "abbas"} & set(tokens)


def test_ordinary_words_are_never_read_as_names() -> None:
    # Lowercase words are not names, and short surnames have ordinary neighbours.
    assert unify_names("the jallali said", frozenset()) == "the jallali said"
    assert surname_actor("raisin") is None
    assert "raisin" in mask("Raisin exports rose.").split()


def test_a_first_name_goes_only_before_its_own_actor() -> None:
    text = unify_names("kazem putin met", capitalised_words("Kazem Putin met"))
    assert text == "kazem putin met"


def test_capitalised_words_are_lowercased_with_plain_apostrophes() -> None:
    words = capitalised_words("Envoy Kazem Jalali of Iran’s mission spoke.")
    assert words == {"envoy", "kazem", "jalali", "iran's"}


def test_a_russian_dzh_spelling_is_the_english_j() -> None:
    # Russian renders the "j" of a Persian name as "dzh"
    tokens = mask("Envoy Kazim Dzhalali told TASS the pact has no defence clause.").split()
    assert "jalali" in tokens and "dzhalali" not in tokens and "kazim" not in tokens
    # not a name: a lowercase word is left alone, and so is a name of no actor
    assert surname_actor("dzhabarov") is None


@pytest.mark.parametrize(
    ("sentence", "actor", "gone"),
    [
        # a Russian patronymic between the first name and the surname goes with the first name
        ("Sergei Viktorovich Lavrov met the envoy.", "lavrov", {"sergei", "viktorovich"}),
        ("Dmitry Sergeyevich Peskov took questions.", "peskov", {"dmitri", "sergeyevich"}),
    ],
)
def test_a_patronymic_goes_with_the_first_name(sentence: str, actor: str, gone: set[str]) -> None:
    tokens = set(mask(sentence).split())
    assert actor in tokens and not gone & tokens


def test_a_patronymic_goes_only_before_an_actor() -> None:
    # a patronymic-shaped word of no actor's name stays
    assert "petrovich" in mask("Ivan Petrovich Sidorov commented.").split()


def test_diacritics_fold_to_the_english_transliteration() -> None:
    assert names.fold_diacritics("Şeyh Çelebi, Kılıç, Doğan, Gölcük") == (
        "Sheyh Chelebi, Kilich, Dogan, Golcuk"
    )
    assert names.fold_diacritics("plain text") == "plain text"


def test_a_turkish_spelling_of_a_name_is_the_actor() -> None:
    assert normalize("Mesud Pezeşkiyan arrived") == normalize("Pezeshkian arrived")
