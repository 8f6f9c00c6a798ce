"""The progress bar: only on a terminal, only after a second, and gone when done."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from support import REPO

from izumi_ledger import Cache, check
from izumi_ledger.cli.progress import TerminalProgress
from izumi_ledger.format.validate import keys_of
from izumi_ledger.source.reader import Stage, parse_yaml


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
    progress.reading(0.3)
    assert stream.getvalue() == ""
    clock.now += 1.5
    progress.reading(0.5)
    assert stream.getvalue() == "\r読み込み中 ████████████░░░░░░░░░░░░  50%" + " " * 8
    progress.stage("validating")
    assert stream.getvalue().endswith("\r書式を検証中…" + " " * 35)
    progress.finish()
    assert stream.getvalue().endswith("\r")
    assert stream.getvalue().rsplit("\r", 2)[1].strip() == ""


def test_never_when_not_a_terminal() -> None:
    clock, stream = FakeClock(), FakeTerminal(terminal=False)
    progress = TerminalProgress(stream, delay=0.0, clock=clock)
    clock.now += 5
    progress.reading(0.9)
    progress.stage("checking")
    progress.finish()
    assert stream.getvalue() == ""


def test_reading_reports_rising_progress() -> None:
    sys.path.insert(0, str(REPO))
    from bench.generate import ledger_text

    seen: list[float] = []
    data = ledger_text(2000).encode()
    parsed = parse_yaml(data, "g.yaml", keys_of, progress=seen.append)
    assert parsed.data is not None
    assert len(seen) >= 5
    assert seen == sorted(seen)
    assert seen[0] > 0 and seen[-1] <= 1


class Recorder:
    def __init__(self) -> None:
        self.fractions: list[float] = []
        self.stages: list[Stage] = []

    def reading(self, fraction: float) -> None:
        self.fractions.append(fraction)

    def stage(self, stage: Stage) -> None:
        self.stages.append(stage)


def test_checking_names_each_stage_after_reading(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO))
    from bench.generate import write_ledger

    path = write_ledger(tmp_path / "g.yaml", 2000)
    plain, cached = Recorder(), Recorder()
    check(path, name="g.yaml", progress=plain)
    Cache(tmp_path / "cache").check(path, name="g.yaml", progress=cached)
    assert plain.fractions and plain.stages == ["validating", "checking"]
    assert cached.stages == ["validating", "checking", "caching"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("ledger: [", encoding="utf-8")
    unreadable = Recorder()
    check(broken, name="broken.yaml", progress=unreadable)
    assert unreadable.stages == []
