"""Judging N new claims against a knowledge of M claims, M = 1k, 10k, 100k; and the naive way.

For each M it prints, as medians over ``--repeats`` runs:

* the optimised path: ``Judge(Knowledge(...)).judge`` on N synthetic claims (bench/synthetic.py):
  claims per second and milliseconds per claim; and ``Knowledge.candidates`` alone;
* the naive reference: a Python loop calling ``fuzz.token_set_ratio`` on every (claim, known)
  pair, timed on ``--naive-sample`` claims and extrapolated per claim, right after each run of
  the judge: the ratio naive / judge is the median of these pairs' ratios, so a busy spell
  of the shared machine slows both sides of a ratio, not one. (The naive loop only matches;
  the judge also decides, so the ratio understates the gain.)
* the agreement of verdicts with the unpruned path (``Knowledge(prune=False)``, rapidfuzz over
  the whole knowledge) on ``--agree-sample`` of the claims.

Then the identity check: every verdict of ``bot.evaluation.evaluate`` on the accuracy sets
(bench/eval) with pruning on equals the verdict with pruning off.

    .venv/bin/python bench/judge_scaling.py [--sizes 1000 10000 100000] [--claims 500]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rapidfuzz import fuzz

from bench import synthetic
from bot.config import MatchingConfig
from bot.evaluation import evaluate
from bot.judge import Judge
from bot.knowledge import Knowledge
from bot.model import Claim, Verdict


def seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def median_time(run: Callable[[], object], repeats: int) -> float:
    return statistics.median(seconds(run) for _ in range(repeats))


def naive_seconds_per_claim(claims: Sequence[Claim], masked: Sequence[str]) -> float:
    start = time.perf_counter()
    for claim in claims:
        query = claim.masked
        best = 0.0
        for text in masked:
            score = fuzz.token_set_ratio(query, text)
            if score > best:
                best = score
    return (time.perf_counter() - start) / len(claims)


def verdicts_on_eval(prune: bool) -> list[tuple[str, str, Verdict]]:
    Knowledge.default_prune = prune
    try:
        results = evaluate()
    finally:
        Knowledge.default_prune = True
    return [(s.name, o.item_id + ":" + o.text, o.predicted) for s in results for o in s.outcomes]


def identity_check() -> bool:
    pruned, unpruned = verdicts_on_eval(True), verdicts_on_eval(False)
    differ = [(a, b) for a, b in zip(pruned, unpruned, strict=True) if a != b]
    print(
        f"identity on bench/eval: {len(pruned)} verdicts, {len(differ)} differ"
        f" -> {'IDENTICAL' if not differ else 'DIFFERENT'}"
    )
    for (name, item, got), (_, _, want) in differ[:10]:
        print(f"  {name} {item[:80]}: pruned {got.value}, unpruned {want.value}")
    return not differ


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="judging cost against knowledge size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--claims", type=int, default=500, help="N claims judged per run")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--naive-sample", type=int, default=5)
    parser.add_argument("--agree-sample", type=int, default=40)
    parser.add_argument("--skip-identity", action="store_true")
    args = parser.parse_args(argv)

    queries = synthetic.query_claims(args.claims)
    config = MatchingConfig()
    print(f"N = {len(queries)} synthetic claims, medians of {args.repeats} runs")
    header = (
        f"{'M':>8} {'claims/s':>10} {'ms/claim':>9} {'cand ms':>8} {'naive ms':>9}"
        f" {'x naive':>8} {'agree':>9} {'build s':>8}"
    )
    print(header)
    for size in args.sizes:
        known = synthetic.knowledge_claims(size)
        start = time.perf_counter()
        knowledge = Knowledge(known)
        build = time.perf_counter() - start
        judge = Judge(knowledge, config)
        limit = max(config.candidates * 4, 20)

        def judge_all(judge: Judge = judge) -> None:
            for claim in queries:
                judge.judge(claim)

        def candidates_all(knowledge: Knowledge = knowledge, limit: int = limit) -> None:
            for claim in queries:
                knowledge.candidates(claim, limit)

        judge_all()  # warm caches (stems, idf) as a running bot would have them
        masked = [k.claim.masked for k in known]
        # Each run of the judge is followed by one of the naive loop: a pair, under the same
        # load of the shared machine.
        pairs = [
            (
                seconds(judge_all) / len(queries),
                naive_seconds_per_claim(queries[: args.naive_sample], masked),
            )
            for _ in range(args.repeats)
        ]
        per_claim = statistics.median(judged for judged, _ in pairs)
        naive = statistics.median(reference for _, reference in pairs)
        ratio = statistics.median(reference / judged for judged, reference in pairs)
        candidate_seconds = median_time(candidates_all, args.repeats)
        reference = Judge(Knowledge(known, prune=False), config)
        sample = queries[: args.agree_sample]
        agree = sum(judge.judge(c).verdict is reference.judge(c).verdict for c in sample)
        print(
            f"{size:>8} {1 / per_claim:>10.0f} {per_claim * 1e3:>9.2f}"
            f" {candidate_seconds / len(queries) * 1e3:>8.2f} {naive * 1e3:>9.1f}"
            f" {ratio:>8.0f} {agree:>4}/{len(sample):<4} {build:>8.2f}",
            flush=True,
        )
    if not args.skip_identity and not identity_check():
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
