"""The one exception root of treatywatch and its families.

Everything we raise on purpose derives from :class:`TreatywatchError`, so the CLI and the
central app-command error handler can tell a known, explainable failure (shown to the user
with what to do) from a bug (logged with a reference id).
"""

from __future__ import annotations


class TreatywatchError(Exception):
    """Root of all errors treatywatch raises on purpose. ``str(err)`` is meant for users."""

    #: A short hint on how to fix it, shown under the message when present.
    hint: str | None = None

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint


class ConfigError(TreatywatchError):
    """The configuration file is missing, unreadable or invalid."""


class StorageError(TreatywatchError):
    """The database cannot be opened, is corrupt, or has a schema we do not understand."""


class InputError(TreatywatchError):
    """A command argument or input file is not usable (bad --since, missing file, ...)."""


class FeedError(TreatywatchError):
    """A feed could not be fetched or parsed."""


class UnsafeURLError(FeedError):
    """A URL was refused: wrong scheme, or it points into a private network."""
