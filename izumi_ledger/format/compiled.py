"""The format compiled for pydantic-core alone, so that a ledger is validated without pydantic's
Python layer: importing it and building the models' validators is about a third of checking
a ledger that just changed (docs/performance.md).

`compile_format` (which imports the models) writes the models' own core schema as plain data:
each model becomes a plain node class named after it, each validator function a name of this
module's table. `CompiledFormat.from_text` builds the validator from that data; it validates
exactly as the models do, with the same errors, and gives node objects with the models' fields.
The cache keeps the compiled text beside its entries, under the same fingerprint of izumi and
its libraries, so a changed pydantic or izumi compiles it again.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

from pydantic_core import SchemaSerializer, SchemaValidator, ValidationError

from izumi_ledger.findings import Finding
from izumi_ledger.format.explain import keys_by_path, validation_findings
from izumi_ledger.format.values import (
    amount_value,
    change_value,
    date_value,
    detail_label_value,
    version_value,
)

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.source.reader import ParsedYaml

# The only functions a compiled format may name.
_FUNCTIONS: Final[dict[str, Callable[..., Any]]] = {
    "amount": amount_value,
    "change": change_value,
    "date": date_value,
    "detail_label": detail_label_value,
    "version": version_value,
    "list": list,
}
_MODELS: Final = ("Ledger", "Policy", "Program", "Item", "Detail", "Related", "Population")


class _Unkept:
    """What pydantic-core records on each model beside its fields (the fields that were set,
    extra and private values), which nodes do not keep: at 100,000 items a set per node was
    a fifth of the memory."""

    def __get__(self, instance: object, owner: object = None) -> None:
        return None

    def __set__(self, instance: object, value: object) -> None:
        pass


class Node:
    """A validated part of a ledger: its fields as attributes, as on the model of its name."""

    _fields: tuple[str, ...] = ()
    __pydantic_fields_set__ = _Unkept()
    __pydantic_extra__ = _Unkept()
    __pydantic_private__ = _Unkept()

    def as_data(self) -> dict[str, Any]:
        """The node as plain values, in the order of the model's fields."""
        return {name: _data(getattr(self, name)) for name in self._fields}


def _data(value: Any) -> Any:
    if isinstance(value, Node):
        return value.as_data()
    if isinstance(value, list):
        return [_data(item) for item in value]
    return value


def compile_format() -> str:
    """The models' core schema as text (this imports pydantic's models)."""
    from izumi_ledger.format.models import (
        Detail,
        Item,
        Ledger,
        Policy,
        Population,
        Program,
        Related,
    )

    models = (Ledger, Policy, Program, Item, Detail, Related, Population)
    names = {id(function): name for name, function in _FUNCTIONS.items()}
    classes = {id(model): model.__name__ for model in models}

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            out = {}
            for key, child in value.items():
                if key in ("metadata", "serialization"):
                    continue  # for pydantic's own use: JSON Schema, serialisers
                if key == "cls":
                    out[key] = {"node": classes[id(child)]}
                elif callable(child):
                    out[key] = {"function": names[id(child)]}
                else:
                    out[key] = plain(child)
            return out
        if isinstance(value, list | tuple):
            return [plain(child) for child in value]
        if isinstance(value, str | int | float | bool) or value is None:
            return value
        raise TypeError(f"not plain data: {value!r}")

    Ledger.model_rebuild()
    fields = {model.__name__: list(model.model_fields) for model in models}
    document = {"fields": fields, "schema": plain(Ledger.__pydantic_core_schema__)}
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


class CompiledFormat:
    """The format's validator built from compiled text."""

    def __init__(self, text: str) -> None:
        document = json.loads(text)
        fields: dict[str, list[str]] = document["fields"]
        if sorted(fields) != sorted(_MODELS):
            raise ValueError("not a compiled ledger format")
        self.nodes = {
            name: type(name, (Node,), {"_fields": tuple(names)}) for name, names in fields.items()
        }
        self.keys_of = keys_by_path({name: tuple(names) for name, names in fields.items()})
        self._schema = self._thaw(document["schema"])
        self._validator = SchemaValidator(self._schema)
        self._serializer: SchemaSerializer | None = None

    def _thaw(self, value: Any) -> Any:
        if isinstance(value, dict):
            if set(value) == {"node"}:
                return self.nodes[value["node"]]
            if set(value) == {"function"}:
                return _FUNCTIONS[value["function"]]
            return {key: self._thaw(child) for key, child in value.items()}
        if isinstance(value, list):
            return [self._thaw(child) for child in value]
        return value

    def validate(self, parsed: ParsedYaml) -> tuple[Ledger | None, list[Finding]]:
        """As format.validate.validate, with nodes standing in for the models."""
        try:
            ledger = self._validator.validate_python(parsed.data)
        except ValidationError as error:
            return None, validation_findings(parsed, error.errors(), self.keys_of)
        if parsed.findings:
            return None, validation_findings(parsed, (), self.keys_of)
        if not self._is_ledger(ledger):
            raise ValueError("the compiled format does not give a ledger")
        # Nodes have the models' fields, which is all the rules and totals read.
        return ledger, []

    def _is_ledger(self, value: object) -> bool:
        return isinstance(value, self.nodes["Ledger"])

    def to_json(self, ledger: Ledger) -> bytes:
        """A validated ledger of nodes as the JSON the models read back (written by
        pydantic-core from the same schema: at 100,000 items four times quicker than
        Python's json, and without a copy of the ledger as dicts)."""
        if self._serializer is None:
            self._serializer = SchemaSerializer(self._schema)
        return self._serializer.to_json(ledger)

    @staticmethod
    def json_of(ledger: Ledger | Node) -> bytes:
        """Any validated ledger (models or nodes) as JSON, without a compiled format."""
        if isinstance(ledger, Node):
            return json.dumps(ledger.as_data(), ensure_ascii=False, separators=(",", ":")).encode()
        return ledger.model_dump_json().encode("utf-8")
