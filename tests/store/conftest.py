"""Store fixtures: a real SQLite file in tmp_path, a frozen clock, a seeded baseline."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.clock import FrozenClock
from bot.model import KnownClaim
from bot.store import Store, open_store

from .factories import SEED_DOC, make_claim, seed_source


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "treatywatch.sqlite3"


@pytest.fixture
async def store(db_path: Path, frozen_clock: FrozenClock) -> AsyncIterator[Store]:
    async with open_store(db_path, frozen_clock) as opened:
        yield opened


@pytest.fixture
async def baseline(store: Store) -> list[KnownClaim]:
    """Two seed claims: the treaty's term and its signing."""
    claims = [
        make_claim("The treaty is valid for 20 years.", SEED_DOC, 0, topic="duration"),
        make_claim("Putin and Pezeshkian signed the treaty in Moscow.", SEED_DOC, 1,
                   topic="signing"),
    ]
    return await store.set_baseline("fp-1", [(c, [seed_source(c)]) for c in claims])
