"""What an alert shows, and the text hygiene that makes hostile feed text safe to show.

Pure: no Discord import. :class:`AlertView` is everything an alert embed displays; the text
helpers make feed text inert in Discord markdown (no pings, no formatting, no bidi tricks)
and cut it to a length limit without breaking a character or an escape.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.model import SourceRef, Verdict
from bot.store.rows import PendingDelivery

ZWSP = "\u200b"
ELLIPSIS = "…"
#: Longest URL Discord accepts in an embed.
MAX_URL_LENGTH = 2048

# Bidi embeddings, overrides and isolates, and the marks: they can make feed text display
# in another order than it reads (e.g. hide a link's real target).
_BIDI = dict.fromkeys(
    map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"),
    None,
)
_MENTION = re.compile(r"@(everyone|here)|<(@[!&]?|#)", re.IGNORECASE)
# Everything Discord markdown gives a meaning to, and the backslash that escapes it.
_PING = re.compile(r"@(?=everyone|here)|<@", re.IGNORECASE)
_MARKDOWN = re.compile(r"([\\*_~`|>#\[\]()\-:<])")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_ORDERED_ITEM = re.compile(r"^(\d+)\.", re.MULTILINE)
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")
_REGIONAL_INDICATORS = "".join(map(chr, range(0x1F1E6, 0x1F200)))


@dataclass(frozen=True, slots=True)
class AlertView:
    """Everything one alert embed shows; built from the outbox, rendered by the bot."""

    verdict: Verdict
    claim: str
    score: float
    source: SourceRef
    topic: str = "general"
    #: CONTRADICTING: the known claim this one conflicts with, where it was read, and why.
    conflicting_claim: str | None = None
    conflicting_sources: tuple[SourceRef, ...] = ()
    reason: str | None = None
    #: NEW: how many other sources have restated the claim since it was first seen.
    corroborations: int = 0
    alert_id: int | None = None

    @classmethod
    def from_delivery(cls, delivery: PendingDelivery) -> AlertView:
        match = delivery.match
        conflicting = delivery.kind is Verdict.CONTRADICTING and match is not None
        return cls(
            verdict=delivery.kind,
            claim=delivery.claim.text,
            score=delivery.score,
            source=delivery.source,
            topic=delivery.topic,
            conflicting_claim=match.text if conflicting and match else None,
            conflicting_sources=tuple(match.sources) if conflicting and match else (),
            reason=delivery.reason,
            corroborations=delivery.corroborations,
            alert_id=delivery.alert_id,
        )


def clean_text(text: str, *, multiline: bool = False) -> str:
    """Strip control characters, bidi controls and lone surrogates; tidy whitespace.

    Newlines survive only with ``multiline``; otherwise all whitespace runs become one space.
    """
    text = text.translate(_BIDI)
    kept: list[str] = []
    for char in text:
        if char == "\n":
            kept.append("\n" if multiline else " ")
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) not in ("Cc", "Cs"):
            kept.append(char)
    text = "".join(kept)
    if multiline:
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return _SPACES.sub(" ", text).strip()


def neutralize_mentions(text: str) -> str:
    """Break ``@everyone``, ``@here``, ``<@id>``, ``<@!id>``, ``<@&id>`` and ``<#id>`` with a
    zero-width space, so they can never ping or link, whatever the allowed mentions."""

    def _break(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return "@" + ZWSP + match.group(1)
        token = match.group(2)
        return "<" + token[0] + ZWSP + token[1:]

    return _MENTION.sub(_break, text)


def neutralize_pings(text: str) -> str:
    """Like :func:`neutralize_mentions` but keeps channel links ``<#id>``, which never ping:
    for our own messages that name channels and may echo user input."""
    return _PING.sub(lambda m: m.group(0) + ZWSP, text)


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Discord markdown gives a meaning to."""
    return _ORDERED_ITEM.sub(r"\1\\.", _MARKDOWN.sub(r"\\\1", text))


def safe_text(text: str | None, limit: int, *, multiline: bool = False) -> str:
    """Feed text made inert (clean, no mentions, escaped) and cut to ``limit``."""
    if not text:
        return ""
    inert = escape_markdown(neutralize_mentions(clean_text(text, multiline=multiline)))
    return truncate(inert, limit)


def plain_text(text: str | None, limit: int) -> str:
    """Feed text for places Discord shows without markdown (author, footer, field names)."""
    if not text:
        return ""
    return truncate(neutralize_mentions(clean_text(text)), limit)


def text_length(text: str) -> int:
    """Length as Discord's limits count it, measured in UTF-16 code units.

    That is never less than the count in code points, so a text within this length is within
    the limit whichever way it is counted.
    """
    return len(text.encode("utf-16-le")) // 2


def truncate(text: str, limit: int, *, ellipsis: str = ELLIPSIS) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units, with ``ellipsis`` when it was cut.

    Never splits a surrogate pair, a backslash escape or a character from its combining
    marks; prefers to cut at a space when one is near the end.
    """
    if limit <= 0:
        return ""
    if text_length(text) <= limit:
        return text
    room = limit - text_length(ellipsis)
    if room <= 0:
        return ellipsis[: max(limit, 0)]
    cut: list[str] = []
    used = 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        if used + width > room:
            break
        cut.append(char)
        used += width
    head = "".join(cut)
    # Never end on a joiner, nor keep a base character without the marks that follow it.
    while head and (head[-1] in _JOINERS or _attaches(text[len(head)])):
        head = head[:-1]
    # Flags are pairs of regional indicators: an odd run would show half a flag.
    flags = len(head) - len(head.rstrip(_REGIONAL_INDICATORS))
    if flags % 2:
        head = head[:-1]
    space = head.rfind(" ")
    if space >= max(len(head) - 40, len(head) * 3 // 4):
        head = head[:space]
    # An odd run of trailing backslashes would escape the ellipsis: drop the dangling one.
    trailing = len(head) - len(head.rstrip("\\"))
    if trailing % 2:
        head = head[:-1]
    return head.rstrip() + ellipsis


def _attaches(char: str) -> bool:
    """Whether ``char`` belongs to the character before it (mark, joiner, skin tone)."""
    return bool(unicodedata.combining(char)) or char in _JOINERS or 0x1F3FB <= ord(char) <= 0x1F3FF


def safe_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) link Discord can show, else None."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL_LENGTH or any(
        char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs") or char in '<>"\\'
        for char in url
    ):
        return None
    try:
        parts = urlsplit(url)
        if parts.port is not None and not 0 < parts.port < 65536:
            return None
    except ValueError:  # a malformed port or IPv6 literal
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.username is not None or parts.password is not None:
        return None
    return url


def link_target(url: str) -> str:
    """A safe URL made fit for a markdown link target ``[text](target)``."""
    return url.replace("(", "%28").replace(")", "%29")
