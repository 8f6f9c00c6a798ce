"""`izumi export` of several ledgers: one set of tables keyed by city, ward and fiscal year."""

from __future__ import annotations

from izumi_ledger.cli.collection import open_collection
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import means_stdout
from izumi_ledger.errors import UsageError
from izumi_ledger.export.database import (
    collected_tables,
    database_unit,
    datapackage_files,
    readable_name,
    sqlite_bytes,
)
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.tables import TABLE_NAMES, CheckStatus
from izumi_ledger.export.writers import csv_bytes, json_document
from izumi_ledger.text.names import closest

COLLECTION_TABLES = ("ledgers", *TABLE_NAMES)


def export_collection(
    sources: list[str],
    no_cache: bool,
    output_format: str,
    output: str | None,
    force: bool,
    table: str | None,
    excel: bool,
) -> None:
    """Every ledger the sources name, in one export of the format."""
    from izumi_ledger.cli.commands.export import (
        csv_file_wanted,
        write_folder,
        write_one_file,
        write_parquet,
    )

    if output_format == "xlsx":
        raise UsageError(t("export.xlsx_one_ledger"), t("export.xlsx_one_ledger.hint"))
    if table is not None and table not in COLLECTION_TABLES:
        close = closest(table, COLLECTION_TABLES)
        hint = t("hint.did_you_mean", name=close[0]) if close else ""
        raise UsageError(
            t("export.no_table", table=table),
            " ".join([t("export.tables", names=", ".join(COLLECTION_TABLES)), hint]).strip(),
        )
    if output_format in ("sqlite", "parquet", "datapackage") and means_stdout(output):
        raise UsageError(t("export.needs_file", format=output_format))
    if output_format == "csv" and table is None:
        csv_file_wanted(output, COLLECTION_TABLES)
    collection = open_collection(sources, no_cache)
    read = [result.checked.name for result in collection.results]
    unit = database_unit(collection.units)
    if output_format == "json":
        documents = [
            json_document(ledger, CheckStatus(checked.errors, checked.warnings))
            | {"file": readable_name(checked.name)}
            for ledger, checked in collection.ledgers()
        ]
        content = json_text({"ledgers": documents}).encode("utf-8")
        write_one_file(content, output, force, read)
    elif output_format == "csv":
        tables = {entry.name: entry for entry in collected_tables(collection.tabled(unit), unit)}
        # Each row says the unit of its amounts; the ledgers table has its own column for it.
        files = {
            name: csv_bytes(each, excel, None, None if name == "ledgers" else unit)
            for name, each in tables.items()
        }
        if table is not None:
            write_one_file(files[table], output, force, read)
        else:
            files = {f"{name}.csv": content for name, content in files.items()}
            write_folder(files, output, force, "csv", read)
    elif output_format == "datapackage":
        write_folder(
            datapackage_files(collection.tabled(unit), unit), output, force, "datapackage", read
        )
    elif output_format == "parquet":
        write_parquet(collection.tabled(unit), unit, output, force, read)
    else:
        write_one_file(sqlite_bytes(collection.tabled(unit), unit), output, force, read)
