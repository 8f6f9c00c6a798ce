"""The ledger format, version 1, as pydantic models (docs/format.md is the people's copy)."""

from __future__ import annotations

from typing import Annotated, Any, Final, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
)

from izumi_ledger.format.amounts import Unit
from izumi_ledger.format.values import (
    DETAIL_LABELS,
    FORMAT_VERSION,
    TAGS,
    amount_value,
    change_value,
    date_value,
    detail_label_value,
    version_value,
)

__all__ = [
    "DETAIL_LABELS",
    "FORMAT_VERSION",
    "TAGS",
    "Detail",
    "Item",
    "Ledger",
    "Policy",
    "Population",
    "Program",
    "Related",
]

# How an amount may be written, for editors: an integer, or digits with optional commas.
AMOUNT_JSON_SCHEMA: Final = {
    "anyOf": [
        {"type": "integer", "minimum": 0},
        {"type": "string", "pattern": "^([0-9０-９]+|[0-9０-９]{1,3}([,，][0-9０-９]{3})+)$"},
    ]
}
Amount = Annotated[int, BeforeValidator(amount_value), WithJsonSchema(AMOUNT_JSON_SCHEMA)]
# A printed 増減: an amount that may be negative.
CHANGE_JSON_SCHEMA: Final = {
    "anyOf": [
        {"type": "integer"},
        {
            "type": "string",
            "pattern": "^[-△▲−]?([0-9０-９]+|[0-9０-９]{1,3}([,，][0-9０-９]{3})+)$",
        },
    ]
}
Change = Annotated[int, BeforeValidator(change_value), WithJsonSchema(CHANGE_JSON_SCHEMA)]
Text = Annotated[str, StringConstraints(min_length=1)]
Tag = Literal["重点", "新規", "拡充"]
# Numbers are printed beside each program and item; no document numbers past this.
MAX_NUMBER: Final = 9999
Number = Annotated[int, Field(ge=1, le=MAX_NUMBER)]
DetailLabel = Annotated[
    str,
    BeforeValidator(detail_label_value),
    WithJsonSchema({"type": "string", "enum": list(DETAIL_LABELS)}),
]


def _empty() -> Any:
    """A new empty list for each model: pydantic copies a shared `[]` default with deepcopy for
    every item, which took half the validation time of a large ledger. The schema still says
    the default is `[]`."""
    return Field(default_factory=list, json_schema_extra={"default": []})


class _Strict(BaseModel):
    # No coercion: "3" is not 3, and unknown keys are errors rather than ignored. Validators
    # are built on first use: a ledger loaded from the cache is never validated again.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Detail(_Strict):
    """A detail of an item: the document's ア, イ, ウ …"""

    label: DetailLabel
    name: Text | None = None
    text: Text
    amount: Amount | None = None


class Item(_Strict):
    """An item of a program: the document's (1), (2) …"""

    number: Number
    name: Text
    amount: Amount
    tags: list[Tag] = _empty()
    summary: Text | None = None
    details: list[Detail] = _empty()


class Related(_Strict):
    """A ○ line: a city-bureau budget shown beside a program, never part of any total."""

    name: Text
    funding: Text
    amount: Amount | None = None
    summary: Text | None = None
    notes: list[Text] = _empty()


class Program(_Strict):
    """A program (事業) of a policy, run by one or more sections."""

    number: Number
    name: Text
    amount: Amount
    sections: list[Text]
    tags: list[Tag] = _empty()
    prior_amount: Amount | None = None
    change: Change | None = None
    summary: Text | None = None
    items: list[Item] = _empty()
    related: list[Related] = _empty()
    notes: list[Text] = _empty()


class Policy(_Strict):
    """A policy (施策) of the ward, made of programs."""

    number: Number
    title: Text
    amount: Amount
    prior_amount: Amount | None = None
    change: Change | None = None
    program_count: Annotated[int, Field(ge=0, le=MAX_NUMBER)] | None = None
    notes: list[Text] = _empty()
    programs: list[Program]


# A day as ISO 8601 writes it (2021-01-01): a YAML date, or the same as text.
Day = Annotated[
    str,
    BeforeValidator(date_value),
    WithJsonSchema({"type": "string", "format": "date"}),
]
# More residents than any city has, and small enough to divide any budget exactly.
MAX_POPULATION: Final = 10**9


class Population(_Strict):
    """The residents the budget serves: for figures per resident and per day."""

    count: Annotated[int, Field(ge=1, le=MAX_POPULATION)]
    as_of: Day
    source: Text


class Ledger(_Strict):
    """A ward's budget for one fiscal year: the whole YAML file."""

    ledger: Annotated[Literal[1], BeforeValidator(version_value)]
    city: Text
    ward: Text
    fiscal_year: Annotated[int, Field(ge=1000, le=9999)]
    unit: Unit
    source: Text
    sections: list[Text]
    policies: list[Policy]
    amount: Amount | None = None
    tolerance: Amount = 0
    population: Population | None = None
    notes: list[Text] = _empty()
