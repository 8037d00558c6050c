"""/subscribe, /unsubscribe and /subscriptions, driven through the fake Discord."""

from __future__ import annotations

from bot.discord_app.app import TreatywatchBot
from tests.fakes.discord_server import MANAGE_CHANNELS, FakeDiscord

EPHEMERAL = 64


async def test_subscribe_this_channel(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    inter = await fake_discord.invoke("subscribe", channel=world.alerts)
    body = await inter.response()
    assert body["type"] == 4
    assert body["data"]["flags"] == EPHEMERAL
    assert body["data"]["allowed_mentions"] == {"parse": []}
    assert body["data"]["content"].startswith(f"Subscribed <#{world.alerts.id}>")
    sub = await running_bot.store.get_subscription(world.alerts.id)
    assert sub is not None
    assert (sub.guild_id, sub.kinds, sub.min_score, sub.mode) == (
        world.newsroom.id,
        "all",
        0.0,
        "live",
    )


async def test_subscribe_another_channel_with_options(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    inter = await fake_discord.invoke(
        "subscribe",
        {"channel": world.alerts, "kinds": "contradicting", "min_score": 70.5, "mode": "daily"},
        channel=world.readonly,
    )
    body = await inter.response()
    assert "contradicting" in body["data"]["content"]
    sub = await running_bot.store.get_subscription(world.alerts.id)
    assert sub is not None
    assert (sub.kinds, sub.min_score, sub.mode) == ("contradicting", 70.5, "daily")


async def test_refused_where_the_bot_cannot_post(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    for channel, missing in (
        (world.readonly, "Send Messages"),
        (world.hidden, "View Channel"),
        (world.noembed, "Embed Links"),
    ):
        inter = await fake_discord.invoke("subscribe", {"channel": channel})
        data = (await inter.response())["data"]
        assert data["flags"] == EPHEMERAL
        assert missing in data["content"]
        assert "Permissions" in data["content"]  # says where to fix it
        assert await running_bot.store.get_subscription(channel.id) is None


async def test_needs_manage_channels(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    definition = fake_discord.command("subscribe")
    assert int(definition["default_member_permissions"]) == MANAGE_CHANNELS
    # An admin may re-enable a command for everyone; the run-time check still holds.
    inter = await fake_discord.invoke("subscribe", user=fake_discord.world.reader)
    data = (await inter.response())["data"]
    assert data["flags"] == EPHEMERAL
    assert "Manage Channels" in data["content"]
    assert await running_bot.store.list_subscriptions() == []


async def test_out_of_range_score_is_explained(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    inter = await fake_discord.invoke("subscribe", {"min_score": 1e300})
    data = (await inter.response())["data"]
    assert data["flags"] == EPHEMERAL
    assert "reference" not in data["content"]
    assert await running_bot.store.list_subscriptions() == []


async def test_unsubscribe(running_bot: TreatywatchBot, fake_discord: FakeDiscord) -> None:
    world = fake_discord.world
    await running_bot.store.subscribe(world.newsroom.id, world.alerts.id)
    inter = await fake_discord.invoke("unsubscribe")
    assert "Unsubscribed" in (await inter.response())["data"]["content"]
    assert await running_bot.store.get_subscription(world.alerts.id) is None
    again = await fake_discord.invoke("unsubscribe")
    assert "was not subscribed" in (await again.response())["data"]["content"]


async def test_subscriptions_lists_state_and_reason(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    world = fake_discord.world
    store = running_bot.store
    await store.subscribe(world.newsroom.id, world.alerts.id, "new", 50.0)
    flagged = await store.subscribe(world.newsroom.id, world.readonly.id)
    await store.set_subscription_state(flagged.id, "needs_permissions", "Missing Access @everyone")
    await store.subscribe(world.other.id, world.general.id)  # another server's: not shown
    inter = await fake_discord.invoke("subscriptions")
    data = (await inter.response())["data"]
    assert data["flags"] == EPHEMERAL
    fields = data["embeds"][0]["fields"]
    assert [f["name"] for f in fields] == ["#alerts", "#readonly"]
    assert "active" in fields[0]["value"] and "min score 50" in fields[0]["value"]
    assert "needs permissions" in fields[1]["value"]
    assert "Missing Access" in fields[1]["value"]
    assert "@everyone" not in fields[1]["value"].replace("@\u200beveryone", "")


async def test_subscriptions_when_there_are_none(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    inter = await fake_discord.invoke("subscriptions")
    data = (await inter.response())["data"]
    assert "/subscribe" in data["content"]
