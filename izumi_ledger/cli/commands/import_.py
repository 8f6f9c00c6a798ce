"""`izumi import`: a budget document's text becomes a ledger, checked as it is written."""

from __future__ import annotations

import json
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from izumi_ledger.atomic import WriteRefused, write_atomically
from izumi_ledger.checking import report_of
from izumi_ledger.cli.options import LanguageOption, apply_language
from izumi_ledger.cli.render.findings import format_finding
from izumi_ledger.cli.terminal import fail, stderr_console, write_data
from izumi_ledger.export.yaml import dump_data
from izumi_ledger.findings import Finding, count_errors
from izumi_ledger.importer.build import Imported, Metadata, default_source, import_document
from izumi_ledger.importer.text import DocumentError
from izumi_ledger.load import load_ledger_bytes
from izumi_ledger.source.files import read_source
from izumi_ledger.text.messages import t


class ImportFormat(StrEnum):
    yaml = "yaml"
    json = "json"


class LayoutOption(StrEnum):
    pdf_text = "pdf-text"
    web = "web"


def import_command(
    document: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="予算の文書のテキスト（PDF から取り出したもの、または区のウェブページ）。",
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="OUT",
            show_default=False,
            help="書き出す台帳ファイル。省略時または - で標準出力（報告は標準エラー）。",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="OUT がすでにあれば上書きする。")] = False,
    output_format: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="書き出す形式: yaml, json。")
    ] = ImportFormat.yaml,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            show_default=False,
            help="文書の文字コード（省略時は UTF-8 と Shift_JIS/CP932 を判別）。",
        ),
    ] = None,
    layout: Annotated[
        LayoutOption | None,
        typer.Option(
            "--layout", show_default=False, help="文書のレイアウト: pdf-text, web（省略時は判別）。"
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="読み取れなかった行や警告があれば失敗とする（終了コード 1）。"
        ),
    ] = False,
    city: Annotated[
        str | None, typer.Option("--city", show_default=False, help="市の名前。")
    ] = None,
    ward: Annotated[
        str | None, typer.Option("--ward", show_default=False, help="区の名前。")
    ] = None,
    fiscal_year: Annotated[
        int | None,
        typer.Option(
            "--fiscal-year",
            show_default=False,
            help="年度（西暦、例: 2021）。文書の見出しにあれば省略できる。",
        ),
    ] = None,
    source: Annotated[
        str | None,
        typer.Option("--source", show_default=False, help="出典（省略時は文書のファイル名）。"),
    ] = None,
    lang: LanguageOption = None,
) -> None:
    """予算の文書のテキストから台帳を作る。

    PDF から取り出したテキスト（pdftotext など）か区のウェブページのテキストを読み、台帳を書き出して
    すぐに検査する。読み取れなかった行は行番号つきで報告する。終了コードは izumi check と同じ。

    例: izumi import policy2.txt -o data/programs.yaml --city 横浜市 --ward 泉区 --fiscal-year 2021
    """
    apply_language(lang)
    raw, problems = read_source(document, str(document))
    if raw is None:
        fail(f"{document}: {problems[0].message}")
    metadata = Metadata(city, ward, fiscal_year, source or default_source(document.name))
    try:
        imported = import_document(raw, metadata, layout.value if layout else None, encoding)
    except DocumentError as error:
        fail(f"{document}: {error}")
    to_stdout = output in (None, "-")
    display = t("import.stdout") if to_stdout else str(output)
    ledger_yaml = dump_data(imported.data).encode("utf-8")
    if output_format is ImportFormat.json:
        content = (json.dumps(imported.data, ensure_ascii=False, indent=2) + "\n").encode()
    else:
        content = ledger_yaml
    if to_stdout:
        write_data(content.decode("utf-8"))
    else:
        try:
            write_atomically(Path(str(output)), content, force=force)
        except WriteRefused as refused:
            fail(str(refused))
        except OSError as error:
            fail(t("write.failed", path=output, reason=error.strerror or error))
    exit_code = _report(document, display, imported, ledger_yaml, output_format, strict)
    raise typer.Exit(exit_code)


def _report(
    document: Path,
    display: str,
    imported: Imported,
    ledger_yaml: bytes,
    output_format: ImportFormat,
    strict: bool,
) -> int:
    """The import report and the check of what was written, on stderr; the exit status."""
    console = stderr_console()

    def say(line: str = "") -> None:
        console.print(line, markup=False, soft_wrap=True)

    reading = imported.reading
    layout_name = t(f"import.layout.{reading.layout}")
    say(
        t(
            "import.title",
            document=document,
            layout=layout_name,
            encoding=imported.encoding,
            output=display,
        )
    )
    for warning in imported.warnings:
        say(t("import.warning", warning=warning))
    for what, program in reading.judgments:
        say(t("import.judgment", what=what, program=program))
    for unread in reading.unread:
        say(t("import.unread", document=document, line=unread.number, text=unread.text))
    report = report_of(load_ledger_bytes(ledger_yaml, display), display)
    findings = report.findings
    positions = output_format is ImportFormat.yaml  # JSON has other lines than the YAML checked
    for finding in findings:
        say()
        shown = finding if positions else _without_position(finding)
        for text in format_finding(shown, report if positions else None, None):
            say(text)
    errors = count_errors(findings)
    if report.readable:
        tally = t("check.tally", errors=errors, warnings=len(findings) - errors)
        say(
            t(
                "import.summary",
                policies=report.policies,
                programs=report.programs,
                items=report.items,
                tally=tally,
                unread=len(reading.unread),
            )
        )
    if not report.readable:
        say(t("import.invalid", errors=errors, unread=len(reading.unread)))
        return 2
    if errors or (strict and (reading.unread or len(findings) > errors)):
        return 1
    return 0


def _without_position(finding: Finding) -> Finding:
    return replace(finding, line=0, column=0)
