"""The discord.py bot: owns the store, the fetcher, the scheduler and the cogs, in that order.

``setup_hook`` opens the database, starts the fetcher, loads every extension in ``cogs/``,
starts the scheduler (one poll job per feed, the outbox dispatcher, the digest job) and syncs
the application commands; :meth:`TreatywatchBot.close` stops them in reverse order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import pkgutil
import random
import signal
from collections.abc import Awaitable, Callable, Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import FrameType
from typing import Any

import aiohttp
import discord
import yarl
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger
from discord.ext import commands

import cogs
from bot.clock import Clock, SystemClock
from bot.config import Config, DiscordConfig, resolve_db_path
from bot.discord_app.digests import DigestSender
from bot.discord_app.dispatch import Dispatcher
from bot.discord_app.tree import TreatywatchTree
from bot.errors import ConfigError, StorageError
from bot.fetch.http import Fetcher
from bot.shutdown import EarlySignals
from bot.store import FeedRow, Store, open_store

log = logging.getLogger(__name__)

#: Runs one poll of one feed (the claim pipeline); wired by the caller of :func:`run_bot`.
FeedPoller = Callable[["TreatywatchBot", FeedRow], Awaitable[object]]

DISPATCH_JOB = "dispatch"
DIGEST_JOB = "digest"
#: How often due scheduled digests are looked for.
DIGEST_CHECK_MINUTES = 10.0
# Outbox passes one dispatcher run may make back to back while each pass sends something.
MAX_PASSES_PER_RUN = 20
#: Longest 429 discord.py may sleep through by itself; a longer one is the dispatcher's
#: to schedule, so one rate-limited channel never stalls the whole outbox.
MAX_RATELIMIT_SLEEP = 30.0
#: Time in-flight jobs get to finish at shutdown before they are cancelled.
SHUTDOWN_GRACE_SECONDS = 10.0


def extension_names() -> list[str]:
    """Every module of the ``cogs`` package, each an extension with ``setup(bot)``."""
    return sorted(
        f"{cogs.__name__}.{module.name}"
        for module in pkgutil.iter_modules(cogs.__path__)
        if not module.name.startswith("_")
    )


def apply_endpoints(config: DiscordConfig) -> None:
    """Point discord.py at the configured REST base and gateway (a proxy, or a test fake).

    Both are class attributes in discord.py, so this affects every client in the process.
    """
    discord.http.Route.BASE = config.api_base_url.rstrip("/")
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(config.gateway_url)


def bot_intents() -> discord.Intents:
    """Only the guilds intent: channels, roles and our own member, for permission checks."""
    intents = discord.Intents.none()
    intents.guilds = True
    return intents


class TreatywatchBot(commands.Bot):
    """The running bot. Cogs reach the shared services through its attributes."""

    def __init__(
        self,
        config: Config,
        *,
        db_path: Path | None = None,
        clock: Clock | None = None,
        poller: FeedPoller | None = None,
        allowed_hosts: Collection[str] = (),
        guild_ready_timeout: float = 2.0,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=TreatywatchTree,
            guild_ready_timeout=guild_ready_timeout,
            max_ratelimit_timeout=MAX_RATELIMIT_SLEEP,
        )
        self.config = config
        self.clock: Clock = clock or SystemClock()
        self.db_path = resolve_db_path(config, db_path)
        self.poller = poller
        self.started_at = self.clock.now()
        self.last_poll_at: datetime | None = None
        self._allowed_hosts = tuple(allowed_hosts)
        self._rng = rng or random.Random()  # noqa: S311 -- jitter, not secrets
        self._store: Store | None = None
        self._fetcher: Fetcher | None = None
        self._dispatcher: Dispatcher | None = None
        self._digests: DigestSender | None = None
        self.scheduler: AsyncIOScheduler | None = None
        self._inflight: set[asyncio.Task[object]] = set()
        self._stopping = False
        self._dispatching = False
        self._kicked = False
        self._setting_up = False
        self._setup_done = asyncio.Event()

    # ---- shared services

    @property
    def store(self) -> Store:
        if self._store is None:
            raise StorageError("the database is not open (the bot is not running)")
        return self._store

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            raise RuntimeError("the fetcher is not started (the bot is not running)")
        return self._fetcher

    @property
    def dispatcher(self) -> Dispatcher:
        if self._dispatcher is None:
            raise RuntimeError("the dispatcher is not started (the bot is not running)")
        return self._dispatcher

    @property
    def digests(self) -> DigestSender:
        if self._digests is None:
            raise RuntimeError("the digest sender is not started (the bot is not running)")
        return self._digests

    # ---- lifecycle

    async def setup_hook(self) -> None:
        if self._stopping:
            return  # stopped while logging in: open nothing that close() would not close
        self._setting_up = True
        try:
            await self._set_up()
        finally:
            self._setting_up = False
            self._setup_done.set()

    async def _set_up(self) -> None:
        self._store = await open_store(self.db_path, self.clock)
        self._fetcher = Fetcher(
            self.config.fetch, clock=self.clock, allowed_hosts=self._allowed_hosts
        )
        await self._fetcher.start()
        self._dispatcher = Dispatcher(
            self, self._store, self.config.delivery, self.clock, rng=self._rng
        )
        self._digests = DigestSender(self, self._store, self.clock)
        for feed in self.config.feeds.feeds:
            await self._store.add_feed(feed.url, feed.name, None, feed.interval_minutes)
        for name in extension_names():
            await self.load_extension(name)
        await self._start_scheduler()
        await self._sync_commands()
        log.info("treatywatch is set up (database %s)", self.db_path)

    async def close(self) -> None:
        self._stopping = True
        if self._setting_up:
            # A signal during start-up: let the setup finish (it is short), so that what it
            # opens is closed below rather than opened after the close.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._setup_done.wait(), SHUTDOWN_GRACE_SECONDS)
        if self.scheduler is not None and self.scheduler.running:
            # Pause first: APScheduler's shutdown cancels the jobs in flight at once, which
            # would leave them no grace at all. Paused, it starts no new run while they finish.
            self.scheduler.pause()
        await self._drain_jobs()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        await super().close()  # unloads the cogs, closes the gateway and HTTP session
        if self._fetcher is not None:
            await self._fetcher.close()
        if self._store is not None:
            await self._store.close()
        log.info("treatywatch stopped")

    async def _sync_commands(self) -> None:
        guild_ids = self.config.discord.dev_guild_ids
        if not guild_ids:
            synced = await self.tree.sync()
            log.info("synced %d global commands", len(synced))
            return
        for guild_id in guild_ids:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to guild %s", len(synced), guild_id)

    # ---- gateway events that change where alerts can go

    async def on_guild_remove(self, guild: discord.Guild) -> None:
        removed = await self.store.remove_guild(guild.id)
        log.info("removed from server %s: dropped %d subscriptions", guild.id, removed)

    async def on_guild_channel_delete(self, channel: discord.abc.GuildChannel) -> None:
        sub = await self.store.get_subscription(channel.id)
        if sub is not None:
            await self.store.set_subscription_state(sub.id, "disabled", "the channel was deleted")
            log.info("channel %s was deleted: its subscription is disabled", channel.id)

    # ---- scheduling

    async def _start_scheduler(self) -> None:
        self.scheduler = AsyncIOScheduler(timezone=UTC, event_loop=asyncio.get_running_loop())
        logging.getLogger("apscheduler.scheduler").addFilter(_quiet_busy_dispatcher)
        now = datetime.now(UTC)
        self.scheduler.add_job(
            self._job,
            IntervalTrigger(seconds=self.config.delivery.interval_seconds),
            args=[DISPATCH_JOB, self.dispatch_outbox],
            id=DISPATCH_JOB,
            name=DISPATCH_JOB,
            next_run_time=now,
            max_instances=1,
            coalesce=True,
        )
        self.scheduler.add_job(
            self._job,
            IntervalTrigger(minutes=DIGEST_CHECK_MINUTES),
            args=[DIGEST_JOB, self.send_due_digests],
            id=DIGEST_JOB,
            next_run_time=now + timedelta(seconds=30),
            max_instances=1,
            coalesce=True,
        )
        for feed in await self.store.list_feeds():
            if feed.enabled:
                self.schedule_feed(feed)
        self.scheduler.start()

    def schedule_feed(self, feed: FeedRow, *, first_in: float | None = None) -> None:
        """(Re)schedule a feed's poll job: every interval, with jitter so feeds spread out.

        ``first_in`` seconds until the first poll; by default a random part of the jitter.
        """
        if self.scheduler is None:
            return
        feeds = self.config.feeds
        minutes = feed.interval_minutes or feeds.default_interval_minutes
        delay = first_in if first_in is not None else self._rng.uniform(0, feeds.jitter_seconds)
        self.scheduler.add_job(
            self._job,
            IntervalTrigger(minutes=minutes, jitter=feeds.jitter_seconds or None),
            args=[f"poll:{feed.id}", lambda: self.poll_feed(feed.id)],
            id=poll_job_id(feed.id),
            next_run_time=datetime.now(UTC) + timedelta(seconds=delay),
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )

    def unschedule_feed(self, feed_id: int) -> None:
        if self.scheduler is not None and self.scheduler.get_job(poll_job_id(feed_id)):
            self.scheduler.remove_job(poll_job_id(feed_id))

    def next_poll(self, feed_id: int) -> datetime | None:
        """When the scheduler will next poll a feed (None: not scheduled)."""
        if self.scheduler is None:
            return None
        job = self.scheduler.get_job(poll_job_id(feed_id))
        when: datetime | None = None if job is None else job.next_run_time
        return when

    def kick_dispatcher(self) -> None:
        """Run the dispatcher now rather than at its next interval (new alerts are queued)."""
        if self._dispatching:
            # A run is in flight: it makes one more pass rather than the scheduler skipping
            # (and logging) a second instance.
            self._kicked = True
            return
        if self.scheduler is not None and self.scheduler.running:
            job = self.scheduler.get_job(DISPATCH_JOB)
            if job is not None:
                job.modify(next_run_time=datetime.now(UTC))

    async def _job(self, name: str, run: Callable[[], Awaitable[object]]) -> None:
        """Run one scheduled job; a failure is logged, never kills the scheduler, and
        shutdown waits for the job to finish."""
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            await run()
        except asyncio.CancelledError:
            if self._stopping:
                # Out of grace at shutdown: every write is a transaction, so what was not
                # committed is redone by the next start. Nothing to report as a failure.
                log.warning("scheduled job %s was abandoned at shutdown", name)
                return
            raise
        except Exception:
            log.exception("scheduled job %s failed", name)
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def _drain_jobs(self) -> None:
        pending = {t for t in self._inflight if not t.done()}
        if not pending:
            return
        _, late = await asyncio.wait(pending, timeout=SHUTDOWN_GRACE_SECONDS)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)

    # ---- the jobs

    async def dispatch_outbox(self) -> None:
        if self.is_closed() or not self.is_ready():
            return  # the gateway is down: the outbox waits, nothing is lost
        self._dispatching = True
        try:
            await self._dispatch_passes()
        finally:
            self._dispatching = False

    async def _dispatch_passes(self) -> None:
        # A pass sends at most one pack per channel: while passes send, more may be waiting,
        # so go on at once (a burst must not wait one interval per pack), until the outbox
        # is drained, Discord pushes back, or the bot is stopping.
        for _ in range(MAX_PASSES_PER_RUN):
            report = await self.dispatcher.run_once()
            if report.sent or report.retried or report.failed or report.flagged:
                log.info(
                    "outbox: %d messages sent (%d alerts), %d to retry, %d failed,"
                    " %d subscriptions flagged",
                    report.sent,
                    report.alerts,
                    report.retried,
                    report.failed,
                    report.flagged,
                )
            kicked, self._kicked = self._kicked, False
            if report.retried or report.failed or self._stopping or self.is_closed():
                break
            if not report.sent and not kicked:
                break

    async def send_due_digests(self) -> None:
        if self.is_closed() or not self.is_ready():
            return
        await self.digests.send_due()

    async def poll_feed(self, feed_id: int) -> None:
        feed = await self.store.get_feed(feed_id)
        if feed is None or not feed.enabled:
            self.unschedule_feed(feed_id)
            return
        if feed.next_poll_at is not None and feed.next_poll_at > self.clock.now():
            log.debug("feed %s backs off until %s", feed.url, feed.next_poll_at)
            return
        if self.poller is None:
            log.warning("no poller configured; feed %s is not polled", feed.url)
            return
        await self.poller(self, feed)
        self.last_poll_at = self.clock.now()
        self.kick_dispatcher()


def _quiet_busy_dispatcher(record: logging.LogRecord) -> bool:
    """Drop APScheduler's warning that the dispatcher is still running at its next interval:
    during a backlog a run keeps going pass after pass by design, and would log it every
    interval."""
    message = record.getMessage()
    return not (
        message.startswith(f'Execution of job "{DISPATCH_JOB} (')
        and "maximum number of running instances" in message
    )


def poll_job_id(feed_id: int) -> str:
    return f"poll:{feed_id}"


async def run_bot(
    config: Config,
    token: str,
    *,
    db_path: Path | None = None,
    poller: FeedPoller | None = None,
    early: EarlySignals | None = None,
) -> None:
    """``treatywatch run``: run the bot until SIGINT or SIGTERM, then shut down cleanly.

    ``poller`` defaults to :class:`~bot.discord_app.polling.PipelinePoller`. ``early`` holds
    a signal received before this function could install its handlers: then it returns at
    once, having opened nothing.
    """
    if not logging.getLogger().handlers:
        discord.utils.setup_logging(root=True)
    apply_endpoints(config.discord)
    if poller is None:
        from bot.discord_app.polling import PipelinePoller  # noqa: PLC0415 -- heavy imports

        poller = PipelinePoller()
    bot = TreatywatchBot(config, db_path=db_path, poller=poller)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    handled: dict[signal.Signals, Callable[[int, FrameType | None], Any] | int | None] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Not available on every platform, nor outside the main thread.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            previous = signal.getsignal(signum)
            loop.add_signal_handler(signum, stop.set)
            handled[signum] = previous
    try:
        if early is not None and early.received is not None:
            log.info("stopping on %s, received during start-up", early.received.name)
            return
        async with bot:
            runner = asyncio.create_task(bot.start(token))
            stopper = asyncio.create_task(stop.wait())
            done, _ = await asyncio.wait({runner, stopper}, return_when=asyncio.FIRST_COMPLETED)
            signalled = stopper in done
            if signalled:
                log.info("shutting down on a signal")
            stopper.cancel()
            await bot.close()
            try:
                await runner  # a login failure or a crash surfaces here
            except discord.LoginFailure as exc:
                raise ConfigError(
                    "Discord refused the token.",
                    hint="Check DISCORD_TOKEN: copy the bot token again from the Developer Portal.",
                ) from exc
            except (aiohttp.ClientError, OSError) as exc:
                if not signalled:
                    raise
                # The signal came while logging in: closing cut the login's request short.
                log.info("start-up was cut short by the signal (%s)", exc)
    finally:
        for signum, previous in handled.items():
            loop.remove_signal_handler(signum)
            # Removing sets the default action (death by SIGTERM); put back what was there,
            # so a signal during the rest of the exit stays harmless.
            if previous is not None:
                signal.signal(signum, previous)
