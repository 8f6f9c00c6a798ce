"""What a budget comes to for each resident, a year and a day: exact fractions, shown in yen.

区民1人あたり 年〇円・1日〇円 divides an amount by the ledger's population and by the days of its
fiscal year (1 April to 31 March, 366 days when the February in it has a 29th). The quotients
are kept as exact fractions; a figure is shown rounded to the yen, half up, and only there.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from fractions import Fraction

from izumi_ledger.format.amounts import UNIT_IN_YEN


def fiscal_year_days(fiscal_year: int) -> int:
    """The days of a Japanese fiscal year: 1 April of the year to 31 March of the next."""
    return (datetime.date(fiscal_year + 1, 4, 1) - datetime.date(fiscal_year, 4, 1)).days


def rounded_yen(value: Fraction) -> int:
    """A fraction of yen as the whole yen shown: rounded half up (0.5 yen is 1 yen)."""
    return (2 * value.numerator + value.denominator) // (2 * value.denominator)


@dataclass(frozen=True)
class PerResident:
    """An amount for each resident: a year's and a day's, in exact yen."""

    per_year: Fraction
    per_day: Fraction

    @property
    def shown(self) -> tuple[int, int]:
        """The two figures as a page shows them, in whole yen."""
        return rounded_yen(self.per_year), rounded_yen(self.per_day)


def per_resident(amount: int, unit: str, population: int, fiscal_year: int) -> PerResident:
    """amount (in unit) for each of population residents, over the fiscal year's days."""
    if population < 1:
        raise ValueError("a population counts at least one resident")
    per_year = Fraction(amount * UNIT_IN_YEN[unit], population)
    return PerResident(per_year, per_year / fiscal_year_days(fiscal_year))
