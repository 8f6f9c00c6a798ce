"""Figures in the display unit: text for people, exact numbers for JSON."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from izumi_ledger.format.amounts import UNIT_IN_YEN, Unit, convert
from izumi_ledger.text.numbers import format_amount, format_number, percent_of

_EIGHTHS = " ▏▎▍▌▋▊▉"


class Figures:
    """Shows amounts of a ledger kept in ledger_unit as display_unit."""

    def __init__(self, ledger_unit: Unit, display_unit: Unit | None) -> None:
        self.ledger_unit = ledger_unit
        self.unit: Unit = display_unit or ledger_unit

    def text(self, amount: int | None) -> str:
        return "" if amount is None else format_amount(amount, self.ledger_unit, self.unit)

    def ledger_amount(self, shown: int | Decimal) -> int | Decimal:
        """An amount given in the display unit (--min-amount, 658.8 with 万円), in the
        ledger's unit: exact, a decimal where it is not whole (1,500円 is 1.5千円)."""
        value = Decimal(shown) * UNIT_IN_YEN[self.unit] / UNIT_IN_YEN[self.ledger_unit]
        return int(value) if value == value.to_integral_value() else value.normalize()

    def exact_text(self, amount: int | Decimal) -> str:
        """An amount of the ledger's unit, shown exactly in the display unit."""
        value = amount * Decimal(UNIT_IN_YEN[self.ledger_unit]) / UNIT_IN_YEN[self.unit]
        return format_number(value.normalize() if isinstance(value, Decimal) else value) + self.unit

    def change_text(self, change: int | None) -> str:
        """A change from the prior year: △ for a decrease, + for an increase."""
        if change is None:
            return "—"
        return ("+" if change > 0 else "") + self.text(change)

    def number(self, amount: int | None) -> int | Decimal | None:
        """For JSON and CSV: an int when whole, else the exact decimal (円 in 万円 needs four
        places, and a float would round a large one); JSON writes it as a number."""
        if amount is None:
            return None
        value = convert(amount, self.ledger_unit, self.unit)
        if value == value.to_integral_value():
            return int(value)
        return value.normalize()


def ratio_number(ratio: Decimal | None, places: int = 4) -> float | None:
    """A fraction for JSON, rounded half-up to places decimals."""
    if ratio is None:
        return None
    return float(ratio.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))


def percent_text(ratio: Decimal | None, signed: bool = False) -> str:
    """25.0% from 0.2496; △ for a negative ratio, + when signed and positive."""
    return percent_of(ratio, 1, signed)


def bar(ratio: Decimal | None, width: int = 16) -> str:
    """A horizontal bar of ratio × width cells, in eighths of a cell."""
    if ratio is None or ratio <= 0:
        return ""
    eighths = int((min(ratio, Decimal(1)) * width * 8).to_integral_value(ROUND_HALF_UP))
    full, rest = divmod(eighths, 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")
