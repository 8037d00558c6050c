"""Where ``treatywatch scan`` reads a SOURCE from: a local feed file or an http(s) URL.

A file is read as bytes and parsed like a fetched body; a URL is fetched with the same polite,
guarded ``Fetcher`` the bot uses (and its entries' full text fetched when configured). Either
way the result is a parsed feed, or an ``InputError`` that says what was wrong.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bot.config import Config
from bot.errors import InputError
from bot.fetch.feeds import FeedEntry, ParsedFeed, parse_feed
from bot.fetch.fulltext import full_text, wants_full_text
from bot.fetch.http import Fetcher


@dataclass(frozen=True, slots=True)
class LoadedSource:
    #: The stable key the feed is stored under (absolute path or URL).
    key: str
    parsed: ParsedFeed
    #: The text to judge for an entry when it differs from the feed's own (full text).
    text_for: Callable[[FeedEntry], str | None] | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _check_parsed(source: str, parsed: ParsedFeed) -> ParsedFeed:
    if parsed.error and not parsed.entries:
        hint = "Give an RSS or Atom feed."
        if parsed.discovered:
            found = ", ".join(parsed.discovered[:3])
            hint = f"This looks like a web page; it links to a feed at: {found}"
        raise InputError(f"{source} is not a usable feed: {parsed.error}", hint=hint)
    return parsed


async def load_source(source: str, config: Config) -> LoadedSource:
    """Read and parse one SOURCE; raises ``InputError`` for a missing file or a non-feed."""
    if is_url(source):
        return await _load_url(source, config)
    path = await asyncio.to_thread(lambda: Path(source).expanduser())
    if not await asyncio.to_thread(path.is_file):
        raise InputError(
            f"{source}: no such file", hint="Give a path to an RSS/Atom file, or an http(s) URL."
        )
    try:
        body = await asyncio.to_thread(path.read_bytes)
    except OSError as err:
        raise InputError(f"{source}: cannot read: {err.strerror}") from err
    resolved = await asyncio.to_thread(path.resolve)
    key = str(resolved)
    parsed = await parse_feed(
        body, resolved.as_uri(), None, max_entries=config.feeds.max_entries_per_poll
    )
    return LoadedSource(key, _check_parsed(source, parsed))


async def _load_url(url: str, config: Config) -> LoadedSource:
    async with Fetcher(config.fetch) as fetcher:
        await fetcher.check(url)
        result = await fetcher.fetch(url)
        if result.failed:
            raise InputError(f"{url}: {result.error}", hint=result.hint)
        parsed = await parse_feed(
            result.body,
            result.final_url,
            result.content_type,
            max_entries=config.feeds.max_entries_per_poll,
        )
        _check_parsed(url, parsed)
        texts: dict[str, str] = {}
        for entry in parsed.entries:
            if wants_full_text(entry, config.fetch.full_text):
                texts[entry.guid] = await full_text(entry, fetcher, config.fetch.full_text)
    return LoadedSource(url, parsed, lambda entry: texts.get(entry.guid))
