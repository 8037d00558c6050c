"""The outbox: pending deliveries joined for rendering, and their lifecycle."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FrozenClock
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
    [pending] = await store.pending_deliveries(frozen_clock.now(), 10)
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


async def test_delivery_lifecycle_retry_then_sent(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    await store.subscribe(5, 500)
    await _contradiction(store, baseline)
    now = frozen_clock.now()
    [pending] = await store.pending_deliveries(now, 10)
    later = now + timedelta(seconds=30)
    assert await store.mark_delivery_retry(pending.delivery_id, "HTTP 503", later) is True
    assert await store.pending_deliveries(now, 10) == []
    [retry] = await store.pending_deliveries(later, 10)
    assert retry.attempts == 1
    assert await store.mark_delivered(retry.delivery_id, 123456789, later) is True
    assert await store.pending_deliveries(later + timedelta(days=1), 10) == []
    row = await store.get_delivery(retry.delivery_id)
    assert row is not None
    assert (row.status, row.attempts, row.message_id, row.sent_at, row.last_error) == (
        "sent", 2, 123456789, later, None
    )
    # A late duplicate acknowledgement changes nothing.
    assert await store.mark_delivered(retry.delivery_id, 1, later) is False


async def test_failed_delivery_is_final_and_counted(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    await store.subscribe(5, 500)
    await _contradiction(store, baseline)
    [pending] = await store.pending_deliveries(frozen_clock.now(), 10)
    assert await store.mark_delivery_failed(pending.delivery_id, "embed rejected") is True
    assert await store.pending_deliveries(frozen_clock.now(), 10) == []
    counts = await store.counts()
    assert (counts.pending_deliveries, counts.failed_deliveries) == (0, 1)


async def test_deliveries_of_inactive_subscriptions_wait(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    sub = await store.subscribe(5, 500)
    await _contradiction(store, baseline)
    await store.set_subscription_state(sub.id, "needs_permissions", "403")
    assert await store.pending_deliveries(frozen_clock.now(), 10) == []
    await store.subscribe(5, 500)  # permissions fixed and re-subscribed
    assert len(await store.pending_deliveries(frozen_clock.now(), 10)) == 1


async def test_pending_deliveries_honours_the_limit_in_order(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    for channel in (500, 501, 502):
        await store.subscribe(5, channel)
    await _contradiction(store, baseline)
    first_two = await store.pending_deliveries(frozen_clock.now(), 2)
    assert [p.channel_id for p in first_two] == [500, 501]


async def test_unsubscribing_drops_undelivered_alerts(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    await store.subscribe(5, 500)
    await _contradiction(store, baseline)
    await store.unsubscribe(500)
    assert await store.pending_deliveries(frozen_clock.now(), 10) == []
    assert (await store.counts()).pending_deliveries == 0
