"""SIGTERM and SIGINT stop ``treatywatch run`` cleanly, and the next start resumes.

A signal mid-poll or mid-delivery: the process exits 0 within a few seconds, without a
traceback; the database is closed properly (no write-ahead log or rollback journal left
behind, no lock held); the next start judges what was left and delivers what was pending,
each alert once per channel. The same for a SIGTERM during start-up, while the heavy
imports run (before the event loop exists) or while the bot logs in and sets up.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
from functools import partial
from pathlib import Path

import pytest

from bot.store.migrations import latest_version
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


#: Seconds after ``run`` installed its first handler at which SIGTERM is sent: at once
#: (importing discord.py and the pipeline, no event loop yet), then across the rest of the
#: start-up (opening the database, logging in, setting up, connecting the gateway).
START_UP_DELAYS = (0.0, 0.4, 0.8, 1.2, 1.6, 2.4)


async def test_sigterm_during_start_up_exits_0_and_leaves_nothing_half_done(
    tmp_path: Path, expected: Expected
) -> None:
    async with rig(tmp_path) as r:
        for delay in START_UP_DELAYS:
            requests_before = (await r.fake.stats())["requests"]
            bot = r.bot()
            bot.start()
            try:
                # `run` catches SIGTERM from its first line, before the heavy imports.
                await poll_until(
                    partial(bot.catches, signal.SIGTERM), within=30, every=0.001, what="a handler"
                )
                await asyncio.sleep(delay)
                took = await stop_gracefully(bot, signal.SIGTERM)
            finally:
                await bot.ensure_stopped()
            assert took < EXIT_WITHIN, f"took {took:.1f} s to exit"
            assert_closed_cleanly(r.db)
            with contextlib.closing(sqlite3.connect(r.db)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
            if delay == 0.0:
                assert "received during start-up" in bot.log_text(), bot.log_text()
                # It stopped before talking to Discord at all.
                assert (await r.fake.stats())["requests"] == requests_before

        # Whatever the interrupted starts did, the next start finishes it, exactly once.
        bot = await run_until_settled(r, expected)
        await stop_gracefully(bot)
        await check_exactly_once(r, expected)
