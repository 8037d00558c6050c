"""The claim engine: extractor, knowledge and judge, built once and kept in step with the store.

``Engine`` is synchronous and pure (no I/O): the CLI's ``classify`` and ``eval`` use it alone;
the pipeline wraps it with storage. Judging one document adds its NEW and CONTRADICTING claims
to the knowledge as *provisional* claims (negative ids), so a later sentence of the same
article that repeats an earlier one is KNOWN, not a second alert. The store later gives them
their real ids (``Knowledge.rekey``).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

from bot.baseline import Baseline, build_baseline, source_of
from bot.config import Config
from bot.extract import ClaimExtractor
from bot.judge import Judge
from bot.knowledge import Knowledge
from bot.model import Claim, Document, Judgement, KnownClaim, Verdict

ALERT_VERDICTS = frozenset({Verdict.NEW, Verdict.CONTRADICTING})
# A word in this many seed claims is the story's common vocabulary ("sanctions", "trade"):
# it ties no sentence to a topic learnt from a report.
_BACKGROUND_CLAIMS = 3


class Engine:
    """Extracts and judges claims against an in-memory knowledge."""

    def __init__(self, config: Config, knowledge: Knowledge) -> None:
        self.config = config
        self.extractor = ClaimExtractor(config.relevance)
        self.knowledge = knowledge
        self.judge = Judge(knowledge, config.matching)
        self._provisional_ids = itertools.count(-1, -1)
        #: (doc_id, sentence_index) -> provisional id of a claim not stored yet.
        self.provisional: dict[tuple[str, int], int] = {}
        # Tallies for ``_topic_words``, over the first ``_topic_counted`` known claims.
        self._topic_counted = 0
        self._learnt: set[str] = set()
        self._seed_claims_with: Counter[str] = Counter()

    def _topic_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of what was learnt from reports (never the seed baseline), which carry
        their topic, and the seed baseline's common vocabulary, which carries none. Counted
        over the claims added since the last call (knowledge only grows)."""
        for known in self.knowledge.since(self._topic_counted):
            tokens = set(known.claim.masked.split())
            if known.baseline:
                self._seed_claims_with.update(tokens)
            else:
                self._learnt.update(tokens)
        self._topic_counted = len(self.knowledge)
        background = frozenset(
            token for token, count in self._seed_claims_with.items() if count >= _BACKGROUND_CLAIMS
        )
        return frozenset(self._learnt), background

    @classmethod
    def from_baseline(cls, config: Config, baseline: Baseline | None = None) -> Engine:
        """An engine whose knowledge is the seed baseline alone (no database)."""
        baseline = baseline or build_baseline(config)
        return cls(config, Knowledge(baseline.claims))

    @classmethod
    def from_known(cls, config: Config, claims: Iterable[KnownClaim]) -> Engine:
        return cls(config, Knowledge(claims))

    def judge_claim(self, claim: Claim) -> Judgement:
        """Judge one claim without learning from it (``classify``)."""
        return self.judge.judge(claim)

    def judge_document(self, doc: Document, *, learn: bool = True) -> list[Judgement]:
        """Judge every claim of ``doc`` in order; with ``learn``, keep what it reports."""
        judgements = []
        learnt, background = self._topic_words()
        for claim in self.extractor.extract(doc, learnt=learnt, background=background):
            judgement = self.judge.judge(claim)
            judgements.append(judgement)
            if learn and judgement.verdict in ALERT_VERDICTS:
                provisional_id = next(self._provisional_ids)
                self.provisional[(claim.doc_id, claim.sentence_index)] = provisional_id
                self.knowledge.add(
                    KnownClaim(
                        id=provisional_id,
                        claim=judgement.claim,
                        baseline=False,
                        first_seen=doc.published,
                        sources=[source_of(doc, claim.sentence_index)],
                    )
                )
            elif learn and judgement.verdict is Verdict.KNOWN and judgement.match is not None:
                judgement.match.sources.append(source_of(doc, claim.sentence_index))
        return judgements
