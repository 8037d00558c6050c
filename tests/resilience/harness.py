"""Real processes on loopback for the resilience tests and the soak/load benchmarks.

* :class:`FakeDiscordProcess`: ``python -m tests.fakes.discord_server`` in its own process, so
  the bot can be killed and restarted against the same recorded Discord state; driven
  through its ``/_fake/*`` control endpoints.
* :class:`FeedServer`: a loopback aiohttp server (in the caller's event loop) serving feed
  documents by path.
* :class:`BotProcess`: ``python -m bot.cli run`` with a dummy token, as an operator runs it.
* :func:`db_snapshot`: what the database holds, read with plain ``sqlite3``.

Nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import aiohttp
from aiohttp import web

from tests.fakes.discord_server import FakeDiscord, World

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_FEED = ROOT / "examples" / "treaty-news.xml"
WIRE_FEED = Path(__file__).parent / "fixtures" / "more-treaty-news.xml"
#: The fake's token (FakeDiscord accepts only this one).
TOKEN = "fake-token"


def fake_world() -> World:
    """The canned world the fake process serves: its ids are deterministic."""
    return FakeDiscord().world


async def poll_until(
    check: Callable[[], Awaitable[bool]] | Callable[[], bool],
    *,
    within: float,
    every: float = 0.02,
    what: str = "condition",
) -> None:
    """Poll ``check`` until it is true; TimeoutError naming ``what`` after ``within`` s."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {within:g} s waiting for {what}")
        await asyncio.sleep(every)


# --------------------------------------------------------------------------- fake Discord


class FakeDiscordProcess:
    """The fake Discord in a child process; ``await start()``, ``await stop()``."""

    def __init__(self, log_path: Path) -> None:
        self._log_path = log_path
        self._proc: subprocess.Popen[str] | None = None
        self._log: IO[str] | None = None
        self.api_base_url = ""
        self.gateway_url = ""
        self.base_url = ""
        self._http: aiohttp.ClientSession | None = None

    def _spawn(self) -> str:
        """Start the process; the one line it prints says where it listens."""
        self._log = self._log_path.open("w")
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "tests.fakes.discord_server"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
        )
        assert self._proc.stdout is not None
        return self._proc.stdout.readline()

    async def start(self) -> None:
        line = await asyncio.to_thread(self._spawn)
        if not line:
            raise RuntimeError(f"the fake Discord did not start; see {self._log_path}")
        where = json.loads(line)
        self.api_base_url = where["api"]
        self.gateway_url = where["gateway"]
        self.base_url = self.api_base_url.removesuffix("/api/v10")
        self._http = aiohttp.ClientSession(self.base_url)

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            await asyncio.to_thread(self._proc.wait, 10)
        if self._log is not None:
            self._log.close()

    async def _get(self, path: str) -> Any:
        assert self._http is not None
        async with self._http.get(path) as resp:
            resp.raise_for_status()
            return await resp.json()

    async def _post(self, path: str, body: Any = None) -> None:
        assert self._http is not None
        async with self._http.post(path, json=body) as resp:
            resp.raise_for_status()

    async def created(self) -> list[dict[str, Any]]:
        """Every channel message the fake created (after nonce de-duplication)."""
        found: list[dict[str, Any]] = await self._get("/_fake/created")
        return found

    async def accepted_posts(self) -> list[dict[str, Any]]:
        """Every message POST Discord answered with 2xx (a repeated nonce counts again)."""
        found: list[dict[str, Any]] = await self._get("/_fake/messages")
        return found

    async def fail(self, method: str, pattern: str, **spec: Any) -> None:
        await self._post("/_fake/fail", {"method": method, "pattern": pattern, **spec})

    async def heal(self) -> None:
        """Forget the injected failures not yet used up."""
        await self._post("/_fake/heal")

    async def drop_gateway(self, code: int = 4000) -> None:
        await self._post(f"/_fake/drop?code={code}")

    async def invalidate_session(self, how: str = "op9") -> None:
        """End the gateway session for good: ``op9`` (INVALID_SESSION, d=false) or
        ``resume`` (drop the connection, then refuse the RESUME)."""
        await self._post(f"/_fake/invalidate?how={how}")

    async def stats(self) -> dict[str, Any]:
        """``requests`` seen (REST) and ``rate_limited`` 429s answered."""
        found: dict[str, Any] = await self._get("/_fake/stats")
        return found

    async def gateway_log(self) -> dict[str, Any]:
        """``identifies`` and ``resumes`` seen so far, and whether a session is ``connected``."""
        found: dict[str, Any] = await self._get("/_fake/gateway")
        return found


# --------------------------------------------------------------------------- feeds


@dataclass
class FeedServer:
    """Serves ``documents`` (path → bytes) on 127.0.0.1; counts requests per path."""

    documents: dict[str, bytes]
    hits: Counter[str] = field(default_factory=Counter)
    port: int = 0
    _runner: web.AppRunner | None = None

    async def start(self) -> None:
        async def serve(request: web.Request) -> web.Response:
            self.hits[request.path] += 1
            body = self.documents.get(request.path)
            if body is None:
                return web.Response(status=404)
            return web.Response(body=body, headers={"Content-Type": "application/rss+xml"})

        app = web.Application()
        app.router.add_get("/{tail:.*}", serve)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


# --------------------------------------------------------------------------- the bot


def write_config(
    path: Path,
    fake: FakeDiscordProcess,
    feed_urls: Sequence[str],
    *,
    delivery_interval: float = 0.2,
    retry_base: float = 0.5,
    retry_max: float = 2.0,
    feed_interval_minutes: float = 60.0,
    max_concurrency: int = 16,
    per_host_concurrency: int = 2,
) -> Path:
    """A config for ``treatywatch run`` against the fake and loopback feeds.

    No jitter, so every start polls every due feed at once; the long interval means a feed
    polled successfully is not polled again during a test. Full text is never fetched:
    the feeds' links point at example domains, and tests talk to 127.0.0.1 only.
    """
    feeds = "".join(f'\n[[feeds.feed]]\nurl = "{url}"\n' for url in feed_urls)
    path.write_text(
        f"""
[discord]
api_base_url = "{fake.api_base_url}"
gateway_url = "{fake.gateway_url}"

[fetch]
allow_private_networks = true
full_text = "never"
max_concurrency = {max_concurrency}
per_host_concurrency = {per_host_concurrency}

[delivery]
interval_seconds = {delivery_interval}
retry_base_seconds = {retry_base}
retry_max_seconds = {retry_max}

[feeds]
jitter_seconds = 0
default_interval_minutes = {feed_interval_minutes}
max_entries_per_poll = 1000
{feeds}
""",
        encoding="utf-8",
    )
    return path


class BotProcess:
    """``python -m bot.cli -v run --config CONFIG --db DB``; logs go to ``log_path``."""

    def __init__(
        self,
        config: Path,
        db: Path,
        log_path: Path,
        *,
        env: Mapping[str, str] | None = None,
        argv: Sequence[str] | None = None,
    ) -> None:
        self.config = config
        self.db = db
        self.log_path = log_path
        self._env = dict(env or {})
        self._argv = list(argv) if argv is not None else ["-v", "run"]
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def start(self) -> None:
        self._log = self.log_path.open("ab")
        env = {**os.environ, "DISCORD_TOKEN": TOKEN, **self._env}
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "bot.cli",
                *self._argv,
                "--config",
                str(self.config),
                "--db",
                str(self.db),
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    async def wait(self, within: float) -> int:
        assert self.proc is not None
        code = await asyncio.to_thread(self.proc.wait, within)
        self._close_log()
        return code

    async def kill(self) -> None:
        """SIGKILL: no handler runs, nothing is flushed or closed."""
        if self.running:
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
        await self.wait(30)

    async def signal_and_wait(self, signum: int, within: float) -> tuple[int, float]:
        """Send ``signum``; the exit status and the seconds it took to exit."""
        assert self.proc is not None
        started = time.monotonic()
        self.proc.send_signal(signum)
        code = await self.wait(within)
        return code, time.monotonic() - started

    def catches(self, signum: int) -> bool:
        """Whether the process has a handler for ``signum`` (Linux: ``SigCgt`` in /proc)."""
        if not self.running or self.proc is None:
            return False
        try:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
        except OSError:
            return False
        for line in status.splitlines():
            if line.startswith("SigCgt:"):
                return bool(int(line.split()[1], 16) & (1 << (signum - 1)))
        return False

    def _close_log(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    async def ensure_stopped(self) -> None:
        if self.running:
            await self.kill()
        self._close_log()


# --------------------------------------------------------------------------- the database


@dataclass(frozen=True)
class DbSnapshot:
    verdicts: Counter[tuple[str, str]]
    observed_claims: Counter[str]
    alerts: Counter[tuple[str, str]]
    #: (alert id, subscription id) → (status, delivery id, message id)
    deliveries: dict[tuple[int, int], tuple[str, int, int | None]]
    delivery_rows: int
    pending: int
    unjudged_entries: int
    integrity: str
    subscriptions: dict[int, tuple[int, str]]


def _ro(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def progress(db: Path) -> tuple[int, int]:
    """(verdicts stored, deliveries marked sent) — 0s before the schema exists."""
    if not db.exists():
        return 0, 0
    try:
        with contextlib.closing(_ro(db)) as conn:
            verdicts = conn.execute("SELECT count(*) FROM verdicts").fetchone()[0]
            sent = conn.execute("SELECT count(*) FROM deliveries WHERE status = 'sent'").fetchone()[
                0
            ]
    except sqlite3.OperationalError:
        return 0, 0  # the schema is not created yet
    return int(verdicts), int(sent)


def db_snapshot(db: Path) -> DbSnapshot:
    with contextlib.closing(_ro(db)) as conn:
        verdicts = Counter(
            (str(v), str(t)) for v, t in conn.execute("SELECT verdict, claim_text FROM verdicts")
        )
        claims = Counter(
            str(t)
            for (t,) in conn.execute(
                "SELECT text FROM claims WHERE baseline = 0 AND retired_at IS NULL"
            )
        )
        alerts = Counter(
            (str(k), str(t))
            for k, t in conn.execute(
                "SELECT a.kind, v.claim_text FROM alerts a JOIN verdicts v ON v.id = a.verdict_id"
            )
        )
        rows = conn.execute(
            "SELECT alert_id, subscription_id, status, id, message_id FROM deliveries"
        ).fetchall()
        deliveries = {(a, s): (str(st), int(i), m) for a, s, st, i, m in rows}
        pending = conn.execute(
            "SELECT count(*) FROM deliveries WHERE status = 'pending'"
        ).fetchone()[0]
        unjudged = conn.execute(
            "SELECT count(*) FROM entries WHERE judged_hash IS NOT content_hash"
        ).fetchone()[0]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        subs = {
            int(i): (int(c), str(st))
            for i, c, st in conn.execute("SELECT id, channel_id, state FROM subscriptions")
        }
    return DbSnapshot(
        verdicts=verdicts,
        observed_claims=claims,
        alerts=alerts,
        deliveries=deliveries,
        delivery_rows=len(rows),
        pending=int(pending),
        unjudged_entries=int(unjudged),
        integrity=str(integrity),
        subscriptions=subs,
    )


@dataclass(frozen=True)
class Expected:
    """What one uninterrupted scan of the feeds stores: the reference for every test."""

    verdicts: Counter[tuple[str, str]]

    @property
    def alerts(self) -> Counter[tuple[str, str]]:
        return Counter({k: n for k, n in self.verdicts.items() if k[0] in {"NEW", "CONTRADICTING"}})


def reference_scan(feeds: Sequence[Path], db: Path) -> Expected:
    """``treatywatch scan --json`` of the same feed files, in one process, nothing killed."""
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "scan", *map(str, feeds), "--db", str(db), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return Expected(Counter((d["verdict"], d["claim"]) for d in lines))
