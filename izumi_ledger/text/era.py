"""Japanese fiscal-year names: 2021 ↔ 令和3年度."""

from __future__ import annotations

from typing import Final

# (first fiscal year, era name), newest first; a fiscal year takes the era in force for most of it.
ERAS: Final = ((2019, "令和"), (1989, "平成"), (1926, "昭和"))
_FIRST_YEAR: Final = {era: first for first, era in ERAS}


def fiscal_year_name(year: int) -> str:
    """The Japanese name of the fiscal year that starts in April of year, e.g. 令和3年度."""
    for first, era in ERAS:
        if year >= first:
            number = year - first + 1
            return f"{era}{'元' if number == 1 else number}年度"
    return f"{year}年度"


def gregorian_year(era: str, number: int) -> int | None:
    """The Gregorian year of an era's year (令和, 3 → 2021); None for an era not known here."""
    first = _FIRST_YEAR.get(era)
    return None if first is None else first + number - 1
