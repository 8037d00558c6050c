"""End-to-end scenarios over real processes, shared by the tests and ``bench/soak_restart.py``.

Each scenario runs the fake Discord and ``treatywatch run`` as child processes, serves the
fixture feeds on loopback, and ends with :func:`check_exactly_once`: the database holds the
verdicts, claims, alerts and deliveries of one uninterrupted scan — no more, no fewer — and
every alert exists exactly once in every subscribed channel.
"""

from __future__ import annotations

import asyncio
import random
import signal
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bot.store import open_store
from tests.fakes.discord_server import alert_ids
from tests.resilience.harness import (
    EXAMPLE_FEED,
    WIRE_FEED,
    BotProcess,
    DbSnapshot,
    Expected,
    FakeDiscordProcess,
    FeedServer,
    db_snapshot,
    fake_world,
    poll_until,
    progress,
    write_config,
)

FEEDS = {"/treaty.xml": EXAMPLE_FEED, "/wire.xml": WIRE_FEED}
#: Generous: a cold start (imports, baseline) takes a few seconds on a slow runner.
SETTLE_SECONDS = 90.0
#: How long a signalled bot may take to exit.
EXIT_SECONDS = 15.0
#: Discord's limit of embeds per message, so of alerts per packed message.
MAX_ALERTS_PER_MESSAGE = 10


@dataclass
class Rig:
    """One fake Discord, one feed server, one config and one database, with two channels
    (in two servers) subscribed to every alert."""

    workdir: Path
    fake: FakeDiscordProcess
    feeds: FeedServer
    config: Path
    db: Path
    channels: tuple[int, ...]
    runs: int = 0

    def bot(self) -> BotProcess:
        self.runs += 1
        return BotProcess(self.config, self.db, self.workdir / f"bot-{self.runs}.log")

    async def created_count(self) -> int:
        """Messages the fake created (a repeated nonce creates none)."""
        return len(await self.fake.created())

    async def posted_alerts(self) -> int:
        """Alerts posted, counted per channel: the embeds of the messages created."""
        return sum(len(alert_ids(m)) for m in await self.fake.created())


def _prepare(workdir: Path) -> dict[str, bytes]:
    workdir.mkdir(parents=True, exist_ok=True)
    return {path: file.read_bytes() for path, file in FEEDS.items()}


@asynccontextmanager
async def rig(workdir: Path, **config: float) -> AsyncIterator[Rig]:
    documents = await asyncio.to_thread(_prepare, workdir)
    fake = FakeDiscordProcess(workdir / "fake.log")
    feeds = FeedServer(documents)
    await fake.start()
    try:
        await feeds.start()
        try:
            cfg = write_config(
                workdir / "config.toml",
                fake,
                [feeds.url(path) for path in FEEDS],
                **config,  # type: ignore[arg-type]
            )
            db = workdir / "treatywatch.sqlite3"
            world = fake_world()
            async with open_store(db) as store:
                await store.subscribe(world.newsroom.id, world.alerts.id)
                await store.subscribe(world.other.id, world.general.id)
            yield Rig(workdir, fake, feeds, cfg, db, (world.alerts.id, world.general.id))
        finally:
            await feeds.stop()
    finally:
        await fake.stop()


async def settled(r: Rig, expected: Expected) -> bool:
    """Everything judged and every delivery marked sent."""
    snap = db_snapshot(r.db)
    want = sum(expected.alerts.values()) * len(r.channels)
    return (
        snap.verdicts.total() == expected.verdicts.total()
        and snap.unjudged_entries == 0
        and snap.delivery_rows == want
        and snap.pending == 0
    )


async def run_until_settled(r: Rig, expected: Expected) -> BotProcess:
    """Start the bot and wait until it has judged and delivered everything."""
    identified = (await r.fake.gateway_log())["identifies"]
    bot = r.bot()
    bot.start()

    async def done() -> bool:
        if not bot.running:
            raise AssertionError(f"the bot exited early:\n{bot.log_text()[-3000:]}")
        # Logged in (so its signal handlers are installed), and all the work is done.
        logged_in = (await r.fake.gateway_log())["identifies"] > identified
        return logged_in and await settled(r, expected)

    try:
        await poll_until(done, within=SETTLE_SECONDS, every=0.1, what="every alert delivered")
    except BaseException:
        await bot.ensure_stopped()
        raise
    return bot


async def stop_gracefully(bot: BotProcess, signum: int = signal.SIGTERM) -> float:
    code, took = await bot.signal_and_wait(signum, EXIT_SECONDS)
    assert code == 0, f"exit status {code} on {signal.Signals(signum).name}:\n{bot.log_text()}"
    assert "Traceback" not in bot.log_text(), bot.log_text()
    return took


async def check_exactly_once(r: Rig, expected: Expected) -> DbSnapshot:
    """The database matches one uninterrupted scan, and Discord shows each alert once per
    channel: in exactly one message, the one its delivery records."""
    snap = db_snapshot(r.db)
    assert snap.integrity == "ok"
    assert snap.verdicts == expected.verdicts, _diff("verdicts", expected.verdicts, snap.verdicts)
    assert snap.alerts == expected.alerts, _diff("alerts", expected.alerts, snap.alerts)
    want_claims = Counter({text: n for (_, text), n in expected.alerts.items()})
    assert snap.observed_claims == want_claims, _diff("claims", want_claims, snap.observed_claims)
    assert snap.unjudged_entries == 0
    # One delivery per alert per subscription, every one sent.
    alerts = sum(expected.alerts.values())
    assert snap.delivery_rows == alerts * len(r.channels)
    assert {status for status, _, _ in snap.deliveries.values()} == {"sent"}
    assert all(state == "active" for _, state in snap.subscriptions.values())

    created = await r.fake.created()
    # Alerts go out packed, several to a message: each alert must be in exactly one message
    # per subscribed channel, and each delivery must record the message that carries it.
    carried: dict[int, Counter[int]] = {c: Counter() for c in r.channels}
    message_of: dict[tuple[int, int], int] = {}
    nonces: dict[int, Counter[str]] = {c: Counter() for c in r.channels}
    for message in created:
        channel = int(message["channel_id"])
        assert channel in carried, f"a message in an unsubscribed channel {channel}"
        nonces[channel][str(message["nonce"])] += 1
        assert 1 <= len(message["embeds"]) <= 10
        for alert_id in alert_ids(message):
            carried[channel][alert_id] += 1
            message_of[(channel, alert_id)] = int(message["id"])
    for sub_id, (channel, _) in snap.subscriptions.items():
        doubled = {a: k for a, k in carried[channel].items() if k > 1}
        assert not doubled, f"channel {channel} got these alerts more than once: {doubled}"
        repeated = {n: k for n, k in nonces[channel].items() if k > 1}
        assert not repeated, f"channel {channel} has messages with the same nonce: {repeated}"
        want = {
            alert_id: message_id
            for (alert_id, sid), (_, _, message_id) in snap.deliveries.items()
            if sid == sub_id
        }
        got = set(carried[channel])
        assert got == set(want), f"channel {channel}: {sorted(got)} != {sorted(want)}"
        for alert_id, message_id in want.items():
            # The delivery records the message Discord kept (the first, on a repeated nonce).
            assert message_of[(channel, alert_id)] == message_id
    assert sum(sum(c.values()) for c in carried.values()) == alerts * len(r.channels)
    return snap


def _diff(what: str, want: Counter[tuple[str, str]] | Counter[str], got: Counter[object]) -> str:
    missing = Counter(want) - got
    extra = got - Counter(want)
    return f"{what} differ: missing {dict(missing)}, extra {dict(extra)}"


# --------------------------------------------------------------------------- crash and restart


@dataclass
class Kill:
    #: The progress point (verdicts stored + alerts posted) the kill aimed at.
    target: int
    #: Verdicts stored, deliveries marked sent and alerts posted when it was killed.
    verdicts: int
    marked: int
    created: int
    #: Seconds from start to the kill.
    after: float


@dataclass
class CrashReport:
    seed: int
    kills: list[Kill] = field(default_factory=list)
    #: Message POSTs answered with an earlier message because the nonce repeated: each is
    #: a pack sent before a kill and not yet marked, which the nonce kept from doubling.
    deduplicated: int = 0
    seconds: float = 0.0
    final_exit_seconds: float = 0.0


async def crash_and_restart(
    workdir: Path, expected: Expected, *, seed: int, kills: int = 3
) -> CrashReport:
    """SIGKILL the bot at ``kills`` random points of its work (seeded), restart it each
    time, then let it finish and check that everything happened exactly once."""
    rng = random.Random(seed)
    report = CrashReport(seed)
    started = time.monotonic()
    async with rig(workdir) as r:
        total = expected.verdicts.total() + sum(expected.alerts.values()) * len(r.channels)
        # Alerts are posted a message (up to 10) at a time, and by the time a kill lands one
        # more message may have gone: aiming short of the last two messages' worth keeps
        # every kill ahead of the end, also on a busy machine that polls the progress late.
        end = total - 1 - 2 * MAX_ALERTS_PER_MESSAGE
        span = end // kills
        for index in range(kills):
            # A point on one scale of progress, verdicts stored (polling) then alerts
            # posted (delivery): kill i aims somewhere in the i-th of ``kills`` equal parts
            # of the work up to ``end``, so the first lands mid-poll and the last
            # mid-delivery; always ahead of where the last run stopped.
            verdicts, _ = progress(r.db)
            done = verdicts + await r.posted_alerts()
            if done >= end:
                break
            aim = rng.randint(1 + index * span, (index + 1) * span)
            target = min(max(aim, done + 1), end)
            bot = r.bot()
            bot.start()
            t0 = time.monotonic()

            async def reached(bot: BotProcess = bot, target: int = target) -> bool:
                if not bot.running:
                    raise AssertionError(f"the bot exited by itself:\n{bot.log_text()[-3000:]}")
                verdicts, _ = progress(r.db)
                return verdicts + await r.posted_alerts() >= target

            try:
                await poll_until(reached, within=SETTLE_SECONDS, every=0.005, what="kill point")
            finally:
                await bot.kill()
            verdicts, marked = progress(r.db)
            report.kills.append(
                Kill(target, verdicts, marked, await r.posted_alerts(), time.monotonic() - t0)
            )
            assert bot.proc is not None and bot.proc.returncode == -signal.SIGKILL
        bot = await run_until_settled(r, expected)
        report.final_exit_seconds = await stop_gracefully(bot)
        await check_exactly_once(r, expected)
        posts = await r.fake.accepted_posts()
        report.deduplicated = len(posts) - await r.created_count()
    report.seconds = time.monotonic() - started
    return report
