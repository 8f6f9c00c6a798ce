"""Each export format as bytes (or files in a folder), written atomically by the caller."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from izumi_ledger.export.csv_text import csv_text
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.tables import (
    CheckStatus,
    Table,
    exact_tables,
    refuse_repeated_keys,
    shown_title,
)
from izumi_ledger.export.yaml import ledger_data
from izumi_ledger.figures.totals import GROUP_BY, group_data, group_totals, ledger_total
from izumi_ledger.format.amounts import UNIT_IN_YEN
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
    exact_tables(ledger)
    totals: dict[str, Any] = {"amount": ledger_total(ledger)}
    for by in GROUP_BY:
        totals[f"by_{by}"] = [group_data(group) for group in group_totals(ledger, by)]
    document: dict[str, Any] = {}
    if status is not None:
        document["check"] = status.as_data()
    document |= {"ledger": ledger_data(ledger), "totals": totals}
    return json_text(document).encode("utf-8")


def _sql_type(kind: str) -> str:
    return "INTEGER" if kind == "integer" else "TEXT"


def _create(table: Table) -> str:
    columns = [
        f'"{column.name}" {_sql_type(column.kind)}{" NOT NULL" if column.required else ""}'
        for column in table.columns
    ]
    columns.append(f"PRIMARY KEY ({', '.join(table.primary_key)})")
    for fields, target, target_fields in table.foreign_keys:
        columns.append(
            f"FOREIGN KEY ({', '.join(fields)}) REFERENCES {target} ({', '.join(target_fields)})"
        )
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(columns) + "\n)"


_VIEWS = (
    # Each program beside the sum of its items: a difference shows a sum that does not add up.
    """CREATE VIEW program_totals AS
SELECT p.fiscal_year, p.policy, p.program, p.name, p.amount,
       SUM(i.amount) AS items_total,
       CASE WHEN COUNT(i.item) = 0 THEN NULL ELSE SUM(i.amount) - p.amount END AS difference
FROM programs p LEFT JOIN items i
  ON i.fiscal_year = p.fiscal_year AND i.policy = p.policy AND i.program = p.program
GROUP BY p.fiscal_year, p.policy, p.program""",
    # What each section runs: alone, shared with other sections, and in all (shared programs
    # count in full for each of their sections).
    """CREATE VIEW section_totals AS
SELECT section,
       SUM(CASE WHEN shared = 0 THEN amount ELSE 0 END) AS sole,
       SUM(CASE WHEN shared = 1 THEN amount ELSE 0 END) AS shared,
       SUM(amount) AS amount,
       COUNT(*) AS programs
FROM program_sections GROUP BY section ORDER BY amount DESC""",
)


def sqlite_bytes(ledger: Ledger, status: CheckStatus | None = None) -> bytes:
    """A SQLite database with keys, a ledger table of facts, and total views."""
    tables = exact_tables(ledger)
    refuse_repeated_keys(tables)
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute('CREATE TABLE "ledger" (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
        facts = {
            "city": ledger.city,
            "ward": ledger.ward,
            "fiscal_year": str(ledger.fiscal_year),
            "unit": ledger.unit,
            "source": ledger.source,
        }
        if status is not None:
            facts |= {"check_ok": str(int(status.ok)), "check_errors": str(status.errors)}
        connection.executemany('INSERT INTO "ledger" VALUES (?, ?)', facts.items())
        for table in tables:
            connection.execute(_create(table))
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(f'INSERT INTO "{table.name}" VALUES ({marks})', table.rows)
        for view in _VIEWS:
            connection.execute(view)
        connection.commit()
        return connection.serialize()
    finally:
        connection.close()


def datapackage_files(ledger: Ledger, status: CheckStatus | None = None) -> dict[str, bytes]:
    """A Frictionless Tabular Data Package: datapackage.json and one CSV per table, its keys
    and its measures (in yen, with the ledger's factor) declared."""
    tables = exact_tables(ledger)
    refuse_repeated_keys(tables)
    resources = []
    for table in tables:
        fields = []
        for column in table.columns:
            described: dict[str, Any] = {
                "name": column.name,
                "type": column.kind,
                "title": shown_title(column.title),
            }
            if column.required:
                described["constraints"] = {"required": True}
            if column.column_type:
                described["columnType"] = column.column_type
            if column.column_type == "value":
                described |= {"currency": "JPY", "factor": UNIT_IN_YEN[ledger.unit]}
            fields.append(described)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": table.primary_key}
        if table.foreign_keys:
            schema["foreignKeys"] = [
                {"fields": own, "reference": {"resource": target, "fields": theirs}}
                for own, target, theirs in table.foreign_keys
            ]
        resource: dict[str, Any] = {
            "name": table.name,
            "title": shown_title(table.title),
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": schema,
        }
        resources.append(resource)
    descriptor: dict[str, Any] = {
        "name": f"izumi-ledger-{ledger.fiscal_year}",
        "title": t(
            "export.package_title", city=ledger.city, ward=ledger.ward, year=ledger.fiscal_year
        ),
        "description": t("export.package_description", source=ledger.source, unit=ledger.unit),
        "profile": "tabular-data-package",
        "resources": resources,
    }
    if status is not None:  # the package says it; its CSV files stay plain tables
        descriptor["izumi_check"] = status.as_data()
    files = {f"{table.name}.csv": csv_bytes(table) for table in tables}
    files["datapackage.json"] = json_text(descriptor).encode("utf-8")
    return files
