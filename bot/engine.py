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
        # What was learnt from earlier reports (never the seed baseline) carries their topic.
        learnt: set[str] = set()
        seen_in: Counter[str] = Counter()
        for known in self.knowledge:
            tokens = set(known.claim.masked.split())
            if known.baseline:
                seen_in.update(tokens)
            else:
                learnt.update(tokens)
        background = {token for token, count in seen_in.items() if count >= _BACKGROUND_CLAIMS}
        for claim in self.extractor.extract(
            doc, learnt=frozenset(learnt), background=frozenset(background)
        ):
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
