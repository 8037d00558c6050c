"""What the bot may do in a channel: the check shared by /subscribe and the dispatcher."""

from __future__ import annotations

import discord

#: What posting an alert needs, with the names Discord's settings show.
ALERT_PERMISSIONS: tuple[tuple[str, str], ...] = (
    ("view_channel", "View Channel"),
    ("send_messages", "Send Messages"),
    ("embed_links", "Embed Links"),
)


def missing_alert_permissions(channel: discord.abc.GuildChannel) -> list[str]:
    """The permissions the bot lacks to post alerts in ``channel`` (empty: none)."""
    me = channel.guild.me
    if me is None:
        return [label for _, label in ALERT_PERMISSIONS]
    perms = channel.permissions_for(me)
    return [label for name, label in ALERT_PERMISSIONS if not getattr(perms, name)]
