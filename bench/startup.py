"""Start-up to a usable engine with ``--size`` (100k) claims in the database.

What the bot and every CLI command do before they can judge: open (and migrate) the store,
then ``bot.pipeline.open_engine``: build the baseline from the seeds, compare its fingerprint,
load the whole knowledge (``store.load_knowledge``: rows, slots JSON, sources) and index it
(``Knowledge``).

Each run is a fresh process, as a restart is (the OS file cache stays warm, as it would on a
restart): ``open_engine`` as shipped, timed from before opening the store, is the start-up
figure. Other fresh processes time its phases one by one, and building the /lookup index from
the loaded claims, which the /lookup cog does on its first use. Imports are not timed.

The database (baseline + synthetic observed claims with one source each) is built once and
kept in the temp directory.

    .venv/bin/python bench/startup.py [--size 100000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synthetic
from bot.baseline import build_baseline
from bot.config import Config
from bot.engine import Engine
from bot.knowledge import Knowledge
from bot.lookup import LookupIndex
from bot.pipeline import open_engine
from bot.store.db import open_store
from bot.store.knowledge import insert_claim


async def build_db(path: Path, size: int) -> None:
    config = Config()
    async with open_store(path) as store:
        await open_engine(store, config)  # stores the baseline
        observed = synthetic.claims(size - 56, kind="knowledge")
        now = "2025-06-01T00:00:00+00:00"
        async with store._write() as conn:
            for claim in observed:
                claim_id = await insert_claim(conn, claim, baseline=False, now=now)
                await conn.execute(
                    "INSERT INTO claim_sources (claim_id, doc_id, sentence_index, text,"
                    " seen_at, verdict) VALUES (?, ?, ?, ?, ?, 'NEW')",
                    (claim_id, claim.doc_id, claim.sentence_index, claim.text, now),
                )


async def measure_phases(path: Path) -> dict[str, float]:
    config = Config()
    times: dict[str, float] = {}
    start = time.perf_counter()
    async with open_store(path) as store:
        times["open store"] = time.perf_counter() - start
        mark = time.perf_counter()
        baseline = await asyncio.to_thread(build_baseline, config)
        times["build baseline"] = time.perf_counter() - mark
        mark = time.perf_counter()
        await store.baseline_fingerprint()
        known = await store.load_knowledge()
        times["load knowledge"] = time.perf_counter() - mark
        mark = time.perf_counter()
        engine = Engine(config, Knowledge(known))
        times["index knowledge"] = time.perf_counter() - mark
        assert len(engine.knowledge) >= len(baseline.claims)
        mark = time.perf_counter()
        LookupIndex(known)
        times["lookup index (first /lookup)"] = time.perf_counter() - mark
    return times


async def measure_shipped(path: Path) -> dict[str, float]:
    config = Config()
    start = time.perf_counter()
    async with open_store(path) as store:
        engine = await open_engine(store, config)
        ready = time.perf_counter() - start
        assert len(engine.knowledge) > 0
    return {"open store + open_engine (start-up)": ready}


def child(mode: str, path: Path) -> None:
    measure = measure_phases if mode == "phases" else measure_shipped
    times = asyncio.run(measure(path))
    print(json.dumps(times))


def run_child(mode: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="start-up with a large knowledge")
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("MODE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child[0], Path(args.child[1]))
        return 0
    path = (
        synthetic.CACHE_DIR
        / f"startup-{args.size}-{synthetic._cache_key('db', synthetic.Params())}.db"
    )
    if not path.exists():
        synthetic.CACHE_DIR.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        asyncio.run(build_db(partial, args.size))
        partial.replace(path)
    # Alternate the two kinds of run, so that a busy spell of the machine hits both.
    shipped, phases = [], []
    for _ in range(args.repeats):
        shipped.append(run_child("shipped", path))
        phases.append(run_child("phases", path))
    print(
        f"start-up with {args.size} claims ({path.stat().st_size / 1e6:.0f} MB database),"
        f" median of {args.repeats} fresh processes:"
    )
    for runs in (shipped, phases):
        for phase in runs[0]:
            values = sorted(r[phase] for r in runs)
            print(
                f"  {phase:<36} {statistics.median(values):6.2f} s"
                f"   (min {values[0]:.2f}, max {values[-1]:.2f})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
