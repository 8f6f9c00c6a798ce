"""Shell completion for values that come from the ledger: section names and tags."""

from __future__ import annotations

import unicodedata

import typer

from izumi_ledger.figures.query import known_sections
from izumi_ledger.format.models import TAGS
from izumi_ledger.load import load_ledger
from izumi_ledger.source.location import locate_ledger


def _starts(value: str, incomplete: str) -> bool:
    fold = unicodedata.normalize
    return fold("NFKC", value).startswith(fold("NFKC", incomplete))


def complete_section(ctx: typer.Context, incomplete: str) -> list[str]:
    """The sections of the ledger the command line names (or the default one)."""
    location = locate_ledger(ctx.params.get("ledger"))
    result = load_ledger(location.path)
    if result.ledger is None:
        return []
    return [name for name in known_sections(result.ledger) if _starts(name, incomplete)]


def complete_tag(incomplete: str) -> list[str]:
    """重点, 新規, 拡充."""
    return [tag for tag in TAGS if _starts(tag, incomplete)]
