"""Tests for bot/config.py: defaults, the example file, every error kind, token and paths."""

from __future__ import annotations

import re
import tomllib
from dataclasses import MISSING, fields, is_dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.config import (
    Config,
    DeliveryConfig,
    DiscordConfig,
    FeedConfig,
    FeedsConfig,
    FetchConfig,
    MatchingConfig,
    RelevanceConfig,
    StorageConfig,
    check_config,
    default_db_path,
    discord_token_from_env,
    load_config,
    resolve_db_path,
    toml_key,
)
from bot.errors import ConfigError, TreatywatchError

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "config.example.toml"


def write_config(tmp_path: Path, text: str, name: str = "treatywatch.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def only_error(path: Path) -> str:
    errors = check_config(path)
    assert len(errors) == 1, errors
    return errors[0]


# --- Defaults and the example file ---------------------------------------------------------


def test_no_path_gives_builtin_defaults() -> None:
    assert load_config(None) == Config()


def test_empty_file_gives_defaults_and_remembers_its_source(tmp_path: Path) -> None:
    path = write_config(tmp_path, "")
    assert load_config(path) == Config(source=path)


def test_example_file_loads_without_errors() -> None:
    assert check_config(EXAMPLE) == []


def test_example_file_shows_the_real_defaults() -> None:
    config = load_config(EXAMPLE)
    assert config.storage == StorageConfig()
    assert config.matching == MatchingConfig()
    assert config.relevance == RelevanceConfig()
    assert config.fetch == FetchConfig()
    assert config.discord == DiscordConfig()
    assert config.delivery == DeliveryConfig()
    defaults = FeedsConfig()
    assert config.feeds.default_interval_minutes == defaults.default_interval_minutes
    assert config.feeds.jitter_seconds == defaults.jitter_seconds
    assert config.feeds.max_entries_per_poll == defaults.max_entries_per_poll


def test_example_feed_path_resolves_to_the_shipped_example_feed() -> None:
    config = load_config(EXAMPLE)
    assert config.feeds.feeds[0].url == str(REPO / "examples" / "treaty-news.xml")


def _example_keys() -> tuple[set[str], set[str]]:
    """Key paths set in the example, and those shown only as comments (``# key = ...``)."""
    active: set[str] = set()

    def walk(table: dict[str, Any], prefix: str) -> None:
        for key, value in table.items():
            if isinstance(value, dict):
                walk(value, f"{prefix}{key}.")
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                for item in value:
                    walk(item, f"{prefix}{key}.")
            else:
                active.add(f"{prefix}{key}")

    walk(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")), "")
    commented: set[str] = set()
    section = ""
    for line in EXAMPLE.read_text(encoding="utf-8").splitlines():
        header = re.fullmatch(r"\[\[?([\w.]+)\]\]?", line.strip())
        if header:
            section = header.group(1)
        key = re.fullmatch(r"# ?(\w+) = .*", line)
        if key:
            commented.add(f"{section}.{key.group(1)}")
    return active, commented


def _field_keys(cls: type[Any], prefix: str) -> tuple[set[str], set[str]]:
    """All TOML key paths of a config dataclass, and those whose default is None."""
    keys: set[str] = set()
    optional: set[str] = set()
    for spec in fields(cls):
        if spec.name == "source":
            continue  # set by the loader, not by the file
        path = f"{prefix}{toml_key(spec)}"
        nested: object = FeedConfig if (cls, spec.name) == (FeedsConfig, "feeds") else None
        if nested is None and spec.default_factory is not MISSING:
            nested = spec.default_factory  # a section: the factory is its class
        if isinstance(nested, type) and is_dataclass(nested):
            sub_keys, sub_optional = _field_keys(nested, f"{path}.")
            keys |= sub_keys
            optional |= sub_optional
        else:
            keys.add(path)
            if spec.default is None:
                optional.add(path)
    return keys, optional


def test_example_documents_exactly_the_dataclass_fields() -> None:
    active, commented = _example_keys()
    keys, optional = _field_keys(Config, "")
    # TOML cannot write None: a key whose default is None may appear only as a comment.
    assert active | (commented & optional) == keys
    assert active <= keys, f"keys in the example that no field reads: {active - keys}"
    assert keys - active <= optional, f"fields missing from the example: {keys - active}"


def test_every_example_key_has_a_comment_naming_it() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    keys, _ = _field_keys(Config, "")
    for key in keys:
        name = key.rsplit(".", 1)[1]
        assert re.search(rf"^#.*\b{name}\b", text, re.MULTILINE), f"{key} is not documented"


# --- Valid values ---------------------------------------------------------------------------


def test_valid_values_are_typed(tmp_path: Path) -> None:
    path = write_config(tmp_path, """
[matching]
known_threshold = 85
topic_threshold = 55.5
candidates = 3

[relevance]
treaty_terms = [" treaty ", "pact"]

[discord]
api_base_url = "http://127.0.0.1:8080/api/v10/"
gateway_url = "ws://127.0.0.1:8081"
dev_guild_ids = [123456789012345678]

[fetch]
full_text = "never"
allow_private_networks = true
""")
    config = load_config(path)
    assert config.matching == MatchingConfig(known_threshold=85.0, topic_threshold=55.5,
                                             candidates=3)
    assert isinstance(config.matching.known_threshold, float)
    assert config.relevance.treaty_terms == ("treaty", "pact")
    assert config.discord.api_base_url == "http://127.0.0.1:8080/api/v10"
    assert config.discord.gateway_url == "ws://127.0.0.1:8081"
    assert config.discord.dev_guild_ids == (123456789012345678,)
    assert config.fetch.full_text == "never"
    assert config.fetch.allow_private_networks is True


def test_feeds_are_read_in_order_with_their_options(tmp_path: Path) -> None:
    path = write_config(tmp_path, """
[[feeds.feed]]
url = "https://news.example.org/rss"
name = "Example"
interval_minutes = 30

[[feeds.feed]]
url = "/srv/feeds/local.xml"
""")
    assert load_config(path).feeds.feeds == (
        FeedConfig(url="https://news.example.org/rss", name="Example", interval_minutes=30.0),
        FeedConfig(url="/srv/feeds/local.xml"),
    )


# --- Paths ------------------------------------------------------------------------------------


def test_relative_paths_resolve_against_the_config_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config_dir = tmp_path / "etc"
    config_dir.mkdir()
    path = write_config(config_dir, """
[storage]
database = "data/tw.sqlite3"

[[feeds.feed]]
url = "feeds/local.xml"
""")
    monkeypatch.chdir(tmp_path)  # somewhere else, to prove the working directory is not used
    config = load_config(path)
    assert config.storage.database == config_dir / "data" / "tw.sqlite3"
    assert config.feeds.feeds[0].url == str(config_dir / "feeds" / "local.xml")


def test_absolute_paths_are_kept(tmp_path: Path) -> None:
    database = tmp_path / "elsewhere" / "db.sqlite3"
    path = write_config(tmp_path, f'[storage]\ndatabase = "{database}"\n')
    assert load_config(path).storage.database == database


def test_database_must_not_be_a_directory(tmp_path: Path) -> None:
    path = write_config(tmp_path, '[storage]\ndatabase = "."\n')
    assert "storage.database: expected a file path, not a directory" in only_error(path)


def test_default_db_path_prefers_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("TREATYWATCH_DB", str(tmp_path / "explicit.sqlite3"))
    assert default_db_path() == tmp_path / "explicit.sqlite3"


def test_default_db_path_uses_xdg_data_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_db_path() == tmp_path / "data" / "treatywatch" / "treatywatch.sqlite3"


@pytest.mark.parametrize("xdg", ["", "relative/dir"])
def test_default_db_path_falls_back_to_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, xdg: str
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", xdg)  # empty or relative: ignored, as XDG says
    expected = tmp_path / ".local" / "share" / "treatywatch" / "treatywatch.sqlite3"
    assert default_db_path() == expected


def test_resolve_db_path_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TREATYWATCH_DB", str(tmp_path / "env.sqlite3"))
    from_file = Config(storage=StorageConfig(database=tmp_path / "file.sqlite3"))
    assert resolve_db_path(from_file, tmp_path / "flag.sqlite3") == tmp_path / "flag.sqlite3"
    assert resolve_db_path(from_file) == tmp_path / "file.sqlite3"
    assert resolve_db_path(Config()) == tmp_path / "env.sqlite3"


# --- The token ------------------------------------------------------------------------------


def test_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert discord_token_from_env() is None
    monkeypatch.setenv("DISCORD_TOKEN", "  ")
    assert discord_token_from_env() is None
    monkeypatch.setenv("DISCORD_TOKEN", "abc.def.ghi\n")
    assert discord_token_from_env() == "abc.def.ghi"


@pytest.mark.parametrize(
    ("text", "key_path"),
    [
        ('token = "abc"\n', "token"),
        ('[discord]\ntoken = "abc"\n', "discord.token"),
        ('[discord]\nbot_token = "abc"\n', "discord.bot_token"),
        ('[[feeds.feed]]\nurl = "https://a.example/rss"\nTOKEN = "x"\n', "feeds.feed[1].TOKEN"),
        ('[secrets]\ndiscord_token = "abc"\n', "secrets.discord_token"),
    ],
)
def test_a_token_in_the_file_is_refused_pointing_to_the_env_var(
    tmp_path: Path, text: str, key_path: str
) -> None:
    path = write_config(tmp_path, text)
    errors = check_config(path)
    token_errors = [e for e in errors if f": {key_path}: " in e]
    assert len(token_errors) == 1, errors
    assert "DISCORD_TOKEN environment variable" in token_errors[0]
    assert "must not be stored in the config file" in token_errors[0]


# --- Error kinds, each with its message -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # unknown sections and keys (typos), with a suggestion when one is close
        ("[matchin]\n", '[matchin]: unknown section (did you mean "matching"?); expected one of'),
        ("[matching]\nknown_treshold = 80\n",
         'matching.known_treshold: unknown key (did you mean "known_threshold"?)'),
        ("known_threshold = 80\n", "known_threshold: this key belongs in the [matching] section"),
        ("matching = 3\n", "matching: expected a table [matching], got 3"),
        # wrong types
        ('[matching]\nknown_threshold = "80"\n',
         'matching.known_threshold: expected a number from 0 to 100, got the string "80"'),
        ("[matching]\ncandidates = 2.5\n",
         "matching.candidates: expected a whole number from 1 to 1000, got 2.5"),
        ("[matching]\ncandidates = true\n",
         "matching.candidates: expected a whole number from 1 to 1000, got true"),
        ('[fetch]\nallow_private_networks = "no"\n',
         'fetch.allow_private_networks: expected true or false, got the string "no"'),
        ('[relevance]\niran_terms = "iran"\n',
         'relevance.iran_terms: expected a non-empty array of non-empty strings, '
         'got the string "iran"'),
        ("[relevance]\niran_terms = []\n",
         "relevance.iran_terms: expected a non-empty array of non-empty strings, got an array"),
        ('[relevance]\niran_terms = ["iran", ""]\n', "relevance.iran_terms: expected a non-empty"),
        ('[discord]\ndev_guild_ids = ["123"]\n',
         "discord.dev_guild_ids: expected an array of server ids (positive whole numbers)"),
        ('[fetch]\nuser_agent = ""\n', "fetch.user_agent: expected a non-empty string"),
        ('[fetch]\nuser_agent = "tw\\r\\nX-Evil: 1"\n',
         "fetch.user_agent: expected a single line of text without control characters"),
        ("[storage]\ndatabase = 5\n", "storage.database: expected a file path"),
        # out of range
        ("[matching]\nknown_threshold = 100.5\n",
         "matching.known_threshold: expected a number from 0 to 100, got 100.5"),
        ("[matching]\ntopic_threshold = -1\n",
         "matching.topic_threshold: expected a number from 0 to 100, got -1"),
        ("[matching]\nknown_threshold = nan\n",
         "matching.known_threshold: expected a number from 0 to 100, got nan"),
        ("[delivery]\ninterval_seconds = 0\n",
         "delivery.interval_seconds: expected a number greater than 0, got 0"),
        ("[delivery]\nmessages_per_second = 60\n",
         "delivery.messages_per_second: expected a number greater than 0 and at most 50, got 60"),
        ("[fetch]\ntotal_timeout_seconds = inf\n",
         "fetch.total_timeout_seconds: expected a number greater than 0, got inf"),
        ("[feeds]\ndefault_interval_minutes = 0.5\n",
         "feeds.default_interval_minutes: expected a number of at least 1, got 0.5"),
        ("[feeds]\njitter_seconds = -5\n",
         "feeds.jitter_seconds: expected a number of at least 0, got -5"),
        ("[fetch]\nmax_redirects = 31\n",
         "fetch.max_redirects: expected a whole number from 0 to 30, got 31"),
        ('[fetch]\nfull_text = "sometimes"\n',
         'fetch.full_text: expected one of "auto", "always", "never", got the string "sometimes"'),
        # relations between keys
        ("[matching]\nknown_threshold = 50\ntopic_threshold = 70\n",
         "matching.topic_threshold: must not exceed matching.known_threshold (50), got 70"),
        ("[fetch]\nconnect_timeout_seconds = 40\n",
         "fetch.connect_timeout_seconds: must not exceed fetch.total_timeout_seconds (30)"),
        ("[fetch]\nbackoff_base_seconds = 99999\n",
         "fetch.backoff_base_seconds: must not exceed fetch.backoff_max_seconds (21600)"),
        ("[fetch]\nper_host_concurrency = 20\n",
         "fetch.per_host_concurrency: must not exceed fetch.max_concurrency (16)"),
        ("[delivery]\nretry_base_seconds = 1000\n",
         "delivery.retry_base_seconds: must not exceed delivery.retry_max_seconds (900)"),
        # Discord URLs
        ('[discord]\napi_base_url = "ftp://discord.com/api"\n',
         "discord.api_base_url: expected an https:// or http:// URL"),
        ('[discord]\napi_base_url = "https://"\n',
         "discord.api_base_url: expected an https:// or http:// URL"),
        ('[discord]\ngateway_url = "https://gateway.discord.gg"\n',
         "discord.gateway_url: expected a wss:// or ws:// URL"),
    ],
)
def test_each_error_names_file_key_and_expectation(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write_config(tmp_path, text)
    error = only_error(path)
    assert error.startswith(f"{path}: ")
    assert message in error


@pytest.mark.parametrize(
    ("feed", "message"),
    [
        ('url = "ftp://example.org/rss"', "feeds.feed[2].url: expected an http:// or https:// URL"),
        ('url = "file:///etc/feed.xml"', "feeds.feed[2].url: expected an http:// or https:// URL"),
        ('url = "https://"', "feeds.feed[2].url: expected an http:// or https:// URL"),
        ('url = "https://exa mple.org/rss"', "feeds.feed[2].url: expected an http://"),
        ('url = "news.example.org/rss"', 'this looks like a web address: add "https://"'),
        ('name = "no url"', "feeds.feed[2].url: missing; this key is required"),
        ('url = "https://a.example/rss"', "feeds.feed[2].url: the same feed as feeds.feed[1].url"),
        ('url = "https://b.example/rss"\ninterval_minutes = 0',
         "feeds.feed[2].interval_minutes: expected a number of at least 1, got 0"),
        ('url = "https://b.example/rss"\nname = 3', "feeds.feed[2].name: expected a non-empty"),
        ('url = "https://b.example/rss"\nurl_ = 3', "feeds.feed[2].url_: unknown key"),
    ],
)
def test_feed_errors_name_the_feed_by_position(tmp_path: Path, feed: str, message: str) -> None:
    path = write_config(
        tmp_path, f'[[feeds.feed]]\nurl = "https://a.example/rss"\n\n[[feeds.feed]]\n{feed}\n'
    )
    assert message in only_error(path)


def test_feed_must_be_a_table(tmp_path: Path) -> None:
    path = write_config(tmp_path, '[feeds]\nfeed = ["https://a.example/rss"]\n')
    assert "feeds.feed[1]: expected a table with at least a url" in only_error(path)


def test_all_errors_are_collected_not_just_the_first(tmp_path: Path) -> None:
    path = write_config(tmp_path, """
token = "x"

[matching]
known_threshold = 101
candidates = 0

[fetch]
full_text = "maybe"

[[feeds.feed]]
url = "gopher://old.example"

[nonsense]
""")
    errors = check_config(path)
    assert len(errors) == 6, errors
    for key in ("token", "matching.known_threshold", "matching.candidates", "fetch.full_text",
                "feeds.feed[1].url", "[nonsense]"):
        assert any(f"{path}: {key}: " in error for error in errors), key


def test_load_config_raises_one_error_listing_every_problem(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[matching]\nknown_threshold = 101\ncandidates = 0\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "2 problems" in message
    assert "matching.known_threshold" in message
    assert "matching.candidates" in message
    assert caught.value.hint is not None
    assert "config.example.toml" in caught.value.hint
    assert isinstance(caught.value, TreatywatchError)


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.toml"
    assert check_config(path) == [f"{path}: no such file"]
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(path)


def test_directory_is_not_a_config_file(tmp_path: Path) -> None:
    assert check_config(tmp_path) == [f"{tmp_path}: is a directory, expected a TOML file"]


def test_invalid_toml_reports_where(tmp_path: Path) -> None:
    path = write_config(tmp_path, "[matching]\nknown_threshold = \n")
    error = only_error(path)
    assert error.startswith(f"{path}: not valid TOML: ")
    assert "line 2" in error


def test_non_utf8_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('[relevance]\niran_terms = ["Irán"]\n'.encode("latin-1"))
    assert only_error(path) == f"{path}: not UTF-8 text (TOML files must be UTF-8)"
