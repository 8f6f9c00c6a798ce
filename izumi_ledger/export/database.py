"""The formats that hold one ledger or many as one set of tables: SQLite, a data package and
Parquet.

Every table is keyed by city, ward and fiscal year, so the ledgers of every year and every
ward sit side by side, and a table called `ledgers` says who each one is, where it was read
from and what its check said. All amounts are in one unit: the ledgers' own, or the smallest
of theirs when they differ (a ledger in 千円 and one in 円 are both written in 円, exactly).

Ledgers come one at a time (an iterator), so a database of a country's budgets holds one
ledger in memory at a time, not all of them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from izumi_ledger.errors import MissingExtra
from izumi_ledger.export.csv_text import csv_text
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.tables import (
    PLACE_KEY,
    CheckStatus,
    ExportRefused,
    Table,
    exact_tables,
    ledgers_table,
    refuse_repeated_keys,
    shown_title,
    smallest_unit,
)
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.messages import t

LEDGER_KEY: Final = (*PLACE_KEY, "fiscal_year")


@dataclass(frozen=True)
class Entry:
    """One ledger of a database: its figures, what its check said, the name it was read by."""

    ledger: Ledger
    status: CheckStatus | None = None
    name: str = ""


def readable_name(name: str) -> str:
    """A file's name as text every format can hold: a byte that is not UTF-8 (kept as a lone
    surrogate) as its escape, \\xff."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def database_unit(units: Iterable[str]) -> str:
    """The one unit a database of ledgers in these units writes every amount in."""
    return smallest_unit(units)


def _ledger_row(entry: Entry, unit: str) -> tuple[Any, ...]:
    ledger, status = entry.ledger, entry.status
    checks = (
        (None, None, None) if status is None else (int(status.ok), status.errors, status.warnings)
    )
    file = readable_name(entry.name) or None
    return (ledger.city, ledger.ward, ledger.fiscal_year, unit, ledger.source, file, *checks)


@dataclass(frozen=True)
class Tabled:
    """One ledger as a database holds it: its row of the ledgers table and its own tables,
    keyed and in the database's unit. Plain data: a worker process makes it."""

    row: tuple[Any, ...]
    tables: list[Table]

    @property
    def place(self) -> tuple[str, str, int]:
        city, ward, year = self.row[:3]
        return city, ward, year

    def second(self) -> ExportRefused:
        """The refusal of this ledger as a second one of its city, ward and year."""
        city, ward, year = self.place
        return ExportRefused(
            t("export.same_ledger", city=city, ward=ward, year=year, file=self.row[5] or "")
        )


def tabled(entry: Entry, unit: str) -> Tabled:
    """The ledger as a database holds it; ExportRefused when a figure is too large to keep
    exactly or a number is written twice."""
    tables = exact_tables(entry.ledger, unit, keyed=True)
    refuse_repeated_keys(tables)
    tables[0].foreign_keys.append((list(LEDGER_KEY), "ledgers", list(LEDGER_KEY)))
    return Tabled(_ledger_row(entry, unit), tables)


def tabled_all(entries: Iterable[Entry], unit: str) -> Iterator[Tabled]:
    for entry in entries:
        yield tabled(entry, unit)


# -- SQLite ---------------------------------------------------------------------------------


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


_JOIN_LEDGER = "city, ward, fiscal_year"
VIEWS: Final = (
    # Each program beside the sum of its items: a difference shows a sum that does not add up.
    f"""CREATE VIEW program_totals AS
SELECT p.city, p.ward, p.fiscal_year, p.policy, p.program, p.name, p.amount,
       SUM(i.amount) AS items_total,
       CASE WHEN COUNT(i.item) = 0 THEN NULL ELSE SUM(i.amount) - p.amount END AS difference
FROM programs p LEFT JOIN items i USING ({_JOIN_LEDGER}, policy, program)
GROUP BY p.city, p.ward, p.fiscal_year, p.policy, p.program""",
    # What each section of a ward runs in a year: alone, shared with other sections, and in
    # all (a shared program counts in full for each of its sections). Years are never added.
    f"""CREATE VIEW section_totals AS
SELECT {_JOIN_LEDGER}, section,
       SUM(CASE WHEN shared = 0 THEN amount ELSE 0 END) AS sole,
       SUM(CASE WHEN shared = 1 THEN amount ELSE 0 END) AS shared,
       SUM(amount) AS amount,
       COUNT(*) AS programs
FROM program_sections GROUP BY {_JOIN_LEDGER}, section
ORDER BY {_JOIN_LEDGER}, amount DESC""",
    # Each ledger's whole: the sum of its policies.
    f"""CREATE VIEW ledger_totals AS
SELECT l.city, l.ward, l.fiscal_year, l.unit,
       COALESCE(SUM(p.amount), 0) AS amount, COUNT(p.policy) AS policies
FROM ledgers l LEFT JOIN policies p USING ({_JOIN_LEDGER})
GROUP BY l.city, l.ward, l.fiscal_year""",
    # Per ward: each year's whole beside the year before's, where the collection has it.
    """CREATE VIEW ward_totals AS
SELECT y.city, y.ward, y.fiscal_year, y.unit, y.amount,
       b.amount AS prior_year_amount, y.amount - b.amount AS change
FROM ledger_totals y LEFT JOIN ledger_totals b
  ON b.city = y.city AND b.ward = y.ward AND b.fiscal_year = y.fiscal_year - 1
ORDER BY y.city, y.ward, y.fiscal_year""",
    # Per year: every ledger of that year added up.
    """CREATE VIEW year_totals AS
SELECT fiscal_year, unit, COUNT(*) AS ledgers, SUM(amount) AS amount
FROM ledger_totals GROUP BY fiscal_year, unit ORDER BY fiscal_year""",
)
VIEW_NAMES: Final = (
    "program_totals",
    "section_totals",
    "ledger_totals",
    "ward_totals",
    "year_totals",
)


def fill_database(connection: sqlite3.Connection, ledgers: Iterable[Tabled], unit: str) -> None:
    """Create the tables and views in an empty database and write every ledger into them."""
    connection.execute("PRAGMA foreign_keys = ON")
    facts = ledgers_table(unit)
    connection.execute(_create(facts))
    created = False
    for ledger in ledgers:
        tables = ledger.tables
        if not created:
            for table in tables:
                connection.execute(_create(table))
            created = True
        try:
            connection.execute(f'INSERT INTO "ledgers" VALUES ({_marks(facts)})', ledger.row)
        except sqlite3.IntegrityError:
            raise ledger.second() from None
        for table in tables:
            connection.executemany(
                f'INSERT INTO "{table.name}" VALUES ({_marks(table)})', table.rows
            )
    for view in VIEWS:
        connection.execute(view)
    connection.commit()


def _marks(table: Table) -> str:
    return ", ".join("?" for _ in table.columns)


def sqlite_bytes(ledgers: Iterable[Tabled], unit: str) -> bytes:
    """The database as bytes, built in a temporary file: only its bytes are held in memory,
    not a database in memory as well."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="izumi-sqlite-") as folder:
        path = Path(folder) / "ledgers.db"
        connection = scratch_database(str(path))
        try:
            fill_database(connection, ledgers, unit)
        finally:
            connection.close()
        return path.read_bytes()


def scratch_database(path: str) -> sqlite3.Connection:
    """A new database written once and then read: no journal to keep, no waiting for the
    disk (a failure leaves nothing anyone reads)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    return connection


# -- data package ---------------------------------------------------------------------------


def _schema(table: Table, unit: str) -> dict[str, Any]:
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
            described |= {"currency": "JPY", "factor": UNIT_IN_YEN[unit]}
        fields.append(described)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": table.primary_key}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": own, "reference": {"resource": target, "fields": theirs}}
            for own, target, theirs in table.foreign_keys
        ]
    return schema


def collected_tables(ledgers: Iterable[Tabled], unit: str) -> list[Table]:
    """The ledgers table and every table of every ledger, each ledger's rows in turn;
    ExportRefused for a second ledger of one city, ward and year."""
    facts = ledgers_table(unit)
    tables: list[Table] = []
    seen: set[tuple[str, str, int]] = set()
    for ledger in ledgers:
        if ledger.place in seen:
            raise ledger.second()
        seen.add(ledger.place)
        facts.rows.append(ledger.row)
        for index, table in enumerate(ledger.tables):
            if index == len(tables):
                tables.append(table)
            else:
                tables[index].rows.extend(table.rows)
    return [facts, *tables]


def datapackage_files(ledgers: Iterable[Tabled], unit: str) -> dict[str, bytes]:
    """A Frictionless Tabular Data Package: datapackage.json and one CSV per table, its keys
    and its measures (in yen, with the unit's factor) declared."""
    every = collected_tables(ledgers, unit)
    facts = every[0]
    resources = [
        {
            "name": table.name,
            "title": shown_title(table.title),
            "path": f"{table.name}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": _schema(table, unit),
        }
        for table in every
    ]
    city, ward, year, _, source = facts.rows[0][:5]
    one = len(facts.rows) == 1
    descriptor: dict[str, Any] = {
        "name": f"izumi-ledger-{year}" if one else "izumi-ledgers",
        "title": t("export.package_title", city=city, ward=ward, year=year)
        if one
        else t("export.collection_title", ledgers=len(facts.rows)),
        "description": t(
            "export.package_description",
            source=source if one else t("export.sources"),
            unit=unit,
        ),
        "profile": "tabular-data-package",
        "resources": resources,
    }
    statuses = [entry for entry in facts.rows if entry[6] is not None]
    if statuses:  # the package says it; its CSV files stay plain tables
        descriptor["izumi_check"] = {
            "ok": all(row[6] == 1 for row in statuses),
            "errors": sum(row[7] for row in statuses),
            "warnings": sum(row[8] for row in statuses),
        }
    files = {f"{table.name}.csv": _csv(table) for table in every}
    files["datapackage.json"] = json_text(descriptor).encode("utf-8")
    return files


def _csv(table: Table) -> bytes:
    return csv_text([column.name for column in table.columns], table.rows).encode("utf-8")


# -- Parquet --------------------------------------------------------------------------------

PARTITION_KEY: Final = ("fiscal_year", *PLACE_KEY)
# The longest name of a file or folder most file systems take, in bytes.
_LONGEST_NAME: Final = 255


def parquet_name(table: str, year: int, city: str, ward: str) -> str:
    """A table's file for one ledger, in folders as Hive, Spark, DuckDB and pyarrow name
    partitions (each value percent-encoded, so no name from a ledger is a path)."""
    from urllib.parse import quote

    parts = "/".join(
        f"{key}={quote(str(value), safe='')}"
        for key, value in zip(PARTITION_KEY, (year, city, ward), strict=True)
    )
    return f"{table}/{parts}/part-0.parquet"


def is_parquet_name(name: str) -> bool:
    """Whether a path inside an export folder is one izumi writes there."""
    import re

    return (
        re.fullmatch(r"[a-z_]+/fiscal_year=[^/]+/city=[^/]+/ward=[^/]+/part-0\.parquet", name)
        is not None
    )


PARQUET_INSTALL_HINT: Final = "pip install 'izumi-ledger[parquet]'"


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra(t("export.needs_pyarrow", command=PARQUET_INSTALL_HINT)) from None
    return pyarrow, pyarrow.parquet


def parquet_files(ledgers: Iterable[Tabled], unit: str) -> Iterator[tuple[str, bytes]]:
    """Each table of each ledger as a Parquet file, partitioned by fiscal year, city and
    ward (the partition's values in its folders' names, not in the file)."""
    pa, pq = _pyarrow()

    def arrow(table: Table, rows: list[tuple[Any, ...]]) -> bytes:
        kept = [
            index for index, column in enumerate(table.columns) if column.name not in PARTITION_KEY
        ]
        schema = pa.schema(
            [
                pa.field(
                    table.columns[index].name,
                    pa.int64() if table.columns[index].kind == "integer" else pa.string(),
                    nullable=not table.columns[index].required,
                )
                for index in kept
            ],
            metadata={"unit": unit},
        )
        columns = [
            pa.array([row[index] for row in rows], type=field.type)
            for index, field in zip(kept, schema, strict=True)
        ]
        sink = pa.BufferOutputStream()
        pq.write_table(pa.Table.from_arrays(columns, schema=schema), sink)
        return bytes(sink.getvalue())

    seen: set[tuple[str, str, int]] = set()
    for ledger in ledgers:
        if ledger.place in seen:
            raise ledger.second()
        seen.add(ledger.place)
        city, ward, year = ledger.place
        for folder in parquet_name("ledgers", year, city, ward).split("/"):
            if len(folder.encode()) > _LONGEST_NAME:
                raise ExportRefused(
                    t("export.parquet_name_too_long", file=ledger.row[5] or "", name=folder[:40])
                )
        facts = ledgers_table(unit)
        for table, rows in [(facts, [ledger.row])] + [
            (table, table.rows) for table in ledger.tables
        ]:
            yield parquet_name(table.name, year, city, ward), arrow(table, rows)
