"""Validates the labelled evaluation data in bench/eval/ and the example feed in examples/.

These files are ground truth that the engine is tuned and scored against, so their shape is
checked here: a malformed line, a label that no longer occurs in its article, a seed reference
that drifted from the seeds, or a held-out split that stopped being a quarter would silently
skew every accuracy figure.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import pytest
from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "bench" / "eval"
SEEDS = ROOT / "seeds"
FEED = ROOT / "examples" / "treaty-news.xml"

VERDICTS = {"KNOWN", "NEW", "CONTRADICTING", "IRRELEVANT"}
CATEGORY_VERDICTS = {
    "paraphrase": {"KNOWN"},
    "number_word": {"KNOWN"},
    "translation_variant": {"KNOWN"},
    "new_detail": {"NEW"},
    "contra_number": {"CONTRADICTING"},
    "contra_date": {"CONTRADICTING"},
    "contra_polarity": {"CONTRADICTING"},
    "contra_actor": {"CONTRADICTING"},
    "contra_duration": {"CONTRADICTING"},
    "contra_count": {"CONTRADICTING"},
    "contra_alliance": {"CONTRADICTING"},
    # Traps look like contradictions and must never be labelled as one.
    "trap_other_treaty": {"KNOWN", "IRRELEVANT"},
    "trap_other_year": {"KNOWN", "IRRELEVANT"},
    "trap_quoted_denial": {"KNOWN", "IRRELEVANT"},
    "irrelevant_background": {"IRRELEVANT"},
    "chrome": {"IRRELEVANT"},
}
STATIC_FIELDS = {"id", "claim", "verdict", "category", "seed_ref", "note"}
SEQ_FIELDS = {"id", "published", "title", "outlet", "link", "split", "text", "labels"}
LABEL_FIELDS = {"text", "verdict", "note"}
HELDOUT_SHARE = (0.20, 0.33)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"{path.name}:{number}: blank line"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            pytest.fail(f"{path.name}:{number}: invalid JSON: {exc}")
        assert isinstance(row, dict), f"{path.name}:{number}: not an object"
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def static_dev() -> list[dict[str, Any]]:
    return _read_jsonl(EVAL / "static_dev.jsonl")


@pytest.fixture(scope="module")
def static_heldout() -> list[dict[str, Any]]:
    return _read_jsonl(EVAL / "static_heldout.jsonl")


@pytest.fixture(scope="module")
def sequential() -> list[dict[str, Any]]:
    return _read_jsonl(EVAL / "sequential.jsonl")


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    assert len(texts) == 5
    return texts


# ---------------------------------------------------------------------------- static set


@pytest.mark.parametrize(("name", "prefix"), [("dev", "sd"), ("heldout", "sh")])
def test_static_rows_have_the_documented_shape(
    name: str, prefix: str, static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]]
) -> None:
    rows = static_dev if name == "dev" else static_heldout
    for row in rows:
        where = row.get("id", "?")
        assert set(row) == STATIC_FIELDS, f"{where}: fields {sorted(row)}"
        assert row["id"].startswith(prefix) and row["id"][len(prefix) :].isdigit(), where
        assert isinstance(row["claim"], str) and row["claim"].strip() == row["claim"] != ""
        assert "\n" not in row["claim"], where
        assert row["verdict"] in VERDICTS, where
        assert row["category"] in CATEGORY_VERDICTS, f"{where}: category {row['category']}"
        assert row["verdict"] in CATEGORY_VERDICTS[row["category"]], (
            f"{where}: {row['category']} cannot be {row['verdict']}"
        )
        assert isinstance(row["note"], str) and row["note"].strip(), where
        assert row["seed_ref"] is None or isinstance(row["seed_ref"], str), where


def test_static_ids_and_claims_are_unique(
    static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]]
) -> None:
    rows = static_dev + static_heldout
    ids = Counter(r["id"] for r in rows)
    claims = Counter(r["claim"].casefold() for r in rows)
    assert not [i for i, n in ids.items() if n > 1]
    assert not [c for c, n in claims.items() if n > 1]


def test_static_seed_refs_are_verbatim_seed_text(
    static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]], seed_texts: list[str]
) -> None:
    for row in static_dev + static_heldout:
        ref = row["seed_ref"]
        if row["verdict"] in {"KNOWN", "CONTRADICTING"}:
            # Judged against the seeds alone: the evidence must be a seed sentence.
            assert ref, f"{row['id']}: {row['verdict']} needs the seed sentence it relates to"
        if row["verdict"] == "NEW":
            assert ref is None, f"{row['id']}: NEW means no seed says it"
        if ref is not None:
            assert any(ref in text for text in seed_texts), f"{row['id']}: seed_ref not in seeds"


def test_probes_have_the_static_shape_and_verbatim_seed_refs(seed_texts: list[str]) -> None:
    """Development probes (bench/eval/probes) follow the static format, ids fp### (freshN),
    or the sequential one, ids qp## in date order (seqN)."""
    probes = sorted((EVAL / "probes").glob("*.jsonl"))
    assert probes
    for path in probes:
        rows = _read_jsonl(path)
        if path.stem.startswith("seq"):
            for row in rows:
                _check_article_shape(row, "qp")
                _check_labels_cover_the_text(row)
            times = [_published(r) for r in rows]
            assert times == sorted(times), f"{path.name}: articles out of date order"
            continue
        for row in rows:
            where = f"{path.name}:{row.get('id')}"
            assert set(row) == STATIC_FIELDS, where
            assert row["id"].startswith("fp") and row["id"][2:].isdigit(), where
            assert row["verdict"] in CATEGORY_VERDICTS[row["category"]], where
            ref = row["seed_ref"]
            # As in the static set: an IRRELEVANT claim may name the seed text it echoes.
            if row["verdict"] != "IRRELEVANT":
                assert (ref is None) == (row["verdict"] == "NEW"), where
            assert ref is None or any(ref in text for text in seed_texts), where


def test_static_sizes_and_heldout_share(
    static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]]
) -> None:
    assert len(static_dev) >= 160
    assert len(static_heldout) >= 60
    total = len(static_dev) + len(static_heldout)
    assert total >= 200
    low, high = HELDOUT_SHARE
    assert low <= len(static_heldout) / total <= high
    verdicts = Counter(r["verdict"] for r in static_dev + static_heldout)
    for verdict in ("KNOWN", "NEW", "CONTRADICTING"):
        assert verdicts[verdict] >= 40, f"only {verdicts[verdict]} {verdict}"


@pytest.mark.parametrize("name", ["dev", "heldout"])
def test_every_verdict_and_category_in_each_static_split(
    name: str, static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]]
) -> None:
    rows = static_dev if name == "dev" else static_heldout
    assert {r["verdict"] for r in rows} == VERDICTS
    assert {r["category"] for r in rows} == set(CATEGORY_VERDICTS)


def test_heldout_claims_are_worded_differently_from_dev(
    static_dev: list[dict[str, Any]], static_heldout: list[dict[str, Any]]
) -> None:
    dev_claims = [r["claim"] for r in static_dev]
    for row in static_heldout:
        closest = max(fuzz.ratio(row["claim"], claim) for claim in dev_claims)
        assert closest < 85, f"{row['id']} is nearly a copy of a dev claim ({closest:.0f})"


# ---------------------------------------------------------------------------- sequential set


def _published(row: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(row["published"].replace("Z", "+00:00"))


def _check_article_shape(row: dict[str, Any], prefix: str) -> None:
    where = row.get("id", "?")
    assert set(row) == SEQ_FIELDS, f"{where}: fields {sorted(row)}"
    assert row["id"].startswith(prefix) and row["id"][len(prefix) :].isdigit(), where
    assert _published(row).tzinfo is not None, where
    assert row["split"] in {"dev", "heldout"}, where
    assert row["link"].startswith("https://example.org/"), where
    assert row["title"].strip() and row["outlet"].strip(), where
    assert isinstance(row["labels"], list) and 4 <= len(row["labels"]) <= 14, where
    for label in row["labels"]:
        assert set(label) == LABEL_FIELDS, f"{where}: label fields {sorted(label)}"
        assert label["verdict"] in VERDICTS, where
        assert label["text"].strip() and label["note"].strip(), where


def _check_labels_cover_the_text(row: dict[str, Any]) -> None:
    rest = row["text"]
    for label in row["labels"]:
        assert row["text"].count(label["text"]) == 1, (
            f"{row['id']}: label not found exactly once: {label['text'][:60]!r}"
        )
        rest = rest.replace(label["text"], "", 1)
    assert not rest.strip(), f"{row['id']}: unlabelled text {rest.strip()[:80]!r}"


def test_sequential_rows_have_the_documented_shape(sequential: list[dict[str, Any]]) -> None:
    for row in sequential:
        _check_article_shape(row, "q")


def test_sequential_ids_unique_and_sorted_by_published(sequential: list[dict[str, Any]]) -> None:
    assert len(sequential) >= 16
    assert len({r["id"] for r in sequential}) == len(sequential)
    times = [_published(r) for r in sequential]
    assert times == sorted(times), "articles must be in the order they are processed"
    assert times[0] >= datetime.fromisoformat("2025-01-18T00:00:00+00:00")


def test_every_label_occurs_verbatim_and_every_sentence_is_labelled(
    sequential: list[dict[str, Any]],
) -> None:
    for row in sequential:
        _check_labels_cover_the_text(row)


def test_sequential_heldout_share_and_verdicts(sequential: list[dict[str, Any]]) -> None:
    heldout = [r for r in sequential if r["split"] == "heldout"]
    low, high = HELDOUT_SHARE
    assert low <= len(heldout) / len(sequential) <= high
    # Spread across the timeline: at least one held-out article in each half.
    half = len(sequential) // 2
    assert any(r["split"] == "heldout" for r in sequential[:half])
    assert any(r["split"] == "heldout" for r in sequential[half:])
    for split in ("dev", "heldout"):
        verdicts = {
            lab["verdict"] for r in sequential if r["split"] == split for lab in r["labels"]
        }
        assert verdicts == VERDICTS, f"{split}: {sorted(verdicts)}"


def test_sequential_text_carries_chrome_and_paragraphs(sequential: list[dict[str, Any]]) -> None:
    irrelevant = sum(1 for r in sequential for lab in r["labels"] if lab["verdict"] == "IRRELEVANT")
    assert irrelevant >= len(sequential)
    assert all("\n\n" in r["text"] for r in sequential)


# ---------------------------------------------------------------------------- example feed


def test_example_feed_parses_with_the_expected_items() -> None:
    parsed = feedparser.parse(str(FEED))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.feed.title == "Treaty Watch example feed"
    assert len(parsed.entries) == 7
    guids = set()
    for entry in parsed.entries:
        assert entry.get("id") and entry.id not in guids
        guids.add(entry.id)
        assert entry.link.startswith("https://example.org/")
        assert entry.get("published_parsed") is not None
        assert len(entry.get("description", "")) > 100
    years = {entry.published_parsed.tm_year for entry in parsed.entries}
    assert years == {2025}
