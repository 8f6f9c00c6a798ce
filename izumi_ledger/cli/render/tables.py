"""Rows, and the three row formats: a table on the terminal, CSV and Markdown, each defined once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from izumi_ledger.cli.render.cells import cell_width
from izumi_ledger.cli.terminal import RICH_REWRITES, Terminal
from izumi_ledger.text.visible import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table as RichTable


def _plain(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Decorated:
    """A name shown with more around it (an indent, a former name); data keeps the bare name."""

    text: str
    prefix: str = ""
    suffix: str = ""

    def __str__(self) -> str:
        return f"{self.prefix}{self.text}{self.suffix}"


def _bare(value: Any) -> Any:
    return value.text if isinstance(value, Decorated) else value


Cell = int | str | Decimal | float | None | Decorated


@dataclass(frozen=True)
class Column:
    """key: the CSV header; label: the header people read; show: a value as people read it."""

    key: str
    label: str
    align: Literal["left", "right"] = "left"
    show: Callable[[Any], str] = _plain
    data: Callable[[Any], Cell] = _bare  # the value as CSV writes it
    in_data: bool = True  # False for decoration such as bars: left out of CSV
    in_table: bool = True  # False for keys that only data needs
    no_wrap: bool = False
    min_width: int | None = None


@dataclass
class Table:
    columns: list[Column]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)  # lines above the table
    total: dict[str, Cell] | None = None  # a closing row: not data, left out of CSV
    notes: list[str] = field(default_factory=list)  # lines below the table


def to_csv(table: Table) -> str:
    columns = [column for column in table.columns if column.in_data]
    from izumi_ledger.export.csv_text import csv_text

    return csv_text(
        [column.key for column in columns],
        # Numbers stay numbers (a decrease is -5, not the text '-5'); text cells are guarded.
        ([column.data(row.get(column.key)) for column in columns] for row in table.rows),
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def markdown_text(text: str) -> str:
    """Text from a ledger as Markdown shows it literally: one line, and no character that
    Markdown (or the HTML it allows) would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(" ".join(text.split()), one_line=True))


def to_markdown(table: Table) -> str:
    # Markdown is read by people: the table's columns, less decoration such as bars.
    columns = [column for column in table.columns if column.in_data and column.in_table]
    lines = [*table.heading, ""] if table.heading else []
    lines.append("| " + " | ".join(column.label for column in columns) + " |")
    lines.append(
        "| " + " | ".join("---:" if column.align == "right" else "---" for column in columns) + " |"
    )
    rows = [*table.rows, *([table.total] if table.total else [])]
    for row in rows:
        cells = [
            markdown_text(
                column.show(row.get(column.key)) if row.get(column.key) is not None else ""
            )
            for column in columns
        ]
        lines.append("| " + " | ".join(cells) + " |")
    if table.notes:
        lines.extend(["", *table.notes])
    return "\n".join(lines) + "\n"


def print_table(table: Table, screen: Terminal) -> None:
    """The table on the terminal: its heading, the rows in columns that fit, its notes."""
    for line in table.heading:
        screen.line(line)
    columns = [column for column in table.columns if column.in_table]
    cells = [[_shown(column, row) for column in columns] for row in table.rows]
    footers = [_shown(column, table.total) if table.total else "" for column in columns]
    widths = _fit_widths(columns, cells, footers, screen.width)
    plain = None
    if not screen.colour["stdout"]:  # no styles to write: the lines may be written directly
        plain = plain_grid(
            [column.label for column in columns],
            [column.align for column in columns],
            cells,
            footers if table.total is not None else None,
            widths,
            screen.width,
        )
    if plain is not None:
        screen.data(plain)
    else:
        screen.console().print(_rich_grid(columns, cells, footers, widths, table.total is not None))
    for line in table.notes:
        screen.line(line)


def _rich_grid(
    columns: list[Column],
    cells: list[list[str]],
    footers: list[str],
    widths: list[int],
    show_footer: bool,
) -> RichTable:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    grid = RichTable(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1),
        collapse_padding=True,
        header_style="bold",
        show_footer=show_footer,
    )
    for column, footer, width in zip(columns, footers, widths, strict=True):
        grid.add_column(
            Text(column.label),
            footer=Text(footer),
            justify=column.align,
            no_wrap=column.no_wrap,
            width=width,
            overflow="fold",
        )
    for row_cells in cells:
        grid.add_row(*[Text(cell) for cell in row_cells])
    return grid


_WHITE_SPACE = re.compile(r"\s")


def _folded(text: str, width: int, align: str = "left") -> list[tuple[str, int]] | None:
    """text cut into lines of at most width cells (each with its width), as rich folds a word
    too long for its column or breaks at spaces; None where rich would do more (drop or
    expand characters, keep line breaks)."""
    if text != text.rstrip() or "\n" in text or RICH_REWRITES.search(text):
        return None
    if _WHITE_SPACE.search(text):
        return _wrapped(text, width, align)
    size = cell_width(text)
    if size <= width:
        return [(text, size)]
    lines, line, used = [], "", 0
    for char in text:
        size = cell_width(char)
        if size > width:
            return None
        if used + size > width and line:
            lines.append((line, used))
            line, used = "", 0
        line += char
        used += size
    lines.append((line, used))
    return lines


@lru_cache(maxsize=1)
def _wrapping_console() -> Console:
    """A console that is never printed to: Text.wrap needs one for its options."""
    from rich.console import Console

    return Console(color_system=None, no_color=True)


def _wrapped(text: str, width: int, align: str) -> list[tuple[str, int]] | None:
    """Text with spaces, broken into lines by rich's own word wrapping (the one thing of rich
    a table of names like 名前（旧: 前の名前） needs: drawing the whole table through rich took
    13 s for 2,000 programs)."""
    if any(char.isspace() and char not in " \u3000" for char in text):
        return None
    from rich.text import Text

    lines = Text(text).wrap(_wrapping_console(), width, justify="left", overflow="fold")
    # Each line as rich leaves it before the grid pads it to the column: a right-aligned line
    # loses all its trailing white space, a left-aligned one only the plain spaces (its pad).
    shown = [line.plain.rstrip() if align == "right" else line.plain.rstrip(" ") for line in lines]
    return [(line, cell_width(line)) for line in shown]


def plain_grid(
    labels: list[str],
    aligns: list[Literal["left", "right"]],
    cells: list[list[str]],
    footers: list[str] | None,
    widths: list[int],
    available: int,
) -> str | None:
    """The table exactly as rich draws it without styles, or None when rich must draw it
    (text to wrap at spaces, or text it would change).

    Drawing a table of many thousands of rows through rich takes seconds; this takes
    milliseconds. A test compares the two on generated tables.
    """
    separators = 2 * (len(widths) - 1)
    if sum(widths) + separators > available:
        return None

    def block(values: list[str], bottom: bool = False) -> list[str] | None:
        parts = []
        for text, width, align in zip(values, widths, aligns, strict=True):
            folded = _folded(text, width, align)
            if folded is None:
                return None
            parts.append(folded)
        height = max(len(part) for part in parts)
        # Headers sit on the rule below them; other rows start at the top.
        parts = [([("", 0)] * (height - len(part)) if bottom else []) + part for part in parts]
        lines = []
        for index in range(height):
            cells_of_line = []
            for part, width, align in zip(parts, widths, aligns, strict=True):
                text, used = part[index] if index < len(part) else ("", 0)
                gap = " " * (width - used)
                cells_of_line.append(gap + text if align == "right" else text + gap)
            lines.append("  ".join(cells_of_line) + "\n")
        return lines

    width = sum(widths) + separators
    blocks = [block(labels, bottom=True), ["─" * width + "\n"]]
    blocks += [block(row) for row in cells]
    if footers is not None:
        blocks += [[" " * width + "\n"], block(footers)]
    if any(lines is None for lines in blocks):
        return None
    return "".join(line for lines in blocks if lines is not None for line in lines)


def _shown(column: Column, row: dict[str, Cell] | None) -> str:
    value = None if row is None else row.get(column.key)
    return "" if value is None else visible(column.show(value), one_line=True)


_GAP = 2  # cells between two columns


def _fit_widths(
    columns: list[Column], cells: list[list[str]], footers: list[str], available: int
) -> list[int]:
    """Column widths that fit the terminal: no_wrap columns keep theirs, the rest share."""
    natural = [
        max(
            [
                cell_width(column.label),
                cell_width(footer),
                *(cell_width(row[index]) for row in cells),
            ]
        )
        for index, (column, footer) in enumerate(zip(columns, footers, strict=True))
    ]
    room = available - _GAP * (len(columns) - 1)
    if sum(natural) <= room:
        return list(natural)
    fixed = sum(width for width, column in zip(natural, columns, strict=True) if column.no_wrap)
    flexible = [index for index, column in enumerate(columns) if not column.no_wrap]
    widths = list(natural)
    # Each flexible column first gets its floor, then the rest of the room in proportion
    # to how much more it would like.
    floors = {index: min(natural[index], columns[index].min_width or 6) for index in flexible}
    spare = max(room - fixed - sum(floors.values()), 0)
    wants = {index: natural[index] - floors[index] for index in flexible}
    total_want = sum(wants.values()) or 1
    for index in flexible:
        widths[index] = floors[index] + wants[index] * spare // total_want
    return widths
