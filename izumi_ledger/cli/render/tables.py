"""Rows, and the three row formats: a table on the terminal, CSV and Markdown, each defined once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from izumi_ledger.cli.render.cells import fold_line
from izumi_ledger.cli.render.grid import DEFAULT_FLOOR, GridColumn, draw
from izumi_ledger.text.visible import visible

if TYPE_CHECKING:
    from izumi_ledger.cli.terminal import Terminal


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
    no_wrap: bool = False  # a figure or a number: never folded or cut
    min_width: int | None = None  # the narrowest a folded column becomes
    drop: int | None = None  # a decoration, dropped first (lowest) when the table is too wide
    separator: str | None = None  # a list of names: folded after a separator first
    note: str = ""  # a line under the table about this column, when the column is drawn


@dataclass
class Table:
    columns: list[Column]
    rows: list[dict[str, Cell]] = field(default_factory=list)
    heading: list[str] = field(default_factory=list)  # lines above the table
    total: dict[str, Cell] | None = None  # a closing row: not data, left out of CSV
    notes: list[str] = field(default_factory=list)  # lines below the table
    unit: str | None = None  # the unit of its amounts: a last CSV column says it on every row


def to_csv(table: Table) -> str:
    columns = [column for column in table.columns if column.in_data]
    from izumi_ledger.export.csv_text import csv_text

    unit: list[Cell] = [table.unit] if table.unit else []
    return csv_text(
        [column.key for column in columns] + (["unit"] if unit else []),
        # Numbers stay numbers (a decrease is -5, not the text '-5'); text cells are guarded.
        ([column.data(row.get(column.key)) for column in columns] + unit for row in table.rows),
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")  # & too: &lt; is not a tag's text


def markdown_text(text: str) -> str:
    """Text from a ledger as Markdown shows it literally: one line, and no character that
    Markdown (or the HTML it allows) would read as markup."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", visible(" ".join(text.split()), one_line=True))


def to_markdown(table: Table) -> str:
    # Markdown is read by people: the table's columns, less decoration such as bars.
    columns = [column for column in table.columns if column.in_table and column.drop is None]
    # Each line of the heading a paragraph of its own, and escaped as the cells are: a
    # policy's title is text, never markup.
    lines = [part for line in table.heading if line.strip() for part in (markdown_text(line), "")]
    notes = [part for line in table.notes for part in ("", markdown_text(line))]
    if not table.rows and table.total is None:  # nothing to show: the heading says why
        return "\n".join(lines).rstrip("\n") + "\n"
    lines.append("| " + " | ".join(markdown_text(column.label) for column in columns) + " |")
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
    lines.extend(notes)
    return "\n".join(lines) + "\n"


def print_table(table: Table, screen: Terminal) -> None:
    """The table on the terminal: its heading, the rows in columns that fit (or one record
    per row where they cannot), its notes."""
    for line in table.heading:
        for part in fold_line(line, screen.width):
            screen.line(part)
    if not table.rows and table.total is None:  # nothing to show: the heading says why
        for note in table.notes:
            for part in fold_line(note, screen.width):
                screen.line(part)
        return
    columns = [column for column in table.columns if column.in_table]
    grid = [
        GridColumn(
            column.label,
            column.align,
            whole=column.no_wrap,
            floor=column.min_width or DEFAULT_FLOOR,
            drop=column.drop,
            separator=column.separator,
        )
        for column in columns
    ]
    cells = [[_shown(column, row) for column in columns] for row in table.rows]
    footer = [_shown(column, table.total) for column in columns] if table.total else None
    drawn_columns: list[int] = []
    lines = draw(grid, cells, footer, screen.width, drawn_columns)
    notes = [*table.notes, *(columns[i].note for i in drawn_columns if columns[i].note)]
    if screen.colour["stdout"]:
        for drawn in lines:
            screen.line(drawn.text, "bold" if drawn.header else None)
    else:  # the lines are escaped already: written as they are, in one piece
        screen.data("".join(drawn.text + "\n" for drawn in lines))
    if notes and lines:
        screen.line()
    for note in notes:
        for part in fold_line(note, screen.width):
            screen.line(part)


def _shown(column: Column, row: dict[str, Cell] | None) -> str:
    value = None if row is None else row.get(column.key)
    return "" if value is None else visible(column.show(value), one_line=True)
