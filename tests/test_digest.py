"""Tests for bot/digest.py: reading --since and --kinds, grouping alerts by topic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.digest import build_digest, parse_kinds, parse_since
from bot.errors import InputError
from bot.model import SourceRef, Verdict
from bot.store.rows import AlertRow

NOW = datetime(2025, 4, 10, 12, 0, tzinfo=UTC)


# -- parse_since ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "delta"),
    [
        ("24h", timedelta(hours=24)),
        ("7d", timedelta(days=7)),
        ("90m", timedelta(minutes=90)),
        ("2w", timedelta(weeks=2)),
        (" 12H ", timedelta(hours=12)),
        ("30min", timedelta(minutes=30)),
    ],
)
def test_relative_durations(text: str, delta: timedelta) -> None:
    assert parse_since(text, NOW) == NOW - delta


def test_iso_date_is_midnight_utc() -> None:
    assert parse_since("2025-01-17", NOW) == datetime(2025, 1, 17, tzinfo=UTC)


def test_naive_datetime_is_read_as_utc() -> None:
    assert parse_since("2025-04-01T08:30:00", NOW) == datetime(2025, 4, 1, 8, 30, tzinfo=UTC)


def test_aware_datetime_keeps_its_offset() -> None:
    since = parse_since("2025-04-01T08:30:00+03:00", NOW)
    assert since == datetime(2025, 4, 1, 5, 30, tzinfo=UTC)
    assert since.utcoffset() == timedelta(hours=3)


@pytest.mark.parametrize(
    "text",
    [
        "yesterday-ish",
        "nonsense",
        "",
        "5y",
        "-7d",
        "0h",
        "0d",
        "9999d",
        "600w",
        "2025-13-01",
    ],
)
def test_bad_since_raises_input_error_with_a_hint(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_since(text, NOW)
    assert caught.value.hint
    assert "24h" in caught.value.hint


def test_future_date_is_refused() -> None:
    with pytest.raises(InputError) as caught:
        parse_since("2025-05-01", NOW)
    assert "future" in str(caught.value)
    assert caught.value.hint


def test_the_largest_accepted_lookback_is_about_ten_years() -> None:
    assert parse_since("3660d", NOW) == NOW - timedelta(days=3660)
    with pytest.raises(InputError):
        parse_since("3661d", NOW)


def test_error_message_does_not_echo_huge_input() -> None:
    with pytest.raises(InputError) as caught:
        parse_since("x" * 10_000, NOW)
    assert len(str(caught.value)) < 200


# -- parse_kinds ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (None, {"NEW", "CONTRADICTING"}),
        ("all", {"NEW", "CONTRADICTING"}),
        ("new", {"NEW"}),
        (" Contradicting ", {"CONTRADICTING"}),
    ],
)
def test_parse_kinds(text: str | None, kinds: set[str]) -> None:
    assert parse_kinds(text) == kinds


@pytest.mark.parametrize("text", ["known", "irrelevant", "new,contradicting", "everything"])
def test_unknown_kinds_raise_input_error(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_kinds(text)
    assert caught.value.hint


# -- build_digest ---------------------------------------------------------------------------

_next_id = iter(range(1, 1000))


def alert(
    topic: str,
    kind: Verdict = Verdict.NEW,
    *,
    sources: int = 1,
    minutes: int = 0,
    text: str = "a claim",
) -> AlertRow:
    alert_id = next(_next_id)
    return AlertRow(
        alert_id=alert_id,
        kind=kind,
        score=80.0,
        created_at=NOW - timedelta(hours=6) + timedelta(minutes=minutes),
        claim_id=alert_id,
        claim_text=text,
        topic=topic,
        reason="20 years → 25 years" if kind is Verdict.CONTRADICTING else None,
        source=SourceRef(f"feed:{alert_id}", 0, title="An article"),
        match_claim_id=1 if kind is Verdict.CONTRADICTING else None,
        match_text="The treaty lasts 20 years." if kind is Verdict.CONTRADICTING else None,
        source_count=sources,
        source_links=tuple(f"https://example.org/{alert_id}/{n}" for n in range(sources)),
    )


def test_alerts_are_grouped_by_topic() -> None:
    alerts = [alert("energy"), alert("ratification"), alert("energy"), alert("ratification")]
    digest = build_digest(alerts, NOW - timedelta(days=1), NOW)
    assert {g.topic: len(g.alerts) for g in digest.groups} == {"energy": 2, "ratification": 2}
    assert digest.total == 4
    assert all(a.topic == g.topic for g in digest.groups for a in g.alerts)


def test_topics_with_contradictions_come_first_then_the_bigger_ones() -> None:
    alerts = [
        alert("energy"),
        alert("energy"),
        alert("energy"),
        alert("transport"),
        alert("duration", Verdict.CONTRADICTING),
        alert("ratification"),
        alert("ratification"),
    ]
    digest = build_digest(alerts, NOW - timedelta(days=1), NOW)
    assert [g.topic for g in digest.groups] == ["duration", "energy", "ratification", "transport"]
    assert [g.contradictions for g in digest.groups] == [1, 0, 0, 0]


def test_equal_topics_are_ordered_by_name() -> None:
    digest = build_digest([alert("transport"), alert("energy")], NOW - timedelta(days=1), NOW)
    assert [g.topic for g in digest.groups] == ["energy", "transport"]


def test_inside_a_topic_contradictions_first_then_most_reported_then_oldest() -> None:
    alerts = [
        alert("duration", text="new, one source, later", sources=1, minutes=30),
        alert("duration", text="new, three sources", sources=3, minutes=40),
        alert("duration", text="new, one source, earlier", sources=1, minutes=10),
        alert("duration", Verdict.CONTRADICTING, text="contradicting", sources=1, minutes=50),
    ]
    digest = build_digest(alerts, NOW - timedelta(days=1), NOW)
    (group,) = digest.groups
    assert [a.claim_text for a in group.alerts] == [
        "contradicting",
        "new, three sources",
        "new, one source, earlier",
        "new, one source, later",
    ]


def test_empty_digest_keeps_its_window() -> None:
    since = NOW - timedelta(days=7)
    digest = build_digest([], since, NOW)
    assert digest.groups == ()
    assert digest.total == 0
    assert (digest.since, digest.until) == (since, NOW)
