"""The typed rows the store hands out: small frozen records, one per table or query."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol

from bot.model import KnownClaim, SourceRef, Verdict

FeedState = Literal["ok", "failing", "disabled"]
EntryStatus = Literal["new", "changed", "unchanged"]
SubscriptionKinds = Literal["new", "contradicting", "all"]
SubscriptionMode = Literal["live", "daily", "weekly", "live+daily", "live+weekly"]
SubscriptionState = Literal["active", "needs_permissions", "disabled"]
OutboxStatus = Literal["pending", "sent", "failed"]
FeedNoticeKind = Literal["failing", "recovered"]

FEED_STATES: frozenset[str] = frozenset({"ok", "failing", "disabled"})
SUBSCRIPTION_KINDS: frozenset[str] = frozenset({"new", "contradicting", "all"})
SUBSCRIPTION_MODES: frozenset[str] = frozenset(
    {"live", "daily", "weekly", "live+daily", "live+weekly"}
)
LIVE_MODES: frozenset[str] = frozenset({"live", "live+daily", "live+weekly"})
SUBSCRIPTION_STATES: frozenset[str] = frozenset({"active", "needs_permissions", "disabled"})
ALERT_KINDS: frozenset[Verdict] = frozenset({Verdict.NEW, Verdict.CONTRADICTING})


class EntryLike(Protocol):
    """What ``mark_entries_seen`` needs of a parsed feed entry."""

    @property
    def guid(self) -> str: ...
    @property
    def link(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def content_hash(self) -> str: ...


@dataclass(frozen=True, slots=True)
class SeenEntry:
    """A plain ``EntryLike``, for callers that have no parsed-entry type of their own."""

    guid: str
    content_hash: str
    link: str | None = None
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedRow:
    id: int
    url: str
    title: str | None
    guild_id: int | None
    added_at: datetime
    #: The admin's switch; False exactly when ``state`` is "disabled".
    enabled: bool
    interval_minutes: float | None
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    #: Consecutive failures since the last success.
    failure_count: int
    first_failure_at: datetime | None
    #: Subscribed channels were told about the current failing episode.
    failing_notified: bool
    next_poll_at: datetime | None
    state: FeedState


@dataclass(frozen=True, slots=True)
class EntryRow:
    id: int
    feed_id: int
    guid: str
    link: str | None
    title: str | None
    published: datetime | None
    content_hash: str
    #: Hash of the content whose claims were stored (or skipped as seen); None: not yet.
    judged_hash: str | None
    first_seen_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SubscriptionRow:
    id: int
    guild_id: int
    channel_id: int
    kinds: SubscriptionKinds
    min_score: float
    mode: SubscriptionMode
    state: SubscriptionState
    state_reason: str | None
    created_at: datetime
    updated_at: datetime
    last_digest_at: datetime | None


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    alert_id: int
    subscription_id: int
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    message_id: int | None
    sent_at: datetime | None
    created_at: datetime
    #: The pack (message) it was composed into; None until then.
    pack_id: int | None = None


@dataclass(frozen=True, slots=True)
class PendingPack:
    """One composed message waiting to be sent: the same nonce and payload on every try."""

    pack_id: int
    nonce: str
    subscription_id: int
    guild_id: int
    channel_id: int
    attempts: int
    #: The rendered message as JSON (the Discord layer's format; opaque to the store).
    payload: str
    #: How many deliveries (alerts) it carries.
    deliveries: int


@dataclass(frozen=True, slots=True)
class VerdictRow:
    """One stored verdict, with where its sentence came from (entry, else the document)."""

    id: int
    entry_id: int | None
    doc_id: str
    sentence_index: int
    claim_text: str
    verdict: Verdict
    score: float
    match_claim_id: int | None
    reason: str | None
    #: The observed claim this verdict created (NEW, CONTRADICTING) or corroborated (KNOWN).
    claim_id: int | None
    topic: str
    judged_at: datetime
    title: str | None
    link: str | None
    outlet: str | None
    published: datetime | None


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What ``record_judgements`` changed, so the in-memory knowledge can follow."""

    verdict_ids: tuple[int, ...] = ()
    #: Observed claims created by this call, with their first source.
    new_claims: tuple[KnownClaim, ...] = ()
    #: (claim id, source) for every corroboration added by a KNOWN verdict.
    corroborations: tuple[tuple[int, SourceRef], ...] = ()
    alert_ids: tuple[int, ...] = ()
    delivery_ids: tuple[int, ...] = ()

    @property
    def new_claim_ids(self) -> tuple[int, ...]:
        return tuple(known.id for known in self.new_claims)


@dataclass(frozen=True, slots=True)
class PendingDelivery:
    """Everything the renderer needs to post one alert to one channel."""

    delivery_id: int
    attempts: int
    subscription_id: int
    guild_id: int
    channel_id: int
    alert_id: int
    kind: Verdict
    score: float
    created_at: datetime
    reason: str | None
    topic: str
    #: The observed claim the alert is about, with all its sources.
    claim: KnownClaim
    #: Where this alert's sentence was read.
    source: SourceRef
    #: The known claim it was matched against (for CONTRADICTING: the one it conflicts with).
    match: KnownClaim | None
    #: Other documents that restated the claim since it was first seen.
    corroborations: int
    #: Set for a delivery whose pack is composed but not rendered yet (from schema 1).
    pack_id: int | None = None


@dataclass(frozen=True, slots=True)
class AlertRow:
    """One alert for a digest: the claim, its evidence and how widely it was reported."""

    alert_id: int
    kind: Verdict
    score: float
    created_at: datetime
    claim_id: int
    claim_text: str
    topic: str
    reason: str | None
    source: SourceRef
    match_claim_id: int | None
    match_text: str | None
    #: Distinct documents that carry the claim, its first source included.
    source_count: int
    source_links: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LookupClaim:
    """The cheap form of a claim for building a search index."""

    id: int
    text: str
    normalized: str
    baseline: bool


@dataclass(frozen=True, slots=True)
class PendingFeedNotice:
    """A feed-failing or feed-recovered notice waiting for one channel."""

    notice_id: int
    attempts: int
    subscription_id: int
    guild_id: int
    channel_id: int
    kind: FeedNoticeKind
    reason: str | None
    created_at: datetime
    feed: FeedRow


@dataclass(frozen=True, slots=True)
class Counts:
    """Figures for /status."""

    baseline_claims: int
    observed_claims: int
    verdicts: dict[str, int] = field(default_factory=dict)
    alerts: int = 0
    pending_deliveries: int = 0
    failed_deliveries: int = 0
    feeds: int = 0
    failing_feeds: int = 0
    entries: int = 0
    subscriptions: int = 0
