"""An Excel workbook: a sheet per table, and a totals sheet whose totals are formulas.

Written with XlsxWriter, which stores each formula's value beside it: a program that reads
the file without recalculating it (pandas, a viewer, a phone) sees 26,397, not an empty cell.
Every text from the ledger is a text cell, never a formula, whatever it begins with; the
totals match names with EXACT, which knows no wildcards (総務*) and no case (ict/ICT), as
SUMIF's criteria would.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any, Final

from izumi_ledger.errors import MissingExtra
from izumi_ledger.export.tables import (
    CheckStatus,
    ExportRefused,
    Table,
    exact_tables,
    shown_title,
)
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import t
from izumi_ledger.text.visible import visible
from izumi_ledger.text.width import cell_width

INSTALL_HINT = "pip install 'izumi-ledger[xlsx]'"
# What XML 1.0 (and so a worksheet) cannot hold: C0 controls but tab and line breaks, and the
# two non-characters.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Column widths, in Excel's units (about one half-width character each): a full-width
# character takes two. Long texts (summaries) are capped and wrap in their cell.
_WIDEST: Final = 60
_NARROWEST: Final = 6
# What a worksheet holds exactly: 32,767 characters in a cell, 15 significant digits in a
# number. Past either, Excel would cut or round the value without a word.
CELL_CHARACTERS: Final = 32_767
NUMBER_DIGITS: Final = 15


def _xlsxwriter() -> Any:
    try:
        import xlsxwriter  # type: ignore[import-untyped]
    except ImportError:
        raise MissingExtra(t("export.needs_xlsxwriter", command=INSTALL_HINT)) from None
    return xlsxwriter


def _letter(index: int) -> str:
    """The column letter of a 0-based column index (0 → A, 26 → AA)."""
    from xlsxwriter.utility import xl_col_to_name  # type: ignore[import-untyped]

    return str(xl_col_to_name(index))


def _range(table: Table, name: str) -> str:
    letter = _letter(table.column_index(name))
    last = max(len(table.rows) + 1, 2)
    return f"{table.name}!${letter}$2:${letter}${last}"


def _text(value: str) -> str:
    """Text as a worksheet can hold it: a character it cannot (a control character, U+FFFE,
    U+FFFF) shown as its escape."""
    return _UNHOLDABLE.sub(lambda match: visible(match.group()), value)


class _Sheet:
    """A worksheet written cell by cell, remembering how wide each column's content is."""

    def __init__(self, workbook: Any, name: str, formats: dict[str, Any]) -> None:
        self.sheet = workbook.add_worksheet(name)
        self.name = name
        self.formats = formats
        self.widths: dict[int, int] = {}
        self.row = 0

    def write(self, column: int, value: Any, style: str = "", cached: Any = None) -> None:
        cell_format = self.formats.get(style)
        if isinstance(value, str) and value.startswith("=") and cached is not None:
            self.sheet.write_formula(self.row, column, value, cell_format, cached)
            shown = f"{cached:,}" if isinstance(cached, int) else str(cached)
        elif value == "":  # no tags: an empty cell, not a text of nothing
            self.sheet.write_blank(self.row, column, None, cell_format)
            shown = ""
        elif isinstance(value, str):
            text = _text(value)
            if len(text) > CELL_CHARACTERS:
                raise ExportRefused(
                    t(
                        "xlsx.too_long",
                        sheet=self.name,
                        cell=f"{_letter(column)}{self.row + 1}",
                        length=f"{len(text):,}",
                        limit=f"{CELL_CHARACTERS:,}",
                    ),
                    t("xlsx.use_other"),
                )
            # Always a string: =, +, - or @ at its start makes no formula of it.
            self.sheet.write_string(self.row, column, text, cell_format)
            shown = value
        elif isinstance(value, int) and not isinstance(value, bool):
            if abs(value) >= 10**NUMBER_DIGITS:
                raise ExportRefused(
                    t(
                        "xlsx.too_many_digits",
                        sheet=self.name,
                        cell=f"{_letter(column)}{self.row + 1}",
                        value=f"{value:,}",
                        digits=NUMBER_DIGITS,
                    ),
                    t("xlsx.use_other"),
                )
            self.sheet.write_number(self.row, column, value, cell_format)
            shown = f"{value:,}"
        else:
            self.sheet.write_blank(self.row, column, None, cell_format)
            shown = ""
        self.widths[column] = max(self.widths.get(column, 0), cell_width(shown))

    def line(
        self, values: Sequence[Any], styles: Sequence[str] = (), cached: Sequence[Any] = ()
    ) -> None:
        for column, value in enumerate(values):
            style = styles[column] if column < len(styles) else ""
            self.write(column, value, style, cached[column] if column < len(cached) else None)
        self.row += 1

    def finish(self) -> None:
        """Widths that fit the content, the first row frozen and printed on every page."""
        for column, width in self.widths.items():
            self.sheet.set_column(column, column, min(max(width + 2, _NARROWEST), _WIDEST))
        self.sheet.freeze_panes(1, 0)
        self.sheet.repeat_rows(0)
        self.sheet.fit_to_pages(1, 0)  # as wide as one page, as long as it takes
        self.sheet.set_landscape()


def xlsx_bytes(ledger: Ledger, status: CheckStatus | None = None) -> bytes:
    """The workbook as bytes; MissingExtra when XlsxWriter is not installed. A ledger that
    fails its check says so under the totals."""
    xlsxwriter = _xlsxwriter()
    buffer = io.BytesIO()
    options = {
        "in_memory": True,
        "strings_to_formulas": False,
        "strings_to_numbers": False,
        "strings_to_urls": False,
    }
    workbook = xlsxwriter.Workbook(buffer, options)
    formats = {
        "head": workbook.add_format({"bold": True}),
        "amount": workbook.add_format({"num_format": "#,##0"}),
        "amount_head": workbook.add_format({"num_format": "#,##0", "bold": True}),
        "warning": workbook.add_format({"bold": True, "font_color": "#C00000"}),
        "text": workbook.add_format({"text_wrap": True, "valign": "top"}),
    }
    tables = {table.name: table for table in exact_tables(ledger)}
    totals = _Sheet(workbook, t("xlsx.totals"), formats)
    _totals_sheet(totals, tables, ledger)
    if status is not None and not status.ok:
        totals.row += 1
        totals.line([t("export.check_comment", errors=status.errors).lstrip("# ")], ["warning"])
    totals.finish()
    for table in tables.values():
        sheet = _Sheet(workbook, table.name, formats)
        sheet.line([shown_title(column.title) for column in table.columns], ["head"] * 99)
        styles = [
            "amount" if column.kind == "integer" and "額" in column.title else ""
            for column in table.columns
        ]
        for row in table.rows:
            sheet.line(row, styles)
        sheet.finish()
    workbook.close()
    return buffer.getvalue()


def _totals_sheet(sheet: _Sheet, tables: dict[str, Table], ledger: Ledger) -> None:
    """Totals that re-add themselves when someone edits the programs sheet, each with the
    value it has now."""
    programs, sections = tables["programs"], tables["program_sections"]
    policy_range, amount_range = _range(programs, "policy"), _range(programs, "amount")
    unit = ledger.unit
    sheet.line(
        [
            t("xlsx.policy"),
            t("xlsx.policy_title"),
            t("xlsx.policy_amount", unit=unit),
            t("xlsx.programs_sum"),
            t("xlsx.difference"),
        ],
        ["head"] * 5,
    )
    for policy in ledger.policies:
        row = sheet.row + 1  # Excel counts rows from 1
        added = sum(program.amount for program in policy.programs)
        sheet.line(
            [
                policy.number,
                policy.title,
                policy.amount,
                f"=SUMIF({policy_range},A{row},{amount_range})",
                f"=D{row}-C{row}",
            ],
            ["", "", "amount", "amount", "amount"],
            [None, None, None, added, added - policy.amount],
        )
    first, last = 2, sheet.row
    stated = sum(policy.amount for policy in ledger.policies)
    added = sum(program.amount for policy in ledger.policies for program in policy.programs)
    total_row = sheet.row + 1
    sheet.line(
        [
            t("xlsx.total"),
            "",
            f"=SUM(C{first}:C{last})",
            f"=SUM({amount_range})",
            f"=D{total_row}-C{total_row}",
        ],
        ["head", "", "amount_head", "amount_head", "amount_head"],
        [None, None, stated, added, added - stated],
    )
    sheet.row += 1
    sheet.line([t("xlsx.section"), "", t("xlsx.section_amount")], ["head", "", "head"])
    section_range, section_amounts = _range(sections, "section"), _range(sections, "amount")
    amount_of: dict[str, int] = {}
    for cells in sections.rows:
        name, amount = cells[3], cells[5]
        assert isinstance(name, str) and isinstance(amount, int)
        amount_of[name] = amount_of.get(name, 0) + amount
    for name, amount in amount_of.items():
        row_number = sheet.row + 1
        matches = f"EXACT({section_range},A{row_number})"
        sheet.line(
            [name, "", f"=SUMPRODUCT({matches}*{section_amounts})"],
            ["", "", "amount"],
            [None, None, amount],
        )
