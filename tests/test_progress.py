"""The progress bar: only on a terminal, only after a second, and gone when done."""

from __future__ import annotations

import io
import sys

from support import REPO

from izumi_ledger.cli.progress import TerminalProgress
from izumi_ledger.loader import _keys_of
from izumi_ledger.yamlsource import parse_yaml


class FakeTerminal(io.StringIO):
    def __init__(self, terminal: bool) -> None:
        super().__init__()
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_silent_for_the_first_second() -> None:
    clock, stream = FakeClock(), FakeTerminal(terminal=True)
    progress = TerminalProgress(stream, delay=1.0, clock=clock)
    progress(0.3)
    assert stream.getvalue() == ""
    clock.now += 1.5
    progress(0.5)
    assert stream.getvalue() == "\r読み込み中 ████████████░░░░░░░░░░░░  50%"
    progress.finish()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[1].strip() == ""


def test_never_when_not_a_terminal() -> None:
    clock, stream = FakeClock(), FakeTerminal(terminal=False)
    progress = TerminalProgress(stream, delay=0.0, clock=clock)
    clock.now += 5
    progress(0.9)
    progress.finish()
    assert stream.getvalue() == ""


def test_reading_reports_rising_progress() -> None:
    sys.path.insert(0, str(REPO))
    from bench.generate import ledger_text

    seen: list[float] = []
    data = ledger_text(2000).encode()
    parsed = parse_yaml(data, "g.yaml", _keys_of, progress=seen.append)
    assert parsed.data is not None
    assert len(seen) >= 5
    assert seen == sorted(seen)
    assert seen[0] > 0 and seen[-1] <= 1
