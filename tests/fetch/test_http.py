from __future__ import annotations

import asyncio
import hashlib
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import replace

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.clock import FrozenClock
from bot.config import FetchConfig
from bot.errors import UnsafeURLError
from bot.fetch.http import CacheValidators, Fetcher, parse_retry_after
from tests.fetch.feedserver import RSS, FeedServer


@pytest.fixture
async def fetcher(
    feed_server: FeedServer, fetch_config: FetchConfig, frozen_clock: FrozenClock
) -> AsyncIterator[Fetcher]:
    async with Fetcher(
        fetch_config, clock=frozen_clock, allowed_hosts={feed_server.host_port}
    ) as f:
        yield f


async def test_plain_fetch_sends_honest_headers(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/rss.xml"))
    assert result.status == "ok" and not result.failed
    assert result.http_status == 200
    assert result.body == RSS
    assert result.body_hash == hashlib.sha256(RSS).hexdigest()
    assert result.content_type == "application/rss+xml"
    request = feed_server.requests[-1]
    assert request.headers["User-Agent"] == "treatywatch-tests/0 (+https://example.invalid)"
    assert request.headers["Accept-Encoding"] == "gzip, deflate, br"
    assert "application/rss+xml" in request.headers["Accept"]
    assert "Cookie" not in request.headers


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/br"])
async def test_compressed_bodies_are_decoded(
    fetcher: Fetcher, feed_server: FeedServer, path: str
) -> None:
    result = await fetcher.fetch(feed_server.url(path))
    assert result.status == "ok"
    assert result.body == RSS


async def test_slow_response_times_out(fetcher: Fetcher, feed_server: FeedServer) -> None:
    started = time.monotonic()
    result = await fetcher.fetch(feed_server.url("/slow"))
    assert result.status == "error" and result.error_kind == "timeout"
    assert result.hint is not None
    assert time.monotonic() - started < 5


async def test_dripping_body_times_out(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/drip"))
    assert result.error_kind == "timeout"


async def test_endless_body_is_cut_at_the_cap(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/endless"))
    assert result.error_kind == "too_large"
    assert result.body == b""


async def test_declared_huge_body_is_refused_before_reading(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    result = await fetcher.fetch(feed_server.url("/declared-huge"))
    assert result.error_kind == "too_large"


async def test_gzip_bomb_is_cut_after_decompression(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    result = await fetcher.fetch(feed_server.url("/bomb"))
    assert result.error_kind == "too_large"
    assert result.error is not None and str(1024 * 1024) in result.error


async def test_redirect_loop_is_detected(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/loop-a"))
    assert result.error_kind == "too_many_redirects"
    assert result.error is not None and "loop" in result.error
    assert len(feed_server.requests) == 2


async def test_five_redirects_are_followed_but_not_six(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    ok = await fetcher.fetch(feed_server.url("/chain/5"))
    assert ok.status == "ok"
    assert ok.final_url == feed_server.url("/chain/0")
    assert ok.moved_to is None  # 302s are temporary
    too_many = await fetcher.fetch(feed_server.url("/chain/6"))
    assert too_many.error_kind == "too_many_redirects"


async def test_permanent_redirect_reports_the_new_url(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    result = await fetcher.fetch(feed_server.url("/moved"))
    assert result.status == "ok"
    assert result.moved_to == feed_server.url("/rss.xml")


@pytest.mark.parametrize(
    ("target", "word"),
    [
        ("http://127.0.0.1:1/feed", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("file:///etc/passwd", "http and https"),
    ],
)
async def test_redirects_into_private_networks_are_refused(
    fetcher: Fetcher, feed_server: FeedServer, target: str, word: str
) -> None:
    result = await fetcher.fetch(feed_server.url(f"/redirect?to={target}"))
    assert result.status == "error" and result.error_kind == "unsafe_url"
    assert result.error is not None and word in result.error
    assert result.hint is not None


async def test_redirect_to_a_name_resolving_to_loopback_is_refused_at_connect(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    port = feed_server.host_port.rsplit(":", 1)[1]
    result = await fetcher.fetch(feed_server.url(f"/redirect?to=http://localhost:{port}/rss.xml"))
    assert result.error_kind == "unsafe_url"
    assert result.error is not None and "loopback" in result.error
    assert len(feed_server.requests) == 1  # the second hop never connected


async def test_guard_refuses_the_test_server_itself_without_the_allow_list(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    async with Fetcher(fetch_config) as plain:
        result = await plain.fetch(feed_server.url("/rss.xml"))
    assert result.error_kind == "unsafe_url"
    assert feed_server.requests == []


async def test_allow_private_networks_lets_loopback_through(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    config = replace(fetch_config, allow_private_networks=True)
    async with Fetcher(config) as open_fetcher:
        result = await open_fetcher.fetch(feed_server.url("/rss.xml"))
    assert result.status == "ok"


class RebindingResolver(AbstractResolver):
    """Public for the first question, loopback for every later one."""

    def __init__(self) -> None:
        self.calls = 0

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.calls += 1
        address = "93.184.216.34" if self.calls == 1 else "127.0.0.1"
        return [
            ResolveResult(
                hostname=host, host=address, port=port, family=socket.AF_INET, proto=0, flags=0
            )
        ]

    async def close(self) -> None:
        pass


async def test_dns_rebinding_is_caught_at_connect_time(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    resolver = RebindingResolver()
    port = feed_server.host_port.rsplit(":", 1)[1]
    url = f"http://rebind.test:{port}/rss.xml"
    async with Fetcher(fetch_config, resolver=resolver) as f:
        await f.check(url)  # validation saw the public address
        result = await f.fetch(url)
    assert result.error_kind == "unsafe_url"
    assert feed_server.requests == []


async def test_check_refuses_with_a_reason(fetcher: Fetcher) -> None:
    with pytest.raises(UnsafeURLError, match="link-local"):
        await fetcher.check("http://169.254.169.254/")


@pytest.mark.parametrize(
    ("code", "kind"), [(500, "http_error"), (404, "gone"), (410, "gone"), (403, "forbidden")]
)
async def test_http_errors(fetcher: Fetcher, feed_server: FeedServer, code: int, kind: str) -> None:
    result = await fetcher.fetch(feed_server.url(f"/status/{code}"))
    assert result.status == "error"
    assert result.http_status == code
    assert result.error_kind == kind
    assert result.error is not None and str(code) in result.error
    assert result.retry_after is None


async def test_429_with_retry_after_seconds(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/429"))
    assert result.error_kind == "rate_limited"
    assert result.retry_after == 120.0


async def test_503_with_retry_after_date(fetcher: Fetcher, feed_server: FeedServer) -> None:
    result = await fetcher.fetch(feed_server.url("/503-date"))
    assert result.http_status == 503
    assert result.retry_after == 90.0


def test_parse_retry_after(frozen_clock: FrozenClock) -> None:
    assert parse_retry_after("0", frozen_clock) == 0.0
    assert parse_retry_after(" 30 ", frozen_clock) == 30.0
    assert parse_retry_after("Mon, 20 Jan 2025 11:00:00 GMT", frozen_clock) == 0.0  # past
    assert parse_retry_after("Mon, 20 Jan 2025 13:00:00 GMT", frozen_clock) == 3600.0
    assert parse_retry_after("soon", frozen_clock) is None
    assert parse_retry_after("-5", frozen_clock) is None
    assert parse_retry_after(None, frozen_clock) is None


async def test_etag_conditional_get(fetcher: Fetcher, feed_server: FeedServer) -> None:
    first = await fetcher.fetch(feed_server.url("/etag"))
    assert first.status == "ok" and first.etag == '"v1"'
    second = await fetcher.fetch(feed_server.url("/etag"), first.validators())
    assert feed_server.requests[-1].headers["If-None-Match"] == '"v1"'
    assert second.status == "not_modified"
    assert second.body == b""
    assert second.validators() == first.validators()  # kept for the next poll


async def test_last_modified_conditional_get(fetcher: Fetcher, feed_server: FeedServer) -> None:
    first = await fetcher.fetch(feed_server.url("/last-modified"))
    assert first.last_modified == "Fri, 17 Jan 2025 12:00:00 GMT"
    second = await fetcher.fetch(feed_server.url("/last-modified"), first.validators())
    assert second.status == "not_modified"


async def test_unchanged_body_is_recognised_by_hash(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    first = await fetcher.fetch(feed_server.url("/rss.xml"))
    second = await fetcher.fetch(feed_server.url("/rss.xml"), first.validators())
    assert second.status == "unchanged"
    other = await fetcher.fetch(
        feed_server.url("/rss.xml"), CacheValidators(body_hash="0" * 64)
    )
    assert other.status == "ok"


async def test_connection_refused_is_an_error_not_an_exception(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    async with Fetcher(fetch_config, allowed_hosts={f"127.0.0.1:{port}"}) as f:
        result = await f.fetch(f"http://127.0.0.1:{port}/rss.xml")
    assert result.error_kind == "connection"


async def test_per_host_limit_is_two(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    async with Fetcher(fetch_config, allowed_hosts={feed_server.host_port}) as f:
        results = await asyncio.gather(*(f.fetch(feed_server.url("/hold")) for _ in range(6)))
    assert all(r.status == "ok" for r in results)
    assert feed_server.peak == 2


async def test_global_limit(feed_server: FeedServer, fetch_config: FetchConfig) -> None:
    config = replace(fetch_config, max_concurrency=1, per_host_concurrency=4)
    async with Fetcher(config, allowed_hosts={feed_server.host_port}) as f:
        await asyncio.gather(*(f.fetch(feed_server.url("/hold")) for _ in range(3)))
    assert feed_server.peak == 1


async def test_fetch_before_start_is_a_programming_error(fetch_config: FetchConfig) -> None:
    with pytest.raises(RuntimeError):
        await Fetcher(fetch_config).fetch("https://example.com/")


async def test_time_queued_behind_the_host_limit_does_not_count_as_timeout(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    # Four 0.2 s answers one at a time take 0.8 s; each request alone is well within 0.5 s.
    config = replace(fetch_config, per_host_concurrency=1, total_timeout_seconds=0.5)
    async with Fetcher(config, allowed_hosts={feed_server.host_port}) as f:
        results = await asyncio.gather(*(f.fetch(feed_server.url("/hold")) for _ in range(4)))
    assert [r.status for r in results] == ["ok"] * 4
    assert feed_server.peak == 1


async def test_the_timeout_applies_after_a_redirect(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    config = replace(fetch_config, total_timeout_seconds=0.3)
    async with Fetcher(config, allowed_hosts={feed_server.host_port}) as f:
        result = await f.fetch(feed_server.url("/redirect?to=/hold"))
        assert result.status == "ok"
        slow = await f.fetch(feed_server.url("/redirect?to=/slow"))
    assert slow.error_kind == "timeout"
