"""Findings for people, in the manner of hledger (place, source line with a caret, figures),
and for GitHub Actions, where each becomes an annotation on the line it concerns."""

from __future__ import annotations

import re

from izumi_ledger.cli.messages import t
from izumi_ledger.findings import Finding, Severity
from izumi_ledger.format.amounts import Unit
from izumi_ledger.text.finding_figures import figure_rows, labels_of
from izumi_ledger.text.visible import visible
from izumi_ledger.text.width import cell_width

# A value as it appears on its line: a quoted string, or up to a space or flow punctuation;
# in block style (no bracket open before it), a plain value runs to the end of the line or
# its comment: 23,967千円 is one value there.
_TOKEN = re.compile(r'"[^"]*"|\'[^\']*\'|[^\s,\]}#]+')
_BLOCK_TOKEN = re.compile(r'"[^"]*"|\'[^\']*\'|[^\s#](?:[^#]*[^\s#])?')
_EXCERPT_WIDTH = 100  # characters of a long line shown around the column


def finding_lines(finding: Finding, unit: Unit | None) -> list[str]:
    """The lines that describe one finding, with the source line it quotes."""
    place = finding.file
    if finding.line:
        place += f":{finding.line}:{finding.column}"
    lines = [f"{place}: {finding.severity.value}[{finding.rule}]"]
    if finding.line and finding.source_line:
        column = finding.column - finding.source_start
        lines.extend(_excerpt(finding.source_line, finding.line, column, finding.source_start > 0))
    message = finding.message
    if finding.path:
        message += t("cli.path", path=finding.path)
    lines.append(f"  {message}")
    lines.extend(_figures(finding, unit))
    if finding.hint:
        lines.append(t("cli.hint", hint=finding.hint))
    return lines


def _excerpt(text: str, line: int, column: int, cut: bool = False) -> list[str]:
    gutter = " " * len(str(line))
    if len(text) > _EXCERPT_WIDTH or cut:
        # Show a window of a long line (a minified or corrupted file) around the column.
        start = max(0, column - 1 - _EXCERPT_WIDTH // 2)
        window = text[start : start + _EXCERPT_WIDTH]
        prefix = "…" if start or cut else ""
        suffix = "…" if start + _EXCERPT_WIDTH < len(text) else ""
        text = prefix + window + suffix
        column = column - start + len(prefix)
    # Escaped as the line will be shown (a tab as \t), so the caret stays under its token.
    before = visible(text[: column - 1], one_line=True)
    opened = sum(map(text[: column - 1].count, "[{")) - sum(map(text[: column - 1].count, "]}"))
    match = (_TOKEN if opened > 0 else _BLOCK_TOKEN).match(text, column - 1)
    found = match.group(0) if match else " "
    if opened <= 0 and found[:1] not in "\"'":  # a key ends at its colon
        found = re.split(r":(?:\s|$)", found, maxsplit=1)[0] or found
    token = visible(found, one_line=True)
    shown = visible(text.rstrip(), one_line=True)
    caret = " " * cell_width(before) + "^" * max(1, cell_width(token))
    return [f"{gutter} |", f"{line} | {shown}", f"{gutter} | {caret}"]


def _figures(finding: Finding, unit: Unit | None) -> list[str]:
    rows = figure_rows(finding, unit)
    if not rows:
        return []
    width = max(cell_width(label) for label, _ in rows)
    return [f"  {label}{' ' * (width - cell_width(label))}  {value}" for label, value in rows]


def _escape(text: str, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping: % and line breaks, and in properties also : and ,.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_annotation(finding: Finding) -> str:
    """A finding as a GitHub Actions workflow command, shown inline on a pull request."""
    level = "error" if finding.severity is Severity.ERROR else "warning"
    properties = [f"file={_escape(finding.file, True)}"]
    if finding.line:
        properties += [f"line={finding.line}", f"col={finding.column}"]
    properties.append(f"title={_escape(finding.rule, True)}")
    message = finding.message + (t("cli.path", path=finding.path) if finding.path else "")
    if isinstance(finding.expected, int) and isinstance(finding.actual, int):
        expected_label, actual_label = labels_of(finding)
        message += f" {expected_label} {finding.expected:,} / {actual_label} {finding.actual:,}"
        if finding.difference is not None:
            message += f" / {t('label.difference')} {finding.difference:+,}"
    if finding.hint:
        message += f"\n{finding.hint}"
    return f"::{level} {','.join(properties)}::{_escape(message)}"
