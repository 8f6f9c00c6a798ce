"""Shell completion for values that come from the ledger: section names and tags."""

from __future__ import annotations

import typer

from izumi_ledger.figures.query import known_sections
from izumi_ledger.format.values import TAGS
from izumi_ledger.loading import load
from izumi_ledger.source.files import STANDARD_INPUT, locate_ledger
from izumi_ledger.text.names import fold


def _starts(value: str, incomplete: str) -> bool:
    return fold(value).startswith(fold(incomplete))


def complete_section(ctx: typer.Context, incomplete: str) -> list[str]:
    """The sections of the ledger the command line names (or the default one)."""
    given = ctx.params.get("ledger") or [None]
    located = locate_ledger(given[-1])
    if located == STANDARD_INPUT:  # completion must not wait for standard input
        return []
    ledger = load(located).ledger
    if ledger is None:
        return []
    return [name for name in known_sections(ledger) if _starts(name, incomplete)]


def complete_tag(incomplete: str) -> list[str]:
    """重点, 新規, 拡充."""
    return [tag for tag in TAGS if _starts(tag, incomplete)]
