"""SIGTERM and SIGINT stop ``treatywatch run`` cleanly, and the next start resumes.

A signal mid-poll or mid-delivery: the process exits 0 within a few seconds, without a
traceback; the database is closed properly (no write-ahead log or rollback journal left
behind, no lock held); the next start judges what was left and delivers what was pending,
each alert once per channel.
"""

from __future__ import annotations

import signal
import sqlite3
from pathlib import Path

import pytest

from tests.resilience.harness import Expected, poll_until, progress
from tests.resilience.scenarios import (
    SETTLE_SECONDS,
    check_exactly_once,
    rig,
    run_until_settled,
    stop_gracefully,
)

#: "Within a few seconds": what an operator or a service manager may expect.
EXIT_WITHIN = 5.0


def retrying(db: Path) -> bool:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        sql = "SELECT count(*) FROM deliveries WHERE status = 'pending' AND attempts > 0"
        return bool(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def assert_closed_cleanly(db: Path) -> None:
    # A clean close checkpoints the write-ahead log and deletes it; SIGKILL leaves it.
    assert not db.with_name(db.name + "-wal").exists(), "the write-ahead log was left behind"
    assert not db.with_name(db.name + "-journal").exists(), "a hot rollback journal was left"
    conn = sqlite3.connect(db, timeout=0)
    try:
        conn.execute("BEGIN EXCLUSIVE")  # fails at once if anyone still held a lock
        conn.execute("ROLLBACK")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("signum", "phase"),
    [(signal.SIGTERM, "polling"), (signal.SIGINT, "delivering")],
    ids=["SIGTERM-while-polling", "SIGINT-while-delivering"],
)
async def test_signal_exits_0_quickly_and_the_next_start_resumes(
    tmp_path: Path, expected: Expected, signum: signal.Signals, phase: str
) -> None:
    alerts = sum(expected.alerts.values())
    async with rig(tmp_path) as r:
        bot = r.bot()
        bot.start()

        async def mid_work() -> bool:
            assert bot.running, bot.log_text()
            if phase == "polling":
                return progress(r.db)[0] >= 3
            return await r.posted_alerts() >= 3

        await poll_until(mid_work, within=SETTLE_SECONDS, every=0.005, what=phase)
        if phase == "delivering":
            # Discord starts failing, so deliveries wait in the outbox when the signal comes
            # (otherwise the pass in flight, given its grace, would simply finish them all).
            # 503, which discord.py does not retry by itself, so the dispatcher sees it now.
            await r.fake.fail("POST", "/channels/*/messages", status=503, times=10**6)
            await poll_until(
                lambda: retrying(r.db), within=SETTLE_SECONDS, what="a delivery to retry"
            )
        took = await stop_gracefully(bot, signum)
        assert took < EXIT_WITHIN, f"took {took:.1f} s to exit"
        assert "shutting down on a signal" in bot.log_text()
        assert_closed_cleanly(r.db)
        verdicts, marked = progress(r.db)
        # Work was really left for the next start.
        assert verdicts < expected.verdicts.total() or marked < 2 * alerts

        await r.fake.heal()
        bot = await run_until_settled(r, expected)
        await stop_gracefully(bot, signum)
        assert_closed_cleanly(r.db)
        await check_exactly_once(r, expected)
