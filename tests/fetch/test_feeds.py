from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.fetch.feeds import (
    discover_feeds,
    document_id,
    entry_to_document,
    html_to_text,
    parse_feed,
)

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)
RSS_URL = "https://news.example.com/eurasia/rss.xml"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


async def test_golden_rss2() -> None:
    feed = await parse_feed(fixture("rss2.xml"), RSS_URL, "application/rss+xml", now=NOW)
    assert feed.ok
    assert feed.title == "Eurasia Desk"
    assert feed.version == "rss20"
    assert feed.warning is None
    # Five items, one duplicate guid: four entries, newest first, undated last.
    assert [e.title for e in feed.entries] == [
        "Scheduled: treaty anniversary",
        "Duma ratifies the treaty",
        "Russia and Iran sign strategic partnership treaty",
        "Analysis: no mutual defence clause",
    ]
    future, duma, signed, undated = feed.entries
    assert future.published == NOW  # 2100 clamped to the fetch time
    assert duma.guid == "https://news.example.com/eurasia/duma-ratifies"  # link as id
    assert duma.summary == "The State Duma ratified the Russia–Iran treaty."
    assert duma.content == ""
    assert duma.text == duma.summary
    assert signed.guid == "eurasia-1001"
    assert signed.published == datetime(2025, 1, 17, 11, 30, tzinfo=UTC)
    assert signed.summary == "Putin and Pezeshkian signed the pact in Moscow."
    assert signed.content == (
        "Vladimir Putin and Masoud Pezeshkian signed a comprehensive strategic partnership "
        "treaty in Moscow on Friday.\n\nThe treaty is valid for 20 years."
    )
    assert signed.text == signed.content
    assert undated.link is None and undated.published is None
    assert undated.guid.startswith("sha256:")
    assert feed.total_entries == 4


async def test_golden_atom() -> None:
    feed = await parse_feed(
        fixture("atom.xml"), "https://atom.example.org/feed.atom", "application/atom+xml", now=NOW
    )
    assert feed.ok and feed.version == "atom10"
    assert feed.title == "Treaty Watchers"
    majlis, signed = feed.entries
    assert majlis.guid == "tag:atom.example.org,2025:majlis"
    assert majlis.link == "https://atom.example.org/2025/majlis"
    assert majlis.published == datetime(2025, 5, 21, 4, 30, tzinfo=UTC)
    assert majlis.updated == datetime(2025, 5, 21, 5, 30, tzinfo=UTC)
    assert majlis.content == (
        "Iran's parliament approved the comprehensive strategic partnership treaty with Russia."
    )
    assert majlis.summary == "The Majlis approved it."
    # No <published>: the updated date stands in.
    assert signed.published == datetime(2025, 1, 17, 12, 0, tzinfo=UTC)


async def test_stable_ids_and_hashes_across_parses() -> None:
    a = await parse_feed(fixture("rss2.xml"), RSS_URL, None, now=NOW)
    b = await parse_feed(fixture("rss2.xml"), RSS_URL, None, now=NOW)
    assert [(e.guid, e.content_hash) for e in a.entries] == [
        (e.guid, e.content_hash) for e in b.entries
    ]
    assert len({e.content_hash for e in a.entries}) == len(a.entries)


async def test_edited_text_changes_the_hash_but_markup_alone_does_not() -> None:
    base = fixture("rss2.xml")
    edited = base.replace(b"valid for 20 years", b"valid for 25 years")
    restyled = base.replace(b"<p>The treaty is valid", b"<p class='x'>The treaty is valid")
    feeds = [await parse_feed(b, RSS_URL, None, now=NOW) for b in (base, edited, restyled)]
    signed = [next(e for e in f.entries if e.guid == "eurasia-1001") for f in feeds]
    assert signed[0].content_hash != signed[1].content_hash
    assert signed[0].content_hash == signed[2].content_hash


def _rss(items: str, decl: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return f'{decl}<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'


async def test_cap_per_poll_keeps_the_newest() -> None:
    items = "".join(
        f"<item><title>n{i}</title><guid>g{i}</guid>"
        f"<pubDate>{(i % 28) + 1:02d} Jan 2025 {i % 24:02d}:00:00 GMT</pubDate></item>"
        for i in range(3000)
    )
    feed = await parse_feed(_rss(items).encode(), RSS_URL, None, now=NOW, max_entries=50)
    assert len(feed.entries) == 50
    assert feed.total_entries == 3000
    dates = [e.published for e in feed.entries]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    assert dates[0] == datetime(2025, 1, 28, 23, 0, tzinfo=UTC)


async def test_duplicate_guid_keeps_the_newest_copy() -> None:
    items = (
        "<item><title>old</title><guid>x</guid><pubDate>01 Jan 2025 00:00:00 GMT</pubDate></item>"
        "<item><title>new</title><guid>x</guid><pubDate>02 Jan 2025 00:00:00 GMT</pubDate></item>"
    )
    feed = await parse_feed(_rss(items).encode(), RSS_URL, None, now=NOW)
    assert [e.title for e in feed.entries] == ["new"]


async def test_undeclared_latin1_text_comes_out_right() -> None:
    body = _rss("<item><title>Président à Téhéran</title><guid>1</guid></item>", "")
    feed = await parse_feed(body.encode("latin-1"), RSS_URL, "text/xml", now=NOW)
    assert feed.ok
    assert feed.entries[0].title == "Président à Téhéran"


async def test_utf8_declared_but_windows_1252_text_comes_out_right() -> None:
    body = _rss("<item><title>Président – €5bn</title><guid>1</guid></item>")
    feed = await parse_feed(body.encode("cp1252"), RSS_URL, "application/rss+xml", now=NOW)
    assert feed.entries[0].title == "Président – €5bn"
    assert feed.warning is not None  # the lie is reported


@pytest.mark.parametrize("where", ["xml", "header"])
async def test_utf8_body_declared_single_byte_comes_out_right(where: str) -> None:
    title = "Président Пезешкиан – договор"
    decl = '<?xml version="1.0" encoding="windows-1251"?>' if where == "xml" else ""
    header = "application/xml; charset=windows-1251" if where == "header" else "application/xml"
    body = _rss(f"<item><title>{title}</title><guid>1</guid></item>", decl)
    feed = await parse_feed(body.encode("utf-8"), RSS_URL, header, now=NOW)
    assert feed.entries[0].title == title


async def test_real_windows_1251_is_left_alone() -> None:
    title = "Путин и Пезешкиан подписали договор"
    body = _rss(
        f"<item><title>{title}</title><guid>1</guid></item>",
        '<?xml version="1.0" encoding="windows-1251"?>',
    )
    feed = await parse_feed(body.encode("cp1251"), RSS_URL, "application/xml", now=NOW)
    assert feed.entries[0].title == title


async def test_truncated_xml_keeps_recovered_entries_and_reports_why() -> None:
    body = fixture("rss2.xml")
    cut = body[: body.index(b"<title>Analysis")]
    feed = await parse_feed(cut, RSS_URL, "application/rss+xml", now=NOW)
    assert feed.ok
    assert {e.guid for e in feed.entries} >= {"eurasia-1001"}
    assert feed.warning is not None


async def test_truncated_before_any_entry_is_an_error() -> None:
    body = fixture("rss2.xml")
    cut = body[: body.index(b"<item>") + 10]
    feed = await parse_feed(cut, RSS_URL, "application/rss+xml", now=NOW)
    assert not feed.ok
    assert feed.error is not None and "Not a readable feed" in feed.error


async def test_empty_feed_is_fine_and_empty() -> None:
    feed = await parse_feed(fixture("empty.xml"), RSS_URL, "application/rss+xml", now=NOW)
    assert feed.ok
    assert feed.entries == ()
    assert feed.title == "Quiet feed"


async def test_empty_body_is_an_error() -> None:
    feed = await parse_feed(b"", RSS_URL, "application/rss+xml", now=NOW)
    assert not feed.ok
    assert feed.error == "The server sent an empty body."


async def test_wrong_content_type_still_parses() -> None:
    feed = await parse_feed(fixture("rss2.xml"), RSS_URL, "text/plain", now=NOW)
    assert feed.ok and len(feed.entries) == 4


async def test_html_page_with_autodiscovery_link() -> None:
    page = "https://news.example.com/eurasia/"
    feed = await parse_feed(fixture("page_with_feed.html"), page, "text/html", now=NOW)
    assert not feed.ok
    assert feed.discovered == (
        "https://news.example.com/eurasia/rss.xml",
        "https://news.example.com/eurasia/atom.xml",
    )
    assert feed.error is not None
    assert "https://news.example.com/eurasia/rss.xml" in feed.error


async def test_html_page_without_autodiscovery_link() -> None:
    feed = await parse_feed(fixture("page_without_feed.html"), RSS_URL, "text/html", now=NOW)
    assert not feed.ok
    assert feed.discovered == ()
    assert feed.error is not None and "does not link to one" in feed.error


async def test_garbage_is_an_error_with_the_reason() -> None:
    feed = await parse_feed(b'{"json": true}', RSS_URL, "application/json", now=NOW)
    assert not feed.ok
    assert feed.error is not None and "not well-formed" in feed.error


def test_discover_ignores_other_links_and_non_http() -> None:
    html = (
        b'<link rel="stylesheet" type="text/css" href="/a.css">'
        b'<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">'
        b'<link rel="alternate" type="text/html" href="/fr/">'
        b'<link rel="Alternate feed" type="application/atom+xml; charset=utf-8" href="a.atom">'
    )
    assert discover_feeds(html, "https://x.example/dir/page") == ["https://x.example/dir/a.atom"]


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    html = "<p>One &amp; two</p><script>alert(1)</script><p>Three<br>four</p>"
    assert html_to_text(html) == "One & two\n\nThree\n\nfour"


def test_document_ids_are_stable_and_unique_per_feed_and_guid() -> None:
    a = document_id("https://a.example/rss", "g1")
    assert a == document_id("https://a.example/rss", "g1")
    assert a != document_id("https://b.example/rss", "g1")
    assert a != document_id("https://a.example/rss", "g2")
    assert a.startswith("feed:") and len(a.split(":")[1]) == 12 and len(a.split(":")[2]) == 16


async def test_entry_to_document() -> None:
    feed = await parse_feed(fixture("rss2.xml"), RSS_URL, None, now=NOW)
    signed = next(e for e in feed.entries if e.guid == "eurasia-1001")
    doc = entry_to_document(signed, feed.title, RSS_URL)
    assert doc.doc_id == document_id(RSS_URL, "eurasia-1001")
    assert doc.title == signed.title
    assert doc.text == signed.content
    assert doc.link == "https://news.example.com/eurasia/treaty-signed"
    assert doc.outlet == "Eurasia Desk"
    assert doc.feed == RSS_URL
    assert doc.published == signed.published
    assert entry_to_document(signed, None, RSS_URL, text="full").text == "full"


async def test_bare_guids_do_not_depend_on_the_fetch_url_and_links_are_absolute() -> None:
    body = _rss(
        "<item><title>a</title><link>/rel/a</link><guid>brief-1</guid></item>"
        "<item><title>b</title><link>javascript:alert(1)</link><guid>brief-2</guid></item>"
    ).encode()
    one = await parse_feed(body, "https://one.example/feed", None, now=NOW)
    two = await parse_feed(body, "https://two.example/x/feed", None, now=NOW)
    assert [e.guid for e in one.entries] == ["brief-1", "brief-2"]
    assert [e.guid for e in two.entries] == ["brief-1", "brief-2"]
    assert one.entries[0].link == "https://one.example/rel/a"
    assert two.entries[0].link == "https://two.example/rel/a"
    assert one.entries[1].link is None
