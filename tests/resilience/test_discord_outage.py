"""Discord has an outage: 5xx and 429s for a while, and the gateway drops; nothing is lost.

The bot runs as its own process against the fake Discord (also its own process). Before the
first alert is sent, the fake is told to answer the next message POSTs with 500 (which
discord.py retries by itself), 503 (which it raises, so the dispatcher backs off) and 429
with ``Retry-After`` and ``Via`` (waited out); while deliveries wait in the outbox the
gateway connection is dropped. The bot must resume the gateway session by itself, and once
Discord answers again every alert must arrive in every channel exactly once.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.resilience.harness import Expected, poll_until
from tests.resilience.scenarios import (
    SETTLE_SECONDS,
    check_exactly_once,
    rig,
    settled,
    stop_gracefully,
)

MESSAGES = "/channels/*/messages"


def outbox(db: Path) -> tuple[int, int]:
    """(pending deliveries that have failed at least once, deliveries ever retried)."""
    if not db.exists():
        return 0, 0
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        waiting = conn.execute(
            "SELECT count(*) FROM deliveries WHERE status = 'pending' AND attempts > 0"
        ).fetchone()[0]
        retried = conn.execute("SELECT count(*) FROM deliveries WHERE attempts > 0").fetchone()[0]
    except sqlite3.OperationalError:
        return 0, 0
    finally:
        conn.close()
    return int(waiting), int(retried)


async def test_outage_then_recovery_delivers_everything_once_and_resumes(
    tmp_path: Path, expected: Expected
) -> None:
    async with rig(tmp_path) as r:
        # Consumed in this order, one per message POST.
        await r.fake.fail("POST", MESSAGES, status=500, times=2)
        await r.fake.fail("POST", MESSAGES, status=503, times=3)
        await r.fake.fail("POST", MESSAGES, status=429, times=2, retry_after=0.5)
        await r.fake.fail("POST", MESSAGES, status=503, times=2)
        bot = r.bot()
        bot.start()
        try:
            # Discord refuses: the alerts wait in the outbox, with their failures recorded.
            await poll_until(
                lambda: outbox(r.db)[0] > 0, within=SETTLE_SECONDS, what="a delivery to retry"
            )
            assert await r.created_count() == 0
            gateway = await r.fake.gateway_log()
            assert gateway["identifies"] == 1 and gateway["connected"]

            # ... and the gateway drops as well; the bot resumes the session by itself.
            await r.fake.drop_gateway(4000)

            async def resumed() -> bool:
                log = await r.fake.gateway_log()
                return bool(log["resumes"] >= 1 and log["connected"])

            await poll_until(resumed, within=SETTLE_SECONDS, what="the gateway to resume")

            async def done() -> bool:
                assert bot.running, bot.log_text()
                return await settled(r, expected)

            await poll_until(done, within=SETTLE_SECONDS, every=0.1, what="recovery")
            await stop_gracefully(bot)
        finally:
            await bot.ensure_stopped()

        await check_exactly_once(r, expected)
        gateway = await r.fake.gateway_log()
        assert gateway["identifies"] == 1, "the session was resumed, not started over"
        _, retried = outbox(r.db)
        assert retried >= 3, "the dispatcher's own retries were recorded on the deliveries"
        log = bot.log_text()
        assert "Discord answered 503" in log
        assert "responded with 429" in log  # discord.py waited out the Retry-After itself
        assert "Traceback" not in log
