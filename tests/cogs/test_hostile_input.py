"""Every option of every command, tried with hostile input: always an ephemeral, actionable
answer or a safe result; never a bug reference, never a ping, never over Discord's limits."""

from __future__ import annotations

from typing import Any

import pytest

from bot.discord_app.app import TreatywatchBot
from tests.fakes.discord_server import FakeDiscord

HOSTILE_STRINGS = [
    "x" * 100_000,
    "@everyone @here <@&1> <@2> <#3>",
    "**bold** __u__ ~~s~~ `c` ```block``` > quote [link](https://evil.example)",
    "\u202eevil\u2066\u200b\u200d\x00\x07",
    "",
    " ",
    "javascript:alert(1)",
    "http://169.254.169.254/latest/meta-data/",
    "-1",
    "1e309",
    "2025-13-45",
    "😀" * 5000,
]
# Discord rejects non-numbers for number options itself: only numbers arrive, but any.
HOSTILE_NUMBERS: list[Any] = [-1, 101, 1e308, -1e308, 10**30, -0.5]

CASES: list[tuple[str, str]] = [
    ("lookup", "query"),
    ("digest", "since"),
    ("digest", "kinds"),
    ("feeds add", "url"),
    ("feeds remove", "feed"),
    ("subscribe", "kinds"),
    ("subscribe", "mode"),
]


async def answer(fake: FakeDiscord, command: str, options: dict[str, Any]) -> dict[str, Any]:
    inter = await fake.invoke(command, options)
    first = await inter.response()
    if first["type"] == 5:  # deferred: the answer is the follow-up
        (followup,) = await inter.followups()
        return followup
    assert first["type"] == 4
    data: dict[str, Any] = first["data"]
    return data


def assert_safe(data: dict[str, Any]) -> None:
    assert data["flags"] & 64, "answers to hostile input are ephemeral"
    assert data.get("allowed_mentions") == {"parse": []}
    content = data.get("content") or ""
    assert "reference `" not in content, f"a bug, not a refusal: {content[:200]}"
    assert len(content) <= 2000
    for ping in ("@everyone", "@here", "<@&1>", "<@2>"):
        assert ping not in content
    for embed in data.get("embeds") or []:
        assert len(embed.get("description") or "") <= 4096


@pytest.mark.parametrize(("command", "option"), CASES)
async def test_hostile_strings(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, command: str, option: str
) -> None:
    for value in HOSTILE_STRINGS:
        assert_safe(await answer(fake_discord, command, {option: value}))
    assert await running_bot.store.list_subscriptions() == []
    assert await running_bot.store.list_feeds() == []


@pytest.mark.parametrize(
    ("command", "option"), [("subscribe", "min_score"), ("feeds add", "backfill")]
)
async def test_hostile_numbers(
    running_bot: TreatywatchBot, fake_discord: FakeDiscord, command: str, option: str
) -> None:
    for value in HOSTILE_NUMBERS:
        options: dict[str, Any] = {option: value}
        if command == "feeds add":
            options["url"] = "javascript:alert(1)"
        assert_safe(await answer(fake_discord, command, options))
    assert await running_bot.store.list_subscriptions() == []
