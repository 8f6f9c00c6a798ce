"""CSV and JSON of one ledger, as bytes (or files in a folder), written atomically by the caller;
the formats of one ledger or many are in database.py."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from izumi_ledger.export.csv_text import csv_text
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.tables import CheckStatus, Table, exact_tables
from izumi_ledger.export.yaml import ledger_data
from izumi_ledger.figures.totals import GROUP_BY, group_data, group_totals, ledger_total
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import t

_BOM = "\ufeff"


def csv_bytes(
    table: Table,
    excel: bool = False,
    status: CheckStatus | None = None,
    unit: str | None = None,
) -> bytes:
    """One table as CSV; for Excel on Japanese Windows: a byte-order mark and CRLF lines. A
    ledger that fails its check is said so in a first comment line (# …); with unit, a last
    column says the unit of its amounts on every row (a data package says it in its schema)."""
    names = [column.name for column in table.columns]
    rows: Iterable[tuple[Any, ...]] = table.rows
    if unit is not None:
        names.append("unit")
        rows = ((*row, unit) for row in table.rows)
    text = csv_text(names, rows, excel=excel)
    if status is not None and not status.ok:
        text = t("export.check_comment", errors=status.errors) + ("\r\n" if excel else "\n") + text
    return ((_BOM if excel else "") + text).encode("utf-8")


def csv_files(
    ledger: Ledger, excel: bool = False, status: CheckStatus | None = None
) -> dict[str, bytes]:
    """Every table as NAME.csv, each row with the unit of its amounts."""
    return {
        f"{table.name}.csv": csv_bytes(table, excel, status, ledger.unit)
        for table in exact_tables(ledger)
    }


def json_bytes(ledger: Ledger, status: CheckStatus | None = None) -> bytes:
    """The whole ledger and its computed totals, as JSON, with what the check said."""
    return json_text(json_document(ledger, status)).encode("utf-8")


def json_document(ledger: Ledger, status: CheckStatus | None = None) -> dict[str, Any]:
    """What json_bytes writes, as data."""
    exact_tables(ledger)
    totals: dict[str, Any] = {"amount": ledger_total(ledger)}
    for by in GROUP_BY:
        totals[f"by_{by}"] = [group_data(group) for group in group_totals(ledger, by)]
    document: dict[str, Any] = {}
    if status is not None:
        document["check"] = status.as_data()
    document |= {"ledger": ledger_data(ledger), "totals": totals}
    return document
