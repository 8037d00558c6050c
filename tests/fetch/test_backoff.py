from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import FetchConfig
from bot.fetch.backoff import (
    RETRY_AFTER_CAP_SECONDS,
    announcement,
    backoff_seconds,
    failing_message,
    failure_state,
    next_poll_after_failure,
    next_poll_after_success,
    recovered_message,
)

NOW = datetime(2025, 1, 20, 12, 0, tzinfo=UTC)
CONFIG = FetchConfig(backoff_base_seconds=60.0, backoff_max_seconds=3600.0)


def test_success_waits_the_interval_plus_bounded_jitter() -> None:
    rng = random.Random(1)
    times = [next_poll_after_success(NOW, 10.0, 60.0, rng) for _ in range(200)]
    assert all(NOW + timedelta(minutes=10) <= t <= NOW + timedelta(minutes=11) for t in times)
    assert len(set(times)) > 100  # actually jittered
    assert next_poll_after_success(NOW, 10.0, 0.0, rng) == NOW + timedelta(minutes=10)


@pytest.mark.parametrize(("n", "nominal"), [(1, 60), (2, 120), (3, 240), (6, 1920), (7, 3600)])
def test_backoff_doubles_with_equal_jitter(n: int, nominal: float) -> None:
    rng = random.Random(7)
    delays = [backoff_seconds(n, None, CONFIG, rng) for _ in range(300)]
    assert all(nominal / 2 <= d <= nominal for d in delays)
    assert max(delays) - min(delays) > nominal / 4


def test_backoff_is_capped_even_after_thousands_of_failures() -> None:
    rng = random.Random(3)
    assert backoff_seconds(10_000, None, CONFIG, rng) <= 3600.0
    assert backoff_seconds(0, None, CONFIG, rng) <= 60.0


def test_retry_after_wins_over_a_shorter_backoff_but_is_capped() -> None:
    rng = random.Random(5)
    assert backoff_seconds(1, 900.0, CONFIG, rng) == 900.0
    assert backoff_seconds(1, 10 * 365 * 86400.0, CONFIG, rng) == RETRY_AFTER_CAP_SECONDS
    # A short Retry-After does not shorten the backoff.
    assert backoff_seconds(7, 5.0, CONFIG, rng) >= 1800.0


def test_next_poll_after_failure_is_now_plus_backoff() -> None:
    when = next_poll_after_failure(1, 300.0, CONFIG, random.Random(0), NOW)
    assert when == NOW + timedelta(seconds=300)


def test_failing_needs_both_the_count_and_the_span() -> None:
    config = FetchConfig(failure_threshold=11, failure_min_span_hours=24.0)
    day_ago = NOW - timedelta(hours=24)
    assert failure_state(11, day_ago, NOW, config) == "failing"
    assert failure_state(10, day_ago, NOW, config) == "ok"  # not enough tries
    assert failure_state(50, NOW - timedelta(hours=23), NOW, config) == "ok"  # too short
    assert failure_state(11, None, NOW, config) == "ok"
    assert failure_state(0, None, NOW, config) == "ok"


def test_each_change_is_announced_once() -> None:
    assert announcement("ok", "failing") == "failing"
    assert announcement("failing", "failing") is None
    assert announcement("failing", "ok") == "recovered"
    assert announcement("ok", "ok") is None


def test_messages_say_why_and_what_to_do() -> None:
    text = failing_message(
        "https://x.example/rss", "HTTP 410 Gone.", "Remove it.", 11, NOW - timedelta(days=2)
    )
    assert "11 times" in text and "HTTP 410 Gone." in text and "How to fix: Remove it." in text
    assert "since 2025-01-18 12:00 UTC" in text
    assert "/feeds remove" in text
    assert "works again" in recovered_message("https://x.example/rss", NOW)
