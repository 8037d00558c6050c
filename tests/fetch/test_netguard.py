from __future__ import annotations

import socket

import pytest
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.errors import UnsafeURLError
from bot.fetch.netguard import GuardedResolver, address_problem, check_url


class FakeResolver(AbstractResolver):
    """Answers from a table; a list of answers per host is served one per call (rebinding)."""

    def __init__(self, table: dict[str, list[list[str]]]) -> None:
        self.table = table
        self.calls: list[str] = []
        self.closed = False

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        self.calls.append(host)
        answers = self.table[host]
        addresses = answers.pop(0) if len(answers) > 1 else answers[0]
        return [
            ResolveResult(
                hostname=host,
                host=a,
                port=port,
                family=socket.AF_INET6 if ":" in a else socket.AF_INET,
                proto=0,
                flags=0,
            )
            for a in addresses
        ]

    async def close(self) -> None:
        self.closed = True


@pytest.mark.parametrize(
    ("address", "word"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "not a public"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a00:1", "private"),
        ("2002:7f00:1::", "loopback"),
        ("::7f00:1", "IPv4-compatible"),
        ("not-an-ip", "not an IP"),
    ],
)
def test_non_public_addresses_are_refused_with_a_reason(address: str, word: str) -> None:
    problem = address_problem(address)
    assert problem is not None
    assert word in problem


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808",
     "2002:808:808::1"],
)
def test_public_addresses_pass(address: str) -> None:
    assert address_problem(address) is None


@pytest.mark.parametrize(
    ("url", "word"),
    [
        ("ftp://example.com/feed", "http and https"),
        ("file:///etc/passwd", "http and https"),
        ("gopher://example.com/", "http and https"),
        ("example.com/feed", "http and https"),
        ("http:///feed", "no host"),
        ("http://user:pw@example.com/feed", "password"),
        ("http://127.0.0.1/feed", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]:8080/", "loopback"),
        ("http://[::ffff:10.0.0.1]/", "private"),
    ],
)
async def test_check_url_refuses_without_resolving(url: str, word: str) -> None:
    resolver = FakeResolver({})
    with pytest.raises(UnsafeURLError) as info:
        await check_url(url, resolver=resolver)
    assert word in str(info.value)
    assert resolver.calls == []


async def test_check_url_resolves_names_and_refuses_any_private_answer() -> None:
    resolver = FakeResolver(
        {"mixed.test": [["93.184.216.34", "10.0.0.5"]], "good.test": [["93.184.216.34"]]}
    )
    with pytest.raises(UnsafeURLError, match="private"):
        await check_url("https://mixed.test/rss", resolver=resolver)
    await check_url("https://good.test/rss", resolver=resolver)
    assert resolver.calls == ["mixed.test", "good.test"]
    assert not resolver.closed  # a borrowed resolver is not ours to close


async def test_check_url_lets_everything_through_when_private_networks_are_allowed() -> None:
    await check_url("http://127.0.0.1:9/feed", allow_private=True)
    await check_url("http://10.0.0.1/feed", True)


async def test_allow_list_is_exact_host_and_port() -> None:
    await check_url("http://127.0.0.1:8123/feed", allowed_hosts={"127.0.0.1:8123"})
    with pytest.raises(UnsafeURLError):
        await check_url("http://127.0.0.1:8124/feed", allowed_hosts={"127.0.0.1:8123"})
    with pytest.raises(UnsafeURLError):
        await check_url("http://127.0.0.2:8123/feed", allowed_hosts={"127.0.0.1:8123"})


async def test_unsafe_url_error_carries_a_hint() -> None:
    with pytest.raises(UnsafeURLError) as info:
        await check_url("http://10.0.0.1/")
    assert info.value.hint is not None
    assert "allow_private_networks" in info.value.hint


async def test_guarded_resolver_closes_the_rebinding_window() -> None:
    # First answer (the URL check) is public; the second (the connect) is loopback.
    inner = FakeResolver({"rebind.test": [["93.184.216.34"], ["127.0.0.1"]]})
    guarded = GuardedResolver(inner)
    await check_url("http://rebind.test/", resolver=inner)
    with pytest.raises(UnsafeURLError, match="loopback"):
        await guarded.resolve("rebind.test", 80)


async def test_guarded_resolver_drops_private_answers_but_keeps_public_ones() -> None:
    inner = FakeResolver({"mixed.test": [["10.0.0.1", "93.184.216.34", "::1"]]})
    results = await GuardedResolver(inner).resolve("mixed.test", 443)
    assert [r["host"] for r in results] == ["93.184.216.34"]


async def test_guarded_resolver_honours_allow_private_and_allow_list() -> None:
    inner = FakeResolver({"intranet.test": [["10.0.0.1"]]})
    assert await GuardedResolver(inner, allow_private=True).resolve("intranet.test", 80)
    assert await GuardedResolver(inner, allowed_hosts={"intranet.test:80"}).resolve(
        "intranet.test", 80
    )
    with pytest.raises(UnsafeURLError):
        await GuardedResolver(inner, allowed_hosts={"intranet.test:81"}).resolve(
            "intranet.test", 80
        )
    await GuardedResolver(inner).close()
    assert inner.closed
