"""Checking a ledger file: read it, validate it and apply every rule, once.

The outcome is a `Report` of plain data (findings, totals, the source lines the findings
quote), so that it can be shown again without the file being parsed or pydantic imported.
Modules that cost time to import (the YAML reader, the models) are imported only when a file
is actually read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import TYPE_CHECKING

from izumi_ledger.findings import Finding
from izumi_ledger.format.amounts import Unit
from izumi_ledger.source.files import read_source

if TYPE_CHECKING:
    from izumi_ledger.cache import LedgerCache
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.load import LoadResult
    from izumi_ledger.source.progress import Progress


@dataclass(frozen=True)
class Report:
    """What checking one ledger file found.

    `readable` is False when the file could not be read or validated: then the findings say
    why, and unit, total and the counts are None.
    """

    file: str
    findings: tuple[Finding, ...]
    unit: Unit | None = None
    total: int | None = None
    policies: int | None = None
    programs: int | None = None
    items: int | None = None
    # The text of each source line a finding points at, for showing it under the finding.
    quoted: dict[int, str] = field(default_factory=dict)

    @property
    def readable(self) -> bool:
        return self.unit is not None

    def line_text(self, line: int) -> str | None:
        """The source line a finding points at, None when the text is not known."""
        return self.quoted.get(line)


def report_of(result: LoadResult, display: str) -> Report:
    """The report of a loaded ledger: its load findings, or the rules' findings and totals."""
    from izumi_ledger.figures.totals import counts, ledger_total
    from izumi_ledger.rules import check

    source = result.source
    findings = result.findings if result.ledger is None else check(result.ledger, source)
    quoted = {
        finding.line: source.line_text(finding.line)
        for finding in findings
        if finding.line and source.data
    }
    if result.ledger is None:
        return Report(display, tuple(findings), quoted=quoted)
    numbers = counts(result.ledger)
    return Report(
        display,
        tuple(findings),
        unit=result.ledger.unit,
        total=ledger_total(result.ledger),
        policies=numbers.policies,
        programs=numbers.programs,
        items=numbers.items,
        quoted=quoted,
    )


@dataclass
class CheckedLedger:
    """A checked ledger file: its report and, when it could be read, the ledger itself."""

    report: Report
    _data: bytes | None = None
    _ledger: Ledger | None = None
    _cache: LedgerCache | None = None
    _key: str = ""

    def ledger(self) -> Ledger | None:
        """The validated ledger (None when unreadable), from the cache when it holds it."""
        if self._ledger is not None or not self.report.readable or self._data is None:
            return self._ledger
        if self._cache is not None:
            self._ledger = self._cache.ledger(self._key)
        if self._ledger is None:
            from izumi_ledger.load import load_ledger_bytes

            self._ledger = load_ledger_bytes(self._data, self.report.file).ledger
        return self._ledger


def check_file(
    path: FilePath,
    display: str,
    progress: Progress | None = None,
    cache: LedgerCache | None = None,
) -> CheckedLedger:
    """Check the ledger file at path; display is how findings name it.

    With a cache, a file whose bytes were checked before (under the same name, language and
    version of izumi) is not parsed again; what was found then is shown again.
    """
    data, read_findings = read_source(path, display)
    if data is None:
        return CheckedLedger(Report(display, tuple(read_findings)))
    key = ""
    if cache is not None:
        key = cache.key(data, display)
        report = cache.report(key)
        if report is not None:
            return CheckedLedger(report, data, None, cache, key)
    from izumi_ledger.load import load_ledger_bytes

    result = load_ledger_bytes(data, display, progress)
    if progress is not None and result.ledger is not None:
        progress.stage("checking")
    report = report_of(result, display)
    if cache is not None:
        if progress is not None:
            progress.stage("caching")
        cache.store(key, report, result.ledger)
    return CheckedLedger(report, data, result.ledger)
