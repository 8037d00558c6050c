"""/status through the fake Discord."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FrozenClock
from bot.discord_app.app import TreatywatchBot
from cogs.status import uptime_text
from tests.fakes.alerts import queue_alert
from tests.fakes.discord_server import FakeDiscord


async def test_status_shows_feeds_claims_outbox_and_uptime(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    assert running_bot.scheduler is not None
    running_bot.scheduler.pause()  # keep the alert pending
    store = running_bot.store
    feed = await store.add_feed("https://a.example/feed", "Alpha")
    await store.record_fetch_success(feed.id, None, None, None, frozen_clock.now())
    await store.subscribe(fake_discord.world.newsroom.id, fake_discord.world.alerts.id)
    await queue_alert(store, "A new claim about the pact.")
    frozen_clock.advance(timedelta(hours=26, minutes=5))
    inter = await fake_discord.invoke("status", user=fake_discord.world.reader)
    data = (await inter.response())["data"]
    assert data["flags"] == 64
    fields = {f["name"]: f["value"] for f in data["embeds"][0]["fields"]}
    assert fields["Feeds"].startswith("1 watched, 0 failing\nlast poll <t:")
    assert "0 baseline, 1 observed" in fields["Claims"]
    assert "NEW 1" in fields["Verdicts"]
    assert "1 alerts, 1 deliveries pending, 0 failed" in fields["Alerts"]
    assert fields["Uptime"].startswith("1d 2h 5m")


def test_uptime_text() -> None:
    assert uptime_text(59) == "0h 0m"
    assert uptime_text(3 * 3600 + 120) == "3h 2m"
    assert uptime_text(-5) == "0h 0m"
