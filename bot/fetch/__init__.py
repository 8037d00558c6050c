"""Polite, safe feed fetching: SSRF guard, bounded HTTP, feed parsing, backoff, polling.

Modules: ``netguard`` (which URLs may be fetched), ``http`` (the shared ``Fetcher``),
``feeds`` (bytes → entries → Documents), ``fulltext`` (article text behind a summary),
``backoff`` (when to poll next, when a feed is failing) and ``poll`` (many feeds at once).
Nothing here touches storage: the caller persists what ``poll_feeds`` decides.
"""
