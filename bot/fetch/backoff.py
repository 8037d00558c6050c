"""When to poll a feed next, and when a feed counts as failing: pure decisions, no I/O.

A failing feed is retried with capped exponential backoff and jitter (so feeds that broke
together do not retry together), and a server's Retry-After always wins over a shorter
delay. A feed is only declared failing after many consecutive failures spanning a long time
(MonitoRSS gives up after 11 tries, about a week), so a night of downtime does not spam
channels; the failure and the recovery are each announced once.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Literal

from bot.config import FetchConfig

Health = Literal["ok", "failing"]
Announcement = Literal["failing", "recovered"]

#: A hostile or confused Retry-After must not silence a feed for months.
RETRY_AFTER_CAP_SECONDS = 24 * 3600.0


def next_poll_after_success(
    now: datetime, interval_minutes: float, jitter_seconds: float, rng: random.Random
) -> datetime:
    """The regular interval plus up to ``jitter_seconds``, so feeds do not fire at once."""
    jitter = rng.uniform(0.0, max(0.0, jitter_seconds))
    return now + timedelta(seconds=max(0.0, interval_minutes) * 60.0 + jitter)


def backoff_seconds(
    failure_count: int, retry_after: float | None, config: FetchConfig, rng: random.Random
) -> float:
    """Delay before retry number ``failure_count`` (1 = after the first failure).

    "Equal jitter": half the exponential delay is fixed, half random, so a retry is never
    sooner than half the nominal delay and never later than the cap.
    """
    exponent = min(max(failure_count, 1) - 1, 62)
    nominal = min(config.backoff_max_seconds, config.backoff_base_seconds * 2.0**exponent)
    delay = nominal / 2.0 + rng.uniform(0.0, nominal / 2.0)
    if retry_after is not None and retry_after > 0:
        cap = max(config.backoff_max_seconds, RETRY_AFTER_CAP_SECONDS)
        delay = max(delay, min(retry_after, cap))
    return delay


def next_poll_after_failure(
    failure_count: int,
    retry_after: float | None,
    config: FetchConfig,
    rng: random.Random,
    now: datetime,
) -> datetime:
    """When to try a feed again after its ``failure_count``-th consecutive failure."""
    return now + timedelta(seconds=backoff_seconds(failure_count, retry_after, config, rng))


def failure_state(
    failure_count: int, first_failure_at: datetime | None, now: datetime, config: FetchConfig
) -> Health:
    """"failing" only after ``failure_threshold`` consecutive failures spanning at least
    ``failure_min_span_hours``; either alone is not enough."""
    if failure_count < max(1, config.failure_threshold) or first_failure_at is None:
        return "ok"
    span = now - first_failure_at
    if span < timedelta(hours=config.failure_min_span_hours):
        return "ok"
    return "failing"


def announcement(previous: Health, current: Health) -> Announcement | None:
    """What to tell subscribed channels, once, when the health of a feed changes."""
    if previous == "ok" and current == "failing":
        return "failing"
    if previous == "failing" and current == "ok":
        return "recovered"
    return None


def failing_message(
    feed: str, reason: str, hint: str | None, failure_count: int, since: datetime | None
) -> str:
    """Plain text for channels: the feed is failing, why, and what to do about it."""
    when = f" since {since:%Y-%m-%d %H:%M} UTC" if since is not None else ""
    lines = [
        f"The feed {feed} has failed {failure_count} times in a row{when}.",
        f"Last error: {reason}",
    ]
    if hint:
        lines.append(f"How to fix: {hint}")
    lines.append(
        "It is still retried every few hours and alerts resume on their own once it works; "
        "remove it with /feeds remove if it is gone for good."
    )
    return "\n".join(lines)


def recovered_message(feed: str, since: datetime | None) -> str:
    """Plain text for channels: the feed works again."""
    when = f" (failing since {since:%Y-%m-%d %H:%M} UTC)" if since is not None else ""
    return f"The feed {feed} works again{when}; alerts resume."
