"""The one central app-command error handler.

Errors we raise on purpose (:class:`~bot.errors.TreatywatchError`) and failed checks become
ephemeral messages that say what to do; anything else is a bug: logged with a short
reference id, and the user is given that id to report.
"""

from __future__ import annotations

import logging
import secrets

import discord
from discord import app_commands

from bot.alerts import neutralize_pings, plain_text, truncate
from bot.errors import TreatywatchError

log = logging.getLogger(__name__)

#: Longest message content Discord accepts.
MESSAGE_LIMIT = 2000


def _permission_names(names: list[str]) -> str:
    return ", ".join(name.replace("_", " ").replace("guild", "server").title() for name in names)


def user_message(error: BaseException) -> str | None:
    """The actionable message for a known error, or None for a bug."""
    if isinstance(error, TreatywatchError):
        # Our messages may quote user input back: it must not read as a ping.
        text = neutralize_pings(str(error))
        return f"{text}\n{neutralize_pings(error.hint)}" if error.hint else text
    if isinstance(error, app_commands.MissingPermissions):
        needed = _permission_names(error.missing_permissions)
        return f"You need the {needed} permission to use this command here."
    if isinstance(error, app_commands.BotMissingPermissions):
        needed = _permission_names(error.missing_permissions)
        return f"I need the {needed} permission here. Ask a server admin to grant it."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: try again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.TransformerError):
        kind = error.type.name.replace("_", " ")
        return f"“{plain_text(str(error.value), 60)}” is not a valid {kind} for this option."
    if isinstance(error, app_commands.CheckFailure):
        return str(error) or "You cannot use this command here."
    return None


class TreatywatchTree(app_commands.CommandTree[discord.Client]):
    """A CommandTree whose ``on_error`` answers every failure, ephemerally."""

    async def on_error(
        self, interaction: discord.Interaction[discord.Client], error: app_commands.AppCommandError
    ) -> None:
        cause: BaseException = error
        if isinstance(error, app_commands.CommandInvokeError):
            cause = error.original
        message = user_message(cause)
        command = interaction.command.qualified_name if interaction.command else "?"
        if message is None:
            reference = secrets.token_hex(4)
            log.error("command /%s failed [ref %s]", command, reference, exc_info=cause)
            message = (
                f"Something went wrong on our side (reference `{reference}`). "
                "Please try again; if it keeps failing, tell the bot's operator this reference."
            )
        else:
            log.info("command /%s refused: %s", command, message)
        await answer_ephemeral(interaction, message)


async def answer_ephemeral(interaction: discord.Interaction[discord.Client], text: str) -> None:
    """Reply privately, as a first response or a follow-up; never raise."""
    text = truncate(text, MESSAGE_LIMIT)
    if interaction.type is discord.InteractionType.autocomplete:
        return  # an autocomplete cannot show a message; it simply offers no choices
    try:
        if interaction.response.is_done():
            await interaction.followup.send(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
        else:
            await interaction.response.send_message(
                text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
            )
    except discord.HTTPException:
        log.warning("could not tell the user about an error (interaction expired?)", exc_info=True)
