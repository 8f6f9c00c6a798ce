"""CSV, written one way everywhere: cells a spreadsheet would run as formulas stay text.

A spreadsheet reads a cell beginning with =, +, -, @, a tab or a carriage return as a formula
(=HYPERLINK(…), =cmd|…): a name in a ledger must never run in the reader's Excel. Such a cell
is written with a leading apostrophe, as OWASP's guidance on CSV injection advises; numbers
(negative ones too) are written as they are.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Final

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value: str) -> str:
    """A text cell that a spreadsheet shows as text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_text(
    header: Iterable[str], rows: Iterable[Iterable[object]], *, excel: bool = False
) -> str:
    """The rows under their header as CSV (CRLF line ends for Excel); None is an empty cell."""
    # Written with CRLF line ends, whatever the output's: the writer quotes a field only when it
    # holds a character of its line end, and a field with a lone CR must be quoted too.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    line_end = "\r\n" if excel else "\n"
    lines = []
    table: list[list[object]] = [[text_cell(name) for name in header]]
    table += ([_cell(value) for value in row] for row in rows)
    for row in table:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + line_end)
    return "".join(lines)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return text_cell(value)
    return value
