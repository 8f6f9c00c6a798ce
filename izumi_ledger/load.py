"""Loading a ledger file: text → YAML nodes with positions → validated models, or findings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any

from pydantic import BaseModel, ValidationError

from izumi_ledger.findings import Finding, Path, Position, Severity, format_path
from izumi_ledger.format.models import Detail, Item, Ledger, Policy, Program, Related
from izumi_ledger.pause import cycle_collection_paused
from izumi_ledger.source.files import read_source
from izumi_ledger.source.progress import Progress
from izumi_ledger.source.reader import SourceMap, parse_yaml
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


@dataclass
class LoadResult:
    """A validated ledger with its source map, or the findings that stopped it (ledger None)."""

    ledger: Ledger | None
    source: SourceMap
    findings: list[Finding]


def load_ledger(
    path: FilePath | str, display: str | None = None, progress: Progress | None = None
) -> LoadResult:
    """Read and validate the ledger at path; display is how findings name the file."""
    name = display if display is not None else str(path)
    data, read_findings = read_source(FilePath(path), name)
    if data is None:
        return LoadResult(None, SourceMap(name), read_findings)
    return load_ledger_bytes(data, name, progress)


def load_ledger_text(text: str, display: str = "<text>") -> LoadResult:
    """Validate a ledger given as YAML text."""
    return load_ledger_bytes(text.encode("utf-8", "surrogatepass"), display)


def load_ledger_bytes(
    data: bytes, display: str = "<bytes>", progress: Progress | None = None
) -> LoadResult:
    """Validate a ledger given as UTF-8 YAML bytes."""
    with cycle_collection_paused():
        return _load(data, display, progress)


def _load(data: bytes, display: str, progress: Progress | None) -> LoadResult:
    reading = progress.reading if progress is not None else None
    parsed = parse_yaml(data, display, keys=_keys_of, progress=reading)
    source = parsed.source
    if parsed.data is None or not isinstance(parsed.data, dict):
        return LoadResult(None, source, parsed.findings)
    if progress is not None:
        progress.stage("validating")
    findings = [*parsed.findings, *_uniqueness_findings(parsed.data, source)]
    try:
        ledger: Ledger | None = Ledger.model_validate(parsed.data)
    except ValidationError as error:
        ledger = None
        findings.extend(_schema_findings(error, source, parsed.refused_paths))
    if findings:
        findings.sort(key=lambda finding: (finding.line, finding.column))
        return LoadResult(None, source, findings)
    return LoadResult(ledger, source, [])


def _keys_of(path: Path) -> tuple[str, ...] | None:
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
        allowed = _keys_of(loc[:-1]) or ()
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


def _uniqueness_findings(data: dict[str, Any], source: SourceMap) -> list[Finding]:
    """Names the format says are unique: the ledger's sections, each program's sections and
    each list of tags. Read from the raw tree so they are reported with the schema errors."""
    findings: list[Finding] = []

    def repeated(values: Any, path: Path, what: str) -> None:
        if not isinstance(values, list):
            return
        seen: set[str] = set()
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            if value in seen:
                findings.append(
                    _schema_finding(
                        source,
                        source.position((*path, index)),
                        (*path, index),
                        t("schema.repeated", what=what, value=value),
                        t("schema.remove_repeat"),
                    )
                )
            seen.add(value)

    def mappings(values: Any) -> list[tuple[int, dict[str, Any]]]:
        if not isinstance(values, list):
            return []
        return [(index, value) for index, value in enumerate(values) if isinstance(value, dict)]

    section, tag = t("word.section"), t("word.tag")
    repeated(data.get("sections"), ("sections",), section)
    for p_index, policy in mappings(data.get("policies")):
        for g_index, program in mappings(policy.get("programs")):
            program_path: Path = ("policies", p_index, "programs", g_index)
            repeated(program.get("sections"), (*program_path, "sections"), section)
            repeated(program.get("tags"), (*program_path, "tags"), tag)
            for i_index, item in mappings(program.get("items")):
                repeated(item.get("tags"), (*program_path, "items", i_index, "tags"), tag)
    return findings
