"""Help screens, drawn to the terminal's width without rich.

The layout is the familiar one (usage, description, boxed panels of options and commands),
but text is broken as Japanese is: a help line is folded onto more lines, never cut short
with "…". Drawing it directly also keeps `izumi --help` as quick to start as Python itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from izumi_ledger.cli.helptext import in_language
from izumi_ledger.cli.render.cells import NO_BREAK_SPACE, wrap
from izumi_ledger.text.width import cell_width

# SGR codes of the styles help uses, as typer's help shows them.
BOLD_CYAN = "1;36"
BOLD_GREEN = "1;32"
BOLD_YELLOW = "1;33"
YELLOW = "33"
BOLD = "1"
DIM = "2"

MIN_HELP_WIDTH = 24  # below this, a row's help goes under its names instead of beside them
NARROWEST = 24  # narrower terminals are drawn as if they had this many columns
_GAP = "  "


@dataclass(frozen=True)
class Row:
    """One line of a panel: names in columns of their own, then help that wraps."""

    names: tuple[str, ...]
    help: str = ""
    notes: tuple[str, ...] = ()  # such as "[default: text]", kept whole where they fit


@dataclass(frozen=True)
class Panel:
    title: str
    rows: tuple[Row, ...]
    styles: tuple[str, ...]  # one per name column


@dataclass(frozen=True)
class HelpScreen:
    usage: str
    paragraphs: tuple[str, ...]
    panels: tuple[Panel, ...]


def _paint(text: str, style: str, styled: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if styled and style and text else text


def _padded(text: str, width: int) -> str:
    return text + " " * (width - cell_width(text))


def _help_text(row: Row) -> str:
    # A note's own spaces do not break: "[default: text]" moves to the next line whole.
    notes = [note.replace(" ", NO_BREAK_SPACE) for note in row.notes]
    return " ".join(part for part in (row.help, *notes) if part)


def _fitted_widths(panel: Panel, columns: list[int], inner: int) -> dict[int, int]:
    """Each name column's width; the last (a long list of choices) folds at "|" when the help
    beside it would be too narrow."""
    widths = {index: max(cell_width(row.names[index]) for row in panel.rows) for index in columns}
    spare = inner - _names_width(widths) - MIN_HELP_WIDTH
    if columns and spare < 0:
        last = columns[-1]
        # Folded only after a "|": never narrower than the widest choice with its "|".
        widest_choice = max(
            cell_width(choice)
            for row in panel.rows
            for choice in re.split(r"(?<=\|)", row.names[last])
        )
        widths[last] = max(widths[last] + spare, 8, widest_choice)
    return widths


def _names_width(widths: dict[int, int]) -> int:
    return sum(widths.values()) + len(_GAP) * len(widths)


# A panel line before its borders: the painted names, the cells they take, the help text.
_Line = tuple[str, int, str]


def _beside(
    row: Row, panel: Panel, widths: dict[int, int], inner: int, styled: bool
) -> list[_Line]:
    names_width = _names_width(widths)
    names = {index: wrap(row.names[index], width) for index, width in widths.items()}
    helps = wrap(_help_text(row), inner - names_width)
    lines = []
    for number in range(max(len(helps), *(len(part) for part in names.values()))):
        painted = ""
        for index, part in names.items():
            text = part[number] if number < len(part) else ""
            painted += _paint(text, panel.styles[index], styled)
            painted += " " * (widths[index] - cell_width(text)) + _GAP
        lines.append((painted, names_width, helps[number] if number < len(helps) else ""))
    return lines


def _below(row: Row, panel: Panel, columns: list[int], inner: int, styled: bool) -> list[_Line]:
    # Too narrow for columns: the names on a line of their own, the help indented below.
    style = panel.styles[columns[0]] if columns else ""
    names = wrap(_GAP.join(name for name in row.names if name), inner)
    helps = wrap(_help_text(row), inner - 4)
    return [(_paint(text, style, styled), cell_width(text), "") for text in names] + [
        ("", 0, "    " + text) for text in helps
    ]


def _panel_body(panel: Panel, inner: int, styled: bool) -> list[str]:
    columns = [
        index for index in range(len(panel.styles)) if any(row.names[index] for row in panel.rows)
    ]
    widths = _fitted_widths(panel, columns, inner)
    side_by_side = inner - _names_width(widths) >= MIN_HELP_WIDTH
    lines: list[_Line] = []
    for row in panel.rows:
        if side_by_side:
            lines += _beside(row, panel, widths, inner, styled)
        else:
            lines += _below(row, panel, columns, inner, styled)
    border = _paint("│", DIM, styled)
    return [
        f"{border} {names}{_padded(help_line, inner - used)} {border}"
        for names, used, help_line in lines
    ]


def _panel(panel: Panel, width: int, styled: bool) -> list[str]:
    inner = width - 4
    title = f"─ {panel.title} "
    top = "╭" + title + "─" * max(width - 2 - cell_width(title), 1) + "╮"
    bottom = "╰" + "─" * (width - 2) + "╯"
    return [
        _paint(top, DIM, styled),
        *_panel_body(panel, inner, styled),
        _paint(bottom, DIM, styled),
    ]


def render(screen: HelpScreen, width: int, styled: bool = False) -> str:
    """The help screen in lines of at most width cells (at least NARROWEST), ending with a
    line end; styled adds the terminal's colours."""
    width = max(width, NARROWEST)
    label = in_language("Usage:")
    usage = wrap(f"{label} {screen.usage}", width - 2)
    if styled:
        rest = usage[0].removeprefix(label)
        usage = [_paint(label, YELLOW, True) + _paint(rest, BOLD, True)] + [
            _paint(line, BOLD, True) for line in usage[1:]
        ]
    lines = [" " + line for line in usage]
    for number, paragraph in enumerate(screen.paragraphs):
        lines.append("")
        style = "" if number == 0 else DIM
        lines += [" " + _paint(line, style, styled) for line in wrap(paragraph, width - 2)]
    lines.append("")
    for panel in screen.panels:
        if panel.rows:
            lines += _panel(panel, width, styled)
    return "\n".join(lines) + "\n"
