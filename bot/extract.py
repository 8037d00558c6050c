"""Extraction: one ``Document`` becomes its list of ``Claim`` objects.

Chrome is stripped, paragraphs are split into sentences, and each sentence gets its slots,
normalised and masked forms, a topic and a relevance flag. Claims keep their sentence index so
every verdict can point back to exactly where it came from.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from bot.config import RelevanceConfig
from bot.model import Claim, DateRef, Document, Slots
from bot.text import offsets
from bot.text.boilerplate import clean_article, is_page_chrome
from bot.text.headline import plain_lead
from bot.text.lexicon import INSTITUTIONS
from bot.text.normalize import normalize_and_mask
from bot.text.relevance import RelevanceFilter
from bot.text.segment import split_sentences
from bot.text.slots import extract_slots, first_event, own_treaty_part

# Topic of a claim for grouping digests: first rule whose pattern matches the normalised text.
# Units of a vote tally: for, against, abstaining.
_VOTE_UNITS = frozenset({"vote", "vote_against", "against", "abstent"})
_TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "ratification",
            r"ratifi|state_duma|federation_council|majlis|guardian_council|inforc|vote",
        ),
        ("duration", r"\bdurat|\b\d+ year"),
        ("defence and alliance", r"mutualdefens|allianc|militari|defens|secur|aggress|arm\b|bloc"),
        ("energy", r"\bgas\b|pipelin|\boil\b|nuclear|energi|bcm"),
        ("transport", r"railway|corridor|northsouth|port\b|transit|rasht|astara"),
        ("trade and finance", r"trade|econom|bank|currenc|payment|swift|sanction|financ"),
        ("treaty text", r"articl|claus|provis|\btext\b|publish|document"),
        ("signing", r"\bsign\b|visit|meet|ceremoni"),
    )
)


# A denial that points back at what the sentence said of another treaty.
_NO_SUCH = re.compile(r"\b(?:no such|not any such|nothing of the (?:kind|sort)|no equivalent)\b")


def _tallies_votes(slots: Slots) -> bool:
    return any(q.unit in _VOTE_UNITS for q in slots.quantities)


def topic_of(normalized: str) -> str:
    """The digest topic of a normalised claim ("ratification", "energy", ..., "general")."""
    return next((name for name, pattern in _TOPICS if pattern.search(normalized)), "general")


def _same_day_dates(sentence: str, slots: Slots, dated: dict[str, DateRef]) -> Slots:
    """Dates an earlier sentence of the article lends: "the treaty entered into force on the
    day of the exchange", after a sentence dating the exchange, dates the entry into force."""
    lowered = sentence.lower()
    added = []
    for q in slots.quantities:
        if not offsets.is_offset(q) or q.value != 0.0:
            continue
        where = lowered.find(q.text)
        source = first_event(q.text)
        own = first_event(lowered[:where]) if where > 0 else None
        known = dated.get(source) if source else None
        if known is None or own is None or own == source:
            continue
        if any(d.event == own for d in slots.dates):
            continue
        added.append(DateRef(q.text, known.year, known.month, known.day, event=own))
    return replace(slots, dates=(*slots.dates, *added)) if added else slots


class ClaimExtractor:
    """Turns documents into claims; holds the compiled relevance rules."""

    def __init__(self, relevance: RelevanceConfig | None = None) -> None:
        self._relevance = RelevanceFilter(relevance or RelevanceConfig())

    def claim_from_sentence(
        self,
        sentence: str,
        *,
        doc_id: str,
        index: int,
        published: datetime | None = None,
        article_relevant: bool = True,
        inherited_subjects: tuple[str, ...] = (),
        follows_candidate: bool = False,
        context_institution: str | None = None,
    ) -> Claim:
        """One claim from one sentence. The context of the article fills in what the sentence
        leaves implicit: ``inherited_subjects`` ("both treaties ..." after a sentence about the
        North Korea pact), ``context_institution`` ("the bill passed with 198 votes" after a
        sentence about the Majlis)."""
        # Headline chrome and an outlet's credit are not the claim: the rest is read.
        body = plain_lead(sentence)
        slots = extract_slots(body, published)
        resolved = self._resolve_subject(body, slots, inherited_subjects)
        # A comparison with another partner's treaty is about ours: what is said of the other
        # one is left out of what the claim says ("unlike the Pyongyang pact, which treats an
        # attack on one as an attack on both, ...").
        compared = bool(slots.other_subjects) and not resolved.other_subjects
        own = own_treaty_part(body) if compared else body
        slots = resolved
        if own != body:
            slots = replace(extract_slots(own, published), other_subjects=())
            if _NO_SUCH.search(own.lower()):
                # "Unlike the Pyongyang pact, under which each side promises help if attacked,
                # the Iran treaty contains no such commitment": ours denies what the other's
                # affirms.
                taken = {stance for stance, _ in slots.stances}
                denied = tuple(
                    (stance, -1)
                    for stance, sign in extract_slots(body, published).stances
                    if sign > 0 and stance not in taken
                )
                slots = replace(slots, stances=slots.stances + denied)
        if (
            context_institution
            and (slots.quantities or slots.dates)
            and not any(a in INSTITUTIONS and a != "kremlin" for a in slots.actors)
            # A vote tally ("421 deputies backed the bill") is the chamber's in context.
            and (self._relevance.continues(body) or _tallies_votes(slots))
        ):
            slots = replace(slots, actors=(*slots.actors, context_institution))
        normalized, masked = normalize_and_mask(body)
        if own != body:
            # The claim is scored on its own treaty's words (its normalised form stays whole).
            words = frozenset(normalized.split())
            masked = " ".join(t for t in normalize_and_mask(own)[1].split() if t in words)
        judgeable = article_relevant and not is_page_chrome(body)
        relevant = judgeable and self._relevance.sentence_is_candidate(
            body, slots, follows_candidate=follows_candidate
        )
        echo_only = judgeable and not relevant and self._relevance.may_echo_the_treaty(body, slots)
        return Claim(
            text=sentence,
            normalized=normalized,
            masked=masked,
            slots=slots,
            doc_id=doc_id,
            sentence_index=index,
            relevant=relevant,
            topic=topic_of(normalized),
            echo_only=echo_only,
        )

    def _resolve_subject(self, sentence: str, slots: Slots, inherited: tuple[str, ...]) -> Slots:
        if slots.other_subjects:
            if self._relevance.about_other_subject(sentence, slots):
                return slots
            return replace(slots, other_subjects=())
        if (
            inherited
            and not self._relevance.mentions_iran(sentence)
            and self._relevance.refers_back(sentence)
        ):
            return replace(slots, other_subjects=inherited)
        return slots

    def extract(
        self,
        doc: Document,
        *,
        learnt: frozenset[str] | None = None,
        background: frozenset[str] = frozenset(),
    ) -> list[Claim]:
        """Every sentence of the document's content as a claim, in order. ``learnt``: the
        words of what was learnt from earlier relevant reports (sequential judging); a sentence
        that goes on with that topic, or with the article's claims so far, in the paragraph of
        a claim about the treaty is judged too. None (the seed baseline's build): no sentence is
        judged for a learnt topic. ``background``: the words of the seed baseline,
        the story's common vocabulary, which tie no sentence to a topic of its own."""
        paragraphs = clean_article(doc.text, doc.title)
        article_relevant = self._relevance.article_is_relevant(doc.title, doc.text)
        claims: list[Claim] = []
        previous_subjects: tuple[str, ...] = ()
        previous_candidate = False
        context_institution: str | None = None
        dated: dict[str, DateRef] = {}
        index = 0
        topic = set(learnt or ())
        # The headline, when it is about the treaty, opens the topic of the lead paragraph.
        headline = plain_lead(doc.title)
        headline_candidate = self._relevance.sentence_is_candidate(
            headline, extract_slots(headline, doc.published)
        )
        for number, paragraph in enumerate(paragraphs):
            previous_candidate_here = number == 0 and headline_candidate
            for sentence in split_sentences(paragraph):
                claim = self.claim_from_sentence(
                    sentence,
                    doc_id=doc.doc_id,
                    index=index,
                    published=doc.published,
                    article_relevant=article_relevant,
                    inherited_subjects=previous_subjects,
                    follows_candidate=previous_candidate,
                    context_institution=context_institution,
                )
                slots = _same_day_dates(sentence, claim.slots, dated)
                if slots is not claim.slots:
                    claim = replace(claim, slots=slots)
                for ref in claim.slots.dates:
                    if ref.event is not None and ref.day is not None:
                        dated[ref.event] = ref
                if (
                    learnt is not None
                    and not claim.relevant
                    and previous_candidate_here
                    and article_relevant
                    and not is_page_chrome(plain_lead(sentence))
                    and self._relevance.goes_on_with_topic(
                        plain_lead(sentence),
                        claim.slots,
                        frozenset(claim.masked.split()),
                        frozenset(topic) - background,
                    )
                ):
                    claim = replace(claim, relevant=True, echo_only=False)
                if claim.relevant:
                    topic.update(claim.masked.split())
                previous_subjects = claim.slots.other_subjects
                previous_candidate = claim.relevant
                previous_candidate_here = previous_candidate_here or claim.relevant
                own = [a for a in claim.slots.actors if a in INSTITUTIONS and a != "kremlin"]
                if own:
                    context_institution = own[-1]
                claims.append(claim)
                index += 1
        return claims
