"""Japanese fiscal-year names: 2021 ↔ 令和3年度."""

from __future__ import annotations

import re
from typing import Final

# (first fiscal year, era name, the era's first calendar year), newest first. A fiscal year
# (April to March) takes the era in force for most of it: 昭和 began on 25 December 1926, so
# the year from April 1926 is 大正15年度 and 昭和2年度 is the first of 昭和's.
ERAS: Final = (
    (2019, "令和", 2019),
    (1989, "平成", 1989),
    (1927, "昭和", 1926),
    (1912, "大正", 1912),
    (1868, "明治", 1868),
)
_FIRST_YEAR: Final = {era: first for _, era, first in ERAS}


def has_era(year: int) -> bool:
    """Whether the fiscal year falls in an era izumi names (明治 onwards)."""
    return year >= ERAS[-1][0]


def fiscal_year_name(year: int) -> str:
    """The Japanese name of the fiscal year that starts in April of year, e.g. 令和3年度."""
    for first_fiscal, era, first_year in ERAS:
        if year >= first_fiscal:
            number = year - first_year + 1
            return f"{era}{'元' if number == 1 else number}年度"
    return f"{year}年度"


def fiscal_year_title(year: int) -> str:
    """The fiscal year as a heading names it: 令和3年度（2021年度）, or 1850年度 alone before
    the eras izumi knows."""
    from izumi_ledger.text.messages import t

    if not has_era(year):
        return t("era.year_only", year=year)
    return t("era.year_with_era", era=fiscal_year_name(year), year=year)


# The last year of each era that has ended: 昭和64年 and 平成31年 were the last.
_LAST_NUMBER: Final = {"昭和": 64, "平成": 31, "大正": 15, "明治": 45}


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
