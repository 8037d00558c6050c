"""Digest queries: alerts in a window, by kind, with evidence and reach."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.clock import FrozenClock
from bot.errors import StorageError
from bot.model import KnownClaim, Verdict
from bot.store import Store

from .factories import judge, make_claim, make_doc


async def test_alerts_since_filters_by_time_and_kind_with_sources(
    store: Store, baseline: list[KnownClaim], frozen_clock: FrozenClock
) -> None:
    start = frozen_clock.now()
    doc = make_doc()
    first = await store.record_judgements(
        doc, None, [judge(make_claim("The Duma voted 192-0.", doc.doc_id, 0, topic="ratification"),
                          Verdict.NEW, 25.0)],
    )
    frozen_clock.advance(timedelta(hours=2))
    other = make_doc("https://b.example/2", link="https://b.example/2")
    await store.record_judgements(
        other, None,
        [judge(make_claim("Lawmakers voted 192 to 0.", other.doc_id, 0), Verdict.KNOWN, 91.0,
               first.new_claims[0]),
         judge(make_claim("The treaty is valid for 25 years.", other.doc_id, 1, topic="duration"),
               Verdict.CONTRADICTING, 94.0, baseline[0], "20 → 25 years")],
    )
    everything = await store.alerts_since(start, {"NEW", "CONTRADICTING"})
    assert [(a.kind, a.topic) for a in everything] == [
        (Verdict.NEW, "ratification"), (Verdict.CONTRADICTING, "duration")
    ]
    new, contra = everything
    assert new.source_count == 2
    assert new.source_links == ("https://news.example/a", "https://b.example/2")
    assert (new.match_claim_id, new.match_text) == (None, None)
    assert (contra.reason, contra.match_claim_id, contra.match_text) == (
        "20 → 25 years", baseline[0].id, baseline[0].text
    )
    assert contra.source.link == "https://b.example/2" and contra.source_count == 1
    later = await store.alerts_since(start + timedelta(hours=1), {"all"})
    assert [a.kind for a in later] == [Verdict.CONTRADICTING]
    only_new = await store.alerts_since(start, {"new"})
    assert [a.alert_id for a in only_new] == [new.alert_id]
    window = await store.alerts_since(start, {"all"}, until=start + timedelta(hours=1))
    assert [a.alert_id for a in window] == [new.alert_id]
    confident = await store.alerts_since(start, {"all"}, min_score=90.0)
    assert [a.alert_id for a in confident] == [contra.alert_id]


async def test_unknown_kind_is_refused(store: Store, frozen_clock: FrozenClock) -> None:
    with pytest.raises(StorageError, match="unknown alert kind"):
        await store.alerts_since(frozen_clock.now(), {"KNOWN"})


async def test_no_kinds_means_no_alerts(store: Store, frozen_clock: FrozenClock) -> None:
    assert await store.alerts_since(frozen_clock.now(), set()) == []
