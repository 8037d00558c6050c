"""End to end: ``treatywatch scan`` over 1,000 entries of generated fixture feeds.

Writes ``--feeds`` RSS files (1,000 entries in all, each an article of 4 to 10 synthetic
sentences about the treaty, bench/synthetic.py) to a temp directory, then runs the real command
(``python -m bot.cli scan FEEDS --db TMP --json``) as a child process into a fresh SQLite file:
wall-clock seconds and the child's peak RSS (``ru_maxrss`` of children). Median of
``--repeats`` runs, each with a new database.

    .venv/bin/python bench/scan_e2e.py [--entries 1000] [--feeds 4] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import synthetic

ROOT = Path(__file__).resolve().parent.parent


def write_feeds(directory: Path, entries: int, feeds: int) -> list[Path]:
    rng = random.Random(synthetic.DEFAULT_SEED)
    texts = synthetic.TextGenerator(synthetic.Params(seed=synthetic.DEFAULT_SEED + 7)).texts(
        entries * 10
    )
    start = datetime(2025, 1, 20, tzinfo=UTC)
    paths = []
    cursor = 0
    for feed in range(feeds):
        items = []
        for item in range(entries // feeds):
            count = rng.randint(4, 10)
            body = "".join(f"<p>{escape(t)}</p>" for t in texts[cursor : cursor + count])
            cursor += count
            number = feed * (entries // feeds) + item
            published = format_datetime(start + timedelta(hours=number))
            items.append(
                f"<item><title>Russia and Iran treaty: report {number}</title>"
                f"<link>https://example.org/bench/{number}</link>"
                f'<guid isPermaLink="false">bench-{number}</guid><pubDate>{published}</pubDate>'
                f"<description><![CDATA[{body}]]></description></item>"
            )
        path = directory / f"feed{feed}.xml"
        path.write_text(
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Bench feed {feed}</title><link>https://example.org/bench</link>"
            f"<description>generated</description>{''.join(items)}</channel></rss>",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="treatywatch scan end to end")
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--feeds", type=int, default=4)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    seconds: list[float] = []
    with tempfile.TemporaryDirectory() as temp:
        directory = Path(temp)
        feeds = write_feeds(directory, args.entries, args.feeds)
        lines = 0
        for run in range(args.repeats):
            db = directory / f"run{run}.db"
            start = time.perf_counter()
            done = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bot.cli",
                    "scan",
                    *map(str, feeds),
                    "--db",
                    str(db),
                    "--json",
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=False,
            )
            seconds.append(time.perf_counter() - start)
            if done.returncode != 0:
                print(done.stderr[-2000:])
                return 1
            lines = len(done.stdout.splitlines())
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"scan of {args.entries} entries in {args.feeds} feeds ({lines} judged claims):"
        f" median {statistics.median(seconds):.1f} s"
        f" (runs: {', '.join(f'{s:.1f}' for s in seconds)}),"
        f" peak RSS {peak:.0f} MB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
