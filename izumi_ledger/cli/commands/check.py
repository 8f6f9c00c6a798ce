"""`izumi check`: every rule of the format, and exactly where a ledger breaks one.

This module does not import typer: `izumi check` is run without it when its command line is
one `quick_options` reads exactly (a test compares that reading with typer's), and typer
builds the command from `typer_command` for every other command line and for help. Its
annotations are therefore evaluated as they are written, not postponed.
"""

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, get_args

from izumi_ledger.cli.choices import CheckFormat, apply_language
from izumi_ledger.cli.ledger import open_checked, shown_name
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.render.findings import finding_lines, github_annotation
from izumi_ledger.cli.render.tables import Column, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.findings import Severity
from izumi_ledger.text.finding_figures import labels_of
from izumi_ledger.text.messages import LANGUAGES, Language
from izumi_ledger.text.numbers import format_amount

if TYPE_CHECKING:
    from izumi_ledger.cli.terminal import Terminal
    from izumi_ledger.loading import Checked


def run(
    ledger: "str | Sequence[str] | None" = None,
    strict: bool = False,
    output: "CheckFormat" = "text",
    no_cache: bool = False,
    lang: "Language | None" = None,
) -> int:
    """Check the ledger and show what was found; the exit status."""
    apply_language(lang)
    sources = [ledger] if isinstance(ledger, str) else list(ledger or ())
    if sources and _is_collection(sources):
        return _run_collection(sources, strict, output, no_cache)
    checked = open_checked(ledger, no_cache)
    status = checked.exit_status(strict)
    view = View(
        document=lambda: _document(checked, status),
        rows=lambda output: _rows(checked, output),
        text=lambda screen: _text(checked, screen),
        annotations=lambda: [github_annotation(finding) for finding in checked.findings],
    )
    render(view, output, terminal())
    return status


def _is_collection(sources: "list[str]") -> bool:
    from izumi_ledger.collection import is_collection

    return is_collection(sources)


def _run_collection(
    sources: "list[str]", strict: bool, output: "CheckFormat", no_cache: bool
) -> int:
    """Every ledger the sources name, checked in parallel: each one's findings and summary
    line, a line for all of them, and the worst status."""
    import os

    from izumi_ledger.cache import cache_wanted
    from izumi_ledger.collection import check_all, expand

    use_cache = not no_cache and cache_wanted(os.environ)
    results = check_all(expand(sources), use_cache)
    statuses = [checked.exit_status(strict) for checked in results]
    status = max(statuses)

    def document() -> "dict[str, Any]":
        return {
            "ok": status == 0,
            "errors": sum(checked.errors for checked in results),
            "warnings": sum(checked.warnings for checked in results),
            "ledgers": [
                _document(checked, each) for checked, each in zip(results, statuses, strict=True)
            ],
        }

    def rows(output: str) -> Table:
        table = _rows(results[0], output)
        for checked in results[1:]:
            table.rows.extend(_rows(checked, output).rows)
        if output == "markdown":
            table.heading = [_collection_line(results)]
        return table

    def text(screen: "Terminal") -> None:
        for checked in results:
            _text(checked, screen)
            screen.line()
        screen.line(_collection_line(results))

    view = View(
        document=document,
        rows=rows,
        text=text,
        annotations=lambda: [
            github_annotation(finding) for checked in results for finding in checked.findings
        ],
    )
    render(view, output, terminal())
    return status


def _collection_line(results: "list[Checked]") -> str:
    return t(
        "check.collection",
        ledgers=len(results),
        unreadable=sum(not checked.readable for checked in results),
        failing=sum(checked.readable and checked.errors > 0 for checked in results),
        tally=t(
            "check.tally",
            errors=sum(checked.errors for checked in results),
            warnings=sum(checked.warnings for checked in results),
        ),
    )


# The options, as typer reads them: name → (keyword, the values it takes; None for a flag).
_QUICK: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "--ledger": ("ledger", ()),
    "-l": ("ledger", ()),
    "--format": ("output", get_args(CheckFormat)),
    "-f": ("output", get_args(CheckFormat)),
    "--lang": ("lang", LANGUAGES),
    "--strict": ("strict", None),
    "--no-cache": ("no_cache", None),
}


def quick_options(arguments: list[str]) -> "dict[str, Any] | None":
    """The keywords of `run` for a command line of check's options, each given once; None
    for anything else (help, an unknown or repeated option, a value it does not take)."""
    options: dict[str, Any] = {}
    paths: list[str] = []
    words = iter(arguments)
    for word in words:
        if word == "-" or not word.startswith("-"):
            paths.append(word)  # a ledger named as an argument
            continue
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in _QUICK:
            return None
        keyword, values = _QUICK[name]
        if keyword in options:
            return None
        if values is None:
            if equals:
                return None
            options[keyword] = True
            continue
        if not equals:
            value = next(words, "")
            if not value or value.startswith("-") and value != "-":
                return None
        if values and value not in values:
            return None
        # --ledger may be given several times (and refused then): typer reads it as a tuple.
        options[keyword] = (value,) if keyword == "ledger" else value
    if paths:
        options["ledger"] = (*options.get("ledger", ()), *paths)
    return options


def typer_command() -> Callable[..., int]:
    """The command as typer runs it (imported only here)."""
    from typing import Annotated

    import typer

    from izumi_ledger.cli.options import (
        LanguageOption,
        LedgerArguments,
        LedgerOption,
        NoCacheOption,
        named_ledgers,
    )

    def check_command(
        ledgers: LedgerArguments = None,
        ledger: LedgerOption = None,
        strict: Annotated[
            bool, typer.Option("--strict", help="警告も失敗として扱う（終了コード 1）。")
        ] = False,
        output: Annotated[
            CheckFormat,
            typer.Option(
                "--format",
                "-f",
                help="出力形式: text, json, github（GitHub Actions の注釈）, csv, markdown。",
            ),
        ] = "text",
        no_cache: NoCacheOption = False,
        lang: LanguageOption = None,
    ) -> int:
        """台帳を検査する（合計・件数・番号・担当課）。

        書式の規則をすべて確かめ、誤りがあればファイル・行・列と、文書の額・合計・差を示す。

        台帳が複数なら（-l を重ねる、フォルダ、glob）、並行してすべて検査し、台帳ごとの結果と
        全体の一行を示す。同じ区・年度の台帳が二つあれば誤り。

        終了コード: 0 誤りなし、1 誤りあり（--strict では警告も）、2 台帳を読めない。

        例: izumi check --ledger data/programs.yaml / izumi check budgets/
        """
        return run(named_ledgers(ledger, ledgers), strict, output, no_cache, lang)

    return check_command


# Every error is shown; of one rule's warnings, the first ones (a list of a million sections
# nobody uses would otherwise print for minutes). JSON and CSV always hold every finding.
WARNINGS_SHOWN = 20


def _text(checked: "Checked", screen: "Terminal") -> None:
    # Findings are written whole, one line each, as a compiler's are: editors and scripts
    # read `file:line:column:` from them, and a terminal wraps a long line on its own.
    unit = checked.summary.unit if checked.summary else None
    screen.line(t("cli.ledger", ledger=shown_name(checked.name)))
    shown: dict[str, int] = {}
    for finding in checked.findings:
        if finding.severity is Severity.WARNING:
            shown[finding.rule] = shown.get(finding.rule, 0) + 1
            if shown[finding.rule] > WARNINGS_SHOWN:
                continue
        screen.line()
        style = "bold red" if finding.severity is Severity.ERROR else "bold yellow"
        for index, line in enumerate(finding_lines(finding, unit)):
            screen.line(line, style=style if index == 0 else None)
    if checked.findings:
        screen.line()
    for rule, count in shown.items():
        if count > WARNINGS_SHOWN:
            screen.line(t("check.more_warnings", count=count - WARNINGS_SHOWN, rule=rule))
    screen.line(_summary(checked))


def _summary(checked: "Checked") -> str:
    tally = t("check.tally", errors=checked.errors, warnings=checked.warnings)
    summary = checked.summary
    if summary is None:
        return t("check.unreadable", tally=tally)
    return t(
        "check.summary",
        amount=format_amount(summary.total, summary.unit),
        policies=summary.policies,
        programs=summary.programs,
        items=summary.items,
        tally=tally,
    )


def _document(checked: "Checked", status: int) -> "dict[str, Any]":
    return {
        "ledger": checked.name,
        "ok": status == 0,
        "errors": checked.errors,
        "warnings": checked.warnings,
        "findings": [finding.as_json() for finding in checked.findings],
    }


def _rows(checked: "Checked", output: str = "csv") -> Table:
    table = Table(
        [
            Column("rule", t("col.rule")),
            Column("severity", t("col.severity")),
            Column("file", t("col.file"), in_table=False),
            Column("line", t("col.line"), "right"),
            Column("column", t("col.column"), "right"),
            Column("path", t("col.path"), in_table=False),
            Column("message", t("col.message")),
            Column("expected_label", "", in_table=False),
            Column("expected", t("col.expected"), "right"),
            Column("actual_label", "", in_table=False),
            Column("actual", t("col.actual"), "right"),
            Column("difference", t("col.difference"), "right"),
            Column("hint", t("col.hint"), in_table=False),
        ]
    )
    for finding in checked.findings:
        expected_label, actual_label = labels_of(finding)
        table.rows.append(
            {
                "rule": finding.rule,
                "severity": finding.severity.value,
                "file": finding.file,
                "line": finding.line or None,  # a finding about the whole file has none
                "column": finding.column or None,
                "path": finding.path,
                "message": finding.message,
                "expected_label": expected_label,
                "expected": finding.expected,
                "actual_label": actual_label,
                "actual": finding.actual,
                "difference": finding.difference,
                "hint": finding.hint,
            }
        )
    if output == "markdown":  # a report says what it is of, and what was found
        table.heading = [t("cli.ledger", ledger=shown_name(checked.name)), _summary(checked)]
    return table
