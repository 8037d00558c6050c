"""Accuracy on the labelled evaluation sets (``treatywatch eval``).

Two sets live in ``bench/eval`` (see its README): a *static* set of single claims, each judged
against the seed baseline alone, and a *sequential* set of dated articles judged in order, so
later reports meet what earlier ones established. Each has a dev split (for tuning) and a
held-out split (never tuned on). This module loads them, runs the real engine, and computes
per-verdict precision, recall and F1, macro-F1, the confusion matrix and the share of KNOWN or
IRRELEVANT claims wrongly judged NEW (each would be a needless alert).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.config import Config
from bot.engine import Engine
from bot.errors import InputError
from bot.model import Document, Judgement, Verdict

VERDICTS = (Verdict.KNOWN, Verdict.NEW, Verdict.CONTRADICTING, Verdict.IRRELEVANT)
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "bench" / "eval"


@dataclass(frozen=True, slots=True)
class Outcome:
    """One labelled item: what the analyst said, what the engine said, and why."""

    item_id: str
    text: str
    gold: Verdict
    predicted: Verdict
    judgement: Judgement | None


@dataclass(slots=True)
class Scores:
    """Figures for one split of one set."""

    name: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def confusion(self) -> Counter[tuple[Verdict, Verdict]]:
        return Counter((o.gold, o.predicted) for o in self.outcomes)

    def precision(self, verdict: Verdict) -> float:
        predicted = sum(1 for o in self.outcomes if o.predicted is verdict)
        right = sum(1 for o in self.outcomes if o.predicted is verdict and o.gold is verdict)
        return right / predicted if predicted else 0.0

    def recall(self, verdict: Verdict) -> float:
        gold = sum(1 for o in self.outcomes if o.gold is verdict)
        right = sum(1 for o in self.outcomes if o.predicted is verdict and o.gold is verdict)
        return right / gold if gold else 0.0

    def f1(self, verdict: Verdict) -> float:
        p, r = self.precision(verdict), self.recall(verdict)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def macro_f1(self) -> float:
        present = [v for v in VERDICTS if any(o.gold is v for o in self.outcomes)]
        return sum(self.f1(v) for v in present) / len(present) if present else 0.0

    @property
    def needless_new_rate(self) -> float:
        """Share of KNOWN or IRRELEVANT items judged NEW."""
        quiet = [o for o in self.outcomes if o.gold in {Verdict.KNOWN, Verdict.IRRELEVANT}]
        return sum(1 for o in quiet if o.predicted is Verdict.NEW) / len(quiet) if quiet else 0.0

    @property
    def accuracy(self) -> float:
        return (
            sum(1 for o in self.outcomes if o.gold is o.predicted) / len(self.outcomes)
            if self.outcomes
            else 0.0
        )

    @property
    def mistakes(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.gold is not o.predicted]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(
            f"{path}: no such evaluation file",
            hint="Give the directory that holds bench/eval's files.",
        )
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise InputError(f"{path}:{number}: not JSON: {err.msg}") from err
    return rows


def evaluate_static(engine: Engine, rows: Iterable[dict[str, Any]], name: str) -> Scores:
    """Judge each claim against the engine's knowledge alone (no learning between items)."""
    scores = Scores(name)
    for index, row in enumerate(rows):
        claim = engine.extractor.claim_from_sentence(
            row["claim"], doc_id=f"eval:{row['id']}", index=index
        )
        judgement = engine.judge_claim(claim)
        scores.outcomes.append(
            Outcome(row["id"], row["claim"], Verdict(row["verdict"]), judgement.verdict, judgement)
        )
    return scores


def _squash(text: str) -> str:
    return " ".join(text.split())


def _verdict_for_label(label: str, judgements: list[Judgement]) -> Judgement | None:
    """The judgement of the claim that carries a labelled sentence (None: it was dropped as
    chrome, which counts as IRRELEVANT)."""
    wanted = _squash(label)
    for judgement in judgements:
        text = _squash(judgement.claim.text)
        if wanted in text or (len(text) > 20 and text in wanted):
            return judgement
    return None


def evaluate_sequential(config: Config, articles: list[dict[str, Any]]) -> tuple[Scores, Scores]:
    """Judge the articles in date order with one engine that learns; score dev and held-out."""
    engine = Engine.from_baseline(config)
    dev, heldout = Scores("sequential dev"), Scores("sequential heldout")
    for article in sorted(articles, key=lambda a: a["published"]):
        doc = Document(
            doc_id=f"eval:{article['id']}",
            title=article.get("title", ""),
            text=article["text"],
            published=datetime.fromisoformat(article["published"].replace("Z", "+00:00")),
            link=article.get("link"),
            outlet=article.get("outlet"),
        )
        judgements = engine.judge_document(doc)
        target = heldout if article.get("split") == "heldout" else dev
        for label in article["labels"]:
            judgement = _verdict_for_label(label["text"], judgements)
            predicted = judgement.verdict if judgement else Verdict.IRRELEVANT
            target.outcomes.append(
                Outcome(
                    article["id"], label["text"], Verdict(label["verdict"]), predicted, judgement
                )
            )
    return dev, heldout


def evaluate_probe(engine: Engine, rows: list[dict[str, Any]], name: str) -> Scores:
    """Score a development probe: claims judged one by one against the engine's knowledge
    (the static format), or dated articles replayed in order with an engine of their own that
    learns from them (the sequential format, told by its "labels")."""
    if rows and "labels" in rows[0]:
        dev, heldout = evaluate_sequential(engine.config, rows)
        scores = Scores(name)
        scores.outcomes = dev.outcomes + heldout.outcomes
        return scores
    return evaluate_static(engine, rows, name)


def evaluate(directory: Path | None = None, config: Config | None = None) -> list[Scores]:
    """All four splits: static dev, static held-out, sequential dev, sequential held-out."""
    directory = directory or DEFAULT_DIR
    config = config or Config()
    engine = Engine.from_baseline(config)
    static_dev = evaluate_static(engine, _read_jsonl(directory / "static_dev.jsonl"), "static dev")
    static_heldout = evaluate_static(
        engine, _read_jsonl(directory / "static_heldout.jsonl"), "static heldout"
    )
    seq_dev, seq_heldout = evaluate_sequential(config, _read_jsonl(directory / "sequential.jsonl"))
    return [static_dev, static_heldout, seq_dev, seq_heldout]


def format_scores(scores: Scores) -> str:
    lines = [
        f"== {scores.name}: {len(scores.outcomes)} items, accuracy {scores.accuracy:.3f}, "
        f"macro-F1 {scores.macro_f1:.3f}, "
        f"KNOWN/IRRELEVANT judged NEW {scores.needless_new_rate:.1%}",
        f"{'verdict':<14}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>10}",
    ]
    for verdict in VERDICTS:
        support = sum(1 for o in scores.outcomes if o.gold is verdict)
        lines.append(
            f"{verdict.value:<14}{scores.precision(verdict):>10.3f}{scores.recall(verdict):>10.3f}"
            f"{scores.f1(verdict):>10.3f}{support:>10}"
        )
    header = "gold \\ judged".ljust(16) + "".join(v.value[:8].rjust(10) for v in VERDICTS)
    lines += ["", header]
    confusion = scores.confusion
    for gold in VERDICTS:
        lines.append(
            gold.value.ljust(16) + "".join(str(confusion[(gold, p)]).rjust(10) for p in VERDICTS)
        )
    return "\n".join(lines)


def format_mistake(outcome: Outcome) -> str:
    judgement = outcome.judgement
    lines = [
        f"- [{outcome.item_id}] gold {outcome.gold.value}, "
        f"judged {outcome.predicted.value}: {outcome.text}"
    ]
    if judgement is None:
        lines.append("    (dropped as page chrome before judging)")
        return "\n".join(lines)
    lines.append(
        f"    score {judgement.score:.0f}"
        + (f"; reason: {judgement.reason}" if judgement.reason else "")
    )
    if judgement.match is not None:
        lines.append(f"    best match #{judgement.match.id}: {judgement.match.text[:160]}")
    return "\n".join(lines)


def run_eval(
    directory: Path | None, config: Config, *, verbose: bool, emit: Callable[[str], None]
) -> int:
    """The ``treatywatch eval`` command: figures for every split, then every mistake."""
    results = evaluate(directory, config)
    for scores in results:
        emit(format_scores(scores) + "\n")
    if verbose:
        for scores in results:
            if scores.mistakes:
                emit(f"Mistakes in {scores.name} ({len(scores.mistakes)}):")
                for outcome in scores.mistakes:
                    emit(format_mistake(outcome))
                emit("")
    return 0
