"""The baseline built from the real seeds: clean claims, merged sources, disputed pairs."""

from __future__ import annotations

import pytest

from bot.baseline import Baseline, build_baseline

CHROME = (
    "Terms of use",
    "Leave a Reply",
    "Back to top",
    "Photo:",
    "Related",
    "http",
    "pdfshare",
    "Editor in chief",
    "email address",
    "2025-01-17 19:13",
)


@pytest.fixture(scope="module")
def baseline() -> Baseline:
    return build_baseline()


def test_no_page_chrome_reaches_the_baseline(baseline: Baseline) -> None:
    texts = [k.text for k in baseline.claims]
    assert len(texts) > 30
    for chrome in CHROME:
        assert not any(chrome in text for text in texts), chrome


def test_every_seed_contributes_and_every_claim_names_its_sources(baseline: Baseline) -> None:
    docs = {s.doc_id for k in baseline.claims for s in k.sources}
    assert len(docs) == 5
    assert all(k.baseline and k.sources for k in baseline.claims)
    assert len({k.id for k in baseline.claims}) == len(baseline.claims)


def test_background_is_left_out(baseline: Baseline) -> None:
    texts = " ".join(k.text for k in baseline.claims)
    assert "Gaza" not in texts
    assert "Shahed" not in texts


def test_the_seeds_disagreements_are_reported_as_disputed_pairs(baseline: Baseline) -> None:
    reasons = [pair.reason for pair in baseline.disputed]
    assert any(r.startswith("alliance") for r in reasons), reasons
    assert any(r.startswith("text published") for r in reasons), reasons
    for pair in baseline.disputed:
        assert pair.first.claim.doc_id != pair.second.claim.doc_id
    published = next(p for p in baseline.disputed if p.reason.startswith("text published"))
    both = published.first.text + published.second.text
    assert "private" in both and "published" in both


def test_the_fingerprint_is_stable_and_follows_the_claims(baseline: Baseline) -> None:
    assert build_baseline().fingerprint == baseline.fingerprint
    fewer = build_baseline(documents=[])
    assert fewer.fingerprint != baseline.fingerprint
    assert fewer.claims == []
