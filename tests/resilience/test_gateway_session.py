"""Discord ends the gateway session for good: the bot IDENTIFYs anew and delivers once.

Discord may invalidate a session (opcode 9 INVALID_SESSION with ``d: false``), or refuse a
RESUME after a dropped connection (answered the same way). The bot must then start a new
session with IDENTIFY by itself, and the alerts waiting in the outbox meanwhile must each
reach each channel exactly once. The bot and the fake Discord run as their own processes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.resilience.harness import Expected, poll_until
from tests.resilience.scenarios import (
    SETTLE_SECONDS,
    check_exactly_once,
    rig,
    settled,
    stop_gracefully,
)

MESSAGES = "/channels/*/messages"


def waiting(db: Path) -> int:
    """Deliveries still pending after Discord refused them at least once."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        sql = "SELECT count(*) FROM deliveries WHERE status = 'pending' AND attempts > 0"
        return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


@pytest.mark.parametrize("how", ["op9", "resume"], ids=["INVALID_SESSION", "RESUME-refused"])
async def test_invalidated_session_reidentifies_and_delivers_once(
    tmp_path: Path, expected: Expected, how: str
) -> None:
    async with rig(tmp_path) as r:
        # Discord refuses messages for now, so alerts wait in the outbox across the change.
        await r.fake.fail("POST", MESSAGES, status=503, times=10**6)
        bot = r.bot()
        bot.start()
        try:
            await poll_until(
                lambda: waiting(r.db) > 0, within=SETTLE_SECONDS, what="alerts to wait"
            )
            before = await r.fake.gateway_log()
            assert (before["identifies"], before["connected"]) == (1, True)

            await r.fake.invalidate_session(how)

            async def identified_again() -> bool:
                assert bot.running, bot.log_text()
                log = await r.fake.gateway_log()
                return bool(log["identifies"] == 2 and log["connected"])

            await poll_until(identified_again, within=SETTLE_SECONDS, what="a new IDENTIFY")
            await r.fake.heal()

            async def done() -> bool:
                assert bot.running, bot.log_text()
                return await settled(r, expected)

            await poll_until(done, within=SETTLE_SECONDS, every=0.1, what="delivery")
            await stop_gracefully(bot)
        finally:
            await bot.ensure_stopped()

        await check_exactly_once(r, expected)
        gateway = await r.fake.gateway_log()
        assert gateway["identifies"] == 2, gateway
        if how == "resume":
            assert gateway["resumes"] >= 1, "the bot tried to RESUME before identifying"
        assert "Traceback" not in bot.log_text()
