"""/lookup through the fake Discord: results, autocomplete, pages with buttons."""

from __future__ import annotations

from bot.discord_app.app import TreatywatchBot
from bot.model import SourceRef
from tests.fakes.alerts import claim, queue_alert
from tests.fakes.discord_server import FakeDiscord


async def seed(bot: TreatywatchBot, count: int) -> None:
    claims = [
        (
            claim(f"The treaty covers energy cooperation point {i}.", "seed-1", i),
            [SourceRef("seed-1", i, title="Seed", link="https://seed.example/a", outlet="S")],
        )
        for i in range(count)
    ]
    await bot.store.set_baseline("fp", claims)


async def test_lookup_shows_claim_sources_and_history(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await seed(running_bot, 1)
    await queue_alert(running_bot.store, "Iran will get Su-35 jets under the pact @here.")
    inter = await fake_discord.invoke("lookup", {"query": "su-35 jets pact"})
    data = (await inter.response())["data"]
    assert data["flags"] == 64
    assert "components" not in data or data["components"] == []
    embed = data["embeds"][0]  # the best match first
    assert "observed" in embed["title"]
    assert "Su\\-35" in embed["description"] and "@here" not in embed["description"]
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert fields["Counts"].startswith("1 source")
    assert "[Report on the treaty](https://news.example/report)" in fields["Sources"]
    assert "NEW ×1" in fields["Verdict history"]


async def test_lookup_without_match(running_bot: TreatywatchBot, fake_discord: FakeDiscord) -> None:
    await seed(running_bot, 1)
    inter = await fake_discord.invoke("lookup", {"query": "@everyone zzzz qqqq"})
    data = (await inter.response())["data"]
    assert data["flags"] == 64 and "Nothing known matches" in data["content"]
    assert "@everyone" not in data["content"].replace("@\u200beveryone", "")


async def test_lookup_autocomplete(running_bot: TreatywatchBot, fake_discord: FakeDiscord) -> None:
    await seed(running_bot, 30)
    inter = await fake_discord.invoke("lookup", {"query": "energy cooperation"}, focused="query")
    body = await inter.response()
    assert body["type"] == 8
    choices = body["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert all(len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)
    assert choices[0]["name"].startswith("The treaty covers energy cooperation")


async def test_long_results_are_paginated_with_buttons(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord
) -> None:
    await seed(running_bot, 10)
    inter = await fake_discord.invoke("lookup", {"query": "treaty energy cooperation point"})
    data = (await inter.response())["data"]
    assert len(data["embeds"]) == 3
    buttons = data["components"][0]["components"]
    assert [b.get("label") for b in buttons] == ["◀", "1/4", "▶"]
    assert buttons[0]["disabled"] is True
    first_page = [e["title"] for e in data["embeds"]]
    message_id = inter.message_id()
    assert message_id is not None

    turn = await fake_discord.click(message_id, "lookup:next")
    update = await turn.response()
    assert update["type"] == 7  # the same message, edited
    assert [b.get("label") for b in update["data"]["components"][0]["components"]][1] == "2/4"
    assert [e["title"] for e in update["data"]["embeds"]] != first_page

    stranger = await fake_discord.click(message_id, "lookup:next", user=fake_discord.world.reader)
    refusal = await stranger.response()
    assert refusal["type"] == 4 and refusal["data"]["flags"] == 64
    assert "someone else" in refusal["data"]["content"]
