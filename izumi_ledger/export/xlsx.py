"""An Excel workbook: a sheet per table, and a 合計 sheet whose totals are formulas.

Every text from the ledger is a text cell, never a formula, whatever it begins with; the
totals match names with EXACT, which knows no wildcards (総務*) and no case (ict/ICT), as SUMIF's
criteria would."""

from __future__ import annotations

import io
import re
from typing import Any

from izumi_ledger.errors import IzumiError
from izumi_ledger.export.tables import CheckStatus, Table, exact_tables
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import t
from izumi_ledger.text.visible import visible

INSTALL_HINT = "pip install 'izumi-ledger[xlsx]'"
# What XML 1.0 (and so a worksheet) cannot hold: C0 controls but tab and line breaks, and the
# two non-characters.
_UNHOLDABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class MissingExtra(IzumiError):
    """openpyxl is not installed."""


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingExtra(t("export.needs_openpyxl", command=INSTALL_HINT)) from None
    return openpyxl


def _column_letter(table: Table, name: str) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(table.column_index(name) + 1))


def _range(table: Table, name: str) -> str:
    letter = _column_letter(table, name)
    last = len(table.rows) + 1
    return f"{table.name}!${letter}$2:${letter}${max(last, 2)}"


def _value(value: Any) -> Any:
    """A cell's value; text with a character a worksheet cannot hold (a control character, the
    non-characters U+FFFE and U+FFFF) shows it as its escape instead."""
    if isinstance(value, str) and _UNHOLDABLE.search(value):
        return _UNHOLDABLE.sub(lambda match: visible(match.group()), value)
    return value


def _as_text(cells: Any, columns: int | None = None) -> None:
    """Text cells as text: openpyxl would otherwise read =… as a formula."""
    for cell in cells[:columns]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def xlsx_bytes(ledger: Ledger, status: CheckStatus | None = None) -> bytes:
    """The workbook as bytes; MissingExtra when openpyxl is not installed. A ledger that
    fails its check says so under the totals."""
    openpyxl = _openpyxl()
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    tables = {table.name: table for table in exact_tables(ledger)}
    for table in tables.values():
        sheet = workbook.create_sheet(table.name)
        sheet.append([column.title for column in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_value(value) for value in row])
            _as_text(sheet[sheet.max_row])
        for index, column in enumerate(table.columns, 1):
            if column.kind == "integer" and column.column_type == "value" or "額" in column.title:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = "#,##0"
        sheet.freeze_panes = "A2"
    summary = _totals_sheet(workbook, tables, ledger)
    if status is not None and not status.ok:
        summary.append([])
        summary.append([t("export.check_comment", errors=status.errors).lstrip("# ")])
        _as_text(summary[summary.max_row], columns=1)
        summary.cell(summary.max_row, 1).font = Font(bold=True, color="C00000")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _totals_sheet(workbook: Any, tables: dict[str, Table], ledger: Ledger) -> Any:
    """Totals that re-add themselves when someone edits the programs sheet."""
    from openpyxl.styles import Font

    sheet = workbook.create_sheet("合計", 0)
    programs, sections = tables["programs"], tables["program_sections"]
    policy_range, amount_range = _range(programs, "policy"), _range(programs, "amount")
    sheet.append(["施策", "施策名", f"施策の予算額（{ledger.unit}）", "事業の合計", "差"])
    for row_number, policy in enumerate(ledger.policies, 2):
        sheet.append(
            [
                policy.number,
                _value(policy.title),
                policy.amount,
                f"=SUMIF({policy_range},A{row_number},{amount_range})",
                f"=D{row_number}-C{row_number}",
            ]
        )
    total_row = len(ledger.policies) + 2
    sheet.append(
        [
            "合計",
            "",
            f"=SUM(C2:C{total_row - 1})",
            f"=SUM({amount_range})",
            f"=D{total_row}-C{total_row}",
        ]
    )
    sheet.append([])
    section_start = total_row + 2
    sheet.append(["担当課", "", "担う事業の額（共同は全額）"])
    section_range, section_amounts = _range(sections, "section"), _range(sections, "amount")
    for offset, name in enumerate(dict.fromkeys(row[3] for row in sections.rows), 1):
        row_number = section_start + offset
        matches = f"EXACT({section_range},A{row_number})"
        sheet.append([_value(name), "", f"=SUMPRODUCT({matches}*{section_amounts})"])
        _as_text(sheet[row_number], columns=1)
    for row_number in range(2, total_row):
        _as_text(sheet[row_number], columns=2)
    for row in sheet.iter_rows(min_row=1, min_col=3, max_col=5):
        for cell in row:
            cell.number_format = "#,##0"
    for row_number in (1, total_row, section_start):
        for cell in sheet[row_number]:
            cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    return sheet
