"""Finds the shipped seed articles and their ``sources.toml``, and reads them as Documents.

The seeds live in ``seeds/`` beside ``bot/`` in a checkout; an installed wheel carries them
as package data in ``bot/seeds/`` (pyproject maps package ``bot.seeds`` to ``seeds/``).
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from importlib.resources import files
from pathlib import Path

from bot.errors import TreatywatchError
from bot.model import Document

logger = logging.getLogger(__name__)

SOURCES_FILE = "sources.toml"
_SOURCE_KEYS = frozenset({"outlet", "headline", "published", "notes"})


class SeedDataError(TreatywatchError):
    """The shipped seed files are missing or inconsistent (a broken checkout or install)."""


@dataclass(frozen=True, slots=True)
class SeedSource:
    """What ``sources.toml`` says about one seed file; None where the text does not tell."""

    notes: str
    outlet: str | None = None
    headline: str | None = None
    published: datetime | None = None


def seed_dir() -> Path:
    """The directory holding the seed ``.txt`` files and ``sources.toml``."""
    # Installed wheel: package data sits in bot/seeds/. (bot/seeds.py is this module, so the
    # data directory is reached through its parent package rather than imported by name.)
    installed = files("bot").joinpath("seeds")
    if isinstance(installed, Path) and (installed / SOURCES_FILE).is_file():
        return installed
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    if (checkout / SOURCES_FILE).is_file():
        return checkout
    raise SeedDataError(
        f"the seed articles are missing: no {SOURCES_FILE} in {installed} or {checkout}",
        hint="Reinstall treatywatch (`pip install .`) from a complete checkout.",
    )


def seed_files(directory: Path | None = None) -> list[Path]:
    """The seed article files in ``directory`` (default: :func:`seed_dir`), in name order."""
    return sorted((directory or seed_dir()).glob("*.txt"))


def load_seed_sources(directory: Path | None = None) -> dict[str, SeedSource]:
    """``sources.toml`` as a mapping from document id (the file stem) to its description."""
    path = (directory or seed_dir()) / SOURCES_FILE
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise SeedDataError(f"{path}: cannot read: {err}") from err
    return {doc_id: _parse_source(path, doc_id, table) for doc_id, table in raw.items()}


def load_seed_documents(directory: Path | None = None) -> list[Document]:
    """Every seed article as a Document, in file-name order.

    ``directory`` defaults to the shipped seeds (:func:`seed_dir`).

    ``doc_id`` is the file stem, ``text`` the file's full text (chrome included: boilerplate
    removal is the extractor's job), ``title`` the headline (the doc id when it has none),
    ``outlet`` and ``published`` as ``sources.toml`` records them.
    """
    directory = directory or seed_dir()
    paths = seed_files(directory)
    sources = load_seed_sources(directory)
    stems = {path.stem for path in paths}
    if not paths:
        raise SeedDataError(f"no seed articles (*.txt) in {directory}")
    if stems != set(sources):
        raise SeedDataError(
            f"{SOURCES_FILE} and the seed files disagree: "
            f"files without an entry: {sorted(stems - set(sources)) or 'none'}; "
            f"entries without a file: {sorted(set(sources) - stems) or 'none'}"
        )
    documents = []
    for path in paths:
        source = sources[path.stem]
        try:
            # Decoded as is, without newline translation: the text is the file.
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise SeedDataError(f"{path}: cannot read: {err}") from err
        documents.append(
            Document(
                doc_id=path.stem,
                title=source.headline or path.stem,
                text=text,
                published=source.published,
                outlet=source.outlet,
            )
        )
    logger.debug("loaded %d seed documents from %s", len(documents), directory)
    return documents


def _parse_source(path: Path, doc_id: str, table: object) -> SeedSource:
    where = f"{path}: [{doc_id}]"
    if not isinstance(table, dict):
        raise SeedDataError(f"{where}: expected a table")
    unknown = set(table) - _SOURCE_KEYS
    if unknown:
        raise SeedDataError(f"{where}: unknown keys {sorted(unknown)}")
    notes = table.get("notes")
    if not isinstance(notes, str) or not notes.strip():
        raise SeedDataError(f"{where}: notes must say what the entry rests on")
    for key in ("outlet", "headline"):
        if key in table and not (isinstance(table[key], str) and table[key].strip()):
            raise SeedDataError(f"{where}: {key} must be a non-empty string")
    return SeedSource(
        notes=notes,
        outlet=table.get("outlet"),
        headline=table.get("headline"),
        published=_as_utc(where, table.get("published")),
    )


def _as_utc(where: str, value: object) -> datetime | None:
    """A TOML date or datetime as an aware UTC datetime (dates: midnight; no zone: UTC)."""
    if value is None:
        return None
    if isinstance(value, datetime):  # checked before date: a datetime is a date
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=UTC)
    raise SeedDataError(f"{where}: published must be a TOML date or date-time")
