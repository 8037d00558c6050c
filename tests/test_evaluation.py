"""Accuracy on the labelled sets, pinned a little below the measured figures, and the metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import Config
from bot.engine import Engine
from bot.evaluation import DEFAULT_DIR, Outcome, Scores, evaluate, evaluate_probe
from bot.model import Verdict

# Measured (README, Accuracy): static dev 0.990 (259 items), static held-out 0.925,
# sequential dev 0.990, sequential held-out 0.897 macro-F1. Below a floor, CI fails.
FLOORS = {
    "static dev": 0.98,
    "static heldout": 0.91,
    "sequential dev": 0.97,
    "sequential heldout": 0.87,
}


@pytest.fixture(scope="module")
def results() -> dict[str, Scores]:
    return {scores.name: scores for scores in evaluate()}


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_macro_f1_does_not_regress(results: dict[str, Scores], split: str) -> None:
    assert results[split].macro_f1 >= FLOORS[split], results[split].mistakes[:5]


# The development probes (bench/eval/probes): rules were written for their mistakes after each
# was scored once on arrival, so a floor keeps those rules from silently regressing.
PROBE_FLOORS = {
    "fresh2": 0.97,
    "fresh3": 0.97,
    "fresh4": 0.97,
    "fresh5": 0.97,
    "fresh6": 0.97,
    "fresh7": 0.97,
    "fresh8": 0.96,
    "fresh9": 0.97,
    "fresh10": 0.95,
    "fresh11": 0.97,
    "fresh12": 0.97,
    "fresh13": 0.97,
    "fresh14": 0.97,
    "fresh15": 0.97,
    "fresh16": 0.97,
    "fresh17": 0.97,
    # kept unseen while the fresh14-fresh20 rules were written (0.920 on arrival)
    "fresh18": 0.97,
    "fresh19": 0.97,
    "fresh20": 0.94,
    "fresh21": 0.97,
    "fresh22": 0.97,
    "fresh23": 0.97,
    # kept unseen while the fresh21-fresh28 rules were written (0.877 on arrival)
    "fresh24": 0.97,
    "fresh25": 0.92,
    "fresh26": 0.82,
    "fresh27": 0.97,
    "fresh28": 0.94,
    # kept unseen while the fresh24-fresh31 rules were written (0.797 on arrival)
    "fresh29": 0.94,
    "fresh30": 0.95,
    "fresh31": 0.88,
    "fresh32": 0.97,
    "fresh33": 0.90,
    # kept unseen while the fresh29-fresh33 rules were written (0.923 on arrival and after);
    # rules written for it the round after
    "fresh34": 0.96,
    # sequential probes: dated articles judged against the seeds and earlier articles
    "seq1": 0.84,
    # kept unseen while the seq1 rules were written (0.691 on arrival, 0.724 after them);
    # rules written for it the round after
    "seq2": 0.77,
    # kept unseen while the fresh34/seq2 rules were written (0.774 and 0.620 on arrival,
    # 0.797 and 0.620 after them); rules written for them the round after (0.921, 0.730)
    # and the next (0.954, 0.787)
    "fresh35": 0.93,
    "seq3": 0.76,
    # blind, kept unseen while the fresh35/seq3 rules were written (0.960 on arrival and
    # after); rules written for it the round after (0.979)
    "fresh36": 0.96,
    # blind sequential probe, kept unseen likewise (0.693 on arrival and after); rules
    # written for it the round after (0.895)
    "seq4": 0.87,
    # blind, kept unseen while the fresh36/seq4 rules were written (0.884 on arrival and
    # after)
    "fresh37": 0.86,
    # blind sequential probe, kept unseen likewise (0.523 on arrival, 0.530 after)
    "seq5": 0.50,
}
# blind probes whose items no one may read while rules are written: a failing floor names none
UNSEEN_PROBES = frozenset({"fresh37", "seq5"})


@pytest.fixture(scope="module")
def probe_results() -> dict[str, Scores]:
    engine = Engine.from_baseline(Config())
    results = {}
    for path in sorted(Path(DEFAULT_DIR, "probes").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        results[path.stem] = evaluate_probe(engine, rows, path.stem)
    return results


@pytest.mark.parametrize("probe", sorted(PROBE_FLOORS))
def test_probe_macro_f1_does_not_regress(probe_results: dict[str, Scores], probe: str) -> None:
    scores = probe_results[probe]
    shown = [] if probe in UNSEEN_PROBES else scores.mistakes[:5]
    assert scores.macro_f1 >= PROBE_FLOORS[probe], shown


def test_every_split_has_items_of_every_verdict(results: dict[str, Scores]) -> None:
    for scores in results.values():
        assert {o.gold for o in scores.outcomes} == set(Verdict)


def _outcome(gold: Verdict, predicted: Verdict) -> Outcome:
    return Outcome("x", "text", gold, predicted, None)


def test_metrics_on_a_hand_made_split() -> None:
    scores = Scores("toy")
    scores.outcomes = [
        _outcome(Verdict.NEW, Verdict.NEW),
        _outcome(Verdict.NEW, Verdict.KNOWN),
        _outcome(Verdict.KNOWN, Verdict.NEW),
        _outcome(Verdict.KNOWN, Verdict.KNOWN),
        _outcome(Verdict.CONTRADICTING, Verdict.CONTRADICTING),
        _outcome(Verdict.IRRELEVANT, Verdict.IRRELEVANT),
    ]
    assert scores.precision(Verdict.NEW) == 0.5
    assert scores.recall(Verdict.NEW) == 0.5
    assert scores.f1(Verdict.CONTRADICTING) == 1.0
    assert scores.macro_f1 == pytest.approx((0.5 + 0.5 + 1 + 1) / 4)
    # one of the three KNOWN/IRRELEVANT items was judged NEW
    assert scores.needless_new_rate == pytest.approx(1 / 3)
    assert scores.confusion[(Verdict.KNOWN, Verdict.NEW)] == 1
    assert len(scores.mistakes) == 2


def test_a_sequential_probe_is_replayed_with_an_engine_that_learns() -> None:
    """A probe of dated articles: the second article's restatement of the first one's new
    detail is KNOWN only because the first article was judged before it."""
    detail = "The Duma ratified the treaty by 412 votes to none on 8 April 2025."
    again = "The State Duma ratified the treaty on 8 April 2025 with 412 votes in favour."

    def article(number: int, day: str, sentence: str, verdict: str) -> dict[str, object]:
        return {
            "id": f"qp{number:02}", "published": f"{day}T09:00:00Z", "outlet": "o",
            "title": "Duma ratifies the Russia-Iran strategic partnership treaty",
            "link": "https://example.org/x", "split": "dev", "text": sentence,
            "labels": [{"text": sentence, "verdict": verdict, "note": "n"}],
        }

    rows = [article(1, "2025-04-09", detail, "NEW"), article(2, "2025-04-10", again, "KNOWN")]
    engine = Engine.from_baseline(Config())
    scores = evaluate_probe(engine, rows, "seq-toy")
    assert [(o.item_id, o.predicted) for o in scores.outcomes] == [
        ("qp01", Verdict.NEW), ("qp02", Verdict.KNOWN)
    ]
    # The shared engine did not learn the detail: static probes judged after stay independent.
    assert engine.judge_claim(
        engine.extractor.claim_from_sentence(again, doc_id="x", index=0)
    ).verdict is Verdict.NEW
