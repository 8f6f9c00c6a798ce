"""`izumi export`: the checked figures for Excel, databases and open-data portals."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from izumi_ledger.atomic import WriteRefused, write_atomically
from izumi_ledger.cli.options import LanguageOption, LedgerOption, apply_language
from izumi_ledger.cli.session import open_ledger
from izumi_ledger.cli.terminal import fail, stderr_console, write_bytes
from izumi_ledger.export.tables import TABLE_NAMES, ledger_tables
from izumi_ledger.export.writers import (
    csv_bytes,
    csv_files,
    datapackage_files,
    json_bytes,
    sqlite_bytes,
)
from izumi_ledger.export.xlsx import MissingExtra, xlsx_bytes
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import closest


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    xlsx = "xlsx"
    sqlite = "sqlite"
    datapackage = "datapackage"


def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="形式: csv, json, xlsx, sqlite, datapackage。"),
    ] = ExportFormat.json,
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
    force: Annotated[
        bool, typer.Option("--force", help="すでにあるファイルを上書きする。")
    ] = False,
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
    lang: LanguageOption = None,
) -> None:
    """台帳を他の道具に渡す（CSV・JSON・Excel・SQLite・データパッケージ）。

    書き出しは一時ファイルを経由するので、途中で止まっても元のファイルは残る。
    既存のファイルは --force がなければ上書きしない。

    例: izumi export --format xlsx -o 予算.xlsx
    """
    apply_language(lang)
    book = open_ledger(ledger).ledger
    if table is not None and output_format is not ExportFormat.csv:
        fail(t("export.csv_only", option="--table"))
    if excel and output_format is not ExportFormat.csv:
        fail(t("export.csv_only", option="--excel"))
    if output_format is ExportFormat.json:
        _one_file(json_bytes(book), output, force)
    elif output_format is ExportFormat.csv and table is not None:
        names = {entry.name: entry for entry in ledger_tables(book)}
        if table not in names:
            close = closest(table, TABLE_NAMES)
            hint = t("hint.did_you_mean", name=close[0]) if close else ""
            fail(
                t("export.no_table", table=table),
                t("export.tables", names=", ".join(TABLE_NAMES)) + " " + hint,
            )
        _one_file(csv_bytes(names[table], excel), output, force)
    elif output_format is ExportFormat.csv:
        _folder(csv_files(book, excel), output, force, "csv")
    elif output_format is ExportFormat.datapackage:
        _folder(datapackage_files(book), output, force, "datapackage")
    else:
        if output in (None, "-"):
            fail(t("export.needs_file", format=output_format.value))
        try:
            content = xlsx_bytes(book) if output_format is ExportFormat.xlsx else sqlite_bytes(book)
        except MissingExtra as missing:
            fail(str(missing))
        _one_file(content, output, force)


def _one_file(content: bytes, output: str | None, force: bool) -> None:
    if output in (None, "-"):
        write_bytes(content)
        return
    _write({Path(str(output)): content}, force)


def _folder(files: dict[str, bytes], output: str | None, force: bool, what: str) -> None:
    if output in (None, "-"):
        fail(t("export.needs_folder", format=what))
    folder = Path(str(output))
    if folder.exists() and not folder.is_dir():
        fail(t("export.not_folder", path=folder))
    folder.mkdir(parents=True, exist_ok=True)
    _write({folder / name: content for name, content in files.items()}, force)


def _write(files: dict[Path, bytes], force: bool) -> None:
    """Write every file or, if any would be overwritten without --force, none."""
    existing = [path for path in files if path.exists()]
    if existing and not force:
        fail(t("write.exists", path=existing[0]), t("write.force"))
    for path, content in files.items():
        try:
            write_atomically(path, content, force=force)
        except (WriteRefused, OSError) as error:
            fail(t("write.failed", path=path, reason=error))
    console = stderr_console()
    for path in files:
        console.print(t("write.done", path=path), markup=False, soft_wrap=True)
