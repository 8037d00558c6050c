"""Alert embeds: label, colour and evidence by verdict; within every Discord limit, always."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
import pytest

from bot.alerts import AlertView, text_length
from bot.discord_app.render import (
    AUTHOR_LIMIT,
    COLOURS,
    DESCRIPTION_LIMIT,
    EMBED_TOTAL_LIMIT,
    EMBEDS_PER_MESSAGE,
    FIELD_NAME_LIMIT,
    FIELD_VALUE_LIMIT,
    FIELDS_LIMIT,
    FOOTER_LIMIT,
    TITLE_LIMIT,
    alert_embed,
    embed_json,
    embed_length,
    embeds_from_payload,
    fit_embed,
    pack_embeds,
    pack_indices,
    payload_of,
)
from bot.model import SourceRef, Verdict

PUBLISHED = datetime(2025, 1, 18, 9, 30, tzinfo=UTC)
HOSTILE = "@everyone <@&1> <#2> **bold** [x](https://evil.example) \u202e\x00 🇷🇺e\u0301\\"


def source(**overrides: object) -> SourceRef:
    values: dict[str, object] = {
        "doc_id": "entry-1",
        "sentence_index": 0,
        "title": "Duma ratifies the treaty",
        "link": "https://news.example/duma",
        "outlet": "Example Wire",
        "published": PUBLISHED,
    }
    values.update(overrides)
    return SourceRef(**values)  # type: ignore[arg-type]


def view(**overrides: object) -> AlertView:
    values: dict[str, object] = {
        "verdict": Verdict.NEW,
        "claim": "The State Duma ratified the treaty on 8 April.",
        "score": 42.4,
        "source": source(),
        "topic": "ratification",
        "alert_id": 9,
        "corroborations": 2,
    }
    values.update(overrides)
    return AlertView(**values)  # type: ignore[arg-type]


def contradicting(**overrides: object) -> AlertView:
    values: dict[str, object] = {
        "verdict": Verdict.CONTRADICTING,
        "claim": "The treaty is valid for 25 years.",
        "conflicting_claim": "The treaty is valid for 20 years.",
        "conflicting_sources": (source(title="Seed article", link=None, published=None),),
        "reason": "20 years → 25 years",
        "corroborations": 0,
    }
    values.update(overrides)
    return view(**values)


def assert_within_limits(embed: discord.Embed) -> None:
    assert text_length(embed.title or "") <= TITLE_LIMIT
    assert text_length(embed.description or "") <= DESCRIPTION_LIMIT
    assert len(embed.fields) <= FIELDS_LIMIT
    for field in embed.fields:
        assert 0 < text_length(field.name or "") <= FIELD_NAME_LIMIT
        assert 0 < text_length(field.value or "") <= FIELD_VALUE_LIMIT
    assert text_length(embed.footer.text or "") <= FOOTER_LIMIT
    assert text_length(embed.author.name or "") <= AUTHOR_LIMIT
    assert embed_length(embed) <= EMBED_TOTAL_LIMIT
    assert len(embed) <= EMBED_TOTAL_LIMIT  # discord.py's own count agrees


def test_new_alert() -> None:
    embed = alert_embed(view())
    assert embed.colour == COLOURS[Verdict.NEW]
    assert embed.title == "🆕 NEW claim · ratification"
    assert embed.description == "The State Duma ratified the treaty on 8 April."
    assert embed.url == "https://news.example/duma"
    assert embed.author.name == "Example Wire"
    assert embed.timestamp == PUBLISHED
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Source"] == (
        "[Duma ratifies the treaty](https://news.example/duma) · Example Wire · <t:1737192600:f>"
    )
    assert fields["Corroborated by"] == "2 other sources since"
    assert fields["Similarity"] == "42/100"
    assert "Conflicts with" not in fields
    assert embed.footer.text == "treatywatch · alert 9"


def test_contradicting_alert_shows_the_conflict_and_why() -> None:
    embed = alert_embed(contradicting())
    assert embed.colour == COLOURS[Verdict.CONTRADICTING]
    assert embed.title is not None and embed.title.startswith("⚠️ CONTRADICTING")
    fields = {f.name: f.value for f in embed.fields}
    assert fields["Conflicts with"] == "The treaty is valid for 20 years."
    assert fields["Why"] == "20 years → 25 years"
    assert fields["Known from"] == "• Seed article · Example Wire"
    assert "Corroborated by" not in fields


def test_feed_text_is_inert_in_every_place() -> None:
    embed = alert_embed(
        contradicting(
            claim=HOSTILE,
            conflicting_claim=HOSTILE,
            reason=HOSTILE,
            topic=HOSTILE,
            source=source(title=HOSTILE, outlet=HOSTILE),
            conflicting_sources=(source(title=HOSTILE, outlet=HOSTILE),),
        )
    )
    texts = [embed.title, embed.description, embed.author.name, embed.footer.text]
    texts += [f.value for f in embed.fields] + [f.name for f in embed.fields]
    for text in filter(None, texts):
        assert "@everyone" not in text
        assert "<@&1>" not in text and "<#2>" not in text
        assert "\u202e" not in text and "\x00" not in text
    assert embed.description is not None
    assert "\\*\\*bold\\*\\*" in embed.description
    assert "\\[x\\]\\(https\\://evil.example\\)" in embed.description


def test_hostile_links_are_dropped() -> None:
    embed = alert_embed(view(source=source(link="javascript:alert(1)")))
    assert embed.url is None
    assert "javascript" not in (embed.fields[0].value or "")


def test_a_link_title_cannot_close_the_markdown_link() -> None:
    embed = alert_embed(view(source=source(title="a](https://evil.example) [b")))
    value = embed.fields[0].value or ""
    assert value.startswith("[a\\]\\(https\\://evil.example\\) \\[b](https://news.example/duma)")


def test_parentheses_in_urls_are_encoded() -> None:
    embed = alert_embed(view(source=source(link="https://en.example/wiki/Pact_(2025)")))
    assert "(https://en.example/wiki/Pact_%282025%29)" in (embed.fields[0].value or "")


@pytest.mark.parametrize(
    "huge",
    [
        {"claim": "x" * 100_000},
        {"claim": "@everyone " * 10_000},
        {"claim": "😀" * 5000},
        {"topic": "t" * 10_000},
        {"source": source(outlet="o" * 10_000)},
        {"source": source(title="T" * 10_000)},
        {"source": source(title="*" * 10_000, link="https://x.example/" + "p" * 2000)},
        {"reason": "r" * 10_000},
        {"conflicting_claim": "c" * 10_000},
        {"conflicting_sources": tuple(source(title=f"S{i} " * 300) for i in range(1000))},
    ],
)
def test_each_limit_holds_on_huge_input(huge: dict[str, object]) -> None:
    embed = alert_embed(contradicting(**huge))
    assert_within_limits(embed)


def test_everything_huge_at_once_stays_under_6000() -> None:
    big = "é@here*" * 3000
    embed = alert_embed(
        contradicting(
            claim=big,
            conflicting_claim=big,
            reason=big,
            topic=big,
            source=source(title=big, outlet=big),
            conflicting_sources=tuple(source(title=big, outlet=big) for _ in range(50)),
        )
    )
    assert_within_limits(embed)
    assert embed_length(embed) > 5000  # it used the room rather than dropping everything


def test_many_sources_end_with_a_count_of_the_rest() -> None:
    many = tuple(source(title=f"Report {i}") for i in range(12))
    value = {f.name: f.value for f in alert_embed(contradicting(conflicting_sources=many)).fields}
    lines = (value["Known from"] or "").split("\n")
    assert lines[-1] == "… and 7 more"
    assert len(lines) == 6


def test_fit_embed_caps_fields_and_total() -> None:
    embed = discord.Embed(title="t" * 999, description="d" * 9999)
    for i in range(40):
        embed.add_field(name="n" * 999, value=f"{i}" * 2000)
    embed.set_footer(text="f" * 5000)
    embed.set_author(name="a" * 999)
    assert_within_limits(fit_embed(embed))


def test_pack_embeds_respects_count_and_total() -> None:
    small = [discord.Embed(description=f"item {i}") for i in range(23)]
    assert [len(m) for m in pack_embeds(small)] == [10, 10, 3]
    large = [discord.Embed(description="x" * 2500) for _ in range(5)]
    packed = pack_embeds(large)
    assert [len(m) for m in packed] == [2, 2, 1]
    for message in pack_embeds(large + small):
        assert len(message) <= EMBEDS_PER_MESSAGE
        assert sum(embed_length(e) for e in message) <= EMBED_TOTAL_LIMIT


def test_pack_embeds_of_nothing_is_no_message() -> None:
    assert pack_embeds([]) == []


def test_pack_indices_keeps_order_and_limits() -> None:
    assert pack_indices([100] * 23) == [list(range(10)), list(range(10, 20)), [20, 21, 22]]
    assert pack_indices([2500, 2500, 1001, 999]) == [[0, 1], [2, 3]]
    assert pack_indices([]) == []


def test_a_stored_payload_gives_back_the_same_message() -> None:
    # A pack is resent from its stored payload: it must be exactly the message first sent.
    contradicting = AlertView(
        verdict=Verdict.CONTRADICTING,
        claim="The treaty is valid for 25 years.",
        score=88.0,
        source=SourceRef(
            "doc",
            0,
            title="Report",
            link="https://news.example/a",
            outlet="Wire",
            published=datetime(2025, 1, 19, tzinfo=UTC),
        ),
        topic="duration",
        conflicting_claim="The treaty is valid for 20 years.",
        conflicting_sources=(SourceRef("seed", 0, title="Seed", outlet="TASS"),),
        reason="20 years → 25 years",
        alert_id=7,
    )
    embeds = [alert_embed(contradicting), alert_embed(contradicting)]
    payload = payload_of([embed_json(e) for e in embeds])
    again = embeds_from_payload(payload)
    assert [e.to_dict() for e in again] == [e.to_dict() for e in embeds]
    assert payload_of([embed_json(e) for e in again]) == payload
