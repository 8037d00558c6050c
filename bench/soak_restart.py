"""Soak: SIGKILL-and-restart the bot many times and check every time that nothing was lost or
doubled (the scenario of ``tests/resilience/test_crash_restart.py``, with many seeds).

Each round starts a fresh fake Discord (its own process), fresh loopback feeds and a fresh
database, kills ``treatywatch run`` with SIGKILL at ``--kills`` seeded random points of its
polling and delivery, restarts it, lets the last run finish, stops it with SIGTERM, and
checks the database and the messages Discord kept against one uninterrupted scan.

    .venv/bin/python bench/soak_restart.py [--rounds 50] [--kills 3] [--seed 1]

Prints one line per round and the totals; exits 1 if any round failed.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.resilience.harness import reference_scan  # noqa: E402
from tests.resilience.scenarios import FEEDS, CrashReport, crash_and_restart  # noqa: E402


async def soak(rounds: int, kills: int, first_seed: int, workdir: Path) -> int:
    expected = await asyncio.to_thread(
        reference_scan, list(FEEDS.values()), workdir / "reference.sqlite3"
    )
    alerts = sum(expected.alerts.values())
    print(
        f"reference: {expected.verdicts.total()} verdicts, {alerts} alerts, 2 channels;"
        f" {rounds} rounds of {kills} SIGKILLs each"
    )
    reports: list[CrashReport] = []
    failures: list[tuple[int, str]] = []
    started = time.monotonic()
    for seed in range(first_seed, first_seed + rounds):
        try:
            report = await crash_and_restart(
                workdir / f"round-{seed}", expected, seed=seed, kills=kills
            )
        except Exception as exc:  # noqa: BLE001 -- a failed round is reported, the soak goes on
            failures.append((seed, f"{type(exc).__name__}: {exc}"))
            print(f"seed {seed}: FAILED {type(exc).__name__}: {str(exc)[:300]}")
            traceback.print_exc(limit=3, file=sys.stderr)
            continue
        reports.append(report)
        where = ", ".join(f"v{k.verdicts}/s{k.marked}/c{k.created}" for k in report.kills)
        print(
            f"seed {seed}: ok in {report.seconds:.1f} s; killed at [{where}];"
            f" {report.deduplicated} repeated nonce(s) answered with the first message"
        )
    elapsed = time.monotonic() - started
    kills_done = [k for r in reports for k in r.kills]
    polling = sum(1 for k in kills_done if k.verdicts < expected.verdicts.total())
    between = sum(
        1 for k in kills_done if k.verdicts == expected.verdicts.total() and k.created == 0
    )
    delivering = sum(1 for k in kills_done if k.created > 0)
    unmarked = sum(1 for k in kills_done if k.created > k.marked)
    print()
    print(f"rounds: {len(reports)} passed, {len(failures)} failed, in {elapsed:.0f} s")
    print(
        f"kills: {len(kills_done)} ({polling} while judging, {between} after judging and"
        f" before the first message, {delivering} while delivering; {unmarked} with a message"
        " accepted by Discord but not yet marked sent)"
    )
    print(
        f"repeated nonces de-duplicated: {sum(r.deduplicated for r in reports)};"
        f" duplicates in channels: 0 (checked every round)"
    )
    if reports:
        seconds = [r.seconds for r in reports]
        exits = [r.final_exit_seconds for r in reports]
        print(
            f"round time: median {statistics.median(seconds):.1f} s, max {max(seconds):.1f} s;"
            f" SIGTERM to exit: median {statistics.median(exits):.2f} s, max {max(exits):.2f} s"
        )
    for seed, error in failures:
        print(f"FAILED seed {seed}: {error[:500]}")
    return 1 if failures else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1, help="seed of the first round")
    args = parser.parse_args()
    if not 1 <= args.rounds <= 10_000 or not 1 <= args.kills <= 20:
        parser.error("--rounds must be 1-10000 and --kills 1-20")
    with tempfile.TemporaryDirectory(prefix="treatywatch-soak-") as tmp:
        return asyncio.run(soak(args.rounds, args.kills, args.seed, Path(tmp)))


if __name__ == "__main__":
    sys.exit(main())
