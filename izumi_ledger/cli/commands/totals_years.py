"""`izumi totals` of several years of one ward: a column per year, and each year's change."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from izumi_ledger.cli.messages import t
from izumi_ledger.cli.render.figures import Figures, percent_text, ratio_number
from izumi_ledger.cli.render.tables import Column, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import UsageError

if TYPE_CHECKING:
    from izumi_ledger.figures.timeline import GroupLine, Line, Series, Timeline
    from izumi_ledger.figures.totals import GroupBy
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.models import Ledger


def years_totals(
    sources: list[str],
    unit: Unit | None,
    output: str,
    no_cache: bool,
    by: GroupBy | Literal["ward"] | None = None,
) -> None:
    """The ledgers the sources name side by side: one ward's years by program, or by
    section, tag or policy; or every ward's totals over the years (by ward)."""
    from izumi_ledger.cli.collection import open_collection
    from izumi_ledger.figures.timeline import group_timeline, timeline

    collection = open_collection(sources, no_cache)  # an unreadable one: its findings, exit 2
    ledgers = [(ledger, checked.name) for ledger, checked in collection.ledgers()]
    several_wards = len({(ledger.city, ledger.ward) for ledger, _ in ledgers}) > 1
    if by == "ward" or (by is None and several_wards):
        _wards_totals(ledgers, unit, output)
        return
    one_ward(ledgers)
    ledgers.sort(key=lambda entry: entry[0].fiscal_year)
    line = timeline([ledger for ledger, _ in ledgers])
    figures = Figures(line.unit, unit)
    first = ledgers[0][0]

    grouped = None
    if by is not None and by != "program":
        group_unit, groups = group_timeline([ledger for ledger, _ in ledgers], by)
        grouped = (by, groups)
        figures = Figures(group_unit, unit)

    def rows(output: str) -> Table:
        table = _table(line, figures) if grouped is None else _group_table(line, figures, *grouped)
        table.unit = figures.unit
        if output != "csv":
            table.heading = [
                t("years.title", city=first.city, ward=first.ward, first=line.years[0],
                  last=line.years[-1], count=len(line.years)),
                t("years.totals", totals=" · ".join(
                    f"{year}: {figures.text(total)}"
                    for year, total in zip(line.years, line.totals, strict=True)
                )),
                "",
            ]  # fmt: skip
        return table

    def document() -> dict[str, Any]:
        return {
            "ledgers": [name for _, name in ledgers],
            "city": first.city,
            "ward": first.ward,
            "years": line.years,
            "unit": figures.unit,
            "totals": [figures.number(total) for total in line.totals],
            "rows": [_row_data(entry, figures) for entry in line.lines],
            **({} if grouped is None else {"by": grouped[0], "groups": [
                _group_data(group, figures) for group in grouped[1]
            ]}),
        }  # fmt: skip

    render(View(document=document, rows=rows), output, terminal())


def _wards_totals(ledgers: list[tuple[Ledger, str]], unit: Unit | None, output: str) -> None:
    """Every ward's whole, a row per ward and a column per year."""
    from izumi_ledger.figures.timeline import ward_timeline

    ward_unit, years, wards = ward_timeline([ledger for ledger, _ in ledgers])
    figures = Figures(ward_unit, unit)
    totals = [sum(ward.amounts[index] or 0 for ward in wards) for index in range(len(years))]

    # Ward names repeat between cities (中区, 緑区): the city is shown when there are several.
    cities = len({ward.city for ward in wards}) > 1

    def rows(output: str) -> Table:
        table = Table(
            columns=[
                Column("city", t("col.city"), in_table=cities),
                Column("ward", t("wards.col.ward")),
                *_year_columns(years, figures),
            ],
            rows=[{"city": w.city, "ward": w.ward} | _year_cells(years, w) for w in wards],
            total={"ward": t("col.total")}
            | {f"amount_{year}": total for year, total in zip(years, totals, strict=True)},
            notes=[t("wards.note")],
            unit=figures.unit,
        )
        if output != "csv":
            table.heading = [
                t("wards.title", years=year_span(years), count=len(ledgers), wards=len(wards)),
                "",
            ]  # fmt: skip
        return table

    def document() -> dict[str, Any]:
        return {
            "ledgers": [name for _, name in ledgers],
            "by": "ward",
            "years": years,
            "unit": figures.unit,
            "totals": [figures.number(total) for total in totals],
            "groups": [
                {"key": ward.key, "city": ward.city, "ward": ward.ward}
                | _series_data(ward, figures)
                for ward in wards
            ],
        }

    render(View(document=document, rows=rows), output, terminal())


def one_ward(ledgers: list[tuple[Ledger, str]], hint: str = "years.several_wards.hint") -> None:
    """UsageError unless the ledgers are one ward's, each year once; hint says what to do
    instead of giving several wards."""
    wards = {(ledger.city, ledger.ward) for ledger, _ in ledgers}
    if len(wards) > 1:
        raise UsageError(
            t("years.several_wards", wards="、".join(f"{c}{w}" for c, w in sorted(wards))),
            t(hint),
        )
    seen: dict[int, str] = {}
    for ledger, name in ledgers:
        if ledger.fiscal_year in seen:
            raise UsageError(
                t("years.same_year", year=ledger.fiscal_year, first=seen[ledger.fiscal_year],
                  second=name),
                t("years.same_year.hint"),
            )  # fmt: skip
        seen[ledger.fiscal_year] = name


def _table(line: Timeline, figures: Figures) -> Table:
    columns = [
        Column("policy", t("col.policy"), "right", no_wrap=True),
        Column("number", t("col.number"), "right", no_wrap=True),
        Column("name", t("col.program")),
        *_year_columns(line.years, figures),
    ]
    table = Table(columns=columns)
    for entry in line.lines:
        if entry.level != "program":
            continue
        name = entry.name
        if entry.former_names:
            name += t("years.formerly", names="、".join(entry.former_names))
        row: dict[str, Any] = {"policy": entry.policy, "number": entry.number, "name": name}
        table.rows.append(row | _year_cells(line.years, entry))
    total: dict[str, Any] = {"name": t("col.total")}
    for index, year in enumerate(line.years):
        total[f"amount_{year}"] = line.totals[index]
        if index:
            total[f"change_{year}"] = line.totals[index] - line.totals[index - 1]
    table.total = total
    table.notes = [t("years.note")]
    return table


def _year_cells(years: list[int], series: Series) -> dict[str, Any]:
    """A row's cells of the year columns: each year's amount, change and %."""
    cells: dict[str, Any] = {}
    for index, year in enumerate(years):
        cells[f"amount_{year}"] = series.amounts[index]
        if index:
            cells[f"change_{year}"] = series.change(index)
            cells[f"ratio_{year}"] = series.change_ratio(index)
    return cells


def _series_data(series: Series, figures: Figures) -> dict[str, Any]:
    """A row's figures over the years as JSON gives them."""
    years = range(len(series.amounts))
    return {
        "amounts": [figures.number(amount) for amount in series.amounts],
        "changes": [figures.number(series.change(year)) for year in years],
        "change_ratios": [ratio_number(series.change_ratio(year)) for year in years],
    }


def _row_data(entry: Line, figures: Figures) -> dict[str, Any]:
    return {
        "level": entry.level,
        "policy": entry.policy,
        "numbers": entry.numbers,
        "names": entry.names,
        **_series_data(entry, figures),
    }


def _year_columns(years: list[int], figures: Figures) -> list[Column]:
    """Each year's amount, and from the second on its change and % from the year before."""
    columns = []
    for index, year in enumerate(years):
        columns.append(
            Column(f"amount_{year}", t("years.col.year", year=year), "right", figures.text,
                   figures.number, no_wrap=True)
        )  # fmt: skip
        if index:
            columns.append(
                Column(f"change_{year}", t("years.col.change", year=year), "right",
                       figures.change_text, figures.number, no_wrap=True)
            )  # fmt: skip
            columns.append(
                Column(f"ratio_{year}", t("years.col.ratio", year=year), "right",
                       lambda ratio: percent_text(ratio, signed=True), ratio_number, no_wrap=True)
            )  # fmt: skip
    return columns


def _group_table(line: Timeline, figures: Figures, by: GroupBy, groups: list[GroupLine]) -> Table:
    label = {"section": "col.section", "tag": "col.tag", "policy": "years.col.key_policy"}[by]
    table = Table(columns=[Column("key", t(label)), *_year_columns(line.years, figures)])
    for group in groups:
        table.rows.append({"key": group.key} | _year_cells(line.years, group))
    if by in ("section", "tag"):
        what = t("word.section") if by == "section" else t("word.tag")
        table.notes = [t("years.not_additive", what=what)]
    return table


def _group_data(group: GroupLine, figures: Figures) -> dict[str, Any]:
    return {"key": group.key, **_series_data(group, figures)}


def year_span(years: list[int]) -> str:
    """2020〜2022, or 2021 alone."""
    first, last = min(years), max(years)
    return str(first) if first == last else t("years.span", first=first, last=last)
