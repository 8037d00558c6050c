"""Fetched bytes → feed entries (feedparser, in a worker thread) → Documents.

Real feeds are broken in every way: this module keeps the entries of a malformed feed when
there are any, repairs a wrongly declared charset, finds the feed an HTML page links to,
gives entries without guid/link a stable id from their text, drops duplicate guids, clamps
dates in the future, and caps how many entries one poll hands on (newest first).
"""

from __future__ import annotations

import asyncio
import calendar
import codecs
import hashlib
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin

import feedparser

from bot.model import Document

_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"}
)
_XML_DECL = re.compile(rb"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])([A-Za-z0-9._:-]+)([\"'])")
_MULTIBYTE = ("utf", "shift_jis", "euc", "gb", "big5", "iso2022", "cp932", "cp949", "cp950")
_BLOCK_TAGS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
     "tr", "table", "section", "article", "figure", "figcaption", "pre", "hr"}
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed, as plain text."""

    #: Stable identity within the feed: guid/id, else link, else a hash of the text.
    guid: str
    link: str | None
    title: str
    #: Aware UTC; a date in the future is clamped to the fetch time.
    published: datetime | None
    summary: str
    #: The full text when the feed carries it (content:encoded, atom content), else "".
    content: str
    #: sha256 of the entry's text: an entry edited later is re-judged only if this changed.
    content_hash: str
    updated: datetime | None = None

    @property
    def text(self) -> str:
        """The best text the feed carries: its full content, else its summary."""
        return self.content or self.summary


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What one feed body contained. ``error`` is set when it yielded no entries and was
    not a well-formed (possibly empty) feed; ``discovered`` lists feeds an HTML page links to.
    """

    url: str
    title: str | None
    entries: tuple[FeedEntry, ...]
    version: str | None = None
    #: Why the feed is malformed, even when entries were recovered.
    warning: str | None = None
    error: str | None = None
    discovered: tuple[str, ...] = ()
    #: Entries the feed held before the per-poll cap (after deduplication).
    total_entries: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


async def parse_feed(
    body: bytes,
    url: str,
    content_type: str | None,
    *,
    now: datetime | None = None,
    max_entries: int = 200,
) -> ParsedFeed:
    """Parse fetched bytes in a worker thread (feedparser is CPU-bound and synchronous)."""
    fetched_at = now or datetime.now(UTC)
    return await asyncio.to_thread(_parse_sync, body, url, content_type, fetched_at, max_entries)


def _parse_sync(
    body: bytes, url: str, content_type: str | None, now: datetime, max_entries: int
) -> ParsedFeed:
    body, content_type = _repair_charset(body, content_type)
    # No content-location: feedparser would resolve a bare <guid>abc</guid> against it,
    # making ids depend on the URL the feed was fetched from. Links are resolved below.
    headers = {"content-type": content_type} if content_type else {}
    # feedparser only ever sees bytes: it must never fetch anything itself.
    parsed: Any = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or None
    feed_title = _text_of(parsed.feed.get("title"), parsed.feed.get("title_detail")) or None
    reason = _bozo_reason(parsed)
    entries = _dedupe([e for raw in parsed.entries if not _blank(e := _entry(raw, url, now))])
    entries.sort(key=_sort_key, reverse=True)
    total = len(entries)
    entries = entries[: max(0, max_entries)]
    if entries or (version and not _fatal(parsed)):
        return ParsedFeed(url, feed_title, tuple(entries), version, reason, None, (), total)
    if _looks_like_html(body, content_type):
        found = tuple(discover_feeds(body, url))
        if found:
            error = f"This is a web page, not a feed; it links to a feed at {found[0]}."
        else:
            error = "This is a web page, not a feed, and it does not link to one."
        return ParsedFeed(url, feed_title, (), version, reason, error, found, 0)
    if not body.strip():
        return ParsedFeed(url, None, (), version, None, "The server sent an empty body.", (), 0)
    error = f"Not a readable feed: {reason}." if reason else "Not a readable feed."
    return ParsedFeed(url, feed_title, (), version, reason, error, (), 0)


def _fatal(parsed: Any) -> bool:
    """Whether a bozo feed is broken, not merely mislabelled (charset, content type)."""
    if not parsed.get("bozo"):
        return False
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    return not isinstance(parsed.get("bozo_exception"), benign)


def _bozo_reason(parsed: Any) -> str | None:
    if not parsed.get("bozo"):
        return None
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "malformed feed"
    line = getattr(exc, "getLineNumber", None)
    where = f" (line {line()})" if callable(line) else ""
    return f"{type(exc).__name__}: {exc}{where}"


# -- charset -----------------------------------------------------------------------------


def _repair_charset(body: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """Trust valid UTF-8 over a single-byte charset declaration that contradicts it.

    feedparser already falls back from a failing UTF-8 declaration to windows-1252, but a
    UTF-8 body declared as, say, windows-1251 decodes "successfully" into mojibake. Non-ASCII
    text that is valid UTF-8 is practically never real single-byte text, so it wins.
    """
    declared = [_charset_param(content_type)]
    match = _XML_DECL.match(body[:512])
    if match:
        declared.append(match.group(2).decode("ascii"))
    wrong = [name for name in declared if name and _is_single_byte(name)]
    if not wrong or body.isascii():
        return body, content_type
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body, content_type
    if match:
        body = match.group(1) + b"utf-8" + match.group(3) + body[match.end() :]
    if content_type:
        media = content_type.split(";", 1)[0].strip()
        content_type = f"{media}; charset=utf-8"
    return body, content_type


def _charset_param(content_type: str | None) -> str | None:
    if not content_type:
        return None
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def _is_single_byte(name: str) -> bool:
    try:
        canonical = codecs.lookup(name).name.replace("-", "").replace("_", "")
    except LookupError:
        return False
    return not canonical.startswith(_MULTIBYTE) and canonical != "ascii"


# -- entries -----------------------------------------------------------------------------


def _entry(raw: dict[str, Any], base: str, now: datetime) -> FeedEntry:
    title = _text_of(raw.get("title"), raw.get("title_detail"))
    summary = _text_of(raw.get("summary"), raw.get("summary_detail"))
    content = ""
    for part in raw.get("content") or ():
        text = _text_of(part.get("value"), part)
        if len(text) > len(content):
            content = text
    if content == summary:
        content = ""
    # dict.get, not FeedParserDict.get: its published→updated fallback warns on every call.
    published = _date(dict.get(raw, "published_parsed"), now)
    updated = _date(dict.get(raw, "updated_parsed"), now)
    link = _absolute(base, raw.get("link"))
    digest = hashlib.sha256(
        "\n".join(_squash(s) for s in (title, summary, content)).encode("utf-8")
    ).hexdigest()
    guid = (raw.get("id") or "").strip() or link or f"sha256:{digest[:32]}"
    return FeedEntry(
        guid=guid,
        link=link,
        title=title,
        published=published or updated,
        summary=summary,
        content=content,
        content_hash=digest,
        updated=updated,
    )


def _absolute(base: str, link: object) -> str | None:
    if not isinstance(link, str) or not link.strip():
        return None
    absolute = urljoin(base, link.strip())
    # javascript:, data: and friends are not links we will ever follow or show.
    return absolute if absolute.startswith(("http://", "https://")) else None


def _blank(entry: FeedEntry) -> bool:
    """An entry with nothing in it (a truncated feed leaves one behind)."""
    return not (entry.title or entry.summary or entry.content or entry.link)


def _date(parsed: time.struct_time | None, now: datetime) -> datetime | None:
    if parsed is None:
        return None
    try:
        when = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
    # A date in the future is a feed's mistake (or a trick to stay on top): use fetch time.
    return min(when, now)


def _dedupe(entries: Sequence[FeedEntry]) -> list[FeedEntry]:
    """Keep one entry per guid: the newest, or the first when dates do not tell."""
    best: dict[str, FeedEntry] = {}
    for entry in entries:
        kept = best.get(entry.guid)
        if kept is None or (
            entry.published is not None
            and (kept.published is None or entry.published > kept.published)
        ):
            best[entry.guid] = entry
    return list(best.values())


def _sort_key(entry: FeedEntry) -> tuple[bool, datetime]:
    # Dated entries first, newest first; undated ones keep their feed order (stable sort).
    return (entry.published is not None, entry.published or datetime.min.replace(tzinfo=UTC))


def _text_of(value: object, detail: Mapping[str, Any] | None) -> str:
    if not isinstance(value, str) or not value:
        return ""
    kind = (detail or {}).get("type") or "text/html"
    if "html" in kind:
        return html_to_text(value)
    return _squash_lines(value)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _squash_lines(text: str) -> str:
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return "\n\n".join(p for p in paragraphs if p)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element."""
    extractor = _TextExtractor()
    extractor.feed(html)
    extractor.close()
    return _squash_lines("".join(extractor.parts))


# -- autodiscovery -----------------------------------------------------------------------


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "a"):
            return
        values = {k.lower(): (v or "") for k, v in attrs}
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";", 1)[0].strip()
        if "alternate" in rels and kind in _FEED_TYPES and values.get("href"):
            self.found.append((kind, values["href"].strip()))


def discover_feeds(body: bytes, page_url: str) -> list[str]:
    """Absolute URLs of the feeds an HTML page announces with ``<link rel="alternate">``."""
    finder = _LinkFinder()
    try:
        finder.feed(body[:1_000_000].decode("utf-8", errors="replace"))
        finder.close()
    except AssertionError:  # html.parser gives up on some broken markup
        pass
    urls: list[str] = []
    for _kind, href in finder.found:
        absolute = urljoin(page_url, href)
        if absolute.startswith(("http://", "https://")) and absolute not in urls:
            urls.append(absolute)
    return urls


def _looks_like_html(body: bytes, content_type: str | None) -> bool:
    if content_type and "html" in content_type.lower():
        return True
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<head" in head


# -- documents ---------------------------------------------------------------------------


def document_id(feed_url: str, guid: str) -> str:
    """A stable id, unique per feed and entry."""
    feed_part = hashlib.sha1(feed_url.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]
    entry_part = hashlib.sha1(guid.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    return f"feed:{feed_part}:{entry_part}"


def entry_to_document(
    entry: FeedEntry, feed_title: str | None, feed_url: str, *, text: str | None = None
) -> Document:
    """A :class:`Document` for the pipeline; ``text`` overrides the entry's own (full text)."""
    return Document(
        doc_id=document_id(feed_url, entry.guid),
        title=entry.title,
        text=text if text is not None else entry.text,
        published=entry.published,
        link=entry.link,
        outlet=feed_title,
        feed=feed_url,
    )
