"""`izumi sql`: one read-only SQL query over the tables of the ledgers, in the usual formats."""

from __future__ import annotations

import math
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, cast

import typer

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    LanguageOption,
    LedgerArguments,
    LedgerOption,
    NoCacheOption,
    RowFormatOption,
    named_ledgers,
)
from izumi_ledger.cli.render.tables import Cell, Column, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.collection import is_collection
from izumi_ledger.export.database import Entry, Tabled, database_unit, tabled
from izumi_ledger.export.query import Answer, SqlValue, query_database, run_query
from izumi_ledger.export.tables import CheckStatus


def sql_command(
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY", help="SELECT 文（一つ）。表は ledgers, policies, programs など。"
        ),
    ],
    ledgers: LedgerArguments = None,
    ledger: LedgerOption = None,
    output: RowFormatOption = "table",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """台帳の表に SQL で問い合わせる（読むだけ）。

    台帳（複数なら全部）を export --format sqlite と同じ表にして、SELECT 文を一つ実行する。
    どの表も市区町村・区・年度を鍵に持ち、金額は一つの単位にそろえる。

    例: izumi sql "SELECT section, SUM(amount) FROM program_sections GROUP BY section"
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    sources = list(ledger or ())
    if sources and is_collection(sources):
        from izumi_ledger.cli.collection import open_collection

        collection = open_collection(sources, no_cache)
        unit = database_unit(collection.units)
        ledgers_tabled: Iterable[Tabled] = collection.tabled(unit)
        about = t("sql.about_many", ledgers=len(collection.results), unit=unit)
    else:
        from izumi_ledger.cli.ledger import open_readable, shown_name

        checked = open_readable(ledger, no_cache)
        assert checked.ledger is not None
        unit = checked.ledger.unit
        name = shown_name(checked.name)
        status = CheckStatus(checked.errors, checked.warnings)
        ledgers_tabled = [tabled(Entry(checked.ledger, status, name), unit)]
        about = t("sql.about_one", ledger=name, unit=unit)
    # On disk, in a folder of its own that goes with it: memory stays bounded by one ledger.
    with tempfile.TemporaryDirectory(prefix="izumi-sql-") as folder:
        connection = query_database(ledgers_tabled, unit, str(Path(folder) / "ledgers.db"))
        try:
            answer = run_query(connection, query)
        finally:
            connection.close()
    keys = _unique(answer.columns)

    def rows(output: str) -> Table:
        table = _table(answer, keys)
        if output != "csv":
            table.heading = [about, ""]
        if not answer.rows:
            table.notes = [t("sql.no_rows")]
        elif any(isinstance(value, float) for row in answer.rows for value in row):
            table.notes = [t("sql.floats")]
        return table

    def document() -> dict[str, Any]:
        return {
            "columns": keys,
            "unit": unit,
            "rows": [
                {key: _json_value(value) for key, value in zip(keys, row, strict=True)}
                for row in answer.rows
            ],
        }

    render(View(document=document, rows=rows), output, terminal())


def _unique(names: list[str]) -> list[str]:
    """Column names, each once: a second `a` is `a_2` (a row of data is keyed by them)."""
    taken = set(names)
    unique: list[str] = []
    for name in names:
        if name not in unique:
            unique.append(name)
            continue
        count = 2
        while f"{name}_{count}" in taken:
            count += 1
        taken.add(f"{name}_{count}")
        unique.append(f"{name}_{count}")
    return unique


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return f"x'{value.hex()}'"
    return repr(value) if isinstance(value, float) else str(value)


def _data(value: Any) -> Cell:
    if isinstance(value, bytes):
        return value.hex()
    return value  # type: ignore[no-any-return]


def _json_value(value: SqlValue) -> SqlValue:
    if isinstance(value, bytes):
        return value.hex()
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)  # JSON has no infinity
    return value


def _table(answer: Answer, keys: list[str]) -> Table:
    columns = []
    for index, (key, label) in enumerate(zip(keys, answer.columns, strict=True)):
        values = [row[index] for row in answer.rows if row[index] is not None]
        numeric = bool(values) and all(
            isinstance(value, int | float) and not isinstance(value, bool) for value in values
        )
        columns.append(
            Column(
                key,
                label,
                "right" if numeric else "left",
                show=_shown,
                data=_data,
                no_wrap=numeric,
            )
        )
    # A cell holds SQLite's value as it is (bytes too): show and data say how it is written.
    rows = [cast(dict[str, Cell], dict(zip(keys, row, strict=True))) for row in answer.rows]
    return Table(columns, rows)
