"""Subscriptions: upsert per channel, listing, states, removal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.store import Store


async def test_subscribe_upserts_per_channel_and_reactivates(
    store: Store, frozen_clock: FrozenClock
) -> None:
    first = await store.subscribe(1, 100, "new", 10.0, "live")
    await store.set_subscription_state(first.id, "needs_permissions", "cannot send")
    frozen_clock.advance(timedelta(minutes=5))
    again = await store.subscribe(1, 100, "all", 50.0, "live+daily")
    assert again.id == first.id
    assert (again.kinds, again.min_score, again.mode) == ("all", 50.0, "live+daily")
    assert (again.state, again.state_reason) == ("active", None)
    assert again.created_at == first.created_at
    assert again.updated_at == frozen_clock.now()


async def test_list_subscriptions_by_guild_or_all(store: Store) -> None:
    a = await store.subscribe(1, 100)
    b = await store.subscribe(1, 101)
    c = await store.subscribe(2, 200)
    assert [s.id for s in await store.list_subscriptions(1)] == [a.id, b.id]
    assert [s.id for s in await store.list_subscriptions()] == [a.id, b.id, c.id]
    assert await store.get_subscription(200) == c


async def test_unsubscribe_and_remove_guild(store: Store) -> None:
    await store.subscribe(1, 100)
    await store.subscribe(2, 200)
    await store.subscribe(2, 201)
    assert await store.unsubscribe(100) is True
    assert await store.unsubscribe(100) is False
    assert await store.remove_guild(2) == 2
    assert await store.list_subscriptions() == []


async def test_state_changes_are_recorded_with_their_reason(store: Store) -> None:
    sub = await store.subscribe(1, 100)
    assert await store.set_subscription_state(sub.id, "disabled", "unknown channel") is True
    stored = await store.get_subscription(100)
    assert stored is not None and (stored.state, stored.state_reason) == (
        "disabled", "unknown channel"
    )
    assert await store.set_subscription_state(999, "active") is False


async def test_digest_time_is_remembered(store: Store, frozen_clock: FrozenClock) -> None:
    sub = await store.subscribe(1, 100, mode="daily")
    await store.mark_digest_sent(sub.id, frozen_clock.now())
    stored = await store.get_subscription(100)
    assert stored is not None and stored.last_digest_at == frozen_clock.now()


@pytest.mark.parametrize(
    ("kinds", "min_score", "mode", "message"),
    [
        ("everything", 0.0, "live", "kinds"),
        ("all", 0.0, "hourly", "mode"),
        ("all", 101.0, "live", "between 0 and 100"),
        ("all", float("nan"), "live", "between 0 and 100"),
    ],
)
async def test_invalid_subscriptions_are_refused(
    store: Store, kinds: str, min_score: float, mode: str, message: str
) -> None:
    with pytest.raises(StorageError, match=message):
        await store.subscribe(1, 100, kinds, min_score, mode)  # type: ignore[arg-type]
