from __future__ import annotations

import asyncio
import random
import socket
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import timedelta

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.clock import FrozenClock
from bot.config import FeedsConfig, FetchConfig
from bot.errors import FeedError, UnsafeURLError
from bot.fetch import poll as poll_module
from bot.fetch.feeds import FeedEntry, document_id
from bot.fetch.http import CacheValidators, Fetcher
from bot.fetch.poll import FeedPoll, PollOutcome, poll_feeds, validate_feed
from tests.fetch.feedserver import FeedServer

FEEDS_CONFIG = FeedsConfig(default_interval_minutes=10.0, jitter_seconds=0.0)


@pytest.fixture
async def fetcher(
    feed_server: FeedServer, fetch_config: FetchConfig, frozen_clock: FrozenClock
) -> AsyncIterator[Fetcher]:
    config = replace(fetch_config, full_text="never", failure_threshold=3)
    async with Fetcher(config, clock=frozen_clock, allowed_hosts={feed_server.host_port}) as f:
        yield f


async def run(
    feeds: list[FeedPoll], fetcher: Fetcher, clock: FrozenClock, **kwargs: object
) -> list[PollOutcome]:
    return await poll_feeds(
        feeds,
        fetcher,
        feeds_config=FEEDS_CONFIG,
        clock=clock,
        rng=random.Random(0),
        **kwargs,  # type: ignore[arg-type]
    )


# (path, expected status, expected error kind) for every kind of misbehaviour.
CASES = [
    ("/rss.xml", "new", None),
    ("/slow", "error", "timeout"),
    ("/endless", "error", "too_large"),
    ("/bomb", "error", "too_large"),
    ("/loop-a", "error", "too_many_redirects"),
    ("/redirect?to=http://127.0.0.1:1/", "error", "unsafe_url"),
    ("/redirect?to=http://169.254.169.254/latest/meta-data/", "error", "unsafe_url"),
    ("/redirect?to=http://[::1]/", "error", "unsafe_url"),
    ("/status/500", "error", "http_error"),
    ("/429", "error", "rate_limited"),
    ("/html-with-link", "error", "not_a_feed"),
    ("/html-plain", "error", "not_a_feed"),
    ("/wrong-type", "new", None),
    ("/truncated", "new", None),
    ("/latin1", "new", None),
    ("/empty", "new", None),
    ("/empty-body", "error", "not_a_feed"),
    ("/atom.xml", "new", None),
]


async def test_one_poll_survives_every_kind_of_misbehaviour(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    feeds = [FeedPoll(url=feed_server.url(path)) for path, _, _ in CASES]
    outcomes = await run(feeds, fetcher, frozen_clock)
    assert [o.feed.url for o in outcomes] == [f.url for f in feeds]
    for (path, status, kind), outcome in zip(CASES, outcomes, strict=True):
        assert (path, outcome.status, outcome.error_kind) == (path, status, kind)
        if status == "error":
            assert outcome.error, path
            assert outcome.hint, path
            assert outcome.failure_count == 1
            assert outcome.first_failure_at == frozen_clock.now()
            assert outcome.documents == ()
            assert outcome.next_poll_at > frozen_clock.now()
        else:
            assert outcome.failure_count == 0 and outcome.health == "ok"
            assert outcome.next_poll_at == frozen_clock.now() + timedelta(minutes=10)
    by_path = {path: o for (path, _, _), o in zip(CASES, outcomes, strict=True)}
    assert len(by_path["/rss.xml"].documents) == 4
    assert len(by_path["/atom.xml"].documents) == 2
    assert by_path["/empty"].documents == ()
    assert by_path["/latin1"].documents[0].title == "Président à Téhéran"
    assert by_path["/truncated"].parsed is not None
    assert by_path["/truncated"].parsed.warning is not None
    assert by_path["/429"].next_poll_at == frozen_clock.now() + timedelta(seconds=120)
    html = by_path["/html-with-link"]
    assert html.discovered[0] == feed_server.url("/eurasia/rss.xml")
    assert html.hint is not None and feed_server.url("/eurasia/rss.xml") in html.hint


async def test_documents_carry_stable_ids_and_feed_metadata(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    url = feed_server.url("/rss.xml")
    [outcome] = await run([FeedPoll(url=url, name="My desk")], fetcher, frozen_clock)
    signed = next(d for d in outcome.documents if d.doc_id == document_id(url, "eurasia-1001"))
    assert signed.outlet == "My desk"
    assert signed.feed == url
    assert "valid for 20 years" in signed.text


async def test_conditional_state_round_trip(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    first = (await run([FeedPoll(url=feed_server.url("/etag"))], fetcher, frozen_clock))[0]
    assert first.validators.etag == '"v1"'
    again = replace(first.feed, validators=first.validators)
    second = (await run([again], fetcher, frozen_clock))[0]
    assert second.status == "not_modified"
    assert second.documents == ()
    assert second.validators == first.validators

    plain = (await run([FeedPoll(url=feed_server.url("/rss.xml"))], fetcher, frozen_clock))[0]
    same = replace(plain.feed, validators=plain.validators)
    third = (await run([same], fetcher, frozen_clock))[0]
    assert third.status == "unchanged"


async def test_a_broken_body_does_not_store_its_hash(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    old = CacheValidators(etag='"old"', body_hash="a" * 64)
    [outcome] = await run(
        [FeedPoll(url=feed_server.url("/html-plain"), validators=old)], fetcher, frozen_clock
    )
    assert outcome.failed
    assert outcome.validators == old


async def test_failing_is_announced_once_then_recovery_once(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    # failure_threshold=3 in this fixture, span 24 h.
    feed = FeedPoll(url=feed_server.url("/status/500"))
    announcements = []
    for _ in range(5):
        [outcome] = await run([feed], fetcher, frozen_clock)
        announcements.append(outcome.announce)
        feed = replace(
            feed,
            failure_count=outcome.failure_count,
            first_failure_at=outcome.first_failure_at,
            health=outcome.health,
        )
        frozen_clock.advance(timedelta(hours=12))
    # Failures at 0 h, 12 h, 24 h (3 tries, 24 h span) -> failing at the third.
    assert announcements == [None, None, "failing", None, None]
    assert feed.health == "failing"
    recovered = replace(feed, url=feed_server.url("/rss.xml"))
    [outcome] = await run([recovered], fetcher, frozen_clock)
    assert outcome.announce == "recovered"
    assert outcome.failure_count == 0 and outcome.first_failure_at is None
    assert outcome.health == "ok"


async def test_failure_backoff_grows(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    feed = FeedPoll(url=feed_server.url("/status/500"), failure_count=6)
    [outcome] = await run([feed], fetcher, frozen_clock)
    base = fetcher.config.backoff_base_seconds
    delay = (outcome.next_poll_at - frozen_clock.now()).total_seconds()
    assert base * 2**6 / 2 <= delay <= base * 2**6


async def test_entry_filter_and_full_text(
    feed_server: FeedServer, fetch_config: FetchConfig, frozen_clock: FrozenClock
) -> None:
    config = replace(fetch_config, full_text="auto")
    seen: list[str] = []

    def only_new(feed: FeedPoll, entry: FeedEntry) -> bool:
        seen.append(entry.guid)
        return entry.guid != "brief-2"

    async with Fetcher(config, allowed_hosts={feed_server.host_port}) as f:
        [outcome] = await run(
            [FeedPoll(url=feed_server.url("/summary-only.xml"))],
            f,
            frozen_clock,
            entry_filter=only_new,
        )
    assert seen == ["brief-1", "brief-2"]
    assert [e.guid for e in outcome.entries] == ["brief-1"]
    [doc] = outcome.documents
    assert "concluded for a period of 20 years" in doc.text
    paths = [r.path for r in feed_server.requests]
    assert "/article" in paths and "/status/404" not in paths


async def test_full_text_budget_per_feed(
    feed_server: FeedServer, fetch_config: FetchConfig, frozen_clock: FrozenClock
) -> None:
    config = replace(fetch_config, full_text="auto")
    async with Fetcher(config, allowed_hosts={feed_server.host_port}) as f:
        [outcome] = await run(
            [FeedPoll(url=feed_server.url("/summary-only.xml"))],
            f,
            frozen_clock,
            full_text_limit=1,
        )
    newest, older = outcome.documents
    assert "20 years" in newest.text
    assert older.text == "A summary whose page is gone."
    assert [r.path for r in feed_server.requests].count("/status/404") == 0


async def test_an_unexpected_bug_in_one_feed_spares_the_others(
    fetcher: Fetcher,
    feed_server: FeedServer,
    frozen_clock: FrozenClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_parse = poll_module.parse_feed

    async def flaky_parse(body: bytes, url: str, *args: object, **kwargs: object) -> object:
        if url.endswith("/atom.xml"):
            raise KeyError("feedparser surprise")
        return await real_parse(body, url, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(poll_module, "parse_feed", flaky_parse)
    outcomes = await run(
        [FeedPoll(url=feed_server.url("/atom.xml")), FeedPoll(url=feed_server.url("/rss.xml"))],
        fetcher,
        frozen_clock,
    )
    assert outcomes[0].error_kind == "internal" and outcomes[0].failure_count == 1
    assert outcomes[1].status == "new" and len(outcomes[1].documents) == 4


async def test_feeds_are_polled_concurrently(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    await run([FeedPoll(url=feed_server.url("/hold")) for _ in range(4)], fetcher, frozen_clock)
    # Four 0.2 s responses, two at a time per host: about 0.4 s, not 0.8 s.
    assert loop.time() - started < 0.7
    assert feed_server.peak == 2


async def test_validate_feed_accepts_a_feed(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    parsed = await validate_feed(feed_server.url("/atom.xml"), fetcher, clock=frozen_clock)
    assert parsed.title == "Treaty Watchers"


async def test_validate_feed_points_from_a_page_to_its_feed(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    with pytest.raises(FeedError) as info:
        await validate_feed(feed_server.url("/html-with-link"), fetcher, clock=frozen_clock)
    assert "links to a feed at" in str(info.value)
    assert info.value.hint == f"Use {feed_server.url('/eurasia/rss.xml')} instead."


@pytest.mark.parametrize(
    ("url", "error"),
    [
        ("http://169.254.169.254/latest/meta-data/", UnsafeURLError),
        ("ftp://example.com/feed", UnsafeURLError),
    ],
)
async def test_validate_feed_refuses_with_a_reason(
    fetcher: Fetcher, frozen_clock: FrozenClock, url: str, error: type[FeedError]
) -> None:
    with pytest.raises(error) as info:
        await validate_feed(url, fetcher, clock=frozen_clock)
    assert str(info.value) and info.value.hint


async def test_validate_feed_reports_http_errors(
    fetcher: Fetcher, feed_server: FeedServer, frozen_clock: FrozenClock
) -> None:
    with pytest.raises(FeedError, match="404"):
        await validate_feed(feed_server.url("/status/404"), fetcher, clock=frozen_clock)


class NoDNS(AbstractResolver):
    """Every name fails to resolve, as if it did not exist (no query leaves the machine)."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    async def close(self) -> None:
        pass


async def test_validate_feed_says_when_a_host_does_not_resolve(
    fetch_config: FetchConfig, frozen_clock: FrozenClock
) -> None:
    async with Fetcher(fetch_config, resolver=NoDNS()) as f:
        with pytest.raises(FeedError, match="Cannot resolve") as info:
            await validate_feed("https://no-such-host.example/feed", f, clock=frozen_clock)
        assert info.value.hint is not None
        result = await f.fetch("https://no-such-host.example/feed")
    assert result.error_kind == "dns"
