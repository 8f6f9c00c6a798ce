"""The format's own words and the checks of single values, without pydantic's Python layer:
the cache's compiled format validates with pydantic-core alone and uses these too."""

from __future__ import annotations

import datetime
from typing import Final

from pydantic_core import PydanticCustomError

from izumi_ledger.format.amounts import AmountError, parse_amount, parse_change
from izumi_ledger.text.messages import t

FORMAT_VERSION: Final = 1
TAGS: Final[tuple[str, ...]] = ("重点", "新規", "拡充")
# The order in which a budget document labels the details of an item: ア, イ, ウ …
DETAIL_LABELS: Final = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
)


def amount_value(value: object) -> int:
    """An amount read exactly, or pydantic-core's error with the reason."""
    try:
        return parse_amount(value)
    except AmountError as error:
        # The hint travels in the error's context (explain.py takes it out again).
        raise PydanticCustomError("amount", error.message, {"izumi_hint": error.hint}) from None


def change_value(value: object) -> int:
    """A printed change read exactly (negative allowed), or pydantic-core's error."""
    try:
        return parse_change(value)
    except AmountError as error:
        raise PydanticCustomError("amount", error.message, {"izumi_hint": error.hint}) from None


def date_value(value: object) -> object:
    """A day exactly as ISO 8601 writes it (YAML reads 2021-01-01 as a date), or the error."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            if len(value) == 10 and datetime.date.fromisoformat(value).isoformat() == value:
                return value
        except ValueError:
            pass
        raise PydanticCustomError("date", t("schema.date", value=value))
    return value


def version_value(value: object) -> object:
    """The format's version exactly as written: true or 1.0 are not the number 1."""
    if isinstance(value, bool | float):
        raise PydanticCustomError("ledger_version", t("schema.version", value=value))
    return value


def detail_label_value(value: object) -> object:
    """One katakana label of the sequence ア, イ, ウ …, or pydantic-core's error."""
    if isinstance(value, str) and (len(value) != 1 or value not in DETAIL_LABELS):
        raise PydanticCustomError("detail_label", t("label.not_katakana", value=value))
    return value
