"""Validating a ledger's values against the format's models: the Ledger, or findings."""

from __future__ import annotations

from typing import Final

from pydantic import ValidationError

from izumi_ledger.findings import Finding
from izumi_ledger.format.explain import keys_by_path, validation_findings
from izumi_ledger.format.models import Detail, Item, Ledger, Policy, Program, Related
from izumi_ledger.source.reader import ParsedYaml

MODELS: Final = (Ledger, Policy, Program, Item, Detail, Related)
keys_of: Final = keys_by_path({model.__name__: tuple(model.model_fields) for model in MODELS})


def validate(parsed: ParsedYaml) -> tuple[Ledger | None, list[Finding]]:
    """The ledger the parsed values describe, or None and the findings that say why not
    (with the reader's own findings, in file order)."""
    try:
        ledger = Ledger.model_validate(parsed.data)
    except ValidationError as error:
        return None, validation_findings(parsed, error.errors(), keys_of)
    if parsed.findings:
        return None, validation_findings(parsed, (), keys_of)
    return ledger, []
