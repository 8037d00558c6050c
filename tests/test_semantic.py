"""Tests for bot/semantic.py and the judge's optional semantic stage, with the real model."""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest

from bot.config import Config, MatchingConfig
from bot.engine import Engine
from bot.model import Verdict
from bot.semantic import SemanticSimilarity

pytest.importorskip("wordllama")


@pytest.fixture(scope="module")
def model() -> SemanticSimilarity:
    return SemanticSimilarity.load()


def test_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model must not be downloaded")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert SemanticSimilarity.load().similarities("a pact", ["a treaty"])[0] > 0


def test_a_paraphrase_is_closer_than_another_provision(model: SemanticSimilarity) -> None:
    close, far = model.similarities(
        "The two capitals put their names to a long-term cooperation pact.",
        [
            "Both governments signed an agreement on cooperation for the long term.",
            "Grain exports through the Caspian ports fell last winter.",
        ],
    )
    assert close > far


def _verdict(text: str, threshold: float) -> Verdict:
    matching = replace(MatchingConfig(), semantic=True, semantic_threshold=threshold)
    engine = Engine.from_baseline(Config(matching=matching))
    claim = engine.extractor.claim_from_sentence(text, doc_id="t", index=0)
    return engine.judge_claim(replace(claim, relevant=True)).verdict


def test_the_stage_turns_new_into_known_only_from_its_threshold() -> None:
    text = "The accord lets both governments swap know-how on farming and water management."
    assert _verdict(text, 1.0) is Verdict.NEW
    assert _verdict(text, 0.0) is Verdict.KNOWN


def test_a_figure_the_candidate_lacks_stays_new_whatever_the_threshold() -> None:
    text = "The accord lets both governments swap farming know-how for 30 years."
    assert _verdict(text, 0.0) is Verdict.NEW
