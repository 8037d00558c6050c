"""A loopback feed server that serves fixture feeds and misbehaves on purpose."""

from __future__ import annotations

import asyncio
import functools
import gzip
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from bot.config import FetchConfig

FIXTURES = Path(__file__).parent / "fixtures"
RSS = (FIXTURES / "rss2.xml").read_bytes()
ATOM = (FIXTURES / "atom.xml").read_bytes()
LATIN1_RSS = (
    '<rss version="2.0"><channel><title>Café</title>'
    "<item><title>Président à Téhéran</title><guid>latin-1</guid></item></channel></rss>"
).encode("latin-1")


@functools.cache
def _gzip_bomb() -> bytes:
    """64 MiB of zeros in about 64 KiB of gzip."""
    return gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)


@dataclass
class FeedServer:
    base: str
    host_port: str
    requests: list[web.Request] = field(default_factory=list)
    active: int = 0
    peak: int = 0

    def url(self, path: str) -> str:
        return self.base + path


def _app(state: dict[str, FeedServer]) -> web.Application:
    routes = web.RouteTableDef()

    def file(name: str, content_type: str) -> web.Response:
        return web.Response(body=(FIXTURES / name).read_bytes(), content_type=content_type)

    @routes.get("/rss.xml")
    async def rss(request: web.Request) -> web.Response:
        return web.Response(body=RSS, headers={"Content-Type": "application/rss+xml"})

    @routes.get("/atom.xml")
    async def atom(request: web.Request) -> web.Response:
        return web.Response(body=ATOM, headers={"Content-Type": "application/atom+xml"})

    @routes.get("/slow")
    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(30)
        return web.Response(body=RSS)

    @routes.get("/drip")
    async def drip(request: web.Request) -> web.StreamResponse:
        # Headers at once, then a trickle that never finishes: only a total timeout helps.
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await resp.prepare(request)
        for _ in range(300):
            await resp.write(b" ")
            await asyncio.sleep(0.1)
        return resp

    @routes.get("/endless")
    async def endless(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        await resp.prepare(request)
        chunk = b"<item>" + b"x" * 65536 + b"</item>"
        try:
            while True:
                await resp.write(chunk)
        except (ConnectionResetError, RuntimeError):
            pass
        return resp

    @routes.get("/declared-huge")
    async def declared_huge(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Type": "application/rss+xml"})
        resp.content_length = 10 * 1024 * 1024 * 1024
        await resp.prepare(request)
        await resp.write(b"<rss>")
        return resp

    @routes.get("/bomb")
    async def gzip_bomb(request: web.Request) -> web.Response:
        return web.Response(
            body=_gzip_bomb(),
            headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
        )

    @routes.get("/gzip")
    async def gzipped(request: web.Request) -> web.Response:
        return web.Response(
            body=gzip.compress(RSS),
            headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"},
        )

    @routes.get("/deflate")
    async def deflated(request: web.Request) -> web.Response:
        return web.Response(
            body=zlib.compress(RSS),
            headers={"Content-Encoding": "deflate", "Content-Type": "application/rss+xml"},
        )

    @routes.get("/br")
    async def brotlied(request: web.Request) -> web.Response:
        return web.Response(
            body=brotli.compress(RSS),
            headers={"Content-Encoding": "br", "Content-Type": "application/rss+xml"},
        )

    @routes.get("/loop-a")
    async def loop_a(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop-b")

    @routes.get("/loop-b")
    async def loop_b(request: web.Request) -> web.Response:
        raise web.HTTPFound("/loop-a")

    @routes.get("/chain/{n}")
    async def chain(request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        if n == 0:
            return web.Response(body=RSS, content_type="application/rss+xml")
        raise web.HTTPFound(f"/chain/{n - 1}")

    @routes.get("/moved")
    async def moved(request: web.Request) -> web.Response:
        raise web.HTTPMovedPermanently("/rss.xml")

    @routes.get("/redirect")
    async def redirect(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    @routes.get("/status/{code}")
    async def status(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["code"]), text="nope")

    @routes.get("/429")
    async def too_many(request: web.Request) -> web.Response:
        return web.Response(status=429, headers={"Retry-After": "120"})

    @routes.get("/503-date")
    async def unavailable(request: web.Request) -> web.Response:
        # FrozenClock stands at 2025-01-20 12:00 UTC: this is 90 s later.
        return web.Response(status=503, headers={"Retry-After": "Mon, 20 Jan 2025 12:01:30 GMT"})

    @routes.get("/etag")
    async def etag(request: web.Request) -> web.Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers={"ETag": '"v1"'})
        return web.Response(
            body=RSS, content_type="application/rss+xml", headers={"ETag": '"v1"'}
        )

    @routes.get("/last-modified")
    async def last_modified(request: web.Request) -> web.Response:
        stamp = "Fri, 17 Jan 2025 12:00:00 GMT"
        if request.headers.get("If-Modified-Since") == stamp:
            return web.Response(status=304)
        return web.Response(
            body=RSS, content_type="application/rss+xml", headers={"Last-Modified": stamp}
        )

    @routes.get("/html-with-link")
    async def html_with_link(request: web.Request) -> web.Response:
        return file("page_with_feed.html", "text/html")

    @routes.get("/html-plain")
    async def html_plain(request: web.Request) -> web.Response:
        return file("page_without_feed.html", "text/html")

    @routes.get("/article")
    async def article(request: web.Request) -> web.Response:
        return file("article.html", "text/html")

    @routes.get("/wrong-type")
    async def wrong_type(request: web.Request) -> web.Response:
        return web.Response(body=RSS, headers={"Content-Type": "application/octet-stream"})

    @routes.get("/truncated")
    async def truncated(request: web.Request) -> web.Response:
        cut = RSS[: RSS.index(b"<title>Analysis")]
        return web.Response(body=cut, headers={"Content-Type": "application/rss+xml"})

    @routes.get("/latin1")
    async def latin1(request: web.Request) -> web.Response:
        return web.Response(body=LATIN1_RSS, headers={"Content-Type": "text/xml"})

    @routes.get("/empty")
    async def empty(request: web.Request) -> web.Response:
        return file("empty.xml", "application/rss+xml")

    @routes.get("/empty-body")
    async def empty_body(request: web.Request) -> web.Response:
        return web.Response(body=b"", headers={"Content-Type": "application/rss+xml"})

    @routes.get("/summary-only.xml")
    async def summary_only(request: web.Request) -> web.Response:
        # Items link back to this server: one real article, one missing page.
        base = f"http://{request.host}"
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Briefs'
            "</title><item><title>Duma ratifies the treaty</title>"
            f"<link>{base}/article</link><guid>brief-1</guid>"
            "<pubDate>Tue, 08 Apr 2025 09:00:00 GMT</pubDate>"
            "<description>The Duma ratified it.</description></item>"
            "<item><title>Gone</title>"
            f"<link>{base}/status/404</link><guid>brief-2</guid>"
            "<pubDate>Mon, 07 Apr 2025 09:00:00 GMT</pubDate>"
            "<description>A summary whose page is gone.</description></item>"
            "</channel></rss>"
        )
        return web.Response(text=body, content_type="application/rss+xml")

    @routes.get("/hold")
    async def hold(request: web.Request) -> web.Response:
        await asyncio.sleep(0.2)
        return web.Response(body=RSS, content_type="application/rss+xml")

    @web.middleware
    async def record(
        request: web.Request, handler: web.RequestHandler  # type: ignore[type-arg]
    ) -> web.StreamResponse:
        server = state["server"]
        server.requests.append(request)
        server.active += 1
        server.peak = max(server.peak, server.active)
        try:
            return await handler(request)
        finally:
            server.active -= 1

    app = web.Application(middlewares=[record])
    app.add_routes(routes)
    return app


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    state: dict[str, FeedServer] = {}
    # Compressed before any request: made inside the handler, on a busy machine it ate into
    # the fetcher's one-second timeout and the bomb test saw "timeout" for "too_large".
    _gzip_bomb()
    server = TestServer(_app(state), host="127.0.0.1")
    await server.start_server()
    try:
        base = f"http://127.0.0.1:{server.port}"
        state["server"] = FeedServer(base=base, host_port=f"127.0.0.1:{server.port}")
        yield state["server"]
    finally:
        await server.close()


@pytest.fixture
def fetch_config() -> FetchConfig:
    """Tight limits so misbehaviour shows quickly; the guard stays on (see allowed_hosts)."""
    return FetchConfig(
        connect_timeout_seconds=1.0,
        total_timeout_seconds=1.0,
        max_body_bytes=1024 * 1024,
        max_redirects=5,
        user_agent="treatywatch-tests/0 (+https://example.invalid)",
    )
