"""Validation errors as findings, at the line a person has to edit and in the reader's
language; from pydantic's models or from the cache's compiled format alike (pydantic-core
reports both the same way)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from izumi_ledger.findings import Finding, Path, Position, Severity, format_path
from izumi_ledger.source.positions import SourceMap
from izumi_ledger.source.reader import MAX_FINDINGS, ParsedYaml
from izumi_ledger.text.era import FULL_WIDTH_DIGITS, era_year
from izumi_ledger.text.messages import t
from izumi_ledger.text.names import unknown_key_hint

# The model a list of the ledger holds, by the key that holds the list.
MODEL_OF_LIST: Final = {
    "policies": "Policy",
    "programs": "Program",
    "items": "Item",
    "details": "Detail",
    "related": "Related",
}
KeysOf = Callable[[Path], "tuple[str, ...] | None"]


def keys_by_path(fields: Mapping[str, tuple[str, ...]]) -> KeysOf:
    """Given each model's field names, the keys a mapping at a path may have (None: the
    format puts no model there)."""

    def keys_of(path: Path) -> tuple[str, ...] | None:
        if not path:
            return fields["Ledger"]
        if len(path) >= 2 and isinstance(path[-1], int) and path[-2] in MODEL_OF_LIST:
            return fields[MODEL_OF_LIST[str(path[-2])]]
        return None

    return keys_of


def validation_findings(
    parsed: ParsedYaml, errors: Iterable[Any], keys_of: KeysOf
) -> list[Finding]:
    """The reader's findings and those of the validation errors, in file order."""
    findings = [
        *parsed.findings,
        *_schema_findings(errors, parsed.source, parsed.refused_paths, keys_of, parsed.meant_keys),
    ]
    findings.sort(key=lambda finding: (finding.line, finding.column))
    if len(findings) > MAX_FINDINGS:  # as the reader does: the first ones, then how many more
        last = findings[MAX_FINDINGS - 1]
        more = t("schema.too_many", count=f"{len(findings) - MAX_FINDINGS:,}")
        findings = [
            *findings[:MAX_FINDINGS],
            _schema_finding(
                parsed.source,
                Position(last.line, last.column),
                (),
                more,
                t("yaml.fix_first"),
            ),
        ]
    return findings


def _schema_findings(
    errors: Iterable[Any],
    source: SourceMap,
    refused_paths: set[Path],
    keys_of: KeysOf,
    meant_keys: set[Path] | frozenset[Path] = frozenset(),
) -> list[Finding]:
    findings = []
    for detail in errors:
        loc: Path = tuple(detail["loc"])
        if any(loc[:length] in refused_paths for length in range(len(loc) + 1)):
            continue
        kind = detail["type"]
        if kind == "missing" and loc in meant_keys:  # ammount written for amount: said once
            continue
        if kind == "extra_forbidden":
            position = source.key_position(loc)
        elif kind == "missing":
            position = source.position(loc[:-1])
        else:
            position = source.position(loc)
        message, hint = _explain(detail, loc, keys_of)
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


def whole_number_hint(text: str) -> str:
    """What to write instead of text where a whole number belongs: half-width digits for
    full-width ones, the Gregorian year for an era year, no quotes around digits."""
    digits = text.strip().translate(FULL_WIDTH_DIGITS)
    era = era_year(text)
    if era is not None:
        return t("schema.era_year", era=era[0], year=era[1])
    if digits.isascii() and digits.isdigit():
        if digits != text.strip():
            return t("schema.full_width_digits", digits=digits)
        return t("schema.unquote")
    return t("schema.write_digits")


def _explain(detail: Any, loc: Path, keys_of: KeysOf) -> tuple[str, str]:
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
            return t("schema.int_was_text", value=value), whole_number_hint(value)
        return t("schema.int"), ""
    if kind == "list_type":
        return t("schema.list"), ""
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return t("schema.mapping"), ""
    if kind == "ledger_version":
        return str(detail["msg"]), t("schema.write_version")
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
    return str(detail["msg"]), str(context.get("izumi_hint", ""))
