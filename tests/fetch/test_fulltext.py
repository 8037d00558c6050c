from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace

import pytest

from bot.config import FetchConfig
from bot.fetch import fulltext
from bot.fetch.feeds import FeedEntry
from bot.fetch.fulltext import extract_article, full_text, wants_full_text
from bot.fetch.http import Fetcher
from tests.fetch.feedserver import FIXTURES, FeedServer

SUMMARY = "The Duma ratified it."


def entry(link: str | None, content: str = "") -> FeedEntry:
    return FeedEntry(
        guid="g",
        link=link,
        title="Duma ratifies the treaty",
        published=None,
        summary=SUMMARY,
        content=content,
        content_hash="h",
    )


@pytest.fixture
async def fetcher(feed_server: FeedServer, fetch_config: FetchConfig) -> AsyncIterator[Fetcher]:
    async with Fetcher(fetch_config, allowed_hosts={feed_server.host_port}) as f:
        yield f


def test_modes() -> None:
    summary_only = entry("https://x.example/a")
    with_content = entry("https://x.example/a", content="Full text.")
    assert wants_full_text(summary_only, "auto")
    assert not wants_full_text(with_content, "auto")
    assert wants_full_text(with_content, "always")
    assert not wants_full_text(summary_only, "never")
    assert not wants_full_text(entry(None), "always")


def test_extract_article_keeps_the_article_and_drops_the_chrome() -> None:
    text = extract_article((FIXTURES / "article.html").read_bytes())
    assert text is not None
    assert "concluded for a period of 20 years" in text
    assert "Terms of use" not in text
    assert "Sport" not in text
    assert "\n\n" in text


async def test_auto_fetches_the_article_of_a_summary_only_entry(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    text = await full_text(entry(feed_server.url("/article")), fetcher, "auto")
    assert "concluded for a period of 20 years" in text
    assert "text/html" in feed_server.requests[-1].headers["Accept"]


async def test_never_and_auto_with_content_do_not_fetch(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    link = feed_server.url("/article")
    assert await full_text(entry(link), fetcher, "never") == SUMMARY
    assert await full_text(entry(link, content="Feed text."), fetcher, "auto") == "Feed text."
    assert feed_server.requests == []


async def test_always_fetches_even_with_content(
    fetcher: Fetcher, feed_server: FeedServer
) -> None:
    text = await full_text(entry(feed_server.url("/article"), "Short."), fetcher, "always")
    assert "multipolar world" in text


@pytest.mark.parametrize(
    "path",
    ["/status/404", "/rss.xml", "/slow", "/endless"],
)
async def test_failures_fall_back_to_the_feed_text(
    fetcher: Fetcher, feed_server: FeedServer, path: str
) -> None:
    # 404, not a web page, timeout, too large.
    text = await full_text(entry(feed_server.url(path)), fetcher, "auto")
    assert text == SUMMARY


async def test_unsafe_link_falls_back_without_a_request(
    feed_server: FeedServer, fetch_config: FetchConfig
) -> None:
    async with Fetcher(replace(fetch_config, allow_private_networks=False)) as guarded:
        text = await full_text(entry("http://169.254.169.254/latest"), guarded, "auto")
    assert text == SUMMARY
    assert feed_server.requests == []


async def test_extractor_crash_falls_back(
    fetcher: Fetcher, feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(html: bytes, url: str | None = None) -> str | None:
        raise ValueError("extractor bug")

    monkeypatch.setattr(fulltext, "extract_article", boom)
    text = await full_text(entry(feed_server.url("/article")), fetcher, "auto")
    assert text == SUMMARY
