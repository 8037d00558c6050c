"""What tests/store and tests/cogs do not cover yet: the real ``treatywatch run`` process on a
broken database, and hostile strings in every CLI option.

``treatywatch run`` on a database that is garbage, damaged, truncated, from a newer
treatywatch or from another application: one clear error line and a hint on stderr, exit
status 1, no traceback, and the file left exactly as it was (it is the evidence, or the
only copy). Every CLI command given hostile strings (very long, markdown, mentions,
zero-width and right-to-left override characters, invalid URLs, huge numbers, bad
durations) answers with a clear error and a non-zero status, or a safe result — never a
traceback.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.resilience.harness import EXAMPLE_FEED, ROOT, TOKEN, FakeDiscordProcess, write_config


def _damage(good: Path, path: Path, how: str) -> None:
    if how == "garbage":
        path.write_bytes(b"this is not a database\n" * 500)
        return
    shutil.copy(good, path)
    if how == "newer-schema":
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA user_version = 99")
        conn.close()
    elif how == "other-application":
        path.unlink()
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.close()
    elif how == "damaged-pages":
        data = bytearray(path.read_bytes())
        for offset in range(4096 * 2, len(data), 4096):  # every b-tree page after the schema
            data[offset : offset + 64] = b"\xff" * 64
        path.write_bytes(bytes(data))
    elif how == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])


BROKEN = ["garbage", "damaged-pages", "truncated", "newer-schema", "other-application"]


@pytest.fixture(scope="module")
def good_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real database with verdicts, claims and alerts, checkpointed into one file."""
    path = tmp_path_factory.mktemp("good") / "good.sqlite3"
    assert main(["scan", str(EXAMPLE_FEED), "--db", str(path)]) == 0
    assert not path.with_name(path.name + "-wal").exists()
    return path


async def test_run_on_a_broken_database_fails_clearly(tmp_path: Path, good_db: Path) -> None:
    fake = FakeDiscordProcess(tmp_path / "fake.log")
    await fake.start()
    try:
        config = write_config(tmp_path / "config.toml", fake, [])
        for how in BROKEN:
            db = tmp_path / f"{how}.sqlite3"
            _damage(good_db, db, how)
            before = db.read_bytes()
            result = await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-m", "bot.cli", "run", "--config", str(config), "--db", str(db)],
                cwd=ROOT,
                env={**os.environ, "DISCORD_TOKEN": TOKEN},
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert result.returncode == 1, (how, result.stderr)
            assert "Traceback" not in result.stderr, (how, result.stderr)
            errors = [line for line in result.stderr.splitlines() if "error:" in line]
            assert len(errors) == 1 and errors[0].startswith("treatywatch run: error:"), (
                how,
                result.stderr,
            )
            assert "hint:" in result.stderr, (how, result.stderr)
            assert db.read_bytes() == before, f"{how}: the database file was changed"
    finally:
        await fake.stop()


# --------------------------------------------------------------------------- hostile CLI input

LONG = "A" * 100_000
HOSTILE = [
    pytest.param(LONG, id="very-long"),
    pytest.param("**bold** __u__ `code` ||spoiler|| [x](https://evil.example)", id="markdown"),
    pytest.param("@everyone @here <@&123456789012345678> <@1>", id="mentions"),
    pytest.param("a\u200bb\u200c\u200d\ufeff", id="zero-width"),
    pytest.param("\u202eexe.txt\u202c", id="rtl-override"),
    pytest.param("💣" * 5000, id="emoji-flood"),
    pytest.param("", id="empty"),
    pytest.param("   ", id="blank"),
    pytest.param("-", id="dash"),
]


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse's usage errors
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(code: int, err: str, command: str) -> None:
    assert code in (1, 2), (code, err[:500])
    assert f"treatywatch {command}: error:" in err, err[:500]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_strings_in_every_option(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative backup name lands here, not in the checkout
    db = str(tmp_path / "tw.sqlite3")
    # lookup's query is free text: a safe result, never an error.
    code, _, err = run_cli(["lookup", value, "--db", db], capsys)
    assert code == 0 or "treatywatch lookup: error:" in err, err[:500]
    for argv, command in [
        (["digest", "--since", value, "--db", db], "digest"),
        (["digest", "--kinds", value, "--db", db], "digest"),
        (["scan", value, "--db", db], "scan"),
        (["lookup", "x", "--config", value, "--db", db], "lookup"),
    ]:
        if value == "" and ("--config" in argv or "--kinds" in argv):
            continue  # empty means the default: no config file, all kinds
        code, _, err = run_cli(argv, capsys)
        assert_refused(code, err, command)
    # A strange but valid file name is a safe result for a database or a backup: the
    # file is made there (here, inside tmp_path). Empty means the default database.
    if value.strip():
        for argv, command in [
            (["lookup", "x", "--db", value], "lookup"),
            (["backup", value, "--db", db], "backup"),
        ]:
            code, _, err = run_cli(argv, capsys)
            if code == 0:
                assert (tmp_path / value).is_file()
            else:
                assert_refused(code, err, command)
    code, _, err = run_cli(["check-config", value or "-"], capsys)
    assert code == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "url",
    [
        "http://",
        "https://[::1",
        "http://127.0.0.1:99999/feed",
        "http://user:secret@127.0.0.1:1/feed",
        "http://0.0.0.0/feed",
        "javascript:alert(1)",
        "ftp://127.0.0.1/feed",
        "file:///etc/passwd",
        "http://127.0.0.1:1/\u202efeed",
    ],
)
def test_invalid_urls_are_refused(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["scan", url, "--db", str(tmp_path / "tw.sqlite3")], capsys)
    assert_refused(code, err, "scan")
    assert "hint:" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["lookup", "x", "--limit", "99999999999999999999999"],
        ["lookup", "x", "--limit", "-1"],
        ["lookup", "x", "--limit", "1e9"],
        ["lookup", "x", "--limit", "nan"],
        ["digest", "--since", "99999999999999999999d"],
        ["digest", "--since", "1e9h"],
        ["digest", "--since", "-1h"],
        ["digest", "--since", "0h"],
        ["digest", "--since", "24 hours ago; DROP TABLE alerts"],
        ["digest", "--since", "9999-99-99"],
    ],
    ids=lambda argv: " ".join(argv[1:]),
)
def test_huge_numbers_and_bad_durations(
    argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli([*argv, "--db", str(tmp_path / "tw.sqlite3")], capsys)
    assert_refused(code, err, argv[0])
