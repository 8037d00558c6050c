"""Polite, bounded, guarded HTTP GETs over one shared aiohttp session.

:class:`Fetcher` never raises for anything a remote server can cause: timeouts, oversized or
endless bodies (counted after decompression, so a gzip bomb stops at the cap), redirect
loops, refused addresses, HTTP errors and rate limits all come back as a :class:`FetchResult`
with ``status="error"`` and a reason meant for users. Redirects are followed by hand so the
SSRF guard sees every hop; the connector's resolver re-checks every address at connect time.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import hashlib
import logging
from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass, replace
from datetime import UTC
from types import TracebackType
from typing import Literal

import aiohttp
from aiohttp.abc import AbstractResolver
from aiohttp.resolver import DefaultResolver
from yarl import URL

from bot.clock import Clock, SystemClock
from bot.config import FetchConfig
from bot.errors import FeedError, UnsafeURLError
from bot.fetch.netguard import GuardedResolver, check_url, precheck_url

log = logging.getLogger(__name__)

FetchStatus = Literal["ok", "not_modified", "unchanged", "error"]

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.3, */*;q=0.1"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_CHUNK = 64 * 1024

#: What to tell a user about each kind of failure.
HINTS: dict[str, str] = {
    "timeout": "The server is too slow to answer; it may be overloaded. It will be retried.",
    "too_large": "The response is larger than the configured max_body_bytes.",
    "too_many_redirects": "The URL redirects too often or in a loop; use the final feed URL.",
    "unsafe_url": "Feeds must be on the public internet.",
    "dns": "The host name does not resolve; check the URL for typos.",
    "connection": "The server could not be reached; it will be retried.",
    "tls": "The server's HTTPS certificate is invalid; ask the site to fix it.",
    "rate_limited": "The server asks us to slow down; polling backs off as requested.",
    "http_error": "The server returned an error; check the URL in a browser.",
    "gone": "The feed no longer exists (404/410); remove it or use its new URL.",
    "forbidden": "The server refuses access (401/403); the feed may need a login.",
    "bad_response": "The server sent a broken response; it will be retried.",
}


@dataclass(frozen=True, slots=True)
class CacheValidators:
    """What the last successful fetch of a URL left behind, for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    #: sha256 hex of the last body, to skip a body that did not change without a 304.
    body_hash: str | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one GET (after redirects). ``error`` is readable by users."""

    status: FetchStatus
    url: str
    final_url: str
    http_status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    #: Seconds the server asked us to wait (Retry-After on 429/503).
    retry_after: float | None = None
    #: Set when every redirect was permanent (301/308): the caller may update the stored URL.
    moved_to: str | None = None
    error: str | None = None
    #: A machine-readable kind of error (a key of :data:`HINTS`).
    error_kind: str | None = None
    hint: str | None = None

    @property
    def failed(self) -> bool:
        return self.status == "error"

    def validators(self) -> CacheValidators:
        """The validators to keep for the next conditional GET of this URL."""
        return CacheValidators(self.etag, self.last_modified, self.body_hash)


class _TooLargeError(Exception):
    pass


class _RedirectError(Exception):
    pass


def parse_retry_after(value: str | None, clock: Clock) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - clock.now()).total_seconds())


class _HostLimiter:
    """At most ``limit`` requests at once per host, forgetting hosts nobody is using."""

    def __init__(self, limit: int) -> None:
        self._limit = max(1, limit)
        self._slots: dict[str, tuple[asyncio.Semaphore, int]] = {}

    @contextlib.asynccontextmanager
    async def hold(self, host: str) -> AsyncIterator[None]:
        sem, users = self._slots.get(host, (asyncio.Semaphore(self._limit), 0))
        self._slots[host] = (sem, users + 1)
        try:
            async with sem:
                yield
        finally:
            sem, users = self._slots[host]
            if users <= 1:
                del self._slots[host]
            else:
                self._slots[host] = (sem, users - 1)


class Fetcher:
    """One shared aiohttp session with the limits of :class:`FetchConfig`.

    Use as ``async with Fetcher(config) as fetcher:`` or pair :meth:`start` with :meth:`close`.
    ``allowed_hosts`` exempts exact ``"host:port"`` strings from the guard (tests use it for
    their loopback server). ``resolver`` replaces the system resolver (tests).
    """

    def __init__(
        self,
        config: FetchConfig,
        *,
        clock: Clock | None = None,
        allowed_hosts: Collection[str] = (),
        resolver: AbstractResolver | None = None,
    ) -> None:
        self.config = config
        self._clock: Clock = clock or SystemClock()
        self._allowed_hosts = frozenset(h.lower() for h in allowed_hosts)
        self._inner_resolver = resolver
        self._session: aiohttp.ClientSession | None = None
        self._global: asyncio.Semaphore | None = None
        self._hosts = _HostLimiter(config.per_host_concurrency)

    async def start(self) -> None:
        if self._session is not None:
            raise RuntimeError("Fetcher already started")
        inner = self._inner_resolver or DefaultResolver()
        guarded = GuardedResolver(
            inner,
            allow_private=self.config.allow_private_networks,
            allowed_hosts=self._allowed_hosts,
        )
        self._inner_resolver = inner
        connector = aiohttp.TCPConnector(
            resolver=guarded,
            limit=max(1, self.config.max_concurrency),
            limit_per_host=max(1, self.config.per_host_concurrency),
        )
        self._session = aiohttp.ClientSession(
            connector=connector,
            # No cookies: feeds must not track us, nor one feed's cookies leak to another.
            cookie_jar=aiohttp.DummyCookieJar(),
            # No proxies from the environment: a proxy would connect past the guard.
            trust_env=False,
            headers={
                "User-Agent": self.config.user_agent,
                "Accept-Encoding": "gzip, deflate, br",
            },
        )
        self._global = asyncio.Semaphore(max(1, self.config.max_concurrency))

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def __aenter__(self) -> Fetcher:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def check(self, url: str) -> None:
        """Validate a URL before storing it (``/feeds add``).

        Raises :class:`UnsafeURLError` when the guard refuses it, :class:`FeedError` when its
        host does not resolve; both say why in words a user understands.
        """
        try:
            await check_url(
                url,
                self.config.allow_private_networks,
                resolver=self._inner_resolver,
                allowed_hosts=self._allowed_hosts,
            )
        except OSError as exc:
            raise FeedError(f"Cannot resolve the host of {url}: {exc}.", hint=HINTS["dns"]) from exc

    async def fetch(
        self,
        url: str,
        validators: CacheValidators | None = None,
        *,
        accept: str = FEED_ACCEPT,
    ) -> FetchResult:
        """GET ``url`` conditionally; never raises for anything the remote side does."""
        if self._session is None or self._global is None:
            raise RuntimeError("Fetcher.fetch() called before start()")
        base = FetchResult(status="error", url=url, final_url=url)
        async with self._global:
            try:
                return await self._follow(self._session, base, validators, accept)
            except UnsafeURLError as exc:
                return _error(base, "unsafe_url", str(exc), exc.hint)
            except TimeoutError:
                seconds = self.config.total_timeout_seconds
                return _error(base, "timeout", f"No complete answer within {seconds:g} s.")
            except _TooLargeError:
                limit = self.config.max_body_bytes
                return _error(base, "too_large", f"The response exceeds {limit} bytes.")
            except _RedirectError as exc:
                return _error(base, "too_many_redirects", str(exc))
            except aiohttp.ClientConnectorDNSError as exc:
                return _error(base, "dns", f"Cannot resolve the host: {exc.os_error}.")
            except (aiohttp.ClientConnectorCertificateError, aiohttp.ClientSSLError) as exc:
                return _error(base, "tls", f"TLS failed: {exc}.")
            except aiohttp.ClientPayloadError as exc:
                return _error(base, "bad_response", f"Broken response body: {exc}.")
            except aiohttp.InvalidURL as exc:
                return _error(base, "unsafe_url", f"Invalid URL: {exc}.")
            except (aiohttp.ClientError, OSError) as exc:
                why = str(exc) or type(exc).__name__
                return _error(base, "connection", f"Connection failed: {why}.")

    async def _follow(
        self,
        session: aiohttp.ClientSession,
        base: FetchResult,
        validators: CacheValidators | None,
        accept: str,
    ) -> FetchResult:
        allow_private = self.config.allow_private_networks
        current = precheck_url(base.url, allow_private, allowed_hosts=self._allowed_hosts)
        seen = {str(current)}
        permanent = True
        headers = {"Accept": accept}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        # The total timeout counts time spent on requests, not time queued behind other
        # requests to the same host, so a busy host's feeds do not time out in the queue.
        budget = self.config.total_timeout_seconds
        loop = asyncio.get_running_loop()
        for hop in range(self.config.max_redirects + 1):
            async with self._hosts.hold((current.raw_host or "").lower()):
                started = loop.time()
                try:
                    async with asyncio.timeout(max(0.0, budget)):
                        result, target = await self._hop(
                            session, current, headers, base, validators
                        )
                finally:
                    budget -= loop.time() - started
            if result is not None:
                moved = str(current) if permanent and hop > 0 else None
                return replace(result, moved_to=moved)
            assert target is not None
            permanent = permanent and target[1]
            if str(target[0]) in seen:
                raise _RedirectError(f"Redirect loop at {target[0]}.")
            if hop == self.config.max_redirects:
                break
            seen.add(str(target[0]))
            current = target[0]
        raise _RedirectError(f"More than {self.config.max_redirects} redirects.")

    async def _hop(
        self,
        session: aiohttp.ClientSession,
        current: URL,
        headers: dict[str, str],
        base: FetchResult,
        validators: CacheValidators | None,
    ) -> tuple[FetchResult | None, tuple[URL, bool] | None]:
        """One request: a final result, or the next hop (its URL, whether permanent)."""
        async with session.get(
            current,
            headers=headers,
            allow_redirects=False,
            timeout=aiohttp.ClientTimeout(
                total=None,
                connect=self.config.connect_timeout_seconds,
                sock_connect=self.config.connect_timeout_seconds,
            ),
        ) as resp:
            if resp.status in _REDIRECTS and "Location" in resp.headers:
                target = current.join(URL(resp.headers["Location"]))
                target = precheck_url(
                    target,
                    self.config.allow_private_networks,
                    allowed_hosts=self._allowed_hosts,
                )
                return None, (target, resp.status in _PERMANENT)
            return (
                await self._finish(replace(base, final_url=str(current)), resp, validators),
                None,
            )

    async def _finish(
        self,
        base: FetchResult,
        resp: aiohttp.ClientResponse,
        validators: CacheValidators | None,
    ) -> FetchResult:
        etag = resp.headers.get("ETag")
        last_modified = resp.headers.get("Last-Modified")
        result = replace(
            base,
            http_status=resp.status,
            content_type=resp.headers.get("Content-Type"),
            etag=etag,
            last_modified=last_modified,
        )
        if resp.status == 304:
            old = validators or CacheValidators()
            return replace(
                result,
                status="not_modified",
                etag=etag or old.etag,
                last_modified=last_modified or old.last_modified,
                body_hash=old.body_hash,
            )
        if resp.status in (429, 503):
            wait = parse_retry_after(resp.headers.get("Retry-After"), self._clock)
            shown = f"; retry after {wait:g} s" if wait is not None else ""
            kind = "rate_limited" if resp.status == 429 else "http_error"
            return _error(
                replace(result, retry_after=wait), kind, f"HTTP {resp.status}{shown}."
            )
        if resp.status >= 300 or resp.status < 200:
            kind = (
                "gone"
                if resp.status in (404, 410)
                else "forbidden"
                if resp.status in (401, 403)
                else "http_error"
            )
            return _error(result, kind, f"HTTP {resp.status} {resp.reason or ''}".rstrip() + ".")
        body = await self._read_capped(resp)
        digest = hashlib.sha256(body).hexdigest()
        status: FetchStatus = (
            "unchanged" if validators is not None and validators.body_hash == digest else "ok"
        )
        return replace(result, status=status, body=body, body_hash=digest)

    async def _read_capped(self, resp: aiohttp.ClientResponse) -> bytes:
        cap = self.config.max_body_bytes
        declared = resp.content_length
        if declared is not None and declared > cap:
            raise _TooLargeError
        buf = bytearray()
        # resp.content yields decoded bytes, so the cap applies after decompression.
        async for chunk in resp.content.iter_chunked(_CHUNK):
            buf += chunk
            if len(buf) > cap:
                raise _TooLargeError
        return bytes(buf)


def _error(base: FetchResult, kind: str, message: str, hint: str | None = None) -> FetchResult:
    log.debug("fetch %s failed (%s): %s", base.url, kind, message)
    return replace(
        base, status="error", error=message, error_kind=kind, hint=hint or HINTS.get(kind)
    )
