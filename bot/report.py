"""Plain-text and JSON renderings of judgements, lookups and digests for the CLI.

Pure functions from our data types to strings or JSON-ready dicts; the JSON field names are
relied upon by users' scripts (see README), so they only ever grow.
"""

from __future__ import annotations

import textwrap
from datetime import datetime
from typing import Any

from bot.digest import Digest
from bot.lookup import LookupHit
from bot.model import Document, Judgement, KnownClaim, SourceRef, Verdict

_LABELS = {
    Verdict.NEW: "NEW",
    Verdict.CONTRADICTING: "CONTRADICTING",
    Verdict.KNOWN: "KNOWN",
    Verdict.IRRELEVANT: "IRRELEVANT",
}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def describe_source(source: SourceRef | None) -> str:
    """ "Outlet — Title" (or the document id), for a line of text or a JSON field."""
    if source is None:
        return ""
    parts = [p for p in (source.outlet, source.title) if p]
    return " — ".join(parts) if parts else source.doc_id


def match_json(known: KnownClaim | None) -> dict[str, Any] | None:
    if known is None:
        return None
    first = known.sources[0] if known.sources else None
    return {
        "id": known.id,
        "text": known.text,
        "source": describe_source(first),
        "link": first.link if first else None,
        "baseline": known.baseline,
        "sources": len(known.sources),
    }


def judgement_json(judgement: Judgement, doc: Document | None = None) -> dict[str, Any]:
    """One judged claim as the JSON object documented in README (``scan``/``classify``)."""
    claim = judgement.claim
    data: dict[str, Any] = {
        "verdict": judgement.verdict.value,
        "claim": claim.text,
        "score": judgement.score,
        "match": match_json(judgement.match),
        "reason": judgement.reason,
        "topic": claim.topic,
        "slots": {
            "quantities": [q.text for q in claim.slots.quantities],
            "dates": [d.text for d in claim.slots.dates],
            "negated": claim.slots.negated,
            "hedged": claim.slots.hedged,
            "actors": list(claim.slots.actors),
        },
    }
    if doc is not None:
        data["entry"] = {
            "title": doc.title,
            "link": doc.link,
            "published": _iso(doc.published),
            "feed": doc.feed,
        }
    return data


def judgement_text(judgement: Judgement, doc: Document | None = None) -> str:
    """A readable block for one NEW or CONTRADICTING claim with its evidence."""
    lines = [f"[{_LABELS[judgement.verdict]}] {judgement.claim.text}"]
    if doc is not None:
        when = f" ({doc.published:%Y-%m-%d})" if doc.published else ""
        lines.append(f"    from: {doc.title}{when}" + (f" <{doc.link}>" if doc.link else ""))
    if judgement.reason:
        lines.append(f"    why:  {judgement.reason}")
    if judgement.match is not None:
        label = "conflicts with" if judgement.verdict is Verdict.CONTRADICTING else "closest known"
        first = judgement.match.sources[0] if judgement.match.sources else None
        wrapped = textwrap.shorten(judgement.match.text, width=200, placeholder=" …")
        lines.append(f"    {label} (#{judgement.match.id}, score {judgement.score:.0f}): {wrapped}")
        if first is not None:
            lines.append(f"        source: {describe_source(first)}")
    return "\n".join(lines)


def known_json(known: KnownClaim) -> dict[str, Any]:
    return {
        "id": known.id,
        "text": known.text,
        "baseline": known.baseline,
        "topic": known.claim.topic,
        "first_seen": _iso(known.first_seen),
        "sources": [
            {
                "doc_id": s.doc_id,
                "sentence": s.sentence_index,
                "title": s.title,
                "outlet": s.outlet,
                "link": s.link,
                "published": _iso(s.published),
            }
            for s in known.sources
        ],
        "slots": {
            "quantities": [
                {"value": q.value, "unit": q.unit, "text": q.text}
                for q in known.claim.slots.quantities
            ],
            "dates": [
                {"text": d.text, "year": d.year, "month": d.month, "day": d.day, "event": d.event}
                for d in known.claim.slots.dates
            ],
            "negated": known.claim.slots.negated,
            "hedged": known.claim.slots.hedged,
            "actors": list(known.claim.slots.actors),
            "roles": [list(r) for r in known.claim.slots.roles],
            "stances": [list(s) for s in known.claim.slots.stances],
        },
    }


def lookup_text(hits: list[LookupHit]) -> str:
    if not hits:
        return "No known claim matches that query."
    blocks = []
    for hit in hits:
        known = hit.known
        kind = "baseline" if known.baseline else "observed"
        blocks.append(
            f"#{known.id} ({kind}, {len(known.sources)} source(s), score {hit.score:.0f})"
            f" {known.text}\n"
            + "\n".join(
                f"    - {describe_source(s)}" + (f" <{s.link}>" if s.link else "")
                for s in known.sources[:5]
            )
        )
    return "\n".join(blocks)


def digest_json(digest: Digest) -> dict[str, Any]:
    return {
        "since": digest.since.isoformat(),
        "until": digest.until.isoformat(),
        "total": digest.total,
        "topics": [
            {
                "topic": group.topic,
                "items": [
                    {
                        "verdict": a.kind.value,
                        "claim": a.claim_text,
                        "reason": a.reason,
                        "conflicts_with": a.match_text if a.kind is Verdict.CONTRADICTING else None,
                        "sources": a.source_count,
                        "links": list(a.source_links),
                        "first_seen": a.created_at.isoformat(),
                    }
                    for a in group.alerts
                ],
            }
            for group in digest.groups
        ],
    }


def digest_text(digest: Digest) -> str:
    window = f"{digest.since:%Y-%m-%d %H:%M} – {digest.until:%Y-%m-%d %H:%M} UTC"
    header = f"Digest {window}: {digest.total} item(s)"
    if not digest.total:
        return header + "\nNothing new or contradicting in that period."
    lines = [header]
    for group in digest.groups:
        lines.append(f"\n== {group.topic} ({len(group.alerts)}) ==")
        for alert in group.alerts:
            lines.append(
                f"[{alert.kind.value}] {alert.claim_text}  ({alert.source_count} source(s))"
            )
            if alert.reason:
                lines.append(f"    why: {alert.reason}")
            lines.extend(f"    <{link}>" for link in alert.source_links[:3])
    return "\n".join(lines)
