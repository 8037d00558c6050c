"""/digest through the fake Discord: deferred first, then the period's alerts."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FrozenClock
from bot.discord_app.app import TreatywatchBot
from bot.model import Verdict
from tests.fakes.alerts import baseline, queue_alert
from tests.fakes.discord_server import FakeDiscord


async def test_digest_defers_then_lists_by_topic(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    store = running_bot.store
    seed = await baseline(store, "The treaty is valid for 20 years.")
    await queue_alert(store, "A rail link opens @everyone.", topic="transport")
    await queue_alert(
        store,
        "The treaty is valid for 25 years.",
        verdict=Verdict.CONTRADICTING,
        match=seed,
        reason="20 years → 25 years",
        topic="term",
    )
    frozen_clock.advance(timedelta(hours=1))
    inter = await fake_discord.invoke("digest", {"since": "24h"})
    first = await inter.response()
    assert first["type"] == 5 and first["data"]["flags"] == 64
    (message,) = await inter.followups()
    assert message["flags"] == 64
    assert message["allowed_mentions"] == {"parse": []}
    header, *topics = message["embeds"]
    assert "1 new and 1 contradicting" in header["description"]
    assert [t["title"] for t in topics] == ["Term: 1", "Transport: 1"]
    term = topics[0]["fields"][0]
    assert term["name"].startswith("⚠️ CONTRADICTING")
    assert "20 years" in term["value"] and "https://news.example/report" in term["value"]
    assert "@everyone" not in topics[1]["fields"][0]["value"]


async def test_digest_kinds_and_empty_period(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    await queue_alert(running_bot.store, "A rail link opens.")
    frozen_clock.advance(timedelta(days=3))
    inter = await fake_discord.invoke("digest", {"since": "24h"})
    (message,) = await inter.followups()
    assert "Nothing new" in message["embeds"][0]["description"]
    inter = await fake_discord.invoke("digest", {"since": "7d", "kinds": "contradicting"})
    (message,) = await inter.followups()
    assert "Nothing new" in message["embeds"][0]["description"]


async def test_bad_since_is_explained(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    for bad in ("yesterday-ish", "99999999d", "2999-01-01", "@everyone"):
        inter = await fake_discord.invoke("digest", {"since": bad})
        (message,) = await inter.followups()
        assert message["flags"] == 64
        assert "reference" not in message["content"]
        assert "@everyone" not in message["content"]
