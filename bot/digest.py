"""The digest: NEW and CONTRADICTING details since a time, grouped by topic (pure functions).

``parse_since`` reads "24h", "7d", "90m", "2w" or an ISO date; ``build_digest`` groups stored
alerts by topic, contradictions first, each with its source count and links. Rendering to
text (CLI) or embeds (Discord) is the caller's job.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from bot.errors import InputError
from bot.model import Verdict
from bot.store.rows import AlertRow

_RELATIVE = re.compile(r"^\s*(\d{1,4})\s*(m|min|h|d|w)\s*$", re.IGNORECASE)
_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_MAX_LOOKBACK = timedelta(days=3660)
SINCE_HELP = 'a duration such as "24h", "7d", "90m" or "2w", or a date such as 2025-01-17'


def parse_since(text: str, now: datetime) -> datetime:
    """The start of a digest window; raises ``InputError`` with what to write instead."""
    text = text.strip()
    match = _RELATIVE.match(text)
    if match:
        amount = int(match.group(1))
        delta = timedelta(**{_UNITS[match.group(2).lower()]: amount})
        if delta > _MAX_LOOKBACK or amount == 0:
            raise InputError(
                f"--since {text!r} is out of range", hint=f"Use {SINCE_HELP}, at most 10 years."
            )
        return now - delta
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"cannot read {text[:40]!r} as a time", hint=f"Use {SINCE_HELP}."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    if moment > now:
        raise InputError(f"{text!r} is in the future", hint="Give a time in the past.")
    return moment


def parse_kinds(text: str | None) -> set[str]:
    """ "new", "contradicting" or "all" (the default) as a set of verdict names."""
    value = (text or "all").strip().lower()
    kinds = {"new": {"NEW"}, "contradicting": {"CONTRADICTING"}, "all": {"NEW", "CONTRADICTING"}}
    if value not in kinds:
        raise InputError(f"unknown kinds {text!r}", hint='Use "new", "contradicting" or "all".')
    return kinds[value]


@dataclass(frozen=True, slots=True)
class TopicGroup:
    topic: str
    alerts: tuple[AlertRow, ...]

    @property
    def contradictions(self) -> int:
        return sum(1 for a in self.alerts if a.kind is Verdict.CONTRADICTING)


@dataclass(frozen=True, slots=True)
class Digest:
    since: datetime
    until: datetime
    groups: tuple[TopicGroup, ...]

    @property
    def total(self) -> int:
        return sum(len(g.alerts) for g in self.groups)


def build_digest(alerts: Iterable[AlertRow], since: datetime, until: datetime) -> Digest:
    """Group alerts by topic: topics with contradictions first, then by size; inside a
    topic contradictions first, then the most widely reported."""
    by_topic: defaultdict[str, list[AlertRow]] = defaultdict(list)
    for alert in alerts:
        by_topic[alert.topic].append(alert)
    groups = [
        TopicGroup(
            topic,
            tuple(
                sorted(
                    items,
                    key=lambda a: (
                        a.kind is not Verdict.CONTRADICTING,
                        -a.source_count,
                        a.created_at,
                    ),
                )
            ),
        )
        for topic, items in by_topic.items()
    ]
    groups.sort(key=lambda g: (-g.contradictions, -len(g.alerts), g.topic))
    return Digest(since, until, tuple(groups))
