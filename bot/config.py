"""One typed configuration, loaded once from TOML and validated.

Every key is documented in ``config.example.toml``. The Discord token never lives in the
file: it comes from the ``DISCORD_TOKEN`` environment variable only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_API_BASE_URL = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"


@dataclass(frozen=True, slots=True)
class StorageConfig:
    #: SQLite file; None means the default location (see ``default_db_path``).
    database: Path | None = None


@dataclass(frozen=True, slots=True)
class MatchingConfig:
    """Thresholds of the judge (rapidfuzz scores, 0-100)."""

    #: At or above this, with compatible details, a claim restates a known one (KNOWN).
    known_threshold: float = 78.0
    #: At or above this, two claims are about the same thing, so conflicting details
    #: make a CONTRADICTING verdict.
    topic_threshold: float = 60.0
    #: How many best candidates the judge compares details with.
    candidates: int = 8


@dataclass(frozen=True, slots=True)
class RelevanceConfig:
    """Term groups: an article is relevant when it mentions one term of each group."""

    russia_terms: tuple[str, ...] = ("russia", "russian", "moscow", "kremlin", "putin")
    iran_terms: tuple[str, ...] = ("iran", "iranian", "tehran", "pezeshkian")
    treaty_terms: tuple[str, ...] = ("treaty", "pact", "agreement", "partnership", "accord", "deal")


@dataclass(frozen=True, slots=True)
class FeedConfig:
    url: str
    name: str | None = None
    interval_minutes: float | None = None


@dataclass(frozen=True, slots=True)
class FeedsConfig:
    default_interval_minutes: float = 10.0
    #: Each poll is delayed by up to this many seconds so feeds do not all fire at once.
    jitter_seconds: float = 60.0
    #: Entries processed per feed per poll at most (newest first).
    max_entries_per_poll: int = 200
    feeds: tuple[FeedConfig, ...] = ()


@dataclass(frozen=True, slots=True)
class FetchConfig:
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
    api_base_url: str = DEFAULT_API_BASE_URL
    gateway_url: str = DEFAULT_GATEWAY_URL
    #: Sync commands to these guilds only (instant updates while developing).
    dev_guild_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    #: Seconds between dispatcher passes over the outbox.
    interval_seconds: float = 5.0
    retry_base_seconds: float = 5.0
    retry_max_seconds: float = 900.0


@dataclass(frozen=True, slots=True)
class Config:
    storage: StorageConfig = field(default_factory=StorageConfig)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    relevance: RelevanceConfig = field(default_factory=RelevanceConfig)
    feeds: FeedsConfig = field(default_factory=FeedsConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    discord: DiscordConfig = field(default_factory=DiscordConfig)
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    #: Where the config was read from (None: built-in defaults).
    source: Path | None = None
