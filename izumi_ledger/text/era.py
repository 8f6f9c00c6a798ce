"""Japanese fiscal-year names: 2021 ↔ 令和3年度."""

from __future__ import annotations

import re
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


# The last year of each era that has ended: 昭和64年 and 平成31年 were the last.
_LAST_NUMBER: Final = {"昭和": 64, "平成": 31}


def gregorian_year(era: str, number: int) -> int | None:
    """The Gregorian year of an era's year (令和, 3 → 2021); None for an era not known here,
    or a year the era never had (令和0, 平成45)."""
    first = _FIRST_YEAR.get(era)
    if first is None or number < 1 or number > _LAST_NUMBER.get(era, 99):
        return None
    return first + number - 1


# Full-width digits, as Japanese text writes them, folded to ASCII (nothing else: NFKC would
# read ③ or ㉑ as a number too).
FULL_WIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９", "0123456789")
_ERA_YEAR: Final = re.compile(r"\s*(令和|平成|昭和)\s*(元|[0-9０-９]{1,2})\s*(?:年度?)?\s*")


def era_year(text: str) -> tuple[str, int] | None:
    """An era year written as text (令和3, 令和３年度, 平成元年) as its name and the Gregorian
    year; None when text is not one."""
    found = _ERA_YEAR.fullmatch(text)
    if found is None:
        return None
    number = found.group(2).translate(FULL_WIDTH_DIGITS)
    year = gregorian_year(found.group(1), 1 if number == "元" else int(number))
    return None if year is None else (found.group(1) + found.group(2), year)


# A fiscal year as a text names it: 令和3年度, 平成元年度, 2021年度.
_FISCAL_YEAR_IN_TEXT: Final = re.compile(
    r"(?:令和|平成|昭和)\s*(?:元|[0-9０-９]{1,2})\s*年度|(?<![0-9])[0-9]{4}\s*年度"
)


def fiscal_years_named(text: str) -> list[tuple[str, int]]:
    """Each fiscal year text names, as written and as a Gregorian year."""
    named = []
    for found in _FISCAL_YEAR_IN_TEXT.finditer(text):
        written = found.group()
        era = era_year(written)
        if era is not None:
            named.append((written, era[1]))
        elif written[:4].isdigit():
            named.append((written, int(written[:4])))
    return named
