"""`izumi check`: every rule of the format, and exactly where a ledger breaks one."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from izumi_ledger.cli.app import open_checked
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    CheckFormat,
    LanguageOption,
    LedgerOption,
    NoCacheOption,
    apply_language,
)
from izumi_ledger.cli.render import View, render
from izumi_ledger.cli.render.findings import finding_lines, github_annotation, labels_of
from izumi_ledger.cli.render.tables import Column, Table
from izumi_ledger.cli.terminal import Terminal, terminal
from izumi_ledger.findings import Severity
from izumi_ledger.load import Checked
from izumi_ledger.text.numbers import format_amount


def check_command(
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

    終了コード: 0 誤りなし、1 誤りあり（--strict では警告も）、2 台帳を読めない。

    例: izumi check --ledger data/programs.yaml
    """
    apply_language(lang)
    checked = open_checked(ledger, no_cache)
    status = checked.exit_status(strict)
    view = View(
        document=lambda: _document(checked, status),
        rows=lambda _: _rows(checked),
        text=lambda screen: _text(checked, screen),
        annotations=lambda: [github_annotation(finding) for finding in checked.findings],
    )
    render(view, output, terminal())
    return status


def _text(checked: Checked, screen: Terminal) -> None:
    unit = checked.summary.unit if checked.summary else None
    screen.line(t("cli.ledger", ledger=checked.name))
    for finding in checked.findings:
        screen.line()
        style = "bold red" if finding.severity is Severity.ERROR else "bold yellow"
        for index, line in enumerate(finding_lines(finding, unit)):
            screen.line(line, style=style if index == 0 else None)
    if checked.findings:
        screen.line()
    screen.line(_summary(checked))


def _summary(checked: Checked) -> str:
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


def _document(checked: Checked, status: int) -> dict[str, Any]:
    return {
        "ledger": checked.name,
        "ok": status == 0,
        "errors": checked.errors,
        "warnings": checked.warnings,
        "findings": [finding.as_json() for finding in checked.findings],
    }


def _rows(checked: Checked) -> Table:
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
        ]
    )
    for finding in checked.findings:
        expected_label, actual_label = labels_of(finding)
        table.rows.append(
            {
                "rule": finding.rule,
                "severity": finding.severity.value,
                "file": finding.file,
                "line": finding.line,
                "column": finding.column,
                "path": finding.path,
                "message": finding.message,
                "expected_label": expected_label,
                "expected": finding.expected,
                "actual_label": actual_label,
                "actual": finding.actual,
                "difference": finding.difference,
            }
        )
    return table
