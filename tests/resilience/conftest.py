"""The reference every resilience test compares with: one uninterrupted scan of the feeds."""

from __future__ import annotations

import pytest

from tests.resilience.harness import Expected, reference_scan
from tests.resilience.scenarios import FEEDS


@pytest.fixture(scope="session")
def expected(tmp_path_factory: pytest.TempPathFactory) -> Expected:
    db = tmp_path_factory.mktemp("reference") / "reference.sqlite3"
    reference = reference_scan(list(FEEDS.values()), db)
    # The fixtures must give every kind of alert something to lose or double.
    kinds = {verdict for verdict, _ in reference.alerts}
    assert kinds == {"NEW", "CONTRADICTING"}, kinds
    return reference
