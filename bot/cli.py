"""The ``treatywatch`` command: scan, classify, baseline, lookup, digest, eval, run, backup.

Every command works on the embedded default (a SQLite file, the shipped seeds) with no
Discord token; ``--db PATH`` overrides the database on every command. Errors we expect
(bad input, a broken config, an unreadable database) print one clear line and a hint, and
exit non-zero; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from bot import __version__
from bot.clock import SystemClock
from bot.config import Config, check_config, default_db_path, load_config
from bot.errors import InputError, TreatywatchError
from bot.shutdown import EarlySignals

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

log = logging.getLogger("treatywatch")


def _out(text: str, stream: TextIO | None = None) -> None:
    """The CLI's one way of writing results (library code logs instead)."""
    print(text, file=stream or sys.stdout)


def _emit_json(data: Any) -> None:
    _out(json.dumps(data, ensure_ascii=False, sort_keys=False))


def resolve_db(args: argparse.Namespace, config: Config) -> Path:
    if getattr(args, "db", None):
        return Path(args.db).expanduser()
    return config.storage.database or default_db_path()


def _config_from(args: argparse.Namespace) -> Config:
    path = getattr(args, "config", None)
    return load_config(Path(path) if path else None)


# -- commands -------------------------------------------------------------------------------


def cmd_check_config(args: argparse.Namespace) -> int:
    path = Path(args.path) if args.path else Path("config.toml")
    problems = check_config(path)
    if problems:
        for problem in problems:
            _out(problem, sys.stderr)
        _out(f"{path}: {len(problems)} problem(s)", sys.stderr)
        return EXIT_ERROR
    _out(f"{path}: OK")
    return EXIT_OK


def cmd_baseline(args: argparse.Namespace) -> int:
    from bot.baseline import build_baseline  # noqa: PLC0415 - keep `--help` fast
    from bot.report import known_json  # noqa: PLC0415

    baseline = build_baseline(_config_from(args))
    if args.json:
        _emit_json(
            {
                "fingerprint": baseline.fingerprint,
                "claims": [known_json(k) for k in baseline.claims],
                "disputed": [
                    {
                        "first": d.first.id,
                        "second": d.second.id,
                        "reason": d.reason,
                        "first_text": d.first.text,
                        "second_text": d.second.text,
                    }
                    for d in baseline.disputed
                ],
            }
        )
        return EXIT_OK
    _out(f"Baseline: {len(baseline.claims)} claims from the seeds")
    for known in baseline.claims:
        sources = ", ".join(s.outlet or s.doc_id for s in known.sources)
        _out(f"#{known.id} [{known.claim.topic}] {known.text}\n    sources: {sources}")
    _out(f"\nDisputed pairs ({len(baseline.disputed)}): the seeds disagree here")
    for pair in baseline.disputed:
        _out(
            f"- {pair.reason}\n    #{pair.first.id}: {pair.first.text}"
            f"\n    #{pair.second.id}: {pair.second.text}"
        )
    return EXIT_OK


def _progress(total: int, enabled: bool) -> tuple[Callable[[int], None], Callable[[], None]]:
    """A progress bar on a terminal; nothing when piped."""
    if not enabled or not sys.stderr.isatty():
        return (lambda _n: None), (lambda: None)
    from tqdm import tqdm  # noqa: PLC0415

    bar = tqdm(total=total, unit="entry", file=sys.stderr, leave=False)
    return bar.update, bar.close


async def _scan(args: argparse.Namespace) -> int:
    from bot.pipeline import Pipeline, open_engine  # noqa: PLC0415
    from bot.report import judgement_json, judgement_text  # noqa: PLC0415
    from bot.sources import load_source  # noqa: PLC0415
    from bot.store.db import open_store  # noqa: PLC0415

    config = _config_from(args)
    # Read every source first: a typo in the last one must not leave a half-done scan.
    sources = [(source, await load_source(source, config)) for source in args.sources]
    async with open_store(resolve_db(args, config)) as store:
        engine = await open_engine(store, config)
        pipeline = Pipeline(store, engine)
        counts: dict[str, int] = {}
        for source, loaded in sources:
            update, close = _progress(len(loaded.parsed.entries), not args.json)
            try:
                result = await pipeline.process_feed(
                    loaded.key, loaded.parsed, text_for=loaded.text_for, progress=update
                )
            finally:
                close()
            for doc, judgement in result.judgements:
                counts[judgement.verdict.value] = counts.get(judgement.verdict.value, 0) + 1
                if args.json:
                    _emit_json(judgement_json(judgement, doc))
                elif judgement.verdict.value in {"NEW", "CONTRADICTING"}:
                    _out(judgement_text(judgement, doc) + "\n")
            if not args.json:
                _out(
                    f"{source}: {len(result.documents)} entr(y/ies) judged,"
                    f" {result.skipped} already seen"
                )
        if not args.json:
            summary = ", ".join(
                f"{counts.get(k, 0)} {k}" for k in ("NEW", "CONTRADICTING", "KNOWN", "IRRELEVANT")
            )
            _out(f"Claims: {summary}")
    return EXIT_OK


async def _classify(args: argparse.Namespace) -> int:
    from bot.pipeline import open_engine  # noqa: PLC0415
    from bot.report import judgement_json, judgement_text  # noqa: PLC0415
    from bot.store.db import open_store  # noqa: PLC0415

    config = _config_from(args)
    async with open_store(resolve_db(args, config)) as store:
        engine = await open_engine(store, config)
    for index, line in enumerate(sys.stdin):
        text = line.strip()
        if not text:
            continue
        claim = engine.extractor.claim_from_sentence(text, doc_id="stdin", index=index)
        judgement = engine.judge_claim(claim)
        if args.json:
            _emit_json(judgement_json(judgement))
        else:
            _out(judgement_text(judgement) + "\n")
    return EXIT_OK


async def _lookup(args: argparse.Namespace) -> int:
    from bot.lookup import LookupIndex  # noqa: PLC0415
    from bot.pipeline import open_engine  # noqa: PLC0415
    from bot.report import known_json, lookup_text  # noqa: PLC0415
    from bot.store.db import open_store  # noqa: PLC0415

    if not 1 <= args.limit <= 100:
        raise InputError(
            f"--limit {args.limit} is out of range", hint="Use a number from 1 to 100."
        )
    config = _config_from(args)
    async with open_store(resolve_db(args, config)) as store:
        engine = await open_engine(store, config)
    hits = LookupIndex(engine.knowledge).search(args.query, limit=args.limit)
    if args.json:
        for hit in hits:
            _emit_json({**known_json(hit.known), "score": hit.score})
    else:
        _out(lookup_text(hits))
    return EXIT_OK


async def _digest(args: argparse.Namespace) -> int:
    from bot.digest import build_digest, parse_kinds, parse_since  # noqa: PLC0415
    from bot.report import digest_json, digest_text  # noqa: PLC0415
    from bot.store.db import open_store  # noqa: PLC0415

    now = SystemClock().now()
    since = parse_since(args.since, now)
    kinds = parse_kinds(args.kinds)
    config = _config_from(args)
    async with open_store(resolve_db(args, config)) as store:
        alerts = await store.alerts_since(since, kinds)
    digest = build_digest(alerts, since, now)
    _out(json.dumps(digest_json(digest), ensure_ascii=False) if args.json else digest_text(digest))
    return EXIT_OK


async def _backup(args: argparse.Namespace) -> int:
    from bot.store.db import open_store  # noqa: PLC0415

    config = _config_from(args)
    destination = await asyncio.to_thread(lambda: Path(args.path).expanduser())
    if await asyncio.to_thread(destination.exists):
        raise InputError(
            f"{destination} already exists", hint="Choose a new file name; backup never overwrites."
        )
    async with open_store(resolve_db(args, config)) as store:
        await store.backup(destination)
    _out(f"Backed up to {destination}")
    return EXIT_OK


def cmd_eval(args: argparse.Namespace) -> int:
    from bot.evaluation import run_eval  # noqa: PLC0415

    return run_eval(
        Path(args.path) if args.path else None,
        _config_from(args),
        verbose=not args.quiet,
        emit=_out,
    )


def cmd_run(args: argparse.Namespace) -> int:
    # First of all, before the heavy imports: a SIGTERM or SIGINT from now on is recorded,
    # and start-up stops cleanly on it instead of dying half-way.
    early = EarlySignals().install()
    try:
        _run(args, early)
    finally:
        early.restore()
    return EXIT_OK


def _run(args: argparse.Namespace, early: EarlySignals) -> None:
    from bot.config import discord_token_from_env  # noqa: PLC0415
    from bot.discord_app.app import run_bot  # noqa: PLC0415

    config = _config_from(args)
    token = discord_token_from_env()
    if not token:
        raise InputError(
            "DISCORD_TOKEN is not set",
            hint="Export your bot token: DISCORD_TOKEN=... treatywatch run --config config.toml",
        )
    db = resolve_db(args, config)
    asyncio.run(run_bot(config, token, db_path=db, early=early))


# -- parser ---------------------------------------------------------------------------------


def _common(parser: argparse.ArgumentParser, *, db: bool = True) -> None:
    parser.add_argument(
        "--config", metavar="PATH", help="configuration file (default: built-in defaults)"
    )
    if db:
        parser.add_argument(
            "--db", metavar="PATH", help=f"SQLite database (default: {default_db_path()})"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treatywatch",
        description=(
            "Watch news about the Russia–Iran strategic partnership treaty;"
            " flag new and contradicting claims."
        ),
    )
    parser.add_argument("--version", action="version", version=f"treatywatch {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    scan = sub.add_parser(
        "scan", help="judge the entries of feed files or URLs and store the verdicts"
    )
    scan.add_argument(
        "sources", nargs="+", metavar="SOURCE", help="an RSS/Atom file or an http(s) URL"
    )
    scan.add_argument("--json", action="store_true", help="one JSON object per judged claim")
    _common(scan)

    classify = sub.add_parser(
        "classify", help="judge claims read from standard input (stores nothing)"
    )
    classify.add_argument("--json", action="store_true")
    _common(classify)

    baseline = sub.add_parser(
        "baseline", help="the claims the seeds establish, and where they disagree"
    )
    baseline.add_argument("--json", action="store_true")
    _common(baseline)

    lookup = sub.add_parser("lookup", help="fuzzy search over every known claim")
    lookup.add_argument("query")
    lookup.add_argument("--limit", type=int, default=10)
    lookup.add_argument("--json", action="store_true")
    _common(lookup)

    digest = sub.add_parser("digest", help="NEW and CONTRADICTING details since a time, by topic")
    digest.add_argument("--since", default="24h", help='"24h", "7d", "90m", "2w" or an ISO date')
    digest.add_argument("--kinds", default="all", help='"new", "contradicting" or "all"')
    digest.add_argument("--json", action="store_true")
    _common(digest)

    check = sub.add_parser("check-config", help="validate a configuration file")
    check.add_argument("path", nargs="?", help="default: ./config.toml")

    evaluate = sub.add_parser("eval", help="accuracy on the labelled evaluation sets")
    evaluate.add_argument("path", nargs="?", help="directory of the sets (default: bench/eval)")
    evaluate.add_argument("--quiet", action="store_true", help="figures only, no list of mistakes")
    _common(evaluate, db=False)

    run = sub.add_parser("run", help="run the Discord bot (needs DISCORD_TOKEN)")
    _common(run)

    backup = sub.add_parser("backup", help="consistent online copy of the database")
    backup.add_argument("path")
    _common(backup)
    return parser


_ASYNC_COMMANDS = {
    "scan": _scan,
    "classify": _classify,
    "lookup": _lookup,
    "digest": _digest,
    "backup": _backup,
}
_SYNC_COMMANDS = {
    "check-config": cmd_check_config,
    "baseline": cmd_baseline,
    "eval": cmd_eval,
    "run": cmd_run,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        if args.command in _ASYNC_COMMANDS:
            return asyncio.run(_ASYNC_COMMANDS[args.command](args))
        return _SYNC_COMMANDS[args.command](args)
    except TreatywatchError as err:
        _out(f"treatywatch {args.command}: error: {err}", sys.stderr)
        if err.hint:
            _out(f"  hint: {err.hint}", sys.stderr)
        return EXIT_ERROR
    except OSError as err:
        if err.filename is None:
            raise  # not about a path the user gave: a bug, keep the traceback
        # A path from the command line the system refuses outright (a name too long, ...).
        name = os.fsdecode(err.filename)
        shown = name if len(name) <= 80 else name[:77] + "..."
        _out(f"treatywatch {args.command}: error: {shown!r}: {err.strerror}", sys.stderr)
        _out("  hint: Check the path.", sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `treatywatch scan ... | head`: the reader left; stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
