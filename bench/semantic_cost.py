"""What the optional semantic stage (``matching.semantic``, wordllama) costs, and what it changes.

Prints: the installed size of wordllama and of the packages it brings that treatywatch does not
already need; the time to import it and load its shipped model (fresh processes, median); the
judge's time per claim on the dev sets and probes with the stage off and on (median of
``--repeats`` runs, same process, interleaved); how many verdicts differ; and the dev figures
(``bot.evaluation`` on the dev splits only: held-out sets are left to ``treatywatch eval``).

    .venv/bin/python bench/semantic_cost.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from importlib import metadata
from pathlib import Path

from bot.config import Config, MatchingConfig
from bot.engine import Engine
from bot.evaluation import evaluate
from bot.model import Claim

ROOT = Path(__file__).resolve().parent.parent
LOAD = (
    "import time; t = time.perf_counter(); from bot.semantic import SemanticSimilarity; "
    "m = SemanticSimilarity.load(); print(time.perf_counter() - t)"
)


def _requirements(name: str) -> set[str]:
    """``name`` and every distribution it needs (extras ignored), installed ones only."""
    seen: set[str] = set()
    todo = [name]
    while todo:
        current = re.split(r"[\s\[<>=!~;(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if current in seen:
            continue
        try:
            requires = metadata.requires(current) or []
        except metadata.PackageNotFoundError:
            continue
        seen.add(current)
        todo += [r for r in requires if "extra ==" not in r]
    return seen


def _installed_bytes(name: str) -> int:
    files = metadata.distribution(name).files or []
    return sum(f.locate().stat().st_size for f in files if Path(str(f.locate())).is_file())


def sizes() -> None:
    ours = _requirements("treatywatch") - {"wordllama"}
    added = sorted(_requirements("wordllama") - ours)
    total = 0
    for name in added:
        size = _installed_bytes(name)
        total += size
        print(f"  {name:24} {size / 1e6:6.1f} MB installed")
    print(f"installed by the semantic extra: {total / 1e6:.1f} MB in {len(added)} distributions")


def load_time(repeats: int) -> None:
    times = [
        float(subprocess.run([sys.executable, "-c", LOAD], check=True, capture_output=True,
                             text=True, cwd=ROOT).stdout)
        for _ in range(repeats)
    ]  # fmt: skip
    print(f"import + load (fresh process): median {statistics.median(times):.3f} s, "
          f"min {min(times):.3f}, max {max(times):.3f}")  # fmt: skip


def _claims(engine: Engine) -> list[Claim]:
    paths = [ROOT / "bench/eval/static_dev.jsonl", *sorted(ROOT.glob("bench/eval/probes/*.jsonl"))]
    texts = [json.loads(line)["claim"] for p in paths for line in p.open() if line.strip()]
    return [
        engine.extractor.claim_from_sentence(text, doc_id=f"b{i}", index=0)
        for i, text in enumerate(texts)
    ]


def per_claim(repeats: int, threshold: float) -> None:
    off = Engine.from_baseline(Config())
    on_config = replace(MatchingConfig(), semantic=True, semantic_threshold=threshold)
    on = Engine.from_baseline(Config(matching=on_config))
    claims = _claims(off)
    runs: dict[str, list[float]] = {"off": [], "on": []}
    calls = 0
    for _ in range(repeats):
        for name, engine in (("off", off), ("on", on)):
            started = time.perf_counter()
            for claim in claims:
                engine.judge_claim(claim)
            runs[name].append((time.perf_counter() - started) / len(claims) * 1e3)
    semantic = on.judge.semantic
    assert semantic is not None
    texts = [(c.text, [k.text for k in list(on.knowledge)[:3]]) for c in claims]
    started = time.perf_counter()
    for text, others in texts:
        semantic.similarities(text + " ", others)  # a text not in the cache
        calls += 1
    one_call = (time.perf_counter() - started) / calls * 1e3
    reached = sum(on.judge.judge(c).verdict is not off.judge.judge(c).verdict for c in claims)
    print(f"judge per claim ({len(claims)} dev and probe claims, median of {repeats}): "
          f"off {statistics.median(runs['off']):.3f} ms, on {statistics.median(runs['on']):.3f} ms")
    print(f"one semantic comparison (claim embedded, 3 candidates cached): {one_call:.3f} ms")
    print(f"verdicts that differ, on vs off: {reached}")  # fmt: skip


def dev_figures(threshold: float) -> None:
    for semantic in (False, True):
        config = Config(matching=replace(MatchingConfig(), semantic=semantic,
                                         semantic_threshold=threshold))  # fmt: skip
        for scores in evaluate(config=config):
            if "heldout" in scores.name:
                continue
            print(f"semantic {'on ' if semantic else 'off'} {scores.name}: macro-F1 "
                  f"{scores.macro_f1:.3f} accuracy {scores.accuracy:.3f} KNOWN/IRRELEVANT judged "
                  f"NEW {scores.needless_new_rate:.3f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threshold", type=float, default=MatchingConfig().semantic_threshold)
    args = parser.parse_args()
    sizes()
    load_time(args.repeats)
    per_claim(args.repeats, args.threshold)
    dev_figures(args.threshold)


if __name__ == "__main__":
    main()
