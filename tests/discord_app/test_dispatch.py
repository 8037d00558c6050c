"""The outbox dispatcher against the fake: alerts packed per channel, exactly once, and
Discord's errors per pack."""

from __future__ import annotations

import asyncio
import itertools
import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from bot.clock import FrozenClock
from bot.config import Config
from bot.discord_app.app import TreatywatchBot
from bot.discord_app.dispatch import Pacer
from bot.model import Verdict
from bot.store import open_store
from bot.store.migrations import MIGRATIONS
from tests.fakes.alerts import baseline, queue_alert
from tests.fakes.discord_server import FakeDiscord, alert_ids, embed_chars
from tests.fakes.fixtures import start_bot

HOSTILE = (
    "@everyone @here <@&1> <#2> <@3> **Pact** [click](https://evil.example) \u202egnp.exe "
    + "x" * 10_000
)


async def subscribe(bot: TreatywatchBot, fake: FakeDiscord, *channels: object) -> None:
    for channel in channels or (fake.world.alerts,):
        await bot.store.subscribe(fake.world.newsroom.id, channel.id)  # type: ignore[attr-defined]


async def stop_scheduler(bot: TreatywatchBot) -> None:
    # These tests drive passes by hand, so the scheduled ones must not race them.
    assert bot.scheduler is not None
    bot.scheduler.pause()


async def test_one_message_per_channel_with_the_pack_nonce(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    world = fake_discord.world
    await subscribe(running_bot, fake_discord, world.alerts, world.general)
    result = await queue_alert(running_bot.store, "Iran and Russia agree on a new rail link.")
    assert len(result.delivery_ids) == 2
    report = await running_bot.dispatcher.run_once()
    assert (report.sent, report.alerts) == (2, 2)
    nonces = set()
    for channel in (world.alerts, world.general):
        posted = fake_discord.channel_messages(channel.id)
        assert len(posted) == 1
        body = posted[0]
        nonces.add(body["nonce"])
        assert body["enforce_nonce"] is True
        assert body["allowed_mentions"] == {"parse": []}
        assert body["embeds"][0]["title"].startswith("🆕 NEW")
    rows = [await running_bot.store.get_delivery(d) for d in result.delivery_ids]
    assert all(r is not None and r.status == "sent" and r.message_id for r in rows)
    # Each delivery records its pack, whose nonce is the message's.
    assert nonces == {f"p{r.pack_id}" for r in rows if r is not None}
    # A second pass finds nothing left to send.
    assert (await running_bot.dispatcher.run_once()).sent == 0
    assert len(fake_discord.requests_matching("POST", "/channels/*/messages")) == 2


def _sent_alerts(fake: FakeDiscord, channel_id: int) -> list[list[int]]:
    """The alert ids of each message created in a channel, in order."""
    return [
        alert_ids(m)
        for m in fake.messages.values()
        if m["channel_id"] == str(channel_id) and "webhook_id" not in m
    ]


async def test_pending_alerts_of_a_channel_are_packed_ten_to_a_message(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    world = fake_discord.world
    await subscribe(running_bot, fake_discord, world.alerts, world.general)
    alert_ids_queued = []
    for i in range(23):
        result = await queue_alert(running_bot.store, f"Claim number {i} about the pact.")
        alert_ids_queued.append(result.alert_ids[0])
    passes = 0
    while (await running_bot.dispatcher.run_once()).sent:
        passes += 1
    for channel in (world.alerts, world.general):
        messages = _sent_alerts(fake_discord, channel.id)
        assert [len(m) for m in messages] == [10, 10, 3]
        # Every alert exactly once per channel, oldest first.
        assert [a for m in messages for a in m] == alert_ids_queued
    # One pack per channel per pass, channels side by side.
    assert passes == 3
    rows = [await running_bot.store.get_delivery(d) for d in range(1, 47)]
    assert all(r is not None and r.status == "sent" for r in rows)


async def test_long_alerts_are_packed_within_6000_characters(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    # ~1,700 characters each: three fit in one message, a fourth would not.
    for i in range(7):
        await queue_alert(
            running_bot.store, f"Claim {i}: " + "the pact covers energy and transport. " * 40
        )
    while (await running_bot.dispatcher.run_once()).sent:
        pass
    bodies = fake_discord.channel_messages(fake_discord.world.alerts.id)
    assert [len(b["embeds"]) for b in bodies] == [3, 3, 1]
    sizes = [embed_chars(e) for b in bodies for e in b["embeds"]]
    assert all(1500 < size < 2000 for size in sizes), sizes
    for body in bodies:
        assert sum(embed_chars(e) for e in body["embeds"]) <= 6000
    # Nothing was refused: the fake answers 400 past Discord's limits.
    attempts = fake_discord.requests_matching("POST", "/channels/*/messages", ok_only=False)
    assert len(attempts) == 3


async def test_scheduler_delivers_by_itself(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await subscribe(running_bot, fake_discord)
    await queue_alert(running_bot.store, "Russia will supply 55 bcm of gas a year.")
    await fake_discord.wait_for_request("POST", "/channels/*/messages")
    assert len(fake_discord.channel_messages(fake_discord.world.alerts.id)) == 1


async def test_contradicting_alert_shows_the_conflict(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    seed = await baseline(running_bot.store, "The treaty is valid for 20 years.")
    await queue_alert(
        running_bot.store,
        "The treaty is valid for 25 years.",
        verdict=Verdict.CONTRADICTING,
        score=88.0,
        match=seed,
        reason="20 years → 25 years",
    )
    await running_bot.dispatcher.run_once()
    (body,) = fake_discord.channel_messages(fake_discord.world.alerts.id)
    embed = body["embeds"][0]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert embed["title"].startswith("⚠️ CONTRADICTING")
    assert fields["Conflicts with"] == "The treaty is valid for 20 years."
    assert fields["Why"] == "20 years → 25 years"
    assert "Seed article" in fields["Known from"]


async def test_hostile_claim_never_pings_nor_breaks_limits(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    await queue_alert(
        running_bot.store, HOSTILE, title=HOSTILE, outlet=HOSTILE, link="javascript:alert(1)"
    )
    await running_bot.dispatcher.run_once()
    (body,) = fake_discord.channel_messages(fake_discord.world.alerts.id)
    assert body["allowed_mentions"] == {"parse": []}
    assert "content" not in body or not body["content"]
    embed = body["embeds"][0]
    texts = [embed.get("title", ""), embed.get("description", ""), embed["author"]["name"]]
    texts += [f["value"] for f in embed["fields"]] + [f["name"] for f in embed["fields"]]
    for text in texts:
        assert "@everyone" not in text and "@here" not in text
        assert "<@&1>" not in text and "<#2>" not in text and "<@3>" not in text
        assert "\u202e" not in text
    assert "url" not in embed
    assert len(embed["description"]) <= 4096
    total = sum(len(t) for t in texts) + len(embed["footer"]["text"])
    assert total <= 6000


async def test_403_flags_the_subscription_without_spinning(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    channel = fake_discord.world.alerts
    await subscribe(running_bot, fake_discord)
    result = await queue_alert(running_bot.store, "A claim that cannot be posted.")
    fake_discord.fail_next("POST", f"/channels/{channel.id}/messages", status=403)
    report = await running_bot.dispatcher.run_once()
    assert report.flagged == 1 and report.sent == 0
    sub = await running_bot.store.get_subscription(channel.id)
    assert sub is not None and sub.state == "needs_permissions"
    assert sub.state_reason is not None and "50001" in sub.state_reason
    # No retry loop: later passes do not touch Discord for that channel.
    for _ in range(3):
        await running_bot.dispatcher.run_once()
    attempts = fake_discord.requests_matching(
        "POST", f"/channels/{channel.id}/messages", ok_only=False
    )
    assert len(attempts) == 1
    # The delivery waits; after /subscribe again it goes out.
    await running_bot.store.subscribe(fake_discord.world.newsroom.id, channel.id)
    assert (await running_bot.dispatcher.run_once()).sent == 1
    row = await running_bot.store.get_delivery(result.delivery_ids[0])
    assert row is not None and row.status == "sent"


async def test_cached_permissions_skip_a_doomed_request(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    world = fake_discord.world
    await subscribe(running_bot, fake_discord, world.noembed)
    await queue_alert(running_bot.store, "A claim for a channel without Embed Links.")
    report = await running_bot.dispatcher.run_once()
    assert report.flagged == 1
    assert fake_discord.requests_matching("POST", "/channels/*/messages", ok_only=False) == []
    sub = await running_bot.store.get_subscription(world.noembed.id)
    assert sub is not None and sub.state == "needs_permissions"
    assert sub.state_reason is not None and "Embed Links" in sub.state_reason


async def test_404_disables_the_subscription(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await running_bot.store.subscribe(fake_discord.world.newsroom.id, 999)  # a deleted channel
    await queue_alert(running_bot.store, "A claim for a channel that is gone.")
    report = await running_bot.dispatcher.run_once()
    assert report.flagged == 1
    sub = await running_bot.store.get_subscription(999)
    assert sub is not None and sub.state == "disabled"
    assert sub.state_reason is not None and "10003" in sub.state_reason


async def test_5xx_is_retried_with_backoff(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    result = await queue_alert(running_bot.store, "A claim during an outage.")
    # 503 is not retried inside discord.py, so it reaches the dispatcher at once.
    fake_discord.fail_next("POST", "/channels/*/messages", status=503, times=2)
    report = await running_bot.dispatcher.run_once()
    assert report.retried == 1 and report.sent == 0
    row = await running_bot.store.get_delivery(result.delivery_ids[0])
    assert row is not None and row.status == "pending" and row.attempts == 1
    first_wait = row.next_attempt_at - frozen_clock.now()
    assert timedelta(seconds=5) <= first_wait <= timedelta(seconds=5.5)
    # Not due yet: nothing is sent.
    assert (await running_bot.dispatcher.run_once()).retried == 0
    frozen_clock.advance(first_wait)
    assert (await running_bot.dispatcher.run_once()).retried == 1
    row = await running_bot.store.get_delivery(result.delivery_ids[0])
    assert row is not None and row.attempts == 2
    second_wait = row.next_attempt_at - frozen_clock.now()
    assert timedelta(seconds=10) <= second_wait <= timedelta(seconds=11)
    frozen_clock.advance(second_wait)
    assert (await running_bot.dispatcher.run_once()).sent == 1
    assert len(fake_discord.channel_messages(fake_discord.world.alerts.id)) == 1


async def test_short_429_is_waited_out_by_discord_py(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    await queue_alert(running_bot.store, "A claim under a short rate limit.")
    fake_discord.fail_next("POST", "/channels/*/messages", status=429, retry_after=0.05)
    assert (await running_bot.dispatcher.run_once()).sent == 1


async def test_long_429_becomes_a_scheduled_retry(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    result = await queue_alert(running_bot.store, "A claim under a long rate limit.")
    fake_discord.fail_next("POST", "/channels/*/messages", status=429, retry_after=120.0)
    report = await running_bot.dispatcher.run_once()
    assert report.retried == 1
    row = await running_bot.store.get_delivery(result.delivery_ids[0])
    assert row is not None and row.status == "pending"
    assert row.next_attempt_at - frozen_clock.now() >= timedelta(seconds=120)


async def test_a_failed_pass_stops_before_hammering(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    world = fake_discord.world
    await subscribe(running_bot, fake_discord, world.alerts, world.general)
    for i in range(25):
        await queue_alert(running_bot.store, f"Claim number {i} about the pact.")
    fake_discord.fail_next("POST", "/channels/*/messages", status=503, times=100)
    report = await running_bot.dispatcher.run_once()
    assert report.retried >= 1 and report.sent == 0
    # At most the one pack each channel had in flight; none of the other packs was tried.
    attempts = fake_discord.requests_matching("POST", "/channels/*/messages", ok_only=False)
    assert 1 <= len(attempts) <= 2
    # Backing off: the next pass sends nothing.
    assert (await running_bot.dispatcher.run_once()).sent == 0
    assert len(fake_discord.requests_matching("POST", "/channels/*/messages", ok_only=False)) == (
        len(attempts)
    )


async def test_a_retry_after_a_crash_does_not_post_twice(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    for i in range(3):
        await queue_alert(running_bot.store, f"Claim {i} sent just before a crash.")
    await running_bot.dispatcher.run_once()
    (body,) = fake_discord.channel_messages(fake_discord.world.alerts.id)
    # The crash window: Discord took the message, the database never heard. The pack is as
    # it was before its send: pending, with its payload.
    async with running_bot.store._write() as conn:
        await conn.execute(
            "UPDATE packs SET status = 'pending', message_id = NULL, payload = ?",
            (json.dumps(body["embeds"]),),
        )
        await conn.execute("UPDATE deliveries SET status = 'pending', message_id = NULL")
    report = await running_bot.dispatcher.run_once()
    assert (report.sent, report.alerts) == (1, 3)
    assert len(fake_discord.messages) == 1  # Discord deduplicated by the nonce


async def test_a_pack_is_resent_as_composed_even_after_a_restart(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    for i in range(2):
        await queue_alert(running_bot.store, f"Claim {i} before the outage.")
    fake_discord.fail_next("POST", "/channels/*/messages", status=503)
    assert (await running_bot.dispatcher.run_once()).retried == 1
    (refused,) = fake_discord.requests_matching("POST", "/channels/*/messages", ok_only=False)
    # More alerts arrive while the pack waits, and the bot restarts (a new dispatcher).
    for i in range(2, 5):
        await queue_alert(running_bot.store, f"Claim {i} after the outage.")
    running_bot._dispatcher = type(running_bot.dispatcher)(
        running_bot, running_bot.store, running_bot.config.delivery, frozen_clock
    )
    frozen_clock.advance(timedelta(minutes=1))
    while (await running_bot.dispatcher.run_once()).sent:
        pass
    first, second = fake_discord.channel_messages(fake_discord.world.alerts.id)
    # The same message under the same nonce: the new alerts did not slip into it.
    assert first["nonce"] == refused.json["nonce"]
    assert first["embeds"] == refused.json["embeds"]
    assert len(first["embeds"]) == 2 and len(second["embeds"]) == 3
    assert second["nonce"] != first["nonce"]


async def test_deliveries_pending_from_schema_1_keep_their_nonce(
    fake_discord: FakeDiscord, bot_config: Config, frozen_clock: FrozenClock
) -> None:
    # A version-1 database with a pending delivery: version 1 sent its id as the nonce, and
    # may have posted it just before the upgrade; the upgraded bot must send it alone, with
    # that nonce, so Discord deduplicates it.
    db = bot_config.storage.database
    assert db is not None
    world = fake_discord.world
    async with open_store(Path(db), frozen_clock, migrations=MIGRATIONS[:1]) as store:
        await store.subscribe(world.newsroom.id, world.alerts.id)
        for i in range(2):
            await queue_alert(store, f"Claim {i} queued by version 1.")
    async with start_bot(fake_discord, bot_config, clock=frozen_clock) as bot:
        await stop_scheduler(bot)
        while (await bot.dispatcher.run_once()).sent:
            pass
    bodies = fake_discord.channel_messages(world.alerts.id)
    assert [(b["nonce"], len(b["embeds"])) for b in bodies] == [("1", 1), ("2", 1)]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT DISTINCT status FROM deliveries").fetchall() == [("sent",)]


async def test_feed_failing_notice_is_posted_once(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, frozen_clock: FrozenClock
) -> None:
    await stop_scheduler(running_bot)
    await subscribe(running_bot, fake_discord)
    store = running_bot.store
    feed = await store.add_feed("https://a.example/feed", "Alpha <@&1> Wire")
    await store.record_fetch_failure(feed.id, "HTTP 500", frozen_clock.now())
    (notice_id,) = await store.mark_feed_failing(feed.id, "HTTP 500 @everyone")
    assert (await running_bot.dispatcher.run_once()).sent == 1
    assert (await running_bot.dispatcher.run_once()).sent == 0
    (body,) = fake_discord.channel_messages(fake_discord.world.alerts.id)
    assert body["nonce"] == f"n{notice_id}"
    embed = body["embeds"][0]
    assert embed["title"] == "Feed failing"
    assert "<@&1>" not in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "@everyone" not in fields["Last error"]
    assert "/feeds remove" in fields["What to do"]


async def test_pacer_spaces_sends_at_most_rate_a_second() -> None:
    pacer = Pacer(5)
    loop = asyncio.get_running_loop()
    times: list[float] = []

    async def send() -> None:
        await pacer.wait()
        times.append(loop.time())

    # Eleven senders at once, as channel workers after a busy event loop: still one by one.
    await asyncio.gather(*(send() for _ in range(11)))
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert all(gap >= 0.19 for gap in gaps), gaps
    # So never more than five in any one second.
    assert all(later - earlier >= 0.99 for earlier, later in zip(times, times[5:], strict=False))
