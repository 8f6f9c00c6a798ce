"""A progress bar on stderr for ledgers that take more than a second to read."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TextIO

from ..messages import t

_WIDTH = 24


class TerminalProgress:
    """Reports reading progress, but only on a terminal and only after `delay` seconds:
    a quick command stays silent, and piped or redirected output is never disturbed."""

    def __init__(
        self,
        stream: TextIO | None = None,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.shown = False

    def __call__(self, fraction: float) -> None:
        if not self.stream.isatty() or self.clock() - self.started < self.delay:
            return
        filled = int(fraction * _WIDTH)
        bar = "█" * filled + "░" * (_WIDTH - filled)
        label = t("progress.reading")
        self.stream.write(f"\r{label} {bar} {fraction:4.0%}")
        self.stream.flush()
        self.shown = True

    def finish(self) -> None:
        """Clear the bar, if one was shown, so that what follows starts on a clean line."""
        if self.shown:
            self.stream.write("\r" + " " * (_WIDTH + 24) + "\r")
            self.stream.flush()
            self.shown = False
