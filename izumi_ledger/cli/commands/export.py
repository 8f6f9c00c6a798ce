"""`izumi export`: the checked figures for Excel, databases and open-data portals."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Literal

import typer

from izumi_ledger.atomic import write_all_atomically, write_folder_atomically
from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.ledger import open_readable, shown_name
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    ForceOption,
    LanguageOption,
    LedgerArguments,
    LedgerOption,
    NoCacheOption,
    named_ledgers,
)
from izumi_ledger.cli.outputs import checked_folder, checked_output, target_suffix
from izumi_ledger.cli.terminal import means_stdout, terminal
from izumi_ledger.collection import is_collection
from izumi_ledger.errors import UsageError
from izumi_ledger.export.database import (
    Entry,
    Tabled,
    datapackage_files,
    is_parquet_name,
    parquet_files,
    sqlite_bytes,
    tabled,
)
from izumi_ledger.export.tables import TABLE_NAMES, CheckStatus, exact_tables
from izumi_ledger.export.writers import csv_bytes, csv_files, json_bytes
from izumi_ledger.export.xlsx import xlsx_bytes
from izumi_ledger.text.names import closest

ExportFormat = Literal["csv", "json", "xlsx", "sqlite", "datapackage", "parquet"]


def export_command(
    ledgers: LedgerArguments = None,
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format", "-f", help="形式: csv, json, xlsx, sqlite, datapackage, parquet。"
        ),
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            show_default=False,
            help="書き出す先。csv（--table なし）、datapackage と parquet ではフォルダ。"
            "json と --table つきの csv は省略すると標準出力。",
        ),
    ] = None,
    force: ForceOption = False,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            "-t",
            show_default=False,
            help="csv で一つの表だけ: " + ", ".join(TABLE_NAMES) + "。",
        ),
    ] = None,
    excel: Annotated[
        bool, typer.Option("--excel", help="csv を Excel 向けに（BOM つき UTF-8、CRLF）。")
    ] = False,
    ledger: LedgerOption = None,
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """台帳を他の道具に渡す（CSV・JSON・Excel・SQLite・データパッケージ）。

    台帳が複数なら、どの表も市区町村・区・年度を鍵に持つ一組の表にする（Excel 以外）。
    Parquet は年度・市区町村・区で分けたフォルダに書き、DuckDB や Spark がそのまま読める。

    書き出しは一時ファイルを経由するので、途中で止まっても元のファイルは残る。
    既存のファイルは --force がなければ上書きしない。

    例: izumi export --format xlsx -o 予算.xlsx
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    _name_fits(output, output_format)
    if table is not None and output_format != "csv":
        raise UsageError(t("export.csv_only", option="--table"))
    if excel and output_format != "csv":
        raise UsageError(t("export.csv_only", option="--excel"))
    sources = list(ledger or ())
    if sources and is_collection(sources):
        from izumi_ledger.cli.commands.export_many import export_collection

        export_collection(sources, no_cache, output_format, output, force, table, excel)
        return
    checked = open_readable(ledger, no_cache)
    book = checked.ledger
    assert book is not None
    # What the check said travels with the data: a field, a fact or a first comment line.
    status = CheckStatus(checked.errors, checked.warnings)
    entries = [tabled(Entry(book, status, shown_name(checked.name)), book.unit)]
    if output_format == "json":
        write_one_file(json_bytes(book, status), output, force, [checked.name])
    elif output_format == "csv" and table is not None:
        names = {entry.name: entry for entry in exact_tables(book)}
        if table not in names:
            close = closest(table, TABLE_NAMES)
            hint = t("hint.did_you_mean", name=close[0]) if close else ""
            raise UsageError(
                t("export.no_table", table=table),
                " ".join([t("export.tables", names=", ".join(TABLE_NAMES)), hint]).strip(),
            )
        content = csv_bytes(names[table], excel, status, book.unit)
        write_one_file(content, output, force, [checked.name])
    elif output_format == "csv":
        csv_file_wanted(output)
        write_folder(csv_files(book, excel, status), output, force, "csv", [checked.name])
    elif output_format == "datapackage":
        write_folder(
            datapackage_files(entries, book.unit), output, force, "datapackage", [checked.name]
        )
    elif output_format == "parquet":
        write_parquet(entries, book.unit, output, force, [checked.name])
    else:
        if means_stdout(output):
            raise UsageError(t("export.needs_file", format=output_format))
        content = (
            xlsx_bytes(book, status)
            if output_format == "xlsx"
            else sqlite_bytes(entries, book.unit)
        )
        write_one_file(content, output, force, [checked.name])


def csv_file_wanted(output: str | None, tables: tuple[str, ...] = TABLE_NAMES) -> None:
    """UsageError for a CSV folder export named as one CSV file (out.csv): a folder of that
    name is not what anyone asking for out.csv wants."""
    if output is not None and output.lower().endswith(".csv") and not Path(output).is_dir():
        raise UsageError(
            t("export.csv_file_needs_table", path=output),
            t("export.tables", names=", ".join(tables)),
        )


def write_one_file(content: bytes, output: str | None, force: bool, ledgers: list[str]) -> None:
    """One file, or standard output; never over a ledger it read."""
    if means_stdout(output):
        terminal().data_bytes(content)
        return
    _write({checked_output(str(output), ledgers): content}, force)


def write_parquet(
    entries: Iterable[Tabled], unit: str, output: str | None, force: bool, ledgers: list[str]
) -> None:
    """A folder of Parquet files, partitioned; replacing one only of izumi's Parquet files."""
    files = dict(parquet_files(entries, unit))
    write_folder(files, output, force, "parquet", ledgers, ours=is_parquet_name, quiet=True)
    terminal().message(t("write.parquet_done", path=output, files=len(files)))


# What a file's name says it holds: a workbook written as out.csv would be opened as text.
_HOLDS = {
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".sqlite": "sqlite",
    ".sqlite3": "sqlite",
    ".db": "sqlite",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def _name_fits(output: str | None, output_format: str) -> None:
    """UsageError when -o names a file of another format than the one written."""
    if output is None or means_stdout(output):
        return
    if output_format == "datapackage":
        return
    # The name as given, and the name of the file a link leads to: a link o.xlsx to a
    # ledger must not turn the ledger into a workbook.
    for suffix in (Path(output).suffix.lower(), target_suffix(Path(output))):
        holds = _HOLDS.get(suffix)
        if holds is not None and holds != output_format:
            raise UsageError(
                t("export.name_of_other_format", path=output, holds=holds, format=output_format)
            )


# Names of files, not of folders: a folder export asked to write one of these is a mistake.
_FILE_SUFFIXES = frozenset(
    {".csv", ".tsv", ".txt", ".json", ".xlsx", ".xls", ".sqlite", ".db", ".yaml", ".yml", ".zip"}
)


def write_folder(
    files: dict[str, bytes],
    output: str | None,
    force: bool,
    what: str,
    ledgers: list[str],
    ours: Callable[[str], bool] | None = None,
    quiet: bool = False,
) -> None:
    """A folder of files, swapped in whole; never over a ledger it read or its folder."""
    if means_stdout(output):
        raise UsageError(t("export.needs_folder", format=what))
    assert output is not None
    folder = Path(output)
    suffix = folder.suffix.lower().strip()
    if not folder.is_dir() and (suffix in _FILE_SUFFIXES or output != output.rstrip()):
        # out.xlsx or "out.csv " as a folder: never made without a word.
        raise UsageError(t("export.not_a_folder", path=output, format=what))
    checked_folder(folder, ledgers)
    # Written whole beside the old folder and swapped in: a failure leaves the old one as it was.
    write_folder_atomically(folder, files, force=force, ours=ours)
    if not quiet:
        screen = terminal()
        for name in files:
            screen.message(t("write.done", path=folder / name))


def _write(files: dict[Path, bytes], force: bool) -> None:
    """Write every file or, if any would be overwritten without --force or any fails, none."""
    write_all_atomically(files, force=force)
    screen = terminal()
    for path in files:
        screen.message(t("write.done", path=path))
