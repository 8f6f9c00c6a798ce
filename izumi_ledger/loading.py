"""The one way in: a ledger read from a file, bytes, text or a stream, validated and checked.

    loaded = load("data/programs.yaml")     # the ledger (or None), its source, the findings
    checked = check("data/programs.yaml")   # the same, with every rule applied

`load` stops at the format: a file that is not a ledger gives None and the findings that say
why. `check` applies every rule of the format to a ledger that loaded, and keeps what a
command shows: the findings (each quoting its line), the totals and the counts. Modules that
cost time to import (the YAML reader, the models) are imported only when a file is read.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING

from izumi_ledger.findings import Finding, count_errors, count_warnings, quoted_window
from izumi_ledger.source.files import read_failure, read_source, read_stream
from izumi_ledger.text.messages import t
from izumi_ledger.text.oserrors import os_reason

if TYPE_CHECKING:
    from collections.abc import Callable

    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.compiled import CompiledFormat
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.source.positions import SourceMap
    from izumi_ledger.source.reader import Progress

# A path (as text or a Path), the file's bytes, or an open stream (binary or text).
Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]


@dataclass(frozen=True)
class Loaded:
    """A ledger file read and validated: the ledger, or None with the findings that say why."""

    ledger: Ledger | None
    source: SourceMap
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Summary:
    """The figures of a ledger that `izumi check` reports beside its findings."""

    unit: Unit
    total: int
    policies: int
    programs: int
    items: int
    # Who the ledger is: a collection tells ledgers apart by these without reading them again.
    city: str = ""
    ward: str = ""
    fiscal_year: int = 0
    # Its largest figure (a prior amount, a change, a ○ line's…): a collection in a smaller
    # unit must still hold it exactly.
    largest: int = 0


@dataclass(frozen=True)
class Checked:
    """A ledger checked against every rule: its findings and, when it loaded, its figures.

    `summary` is None when the file could not be read as a ledger; the findings say why.
    """

    name: str
    findings: tuple[Finding, ...]
    summary: Summary | None
    # The validated ledger, or how to get it when it is asked for (from the cache).
    _ledger: Ledger | Callable[[], Ledger | None] | None = field(default=None, compare=False)

    @property
    def ledger(self) -> Ledger | None:
        """The validated ledger; None when the file could not be read as one."""
        if callable(self._ledger):
            object.__setattr__(self, "_ledger", self._ledger())
        return self._ledger  # type: ignore[return-value]

    @property
    def readable(self) -> bool:
        return self.summary is not None

    @property
    def errors(self) -> int:
        return count_errors(self.findings)

    @property
    def warnings(self) -> int:
        return count_warnings(self.findings)

    def exit_status(self, strict: bool = False) -> int:
        """0 when nothing fails, 1 for errors (and warnings when strict), 2 when unreadable."""
        if not self.readable:
            return 2
        failing = self.errors + (self.warnings if strict else 0)
        return 1 if failing else 0


def name_of(source: Source, name: str | None) -> str:
    """How findings name a source: as given, else its path, else a stand-in."""
    if name is not None:
        return name
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    if isinstance(source, bytes):
        return "<bytes>"
    return str(getattr(source, "name", "<stream>"))


def read_bytes(source: Source, name: str) -> tuple[bytes | None, list[Finding]]:
    """The bytes of a source, or the finding that says why it cannot be read."""
    if isinstance(source, bytes):
        return read_stream(io.BytesIO(source), name)
    if isinstance(source, str | os.PathLike):
        return read_source(Path(source), name)
    if isinstance(source, io.TextIOBase) or isinstance(getattr(source, "encoding", None), str):
        # Read through the text layer, which may already hold what was read ahead of it.
        try:
            text: str = source.read()  # type: ignore[assignment]
        except UnicodeDecodeError:
            return None, [read_failure(name, t("read.not_utf8"))]
        except OSError as error:
            return None, [read_failure(name, t("read.failed", reason=os_reason(error)))]
        return read_stream(io.BytesIO(text.encode("utf-8", "surrogatepass")), name)
    return read_stream(source, name)  # type: ignore[arg-type]


def load(source: Source, *, name: str | None = None, progress: Progress | None = None) -> Loaded:
    """Read and validate a ledger; name is how findings name it (default: its path)."""
    display = name_of(source, name)
    data, findings = read_bytes(source, display)
    if data is None:
        from izumi_ledger.source.positions import SourceMap

        return Loaded(None, SourceMap(display), tuple(findings))
    return load_data(data, display, progress)


def load_data(
    data: bytes,
    name: str,
    progress: Progress | None = None,
    compiled: CompiledFormat | None = None,
) -> Loaded:
    """Validate a ledger given as its UTF-8 bytes; with the cache's compiled format, its
    parts are nodes with the models' fields rather than the models themselves."""
    from izumi_ledger.source.reader import parse_yaml

    if compiled is None:
        from izumi_ledger.format import validate as models

        keys_of, validate = models.keys_of, models.validate
    else:
        keys_of, validate = compiled.keys_of, compiled.validate
    reading = progress.reading if progress is not None else None
    parsed = parse_yaml(data, name, keys=keys_of, progress=reading)
    if parsed.data is None or not isinstance(parsed.data, dict):
        return Loaded(None, parsed.source, tuple(parsed.findings))
    if progress is not None:
        progress.stage("validating")
    ledger, findings = validate(parsed)
    return Loaded(ledger, parsed.source, tuple(findings))


def check(
    source: Source | Loaded, *, name: str | None = None, progress: Progress | None = None
) -> Checked:
    """Read, validate and check a ledger (or check one already loaded)."""
    if isinstance(source, Loaded):
        return checked_of(source)
    display = name_of(source, name)
    data, findings = read_bytes(source, display)
    if data is None:
        return Checked(display, tuple(findings), None)
    return check_data(data, display, progress)


def check_data(data: bytes, name: str, progress: Progress | None = None) -> Checked:
    """Validate and check a ledger given as its UTF-8 bytes."""
    loaded = load_data(data, name, progress)
    if progress is not None and loaded.ledger is not None:
        progress.stage("checking")
    return checked_of(loaded)


def checked_of(loaded: Loaded) -> Checked:
    """Every rule applied to a loaded ledger; each finding quotes the line it points at."""
    from izumi_ledger.rules import apply_rules

    ledger, source = loaded.ledger, loaded.source
    found = loaded.findings if ledger is None else tuple(apply_rules(ledger, source))
    quoted = tuple(_quoting(finding, source) for finding in found)
    if ledger is None:
        return Checked(source.file, quoted, None)
    return Checked(source.file, quoted, summary_of(ledger), ledger)


def summary_of(ledger: Ledger) -> Summary:
    from izumi_ledger.figures.totals import counts, ledger_total
    from izumi_ledger.rules.limits import largest_figure

    numbers = counts(ledger)
    total = ledger_total(ledger)
    return Summary(
        ledger.unit,
        total,
        numbers.policies,
        numbers.programs,
        numbers.items,
        ledger.city,
        ledger.ward,
        ledger.fiscal_year,
        max(total, largest_figure(ledger)),
    )


def _quoting(finding: Finding, source: SourceMap) -> Finding:
    if not finding.line or not source.data or finding.source_line:
        return finding
    from dataclasses import replace

    text, start = quoted_window(source.line_text(finding.line), finding.column)
    return replace(finding, source_line=text, source_start=start)
