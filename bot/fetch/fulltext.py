"""The article text behind a feed entry that carries only a summary.

The linked page is fetched through the same :class:`Fetcher` (same limits, same SSRF guard)
and its main text extracted with trafilatura in a worker thread. Anything that goes wrong —
a refused URL, a PDF, a 404, an extractor crash — falls back to the feed's own text: full
text makes claims better, never makes a poll fail.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

import trafilatura

from bot.fetch.feeds import FeedEntry
from bot.fetch.http import PAGE_ACCEPT, Fetcher

log = logging.getLogger(__name__)

FullTextMode = Literal["auto", "always", "never"]
FULL_TEXT_MODES: tuple[FullTextMode, ...] = ("auto", "always", "never")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def wants_full_text(entry: FeedEntry, mode: str) -> bool:
    """Whether ``mode`` asks to fetch the linked page of ``entry``."""
    if not entry.link or mode == "never":
        return False
    if mode == "always":
        return True
    # "auto" (and anything unknown, which config validation should have refused).
    return not entry.content


async def full_text(entry: FeedEntry, fetcher: Fetcher, mode: str) -> str:
    """The best text for ``entry``: the extracted article when wanted and longer, else the
    feed's own text. Never raises (except cancellation)."""
    own = entry.text
    if not wants_full_text(entry, mode) or entry.link is None:
        return own
    try:
        result = await fetcher.fetch(entry.link, accept=PAGE_ACCEPT)
        if result.failed:
            log.info("full text of %s not fetched: %s", entry.link, result.error)
            return own
        media = (result.content_type or "text/html").split(";", 1)[0].strip().lower()
        if media not in _HTML_TYPES:
            log.info("full text of %s skipped: %s is not a web page", entry.link, media)
            return own
        extracted = await asyncio.to_thread(extract_article, result.body, result.final_url)
    except Exception:  # the extractor is third-party code fed hostile pages
        log.warning("full text of %s failed", entry.link, exc_info=True)
        return own
    if not extracted or len(extracted) < len(own):
        return own
    return extracted


def extract_article(html: bytes, url: str | None = None) -> str | None:
    """The main text of an article page, paragraphs separated by blank lines, or None."""
    text = trafilatura.extract(
        html,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    if not text:
        return None
    paragraphs = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(p for p in paragraphs if p) or None
