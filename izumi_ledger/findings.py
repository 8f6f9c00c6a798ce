"""Findings: what is wrong with a ledger, and exactly where, as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

Path = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column in the ledger file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in a ledger: a rule broken at one place, with the figures involved."""

    rule: str
    severity: Severity
    file: str
    line: int
    column: int
    path: str
    message: str
    expected: int | str | None = None
    actual: int | str | None = None
    difference: int | None = None
    hint: str = ""
    # How to read expected/actual for people, e.g. ("文書の額", "細事業の合計"); () for the
    # plain "expected" and "actual".
    labels: tuple[str, ...] = ()
    # The text of the line the finding points at, shown under it with a caret; of a very long
    # line (a minified or corrupted file), only a window around the column, which begins at
    # source_start (0-based) in the line.
    source_line: str = ""
    source_start: int = 0

    def as_json(self) -> dict[str, Any]:
        """The finding as the `--format json` object (fixed keys, in a fixed order)."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "file": self.file,
            # A finding about the whole file (empty, not text) has no line: null, never 0.
            "line": self.line or None,
            "column": self.column or None,
            "path": self.path,
            "message": self.message,
            "hint": self.hint or None,
            "expected": self.expected,
            "actual": self.actual,
            "difference": self.difference,
        }


# The most of a line a finding keeps: a 100 MB line of junk must not be copied into every
# finding (and every cache entry) whole.
QUOTED_AT_MOST: Final = 1000


def quoted_window(text: str, column: int) -> tuple[str, int]:
    """The part of a line a finding keeps around its column, and where that part begins."""
    if len(text) <= QUOTED_AT_MOST:
        return text, 0
    start = max(0, min(column - 1 - QUOTED_AT_MOST // 2, len(text) - QUOTED_AT_MOST))
    return text[start : start + QUOTED_AT_MOST], start


def format_path(path: Path) -> str:
    """('policies', 0, 'programs', 3, 'amount') → 'policies[0].programs[3].amount'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def count_errors(findings: Iterable[Finding]) -> int:
    return sum(1 for finding in findings if finding.severity is Severity.ERROR)


def count_warnings(findings: Iterable[Finding]) -> int:
    return sum(1 for finding in findings if finding.severity is Severity.WARNING)
