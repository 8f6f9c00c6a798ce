"""`izumi import`: a budget document (a PDF, a web page, their text) becomes a ledger, checked
as it is written, with an account of every line."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Literal

import typer

from izumi_ledger.atomic import write_atomically
from izumi_ledger.cache import default_cache
from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import LanguageOption, NoCacheOption
from izumi_ledger.cli.outputs import checked_output
from izumi_ledger.cli.render.findings import finding_lines
from izumi_ledger.cli.terminal import Terminal, means_stdout, terminal
from izumi_ledger.errors import CannotRead, UsageError
from izumi_ledger.export.json_text import json_text
from izumi_ledger.export.yaml import dump_data
from izumi_ledger.findings import Severity
from izumi_ledger.format.amounts import UNITS
from izumi_ledger.importer.accounts import Place, certainty
from izumi_ledger.importer.build import (
    Imported,
    Layout,
    Metadata,
    default_source,
    import_document,
    refused_findings,
)
from izumi_ledger.importer.document import Reading
from izumi_ledger.importer.text import DocumentError, Line
from izumi_ledger.loading import Checked, check
from izumi_ledger.source.files import read_source


def import_command(
    document: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="予算の文書: PDF、保存したウェブページ（HTML）、またはそのテキスト。",
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
        Literal["yaml", "json"], typer.Option("--format", "-f", help="書き出す形式: yaml, json。")
    ] = "yaml",
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            show_default=False,
            help="文字コード（省略時は判別: UTF-8、Shift_JIS、EUC-JP、meta charset）。",
        ),
    ] = None,
    layout: Annotated[
        Layout | None,
        typer.Option(
            "--layout",
            show_default=False,
            help="文書のレイアウト: pdf-text, web, listing（省略時は判別）。",
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="読み取れなかった行や警告があれば失敗とする（終了コード 1）。"
        ),
    ] = False,
    city: Annotated[
        str | None,
        typer.Option("--city", show_default=False, help="市の名前（省略時は文書の見出しから）。"),
    ] = None,
    ward: Annotated[
        str | None,
        typer.Option("--ward", show_default=False, help="区の名前（省略時は文書の見出しから）。"),
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
    tolerance: Annotated[
        int | None,
        typer.Option(
            "--tolerance",
            min=0,
            metavar="N",
            show_default=False,
            help=(
                "取り込んだ台帳の tolerance（文書が各額を丸めて載せているときの、"
                "合計と部分の差の許容）。"
            ),
        ),
    ] = None,
    report_only: Annotated[
        bool,
        typer.Option(
            "--report-only",
            help="台帳を書き出さず、文書の各行を何として読んだかと検査の結果だけを示す。",
        ),
    ] = False,
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> int:
    """予算の文書から台帳を作る。

    予算の PDF、保存したウェブページ（HTML）、またはそのテキストを読み、台帳を書き出してすぐに
    検査する。文書の行はすべて、読んだか読まなかったかを報告する（--report-only で一行ずつ）。
    終了コードは izumi check と同じ。

    例: izumi import budget.pdf -o my-ledger.yaml --city 横浜市
    """
    apply_language(lang)
    # Chosen first: a bad IZUMI_CACHE is a usage error before anything is written.
    checker = check if no_cache or (cache := default_cache()) is None else cache.check
    if fiscal_year is not None and not 1000 <= fiscal_year <= 9999:
        raise UsageError(t("import.fiscal_year_option", value=fiscal_year), _era_hint(fiscal_year))
    raw, problems = read_source(document, str(document))
    if raw is None:
        raise CannotRead(f"{document}: {problems[0].message}")
    for option, value in (("--city", city), ("--ward", ward), ("--source", source)):
        if value is not None and not _is_text(value):
            raise UsageError(t("import.option_not_utf8", option=option))
        if value is not None and not value.strip():
            raise UsageError(t("import.option_empty", option=option))
    # A file name that is not UTF-8 (copied from Windows, say) is named by what it shows.
    shown_name = os.fsencode(document.name).decode("utf-8", "replace")
    metadata = Metadata(
        city, ward, fiscal_year, source or default_source(shown_name), tolerance, shown_name
    )
    try:
        imported = import_document(raw, metadata, layout, encoding)
    except DocumentError as error:
        raise CannotRead(f"{document}: {error.message}", error.hint) from None
    to_stdout = means_stdout(output) and not report_only
    display = (
        t("import.not_written") if report_only else t("import.stdout") if to_stdout else str(output)
    )
    ledger_yaml = dump_data(imported.data).encode("utf-8")
    json_wanted = output_format == "json"
    content = json_text(imported.data).encode("utf-8") if json_wanted else ledger_yaml
    screen = terminal()
    if report_only:
        pass  # nothing is written: the report says what would be
    elif to_stdout:
        screen.data_bytes(content)
    else:
        write_atomically(checked_output(str(output), [str(document)]), content, force=force)
    # What was written is checked as `izumi check` would check it (JSON has other lines
    # than the YAML checked, so its findings give no line).
    checked = checker(ledger_yaml, name=display)
    if report_only:
        _every_line(screen, document, imported)
    positions = output_format == "yaml" and not report_only
    _report(screen, document, display, imported, checked, positions=positions)
    status = checked.exit_status(strict)
    if checked.readable and (
        imported.reading.refused or (strict and _lines_placed(imported, Place.UNREAD))
    ):
        return max(status, 1)
    return status


_PATH = re.compile(r"policies\[(\d+)\](?:\.programs\[(\d+)\](?:\.items\[(\d+)\])?)?")


def document_line(reading: Reading, path: str) -> int | None:
    """The document's line of what a finding's path names (a policy, a program, an item; a
    program's amount where its figure is printed); None when the path names none of them."""
    found = _PATH.match(path)
    if found is None:
        return None
    policy, program, item = (None if group is None else int(group) for group in found.groups())
    try:
        record = reading.policies[policy or 0]
        if program is None:
            return record.line.number
        entry = record.programs[program]
        if item is not None:
            return entry.items[item].line.number
        if path.endswith(".amount") and entry.amount_line is not None:
            return entry.amount_line.number
        return entry.line.number
    except IndexError:
        return None


def _era_hint(year: int) -> str:
    """For --fiscal-year 3: the Gregorian years of the 令和 and 平成 years it could mean."""
    if 1 <= year <= 99:
        return t("import.fiscal_year_option.hint", reiwa=2018 + year, heisei=1988 + year)
    return ""


def _is_text(value: str) -> bool:
    """Whether an option's value is text (bytes that were not UTF-8 arrive as surrogates)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _report(
    screen: Terminal,
    document: Path,
    display: str,
    imported: Imported,
    checked: Checked,
    positions: bool,
) -> None:
    """The import report and the check of what was written, on stderr."""
    reading = imported.reading
    layout_name = t(f"import.layout.{reading.layout}")
    screen.message(
        t(
            "import.title",
            document=document,
            layout=layout_name,
            encoding=imported.encoding,
            output=display,
        )
    )
    screen.message(_how_it_was_read(imported))
    if imported.left_out:
        screen.message(t("import.left_out", lines=imported.left_out))
    for warning in imported.warnings:
        screen.message(t("import.warning", warning=warning))
    for what, program in reading.judgments:
        screen.message(t("import.judgment", what=what, program=program))
    for note in reading.notes:
        screen.message(t("import.ledger_note", note=note))
    if reading.reprinted:
        where = ", ".join(line.where for line in reading.reprinted)
        screen.message(t("import.reprinted", lines=where))
    for policy in reading.computed:
        screen.message(t("import.computed", number=policy.number, line=policy.line.where))
    not_understood = _lines_placed(imported, Place.UNREAD)
    for unread in not_understood:
        screen.message(t("import.unread", document=document, line=unread.where, text=unread.text))
    after = _lines_placed(imported, Place.POSTAMBLE)
    if after:
        where = ", ".join(line.where for line in after)
        screen.message(t("import.after_last", document=document, lines=where, count=len(after)))
    for finding in refused_findings(str(document), reading):
        screen.message()
        for text in finding_lines(finding, None):
            screen.message(text)
    unit = imported.data.get("unit")
    shown_of: dict[str, int] = {}
    for finding in checked.findings:
        # A warning every program shares (no-section, when the document names no section)
        # is shown twice and counted, so that the rest of the report is not lost under it.
        if finding.severity is Severity.WARNING:
            shown_of[finding.rule] = shown_of.get(finding.rule, 0) + 1
            if shown_of[finding.rule] > _SAME_WARNINGS_SHOWN:
                continue
        screen.message()
        shown = finding if positions else replace(finding, line=0, column=0, source_line="")
        for text in finding_lines(shown, unit if unit in UNITS else None):
            screen.message(text)
        printed = document_line(reading, finding.path)
        if printed is not None:  # where the figure is in the document, beside the ledger
            screen.message(t("import.in_document", document=document, line=printed))
    for rule, count in shown_of.items():
        if count > _SAME_WARNINGS_SHOWN:
            screen.message()
            screen.message(t("import.more_warnings", rule=rule, count=count - _SAME_WARNINGS_SHOWN))
    _rounding_hint(screen, document, imported, checked)
    summary = checked.summary
    unread_lines = len(not_understood)
    errors = checked.errors + len(reading.refused)
    if summary is None:
        screen.message(t("import.invalid", errors=errors, unread=unread_lines))
        return
    tally = t("check.tally", errors=errors, warnings=checked.warnings)
    screen.message(
        t(
            "import.summary",
            policies=summary.policies,
            programs=summary.programs,
            items=summary.items,
            tally=tally,
            unread=unread_lines,
        )
    )


_SUMS = ("item-sum", "detail-sum", "program-sum", "policy-sum")
_SAME_WARNINGS_SHOWN = 2


def _lines_placed(imported: Imported, place: Place) -> list[Line]:
    """The document's lines accounted for as place, in its order: those not understood, or
    those after the last program that print no amount (a page's foot)."""
    return [account.line for account in imported.accounts if account.place is place]


def _how_it_was_read(imported: Imported) -> str:
    """Which reading of the document was taken, and how much of it was read."""
    reading = imported.reading
    parts = [t(f"import.source.{imported.source}")]
    if reading.program_marker:
        parts.append(t("import.marker", marker=t(f"import.marker.{reading.program_marker}")))
    if reading.columns:
        joiner = t("import.column.joiner")
        columns = joiner.join(t(f"import.column.{column}") for column in reading.columns)
        parts.append(t("import.columns", columns=columns))
    read, printed = certainty(imported.accounts)
    sure = "high" if read == printed else "middle" if read * 10 >= printed * 9 else "low"
    return t(
        "import.how",
        parts=" · ".join(parts),
        read=read,
        printed=printed,
        sure=t(f"import.sure.{sure}"),
    )


def _rounding_hint(screen: Terminal, document: Path, imported: Imported, checked: Checked) -> None:
    """A document that says it rounds each figure, whose sums then differ: the tolerance
    that would take those differences as rounding."""
    said = imported.reading.rounding_line
    differences = [
        abs(finding.difference)
        for finding in checked.findings
        if finding.rule in _SUMS and finding.difference is not None
    ]
    if said is None or not differences:
        return
    screen.message()
    screen.message(
        t("import.rounded", document=document, line=said.where, largest=max(differences))
    )


def _every_line(screen: Terminal, document: Path, imported: Imported) -> None:
    """--report-only: what each line of the document was read as, on standard output (it is
    what was asked for); the report and the check follow on standard error."""
    for account in imported.accounts:
        where = ".".join(str(number) for number in account.record)
        label = t(f"import.place.{account.place.value}", record=where)
        screen.line(
            t("import.line_account", line=account.line.where, place=label, text=account.line.text)
        )
