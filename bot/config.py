"""One typed configuration, loaded once from TOML and validated strictly.

Every key is documented in ``config.example.toml``. Validation collects every problem in the
file (unknown keys, wrong types, out-of-range values) so one run of ``treatywatch
check-config`` shows them all, each naming the file, the key path and what was expected.
The Discord token never lives in the file: it comes from the ``DISCORD_TOKEN`` environment
variable only.
"""

from __future__ import annotations

import difflib
import math
import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from pathlib import Path
from typing import Any, TypeGuard
from urllib.parse import urlsplit

from bot.errors import ConfigError

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"
TOKEN_ENV_VAR = "DISCORD_TOKEN"  # noqa: S105  (the variable's name, not a secret)
DB_ENV_VAR = "TREATYWATCH_DB"
#: Field metadata key: the name a field has in the TOML file when it differs from the field's.
TOML_KEY = "toml_key"


@dataclass(frozen=True, slots=True)
class StorageConfig:
    """Where the database lives (``[storage]``)."""

    #: SQLite file; None means the default location (see ``default_db_path``).
    database: Path | None = None


@dataclass(frozen=True, slots=True)
class MatchingConfig:
    """Thresholds of the judge (rapidfuzz scores, 0-100)."""

    #: At or above this, with compatible details, a claim restates a known one (KNOWN).
    known_threshold: float = 78.0
    #: Between this and ``known_threshold``, a claim still restates a known one when it adds
    #: no salient detail (a name, a number, a date or a treaty term): a paraphrase.
    paraphrase_threshold: float = 40.0
    #: At or above this, two claims are about the same thing, so conflicting details
    #: make a CONTRADICTING verdict.
    topic_threshold: float = 60.0
    #: How many best candidates the judge compares details with.
    candidates: int = 8


@dataclass(frozen=True, slots=True)
class RelevanceConfig:
    """Term groups: an article is relevant when it mentions one term of each group."""

    russia_terms: tuple[str, ...] = (
        "russia", "russian", "moscow", "kremlin", "putin", "state duma", "federation council",
    )
    iran_terms: tuple[str, ...] = ("iran", "iranian", "tehran", "pezeshkian", "majlis")
    treaty_terms: tuple[str, ...] = ("treaty", "pact", "agreement", "partnership", "accord", "deal")


@dataclass(frozen=True, slots=True)
class FeedConfig:
    """One ``[[feeds.feed]]``: an http(s) URL or an absolute feed file path."""

    url: str
    name: str | None = None
    interval_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class FeedsConfig:
    """Polling schedule and the configured feeds (``[feeds]``)."""

    default_interval_minutes: float = 10.0
    #: Each poll is delayed by up to this many seconds so feeds do not all fire at once.
    jitter_seconds: float = 60.0
    #: Entries processed per feed per poll at most (newest first).
    max_entries_per_poll: int = 200
    #: Written as ``[[feeds.feed]]`` tables in the file (one table per feed).
    feeds: tuple[FeedConfig, ...] = field(default=(), metadata={TOML_KEY: "feed"})


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """Limits and politeness of HTTP fetching (``[fetch]``)."""

    connect_timeout_seconds: float = 10.0
    total_timeout_seconds: float = 30.0
    max_body_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = "treatywatch/0.1 (+https://github.com/treatywatch/treatywatch)"
    max_concurrency: int = 16
    per_host_concurrency: int = 2
    allow_private_networks: bool = False
    #: "auto": fetch the linked page when an entry carries only a summary.
    full_text: str = "auto"
    backoff_base_seconds: float = 60.0
    backoff_max_seconds: float = 6 * 3600.0
    #: A feed is marked failing after this many consecutive failures ...
    failure_threshold: int = 11
    #: ... spanning at least this many hours.
    failure_min_span_hours: float = 24.0


@dataclass(frozen=True, slots=True)
class DiscordConfig:
    """Discord endpoints and command sync (``[discord]``); never the token."""

    api_base_url: str = DEFAULT_API_BASE_URL
    gateway_url: str = DEFAULT_GATEWAY_URL
    #: Sync commands to these guilds only (instant updates while developing).
    dev_guild_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """Pace of the alert outbox dispatcher (``[delivery]``)."""

    #: Seconds between dispatcher passes over the outbox.
    interval_seconds: float = 5.0
    retry_base_seconds: float = 5.0
    retry_max_seconds: float = 900.0
    #: Most alert messages sent per second, across all channels; Discord allows a bot
    #: about 50 requests a second in all, and refused requests count towards a ban.
    messages_per_second: float = 45.0


@dataclass(frozen=True, slots=True)
class Config:
    """The whole configuration: one frozen value per section."""

    storage: StorageConfig = field(default_factory=StorageConfig)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    relevance: RelevanceConfig = field(default_factory=RelevanceConfig)
    feeds: FeedsConfig = field(default_factory=FeedsConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    #: Where the config was read from (None: built-in defaults).
    source: Path | None = None


# --- Environment ---------------------------------------------------------------------------


def discord_token_from_env() -> str | None:
    """The bot token from ``$DISCORD_TOKEN``; None when unset or blank."""
    token = os.environ.get(TOKEN_ENV_VAR, "").strip()
    return token or None


def default_db_path() -> Path:
    """Where the database lives when neither ``--db`` nor ``[storage] database`` says.

    ``$TREATYWATCH_DB`` if set, else ``$XDG_DATA_HOME/treatywatch/treatywatch.sqlite3``,
    else ``~/.local/share/treatywatch/treatywatch.sqlite3``.
    """
    explicit = os.environ.get(DB_ENV_VAR, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME", "").strip()
    # The XDG spec says a relative value is invalid and must be ignored.
    base = (
        Path(data_home)
        if data_home and Path(data_home).is_absolute()
        else Path.home() / ".local" / "share"
    )
    return base / "treatywatch" / "treatywatch.sqlite3"


def resolve_db_path(config: Config, override: Path | None = None) -> Path:
    """The database to open: ``--db`` first, then ``[storage] database``, then the default."""
    if override is not None:
        return override.expanduser()
    if config.storage.database is not None:
        return config.storage.database
    return default_db_path()


def toml_key(spec: Field[Any]) -> str:
    """The name a dataclass field has in the TOML file (usually the field's own name)."""
    return str(spec.metadata.get(TOML_KEY, spec.name))


# --- Loading -------------------------------------------------------------------------------


def load_config(path: Path | None) -> Config:
    """Load and validate the config at ``path``; None gives the built-in defaults.

    Raises :class:`ConfigError` listing every problem found when the file is missing,
    unreadable, not TOML, or invalid.
    """
    if path is None:
        return Config()
    if not path.exists():
        raise ConfigError(
            f"{path}: no such config file",
            hint="Copy config.example.toml, or run without a config to use the defaults.",
        )
    config, errors = _parse(path)
    if errors or config is None:
        listing = "\n".join(f"  - {error}" for error in errors)
        raise ConfigError(
            f"{path}: invalid configuration ({len(errors)} "
            f"problem{'s' if len(errors) != 1 else ''}):\n{listing}",
            hint="Every key is documented in config.example.toml; "
            "`treatywatch check-config PATH` re-checks the file.",
        )
    return config


def check_config(path: Path) -> list[str]:
    """Every problem in the config at ``path``, one message each; empty when it is valid."""
    return _parse(path)[1]


@dataclass(frozen=True, slots=True)
class _Problem:
    """What a value should have been, when a validator rejects it."""

    expected: str


#: Turns a raw TOML value into the typed value, or says what was expected.
_Validator = Callable[[object, "_Context", str], object]


@dataclass(slots=True)
class _Context:
    file: Path
    base_dir: Path
    errors: list[str] = field(default_factory=list)

    def error(self, key_path: str, message: str) -> None:
        self.errors.append(f"{self.file}: {key_path}: {message}")


def _parse(path: Path) -> tuple[Config | None, list[str]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [f"{path}: no such file"]
    except IsADirectoryError:
        return None, [f"{path}: is a directory, expected a TOML file"]
    except OSError as err:
        return None, [f"{path}: cannot read: {err.strerror or err}"]
    try:
        document = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, [f"{path}: not UTF-8 text (TOML files must be UTF-8)"]
    except tomllib.TOMLDecodeError as err:
        return None, [f"{path}: not valid TOML: {err}"]

    ctx = _Context(file=path, base_dir=path.absolute().parent)
    _report_token_keys(document, ctx, "")
    sections: dict[str, Any] = {}
    for name, value in document.items():
        if _is_token_key(name):
            continue
        section = _SECTIONS.get(name)
        if section is None:
            _report_unknown_top_level(name, value, ctx)
            continue
        if not isinstance(value, dict):
            ctx.error(name, f"expected a table [{name}], got {_describe(value)}")
            continue
        cls, rules, relation = section
        built = _build_table(cls, rules, value, ctx, name)
        if built is not None:
            relation(built, ctx)
            sections[name] = built
    if ctx.errors:
        return None, ctx.errors
    return Config(source=path, **sections), []


def _report_unknown_top_level(name: str, value: object, ctx: _Context) -> None:
    home = [section for section, (_, rules, _) in _SECTIONS.items() if name in rules]
    if not isinstance(value, dict) and home:
        ctx.error(name, f"this key belongs in the [{home[0]}] section")
        return
    sections = ", ".join(f"[{section}]" for section in _SECTIONS)
    ctx.error(
        f"[{name}]", f"unknown section{_suggest(name, _SECTIONS)}; expected one of: {sections}"
    )


def _build_table(
    cls: type[Any],
    rules: Mapping[str, _Validator],
    table: Mapping[str, object],
    ctx: _Context,
    path: str,
) -> Any:
    """Validate one TOML table against ``rules`` and build ``cls``; None if anything failed."""
    errors_before = len(ctx.errors)
    field_of_key = {toml_key(spec): spec for spec in fields(cls)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        key_path = f"{path}.{key}"
        if _is_token_key(key):
            continue  # already reported by _report_token_keys
        rule = rules.get(key)
        if rule is None:
            ctx.error(
                key_path, f"unknown key{_suggest(key, rules)}; expected one of: {', '.join(rules)}"
            )
            continue
        result = rule(value, ctx, key_path)
        if isinstance(result, _Problem):
            ctx.error(key_path, f"expected {result.expected}, got {_describe(value)}")
        else:
            values[field_of_key[key].name] = result
    for key, spec in field_of_key.items():
        required = spec.default is MISSING and spec.default_factory is MISSING
        if required and key not in table:
            ctx.error(f"{path}.{key}", "missing; this key is required")
    if len(ctx.errors) > errors_before:
        return None
    return cls(**values)


def _report_token_keys(value: object, ctx: _Context, path: str) -> None:
    """A token anywhere in the file is refused: the file gets copied, pasted and committed."""
    if isinstance(value, dict):
        for key, item in value.items():
            key_path = f"{path}.{key}" if path else key
            if _is_token_key(key):
                ctx.error(
                    key_path,
                    "the Discord token must not be stored in the config file; "
                    f"remove this key and set the {TOKEN_ENV_VAR} environment variable",
                )
            else:
                _report_token_keys(item, ctx, key_path)
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            _report_token_keys(item, ctx, f"{path}[{index}]")


def _is_token_key(key: str) -> bool:
    lowered = key.lower()
    return lowered == "token" or lowered.endswith("_token")


def _suggest(key: str, choices: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(key, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'the string "{shown}"'
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__}"  # dates and times


# --- Validators ------------------------------------------------------------------------------


def _is_number(value: object) -> TypeGuard[int | float]:
    # bool is an int in Python, but `true` is never a number in a config file.
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _number(
    *, minimum: float | None = None, maximum: float | None = None, positive: bool = False
) -> _Validator:
    """A finite number (TOML integer or float) within bounds, as a float."""
    if minimum is not None and maximum is not None:
        expected = f"a number from {minimum:g} to {maximum:g}"
    elif positive and maximum is not None:
        expected = f"a number greater than 0 and at most {maximum:g}"
    elif positive:
        expected = "a number greater than 0"
    elif minimum is not None:
        expected = f"a number of at least {minimum:g}"
    else:
        expected = "a number"

    def check(value: object, ctx: _Context, path: str) -> object:
        if not _is_number(value):
            return _Problem(expected)
        number = float(value)
        if (
            (positive and number <= 0)
            or (minimum is not None and number < minimum)
            or (maximum is not None and number > maximum)
        ):
            return _Problem(expected)
        return number

    return check


def _integer(*, minimum: int, maximum: int | None = None) -> _Validator:
    """A whole number within bounds."""
    expected = (
        f"a whole number from {minimum} to {maximum}"
        if maximum is not None
        else f"a whole number of at least {minimum}"
    )

    def check(value: object, ctx: _Context, path: str) -> object:
        if not isinstance(value, int) or isinstance(value, bool):
            return _Problem(expected)
        if value < minimum or (maximum is not None and value > maximum):
            return _Problem(expected)
        return value

    return check


def _boolean(value: object, ctx: _Context, path: str) -> object:
    return value if isinstance(value, bool) else _Problem("true or false")


def _choice(*options: str) -> _Validator:
    expected = "one of " + ", ".join(f'"{option}"' for option in options)

    def check(value: object, ctx: _Context, path: str) -> object:
        return value if value in options else _Problem(expected)

    return check


def _text(value: object, ctx: _Context, path: str) -> object:
    """A non-blank single line (it may end up in an HTTP header, so no control characters)."""
    if not isinstance(value, str) or not value.strip():
        return _Problem("a non-empty string")
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return _Problem("a single line of text without control characters")
    return value.strip()


def _terms(value: object, ctx: _Context, path: str) -> object:
    expected = "a non-empty array of non-empty strings"
    if not isinstance(value, list) or not value:
        return _Problem(expected)
    if not all(isinstance(term, str) and term.strip() for term in value):
        return _Problem(expected)
    return tuple(term.strip() for term in value)


def _guild_ids(value: object, ctx: _Context, path: str) -> object:
    expected = "an array of server ids (positive whole numbers)"
    if not isinstance(value, list):
        return _Problem(expected)
    if not all(isinstance(i, int) and not isinstance(i, bool) and i > 0 for i in value):
        return _Problem(expected)
    return tuple(value)


def _path(value: object, ctx: _Context, path: str) -> object:
    """A file path; relative paths are taken from the config file's directory."""
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        return _Problem("a file path (a non-empty string)")
    resolved = ctx.base_dir / Path(value).expanduser()
    if resolved.is_dir():
        return _Problem("a file path, not a directory")
    return resolved


def _url(*schemes: str, expected: str) -> _Validator:

    def check(value: object, ctx: _Context, path: str) -> object:
        if not isinstance(value, str) or not _is_url(value, schemes):
            return _Problem(expected)
        return value.rstrip("/")

    return check


def _is_url(value: str, schemes: tuple[str, ...]) -> bool:
    if any(char.isspace() for char in value):
        return False
    try:
        parts = urlsplit(value)
        return parts.scheme.lower() in schemes and bool(parts.hostname) and parts.port != -1
    except ValueError:  # a malformed port or IPv6 literal
        return False


def _feed_source(value: object, ctx: _Context, path: str) -> object:
    """An http(s) feed URL, or a feed file path (made absolute against the config's directory)."""
    expected = "an http:// or https:// URL, or a path to a feed file"
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        return _Problem(expected)
    value = value.strip()
    scheme = urlsplit(value).scheme.lower() if "://" in value or ":" in value[:8] else ""
    if scheme:
        return value if _is_url(value, ("http", "https")) else _Problem(expected)
    resolved = ctx.base_dir / Path(value).expanduser()
    first_part = Path(value).parts[0]
    # "example.com/rss" is far more likely a URL missing its scheme than a file named so.
    if not Path(value).is_absolute() and "." in first_part.strip(".") and not resolved.exists():
        return _Problem(f'{expected} (this looks like a web address: add "https://")')
    return str(resolved)


def _feed_list(value: object, ctx: _Context, path: str) -> object:
    """The ``[[feeds.feed]]`` tables: each validated, duplicates refused."""
    if not isinstance(value, list):
        return _Problem("an array of tables, written as [[feeds.feed]]")
    feeds: list[FeedConfig] = []
    first_seen_at: dict[str, str] = {}
    for index, item in enumerate(value, start=1):
        item_path = f"{path}[{index}]"
        if not isinstance(item, dict):
            ctx.error(item_path, f"expected a table with at least a url, got {_describe(item)}")
            continue
        feed = _build_table(FeedConfig, _FEED_RULES, item, ctx, item_path)
        if feed is None:
            continue
        if feed.url in first_seen_at:
            ctx.error(f"{item_path}.url", f"the same feed as {first_seen_at[feed.url]}.url")
            continue
        first_seen_at[feed.url] = item_path
        feeds.append(feed)
    return tuple(feeds)


# --- Cross-field relations (checked only when each field is valid on its own) ------------------


def _no_relation(section: Any, ctx: _Context) -> None:
    return None


def _matching_relation(section: MatchingConfig, ctx: _Context) -> None:
    if section.paraphrase_threshold > section.known_threshold:
        ctx.error(
            "matching.paraphrase_threshold",
            "must not exceed matching.known_threshold "
            f"({section.known_threshold:g}), got {section.paraphrase_threshold:g}",
        )
    if section.topic_threshold > section.known_threshold:
        ctx.error(
            "matching.topic_threshold",
            "must not exceed matching.known_threshold "
            f"({section.known_threshold:g}), got {section.topic_threshold:g}",
        )


def _fetch_relation(section: FetchConfig, ctx: _Context) -> None:
    if section.connect_timeout_seconds > section.total_timeout_seconds:
        ctx.error(
            "fetch.connect_timeout_seconds",
            "must not exceed fetch.total_timeout_seconds "
            f"({section.total_timeout_seconds:g}), got {section.connect_timeout_seconds:g}",
        )
    if section.backoff_base_seconds > section.backoff_max_seconds:
        ctx.error(
            "fetch.backoff_base_seconds",
            "must not exceed fetch.backoff_max_seconds "
            f"({section.backoff_max_seconds:g}), got {section.backoff_base_seconds:g}",
        )
    if section.per_host_concurrency > section.max_concurrency:
        ctx.error(
            "fetch.per_host_concurrency",
            "must not exceed fetch.max_concurrency "
            f"({section.max_concurrency}), got {section.per_host_concurrency}",
        )


def _delivery_relation(section: DeliveryConfig, ctx: _Context) -> None:
    if section.retry_base_seconds > section.retry_max_seconds:
        ctx.error(
            "delivery.retry_base_seconds",
            "must not exceed delivery.retry_max_seconds "
            f"({section.retry_max_seconds:g}), got {section.retry_base_seconds:g}",
        )


# --- The rules: one validator per TOML key, per section ---------------------------------------

_SCORE = _number(minimum=0, maximum=100)
_POSITIVE = _number(positive=True)
_NON_NEGATIVE = _number(minimum=0)
# Polling a feed more often than once a minute is impolite to its publisher.
_POLL_MINUTES = _number(minimum=1)

_FEED_RULES: dict[str, _Validator] = {
    "url": _feed_source,
    "name": _text,
    "interval_minutes": _POLL_MINUTES,
}

_SECTIONS: dict[str, tuple[type[Any], dict[str, _Validator], Callable[[Any, _Context], None]]] = {
    "storage": (StorageConfig, {"database": _path}, _no_relation),
    "matching": (
        MatchingConfig,
        {
            "known_threshold": _SCORE,
            "paraphrase_threshold": _SCORE,
            "topic_threshold": _SCORE,
            "candidates": _integer(minimum=1, maximum=1000),
        },
        _matching_relation,
    ),
    "relevance": (
        RelevanceConfig,
        {"russia_terms": _terms, "iran_terms": _terms, "treaty_terms": _terms},
        _no_relation,
    ),
    "feeds": (
        FeedsConfig,
        {
            "default_interval_minutes": _POLL_MINUTES,
            "jitter_seconds": _NON_NEGATIVE,
            "max_entries_per_poll": _integer(minimum=1),
            "feed": _feed_list,
        },
        _no_relation,
    ),
    "fetch": (
        FetchConfig,
        {
            "connect_timeout_seconds": _POSITIVE,
            "total_timeout_seconds": _POSITIVE,
            "max_body_bytes": _integer(minimum=1024),
            "max_redirects": _integer(minimum=0, maximum=30),
            "user_agent": _text,
            "max_concurrency": _integer(minimum=1),
            "per_host_concurrency": _integer(minimum=1),
            "allow_private_networks": _boolean,
            "full_text": _choice("auto", "always", "never"),
            "backoff_base_seconds": _POSITIVE,
            "backoff_max_seconds": _POSITIVE,
            "failure_threshold": _integer(minimum=1),
            "failure_min_span_hours": _NON_NEGATIVE,
        },
        _fetch_relation,
    ),
    "discord": (
        DiscordConfig,
        {
            "api_base_url": _url("https", "http", expected="an https:// or http:// URL"),
            "gateway_url": _url("wss", "ws", expected="a wss:// or ws:// URL"),
            "dev_guild_ids": _guild_ids,
        },
        _no_relation,
    ),
    "delivery": (
        DeliveryConfig,
        {
            "interval_seconds": _POSITIVE,
            "retry_base_seconds": _POSITIVE,
            "retry_max_seconds": _POSITIVE,
            "messages_per_second": _number(positive=True, maximum=50),
        },
        _delivery_relation,
    ),
}
