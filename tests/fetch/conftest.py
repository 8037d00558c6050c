"""Fixtures of the fetch tests: the misbehaving loopback feed server and tight limits."""

from tests.fetch.feedserver import feed_server, fetch_config

__all__ = ["feed_server", "fetch_config"]
