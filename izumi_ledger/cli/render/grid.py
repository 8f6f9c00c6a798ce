"""A table drawn for a terminal of a given width: figures whole, names folded, or records.

The one rule is that no figure is ever cut. A table that is too wide first loses its
decorations (the bar: columns with a drop rank, lowest first), then folds its text columns
down to their floors, Japanese text as Japanese typesetting breaks it. When even that does
not fit, each row becomes a record of its own, one "label  value" line per column, where a
figure is still written whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from izumi_ledger.cli.render.cells import wrap, wrap_list
from izumi_ledger.text.width import cell_width

GAP: Final = 2  # cells between two columns
DEFAULT_FLOOR: Final = 8  # the narrowest a text column is folded to: four full-width characters


@dataclass(frozen=True)
class GridColumn:
    label: str
    align: Literal["left", "right"] = "left"
    whole: bool = False  # a figure or a number: never folded, never cut
    floor: int = DEFAULT_FLOOR
    drop: int | None = None  # a decoration: dropped when the table does not fit, lowest first
    separator: str | None = None  # a list of names: lines break after it before inside a name


@dataclass(frozen=True)
class Line:
    text: str
    header: bool = False  # the column labels, shown in bold on a colour terminal


def draw(
    columns: list[GridColumn],
    rows: list[list[str]],
    footer: list[str] | None,
    width: int,
    shown: list[int] | None = None,
) -> list[Line]:
    """The table in lines of at most width cells (figures excepted: a record's figure wider
    than the terminal is written whole), without trailing spaces; shown, when given, is told
    which columns were drawn."""
    kept = list(range(len(columns)))
    every = _natural(columns, rows, footer, kept)  # measured once, whichever columns stay
    while True:
        natural = [every[i] for i in kept]
        widths = _fit([columns[i] for i in kept], natural, width)
        droppable = [i for i in kept if columns[i].drop is not None]
        # A decoration gives way before a name folds: the bar goes when text would fold.
        folds = widths is None or widths != natural
        if widths is not None and (not folds or not droppable or len(kept) == 1):
            if shown is not None:
                shown.extend(kept)
            return _table(columns, rows, footer, kept, widths)
        if not droppable or len(kept) == 1:
            break
        kept.remove(min(droppable, key=lambda i: (columns[i].drop, -i)))
    # A record has no room for decorations, unless they are all the table has.
    kept = [i for i in kept if columns[i].drop is None] or kept
    if shown is not None:
        shown.extend(kept)
    return _records(columns, rows, footer, kept, width)


def _natural(
    columns: list[GridColumn], rows: list[list[str]], footer: list[str] | None, kept: list[int]
) -> list[int]:
    return [
        max(
            cell_width(columns[i].label),
            cell_width(footer[i]) if footer else 0,
            *(cell_width(row[i]) for row in rows),
        )
        for i in kept
    ]


def _fit(columns: list[GridColumn], natural: list[int], width: int) -> list[int] | None:
    """Widths that fit: every column as wide as it likes, or else the text columns narrowed,
    each to no less than its floor; None when even the floors do not fit. The room left over
    goes first to the columns that need least to be whole (tags before a long list of
    sections), so that as few columns as possible fold."""
    room = width - GAP * (len(columns) - 1)
    if sum(natural) <= room:
        return natural
    widths = [
        natural[index] if column.whole else min(natural[index], max(column.floor, 2))
        for index, column in enumerate(columns)
    ]
    spare = room - sum(widths)
    if spare < 0:
        return None
    for index in sorted(range(len(widths)), key=lambda i: (natural[i] - widths[i], i)):
        more = min(natural[index] - widths[index], spare)
        widths[index] += more
        spare -= more
    return widths


def _cell_lines(column: GridColumn, text: str, width: int) -> list[str]:
    if column.whole or cell_width(text) <= width:
        return [text]
    if column.separator:
        return wrap_list(text, width, column.separator)
    return wrap(text, width)


def _block(
    columns: list[GridColumn],
    cells: list[str],
    widths: list[int],
    *,
    bottom: bool = False,
    header: bool = False,
) -> list[Line]:
    parts = [
        _cell_lines(column, text, width)
        for column, text, width in zip(columns, cells, widths, strict=True)
    ]
    height = max(len(part) for part in parts)
    # The labels sit on the rule below them; the cells of a row start at its top.
    parts = [([""] * (height - len(part)) if bottom else []) + part for part in parts]
    lines = []
    for index in range(height):
        shown = []
        for part, column, width in zip(parts, columns, widths, strict=True):
            text = part[index] if index < len(part) else ""
            gap = " " * max(width - cell_width(text), 0)
            shown.append(gap + text if column.align == "right" else text + gap)
        lines.append(Line((" " * GAP).join(shown).rstrip(), header))
    return lines


def _table(
    columns: list[GridColumn],
    rows: list[list[str]],
    footer: list[str] | None,
    kept: list[int],
    widths: list[int],
) -> list[Line]:
    chosen = [columns[i] for i in kept]
    lines = _block(chosen, [column.label for column in chosen], widths, bottom=True, header=True)
    lines.append(Line("─" * (sum(widths) + GAP * (len(widths) - 1))))
    for row in rows:
        lines.extend(_block(chosen, [row[i] for i in kept], widths))
    if footer is not None:
        lines.append(Line(""))
        lines.extend(_block(chosen, [footer[i] for i in kept], widths))
    return lines


def _records(
    columns: list[GridColumn],
    rows: list[list[str]],
    footer: list[str] | None,
    kept: list[int],
    width: int,
) -> list[Line]:
    """One block per row: a "label  value" line per column that has a value."""
    label_width = max((cell_width(columns[i].label) for i in kept), default=0)
    room = width - label_width - GAP
    # Too narrow for a label and a value side by side: each value goes under its label.
    stacked = room < DEFAULT_FLOOR
    lines: list[Line] = []

    def record(cells: list[str], is_footer: bool) -> None:
        if lines:
            lines.append(Line(""))
        for i in kept:
            column, text = columns[i], cells[i]
            if not text:
                continue
            if is_footer and not column.whole:  # the footer's own words: 合計 12 事業
                lines.extend(Line(part) for part in _cell_lines(column, text, max(width, 2)))
                continue
            beside = not stacked and (not column.whole or cell_width(text) <= room)
            if not beside:  # the label, and the value whole on the lines below it
                lines.append(Line(column.label))
                lines.extend(Line(part) for part in _cell_lines(column, text, max(width, 2)))
                continue
            label = column.label + " " * (label_width - cell_width(column.label))
            for index, part in enumerate(_cell_lines(column, text, room)):
                head = label if index == 0 else " " * label_width
                lines.append(Line((head + " " * GAP + part).rstrip()))

    for row in rows:
        record(row, False)
    if footer is not None:
        record(footer, True)
    return lines
