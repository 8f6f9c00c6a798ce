"""Figures per resident and per day: exact fractions, a fiscal year's own days, the ledger's
population field read exactly or refused."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import REPO, load_text

from izumi_ledger.figures.per_resident import fiscal_year_days, per_resident, rounded_yen

BUNDLED = (REPO / "data" / "programs.yaml").read_text(encoding="utf-8")


def test_a_fiscal_year_has_the_days_from_april_to_march() -> None:
    assert fiscal_year_days(2021) == 365
    assert fiscal_year_days(2023) == 366  # February 2024 has a 29th
    assert fiscal_year_days(2099) == 365 and fiscal_year_days(2103) == 366


def test_the_bundled_ledgers_figures_per_resident() -> None:
    # 26,397千円 among 150,000 residents: 175.98 yen a year, 0.48 yen a day (FY2021, 365 days)
    figures = per_resident(26397, "千円", 150_000, 2021)
    assert figures.per_year == Fraction(26_397_000, 150_000)
    assert figures.shown == (176, 0)
    assert per_resident(26397, "千円", 1000, 2021).shown == (26397, 72)


@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from(["円", "千円", "万円"]),
    st.integers(min_value=1, max_value=10**9),
    st.integers(min_value=1900, max_value=2200),
)
def test_each_figure_is_the_exact_quotient_rounded_half_up(
    amount: int, unit: str, population: int, year: int
) -> None:
    figures = per_resident(amount, unit, population, year)
    scale = {"円": 1, "千円": 1000, "万円": 10000}[unit]
    per_year, per_day = figures.shown
    # The yen shown is within half a yen of the exact share, never further.
    assert abs(Fraction(per_year) - Fraction(amount * scale, population)) <= Fraction(1, 2)
    exact_day = Fraction(amount * scale, population * fiscal_year_days(year))
    assert abs(Fraction(per_day) - exact_day) <= Fraction(1, 2)


def test_half_a_yen_is_shown_as_a_yen() -> None:
    assert rounded_yen(Fraction(1, 2)) == 1 and rounded_yen(Fraction(3, 2)) == 2
    assert rounded_yen(Fraction(149, 100)) == 1


def _with_population(block: str) -> str:
    return BUNDLED.replace("\npolicies:", f"\npopulation:\n{block}\npolicies:", 1)


@pytest.mark.parametrize("as_of", ["2021-01-01", '"2021-01-01"'])
def test_a_population_is_read_with_its_day_and_source(as_of: str) -> None:
    text = _with_population(f"  count: 154321\n  as_of: {as_of}\n  source: 横浜市統計ポータル")
    result = load_text(text, "p.yaml")
    assert result.ledger is not None, result.findings
    population = result.ledger.population
    assert population is not None
    assert (population.count, population.as_of, population.source) == (
        154321,
        "2021-01-01",
        "横浜市統計ポータル",
    )


@pytest.mark.parametrize(
    ("block", "path"),
    [
        ("  count: 0\n  as_of: 2021-01-01\n  source: s", "population.count"),
        ("  count: 1.5\n  as_of: 2021-01-01\n  source: s", "population.count"),
        ('  count: "154321"\n  as_of: 2021-01-01\n  source: s', "population.count"),
        ("  count: 10000000000\n  as_of: 2021-01-01\n  source: s", "population.count"),
        ("  count: 154321\n  as_of: 2021-02-30\n  source: s", "population.as_of"),
        ('  count: 154321\n  as_of: "令和3年1月1日"\n  source: s', "population.as_of"),
        ("  count: 154321\n  as_of: 2021-01-01", "population.source"),
    ],
)
def test_a_population_that_is_not_exact_is_refused(block: str, path: str) -> None:
    result = load_text(_with_population(block), "p.yaml")
    assert result.ledger is None
    assert any(finding.path == path for finding in result.findings), result.findings
