"""NearTokens answers exactly what process.extractOne(fuzz.ratio, score_cutoff) answers."""

from __future__ import annotations

import random

from rapidfuzz import fuzz, process

from bot.text.slips import NearTokens

VOCABULARY = [
    "pezeshkian", "pezeshkain", "pezeshkin", "araghchi", "araqchi", "ratifi", "ratif",
    "treati", "treaty", "defenc", "defens", "corridor", "coridor", "sanction", "sanctions",
    "duma", "state_duma", "majlis", "majli", "lavrov", "jalali", "jalal", "gas", "oil",
]  # fmt: skip


def _extract_one(token: str, target: frozenset[str]) -> bool:
    return process.extractOne(token, target, scorer=fuzz.ratio, score_cutoff=88) is not None


def test_answers_like_extract_one_both_ways() -> None:
    rng = random.Random(3)
    for _ in range(200):
        rows = frozenset(rng.sample(VOCABULARY, 6))
        columns = rows | frozenset(rng.sample(VOCABULARY, 10))
        near = NearTokens(88, rows, columns)
        for token in VOCABULARY:
            # A row token against any part of the columns.
            if token in rows:
                target = frozenset(rng.sample(sorted(columns), 4))
                assert near.match(token, target) == _extract_one(token, target)
            # A column token against any part of the rows (fuzz.ratio is symmetric).
            if token in columns:
                target = frozenset(rng.sample(sorted(rows), 3))
                assert near.match(token, target) == _extract_one(token, target)


def test_a_slip_is_found_and_an_unrelated_word_is_not() -> None:
    near = NearTokens(88, frozenset({"pezeshkian"}), frozenset({"pezeshkain", "lavrov"}))
    assert near.match("pezeshkian", frozenset({"pezeshkain"})) is True
    assert near.match("pezeshkian", frozenset({"lavrov"})) is False
    assert near.match("pezeshkain", frozenset({"pezeshkian"})) is True


def test_questions_outside_its_tokens_are_not_answered() -> None:
    near = NearTokens(88, frozenset({"pezeshkian"}), frozenset({"pezeshkain"}))
    assert near.match("araghchi", frozenset({"pezeshkain"})) is None
    assert near.match("pezeshkian", frozenset({"araqchi"})) is None


def test_quiet_tokens_are_the_ones_match_says_no_for() -> None:
    rng = random.Random(5)
    for _ in range(200):
        rows = frozenset(rng.sample(VOCABULARY, 7))
        columns = rows | frozenset(rng.sample(VOCABULARY, 9))
        near = NearTokens(88, rows, columns)
        target = frozenset(rng.sample(sorted(rows if rng.random() < 0.5 else columns), 4))
        quiet = near.quiet_for(target)
        for token in VOCABULARY:
            if token in target:
                continue
            if token in quiet:
                assert near.match(token, target) is False
                assert not _extract_one(token, target)
    # A slip is never quiet.
    near = NearTokens(88, frozenset({"pezeshkian"}), frozenset({"pezeshkain", "lavrov"}))
    assert "pezeshkian" not in near.quiet_for(frozenset({"pezeshkain"}))
    assert "lavrov" in near.quiet_for(frozenset({"pezeshkian"}))
