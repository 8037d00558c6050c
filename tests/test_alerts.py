"""Feed text is hostile: the helpers of bot/alerts.py must make it inert and short enough."""

from __future__ import annotations

import random
import unicodedata
from datetime import UTC, datetime

import pytest

from bot.alerts import (
    AlertView,
    clean_text,
    escape_markdown,
    neutralize_mentions,
    neutralize_pings,
    safe_text,
    safe_url,
    text_length,
    truncate,
)
from bot.model import Claim, KnownClaim, Slots, SourceRef, Verdict
from bot.store.rows import PendingDelivery

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_clean_text_strips_controls_bidi_and_lone_surrogates() -> None:
    hostile = "a\x00b\x1b[31mc\u202eevil\u2066 \ud800d\te\r\nf"
    assert clean_text(hostile) == "ab[31mcevil d e f"


def test_clean_text_keeps_paragraphs_only_when_multiline() -> None:
    assert clean_text("one\n\n\n\ntwo  three\n", multiline=True) == "one\n\ntwo three"
    assert clean_text("one\ntwo") == "one two"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@everyone look", "@\u200beveryone look"),
        ("@HERE now", "@\u200bHERE now"),
        ("<@123>", "<@\u200b123>"),
        ("<@!123>", "<@\u200b!123>"),
        ("<@&55>", "<@\u200b&55>"),
        ("<#77>", "<#\u200b77>"),
        ("mail me at a@b.c", "mail me at a@b.c"),
    ],
)
def test_mentions_are_broken(text: str, expected: str) -> None:
    assert neutralize_mentions(text) == expected


def test_every_markdown_character_is_escaped() -> None:
    escaped = escape_markdown("*b* _i_ ~s~ `c` |x| > q # h [l](u) -# sub")
    for char in "*_~`|>#[]()-":
        assert char not in escaped.replace("\\" + char, "")
    assert escape_markdown("1. item\n2. item") == "1\\. item\n2\\. item"
    assert escape_markdown("back\\slash") == "back\\\\slash"


def test_truncate_leaves_short_text_alone() -> None:
    assert truncate("short", 5) == "short"


def test_truncate_adds_ellipsis_and_respects_the_limit() -> None:
    out = truncate("word " * 100, 50)
    assert out.endswith("…") and text_length(out) <= 50
    assert not out[:-1].endswith(" ")


def test_truncate_counts_utf16_and_never_splits_astral_characters() -> None:
    text = "🇷🇺" * 100  # each flag is two astral code points, four UTF-16 units
    out = truncate(text, 11)
    assert text_length(out) <= 11
    assert out == "🇷🇺🇷🇺…"
    out.encode("utf-16-le")  # no lone surrogate could have been produced


def test_truncate_keeps_base_characters_with_their_marks() -> None:
    text = "e\u0301" * 20  # e + combining acute
    out = truncate(text, 10)
    body = out[:-1]
    assert not unicodedata.combining(body[0])
    assert body.count("e") == body.count("\u0301")


def test_truncate_never_leaves_a_dangling_escape() -> None:
    escaped = escape_markdown("a" * 8 + "*" * 50)
    for limit in range(5, 40):
        out = truncate(escaped, limit)
        body = out[:-1]
        trailing = len(body) - len(body.rstrip("\\"))
        assert trailing % 2 == 0, (limit, out)
        assert text_length(out) <= limit


def test_truncate_never_ends_on_a_joiner() -> None:
    family = "👩\u200d👩\u200d👧"
    out = truncate("x" + family * 10, 6)
    assert not out[:-1].endswith("\u200d")


@pytest.mark.parametrize("limit", [0, 1, 2])
def test_truncate_tiny_limits(limit: int) -> None:
    assert text_length(truncate("abcdef", limit)) <= limit


def test_safe_text_on_random_hostile_input() -> None:
    rng = random.Random(4)
    alphabet = "@everyone<@&#>!*_~`|\\[]()-:😀\u0301\u200d" + BIDI + "\x00\x07\n abc"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 400)))
        limit = rng.randint(1, 300)
        out = safe_text(text, limit)
        assert text_length(out) <= limit
        assert "@everyone" not in out.lower()
        assert not any(c in out for c in BIDI)
        assert "<@" not in out.replace("\\<@\u200b", "")


@pytest.mark.parametrize(
    "url",
    ["https://example.com/a?b=c#d", "http://news.example.org:8080/x"],
)
def test_safe_url_accepts_plain_web_links(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://example.com/f",
        "https://",
        "https://exa mple.com/",
        "https://example.com/\u202eevil",
        "https://user:pw@example.com/",
        "https://example.com:99999/",
        "https://[::1/",
        "https://example.com/" + "a" * 3000,
        "https://example.com/<script>",
    ],
)
def test_safe_url_refuses_everything_else(url: str | None) -> None:
    assert safe_url(url) is None


def _known(id_: int, text: str, sources: list[SourceRef]) -> KnownClaim:
    claim = Claim(text, text.lower(), text.lower(), Slots(), f"doc{id_}", 0)
    return KnownClaim(id_, claim, baseline=id_ == 1, sources=sources)


def test_alert_view_from_a_contradicting_delivery() -> None:
    seed = SourceRef("seed1", 3, title="Seed", outlet="TASS")
    source = SourceRef("e9", 0, title="Report", link="https://x.example/a", outlet="Wire")
    delivery = PendingDelivery(
        delivery_id=7,
        attempts=0,
        subscription_id=2,
        guild_id=1,
        channel_id=3,
        alert_id=11,
        kind=Verdict.CONTRADICTING,
        score=81.5,
        created_at=datetime(2025, 1, 20, tzinfo=UTC),
        reason="20 years → 25 years",
        topic="term",
        claim=_known(5, "The treaty runs for 25 years.", [source]),
        source=source,
        match=_known(1, "The treaty runs for 20 years.", [seed]),
        corroborations=0,
    )
    view = AlertView.from_delivery(delivery)
    assert view.verdict is Verdict.CONTRADICTING
    assert view.conflicting_claim == "The treaty runs for 20 years."
    assert view.conflicting_sources == (seed,)
    assert view.reason == "20 years → 25 years"
    assert view.alert_id == 11


def test_alert_view_of_a_new_claim_shows_no_conflict() -> None:
    source = SourceRef("e9", 0, title="Report")
    delivery = PendingDelivery(
        delivery_id=7,
        attempts=0,
        subscription_id=2,
        guild_id=1,
        channel_id=3,
        alert_id=12,
        kind=Verdict.NEW,
        score=40.0,
        created_at=datetime(2025, 1, 20, tzinfo=UTC),
        reason=None,
        topic="general",
        claim=_known(6, "A new rail link.", [source]),
        source=source,
        match=_known(1, "Something near.", []),
        corroborations=3,
    )
    view = AlertView.from_delivery(delivery)
    assert view.conflicting_claim is None and view.conflicting_sources == ()
    assert view.corroborations == 3


def test_neutralize_pings_keeps_channel_links() -> None:
    text = "@everyone @Here <@12> <@!4> <@&3> <#5> a@b.c"
    assert neutralize_pings(text) == (
        "@\u200beveryone @\u200bHere <@\u200b12> <@\u200b!4> <@\u200b&3> <#5> a@b.c"
    )
