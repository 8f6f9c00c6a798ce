"""Findings for people, in the manner of hledger: place, source line with a caret, figures."""

from __future__ import annotations

import re
import unicodedata

from izumi_ledger.checking import Report
from izumi_ledger.findings import Finding
from izumi_ledger.format.amounts import Unit, format_amount, format_count
from izumi_ledger.text.messages import t

# A value as it appears on its line: a quoted string, or up to a space or flow punctuation.
_TOKEN = re.compile(r'"[^"]*"|\'[^\']*\'|[^\s,\]}#]+')
_AMOUNT_RULES = {"item-sum", "detail-sum", "program-sum", "policy-sum", "rounding"}


def display_width(text: str) -> int:
    """Columns a terminal gives text: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def format_finding(finding: Finding, report: Report | None, unit: Unit | None) -> list[str]:
    """The lines that describe one finding, with the source line it quotes from report."""
    place = finding.file
    if finding.line:
        place += f":{finding.line}:{finding.column}"
    lines = [f"{place}: {finding.severity.value}[{finding.rule}]"]
    quoted = report.line_text(finding.line) if report is not None and finding.line else None
    if quoted is not None:
        lines.extend(_excerpt(quoted, finding.line, finding.column))
    message = finding.message
    if finding.path:
        message += t("cli.path", path=finding.path)
    lines.append(f"  {message}")
    lines.extend(_figures(finding, unit))
    if finding.hint:
        lines.append(t("cli.hint", hint=finding.hint))
    return lines


_EXCERPT_WIDTH = 100  # characters of a long line shown around the column


def _excerpt(text: str, line: int, column: int) -> list[str]:
    gutter = " " * len(str(line))
    if len(text) > _EXCERPT_WIDTH:
        # Show a window of a long line (a minified or corrupted file) around the column.
        start = max(0, column - 1 - _EXCERPT_WIDTH // 2)
        window = text[start : start + _EXCERPT_WIDTH]
        prefix = "…" if start else ""
        suffix = "…" if start + _EXCERPT_WIDTH < len(text) else ""
        text = prefix + window + suffix
        column = column - start + len(prefix)
    before = text[: column - 1]
    match = _TOKEN.match(text, column - 1)
    token = match.group(0) if match else " "
    caret = " " * display_width(before) + "^" * max(1, display_width(token))
    return [f"{gutter} |", f"{line} | {text.rstrip()}", f"{gutter} | {caret}"]


def _figures(finding: Finding, unit: Unit | None) -> list[str]:
    if finding.expected is None:
        return []
    as_amount = finding.rule in _AMOUNT_RULES and unit is not None

    def show(value: int | str | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, str):
            return value
        if as_amount and unit is not None:
            return format_amount(value, unit)
        return format_count(value)

    expected_label, actual_label = finding.labels or (t("label.expected"), t("label.actual"))
    rows = [(expected_label, show(finding.expected)), (actual_label, show(finding.actual))]
    if finding.difference:
        direction = "label.more" if finding.difference > 0 else "label.less"
        sign = "+" if finding.difference > 0 else ""
        shown = f"{sign}{show(finding.difference)}{t(direction, label=actual_label)}"
        rows.append((t("label.difference"), shown))
    width = max(display_width(label) for label, _ in rows)
    return [f"  {label}{' ' * (width - display_width(label))}  {value}" for label, value in rows]
