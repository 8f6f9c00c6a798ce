"""`izumi check`: every rule of the format, and exactly where a ledger breaks one."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated

import typer

from izumi_ledger.checking import Report
from izumi_ledger.cli.options import CheckFormat, LanguageOption, LedgerOption, apply_language
from izumi_ledger.cli.render.findings import format_finding
from izumi_ledger.cli.session import check_ledger
from izumi_ledger.cli.terminal import stdout_lines, write_data
from izumi_ledger.findings import Finding, Severity, count_errors, count_warnings
from izumi_ledger.format.amounts import format_amount
from izumi_ledger.text.messages import t


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
            help="出力形式: text, json, github（GitHub Actions の注釈）。",
        ),
    ] = CheckFormat.text,
    lang: LanguageOption = None,
) -> None:
    """台帳を検査する（合計・件数・番号・担当課）。

    書式の規則をすべて確かめ、誤りがあればファイル・行・列と、文書の額・合計・差を示す。

    終了コード: 0 誤りなし、1 誤りあり（--strict では警告も）、2 台帳を読めない。

    例: izumi check --ledger data/programs.yaml
    """
    apply_language(lang)
    location, checked = check_ledger(ledger)
    report = checked.report
    findings = report.findings
    if not report.readable:
        exit_code = 2
    else:
        failing = count_errors(findings) + (count_warnings(findings) if strict else 0)
        exit_code = 1 if failing else 0

    if output is CheckFormat.github:
        write_data("".join(github_annotation(finding) + "\n" for finding in findings))
        raise typer.Exit(exit_code)
    if output is CheckFormat.json:
        write_data(
            json.dumps(
                _as_json(location.display, exit_code, findings), ensure_ascii=False, indent=2
            )
            + "\n"
        )
        raise typer.Exit(exit_code)

    lines = stdout_lines()
    lines.print(t("cli.ledger", ledger=location.display))
    for finding in findings:
        lines.print()
        style = "bold red" if finding.severity is Severity.ERROR else "bold yellow"
        for index, line in enumerate(format_finding(finding, report, report.unit)):
            lines.print(line, style=style if index == 0 else None)
    if findings:
        lines.print()
    lines.print(_summary(report))
    raise typer.Exit(exit_code)


def _escape(text: str, property_value: bool = False) -> str:
    # GitHub's workflow-command escaping: % and line breaks, and in properties also : and ,.
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property_value else text


def github_annotation(finding: Finding) -> str:
    """A finding as a GitHub Actions workflow command, shown inline on a pull request."""
    level = "error" if finding.severity is Severity.ERROR else "warning"
    properties = [f"file={_escape(finding.file, True)}"]
    if finding.line:
        properties += [f"line={finding.line}", f"col={finding.column}"]
    properties.append(f"title={_escape(finding.rule, True)}")
    message = finding.message + (t("cli.path", path=finding.path) if finding.path else "")
    if isinstance(finding.expected, int) and isinstance(finding.actual, int):
        expected_label, actual_label = finding.labels or (t("label.expected"), t("label.actual"))
        message += f" {expected_label} {finding.expected:,} / {actual_label} {finding.actual:,}"
        if finding.difference is not None:
            message += f" / {t('label.difference')} {finding.difference:+,}"
    if finding.hint:
        message += f"\n{finding.hint}"
    return f"::{level} {','.join(properties)}::{_escape(message)}"


def _summary(report: Report) -> str:
    tally = t(
        "check.tally",
        errors=count_errors(report.findings),
        warnings=count_warnings(report.findings),
    )
    if report.unit is None or report.total is None:
        return t("check.unreadable", tally=tally)
    return t(
        "check.summary",
        amount=format_amount(report.total, report.unit),
        policies=report.policies,
        programs=report.programs,
        items=report.items,
        tally=tally,
    )


def _as_json(display: str, exit_code: int, findings: Sequence[Finding]) -> dict[str, object]:
    return {
        "ledger": display,
        "ok": exit_code == 0,
        "errors": count_errors(findings),
        "warnings": count_warnings(findings),
        "findings": [finding.as_json() for finding in findings],
    }
