"""aiosqlite storage: schema, migrations and the one ``Store`` repository."""

from __future__ import annotations

from bot.store.codec import claim_from_json, claim_to_json
from bot.store.db import OpenStore, Store, open_store
from bot.store.rows import (
    AlertRow,
    Counts,
    DeliveryRow,
    EntryLike,
    EntryRow,
    EntryStatus,
    FeedRow,
    FeedState,
    LookupClaim,
    PendingDelivery,
    PendingFeedNotice,
    PendingPack,
    RecordResult,
    SeenEntry,
    SubscriptionRow,
    VerdictRow,
)

__all__ = [
    "AlertRow",
    "Counts",
    "DeliveryRow",
    "EntryLike",
    "EntryRow",
    "EntryStatus",
    "FeedRow",
    "FeedState",
    "LookupClaim",
    "OpenStore",
    "PendingDelivery",
    "PendingFeedNotice",
    "PendingPack",
    "RecordResult",
    "SeenEntry",
    "Store",
    "SubscriptionRow",
    "VerdictRow",
    "claim_from_json",
    "claim_to_json",
    "open_store",
]
