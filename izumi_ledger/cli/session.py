"""Opening the ledger a command asked for, or explaining on stderr why it cannot be read."""

from __future__ import annotations

from dataclasses import dataclass

import typer

from ..findings import count_errors
from ..loader import load_ledger
from ..location import LedgerLocation, locate_ledger
from ..messages import t
from ..models import Ledger
from ..rules import check
from ..yamlsource import SourceMap
from .findings_view import format_finding
from .progress import TerminalProgress
from .terminal import stderr_console


@dataclass(frozen=True)
class OpenLedger:
    ledger: Ledger
    source: SourceMap
    location: LedgerLocation


def open_ledger(option: str | None) -> OpenLedger:
    """The validated ledger; exit 2 with every reason on stderr when it cannot be read."""
    location = locate_ledger(option)
    progress = TerminalProgress()
    result = load_ledger(location.path, location.display, progress)
    progress.finish()
    console = stderr_console()
    if result.ledger is None:
        for finding in result.findings:
            console.print("", markup=False)
            for line in format_finding(finding, result.source, None):
                console.print(line, markup=False, soft_wrap=True)
        console.print("", markup=False)
        console.print(
            t("cli.unreadable", ledger=location.display, count=len(result.findings)),
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(2)
    errors = count_errors(check(result.ledger, result.source))
    if errors:
        console.print(
            t("cli.sums_wrong", count=errors, ledger=location.display),
            markup=False,
            soft_wrap=True,
        )
    return OpenLedger(result.ledger, result.source, location)
