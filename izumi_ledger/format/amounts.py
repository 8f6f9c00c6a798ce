"""Amounts: the units, and reading an amount exactly as the ledger writes it."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final, Literal

from izumi_ledger.errors import IzumiError
from izumi_ledger.text.messages import t

Unit = Literal["千円", "万円", "円"]
UNITS: Final[tuple[Unit, ...]] = ("千円", "万円", "円")
UNIT_IN_YEN: Final[dict[str, int]] = {"円": 1, "千円": 1000, "万円": 10000}

# Digits with optional thousands commas, after full-width forms are folded to ASCII.
_PLAIN_DIGITS = re.compile(r"[0-9]+")
_GROUPED_DIGITS = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，", "0123456789,")


# Far beyond any budget (Japan's national budget has 15 digits in 円), and small enough that
# every total of a ledger can still be written out as digits.
MAX_AMOUNT_DIGITS: Final = 20
# The longest text an amount may be: its digits with commas, and a few zeros before them.
_LONGEST_TEXT: Final = 40


class AmountError(IzumiError, ValueError):
    """A value that is not an amount; the message says why in the reader's language."""


def parse_amount(value: object) -> int:
    """Read an amount exactly: a non-negative int, or a string of digits with optional commas."""
    if isinstance(value, bool):
        raise AmountError(t("amount.boolean"), t("amount.boolean.hint"))
    if isinstance(value, int):
        if value < 0:
            raise AmountError(t("amount.negative", value=value))
        if value >= 10**MAX_AMOUNT_DIGITS:
            raise AmountError(t("amount.too_large", limit=MAX_AMOUNT_DIGITS))
        return value
    if isinstance(value, float):
        raise AmountError(t("amount.fraction", value=value), t("amount.fraction.hint"))
    if isinstance(value, str):
        return _parse_amount_text(value)
    raise AmountError(t("amount.type"))


# How a document marks a decrease: 増減 △300 is −300.
NEGATIVE_MARKS: Final = ("-", "△", "▲", "−")


def parse_change(value: object) -> int:
    """Read a printed change (増減) exactly: like an amount, but it may be negative (-300, or
    the document's own △300)."""
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        return -parse_amount(-value)
    if isinstance(value, str):
        stripped = value.strip()
        for mark in NEGATIVE_MARKS:
            if stripped.startswith(mark):
                return -parse_amount(stripped[len(mark) :].lstrip())
    return parse_amount(value)


def _parse_amount_text(text: str) -> int:
    # Only full-width digits and the full-width comma are folded; NFKC would also turn ① into 1.
    folded = text.translate(_FULL_WIDTH)
    if len(folded) > _LONGEST_TEXT:  # however many zeros lead it, no amount is written so
        raise AmountError(t("amount.too_large", limit=MAX_AMOUNT_DIGITS))
    if _PLAIN_DIGITS.fullmatch(folded) or _GROUPED_DIGITS.fullmatch(folded):
        # Leading zeros are dropped first: int() of thousands of digits is refused by Python.
        digits = folded.replace(",", "").lstrip("0") or "0"
        if len(digits) > MAX_AMOUNT_DIGITS:
            raise AmountError(t("amount.too_large", limit=MAX_AMOUNT_DIGITS))
        return int(digits)
    if re.fullmatch(r"[0-9][0-9,]*[0-9]", folded):  # 6,5,88 or 10,00: digits, commas astray
        grouped = f"{int(folded.replace(',', '')):,}" if len(folded) < _LONGEST_TEXT else ""
        raise AmountError(t("amount.commas", text=text), t("amount.commas.hint", grouped=grouped))
    unit = next((name for name in UNITS if folded.endswith(name)), None)
    if unit is not None and (
        _PLAIN_DIGITS.fullmatch(folded[: -len(unit)])
        or _GROUPED_DIGITS.fullmatch(folded[: -len(unit)])
    ):
        raise AmountError(
            t("amount.unit_written", text=text),
            t("amount.unit_written.hint", digits=folded[: -len(unit)]),
        )
    raise AmountError(t("amount.text", text=text), t("amount.text.hint"))


def convert(amount: int, from_unit: Unit, to_unit: Unit) -> Decimal:
    """The same amount in another unit, exactly (万円 may need a decimal place)."""
    return Decimal(amount * UNIT_IN_YEN[from_unit]) / Decimal(UNIT_IN_YEN[to_unit])
