"""Synthetic claims for the benchmarks, generated with a fixed seed from the seeds' material.

The five seed articles give about 110 sentences and 850 distinct words: far too few to fill a
knowledge of 100k claims, so sentences are *recombined*:

* a main clause from one seed sentence (or baseline claim), then zero to two clauses cut from
  other sentences (split at commas, "and", "while", "which", ...);
* numbers swapped for other numbers, with the seeds' units ("20 years", "47 articles",
  "55 billion cubic metres", "192 votes"), dates for other dates, weekdays for weekdays;
* actors swapped for other actors of the lexicon (Putin, Pezeshkian, Araghchi, the State Duma,
  the Majlis, ...);
* filler ("according to officials", "analysts said", "on Monday") and, in a share of claims, a
  generated proper name (a place or a person, Zipf-distributed over a pool) standing for the
  vocabulary that real coverage adds over months (Heaps' law); set ``name_share=0`` for the
  seeds' vocabulary alone.

Every text becomes a real ``Claim`` through ``ClaimExtractor().claim_from_sentence`` (slots,
normalised and masked forms exactly as the bot makes them). Extraction costs about 1 ms a
claim, so generated sets are cached (pickle, keyed by seed, size, parameters and the baseline
a hash of the extraction code) under the system's temp directory, and
built with one process per core.

Run it to see samples: ``.venv/bin/python -m bench.synthetic --count 10``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import random
import re
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from bot.baseline import Baseline, build_baseline
from bot.extract import ClaimExtractor
from bot.model import Claim, KnownClaim, SourceRef
from bot.seeds import load_seed_documents
from bot.text.boilerplate import clean_article
from bot.text.segment import split_sentences

DEFAULT_SEED = 20250117
PUBLISHED = datetime(2025, 6, 1, tzinfo=UTC)
CACHE_DIR = Path(os.environ.get("TREATYWATCH_BENCH_CACHE", tempfile.gettempdir())) / (
    "treatywatch-bench"
)

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ACTORS = (
    "Vladimir Putin",
    "Masoud Pezeshkian",
    "Abbas Araghchi",
    "Sergei Lavrov",
    "Dmitry Peskov",
    "Kazem Jalali",
    "the State Duma",
    "the Federation Council",
    "Iran's parliament",
    "the Majlis",
    "the Guardian Council",
    "the Kremlin",
)
_ACTOR_RE = re.compile(
    r"(?:Vladimir |Russian President Vladimir |President )?Putin|(?:Masoud |Massoud )?Pezeshkian|"
    r"(?:Abbas )?Araghchi|(?:Sergei |Sergey )?Lavrov|(?:Dmitry )?Peskov|(?:Kazem )?Jalali|"
    r"the (?:State Duma|Federation Council|Guardian Council|Kremlin)"
)
_UNITS = (
    "years",
    "articles",
    "billion cubic metres of gas a year",
    "votes",
    "kilometres",
    "billion dollars",
    "per cent",
    "months",
)
_NUMBER_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\b(?!\s*(?:January|February|March|April|May|June|"
    r"July|August|September|October|November|December))"
)
_DATE_RE = re.compile(r"\b\d{1,2} (?:" + "|".join(_MONTHS) + r")\b")
_WEEKDAY_RE = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b")
_CLAUSE_SPLIT = re.compile(r",\s+|;\s+|\s+(?=(?:and|while|which|but|as|after|because)\s)")
_LEADING_JOINER = re.compile(r"^(?:and|while|which|but|as|after|because|though)\s+", re.I)
_PREFIXES = (
    "",
    "",
    "",
    "According to officials, ",
    "On {weekday}, ",
    "In a statement, ",
    "Separately, ",
    "Analysts noted that ",
    "State media reported that ",
    "A senior diplomat said ",
)
_SUFFIXES = (
    "",
    "",
    "",
    ", analysts said",
    ", officials told reporters",
    ", according to {actor}",
    " on {date}",
    " within {number} {unit}",
    ", the agency reported on {weekday}",
    " in {name}",
    ", {name} officials said",
)
_SYLLABLES = [
    "ka",
    "ra",
    "ta",
    "sha",
    "mi",
    "no",
    "be",
    "lu",
    "zan",
    "dor",
    "vik",
    "esh",
    "tal",
    "mar",
    "go",
    "rin",
    "stan",
    "abad",
    "grad",
    "ov",
    "sk",
    "ol",
    "ir",
    "ema",
    "pol",
    "tur",
    "ak",
    "hen",
    "sar",
    "dan",
    "bel",
]


@dataclass(frozen=True, slots=True)
class Params:
    """What shapes a generated set; part of the cache key."""

    seed: int = DEFAULT_SEED
    name_share: float = 0.35
    name_pool: int = 5000


@cache
def seed_sentences() -> tuple[str, ...]:
    """Every sentence of the seeds after chrome removal (six words or more)."""
    sentences: list[str] = []
    for doc in load_seed_documents():
        for paragraph in clean_article(doc.text, doc.title):
            sentences.extend(s for s in split_sentences(paragraph) if len(s.split()) >= 6)
    return tuple(dict.fromkeys(sentences))


@cache
def _baseline() -> Baseline:
    return build_baseline()


def _clauses(sentence: str) -> list[str]:
    parts = [
        _LEADING_JOINER.sub("", p.strip(' .;,“”"'))
        for p in _CLAUSE_SPLIT.split(sentence.rstrip(". "))
    ]
    return [p for p in parts if len(p.split()) >= 3]


def _names(rng: random.Random, pool: int) -> list[str]:
    names: set[str] = set()
    while len(names) < pool:
        word = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))
        names.add(word.capitalize())
    return sorted(names)


class TextGenerator:
    """Deterministic stream of synthetic claim texts."""

    def __init__(self, params: Params = Params()) -> None:
        self.params = params
        self.rng = random.Random(params.seed)
        self.sentences = seed_sentences()
        self.clauses = [c for s in self.sentences for c in _clauses(s)]
        self.names = _names(random.Random(params.seed + 1), params.name_pool)
        # Zipf weights: a few names are in the news a lot, most rarely.
        self.name_weights = [1.0 / (rank + 1) for rank in range(len(self.names))]

    def _fill(self, template: str) -> str:
        rng = self.rng
        return template.format(
            weekday=rng.choice(_WEEKDAYS),
            actor=rng.choice(_ACTORS),
            date=f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}",
            number=rng.randint(2, 60),
            unit=rng.choice(_UNITS),
            name=self._name(),
        )

    def _name(self) -> str:
        return self.rng.choices(self.names, self.name_weights)[0]

    def _swap(self, text: str) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            text = _DATE_RE.sub(lambda _: f"{rng.randint(1, 28)} {rng.choice(_MONTHS)}", text)
        if rng.random() < 0.6:
            text = _NUMBER_RE.sub(lambda _: str(rng.choice((2, 5, 10, 20, 25, 47, 55, 192))), text)
        if rng.random() < 0.4:
            text = _WEEKDAY_RE.sub(lambda _: rng.choice(_WEEKDAYS), text)
        if rng.random() < 0.4:
            text = _ACTOR_RE.sub(lambda _: rng.choice(_ACTORS), text)
        return text

    def text(self) -> str:
        rng = self.rng
        main = rng.choice(self.sentences) if rng.random() < 0.3 else rng.choice(self.clauses)
        parts = [main.rstrip(". ")]
        for _ in range(rng.choice((0, 1, 1, 2))):
            joiner = rng.choice((", ", " and ", ", while ", "; ", ", which "))
            parts.append(joiner + rng.choice(self.clauses))
        body = self._swap("".join(parts))
        if rng.random() < self.params.name_share:
            body += self._fill(
                rng.choice((" in {name}", ", {name} officials said", ", said {name}"))
            )
        body = self._fill(rng.choice(_PREFIXES)) + body + self._fill(rng.choice(_SUFFIXES))
        body = body[0].upper() + body[1:]
        return body + "."

    def texts(self, count: int) -> list[str]:
        return [self.text() for _ in range(count)]


def _extract_chunk(args: tuple[int, Sequence[str], str]) -> list[Claim]:
    start, texts, prefix = args
    extractor = ClaimExtractor()
    return [
        extractor.claim_from_sentence(
            text, doc_id=f"{prefix}:{start + i}", index=0, published=PUBLISHED
        )
        for i, text in enumerate(texts)
    ]


@cache
def _code_fingerprint() -> str:
    """Changes when the code that makes a claim from a sentence changes (not the judge)."""
    root = Path(__file__).resolve().parent.parent / "bot"
    digest = hashlib.sha256()
    for path in sorted([root / "extract.py", root / "model.py", *(root / "text").glob("*.py")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_key(kind: str, params: Params) -> str:
    key = repr((kind, params, _code_fingerprint())).encode()
    return hashlib.sha256(key).hexdigest()[:12]


def _cached(kind: str, count: int, params: Params) -> list[Claim] | None:
    """A cached set of at least ``count`` claims, cut to ``count``: the stream is sequential,
    so the first ``count`` claims of a larger set are exactly the smaller set."""
    key = _cache_key(kind, params)
    sizes = sorted(
        int(path.name.split("-")[1])
        for path in CACHE_DIR.glob(f"{kind}-*-{key}.pickle")
        if path.name.split("-")[1].isdigit()
    )
    for size in sizes:
        if size >= count:
            with (CACHE_DIR / f"{kind}-{size}-{key}.pickle").open("rb") as handle:
                cached: list[Claim] = pickle.load(handle)
            return cached[:count]
    return None


def claims(count: int, params: Params = Params(), *, kind: str = "synthetic") -> list[Claim]:
    """``count`` synthetic claims (cached; ``kind`` makes disjoint streams with one seed)."""
    cached = _cached(kind, count, params)
    if cached is not None:
        return cached
    path = CACHE_DIR / f"{kind}-{count}-{_cache_key(kind, params)}.pickle"
    stream_seed = params.seed + int(hashlib.sha256(kind.encode()).hexdigest()[:6], 16)
    generator = TextGenerator(Params(stream_seed, params.name_share, params.name_pool))
    generator.names = TextGenerator(params).names  # one name pool for every stream
    texts = generator.texts(count)
    chunk = 2000
    jobs = [(i, texts[i : i + chunk], kind) for i in range(0, len(texts), chunk)]
    result: list[Claim] = []
    if count >= 4000:
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for part in pool.map(_extract_chunk, jobs):
                result.extend(part)
    else:
        for job in jobs:
            result.extend(_extract_chunk(job))
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    with temp.open("wb") as handle:
        pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
    temp.replace(path)
    return result


def knowledge_claims(size: int, params: Params = Params()) -> list[KnownClaim]:
    """A knowledge of ``size`` claims: the real baseline, then observed synthetic claims."""
    baseline = [
        KnownClaim(k.id, k.claim, True, k.first_seen, list(k.sources)) for k in _baseline().claims
    ][:size]
    observed = (
        claims(size - len(baseline), params, kind="knowledge") if size > len(baseline) else []
    )
    first_id = max((k.id for k in baseline), default=0) + 1
    return baseline + [
        KnownClaim(
            id=first_id + i,
            claim=claim,
            baseline=False,
            first_seen=PUBLISHED,
            sources=[SourceRef(claim.doc_id, claim.sentence_index)],
        )
        for i, claim in enumerate(observed)
    ]


def query_claims(count: int, params: Params = Params()) -> list[Claim]:
    """Claims to judge: a stream disjoint from the knowledge's, from the same generator."""
    return claims(count, params, kind="query")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=10)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    for claim in claims(args.count, Params(seed=args.seed), kind="sample"):
        sys.stdout.write(f"{claim.text}\n    masked: {claim.masked}\n    slots: {claim.slots}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
