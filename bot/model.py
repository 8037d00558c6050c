"""Plain data types shared by every stage of the pipeline.

fetch → parse → extract → match → store → deliver all speak in these types; none of them
does I/O or imports Discord. They are frozen so a stage cannot quietly change another's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Verdict(StrEnum):
    """How a claim relates to what is already known."""

    KNOWN = "KNOWN"
    NEW = "NEW"
    CONTRADICTING = "CONTRADICTING"
    IRRELEVANT = "IRRELEVANT"


@dataclass(frozen=True, slots=True)
class Document:
    """One article: a seed file or a feed entry, with the metadata its text came with."""

    doc_id: str
    title: str
    text: str
    published: datetime | None = None
    link: str | None = None
    outlet: str | None = None
    feed: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number and what it counts: ``20 years`` is ``Quantity(20, "year", "20 years")``."""

    value: float
    unit: str
    text: str
    #: A bound the text puts on the figure instead of stating it: ">" ("more than 50"),
    #: ">=" ("at least 50"), "<" ("fewer than 50"), "<=" ("at most 50"), "~<" ("nearly 50",
    #: a little under it) or "~>" ("just over 50", a little over it); "" for the figure itself.
    bound: str = ""


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date as precise as the text makes it; unknown parts are None.

    ``weekday`` (0 = Monday) is kept when the text names one that could not be resolved
    to a calendar day, so "on Tuesday" and "on Thursday" can still disagree.
    """

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    #: The event the date belongs to ("signing", "ratification", ...), when the text says.
    event: str | None = None
    #: The last year of a span of years ("the late 1990s" is 1996 to 1999); None for one year.
    year_to: int | None = None
    #: Years before the treaty's signing, for a date given by them alone ("the agreement it
    #: replaces, concluded a decade earlier"); the judge resolves it against the signing year.
    years_before: int | None = None


@dataclass(frozen=True, slots=True)
class Slots:
    """The details of a claim that can conflict with another claim on the same topic."""

    quantities: tuple[Quantity, ...] = ()
    dates: tuple[DateRef, ...] = ()
    negated: bool = False
    negation_cues: tuple[str, ...] = ()
    hedged: bool = False
    hedge_cues: tuple[str, ...] = ()
    #: Canonical actor ids ("putin", "pezeshkian", "state_duma", ...), in order of appearance.
    actors: tuple[str, ...] = ()
    #: (role, name) pairs bound in the text, e.g. ("iran_president", "pezeshkian").
    roles: tuple[tuple[str, str], ...] = ()
    #: Other treaties or partners the claim is about (e.g. "north_korea"), which make a
    #: claim about *their* pact rather than ours.
    other_subjects: tuple[str, ...] = ()
    #: True when the claim reports someone's denial or rejection ("X denied that ...").
    reported_denial: bool = False
    #: Stemmed content words in the scope of a negation cue ("does not include a mutual
    #: defence clause" → include, mutualdefens, claus), so a flip is only a conflict when
    #: the negated words are what the two claims share.
    negated_terms: tuple[str, ...] = ()
    #: ``negated_terms`` cue by cue ("neither ... nor ..." denies two things).
    negation_scopes: tuple[tuple[str, ...], ...] = ()
    #: Stances on the treaty's contested framings: ("alliance", +1) affirms that it forms an
    #: alliance, ("alliance", -1) denies it; likewise "mutual_defense", "text_published".
    stances: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence-level statement from one document, with what the matcher needs."""

    text: str
    normalized: str
    masked: str
    slots: Slots
    doc_id: str
    sentence_index: int
    relevant: bool = True
    topic: str = "general"
    #: Not relevant by its own words (it names nothing of the treaty: "both countries promise
    #: not to let their territory be used against the other"), yet judged when it restates or
    #: contradicts a known claim closely enough to be about the same provision.
    echo_only: bool = False


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a known claim was seen: which document, which sentence, when."""

    doc_id: str
    sentence_index: int
    title: str | None = None
    link: str | None = None
    outlet: str | None = None
    published: datetime | None = None


@dataclass(slots=True)
class KnownClaim:
    """A claim in the knowledge: from the seed baseline or observed in earlier coverage."""

    id: int
    claim: Claim
    baseline: bool
    first_seen: datetime | None = None
    sources: list[SourceRef] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.claim.text


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict on one claim, always with its evidence."""

    claim: Claim
    verdict: Verdict
    score: float
    match: KnownClaim | None = None
    reason: str | None = None
