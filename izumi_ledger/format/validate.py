"""Validating a ledger's values against the format: the models, or findings at their lines."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from izumi_ledger.findings import Finding, Path, Position, Severity, format_path
from izumi_ledger.format.models import Detail, Item, Ledger, Policy, Program, Related
from izumi_ledger.source.positions import SourceMap
from izumi_ledger.source.reader import ParsedYaml
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import unknown_key_hint

# Which model a list of the ledger holds, by the key that holds the list.
_MODEL_OF_LIST: dict[str, type[BaseModel]] = {
    "policies": Policy,
    "programs": Program,
    "items": Item,
    "details": Detail,
    "related": Related,
}


_MODELS: tuple[type[BaseModel], ...] = (Ledger, *_MODEL_OF_LIST.values())
_FIELDS: dict[type[BaseModel], tuple[str, ...]] = {
    model: tuple(model.model_fields) for model in _MODELS
}


def validate(parsed: ParsedYaml) -> tuple[Ledger | None, list[Finding]]:
    """The ledger the parsed values describe, or None and the findings that say why not
    (with the reader's own findings, in file order)."""
    findings = list(parsed.findings)
    ledger: Ledger | None = None
    try:
        ledger = Ledger.model_validate(parsed.data)
    except ValidationError as error:
        findings.extend(_schema_findings(error, parsed.source, parsed.refused_paths))
    if findings:
        findings.sort(key=lambda finding: (finding.line, finding.column))
        return None, findings
    return ledger, []


def keys_of(path: Path) -> tuple[str, ...] | None:
    """The keys a mapping at path may have, when path is where the format puts a model."""
    if not path:
        return _FIELDS[Ledger]
    if len(path) >= 2 and isinstance(path[-1], int) and path[-2] in _MODEL_OF_LIST:
        return _FIELDS[_MODEL_OF_LIST[str(path[-2])]]
    return None


def _schema_findings(
    error: ValidationError, source: SourceMap, refused_paths: set[Path]
) -> list[Finding]:
    findings = []
    for detail in error.errors():
        loc: Path = tuple(detail["loc"])
        if any(loc[:length] in refused_paths for length in range(len(loc) + 1)):
            continue
        kind = detail["type"]
        if kind == "extra_forbidden":
            position = source.key_position(loc)
        elif kind == "missing":
            position = source.position(loc[:-1])
        else:
            position = source.position(loc)
        message, hint = _explain(detail, loc)
        findings.append(_schema_finding(source, position, loc, message, hint))
    return findings


def _schema_finding(
    source: SourceMap, position: Position, path: Path, message: str, hint: str
) -> Finding:
    return Finding(
        "schema",
        Severity.ERROR,
        source.file,
        position.line,
        position.column,
        format_path(path),
        message,
        hint=hint,
    )


def _explain(detail: Any, loc: Path) -> tuple[str, str]:
    """A message and hint, in the reader's language, for one pydantic error."""
    kind: str = detail["type"]
    field = loc[-1] if loc else ""
    value = detail.get("input")
    context = detail.get("ctx") or {}
    if kind == "extra_forbidden":
        allowed = keys_of(loc[:-1]) or ()
        return t("schema.unknown_key", key=field), unknown_key_hint(str(field), allowed)
    if kind == "missing":
        return t("schema.missing", key=field), t("schema.add_key", key=field)
    if kind == "string_type":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return t("schema.text_was_number"), t("schema.quote", value=value)
        return t("schema.text"), ""
    if kind == "int_type":
        if isinstance(value, str):
            return t("schema.int_was_text", value=value), t("schema.unquote")
        return t("schema.int"), ""
    if kind == "list_type":
        return t("schema.list"), ""
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return t("schema.mapping"), ""
    if kind == "literal_error":
        if loc == ("ledger",):
            return t("schema.version", value=value), t("schema.write_version")
        choices = str(context.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return t("schema.not_allowed", value=value), t("schema.allowed", values=choices)
    if kind == "greater_than_equal":
        return t("schema.at_least", bound=context.get("ge"), value=value), ""
    if kind == "less_than_equal":
        return t("schema.at_most", bound=context.get("le"), value=value), ""
    if kind == "string_too_short":
        return t("schema.empty"), ""
    # Our own validators (amounts, labels) already speak the reader's language.
    return str(detail["msg"]), ""
