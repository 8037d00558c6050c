"""A loopback fake of Discord: REST under ``/api/v10`` and a gateway websocket.

The real discord.py client talks to it exactly as it would to Discord, so tests exercise the
library's own code paths (login, READY, GUILD_CREATE, interaction callbacks, webhooks, rate
limits) with no network. Every REST request is recorded; a test can inject gateway
dispatches (INTERACTION_CREATE), drop the connection, and make the next requests to a route
fail (429 with ``Retry-After`` and ``Via``, 5xx, 403 code 50001, 404 code 10003), and
invalidate the gateway session (opcode 9, or a refused RESUME) so the bot must IDENTIFY again.

Like Discord, it refuses a message over the limits (400, code 50035): more than 10 embeds,
more than 6000 characters over all of a message's embeds, or a field over its own limit.
With ``rate_limits=True`` it also enforces Discord's rate limits: 5 messages per 5 s per
channel (with the ``X-RateLimit-*`` headers discord.py paces itself by) and 50 requests per
second per bot over all routes (429 with ``"global": true`` beyond).

Facts it honours (discord.py 2.7): JSON bodies carry ``Content-Type: application/json``
exactly (with a charset, discord.py reads the body as text); a 429 carries a ``Via`` header
(without one discord.py assumes a Cloudflare ban); interaction callbacks answer
``{"interaction": ..., "resource": ...}``; command syncs answer a list of commands.
"""

from __future__ import annotations

import asyncio
import contextlib
import fnmatch
import itertools
import json
import logging
import re
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

log = logging.getLogger(__name__)

API_PREFIX = "/api/v10"

# Permission bits (https://discord.com/developers/docs/topics/permissions).
CREATE_INSTANT_INVITE = 1 << 0
ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
EMBED_LINKS = 1 << 14
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
ALL_PERMISSIONS = (1 << 53) - 1

BASIC_MEMBER = (
    VIEW_CHANNEL | SEND_MESSAGES | EMBED_LINKS | READ_MESSAGE_HISTORY | USE_APPLICATION_COMMANDS
)

JsonObj = dict[str, Any]


def _json_response(
    body: Any, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    # Content-Type set by hand: aiohttp's json_response appends "; charset=utf-8", which makes
    # discord.py treat the body as text.
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(body).encode(), status=status, headers=all_headers)


def _error(status: int, code: int, message: str) -> web.Response:
    return _json_response({"code": code, "message": message}, status=status)


# --------------------------------------------------------------------------- Discord's limits

#: https://discord.com/developers/docs/resources/message#embed-object-embed-limits
EMBED_FIELD_LIMITS = {"title": 256, "description": 4096}
EMBEDS_PER_MESSAGE = 10
EMBEDS_TOTAL = 6000
CONTENT_LIMIT = 2000
#: Per channel: 5 messages per 5 s; per bot: 50 requests per second.
CHANNEL_RATE = (5, 5.0)
GLOBAL_RATE = 50


def _chars(text: Any) -> int:
    """Characters as Discord counts them, taken strictly (UTF-16 code units)."""
    return len(str(text).encode("utf-16-le")) // 2 if text else 0


def embed_chars(embed: JsonObj) -> int:
    """What an embed counts against the 6000 characters of its message."""
    fields = embed.get("fields") or []
    return (
        _chars(embed.get("title"))
        + _chars(embed.get("description"))
        + _chars((embed.get("footer") or {}).get("text"))
        + _chars((embed.get("author") or {}).get("name"))
        + sum(_chars(f.get("name")) + _chars(f.get("value")) for f in fields)
    )


def message_problems(body: JsonObj) -> list[str]:
    """Why Discord would refuse this message body (empty: it is within the limits)."""
    problems: list[str] = []
    if _chars(body.get("content")) > CONTENT_LIMIT:
        problems.append(f"content: must be {CONTENT_LIMIT} or fewer in length")
    embeds = body.get("embeds") or []
    if len(embeds) > EMBEDS_PER_MESSAGE:
        problems.append(f"embeds: must be {EMBEDS_PER_MESSAGE} or fewer in length")
    total = 0
    for index, embed in enumerate(embeds):
        for key, limit in EMBED_FIELD_LIMITS.items():
            if _chars(embed.get(key)) > limit:
                problems.append(f"embeds.{index}.{key}: must be {limit} or fewer in length")
        fields = embed.get("fields") or []
        if len(fields) > 25:
            problems.append(f"embeds.{index}.fields: must be 25 or fewer in length")
        for f in fields:
            if _chars(f.get("name")) > 256 or _chars(f.get("value")) > 1024:
                problems.append(f"embeds.{index}.fields: a field is over its limit")
            if not f.get("name") or not f.get("value"):
                problems.append(f"embeds.{index}.fields: name and value are required")
        footer = (embed.get("footer") or {}).get("text")
        author = (embed.get("author") or {}).get("name")
        if _chars(footer) > 2048 or _chars(author) > 256:
            problems.append(f"embeds.{index}: footer or author over its limit")
        total += embed_chars(embed)
    if total > EMBEDS_TOTAL:
        problems.append(f"embeds: {total} characters in all, more than {EMBEDS_TOTAL}")
    return problems


_ALERT_FOOTER = re.compile(r"\balert (\d+)\b")


def alert_ids(message: JsonObj) -> list[int]:
    """The treatywatch alert ids a message carries, one per alert embed (from its footer)."""
    found: list[int] = []
    for embed in message.get("embeds") or []:
        match = _ALERT_FOOTER.search((embed.get("footer") or {}).get("text") or "")
        if match:
            found.append(int(match.group(1)))
    return found


# --------------------------------------------------------------------------- the canned world


@dataclass
class FakeUser:
    id: int
    username: str
    bot: bool = False

    def payload(self) -> JsonObj:
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": None,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass
class FakeRole:
    id: int
    name: str
    permissions: int
    position: int = 0
    managed: bool = False

    def payload(self) -> JsonObj:
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "hoist": False,
            "managed": self.managed,
            "mentionable": False,
            "flags": 0,
        }


@dataclass
class Overwrite:
    """A channel permission overwrite for a role (type 0) or a member (type 1)."""

    id: int
    type: int
    allow: int = 0
    deny: int = 0

    def payload(self) -> JsonObj:
        return {
            "id": str(self.id),
            "type": self.type,
            "allow": str(self.allow),
            "deny": str(self.deny),
        }


@dataclass
class FakeChannel:
    id: int
    guild_id: int
    name: str
    type: int = 0
    position: int = 0
    overwrites: list[Overwrite] = field(default_factory=list)

    def payload(self) -> JsonObj:
        return {
            "id": str(self.id),
            "guild_id": str(self.guild_id),
            "name": self.name,
            "type": self.type,
            "position": self.position,
            "permission_overwrites": [o.payload() for o in self.overwrites],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "flags": 0,
        }


@dataclass
class FakeMember:
    user: FakeUser
    role_ids: list[int] = field(default_factory=list)

    def payload(self) -> JsonObj:
        return {
            "user": self.user.payload(),
            "roles": [str(r) for r in self.role_ids],
            "joined_at": "2025-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
        }


@dataclass
class FakeGuild:
    id: int
    name: str
    owner_id: int
    roles: dict[int, FakeRole] = field(default_factory=dict)
    channels: dict[int, FakeChannel] = field(default_factory=dict)
    members: dict[int, FakeMember] = field(default_factory=dict)

    def base_permissions(self, member: FakeMember) -> int:
        if member.user.id == self.owner_id:
            return ALL_PERMISSIONS
        perms = self.roles[self.id].permissions
        for rid in member.role_ids:
            perms |= self.roles[rid].permissions
        return ALL_PERMISSIONS if perms & ADMINISTRATOR else perms

    def permissions(self, member: FakeMember, channel: FakeChannel) -> int:
        """Discord's algorithm: base, then @everyone, role and member overwrites."""
        perms = self.base_permissions(member)
        if perms & ADMINISTRATOR:
            return ALL_PERMISSIONS
        by_id = {o.id: o for o in channel.overwrites}
        everyone = by_id.get(self.id)
        if everyone is not None:
            perms = (perms & ~everyone.deny) | everyone.allow
        allow = deny = 0
        for rid in member.role_ids:
            ow = by_id.get(rid)
            if ow is not None and ow.type == 0:
                allow |= ow.allow
                deny |= ow.deny
        perms = (perms & ~deny) | allow
        own = by_id.get(member.user.id)
        if own is not None and own.type == 1:
            perms = (perms & ~own.deny) | own.allow
        return perms

    def payload(self) -> JsonObj:
        return {
            "id": str(self.id),
            "name": self.name,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "member_count": len(self.members),
            "large": False,
            "roles": [r.payload() for r in self.roles.values()],
            "channels": [c.payload() for c in self.channels.values()],
            "members": [m.payload() for m in self.members.values()],
            "emojis": [],
            "stickers": [],
            "features": [],
            "threads": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "voice_states": [],
            "presences": [],
            "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 1,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "system_channel_flags": 0,
            "joined_at": "2025-01-01T00:00:00+00:00",
        }


@dataclass
class World:
    """The canned guilds, channels, roles and members, with names tests can refer to.

    Guild ``newsroom``: ``alerts`` (the bot may do everything), ``readonly`` (the bot may not
    send), ``hidden`` (the bot may not view), ``noembed`` (the bot may not embed links).
    Members: ``admin`` (Manage Channels and Manage Server), ``reader`` (no management rights).
    Guild ``other`` has one channel ``general``.
    """

    bot: FakeUser
    app_id: int
    owner: FakeUser
    admin: FakeUser
    reader: FakeUser
    newsroom: FakeGuild
    other: FakeGuild
    alerts: FakeChannel
    readonly: FakeChannel
    hidden: FakeChannel
    noembed: FakeChannel
    general: FakeChannel

    @property
    def guilds(self) -> list[FakeGuild]:
        return [self.newsroom, self.other]

    def guild_of_channel(self, channel_id: int) -> FakeGuild | None:
        for g in self.guilds:
            if channel_id in g.channels:
                return g
        return None

    def channel(self, channel_id: int) -> FakeChannel | None:
        guild = self.guild_of_channel(channel_id)
        return None if guild is None else guild.channels[channel_id]

    def bot_permissions(self, channel: FakeChannel) -> int:
        guild = self.newsroom if channel.guild_id == self.newsroom.id else self.other
        return guild.permissions(guild.members[self.bot.id], channel)


def build_world(ids: Iterable[int]) -> World:
    nxt = iter(ids).__next__
    bot = FakeUser(nxt(), "treatywatch", bot=True)
    app_id = bot.id  # as for real bots: the application id is the bot user's id
    owner = FakeUser(nxt(), "owner")
    admin = FakeUser(nxt(), "editor")
    reader = FakeUser(nxt(), "reader")

    def guild(name: str) -> tuple[FakeGuild, FakeRole, FakeRole]:
        gid = nxt()
        g = FakeGuild(gid, name, owner.id)
        g.roles[gid] = FakeRole(gid, "@everyone", BASIC_MEMBER)
        bot_role = FakeRole(nxt(), "treatywatch", BASIC_MEMBER, position=1, managed=True)
        editors = FakeRole(nxt(), "editors", MANAGE_CHANNELS | MANAGE_GUILD, position=2)
        g.roles[bot_role.id] = bot_role
        g.roles[editors.id] = editors
        for m in (
            FakeMember(bot, [bot_role.id]),
            FakeMember(owner),
            FakeMember(admin, [editors.id]),
            FakeMember(reader),
        ):
            g.members[m.user.id] = m
        return g, bot_role, editors

    newsroom, nr_bot_role, _ = guild("Newsroom")
    other, _, _ = guild("Other")

    def channel(g: FakeGuild, name: str, *overwrites: Overwrite) -> FakeChannel:
        c = FakeChannel(nxt(), g.id, name, position=len(g.channels), overwrites=list(overwrites))
        g.channels[c.id] = c
        return c

    alerts = channel(newsroom, "alerts")
    readonly = channel(newsroom, "readonly", Overwrite(nr_bot_role.id, 0, deny=SEND_MESSAGES))
    hidden = channel(newsroom, "hidden", Overwrite(nr_bot_role.id, 0, deny=VIEW_CHANNEL))
    noembed = channel(newsroom, "noembed", Overwrite(nr_bot_role.id, 0, deny=EMBED_LINKS))
    general = channel(other, "general")
    return World(
        bot=bot,
        app_id=app_id,
        owner=owner,
        admin=admin,
        reader=reader,
        newsroom=newsroom,
        other=other,
        alerts=alerts,
        readonly=readonly,
        hidden=hidden,
        noembed=noembed,
        general=general,
    )


# --------------------------------------------------------------------------- recording


@dataclass
class RecordedRequest:
    method: str
    #: Path below ``/api/v10``, e.g. ``/channels/123/messages``.
    path: str
    query: dict[str, str]
    json: Any
    headers: dict[str, str]
    status: int = 0

    def matches(self, method: str, pattern: str) -> bool:
        return self.method == method and fnmatch.fnmatchcase(self.path, pattern)


@dataclass
class Failure:
    """Answer the next ``times`` requests matching method and path pattern with an error."""

    method: str
    pattern: str
    status: int
    times: int
    code: int = 0
    retry_after: float = 0.0
    via: bool = True
    is_global: bool = False

    def response(self) -> web.Response:
        if self.status == 429:
            headers = {"Retry-After": f"{self.retry_after:g}", "X-RateLimit-Scope": "user"}
            if self.via:
                headers["Via"] = "1.1 google"
            body = {
                "message": "You are being rate limited.",
                "retry_after": self.retry_after,
                "global": self.is_global,
            }
            return _json_response(body, status=429, headers=headers)
        messages = {
            403: "Missing Access",
            404: "Unknown Channel",
        }
        return _error(self.status, self.code, messages.get(self.status, "Internal Server Error"))


@dataclass
class Interaction:
    """One injected interaction, and what the bot answered to it."""

    id: int
    token: str
    payload: JsonObj
    fake: FakeDiscord

    async def response(self, within: float = 5.0) -> JsonObj:
        """The body of the first ``/callback`` POST for this interaction."""
        req = await self.fake.wait_for_request(
            "POST", f"/interactions/{self.id}/{self.token}/callback", within=within
        )
        assert isinstance(req.json, dict)
        return req.json

    async def followups(self, count: int = 1, within: float = 5.0) -> list[JsonObj]:
        """Bodies of follow-up messages sent through the interaction webhook."""
        path = f"/webhooks/{self.fake.world.app_id}/{self.token}"
        await self.fake.wait_for_request("POST", path, count=count, within=within)
        return [r.json for r in self.fake.requests_matching("POST", path)]

    async def edits(self, count: int = 1, within: float = 5.0) -> list[JsonObj]:
        """Bodies of edits of the original response (the usual answer after a defer)."""
        path = f"/webhooks/{self.fake.world.app_id}/{self.token}/messages/@original"
        await self.fake.wait_for_request("PATCH", path, count=count, within=within)
        return [r.json for r in self.fake.requests_matching("PATCH", path)]

    def message_id(self) -> int | None:
        """Id of the message the first callback created, when it created one."""
        return self.fake.response_messages.get(self.id)


# --------------------------------------------------------------------------- the server


class FakeDiscord:
    """The fake server. ``await start()``, point the bot at ``api_base_url``/``gateway_url``."""

    def __init__(self, *, heartbeat_interval_ms: int = 41_250, rate_limits: bool = False) -> None:
        self._ids = itertools.count(1_300_000_000_000_000_000)
        self.rate_limits = rate_limits
        #: 429s answered because of the limits above: "global" and "channel".
        self.rate_limited: Counter[str] = Counter()
        self._recent: deque[float] = deque()
        self._channel_windows: dict[int, tuple[float, int]] = {}
        #: (channel id, nonce) → message id, for Discord's nonce de-duplication.
        self._nonces: dict[tuple[str, str], int] = {}
        self.world = build_world(self._ids)
        self.token = "fake-token"
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.requests: list[RecordedRequest] = []
        self.failures: list[Failure] = []
        #: Message objects created by the bot, by id (channel messages, responses, follow-ups).
        self.messages: dict[int, JsonObj] = {}
        #: interaction id → id of the message its callback created.
        self.response_messages: dict[int, int] = {}
        self.commands: dict[int | None, list[JsonObj]] = {}
        self.identifies: list[JsonObj] = []
        self.resumes: list[JsonObj] = []
        self.heartbeats = 0
        self._interactions_by_token: dict[str, int] = {}
        self._changed = asyncio.Condition()
        self._ws: web.WebSocketResponse | None = None
        self._connected = asyncio.Event()
        self._session_id: str | None = None
        self._seq = 0
        #: Dispatches of the current session, for RESUME replays.
        self._session_log: list[JsonObj] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base_url(self) -> str:
        return self.base_url + API_PREFIX

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self, port: int = 0) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/_fake/messages", self._control_messages)
        app.router.add_get("/_fake/created", self._control_created)
        app.router.add_get("/_fake/gateway", self._control_gateway)
        app.router.add_post("/_fake/fail", self._control_fail)
        app.router.add_post("/_fake/drop", self._control_drop)
        app.router.add_post("/_fake/heal", self._control_heal)
        app.router.add_post("/_fake/invalidate", self._control_invalidate)
        app.router.add_get("/_fake/alerts", self._control_alerts)
        app.router.add_get("/_fake/stats", self._control_stats)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        server = site._server
        assert server is not None
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # ---- test controls

    def fail_next(
        self,
        method: str,
        pattern: str,
        *,
        status: int,
        times: int = 1,
        code: int | None = None,
        retry_after: float = 0.0,
        via: bool = True,
        is_global: bool = False,
    ) -> None:
        """Answer the next ``times`` requests to ``method pattern`` (a glob on the path below
        ``/api/v10``) with ``status``. 403 defaults to code 50001 (Missing Access), 404 to
        10003 (Unknown Channel); a 429 carries ``Retry-After`` and, unless ``via=False``, ``Via``.
        """
        default_code = {403: 50001, 404: 10003}.get(status, 0)
        self.failures.append(
            Failure(
                method,
                pattern,
                status,
                times,
                code=default_code if code is None else code,
                retry_after=retry_after,
                via=via,
                is_global=is_global,
            )
        )

    def requests_matching(
        self, method: str, pattern: str, *, ok_only: bool = True
    ) -> list[RecordedRequest]:
        return [
            r
            for r in self.requests
            if r.matches(method, pattern) and (not ok_only or 200 <= r.status < 300)
        ]

    def channel_messages(self, channel_id: int) -> list[JsonObj]:
        """Bodies of the messages Discord accepted in a channel, in order."""
        return [r.json for r in self.requests_matching("POST", f"/channels/{channel_id}/messages")]

    async def wait_until(self, predicate: Callable[[], bool], within: float = 5.0) -> None:
        async def _wait() -> None:
            async with self._changed:
                await self._changed.wait_for(predicate)

        await asyncio.wait_for(_wait(), within)

    async def wait_for_request(
        self,
        method: str,
        pattern: str,
        *,
        count: int = 1,
        within: float = 5.0,
        ok_only: bool = True,
    ) -> RecordedRequest:
        """Wait until ``count`` requests matched, and return the last of them."""
        await self.wait_until(
            lambda: len(self.requests_matching(method, pattern, ok_only=ok_only)) >= count, within
        )
        return self.requests_matching(method, pattern, ok_only=ok_only)[count - 1]

    async def wait_connected(self, within: float = 5.0) -> None:
        await asyncio.wait_for(self._connected.wait(), within)

    async def dispatch(self, event: str, data: JsonObj) -> None:
        """Send a DISPATCH to the bot (kept for replay if the connection is down)."""
        self._seq += 1
        frame = {"op": 0, "t": event, "s": self._seq, "d": data}
        self._session_log.append(frame)
        ws = self._ws
        if ws is not None and not ws.closed:
            await ws.send_str(json.dumps(frame))

    async def drop_connection(self, code: int = 4000) -> None:
        """Close the gateway socket as Discord does on trouble; 4000 lets the bot RESUME."""
        self._connected.clear()
        if self._ws is not None and not self._ws.closed:
            await self._ws.close(code=code)

    async def delete_channel(self, channel: FakeChannel) -> None:
        """Delete a channel as a server admin would: gone from the world, CHANNEL_DELETE sent."""
        guild = self.world.guild_of_channel(channel.id)
        assert guild is not None
        del guild.channels[channel.id]
        await self.dispatch("CHANNEL_DELETE", channel.payload())

    async def remove_bot(self, guild: FakeGuild) -> None:
        """The bot is kicked from a server: GUILD_DELETE without ``unavailable``."""
        await self.dispatch("GUILD_DELETE", {"id": str(guild.id)})

    async def invalidate_session(self) -> None:
        """Opcode 9 with ``d: false``: the session is gone and cannot be resumed."""
        self._session_id = None
        self._connected.clear()
        if self._ws is not None and not self._ws.closed:
            await self._ws.send_str(json.dumps({"op": 9, "d": False}))

    async def refuse_resume(self, code: int = 4000) -> None:
        """Drop the connection as if to let the bot RESUME, but forget the session, so the
        RESUME is answered with opcode 9 and the bot must IDENTIFY anew."""
        self._session_id = None
        await self.drop_connection(code)

    def alert_summary(self) -> JsonObj:
        """Per channel: messages, alert embeds, distinct alerts, and alerts seen more than
        once; the largest message in embeds and in characters."""
        channels: dict[str, JsonObj] = {}
        largest = biggest = 0
        for message in self.messages.values():
            if "webhook_id" in message:
                continue
            ids = alert_ids(message)
            entry = channels.setdefault(
                message["channel_id"], {"messages": 0, "embeds": 0, "ids": Counter()}
            )
            entry["messages"] += 1
            entry["embeds"] += len(ids)
            entry["ids"].update(ids)
            embeds = message.get("embeds") or []
            largest = max(largest, len(embeds))
            biggest = max(biggest, sum(embed_chars(embed) for embed in embeds))
        for entry in channels.values():
            ids = entry.pop("ids")
            entry["alerts"] = len(ids)
            entry["repeated"] = sum(1 for n in ids.values() if n > 1)
        return {"channels": channels, "most_embeds": largest, "most_characters": biggest}

    async def send_reconnect(self) -> None:
        """Opcode 7: ask the bot to reconnect and resume."""
        if self._ws is not None:
            await self._ws.send_str(json.dumps({"op": 7, "d": None}))

    def command(self, name: str, guild_id: int | None = None) -> JsonObj:
        """A synced command by name: guild commands of ``guild_id`` first, then global ones."""
        for scope in (guild_id, None):
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name:
                    return cmd
        raise KeyError(f"command /{name} was never synced (synced: {self._synced_names()})")

    def _synced_names(self) -> list[str]:
        return sorted({c["name"] for cmds in self.commands.values() for c in cmds})

    async def invoke(
        self,
        command: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: FakeUser | None = None,
        channel: FakeChannel | None = None,
        focused: str | None = None,
    ) -> Interaction:
        """Dispatch INTERACTION_CREATE for a slash command as a member would use it.

        ``command`` may name a subcommand ("feeds add"). Channel options take a
        :class:`FakeChannel` and are resolved as Discord does. With ``focused`` set it is an
        autocomplete interaction for that option.
        """
        user = user or self.world.admin
        channel = channel or self.world.alerts
        guild = self.world.guild_of_channel(channel.id)
        assert guild is not None
        parts = command.split()
        definition = self.command(parts[0], guild.id)
        resolved: JsonObj = {}
        leaf_options = self._build_options(
            definition, parts[1:], options or {}, resolved, guild, user, focused
        )
        data: JsonObj = {
            "id": definition["id"],
            "name": definition["name"],
            "type": 1,
            "options": leaf_options,
        }
        if definition.get("guild_id"):
            data["guild_id"] = definition["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return await self._interact(2 if focused is None else 4, data, user=user, channel=channel)

    async def click(
        self,
        message_id: int,
        custom_id: str,
        *,
        user: FakeUser | None = None,
        component_type: int = 2,
    ) -> Interaction:
        """Dispatch a component interaction (a button press) on a message the bot sent."""
        message = self.messages[message_id]
        channel = self.world.channel(int(message["channel_id"])) or self.world.alerts
        data = {"custom_id": custom_id, "component_type": component_type}
        return await self._interact(
            3, data, user=user or self.world.admin, channel=channel, message=message
        )

    def _build_options(
        self,
        definition: JsonObj,
        path: list[str],
        values: Mapping[str, Any],
        resolved: JsonObj,
        guild: FakeGuild,
        user: FakeUser,
        focused: str | None,
    ) -> list[JsonObj]:
        if path:
            for opt in definition.get("options", []):
                if opt["name"] == path[0] and opt["type"] in (1, 2):
                    inner = self._build_options(
                        opt, path[1:], values, resolved, guild, user, focused
                    )
                    return [{"name": opt["name"], "type": opt["type"], "options": inner}]
            raise KeyError(f"no subcommand {path[0]!r} in /{definition['name']}")
        known = {o["name"]: o for o in definition.get("options", [])}
        out: list[JsonObj] = []
        for name, value in values.items():
            if name not in known:
                raise KeyError(
                    f"/{definition['name']} has no option {name!r} (has {sorted(known)})"
                )
            otype = known[name]["type"]
            item: JsonObj = {"name": name, "type": otype}
            if otype == 7 and isinstance(value, FakeChannel):
                member = guild.members[user.id]
                channel_data = value.payload()
                channel_data["permissions"] = str(guild.permissions(member, value))
                resolved.setdefault("channels", {})[str(value.id)] = channel_data
                item["value"] = str(value.id)
            else:
                item["value"] = value
            if focused == name:
                item["focused"] = True
            out.append(item)
        return out

    async def _interact(
        self,
        itype: int,
        data: JsonObj,
        *,
        user: FakeUser,
        channel: FakeChannel,
        message: JsonObj | None = None,
    ) -> Interaction:
        guild = self.world.guild_of_channel(channel.id)
        assert guild is not None
        member = guild.members[user.id]
        interaction_id = next(self._ids)
        token = f"itoken-{interaction_id}"
        self._interactions_by_token[token] = interaction_id
        channel_payload = channel.payload()
        channel_payload["permissions"] = str(guild.permissions(member, channel))
        member_payload = member.payload()
        member_payload["permissions"] = str(guild.permissions(member, channel))
        payload: JsonObj = {
            "id": str(interaction_id),
            "application_id": str(self.world.app_id),
            "type": itype,
            "token": token,
            "version": 1,
            "attachment_size_limit": 8 * 1024 * 1024,
            "guild_id": str(guild.id),
            "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id),
            "channel": channel_payload,
            "member": member_payload,
            "app_permissions": str(self.world.bot_permissions(channel)),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild.id)},
            "context": 0,
            "data": data,
        }
        if message is not None:
            payload["message"] = message
        await self.dispatch("INTERACTION_CREATE", payload)
        return Interaction(interaction_id, token, payload, self)

    # ---- control endpoints, for a bot running in another process (crash/restart tests)

    async def _control_messages(self, request: web.Request) -> web.Response:
        """``GET /_fake/messages[?channel=ID]``: the message bodies Discord accepted."""
        channel = request.query.get("channel")
        pattern = f"/channels/{channel}/messages" if channel else "/channels/*/messages"
        found = [{"path": r.path, "json": r.json} for r in self.requests_matching("POST", pattern)]
        return _json_response(found)

    async def _control_created(self, request: web.Request) -> web.Response:
        """``GET /_fake/created``: the channel messages that exist, one per message created.

        Unlike ``/_fake/messages`` (every accepted POST), a POST answered with an earlier
        message because its nonce repeated does not appear twice here.
        """
        found = [m for m in self.messages.values() if "webhook_id" not in m]
        return _json_response(found)

    async def _control_gateway(self, _: web.Request) -> web.Response:
        """``GET /_fake/gateway``: how many IDENTIFYs and RESUMEs were received."""
        connected = self._connected.is_set()
        body = {
            "identifies": len(self.identifies),
            "resumes": len(self.resumes),
            "connected": connected,
        }
        return _json_response(body)

    async def _control_fail(self, request: web.Request) -> web.Response:
        """``POST /_fake/fail`` with the keyword arguments of :meth:`fail_next` as JSON."""
        spec = await request.json()
        self.fail_next(spec.pop("method"), spec.pop("pattern"), **spec)
        return _json_response({"ok": True})

    async def _control_heal(self, _: web.Request) -> web.Response:
        """``POST /_fake/heal``: forget the failures not yet used up (the outage is over)."""
        self.failures.clear()
        return _json_response({"ok": True})

    async def _control_drop(self, request: web.Request) -> web.Response:
        """``POST /_fake/drop[?code=N]``: drop the gateway connection."""
        await self.drop_connection(int(request.query.get("code", "4000")))
        return _json_response({"ok": True})

    async def _control_invalidate(self, request: web.Request) -> web.Response:
        """``POST /_fake/invalidate[?how=op9|resume]``: end the gateway session for good,
        by opcode 9 (default) or by refusing the RESUME after dropping the connection."""
        if request.query.get("how", "op9") == "resume":
            await self.refuse_resume()
        else:
            await self.invalidate_session()
        return _json_response({"ok": True})

    async def _control_alerts(self, _: web.Request) -> web.Response:
        """``GET /_fake/alerts``: :meth:`alert_summary`."""
        return _json_response(self.alert_summary())

    async def _control_stats(self, _: web.Request) -> web.Response:
        """``GET /_fake/stats``: requests seen and 429s answered because of the limits."""
        body = {"requests": len(self.requests), "rate_limited": dict(self.rate_limited)}
        return _json_response(body)

    # ---- gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        previous, self._ws = self._ws, ws
        if previous is not None and not previous.closed:
            await previous.close(code=4000)
        await ws.send_str(
            json.dumps({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        )
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            await self._on_frame(ws, frame)
        if self._ws is ws:
            self._connected.clear()
        return ws

    async def _on_frame(self, ws: web.WebSocketResponse, frame: JsonObj) -> None:
        op = frame.get("op")
        if op == 1:
            self.heartbeats += 1
            await ws.send_str(json.dumps({"op": 11}))
        elif op == 2:
            self.identifies.append(frame["d"])
            if frame["d"].get("token") != self.token:
                await ws.close(code=4004)
                return
            await self._start_session()
        elif op == 6:
            self.resumes.append(frame["d"])
            await self._resume(ws, frame["d"])
        async with self._changed:
            self._changed.notify_all()

    async def _start_session(self) -> None:
        self._session_id = f"session-{next(self._ids)}"
        self._seq = 0
        self._session_log = []
        ready = {
            "v": 10,
            "user": self.world.bot.payload() | {"verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in self.world.guilds],
            "session_id": self._session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.world.app_id), "flags": 0},
            "private_channels": [],
        }
        await self.dispatch("READY", ready)
        for g in self.world.guilds:
            await self.dispatch("GUILD_CREATE", g.payload())
        self._connected.set()

    async def _resume(self, ws: web.WebSocketResponse, data: JsonObj) -> None:
        if data.get("session_id") != self._session_id or data.get("token") != self.token:
            await ws.send_str(json.dumps({"op": 9, "d": False}))
            return
        since = data.get("seq") or 0
        for frame in self._session_log:
            if frame["s"] > since:
                await ws.send_str(json.dumps(frame))
        self._seq += 1
        resumed = {"op": 0, "t": "RESUMED", "s": self._seq, "d": {}}
        self._session_log.append(resumed)
        await ws.send_str(json.dumps(resumed))
        self._connected.set()

    # ---- REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        if request.can_read_body:
            if request.content_type == "multipart/form-data":
                body = await self._read_multipart(request)
            else:
                raw = await request.read()
                body = json.loads(raw) if raw else None
        record = RecordedRequest(
            request.method, path, dict(request.query), body, dict(request.headers)
        )
        self.requests.append(record)
        try:
            response = self._injected(request.method, path)
            if response is None and self.rate_limits:
                response = self._over_global_limit(path)
            if response is None:
                # Interaction callbacks and webhooks authenticate by the token in their path.
                token_in_path = path.startswith(("/interactions/", "/webhooks/"))
                if (
                    not token_in_path
                    and request.headers.get("Authorization") != f"Bot {self.token}"
                ):
                    response = _error(401, 0, "401: Unauthorized")
                else:
                    response = self._route(request.method, path, dict(request.query), body)
        except Exception:
            log.exception("fake discord failed on %s %s", request.method, path)
            response = _error(500, 0, "fake discord crashed")
        record.status = response.status
        async with self._changed:
            self._changed.notify_all()
        return response

    @staticmethod
    async def _read_multipart(request: web.Request) -> Any:
        reader = await request.multipart()
        payload: Any = None
        async for part in reader:
            if getattr(part, "name", None) == "payload_json":
                payload = json.loads(await part.text())  # type: ignore[union-attr]
        return payload

    def _injected(self, method: str, path: str) -> web.Response | None:
        for failure in self.failures:
            if (
                failure.times > 0
                and failure.method == method
                and fnmatch.fnmatchcase(path, failure.pattern)
            ):
                failure.times -= 1
                return failure.response()
        return None

    def _route(self, method: str, path: str, query: dict[str, str], body: Any) -> web.Response:
        parts = path.strip("/").split("/")
        app = str(self.world.app_id)
        match (method, parts):
            case ("GET", ["users", "@me"]):
                return _json_response(self.world.bot.payload() | {"verified": True, "flags": 0})
            case ("GET", ["oauth2", "applications", "@me"]):
                return _json_response(self._application())
            case ("PUT", ["applications", a, "commands"]) if a == app:
                return _json_response(self._sync_commands(None, body))
            case ("PUT", ["applications", a, "guilds", gid, "commands"]) if a == app:
                return _json_response(self._sync_commands(int(gid), body))
            case ("GET", ["applications", a, "commands"]) if a == app:
                return _json_response(self.commands.get(None, []))
            case ("GET", ["applications", a, "guilds", gid, "commands"]) if a == app:
                return _json_response(self.commands.get(int(gid), []))
            case ("POST", ["channels", cid, "messages"]):
                return self._post_channel_message(int(cid), body)
            case ("GET", ["channels", cid]):
                channel = self.world.channel(int(cid))
                if channel is None:
                    return _error(404, 10003, "Unknown Channel")
                return _json_response(channel.payload())
            case ("POST", ["interactions", iid, token, "callback"]):
                return self._callback(int(iid), token, body, query)
            case ("POST", ["webhooks", a, token]) if a == app:
                return self._followup(token, body)
            case ("PATCH", ["webhooks", a, token, "messages", mid]) if a == app:
                return self._edit_webhook_message(token, mid, body)
            case ("GET", ["webhooks", a, token, "messages", mid]) if a == app:
                return self._get_webhook_message(token, mid)
            case ("DELETE", ["webhooks", a, token, "messages", _mid]) if a == app:
                return web.Response(status=204)
        log.warning("fake discord has no route for %s %s", method, path)
        return _error(404, 0, f"404: Not Found ({method} {path})")

    def _application(self) -> JsonObj:
        return {
            "id": str(self.world.app_id),
            "name": "treatywatch",
            "description": "",
            "icon": None,
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": self.world.owner.payload(),
            "verify_key": "0" * 64,
            "flags": 0,
            "team": None,
            "rpc_origins": [],
            "interactions_endpoint_url": None,
        }

    def _sync_commands(self, guild_id: int | None, body: Any) -> list[JsonObj]:
        synced: list[JsonObj] = []
        for cmd in body or []:
            out = dict(cmd)
            out["id"] = str(next(self._ids))
            out["application_id"] = str(self.world.app_id)
            out["version"] = str(next(self._ids))
            out.setdefault("type", 1)
            out.setdefault("options", [])
            if guild_id is not None:
                out["guild_id"] = str(guild_id)
            synced.append(out)
        self.commands[guild_id] = synced
        return synced

    def _message(
        self, channel_id: int, body: JsonObj, *, flags: int = 0, webhook_id: int | None = None
    ) -> JsonObj:
        mid = next(self._ids)
        guild = self.world.guild_of_channel(channel_id)
        message: JsonObj = {
            "id": str(mid),
            "channel_id": str(channel_id),
            "author": self.world.bot.payload(),
            "content": body.get("content") or "",
            "timestamp": "2025-01-20T12:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "pinned": False,
            "type": 0,
            "flags": flags | int(body.get("flags") or 0),
        }
        if guild is not None:
            message["guild_id"] = str(guild.id)
        if "nonce" in body:
            message["nonce"] = body["nonce"]
        if webhook_id is not None:
            message["webhook_id"] = str(webhook_id)
        self.messages[mid] = message
        return message

    def _post_channel_message(self, channel_id: int, body: Any) -> web.Response:
        channel = self.world.channel(channel_id)
        if channel is None:
            return _error(404, 10003, "Unknown Channel")
        perms = self.world.bot_permissions(channel)
        if not perms & VIEW_CHANNEL:
            return _error(403, 50001, "Missing Access")
        if not perms & SEND_MESSAGES:
            return _error(403, 50013, "Missing Permissions")
        body = body or {}
        headers: dict[str, str] = {}
        if self.rate_limits:
            limited, headers = self._channel_limit(channel_id)
            if limited is not None:
                return limited
        problems = message_problems(body)
        if problems:
            errors = {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH", "message": p} for p in problems]}
            return _json_response(
                {"code": 50035, "message": "Invalid Form Body", "errors": errors}, status=400
            )
        if body.get("enforce_nonce") and body.get("nonce") is not None:
            # Discord answers a repeated nonce with the message it already created.
            known = self._nonces.get((str(channel_id), str(body["nonce"])))
            if known is not None:
                return _json_response(self.messages[known], headers=headers)
        if body.get("embeds") and not perms & EMBED_LINKS:
            # Discord drops the embeds silently; a bot that relies on them must check first.
            body = {**body, "embeds": []}
        message = self._message(channel_id, body)
        if body.get("nonce") is not None:
            self._nonces[(str(channel_id), str(body["nonce"]))] = int(message["id"])
        return _json_response(message, headers=headers)

    def _over_global_limit(self, path: str) -> web.Response | None:
        """50 requests a second per bot; interaction callbacks and webhooks do not count."""
        if path.startswith(("/interactions/", "/webhooks/")):
            return None
        now = time.monotonic()
        while self._recent and self._recent[0] <= now - 1.0:
            self._recent.popleft()
        if len(self._recent) < GLOBAL_RATE:
            self._recent.append(now)
            return None
        self.rate_limited["global"] += 1
        retry_after = round(max(0.001, self._recent[0] + 1.0 - now), 3)
        headers = {
            "Retry-After": f"{retry_after:g}",
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "Via": "1.1 google",
        }
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": True,
        }
        return _json_response(body, status=429, headers=headers)

    def _channel_limit(self, channel_id: int) -> tuple[web.Response | None, dict[str, str]]:
        """5 messages per 5 s per channel, a fixed window, told in ``X-RateLimit-*``."""
        limit, window = CHANNEL_RATE
        now = time.monotonic()
        started, used = self._channel_windows.get(channel_id, (now, 0))
        if now >= started + window:
            started, used = now, 0
        reset_after = max(0.001, started + window - now)
        headers = {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Bucket": "fake-channel-messages",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
        }
        if used >= limit:
            self.rate_limited["channel"] += 1
            headers |= {
                "X-RateLimit-Remaining": "0",
                "Retry-After": f"{reset_after:.3f}",
                "X-RateLimit-Scope": "user",
                "Via": "1.1 google",
            }
            body = {
                "message": "You are being rate limited.",
                "retry_after": round(reset_after, 3),
                "global": False,
            }
            return _json_response(body, status=429, headers=headers), headers
        self._channel_windows[channel_id] = (started, used + 1)
        headers["X-RateLimit-Remaining"] = str(limit - used - 1)
        return None, headers

    def _callback(
        self, interaction_id: int, token: str, body: Any, query: dict[str, str]
    ) -> web.Response:
        if self._interactions_by_token.get(token) != interaction_id:
            return _error(404, 10062, "Unknown interaction")
        earlier = [
            r
            for r in self.requests[:-1]
            if r.matches("POST", f"/interactions/{interaction_id}/{token}/callback")
            and r.status == 200
        ]
        if earlier:
            return _error(400, 40060, "Interaction has already been acknowledged.")
        rtype = int(body["type"])
        data = body.get("data") or {}
        interaction: JsonObj = {
            "id": str(interaction_id),
            "type": 2,
            "response_message_loading": rtype == 5,
            "response_message_ephemeral": bool(int(data.get("flags") or 0) & 64),
        }
        resource: JsonObj = {"type": rtype}
        if rtype in (4, 5, 7):
            channel_id = int(self._interaction_channel(interaction_id))
            if rtype == 7:
                # UPDATE_MESSAGE edits the message the component was on.
                message = self._update_component_message(interaction_id, data)
            else:
                message = self._message(channel_id, data, webhook_id=self.world.app_id)
                if rtype == 5:
                    message["flags"] = int(message["flags"]) | 128  # LOADING
            self.response_messages[interaction_id] = int(message["id"])
            interaction["response_message_id"] = message["id"]
            resource["message"] = message
        if query.get("with_response") in ("1", "true", "True"):
            return _json_response({"interaction": interaction, "resource": resource})
        return web.Response(status=204)

    def _interaction_channel(self, interaction_id: int) -> str:
        for frame in reversed(self._session_log):
            d = frame.get("d") or {}
            if frame.get("t") == "INTERACTION_CREATE" and d.get("id") == str(interaction_id):
                return str(d["channel_id"])
        return str(self.world.alerts.id)

    def _update_component_message(self, interaction_id: int, data: JsonObj) -> JsonObj:
        for frame in reversed(self._session_log):
            d = frame.get("d") or {}
            if frame.get("t") == "INTERACTION_CREATE" and d.get("id") == str(interaction_id):
                message = self.messages[int(d["message"]["id"])]
                for key in ("content", "embeds", "components"):
                    if key in data:
                        message[key] = data[key]
                return message
        raise KeyError(interaction_id)

    def _followup(self, token: str, body: Any) -> web.Response:
        interaction_id = self._interactions_by_token.get(token)
        if interaction_id is None:
            return _error(404, 10015, "Unknown Webhook")
        channel_id = int(self._interaction_channel(interaction_id))
        return _json_response(self._message(channel_id, body or {}, webhook_id=self.world.app_id))

    def _webhook_message_id(self, token: str, mid: str) -> int | None:
        interaction_id = self._interactions_by_token.get(token)
        if interaction_id is None:
            return None
        if mid == "@original":
            return self.response_messages.get(interaction_id)
        return int(mid)

    def _edit_webhook_message(self, token: str, mid: str, body: Any) -> web.Response:
        message_id = self._webhook_message_id(token, mid)
        if message_id is None or message_id not in self.messages:
            return _error(404, 10008, "Unknown Message")
        message = self.messages[message_id]
        for key in ("content", "embeds", "components"):
            if body and key in body:
                message[key] = body[key]
        message["flags"] = int(message["flags"]) & ~128
        return _json_response(message)

    def _get_webhook_message(self, token: str, mid: str) -> web.Response:
        message_id = self._webhook_message_id(token, mid)
        if message_id is None or message_id not in self.messages:
            return _error(404, 10008, "Unknown Message")
        return _json_response(self.messages[message_id])


@contextlib.asynccontextmanager
async def running_fake(**kwargs: Any) -> Any:
    """``async with running_fake() as fake:`` — a started fake, stopped on exit."""
    fake = FakeDiscord(**kwargs)
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


async def _serve(port: int) -> None:
    fake = FakeDiscord()
    await fake.start(port)
    # One line a parent process can read to learn where the fake listens.
    sys.stdout.write(json.dumps({"api": fake.api_base_url, "gateway": fake.gateway_url}) + "\n")
    sys.stdout.flush()
    try:
        await asyncio.Event().wait()
    finally:
        await fake.stop()


if __name__ == "__main__":
    # ``python -m tests.fakes.discord_server [PORT]``: the fake as its own process, so a bot
    # under test can be killed and restarted against the same recorded state.
    logging.basicConfig(level=logging.WARNING)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
