"""Scheduled digests: a daily subscription gets its period's alerts once, when it is due."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FrozenClock
from bot.discord_app.app import TreatywatchBot
from bot.discord_app.digests import verdicts_for
from tests.fakes.alerts import queue_alert
from tests.fakes.discord_server import FakeDiscord


async def test_daily_digest_is_sent_once_per_period(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    assert running_bot.scheduler is not None
    running_bot.scheduler.pause()
    world = fake_discord.world
    store = running_bot.store
    sub = await store.subscribe(world.newsroom.id, world.alerts.id, mode="daily")
    await queue_alert(store, "A rail link opens between Rasht and Astara.", topic="transport")
    # Digest-only: nothing queued for live delivery.
    assert (await store.counts()).pending_deliveries == 0
    assert await running_bot.digests.send_due() == 0  # the day is not over
    frozen_clock.advance(timedelta(days=1, minutes=1))
    assert await running_bot.digests.send_due() == 1
    (message,) = fake_discord.channel_messages(world.alerts.id)
    assert message["nonce"].startswith(f"d{sub.id}.")
    assert message["allowed_mentions"] == {"parse": []}
    assert message["embeds"][0]["title"] == "treatywatch digest"
    assert message["embeds"][1]["title"] == "Transport: 1"
    assert await running_bot.digests.send_due() == 0
    refreshed = await store.get_subscription(world.alerts.id)
    assert refreshed is not None and refreshed.last_digest_at == frozen_clock.now()


async def test_digest_to_a_forbidden_channel_flags_it(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    assert running_bot.scheduler is not None
    running_bot.scheduler.pause()
    world = fake_discord.world
    store = running_bot.store
    await store.subscribe(world.newsroom.id, world.alerts.id, mode="weekly")
    await queue_alert(store, "A claim for the weekly digest.")
    frozen_clock.advance(timedelta(days=8))
    fake_discord.fail_next("POST", "/channels/*/messages", status=403)
    assert await running_bot.digests.send_due() == 0
    sub = await store.get_subscription(world.alerts.id)
    assert sub is not None and sub.state == "needs_permissions" and sub.last_digest_at is None


def test_verdicts_for_kinds() -> None:
    assert verdicts_for("new") == ("NEW",)
    assert verdicts_for("contradicting") == ("CONTRADICTING",)
    assert verdicts_for("all") == ("NEW", "CONTRADICTING")
