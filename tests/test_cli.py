"""Tests for bot/cli.py: every command through ``main([...])`` on real SQLite files in tmp_path.

The example feed (examples/treaty-news.xml) is scanned against the shipped seeds; verdict
details may be tuned, so these tests pin the contract (fields, exit codes, idempotence,
nothing stored by classify), not which sentence gets which verdict.
"""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_FEED = REPO / "examples" / "treaty-news.xml"
CONFIG_EXAMPLE = REPO / "config.example.toml"
VERDICTS = {"KNOWN", "NEW", "CONTRADICTING", "IRRELEVANT"}


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def row_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("verdicts", "claims", "claim_sources", "alerts", "entries")
        }


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "x.sqlite3"


@pytest.fixture
def scanned(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    """The example feed scanned once into ``db``; its JSON lines."""
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(db), "--json"]) == 0
    return json_lines(capsys.readouterr().out)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scanned database for the commands that only read it (lookup, digest)."""
    path = tmp_path_factory.mktemp("cli") / "shared.sqlite3"
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(path), "--json"]) == 0
    return path


# -- scan -----------------------------------------------------------------------------------


def test_scan_json_prints_one_object_per_judged_claim(scanned: list[dict[str, Any]]) -> None:
    assert len(scanned) > 10
    for item in scanned:
        assert set(item) >= {"verdict", "claim", "score", "match", "reason", "entry"}
        assert item["verdict"] in VERDICTS
        assert isinstance(item["claim"], str)
        assert item["claim"]
        assert isinstance(item["score"], int | float)
        assert item["reason"] is None or isinstance(item["reason"], str)
        assert item["match"] is None or set(item["match"]) >= {"id", "text", "source"}
        assert set(item["entry"]) == {"title", "link", "published", "feed"}
        assert item["entry"]["feed"] == str(EXAMPLE_FEED)
        assert item["entry"]["link"].startswith("https://example.org/")


def test_scan_exercises_every_verdict(scanned: list[dict[str, Any]]) -> None:
    assert {item["verdict"] for item in scanned} == VERDICTS


def test_contradictions_carry_their_evidence(scanned: list[dict[str, Any]]) -> None:
    contradictions = [item for item in scanned if item["verdict"] == "CONTRADICTING"]
    assert contradictions
    for item in contradictions:
        assert item["match"] is not None
        assert item["reason"]


def test_scan_processes_entries_oldest_first(scanned: list[dict[str, Any]]) -> None:
    published = [item["entry"]["published"] for item in scanned]
    assert published == sorted(published)


def test_second_scan_adds_nothing(
    db: Path, scanned: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    before = row_counts(db)
    assert before["verdicts"] == len(scanned)
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(db), "--json"]) == 0
    assert json_lines(capsys.readouterr().out) == []
    assert row_counts(db) == before


def test_scan_human_output_lists_alerts_with_evidence(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "[NEW] " in out
    assert "[CONTRADICTING] " in out
    assert "[KNOWN]" not in out
    assert "[IRRELEVANT]" not in out
    assert "conflicts with (#" in out
    assert "why:  " in out
    assert "from: " in out
    assert "Claims: " in out
    assert "7 entr(y/ies) judged, 0 already seen" in out


def test_second_human_scan_reports_entries_as_seen(
    db: Path, scanned: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "0 entr(y/ies) judged, 7 already seen" in out
    assert "Claims: 0 NEW, 0 CONTRADICTING, 0 KNOWN, 0 IRRELEVANT" in out


# -- classify -------------------------------------------------------------------------------


def test_classify_reads_stdin_and_stores_nothing(
    db: Path,
    scanned: list[dict[str, Any]],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = row_counts(db)
    monkeypatch.setattr(
        sys,
        "stdin",
        io.StringIO(
            "The treaty will remain in force for 20 years.\n"
            "\n"
            "Marine biologists counted more young sturgeon in the Caspian this spring.\n"
        ),
    )
    assert main(["classify", "--db", str(db), "--json"]) == 0
    items = json_lines(capsys.readouterr().out)
    assert [item["claim"] for item in items] == [
        "The treaty will remain in force for 20 years.",
        "Marine biologists counted more young sturgeon in the Caspian this spring.",
    ]
    for item in items:
        assert set(item) >= {"verdict", "claim", "score", "match", "reason"}
        assert "entry" not in item
        assert item["verdict"] in VERDICTS
    assert items[0]["verdict"] != "IRRELEVANT"
    assert items[0]["match"] is not None
    assert items[1]["verdict"] == "IRRELEVANT"
    assert row_counts(db) == before


def test_classify_twice_gives_the_same_verdicts(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing is learnt from stdin: a NEW claim stays NEW on the second run."""
    line = "Gazprom will deliver 55 billion cubic metres of gas a year under the treaty.\n"
    results = []
    for _ in range(2):
        monkeypatch.setattr(sys, "stdin", io.StringIO(line))
        assert main(["classify", "--db", str(db), "--json"]) == 0
        results.append(json_lines(capsys.readouterr().out))
    assert results[0] == results[1]
    assert results[0][0]["verdict"] == "NEW"


def test_classify_human_output(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("The treaty lasts 25 years, officials said.\n"))
    assert main(["classify", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[")
    assert "The treaty lasts 25 years, officials said." in out


# -- baseline, lookup, digest ---------------------------------------------------------------


def test_baseline_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline", "--json", "--db", str(db)]) == 0
    (data,) = json_lines(capsys.readouterr().out)
    assert data["claims"]
    for claim in data["claims"]:
        assert claim["baseline"] is True
        assert claim["sources"]
        assert {"quantities", "dates", "negated", "hedged", "actors"} <= set(claim["slots"])
    seeds = {s["doc_id"] for claim in data["claims"] for s in claim["sources"]}
    assert len(seeds) == 5
    assert any(
        q["unit"] == "year" and q["value"] == 20
        for claim in data["claims"]
        for q in claim["slots"]["quantities"]
    )
    assert data["disputed"]
    ids = {claim["id"] for claim in data["claims"]}
    for pair in data["disputed"]:
        assert {pair["first"], pair["second"]} <= ids
        assert pair["first"] != pair["second"]
        assert pair["reason"]


def test_baseline_human_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["baseline"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Baseline: ")
    assert "Disputed pairs (" in out


def test_lookup_json(shared_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "20 years", "--db", str(shared_db), "--json"]) == 0
    hits = json_lines(capsys.readouterr().out)
    assert 0 < len(hits) <= 10
    for hit in hits:
        assert {"id", "text", "score", "sources", "baseline"} <= set(hit)
        assert hit["sources"]
    assert hits[0]["score"] == max(hit["score"] for hit in hits)
    assert any(q["unit"] == "year" and q["value"] == 20 for q in hits[0]["slots"]["quantities"])


def test_lookup_limit(shared_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "treaty", "--limit", "2", "--db", str(shared_db), "--json"]) == 0
    assert len(json_lines(capsys.readouterr().out)) == 2


def test_lookup_finds_observed_claims(shared_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "Rasht Astara railway", "--db", str(shared_db), "--json"]) == 0
    hits = json_lines(capsys.readouterr().out)
    assert any(not hit["baseline"] and "Rasht" in hit["text"] for hit in hits)


def test_lookup_without_hits(shared_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lookup", "sturgeon poaching", "--db", str(shared_db)]) == 0
    assert "No known claim matches that query." in capsys.readouterr().out


def test_digest_after_a_scan_groups_by_topic(
    shared_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["digest", "--since", "7d", "--db", str(shared_db), "--json"]) == 0
    (data,) = json_lines(capsys.readouterr().out)
    assert data["total"] > 0
    topics = [group["topic"] for group in data["topics"]]
    assert len(topics) == len(set(topics)) > 1
    assert sum(len(group["items"]) for group in data["topics"]) == data["total"]
    verdicts = {item["verdict"] for group in data["topics"] for item in group["items"]}
    assert verdicts == {"NEW", "CONTRADICTING"}
    for group in data["topics"]:
        for item in group["items"]:
            assert item["sources"] >= 1
            assert item["links"]


def test_digest_kinds(shared_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["digest", "--since", "7d", "--kinds", "contradicting", "--db", str(shared_db)]
    assert main([*args, "--json"]) == 0
    (data,) = json_lines(capsys.readouterr().out)
    assert data["total"] > 0
    assert {i["verdict"] for g in data["topics"] for i in g["items"]} == {"CONTRADICTING"}


def test_digest_of_an_empty_database(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--since", "24h", "--db", str(db)]) == 0
    assert "Nothing new or contradicting in that period." in capsys.readouterr().out


# -- bad input ------------------------------------------------------------------------------


def test_missing_feed_file(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.xml"
    assert main(["scan", str(missing), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    assert f"{missing}: no such file" in captured.err
    assert "hint:" in captured.err
    assert captured.out == ""


def test_a_web_page_is_not_a_usable_feed(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>News</title></head>"
        "<body><p>Russia and Iran signed a treaty.</p></body></html>",
        encoding="utf-8",
    )
    assert main(["scan", str(page), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not a usable feed" in err
    assert str(page) in err


def test_a_web_page_linking_to_a_feed_says_where_it_is(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html><html><head><link rel="alternate" type="application/rss+xml" '
        'href="https://example.org/feed.xml"></head><body><p>News</p></body></html>',
        encoding="utf-8",
    )
    assert main(["scan", str(page), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "not a usable feed" in err
    assert "https://example.org/feed.xml" in err


@pytest.mark.parametrize("since", ["nonsense", "yesterday-ish", "0h", "9999d", "2999-01-01"])
def test_bad_since(db: Path, since: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--since", since, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("treatywatch digest: error: ")
    assert "hint:" in err


def test_bad_kinds(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["digest", "--kinds", "everything", "--db", str(db)]) == 1
    assert "hint:" in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["0", "101", "-3"])
def test_lookup_limit_out_of_range(
    db: Path, limit: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["lookup", "q", "--limit", limit, "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert f"--limit {limit} is out of range" in err
    assert "hint:" in err


def test_check_config_on_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(CONFIG_EXAMPLE)]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_config_names_the_bad_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[matching]\nknown_threshold = "high"\n', encoding="utf-8")
    assert main(["check-config", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "matching.known_threshold" in err
    assert str(bad) in err


def test_check_config_on_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-config", str(tmp_path / "none.toml")]) == 1
    assert "none.toml" in capsys.readouterr().err


def test_a_bad_config_fails_the_command(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[relevance]\nrussia_terms = []\n", encoding="utf-8")
    assert main(["scan", str(EXAMPLE_FEED), "--config", str(bad), "--db", str(db)]) == 1
    assert "relevance.russia_terms" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["bogus"],
        ["scan"],
        ["lookup"],
        ["lookup", "q", "--limit", "many"],
        ["scan", "--no-such-option", "x.xml"],
    ],
)
def test_argparse_misuse_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == 2
    assert "usage: treatywatch" in capsys.readouterr().err


def test_module_help_runs_as_a_subprocess() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: treatywatch" in result.stdout
    for command in ("scan", "classify", "baseline", "lookup", "digest", "check-config"):
        assert command in result.stdout
