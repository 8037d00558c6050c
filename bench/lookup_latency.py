"""Lookup latency: ``LookupIndex.search`` (``treatywatch lookup`` and ``/lookup``) over 100k claims.

The index holds the real baseline plus synthetic observed claims (bench/synthetic.py). Queries
are what people type: a few words ("mutual defence clause", "20 years") and whole sentences
(synthetic claims the index has not seen, cut to 300 characters as /lookup does). Each query is
run ``--repeats`` times; the script prints p50, p99 and the maximum over every run, and the
time to build the index.

    .venv/bin/python bench/lookup_latency.py [--size 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synthetic
from bot.lookup import LookupIndex

SHORT_QUERIES = (
    "mutual defence clause",
    "20 years",
    "State Duma ratified the treaty",
    "Putin Pezeshkian signed in Moscow",
    "gas pipeline 55 billion cubic metres",
    "north-south transport corridor railway",
    "military alliance",
    "sanctions trade payments",
    "treaty",
    "Russia Iran",
    "47 articles published",
    "Araghchi not a military alliance",
)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="lookup latency over a large knowledge")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200, help="sentence queries")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    known = synthetic.knowledge_claims(args.size)
    start = time.perf_counter()
    index = LookupIndex(known)
    build = time.perf_counter() - start
    sentences = [c.text[:300] for c in synthetic.query_claims(args.queries)]
    for name, queries in (("short", list(SHORT_QUERIES)), ("sentence", sentences)):
        times: list[float] = []
        hits = 0
        for _ in range(args.repeats):
            for query in queries:
                begin = time.perf_counter()
                found = index.search(query, limit=10)
                times.append(time.perf_counter() - begin)
                hits += bool(found)
        print(
            f"{name:>8} queries over {len(index)} claims: {len(times)} searches,"
            f" p50 {percentile(times, 0.5) * 1e3:.1f} ms,"
            f" p99 {percentile(times, 0.99) * 1e3:.1f} ms,"
            f" max {max(times) * 1e3:.1f} ms, mean {statistics.fmean(times) * 1e3:.1f} ms,"
            f" with hits {hits / len(times):.0%}"
        )
    print(f"index build: {build:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
