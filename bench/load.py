"""Load: the bot against the fake Discord with 500 loopback feeds, 200 subscriptions across
50 servers, and a burst of 1,000 new entries; how long until every alert is delivered, peak
RSS, and the event loop's worst lag while polling.

Three processes besides this driver, so none of their work lands on the bot's event loop:

* the fake Discord (``tests/fakes/discord_server.py``), its world grown to 50 servers with
  4 channels each, enforcing Discord's rate limits (5 messages per 5 s per channel, 50
  requests a second per bot) and message limits (10 embeds, 6000 characters);
* a feed server: 500 RSS feeds of 2 entries each (1,000 entries, texts generated with a fixed
  seed by ``bench/synthetic.py`` from the seeds' material);
* the bot: ``run_bot`` as ``treatywatch run`` runs it, plus a 100 ms ticker task that records
  how late each tick fires (event-loop lag) and the peak RSS.

All feeds are new when the bot starts and there is no jitter, so its first round of polls is
the burst. Bounded: every wait has a deadline, and the run stops by itself.

    .venv/bin/python bench/load.py [--feeds 500] [--entries-per-feed 2] [--servers 50]
                                   [--subscriptions 200] [--deadline 1200]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TICK = 0.1


# --------------------------------------------------------------------------- child: fake Discord


async def _serve_fake(servers: int, channels_per_server: int) -> None:
    from tests.fakes import discord_server as fd  # noqa: PLC0415

    fake = fd.FakeDiscord(rate_limits=True)
    world = fake.world
    extra: list[fd.FakeGuild] = []
    ids = fake._ids
    for index in range(servers - len(world.guilds)):
        gid = next(ids)
        guild = fd.FakeGuild(gid, f"Server {index}", world.owner.id)
        guild.roles[gid] = fd.FakeRole(gid, "@everyone", fd.BASIC_MEMBER)
        guild.members[world.bot.id] = fd.FakeMember(world.bot)
        for c in range(channels_per_server):
            channel = fd.FakeChannel(next(ids), gid, f"alerts-{c}", position=c)
            guild.channels[channel.id] = channel
        extra.append(guild)
    base = [world.newsroom, world.other]

    def guilds(_: fd.World) -> list[fd.FakeGuild]:
        return [*base, *extra]

    def bot_permissions(self: fd.World, channel: fd.FakeChannel) -> int:
        guild = self.guild_of_channel(channel.id)
        assert guild is not None
        return guild.permissions(guild.members[self.bot.id], channel)

    fd.World.guilds = property(guilds)  # type: ignore[assignment,method-assign]
    fd.World.bot_permissions = bot_permissions  # type: ignore[method-assign]
    await fake.start()
    channels = [
        (g.id, c.id)
        for g in [*base, *extra]
        for c in g.channels.values()
        if c.name in ("alerts", "general") or c.name.startswith("alerts-")
    ]
    where = {
        "api": fake.api_base_url,
        "gateway": fake.gateway_url,
        "base": fake.base_url,
        "channels": channels,
    }
    sys.stdout.write(json.dumps(where) + "\n")
    sys.stdout.flush()
    await asyncio.Event().wait()


# --------------------------------------------------------------------------- child: feeds


def _feeds(count: int, per_feed: int) -> dict[str, bytes]:
    from bench.synthetic import Params, TextGenerator  # noqa: PLC0415

    generator = TextGenerator(Params(seed=20250117))
    start = datetime(2025, 8, 1, tzinfo=UTC)
    feeds: dict[str, bytes] = {}
    for f in range(count):
        items = []
        for e in range(per_feed):
            n = f * per_feed + e
            text = " ".join(generator.texts(3))
            published = format_datetime(start + timedelta(minutes=n))
            items.append(
                f"<item><title>Russia–Iran treaty update {n}</title>"
                f"<link>https://example.com/load/{n}</link>"
                f'<guid isPermaLink="false">load-{n}</guid><pubDate>{published}</pubDate>'
                f"<description>{escape(text)}</description></item>"
            )
        feeds[f"/feed/{f}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Load feed {f}</title><link>https://example.com/load</link>"
            f"<description>load</description>{''.join(items)}</channel></rss>"
        ).encode()
    return feeds


async def _serve_feeds(count: int, per_feed: int) -> None:
    from aiohttp import web  # noqa: PLC0415

    feeds = _feeds(count, per_feed)

    async def serve(request: web.Request) -> web.Response:
        body = feeds.get(request.path)
        if body is None:
            return web.Response(status=404)
        return web.Response(body=body, headers={"Content-Type": "application/rss+xml"})

    app = web.Application()
    app.router.add_get("/{tail:.*}", serve)
    runner = web.AppRunner(app, handle_signals=False, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    server = site._server
    assert server is not None
    port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]
    sys.stdout.write(json.dumps({"port": port, "paths": sorted(feeds)}) + "\n")
    sys.stdout.flush()
    await asyncio.Event().wait()


# --------------------------------------------------------------------------- child: the bot


async def _run_bot(config_path: str, db: str, stats_path: str) -> None:
    from bot.config import load_config  # noqa: PLC0415
    from bot.discord_app.app import run_bot  # noqa: PLC0415

    samples: list[tuple[float, float]] = []

    async def ticker() -> None:
        loop = asyncio.get_running_loop()
        expected = loop.time() + TICK
        while True:
            await asyncio.sleep(max(0.0, expected - loop.time()))
            now = loop.time()
            samples.append((time.time(), now - expected))
            expected = max(expected + TICK, now)  # a late tick does not make the next early

    task = asyncio.create_task(ticker())
    try:
        await run_bot(load_config(Path(config_path)), "fake-token", db_path=Path(db))
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        stats = json.dumps({"peak_rss_kb": peak_kb, "samples": samples})
        await asyncio.to_thread(Path(stats_path).write_text, stats)


# --------------------------------------------------------------------------- the driver


def _spawn(args: list[str], log: Path) -> tuple[subprocess.Popen[str], dict[str, object]]:
    with log.open("w") as err:
        proc = subprocess.Popen(
            [sys.executable, __file__, *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        proc.kill()
        raise RuntimeError(f"{args[0]} did not start; see {log}")
    return proc, json.loads(line)


def _counts(db: Path) -> tuple[int, int, int, int]:
    """(feeds polled successfully, entries judged, deliveries sent, deliveries pending)."""
    if not db.exists():
        return 0, 0, 0, 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            polled = conn.execute(
                "SELECT count(*) FROM feeds WHERE last_success_at IS NOT NULL"
            ).fetchone()[0]
            judged = conn.execute(
                "SELECT count(*) FROM entries WHERE judged_hash IS content_hash"
            ).fetchone()[0]
            sent = conn.execute("SELECT count(*) FROM deliveries WHERE status = 'sent'").fetchone()[
                0
            ]
            pending = conn.execute(
                "SELECT count(*) FROM deliveries WHERE status = 'pending'"
            ).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0, 0, 0, 0
    return int(polled), int(judged), int(sent), int(pending)


def _fake_get(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=60) as resp:  # loopback only
        return json.loads(resp.read())


def _subscribe(db: Path, channels: list[tuple[int, int]]) -> None:
    from bot.store import open_store  # noqa: PLC0415

    async def go() -> None:
        async with open_store(db) as store:
            for guild_id, channel_id in channels:
                await store.subscribe(guild_id, channel_id)

    asyncio.run(go())


def drive(args: argparse.Namespace) -> int:
    entries = args.feeds * args.entries_per_feed
    servers, subs = args.servers, args.subscriptions
    print(
        f"load: {args.feeds} feeds x {args.entries_per_feed} entries = {entries} new entries,"
        f" {subs} subscriptions across {servers} servers"
    )
    with tempfile.TemporaryDirectory(prefix="treatywatch-load-") as tmp:
        work = Path(tmp)
        procs: list[subprocess.Popen[str]] = []
        try:
            # The fake's two canned servers have one alert channel each; the rest share out.
            per_server = -(-(subs - 2) // max(1, servers - 2))
            fake, where = _spawn(["--serve-fake", str(servers), str(per_server)], work / "fake.log")
            procs.append(fake)
            feeds, served = _spawn(
                ["--serve-feeds", str(args.feeds), str(args.entries_per_feed)], work / "feeds.log"
            )
            procs.append(feeds)
            channels = [tuple(c) for c in where["channels"]][:subs]  # type: ignore[attr-defined]
            assert len(channels) == subs, f"the fake has {len(channels)} channels only"
            db = work / "load.sqlite3"
            _subscribe(db, channels)  # type: ignore[arg-type]
            port = served["port"]
            urls = "".join(
                f'\n[[feeds.feed]]\nurl = "http://127.0.0.1:{port}{p}"\n'
                for p in served["paths"]  # type: ignore[attr-defined]
            )
            config = work / "config.toml"
            config.write_text(
                f'[discord]\napi_base_url = "{where["api"]}"\ngateway_url = "{where["gateway"]}"\n'
                '[fetch]\nallow_private_networks = true\nfull_text = "never"\n'
                "max_concurrency = 16\nper_host_concurrency = 16\n"
                "[delivery]\ninterval_seconds = 1.0\n"
                "[feeds]\njitter_seconds = 0\ndefault_interval_minutes = 600\n" + urls
            )
            stats_path = work / "stats.json"
            env = {**os.environ, "DISCORD_TOKEN": "fake-token"}
            with (work / "bot.log").open("w") as log:
                started = time.time()
                bot = subprocess.Popen(
                    [sys.executable, __file__, "--bot", str(config), str(db), str(stats_path)],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            procs.append(bot)  # type: ignore[arg-type]
            polled_at = delivered_at = None
            deadline = started + args.deadline
            last_print = 0.0
            while time.time() < deadline:
                if bot.poll() is not None:
                    print(f"the bot exited with {bot.returncode}; see its log")
                    print((work / "bot.log").read_text()[-3000:])
                    return 1
                polled, judged, sent, pending = _counts(db)
                now = time.time()
                if polled_at is None and polled == args.feeds and judged == entries:
                    polled_at = now
                if polled_at is not None and pending == 0:
                    delivered_at = now
                    break
                if now - last_print > 15:
                    last_print = now
                    print(
                        f"  {now - started:5.0f} s: {polled} feeds polled, {judged} entries"
                        f" judged, {sent} deliveries sent, {pending} pending"
                    )
                time.sleep(0.25)
            bot.send_signal(signal.SIGTERM)
            code = bot.wait(60)
            stats = json.loads(stats_path.read_text())
            polled, judged, sent, pending = _counts(db)
            conn = sqlite3.connect(db)
            alerts = conn.execute("SELECT count(*) FROM alerts").fetchone()[0]
            packs = conn.execute("SELECT count(*) FROM packs WHERE status = 'sent'").fetchone()[0]
            conn.close()
            # What Discord (the fake) shows: each alert once in each channel?
            summary = _fake_get(str(where["base"]), "/_fake/alerts")
            fake_stats = _fake_get(str(where["base"]), "/_fake/stats")
            per_channel = summary["channels"].values()
            complete = sum(1 for c in per_channel if c["alerts"] == alerts)
            repeated = sum(c["repeated"] for c in per_channel)
            messages = sum(c["messages"] for c in per_channel)
            samples = stats["samples"]
            end_of_polling = polled_at or time.time()
            polling = [lag for t, lag in samples if t <= end_of_polling]
            worst_polling = max(polling, default=0.0)
            worst_all = max((lag for _, lag in samples), default=0.0)
            polling.sort()
            p99 = polling[int(len(polling) * 0.99)] if polling else 0.0
            print()
            print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs,")
            print(f"  Python {platform.python_version()}, {platform.system()} {platform.release()}")
            print(f"alerts: {alerts}; deliveries sent: {sent} of {sent + pending}; bot exit {code}")
            print(
                f"Discord (the fake): {messages} messages ({packs} packs marked sent);"
                f" {complete} of {len(channels)} channels have every alert, {repeated} alerts"
                f" repeated in a channel; largest message {summary['most_embeds']} embeds,"
                f" {summary['most_characters']} characters; 429s answered:"
                f" {fake_stats['rate_limited'] or 'none'}"
            )
            if polled_at is not None:
                print(f"all {args.feeds} feeds polled and judged after {polled_at - started:.1f} s")
            if delivered_at is not None:
                print(f"every alert delivered after {delivered_at - started:.1f} s (from start)")
                if polled_at is not None:
                    print(f"  of which {delivered_at - polled_at:.1f} s after polling ended")
            else:
                print(f"NOT everything delivered within {args.deadline} s")
            print(f"peak RSS of the bot: {stats['peak_rss_kb'] / 1024:.0f} MB")
            print(
                f"event-loop lag of a {TICK * 1000:.0f} ms ticker while polling: worst"
                f" {worst_polling * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms over {len(polling)}"
                f" ticks; worst over the whole run {worst_all * 1000:.0f} ms"
            )
            everything = complete == len(channels) and repeated == 0
            return 0 if delivered_at is not None and code == 0 and everything else 1
        finally:
            for proc in procs:
                if proc.poll() is None:
                    proc.terminate()
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        proc.wait(10)
                if proc.poll() is None:
                    proc.kill()


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-fake":
        asyncio.run(_serve_fake(int(sys.argv[2]), int(sys.argv[3])))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--serve-feeds":
        asyncio.run(_serve_feeds(int(sys.argv[2]), int(sys.argv[3])))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--bot":
        import logging  # noqa: PLC0415

        logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(message)s")
        asyncio.run(_run_bot(sys.argv[2], sys.argv[3], sys.argv[4]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--entries-per-feed", type=int, default=2)
    parser.add_argument("--servers", type=int, default=50)
    parser.add_argument("--subscriptions", type=int, default=200)
    parser.add_argument("--deadline", type=float, default=1200.0, help="seconds, at most")
    args = parser.parse_args()
    if not (1 <= args.feeds <= 5000 and 1 <= args.servers <= 500 and 1 <= args.deadline <= 7200):
        parser.error("out of range")
    if args.subscriptions < 2:
        parser.error("--subscriptions must be at least 2")
    return drive(args)


if __name__ == "__main__":
    sys.exit(main())
