"""`izumi list` of several ledgers: every ledger's programs in one list, with the ward and
the year of each where the ledgers have several."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from izumi_ledger.cli.collection import open_collection
from izumi_ledger.cli.commands.list import (
    Places,
    Where,
    describe,
    json_row,
    minimum_of,
    table_of,
)
from izumi_ledger.cli.commands.totals_years import year_span
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.render.figures import Figures
from izumi_ledger.cli.render.tables import Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import IzumiError, UsageError
from izumi_ledger.export.tables import smallest_unit
from izumi_ledger.figures.query import (
    ProgramFilter,
    SortKey,
    UnknownName,
    known_sections,
    resolve_section,
    resolve_tag,
    select_programs,
)
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.text.names import closest, fold

if TYPE_CHECKING:
    from izumi_ledger.figures.query import Place
    from izumi_ledger.figures.totals import ProgramRef
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.models import Ledger


@dataclass(frozen=True)
class Wanted:
    """What list was asked for, as its options say it."""

    sections: list[str] | None
    tags: list[str] | None
    policies: list[int] | None
    min_amount: str | None
    grep: str | None
    sort: SortKey
    items: bool


def list_collection(
    sources: list[str], no_cache: bool, wanted: Wanted, unit: Unit | None, output: str
) -> None:
    """The programs of every ledger the sources name that the filters keep."""
    collection = open_collection(sources, no_cache)
    books = [(ledger, checked.name) for ledger, checked in collection.ledgers()]
    finest = cast("Unit", smallest_unit(ledger.unit for ledger, _ in books))
    figures = Figures(finest, unit)
    program_filter = _filter([ledger for ledger, _ in books], figures, wanted)
    refs: list[ProgramRef] = []
    places: dict[int, Where] = {}
    found: dict[int, list[Place]] | None = {} if program_filter.grep is not None else None
    for ledger, name in books:
        scale = UNIT_IN_YEN[ledger.unit] // UNIT_IN_YEN[finest]
        own = program_filter
        if own.min_amount is not None and scale != 1:
            own = replace(own, min_amount=Decimal(own.min_amount) / scale)
        for ref in select_programs(ledger, own, wanted.sort):
            refs.append(ref)
            places[id(ref)] = Where(ledger.city, ledger.ward, ledger.fiscal_year, name, scale)
            if found is not None:
                found[id(ref)] = program_filter.matches(ref.program)
    refs.sort(key=_sort_key(wanted.sort, places))
    wards = len({(ledger.city, ledger.ward) for ledger, _ in books})
    # Ward names repeat between cities (中区, 緑区): the city is shown when there are several.
    cities = len({ledger.city for ledger, _ in books})
    years = sorted({ledger.fiscal_year for ledger, _ in books})
    screen = terminal()
    if not refs and output in ("table", "markdown"):
        screen.message(t("list.none", conditions=describe(program_filter, figures).lstrip(" ·")))

    def rows(output: str) -> Table:
        table = table_of(
            refs, figures, wanted.items, found, places, wards > 1, len(years) > 1, cities > 1
        )
        table.unit = figures.unit
        if output != "csv":
            heading = t("list.collection", ledgers=len(books), wards=wards, years=year_span(years))
            table.heading = [heading + describe(program_filter, figures)]
        return table

    def document() -> list[dict[str, Any]]:
        return [json_row(ref, figures, wanted.items, found, places[id(ref)]) for ref in refs]

    render(View(document=document, rows=rows), output, screen)


def _filter(ledgers: list[Ledger], figures: Figures, wanted: Wanted) -> ProgramFilter:
    """The filters, each name resolved in the ledgers that know it: a section of one ward
    is no error for the others."""
    sections: list[str] = []
    for name in wanted.sections or ():
        resolved, first_error = [], None
        for ledger in ledgers:
            try:
                resolved.append(resolve_section(ledger, name))
            except IzumiError as error:
                first_error = first_error or error
        if not resolved and isinstance(first_error, UnknownName):
            every = list(dict.fromkeys(s for ledger in ledgers for s in known_sections(ledger)))
            raise UsageError(
                t("list.unknown_in_any", kind=t("word.section"), name=name),
                t("list.close", names="、".join(closest(name, every, count=3) or every)),
            )
        if not resolved and first_error is not None:
            raise first_error
        sections.extend(resolved)
    known = sorted({policy.number for ledger in ledgers for policy in ledger.policies})
    for number in wanted.policies or ():
        if number not in known:
            raise UsageError(
                t("list.no_policy", policy=number),
                t("list.policies", numbers="、".join(str(known_number) for known_number in known)),
            )
    grep = wanted.grep
    if grep is not None:
        grep = grep.strip()
        if not grep:
            raise UsageError(t("list.empty_grep"))
    return ProgramFilter(
        tuple(dict.fromkeys(sections)),
        tuple(dict.fromkeys(resolve_tag(name) for name in wanted.tags or ())),
        tuple(dict.fromkeys(wanted.policies or ())),
        None if wanted.min_amount is None else minimum_of(wanted.min_amount, figures),
        grep,
    )


def _sort_key(sort: SortKey, places: Places) -> Any:
    assert places is not None

    def place(ref: ProgramRef) -> tuple[Any, ...]:
        where = places[id(ref)]
        return (where.city, where.ward, where.fiscal_year, ref.policy.number, ref.program.number)

    if sort == "amount":
        return lambda ref: (-ref.program.amount * places[id(ref)].scale, *place(ref))
    if sort == "name":
        return lambda ref: (fold(ref.program.name), *place(ref))
    return place
