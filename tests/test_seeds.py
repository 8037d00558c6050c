"""Tests for bot/seeds.py and seeds/: the five shipped articles and what sources.toml says."""

from __future__ import annotations

import shutil
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.seeds import (
    SOURCES_FILE,
    SeedDataError,
    load_seed_documents,
    load_seed_sources,
    seed_dir,
    seed_files,
)

REPO = Path(__file__).resolve().parent.parent
SHARED_SEEDS = REPO.parent / "shared" / "seeds"


def test_seed_dir_in_a_checkout_is_the_seeds_directory() -> None:
    assert seed_dir() == REPO / "seeds"


def test_five_documents_with_their_file_text() -> None:
    documents = load_seed_documents()
    assert [d.doc_id for d in documents] == [p.stem for p in seed_files()]
    assert len(documents) == 5
    for document, path in zip(documents, seed_files(), strict=True):
        assert document.text == path.read_bytes().decode("utf-8")
        assert document.text.strip()


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="no ../shared/seeds beside the checkout")
def test_seed_files_are_byte_identical_to_the_shared_originals() -> None:
    originals = sorted(SHARED_SEEDS.glob("*.txt"))
    assert [p.name for p in seed_files()] == [p.name for p in originals]
    for ours, original in zip(seed_files(), originals, strict=True):
        assert ours.read_bytes() == original.read_bytes(), ours.name


def test_sources_toml_entries_match_the_files_exactly() -> None:
    raw = tomllib.loads((seed_dir() / SOURCES_FILE).read_text(encoding="utf-8"))
    assert set(raw) == {p.stem for p in seed_files()}
    for doc_id in raw:
        assert (seed_dir() / f"{doc_id}.txt").is_file()


def test_every_entry_explains_itself_and_quotes_headlines_verbatim() -> None:
    sources = load_seed_sources()
    for doc_id, source in sources.items():
        assert len(source.notes) > 40, doc_id
        if source.headline is not None:
            text = (seed_dir() / f"{doc_id}.txt").read_text(encoding="utf-8")
            assert source.headline in text.splitlines(), doc_id


def test_what_the_texts_tell_about_their_sources() -> None:
    documents = {d.doc_id: d for d in load_seed_documents()}
    assert documents["000_cb8af782190ea5d2"].outlet == "Novaya Gazeta Europe"
    assert documents["001_a16048bde2f63942"].outlet == "DayFR Euro"
    assert documents["001_a16048bde2f63942"].published == datetime(2025, 1, 17, tzinfo=UTC)
    assert documents["002_ce4ed203da5d84de"].published == datetime(
        2025, 1, 17, 19, 13, tzinfo=UTC
    )
    # 003 names no headline, outlet or date; 004's "Reuters contributed" is not its outlet.
    untitled = documents["003_034687a7eadfa646"]
    assert (untitled.title, untitled.outlet, untitled.published) == (
        "003_034687a7eadfa646", None, None,
    )
    assert documents["004_c31c6009d8006d67"].outlet is None
    assert documents["004_c31c6009d8006d67"].title.startswith("Tehran suggests")


# --- A broken seed directory is a clear error ------------------------------------------------


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "seeds"
    shutil.copytree(seed_dir(), copy)
    return copy


def test_a_copied_seed_directory_loads(seed_copy: Path) -> None:
    assert len(load_seed_documents(seed_copy)) == 5


def test_a_seed_file_without_an_entry_is_refused(seed_copy: Path) -> None:
    (seed_copy / "005_extra.txt").write_text("Some article.\n", encoding="utf-8")
    with pytest.raises(SeedDataError, match=r"files without an entry: \['005_extra'\]"):
        load_seed_documents(seed_copy)


def test_an_entry_without_a_file_is_refused(seed_copy: Path) -> None:
    next(seed_copy.glob("000_*.txt")).unlink()
    with pytest.raises(SeedDataError, match=r"entries without a file: \['000_"):
        load_seed_documents(seed_copy)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ('outlet = "X"', "notes must say what the entry rests on"),
        ('notes = "n"\nauthor = "X"', r"unknown keys \['author'\]"),
        ('notes = "n"\nheadline = ""', "headline must be a non-empty string"),
        ('notes = "n"\npublished = "yesterday"', "published must be a TOML date or date-time"),
    ],
)
def test_a_malformed_entry_is_refused(seed_copy: Path, entry: str, message: str) -> None:
    sources = seed_copy / SOURCES_FILE
    sources.write_text(
        sources.read_text(encoding="utf-8") + f"\n[005_extra]\n{entry}\n", encoding="utf-8"
    )
    with pytest.raises(SeedDataError, match=message):
        load_seed_sources(seed_copy)


def test_offset_datetimes_are_converted_to_utc(seed_copy: Path) -> None:
    (seed_copy / SOURCES_FILE).write_text(
        '[a]\nnotes = "n"\npublished = 2025-01-17T22:13:00+03:00\n', encoding="utf-8"
    )
    assert load_seed_sources(seed_copy)["a"].published == datetime(
        2025, 1, 17, 19, 13, tzinfo=UTC
    )


def test_missing_sources_file_is_a_clear_error(seed_copy: Path) -> None:
    (seed_copy / SOURCES_FILE).unlink()
    with pytest.raises(SeedDataError, match="cannot read"):
        load_seed_documents(seed_copy)
