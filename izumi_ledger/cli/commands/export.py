"""`izumi export`: the checked figures for Excel, databases and open-data portals."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from izumi_ledger.atomic import write_all_atomically, write_folder_atomically
from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.ledger import open_readable
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import ForceOption, LanguageOption, LedgerOption, NoCacheOption
from izumi_ledger.cli.outputs import checked_folder, checked_output, target_suffix
from izumi_ledger.cli.terminal import means_stdout, terminal
from izumi_ledger.errors import UsageError
from izumi_ledger.export.tables import TABLE_NAMES, CheckStatus, exact_tables
from izumi_ledger.export.writers import (
    csv_bytes,
    csv_files,
    datapackage_files,
    json_bytes,
    sqlite_bytes,
)
from izumi_ledger.export.xlsx import xlsx_bytes
from izumi_ledger.text.names import closest

ExportFormat = Literal["csv", "json", "xlsx", "sqlite", "datapackage"]


def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="形式: csv, json, xlsx, sqlite, datapackage。"),
    ] = "json",
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            show_default=False,
            help="書き出す先。csv（--table なし）と datapackage ではフォルダ。"
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

    書き出しは一時ファイルを経由するので、途中で止まっても元のファイルは残る。
    既存のファイルは --force がなければ上書きしない。

    例: izumi export --format xlsx -o 予算.xlsx
    """
    apply_language(lang)
    _name_fits(output, output_format)
    checked = open_readable(ledger, no_cache)
    book = checked.ledger
    assert book is not None
    # What the check said travels with the data: a field, a fact or a first comment line.
    status = CheckStatus(checked.errors, checked.warnings)
    if table is not None and output_format != "csv":
        raise UsageError(t("export.csv_only", option="--table"))
    if excel and output_format != "csv":
        raise UsageError(t("export.csv_only", option="--excel"))
    if output_format == "json":
        _one_file(json_bytes(book, status), output, force, checked.name)
    elif output_format == "csv" and table is not None:
        names = {entry.name: entry for entry in exact_tables(book)}
        if table not in names:
            close = closest(table, TABLE_NAMES)
            hint = t("hint.did_you_mean", name=close[0]) if close else ""
            raise UsageError(
                t("export.no_table", table=table),
                " ".join([t("export.tables", names=", ".join(TABLE_NAMES)), hint]).strip(),
            )
        _one_file(csv_bytes(names[table], excel, status, book.unit), output, force, checked.name)
    elif output_format == "csv":
        if output is not None and output.lower().endswith(".csv") and not Path(output).is_dir():
            # A name of one CSV file, and no table chosen: a folder of that name is not what
            # anyone asking for out.csv wants.
            raise UsageError(
                t("export.csv_file_needs_table", path=output),
                t("export.tables", names=", ".join(TABLE_NAMES)),
            )
        _folder(csv_files(book, excel, status), output, force, "csv", checked.name)
    elif output_format == "datapackage":
        _folder(datapackage_files(book, status), output, force, "datapackage", checked.name)
    else:
        if means_stdout(output):
            raise UsageError(t("export.needs_file", format=output_format))
        writer = xlsx_bytes if output_format == "xlsx" else sqlite_bytes
        content = writer(book, status)
        _one_file(content, output, force, checked.name)


def _one_file(content: bytes, output: str | None, force: bool, ledger: str) -> None:
    if means_stdout(output):
        terminal().data_bytes(content)
        return
    _write({checked_output(str(output), [ledger]): content}, force)


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


def _folder(
    files: dict[str, bytes], output: str | None, force: bool, what: str, ledger: str
) -> None:
    if means_stdout(output):
        raise UsageError(t("export.needs_folder", format=what))
    assert output is not None
    folder = Path(output)
    suffix = folder.suffix.lower().strip()
    if not folder.is_dir() and (suffix in _FILE_SUFFIXES or output != output.rstrip()):
        # out.xlsx or "out.csv " as a folder: never made without a word.
        raise UsageError(t("export.not_a_folder", path=output, format=what))
    checked_folder(folder, [ledger])
    # Written whole beside the old folder and swapped in: a failure leaves the old one as it was.
    write_folder_atomically(folder, files, force=force)
    screen = terminal()
    for name in files:
        screen.message(t("write.done", path=folder / name))


def _write(files: dict[Path, bytes], force: bool) -> None:
    """Write every file or, if any would be overwritten without --force or any fails, none."""
    write_all_atomically(files, force=force)
    screen = terminal()
    for path in files:
        screen.message(t("write.done", path=path))
