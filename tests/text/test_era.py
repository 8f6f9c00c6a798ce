"""Fiscal years by their Japanese names: the era in force for most of the year."""

from __future__ import annotations

import pytest

from izumi_ledger.text.era import fiscal_year_name, fiscal_year_title, gregorian_year
from izumi_ledger.text.messages import use


@pytest.mark.parametrize(
    ("year", "name"),
    [
        (2021, "令和3年度"),
        (2019, "令和元年度"),  # 令和 from 1 May 2019: eleven months of the year
        (2018, "平成30年度"),
        (1989, "平成元年度"),  # 平成 from 8 January 1989, before the year began in April
        (1988, "昭和63年度"),
        (1927, "昭和2年度"),
        (1926, "大正15年度"),  # 昭和 began on 25 December 1926: most of the year was 大正's
        (1912, "大正元年度"),  # 大正 from 30 July 1912
        (1911, "明治44年度"),
        (1868, "明治元年度"),
        (9999, "令和7981年度"),
    ],
)
def test_a_fiscal_year_takes_the_era_of_most_of_it(year: int, name: str) -> None:
    assert fiscal_year_name(year) == name


def test_a_title_gives_both_names_once_an_era_is_known() -> None:
    assert fiscal_year_title(2021) == "令和3年度（2021年度）"
    assert fiscal_year_title(1850) == "1850年度"  # no era izumi names: the year said once
    use("en")
    assert fiscal_year_title(2021) == "fiscal 2021 (令和3年度)"
    assert fiscal_year_title(1000) == "fiscal 1000"


def test_an_era_year_as_a_calendar_year() -> None:
    assert gregorian_year("昭和", 1) == 1926
    assert gregorian_year("大正", 15) == 1926
    assert gregorian_year("大正", 16) is None
    assert gregorian_year("明治", 45) == 1912
