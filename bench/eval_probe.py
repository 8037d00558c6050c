"""Score a development probe against the seed baseline.

Probes under bench/eval/probes/ are written fresh to see whether rules tuned on dev generalise,
before the rules change for them. They are not part of the scored dev/held-out splits. A probe
is a JSONL file in the static format (claims, freshN.jsonl) or the sequential one (dated
articles replayed in order, seqN.jsonl).
Usage: .venv/bin/python bench/eval_probe.py bench/eval/probes/fresh2.jsonl [--mistakes]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.config import Config
from bot.engine import Engine
from bot.evaluation import evaluate_probe, format_mistake, format_scores


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__)
        return 2
    engine = Engine.from_baseline(Config())
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        scores = evaluate_probe(engine, rows, path.stem)
        print(format_scores(scores))
        if "--mistakes" in argv:
            for outcome in scores.mistakes:
                print(format_mistake(outcome))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
