"""Japanese fiscal-year names: 2021 → 令和3年度."""

from __future__ import annotations

# (first fiscal year, era name); a fiscal year takes the era in force for most of it.
_ERAS = ((2019, "令和"), (1989, "平成"), (1926, "昭和"))


def fiscal_year_name(year: int) -> str:
    """The Japanese name of the fiscal year that starts in April of year, e.g. 令和3年度."""
    for first, era in _ERAS:
        if year >= first:
            number = year - first + 1
            return f"{era}{'元' if number == 1 else number}年度"
    return f"{year}年度"
