"""The outbox: pending deliveries joined for rendering, packed, and their lifecycle."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.model import KnownClaim, Verdict
from bot.store import RecordResult, Store

from .factories import judge, make_claim, make_doc


async def _contradiction(store: Store, baseline: list[KnownClaim]) -> RecordResult:
    doc = make_doc()
    claim = make_claim("The treaty is valid for 25 years.", doc.doc_id, 3, topic="duration")
    return await store.record_judgements(
        doc, None, [judge(claim, Verdict.CONTRADICTING, 93.0, baseline[0], "20 → 25 years")]
    )


async def test_pending_delivery_carries_everything_the_renderer_needs(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    sub = await store.subscribe(5, 500)
    result = await _contradiction(store, baseline)
    # Two other outlets restate the new claim afterwards, one of them twice.
    for n, doc_id in enumerate(["https://b.example/1", "https://c.example/2"]):
        other = make_doc(doc_id)
        for index in range(n + 1):
            await store.record_judgements(
                other, None,
                [judge(make_claim("It lasts 25 years.", doc_id, index), Verdict.KNOWN, 90.0,
                       result.new_claims[0])],
            )
    [pending] = await store.deliveries_to_pack(frozen_clock.now(), 10)
    assert (pending.subscription_id, pending.guild_id, pending.channel_id) == (sub.id, 5, 500)
    assert (pending.kind, pending.score, pending.reason, pending.topic) == (
        Verdict.CONTRADICTING, 93.0, "20 → 25 years", "duration"
    )
    assert pending.claim.id == result.new_claim_ids[0]
    assert pending.claim.text == "The treaty is valid for 25 years."
    assert pending.source.title == "Duma ratifies Iran pact"
    assert pending.source.link == "https://news.example/a" and pending.source.sentence_index == 3
    assert pending.match is not None and pending.match.id == baseline[0].id
    assert pending.match.sources[0].outlet == "TASS"
    assert pending.corroborations == 2
    assert pending.attempts == 0


async def test_unsubscribing_drops_undelivered_alerts(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    await store.subscribe(5, 500)
    await _contradiction(store, baseline)
    await store.unsubscribe(500)
    assert await store.deliveries_to_pack(frozen_clock.now(), 10) == []
    assert (await store.counts()).pending_deliveries == 0


# --------------------------------------------------------------------------- packs


async def _alerts(store: Store, count: int) -> list[int]:
    """``count`` NEW alerts, one document each; their delivery ids, oldest first."""
    ids: list[int] = []
    for n in range(count):
        doc = make_doc(f"https://news.example/{n}")
        claim = make_claim(f"Claim {n} about the pact.", doc.doc_id, 0)
        result = await store.record_judgements(doc, None, [judge(claim, Verdict.NEW, 40.0)])
        ids.extend(result.delivery_ids)
    return ids


async def test_packs_are_composed_per_channel_and_one_at_a_time(
    store: Store, frozen_clock: FrozenClock
) -> None:
    sub_a = await store.subscribe(5, 500)
    sub_b = await store.subscribe(5, 501)
    await _alerts(store, 12)
    now = frozen_clock.now()
    todo = await store.deliveries_to_pack(now, 10)
    by_sub: dict[int, list[int]] = {sub_a.id: [], sub_b.id: []}
    for d in todo:
        by_sub[d.subscription_id].append(d.delivery_id)
    # The ten oldest of each channel, and everything a renderer needs.
    assert [len(ids) for ids in by_sub.values()] == [10, 10]
    assert by_sub[sub_a.id] == sorted(by_sub[sub_a.id])
    assert all(d.pack_id is None and d.claim.text.startswith("Claim") for d in todo)
    pack_a, pack_b = await store.create_packs(
        [(sub, ids, f'["payload {sub}"]') for sub, ids in by_sub.items()]
    )
    # A channel with a pending pack gets no second one until the first is done.
    assert await store.deliveries_to_pack(now, 10) == []
    packs = await store.pending_packs(now, 10)
    assert [(p.pack_id, p.nonce, p.deliveries, p.channel_id) for p in packs] == [
        (pack_a, f"p{pack_a}", 10, 500),
        (pack_b, f"p{pack_b}", 10, 501),
    ]
    assert packs[0].payload == f'["payload {sub_a.id}"]'
    assert await store.mark_pack_sent(pack_a, 777, now) == 10
    rows = [await store.get_delivery(d) for d in by_sub[sub_a.id]]
    assert {(r.status, r.message_id, r.pack_id) for r in rows if r} == {("sent", 777, pack_a)}
    # A late duplicate acknowledgement changes nothing.
    assert await store.mark_pack_sent(pack_a, 778, now) == 0
    # Channel A may have its next pack: its last two alerts.
    rest = await store.deliveries_to_pack(now, 10)
    assert [d.subscription_id for d in rest] == [sub_a.id, sub_a.id]


async def test_a_pack_cannot_take_a_delivery_twice(store: Store, frozen_clock: FrozenClock) -> None:
    sub = await store.subscribe(5, 500)
    first, second = await _alerts(store, 2)
    await store.create_packs([(sub.id, [first], "[]")])
    with pytest.raises(StorageError):
        await store.create_packs([(sub.id, [second], "[]"), (sub.id, [first, second], "[]")])
    # All or nothing: the failed call created no pack and left the second delivery free.
    assert len(await store.pending_packs(frozen_clock.now(), 10)) == 1
    row = await store.get_delivery(second)
    assert row is not None and row.pack_id is None


async def test_pack_retry_and_failure_reach_its_deliveries(
    store: Store, frozen_clock: FrozenClock
) -> None:
    sub = await store.subscribe(5, 500)
    ids = await _alerts(store, 3)
    now = frozen_clock.now()
    (pack,) = await store.create_packs([(sub.id, ids, "[]")])
    later = now + timedelta(seconds=30)
    assert await store.mark_pack_retry(pack, "HTTP 503", later) is True
    assert await store.pending_packs(now, 10) == []
    (due,) = await store.pending_packs(later, 10)
    assert (due.pack_id, due.attempts, due.nonce) == (pack, 1, f"p{pack}")
    rows = [await store.get_delivery(d) for d in ids]
    assert {(r.attempts, r.last_error, r.next_attempt_at) for r in rows if r} == {
        (1, "HTTP 503", later)
    }
    assert await store.mark_pack_failed(pack, "400 Invalid Form Body") is True
    assert await store.pending_packs(later, 10) == []
    counts = await store.counts()
    assert (counts.pending_deliveries, counts.failed_deliveries) == (0, 3)


async def test_packs_of_inactive_subscriptions_wait(
    store: Store, frozen_clock: FrozenClock
) -> None:
    sub = await store.subscribe(5, 500)
    ids = await _alerts(store, 2)
    await store.create_packs([(sub.id, ids, "[]")])
    await store.set_subscription_state(sub.id, "needs_permissions", "403")
    assert await store.pending_packs(frozen_clock.now(), 10) == []
    await store.subscribe(5, 500)
    assert len(await store.pending_packs(frozen_clock.now(), 10)) == 1
