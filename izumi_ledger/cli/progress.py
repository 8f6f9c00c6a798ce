"""A progress bar on stderr for ledgers that take more than a second to read."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from izumi_ledger.cli.messages import t
from izumi_ledger.text.width import cell_width

if TYPE_CHECKING:
    from izumi_ledger.cli.terminal import GuardedStream
    from izumi_ledger.source.reader import Stage

_WIDTH = 24
_LINE = _WIDTH + 24  # columns the longest line takes
_STAGE_MESSAGES: dict[Stage, str] = {
    "validating": "progress.validating",
    "checking": "progress.checking",
    "caching": "progress.caching",
}


class TerminalProgress:
    """Shows how far reading has come, then what follows it, but only on a terminal and
    only after `delay` seconds: a quick command stays silent, and piped or redirected output
    is never disturbed."""

    def __init__(
        self,
        stream: TextIO | GuardedStream | None = None,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream: TextIO | GuardedStream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.shown = False

    def _due(self) -> bool:
        return self.stream.isatty() and self.clock() - self.started >= self.delay

    def _show(self, text: str) -> None:
        # Padded to the longest line shown, so that a shorter one covers it entirely.
        self.stream.write("\r" + text + " " * max(0, _LINE - cell_width(text)))
        self.stream.flush()
        self.shown = True

    def reading(self, fraction: float) -> None:
        if self._due():
            filled = int(fraction * _WIDTH)
            bar = "█" * filled + "░" * (_WIDTH - filled)
            label = t("progress.reading")
            self._show(f"{label} {bar} {fraction:4.0%}")

    def stage(self, stage: Stage) -> None:
        if self._due():
            self._show(t(_STAGE_MESSAGES[stage]))

    def finish(self) -> None:
        """Clear the bar, if one was shown, so that what follows starts on a clean line."""
        if self.shown:
            self.stream.write("\r" + " " * _LINE + "\r")
            self.stream.flush()
            self.shown = False
