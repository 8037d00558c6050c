"""SIGTERM and SIGINT caught from the first line of ``treatywatch run``, before the bot exists.

The bot's own handlers need its event loop, which runs only after the heavy imports and the
setup (about 1.5 s). Until then :class:`EarlySignals` just records a signal: start-up checks
it before opening anything and stops cleanly (exit 0), where the default action would kill
the process (-15) or raise KeyboardInterrupt in the middle of an import. A signal before
Python runs that first line still kills the process, but then nothing has been opened yet.
"""

from __future__ import annotations

import contextlib
import signal
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class EarlySignals:
    """Records the first stop signal until someone takes over; then restores the handlers."""

    def __init__(self) -> None:
        self.received: signal.Signals | None = None
        self._previous: dict[signal.Signals, Any] = {}

    def install(self) -> EarlySignals:
        for signum in SIGNALS:
            # Only the main thread may set handlers; elsewhere, signals are not ours anyway.
            with contextlib.suppress(ValueError):
                self._previous[signum] = signal.signal(signum, self._record)
        return self

    def restore(self) -> None:
        """Put back the handlers that were there before :meth:`install`."""
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _record(self, signum: int, _frame: FrameType | None) -> None:
        if self.received is None:
            self.received = signal.Signals(signum)
