"""What a cache entry holds, as plain data: a header line, the report as JSON and the ledger as
JSON, each with its length and SHA-256.

The report (findings and figures) is read back without pydantic, each value checked for its
type, so that a cached `check` stays quick; the ledger is read back through pydantic's JSON
validation when a command needs it. Anything that does not check out is None: a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.loading import Checked, Source, Summary

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger

MAGIC: Final = b"izumi-cache 5\n"


def encode(checked: Checked, ledger_json: bytes) -> list[bytes]:
    """The entry for a checked ledger and its ledger as JSON (b"" when it has none), in the
    parts it is written in."""
    # ASCII with escapes: a file name that is not UTF-8 (kept as surrogates) survives it.
    report = json.dumps(_report_data(checked)).encode("ascii")
    header = json.dumps(
        [
            [len(report), hashlib.sha256(report).hexdigest()],
            [len(ledger_json), hashlib.sha256(ledger_json).hexdigest()],
        ]
    ).encode()
    return [MAGIC + header + b"\n" + report, ledger_json]


# Where an entry's ledger part is: its offset, its length and its SHA-256.
LedgerPart = tuple[int, int, str]
# The most of an entry read before its report: the magic and the header line.
HEAD_SIZE: Final = 4096


def decode_report(
    head: bytes, read: Callable[[int, int], bytes | None]
) -> tuple[Checked, LedgerPart] | None:
    """The report an entry holds and where its ledger part is, or None; head is the start of
    the entry, read(start, size) reads more of it. The ledger part is read only when a
    command asks for the ledger (at 100,000 items it is 33 MB)."""
    if not head.startswith(MAGIC):
        return None
    header, newline, _ = head[len(MAGIC) :].partition(b"\n")
    if not newline:
        return None
    try:
        (report_size, report_sum), (ledger_size, ledger_sum) = json.loads(header)
        sizes = (report_size, ledger_size)
        if not all(type(size) is int and size >= 0 for size in sizes):
            return None
    except (ValueError, TypeError, RecursionError):
        return None
    start = len(MAGIC) + len(header) + 1
    # A small report is already in the head: no second opening of the folder and the file.
    in_head = start + report_size <= len(head)
    report = head[start : start + report_size] if in_head else read(start, report_size)
    if report is None or hashlib.sha256(report).hexdigest() != report_sum:
        return None
    checked = _report_from(report)
    if checked is None:
        return None
    return checked, (start + report_size, ledger_size, str(ledger_sum))


def ledger_part(data: bytes | None, part: LedgerPart) -> bytes:
    """The ledger part as read, when it is whole; b"" otherwise."""
    _, size, checksum = part
    if data is None or len(data) != size or hashlib.sha256(data).hexdigest() != checksum:
        return b""
    return data


def with_ledger(
    checked: Checked, ledger_json: Callable[[], bytes], origin: Source | bytes
) -> Checked:
    """checked, its ledger read from ledger_json() when it is asked for (from origin again
    when that JSON is damaged or missing)."""
    if checked.summary is None:
        return checked
    name = checked.name
    return Checked(
        name, checked.findings, checked.summary, lambda: _ledger_from(ledger_json(), origin, name)
    )


_FINDING_FIELDS: Final = (
    "rule",
    "severity",
    "file",
    "line",
    "column",
    "path",
    "message",
    "expected",
    "actual",
    "difference",
    "hint",
    "labels",
    "source_line",
    "source_start",
)
_SUMMARY_FIELDS: Final = (
    "unit",
    "total",
    "policies",
    "programs",
    "items",
    "city",
    "ward",
    "fiscal_year",
    "largest",
)


def _report_data(checked: Checked) -> dict[str, Any]:
    summary = checked.summary
    return {
        "name": checked.name,
        "summary": None
        if summary is None
        else {field: getattr(summary, field) for field in _SUMMARY_FIELDS},
        "findings": [
            [getattr(finding, field) for field in _FINDING_FIELDS] for finding in checked.findings
        ],
    }


def _is_int(value: object) -> bool:
    return type(value) is int


def _is_figure(value: object) -> bool:
    return value is None or type(value) in (int, str)


def _report_from(data: bytes) -> Checked | None:
    """The report an entry holds, each value checked for its type; None when anything is off."""
    try:
        report = json.loads(data)
        name, summary_data, rows = report["name"], report["summary"], report["findings"]
        summary = None
        if summary_data is not None:
            unit, total, policies, programs, items, city, ward, year, largest = (
                summary_data[field] for field in _SUMMARY_FIELDS
            )
            numbers = (total, policies, programs, items, year, largest)
            if unit not in ("円", "千円", "万円") or not all(_is_int(n) for n in numbers):
                return None
            if not isinstance(city, str) or not isinstance(ward, str):
                return None
            summary = Summary(unit, total, policies, programs, items, city, ward, year, largest)
        findings = tuple(_finding_from(row) for row in rows)
    except (ValueError, KeyError, TypeError, RecursionError):
        return None
    if not isinstance(name, str) or any(finding is None for finding in findings):
        return None
    return Checked(name, findings, summary)  # type: ignore[arg-type]


def _finding_from(row: list[Any]) -> Finding | None:
    if not isinstance(row, list) or len(row) != len(_FINDING_FIELDS):
        return None
    rule, severity, file, line, column, path, message, expected, actual, difference = row[:10]
    hint, labels, source_line, source_start = row[10:]
    texts = (rule, file, path, message, hint, source_line)
    if not all(isinstance(text, str) for text in texts) or severity not in ("error", "warning"):
        return None
    if not (_is_int(line) and _is_int(column) and _is_int(source_start)):
        return None
    if not (_is_figure(expected) and _is_figure(actual)):
        return None
    if not (difference is None or _is_int(difference)) or not isinstance(labels, list):
        return None
    if not all(isinstance(label, str) for label in labels):
        return None
    return Finding(
        rule,
        Severity(severity),
        file,
        line,
        column,
        path,
        message,
        expected,
        actual,
        difference,
        hint,
        tuple(labels),
        source_line,
        source_start,
    )


def _ledger_from(ledger_json: bytes, origin: Source | bytes, name: str) -> Ledger | None:
    """The ledger an entry holds, through pydantic's JSON validation; read from its origin
    again when the entry's copy is damaged."""
    from pydantic import ValidationError

    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import load

    if ledger_json:
        with contextlib.suppress(ValidationError, ValueError):
            return Ledger.model_validate_json(ledger_json)
    return load(origin, name=name).ledger
