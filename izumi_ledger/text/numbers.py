"""Numbers for people: thousands separators, △ for a decrease, units and percentages."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from izumi_ledger.format.amounts import UNIT_IN_YEN, Unit, convert
from izumi_ledger.text.messages import current


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


def format_percent(value: Decimal | None) -> str:
    """A percentage for people, △ for a decrease; — when it is undefined."""
    if value is None:
        return "—"
    sign = minus_sign() if value < 0 else ""
    return f"{sign}{abs(value)}%"


def percent_of(ratio: Decimal | None, places: int = 1, signed: bool = False) -> str:
    """A fraction as a percentage rounded half up to places decimals: 0.2496 → 25.0% (one
    place) or 24.96% (two); △ for a negative ratio, + when signed and positive."""
    if ratio is None:
        return "—"
    value = (ratio * 100).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return ("+" if signed and value > 0 else "") + format_percent(value)
