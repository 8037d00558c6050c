"""Turns an :class:`~bot.alerts.AlertView` into a Discord embed, always within Discord's limits.

All feed text goes through :mod:`bot.alerts` (escaped, mentions broken, cut to size); every
embed is checked against the 6000-character total, and :func:`pack_embeds` (or
:func:`pack_indices`) splits many embeds into messages of at most 10 embeds and 6000
characters each; :func:`embed_json` and :func:`payload_of` encode a message's embeds to be
stored, so that a resend is the identical message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import datetime

import discord

from bot.alerts import (
    AlertView,
    link_target,
    plain_text,
    safe_text,
    safe_url,
    text_length,
    truncate,
)
from bot.digest import Digest
from bot.model import SourceRef, Verdict
from bot.store import AlertRow, PendingFeedNotice

# Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
FIELDS_LIMIT = 25
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10
#: Sources of a conflicting claim listed in an alert before "and N more".
MAX_LISTED_SOURCES = 5

COLOURS: dict[Verdict, discord.Colour] = {
    Verdict.NEW: discord.Colour(0x3498DB),
    Verdict.CONTRADICTING: discord.Colour(0xE74C3C),
    Verdict.KNOWN: discord.Colour(0x95A5A6),
    Verdict.IRRELEVANT: discord.Colour(0x4F545C),
}
LABELS: dict[Verdict, str] = {
    Verdict.NEW: "🆕 NEW claim",
    Verdict.CONTRADICTING: "⚠️ CONTRADICTING claim",
    Verdict.KNOWN: "KNOWN claim",
    Verdict.IRRELEVANT: "Irrelevant",
}


def alert_embed(view: AlertView) -> discord.Embed:
    """One alert: label and colour by verdict, the claim, its source and the evidence."""
    topic = plain_text(view.topic.replace("_", " "), 80) if view.topic != "general" else ""
    title = LABELS[view.verdict] + (f" · {topic}" if topic else "")
    embed = discord.Embed(
        title=truncate(title, TITLE_LIMIT),
        description=safe_text(view.claim, DESCRIPTION_LIMIT),
        colour=COLOURS[view.verdict],
        url=safe_url(view.source.link),
        timestamp=_aware(view.source.published),
    )
    outlet = plain_text(view.source.outlet, AUTHOR_LIMIT)
    if outlet:
        embed.set_author(name=outlet)
    embed.add_field(name="Source", value=source_line(view.source, FIELD_VALUE_LIMIT), inline=False)
    if view.verdict is Verdict.CONTRADICTING:
        if view.conflicting_claim:
            embed.add_field(
                name="Conflicts with",
                value=safe_text(view.conflicting_claim, FIELD_VALUE_LIMIT),
                inline=False,
            )
        if view.reason:
            embed.add_field(
                name="Why", value=safe_text(view.reason, FIELD_VALUE_LIMIT), inline=False
            )
        if view.conflicting_sources:
            embed.add_field(
                name="Known from",
                value=source_list(view.conflicting_sources, FIELD_VALUE_LIMIT),
                inline=False,
            )
    elif view.verdict is Verdict.NEW:
        embed.add_field(name="Corroborated by", value=_corroborations(view.corroborations))
    embed.add_field(name="Similarity", value=f"{view.score:.0f}/100")
    footer = "treatywatch" + (f" · alert {view.alert_id}" if view.alert_id is not None else "")
    embed.set_footer(text=truncate(footer, FOOTER_LIMIT))
    return fit_embed(embed)


def notice_embed(notice: PendingFeedNotice) -> discord.Embed:
    """A feed stopped working, or works again: said once per episode, with what to do."""
    feed = notice.feed
    name = safe_text(feed.title, 200) or safe_text(feed.url, 500)
    if notice.kind == "failing":
        embed = discord.Embed(
            title="Feed failing",
            description=f"{name} has failed {feed.failure_count} times in a row; "
            "treatywatch keeps retrying it, more slowly.",
            colour=discord.Colour(0xE67E22),
        )
        embed.add_field(
            name="Last error",
            value=safe_text(notice.reason or feed.last_error or "unknown", FIELD_VALUE_LIMIT),
            inline=False,
        )
        embed.add_field(
            name="What to do",
            value="Check that the URL still serves a feed (`/feeds list` shows its state). "
            "If it moved, `/feeds remove` it and `/feeds add` the new URL.",
            inline=False,
        )
    else:
        embed = discord.Embed(
            title="Feed recovered",
            description=f"{name} works again; alerts from it resume.",
            colour=discord.Colour(0x2ECC71),
        )
    url = safe_url(feed.url)
    if url:
        embed.url = url
    embed.set_footer(text="treatywatch")
    return fit_embed(embed)


def digest_embeds(digest: Digest) -> list[discord.Embed]:
    """A digest: a header, then one embed per topic (in the digest's order) with one field
    per alert, more embeds when a topic has more than 25; pack them with :func:`pack_embeds`."""
    since, until = digest.since, digest.until
    window = f"{discord.utils.format_dt(since, 'f')} – {discord.utils.format_dt(until, 'f')}"
    alerts = [a for group in digest.groups for a in group.alerts]
    new = sum(1 for a in alerts if a.kind is Verdict.NEW)
    conflicts = len(alerts) - new
    summary = (
        f"{new} new and {conflicts} contradicting claims in {len(digest.groups)} topics"
        if alerts
        else "Nothing new or contradicting in this period."
    )
    header = discord.Embed(
        title="treatywatch digest",
        description=f"{window}\n{summary}",
        colour=discord.Colour(0x5865F2),
    )
    embeds = [header]
    for group in digest.groups:
        rows = group.alerts
        name = plain_text(group.topic.replace("_", " "), 200) or "general"
        for start in range(0, len(rows), FIELDS_LIMIT):
            part = rows[start : start + FIELDS_LIMIT]
            suffix = f" ({start // FIELDS_LIMIT + 1})" if len(rows) > FIELDS_LIMIT else ""
            conflicted = any(a.kind is Verdict.CONTRADICTING for a in part)
            embed = discord.Embed(
                title=truncate(f"{name.capitalize()}: {len(rows)}{suffix}", TITLE_LIMIT),
                colour=COLOURS[Verdict.CONTRADICTING if conflicted else Verdict.NEW],
            )
            for alert in part:
                embed.add_field(
                    name=_digest_field_name(alert), value=_digest_value(alert), inline=False
                )
            embeds.append(fit_embed(embed))
    return embeds


def _digest_field_name(alert: AlertRow) -> str:
    label = "🆕 NEW" if alert.kind is Verdict.NEW else "⚠️ CONTRADICTING"
    count = alert.source_count
    return f"{label} · {count} source{'s' if count != 1 else ''}"


def _digest_value(alert: AlertRow) -> str:
    parts = [safe_text(alert.claim_text, 500)]
    if alert.kind is Verdict.CONTRADICTING and alert.match_text:
        parts.append("↔ " + safe_text(alert.match_text, 250))
    if alert.reason:
        parts.append("_" + safe_text(alert.reason, 120) + "_")
    links: list[str] = []
    urls = [alert.source.link, *alert.source_links]
    seen: set[str] = set()
    for raw in urls:
        url = safe_url(raw)
        if url is None or url in seen:
            continue
        seen.add(url)
        links.append(f"[{len(links) + 1}]({link_target(url)})")
        if len(links) == 5:
            break
    body = "\n".join(parts)
    link_line = " ".join(links)
    while links and text_length(body + "\n" + link_line) > FIELD_VALUE_LIMIT:
        links.pop()
        link_line = " ".join(links)
    if link_line:
        body = truncate(body, FIELD_VALUE_LIMIT - text_length(link_line) - 1) + "\n" + link_line
    return truncate(body, FIELD_VALUE_LIMIT)


def source_line(source: SourceRef, limit: int) -> str:
    """``[title](link) · outlet · <t:published>``, with feed text made inert."""
    title = safe_text(source.title, 300) or "untitled"
    url = safe_url(source.link)
    head = f"[{title}]({link_target(url)})" if url else title
    tail = []
    outlet = safe_text(source.outlet, 100)
    if outlet:
        tail.append(outlet)
    published = _aware(source.published)
    if published is not None:
        tail.append(discord.utils.format_dt(published, "f"))
    line = " · ".join([head, *tail])
    if text_length(line) <= limit:
        return line
    # Too long with the link: keep the link whole and cut the title, never the URL.
    suffix = "".join(f" · {part}" for part in tail)
    if url:
        room = limit - text_length(f"[]({link_target(url)})") - text_length(suffix)
        if room >= 10:
            return f"[{truncate(title, room)}]({link_target(url)}){suffix}"
    return truncate(title + suffix, limit)


def source_list(sources: Sequence[SourceRef], limit: int) -> str:
    """One source per line, as many as fit, then "and N more"."""
    lines: list[str] = []
    for index, source in enumerate(sources):
        line = "• " + source_line(source, limit - 2)
        more = len(sources) - index - 1
        remainder = f"\n… and {more} more" if more else ""
        candidate = "\n".join([*lines, line])
        if index >= MAX_LISTED_SOURCES or text_length(candidate + remainder) > limit:
            hidden = len(sources) - index
            tail = f"… and {hidden} more"
            while lines and text_length("\n".join([*lines, tail])) > limit:
                lines.pop()
                hidden += 1
                tail = f"… and {hidden} more"
            return truncate("\n".join([*lines, tail]), limit)
        lines.append(line)
    return "\n".join(lines)


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Enforce the per-field limits, 25 fields and the 6000 total, shrinking the longest text.

    A safety net behind the budgets of the builders: it also holds for embeds built
    elsewhere (digests, lookups).
    """
    if embed.title:
        embed.title = truncate(embed.title, TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description, DESCRIPTION_LIMIT)
    fields = embed.fields[:FIELDS_LIMIT]
    embed.clear_fields()
    for field in fields:
        embed.add_field(
            name=truncate(field.name or "\u200b", FIELD_NAME_LIMIT) or "\u200b",
            value=truncate(field.value or "\u200b", FIELD_VALUE_LIMIT) or "\u200b",
            inline=bool(field.inline),
        )
    if embed.footer.text:
        embed.set_footer(
            text=truncate(embed.footer.text, FOOTER_LIMIT), icon_url=embed.footer.icon_url
        )
    if embed.author.name:
        embed.set_author(
            name=truncate(embed.author.name, AUTHOR_LIMIT),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    excess = embed_length(embed) - EMBED_TOTAL_LIMIT
    if excess > 0 and embed.description:
        keep = max(text_length(embed.description) - excess, 0)
        embed.description = truncate(embed.description, keep) or None
        excess = embed_length(embed) - EMBED_TOTAL_LIMIT
    index = len(embed.fields) - 1
    while excess > 0 and index >= 0:
        field = embed.fields[index]
        value = field.value or ""
        keep = max(text_length(value) - excess, 1)
        embed.set_field_at(
            index, name=field.name, value=truncate(value, keep) or "…", inline=bool(field.inline)
        )
        excess = embed_length(embed) - EMBED_TOTAL_LIMIT
        index -= 1
    while excess > 0 and embed.fields:
        embed.remove_field(len(embed.fields) - 1)
        excess = embed_length(embed) - EMBED_TOTAL_LIMIT
    return embed


def embed_length(embed: discord.Embed) -> int:
    """Characters Discord counts against the 6000 limit, in UTF-16 units (never too few)."""
    parts: list[str | None] = [
        embed.title,
        embed.description,
        embed.footer.text,
        embed.author.name,
    ]
    for field in embed.fields:
        parts.extend((field.name, field.value))
    return sum(text_length(part) for part in parts if part)


def pack_embeds(embeds: Iterable[discord.Embed]) -> list[list[discord.Embed]]:
    """Group embeds, in order, into messages of at most 10 embeds and 6000 characters."""
    fitted = [fit_embed(embed) for embed in embeds]
    groups = pack_indices([embed_length(embed) for embed in fitted])
    return [[fitted[i] for i in group] for group in groups]


def pack_indices(lengths: Sequence[int]) -> list[list[int]]:
    """Group items of these embed lengths, in order, into messages of at most 10 embeds and
    6000 characters; each message is a list of indices. Every length must be <= 6000."""
    messages: list[list[int]] = []
    current: list[int] = []
    size = 0
    for index, length in enumerate(lengths):
        if current and (len(current) >= EMBEDS_PER_MESSAGE or size + length > EMBED_TOTAL_LIMIT):
            messages.append(current)
            current, size = [], 0
        current.append(index)
        size += length
    if current:
        messages.append(current)
    return messages


def embed_json(embed: discord.Embed) -> str:
    """One embed as JSON, to build payloads with :func:`payload_of` (encode once, reuse)."""
    return json.dumps(embed.to_dict(), ensure_ascii=False)


def payload_of(encoded: Sequence[str]) -> str:
    """A message's embeds, each encoded by :func:`embed_json`, as one stored payload."""
    return "[" + ",".join(encoded) + "]"


def embeds_from_payload(payload: str) -> list[discord.Embed]:
    """The embeds of a payload built by :func:`payload_of`."""
    return [discord.Embed.from_dict(item) for item in json.loads(payload)]


def _corroborations(count: int) -> str:
    if count <= 0:
        return "no other source yet"
    return f"{count} other source{'s' if count != 1 else ''} since"


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or moment.tzinfo is None:
        return None
    return moment
