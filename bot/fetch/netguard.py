"""The SSRF guard: which URLs and addresses the bot may fetch from.

A feed URL is user input, so without a guard ``/feeds add http://169.254.169.254/`` would
turn the bot into a probe of the network it runs in. Two checks share one address policy:

* :func:`check_url` before every request and at every redirect hop (scheme, host, and every
  address the host resolves to), so ``/feeds add`` can say why a URL is refused;
* :class:`GuardedResolver` inside the HTTP connector, which filters the addresses the socket
  will actually connect to. Checking at connect time closes the DNS-rebinding window between
  "the name resolved to a public address" and "the socket connected to 127.0.0.1".
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection

from aiohttp.abc import AbstractResolver, ResolveResult
from aiohttp.resolver import DefaultResolver
from yarl import URL

from bot.errors import UnsafeURLError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_ALLOWED_SCHEMES = frozenset({"http", "https"})
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")
_HINT = (
    "Feeds must be on the public internet. An operator can set "
    "`allow_private_networks = true` under [fetch] to allow internal hosts."
)


def address_problem(address: str | IPAddress) -> str | None:
    """Why ``address`` may not be connected to, or None when it is a public unicast address."""
    if isinstance(address, str):
        try:
            ip: IPAddress = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            return f"{address!r} is not an IP address"
    else:
        ip = address
    if isinstance(ip, ipaddress.IPv6Address):
        # Addresses that carry an IPv4 address inside are judged by that address: a public
        # NAT64 or 6to4 address is fine, ::ffff:127.0.0.1 is loopback.
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            problem = address_problem(embedded)
            return None if problem is None else f"{ip} embeds {problem}"
        if ip in _IPV4_COMPATIBLE and not ip.is_unspecified and not ip.is_loopback:
            return f"{ip} is a deprecated IPv4-compatible address"
    if ip.is_unspecified:
        return f"{ip} is the unspecified address"
    if ip.is_loopback:
        return f"{ip} is a loopback address"
    if ip.is_link_local:
        return f"{ip} is a link-local address (cloud metadata services live here)"
    if ip.is_multicast:
        return f"{ip} is a multicast address"
    if ip.is_reserved:
        return f"{ip} is a reserved address"
    if ip.is_private:
        return f"{ip} is a private network address"
    if not ip.is_global:
        return f"{ip} is not a public internet address"
    return None


def _host_allowed(host: str, port: int, allowed_hosts: Collection[str]) -> bool:
    """Whether ``host:port`` is on the explicit allow-list (exact host and port only)."""
    if not allowed_hosts:
        return False
    bare = host.strip("[]").lower()
    return f"{bare}:{port}" in allowed_hosts or f"[{bare}]:{port}" in allowed_hosts


class GuardedResolver(AbstractResolver):
    """A resolver that drops every address the guard refuses, at connect time.

    ``allowed_hosts`` holds exact ``"host:port"`` strings that are exempt (tests use it for
    their loopback server; an operator could use it for one intranet feed).
    """

    def __init__(
        self,
        inner: AbstractResolver | None = None,
        *,
        allow_private: bool = False,
        allowed_hosts: Collection[str] = (),
    ) -> None:
        self._inner = inner if inner is not None else DefaultResolver()
        self._allow_private = allow_private
        self._allowed_hosts = frozenset(h.lower() for h in allowed_hosts)

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        results = await self._inner.resolve(host, port, family)
        if self._allow_private or _host_allowed(host, port, self._allowed_hosts):
            return results
        kept = [r for r in results if address_problem(r["host"]) is None]
        if not kept:
            reasons = "; ".join(
                p for r in results if (p := address_problem(r["host"])) is not None
            )
            raise UnsafeURLError(
                f"Refused to connect to {host}: {reasons or 'it resolved to no address'}.",
                hint=_HINT,
            )
        return kept

    async def close(self) -> None:
        await self._inner.close()


def precheck_url(
    url: str | URL, allow_private: bool = False, *, allowed_hosts: Collection[str] = ()
) -> URL:
    """Check what can be checked without DNS; return the parsed URL or raise UnsafeURLError.

    Scheme, host, credentials and IP-literal hosts are judged here. Host names are left to
    :func:`check_url` (or to :class:`GuardedResolver` at connect time).
    """
    try:
        parsed = url if isinstance(url, URL) else URL(url)
    except ValueError as exc:
        raise UnsafeURLError(f"That is not a valid URL: {exc}.", hint="Check the URL.") from exc
    scheme = (parsed.scheme or "").lower()
    if scheme not in _ALLOWED_SCHEMES:
        shown = scheme or "no scheme"
        raise UnsafeURLError(
            f"Only http and https feed URLs are supported, not {shown}.",
            hint="Use a URL that starts with https:// or http://.",
        )
    host = parsed.raw_host
    if not host:
        raise UnsafeURLError("The URL has no host name.", hint="Check the URL for typos.")
    if parsed.user is not None or parsed.password is not None:
        raise UnsafeURLError(
            "URLs with a user name or password are not accepted.",
            hint="Feeds must be publicly readable without credentials.",
        )
    if allow_private or _is_exempt(parsed, allowed_hosts):
        return parsed
    literal = _literal(host)
    if literal is not None:
        problem = address_problem(literal)
        if problem is not None:
            raise UnsafeURLError(f"Refused {host}: {problem}.", hint=_HINT)
    return parsed


def _literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


def _is_exempt(parsed: URL, allowed_hosts: Collection[str]) -> bool:
    port = parsed.port or (443 if parsed.scheme.lower() == "https" else 80)
    allowed = frozenset(h.lower() for h in allowed_hosts)
    return _host_allowed(parsed.raw_host or "", port, allowed)


async def check_url(
    url: str | URL,
    allow_private: bool = False,
    *,
    resolver: AbstractResolver | None = None,
    allowed_hosts: Collection[str] = (),
) -> None:
    """Raise :class:`UnsafeURLError` with a readable reason unless ``url`` may be fetched.

    Checks the scheme, then resolves the host and refuses it if *any* of its addresses is
    non-public: a name that mixes public and private addresses is an attack, not a feed.
    DNS failures are not a safety problem and propagate as ``OSError`` to the caller.
    """
    parsed = precheck_url(url, allow_private, allowed_hosts=allowed_hosts)
    host = parsed.raw_host or ""
    if allow_private or _is_exempt(parsed, allowed_hosts) or _literal(host) is not None:
        return
    port = parsed.port or (443 if parsed.scheme.lower() == "https" else 80)
    own = resolver is None
    active = resolver if resolver is not None else DefaultResolver()
    try:
        results = await active.resolve(host, port, socket.AF_UNSPEC)
    finally:
        if own:
            await active.close()
    problems = [p for r in results if (p := address_problem(r["host"])) is not None]
    if problems:
        raise UnsafeURLError(f"Refused {host}: {problems[0]}.", hint=_HINT)
    if not results:
        raise UnsafeURLError(f"{host} resolved to no address.", hint="Check the host name.")
