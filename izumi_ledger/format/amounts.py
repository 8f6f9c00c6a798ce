"""Amounts: reading them exactly from the ledger and writing them for people."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from izumi_ledger.text.messages import current, t

Unit = Literal["円", "千円", "万円"]
UNITS: Final[tuple[Unit, ...]] = ("千円", "万円", "円")
UNIT_IN_YEN: Final[dict[str, int]] = {"円": 1, "千円": 1000, "万円": 10000}

# Digits with optional thousands commas, after full-width forms are folded to ASCII.
_PLAIN_DIGITS = re.compile(r"[0-9]+")
_GROUPED_DIGITS = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９，", "0123456789,")


# Far beyond any budget (Japan's national budget has 15 digits in 円), and small enough that
# every total of a ledger can still be written out as digits.
MAX_AMOUNT_DIGITS: Final = 20


class AmountError(ValueError):
    """A value that is not an amount; the message says why in Japanese."""


def parse_amount(value: object) -> int:
    """Read an amount exactly: a non-negative int, or a string of digits with optional commas."""
    if isinstance(value, bool):
        raise AmountError(t("amount.boolean"))
    if isinstance(value, int):
        if value < 0:
            raise AmountError(t("amount.negative", value=value))
        if value >= 10**MAX_AMOUNT_DIGITS:
            raise AmountError(t("amount.too_large", limit=MAX_AMOUNT_DIGITS))
        return value
    if isinstance(value, float):
        raise AmountError(t("amount.fraction", value=value))
    if isinstance(value, str):
        return _parse_amount_text(value)
    raise AmountError(t("amount.type"))


def _parse_amount_text(text: str) -> int:
    # Only full-width digits and the full-width comma are folded; NFKC would also turn ① into 1.
    folded = text.translate(_FULL_WIDTH)
    if _PLAIN_DIGITS.fullmatch(folded) or _GROUPED_DIGITS.fullmatch(folded):
        digits = folded.replace(",", "")
        if len(digits.lstrip("0")) > MAX_AMOUNT_DIGITS:
            raise AmountError(t("amount.too_large", limit=MAX_AMOUNT_DIGITS))
        return int(digits)
    raise AmountError(t("amount.text", text=text))


def convert(amount: int, from_unit: Unit, to_unit: Unit) -> Decimal:
    """The same amount in another unit, exactly (万円 may need a decimal place)."""
    return Decimal(amount * UNIT_IN_YEN[from_unit]) / Decimal(UNIT_IN_YEN[to_unit])


def format_number(value: int | Decimal) -> str:
    """Thousands separators, and decimals only when the value has them: 6588 → 6,588; 658.8."""
    if isinstance(value, int):
        return f"{value:,}"
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return f"{int(normalized):,}"
    return f"{normalized:,f}"


def decimal_places(from_unit: Unit, to_unit: Unit) -> int:
    """Decimals an amount needs in a larger unit: 千円 → 万円 needs one, 円 → 千円 three."""
    ratio = UNIT_IN_YEN[to_unit] // UNIT_IN_YEN[from_unit]
    return len(str(ratio)) - 1 if ratio > 1 else 0


def format_amount(amount: int, ledger_unit: Unit, display_unit: Unit | None = None) -> str:
    """An amount for people, with its unit and △ for a negative figure: △2,430千円.

    In a larger unit every amount gets the same decimals (290.0万円 beside 658.8万円), so
    columns line up; the value stays exact.
    """
    unit = display_unit or ledger_unit
    if unit == ledger_unit:  # the usual case, and the only one that needs no arithmetic
        text = f"{abs(amount):,}"
    else:
        value = convert(abs(amount), ledger_unit, unit)
        places = decimal_places(ledger_unit, unit)
        text = f"{value:,.{places}f}" if places else format_number(value)
    sign = minus_sign() if amount < 0 else ""
    return f"{sign}{text}{unit}"


def minus_sign() -> str:
    """△ in Japanese, the Japanese convention for a decrease; - in English."""
    return "△" if current() == "ja" else "-"


def format_count(value: int) -> str:
    """A whole number with separators, negative as △ (Japanese) or - (English)."""
    return f"{minus_sign()}{abs(value):,}" if value < 0 else f"{value:,}"


def percent(numerator: int, denominator: int, places: int = 1) -> Decimal | None:
    """numerator / denominator as a percentage rounded half-up, or None when undefined."""
    if denominator == 0:
        return None
    quantum = Decimal(1).scaleb(-places)
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(quantum, ROUND_HALF_UP)


def format_percent(value: Decimal | None) -> str:
    """A percentage for people, △ for a decrease; — when it is undefined."""
    if value is None:
        return "—"
    sign = minus_sign() if value < 0 else ""
    return f"{sign}{abs(value)}%"
