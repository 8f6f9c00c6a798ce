"""`izumi list`: the programs, filtered by section, tag, policy, amount or text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any

import typer

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.completion import complete_section, complete_tag
from izumi_ledger.cli.ledger import open_readable, shown_name
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    LanguageOption,
    LedgerArguments,
    LedgerOption,
    NoCacheOption,
    RowFormatOption,
    UnitOption,
    named_ledgers,
)
from izumi_ledger.cli.render.figures import Figures
from izumi_ledger.cli.render.status import failing_lines
from izumi_ledger.cli.render.tables import Cell, Column, Decorated, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.collection import is_collection
from izumi_ledger.errors import UsageError
from izumi_ledger.figures.query import (
    Place,
    ProgramFilter,
    SortKey,
    resolve_section,
    resolve_tag,
    select_programs,
)
from izumi_ledger.figures.totals import ProgramRef
from izumi_ledger.format.amounts import AmountError, parse_amount
from izumi_ledger.format.models import Ledger, Program
from izumi_ledger.text.era import FULL_WIDTH_DIGITS
from izumi_ledger.text.width import cell_width


def list_command(
    ledgers: LedgerArguments = None,
    ledger: LedgerOption = None,
    section: Annotated[
        list[str] | None,
        typer.Option(
            "--section",
            "-s",
            autocompletion=complete_section,
            show_default=False,
            help="この担当課が担う事業だけ（全角・半角の違いは無視）。"
            "繰り返すと、どれかを担う事業。",
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag",
            "-t",
            show_default=False,
            autocompletion=complete_tag,
            help="このタグ（重点・新規・拡充）が事業か細事業にある事業だけ。"
            "繰り返すと、どれかがある事業。",
        ),
    ] = None,
    policy: Annotated[
        list[int] | None,
        typer.Option(
            "--policy",
            "-p",
            show_default=False,
            help="この番号の施策の事業だけ。繰り返すと、どれかの施策の事業。",
        ),
    ] = None,
    min_amount: Annotated[
        str | None,
        typer.Option(
            "--min-amount",
            show_default=False,
            metavar="AMOUNT",
            help="予算額がこれ以上の事業だけ（表示の単位、例: 1,000）。",
        ),
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option(
            "--grep",
            "-g",
            show_default=False,
            metavar="TEXT",
            help="事業の文（事業名・概要・細事業・内訳・関連・注記）のどこかに"
            "この文字列を含む事業だけ。見つかった場所を示す。",
        ),
    ] = None,
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort", help="並べ方: number（番号順）, amount（金額の大きい順）, name（名前順）。"
        ),
    ] = "number",
    items: Annotated[bool, typer.Option("--items", "-i", help="細事業も並べる。")] = False,
    unit: UnitOption = None,
    output: RowFormatOption = "table",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """事業を一覧する（担当課・タグ・金額・文字列で絞り込み）。

    施策、番号、事業名、予算額、担当課、タグの表と、その合計・事業数を示す。
    細事業にあるタグは (3)新規 のように細事業の番号をつけて示す。

    例: izumi list --section 地域振興課 --sort amount
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    if ledger and is_collection(ledger):
        from izumi_ledger.cli.commands.list_many import Wanted, list_collection

        wanted = Wanted(section, tag, policy, min_amount, grep, sort, items)
        list_collection(ledger, no_cache, wanted, unit, output)
        return
    checked = open_readable(ledger, no_cache)
    book, name = checked.ledger, checked.name
    assert book is not None
    figures = Figures(book.unit, unit)
    program_filter = program_filter_of(book, figures, section, tag, policy, min_amount, grep)
    refs = select_programs(book, program_filter, sort)
    # Where --grep found its text in each program kept, looked up once for every format.
    found = (
        {id(ref): program_filter.matches(ref.program) for ref in refs}
        if program_filter.grep is not None
        else None
    )
    screen = terminal()
    if not refs and output in ("table", "markdown"):
        screen.message(t("list.none", conditions=describe(program_filter, figures).lstrip(" ·")))

    def rows(output: str) -> Table:
        table = table_of(refs, figures, items, found)
        table.unit = figures.unit
        if output != "csv":
            table.heading = [
                t("cli.ledger", ledger=shown_name(name)) + describe(program_filter, figures),
                *failing_lines(checked),
            ]
        return table

    view = View(
        document=lambda: [json_row(ref, figures, items, found) for ref in refs],
        rows=rows,
    )
    render(view, output, screen)


def program_filter_of(
    book: Ledger,
    figures: Figures,
    sections: list[str] | None,
    tags: list[str] | None,
    policies: list[int] | None,
    min_amount: str | None,
    grep: str | None,
) -> ProgramFilter:
    section_names = tuple(dict.fromkeys(resolve_section(book, name) for name in sections or ()))
    tag_names = tuple(dict.fromkeys(resolve_tag(name) for name in tags or ()))
    known = {entry.number for entry in book.policies}
    for number in policies or ():
        if number not in known:
            numbers = "、".join(str(entry.number) for entry in book.policies)
            raise UsageError(
                t("list.no_policy", policy=number), t("list.policies", numbers=numbers)
            )
    minimum = None if min_amount is None else minimum_of(min_amount, figures)
    if grep is not None:
        grep = grep.strip()  # a space typed after the words is not part of what is sought
        if not grep:
            raise UsageError(t("list.empty_grep"))
    return ProgramFilter(
        section_names, tag_names, tuple(dict.fromkeys(policies or ())), minimum, grep
    )


_DECIMAL = re.compile(r"([0-9０-９,，]+)[.．]([0-9０-９]+)")


def minimum_of(text: str, figures: Figures) -> int | Decimal:
    """--min-amount in the display unit, as the table shows amounts (658.8 with --unit 万円),
    exactly in the ledger's unit; UsageError for anything else."""
    decimal = _DECIMAL.fullmatch(text.strip())
    try:
        whole = parse_amount(decimal[1] if decimal else text)
    except AmountError as error:
        raise UsageError(f"--min-amount: {error.message}", error.hint) from None
    if decimal is None:
        return figures.ledger_amount(whole)
    fraction = decimal[2].translate(FULL_WIDTH_DIGITS)
    if len(fraction) > 9:
        message = t("list.too_many_decimals", text=text)
        raise UsageError(f"--min-amount: {message}")
    shown = Decimal(whole) + Decimal(f"0.{fraction}")
    return figures.ledger_amount(shown)


def describe(program_filter: ProgramFilter, figures: Figures) -> str:
    parts = []
    if program_filter.sections:
        parts.append(t("list.by_section", section="、".join(program_filter.sections)))
    if program_filter.tags:
        parts.append(t("list.by_tag", tag="、".join(program_filter.tags)))
    if program_filter.policies:
        parts.append(t("list.by_policy", policy="、".join(str(n) for n in program_filter.policies)))
    if program_filter.min_amount is not None:
        parts.append(t("list.at_least", amount=figures.exact_text(program_filter.min_amount)))
    if program_filter.grep:
        parts.append(t("list.grep", text=program_filter.grep))
    return "".join(parts)


def tag_text(program: Program) -> str:
    """The program's tags, then its items' own tags marked with the item: 重点 (3)新規."""
    return " ".join(program.tags) + _item_tags(program, spaced=True)


def _item_tags(program: Program, spaced: bool = False) -> str:
    """The items' own tags, each marked with its item: (3)新規."""
    parts = [
        f"({item.number}){tag}"
        for item in program.items
        for tag in item.tags
        if tag not in program.tags
    ]
    text = " ".join(parts)
    return (" " + text if program.tags else text) if spaced and text else text


def place_text(place: Place) -> str:
    """Where a text was found, as people read it: 事業名, 概要, (1), (1)ア, 関連 名前, 注記."""
    kind, *rest = place
    if kind in ("item", "detail"):
        return rest[0]
    if kind == "related":
        return t("list.place.related", name=rest[0])
    return {"name": t("list.place.name"), "summary": t("list.place.summary")}.get(
        kind, t("list.place.note")
    )


# Where --grep found its text, by the id of the program's ProgramRef; None without --grep.
Found = dict[int, list[Place]] | None


@dataclass(frozen=True)
class Where:
    """The ledger a listed program is of, among several; scale takes its amounts into the
    unit of the list."""

    city: str
    ward: str
    fiscal_year: int
    ledger: str
    scale: int = 1


# Where each listed program is from, by the id of its ProgramRef; None for one ledger.
Places = dict[int, Where] | None


def _place_columns(places: Places, wards: bool, years: bool, cities: bool) -> list[Column]:
    """A list of several ledgers: the city, the ward and the year (on screen when there are
    several)."""
    if places is None:
        return []
    return [
        Column("city", t("col.city"), in_table=cities),
        Column("ward", t("col.ward"), in_table=wards),
        Column("fiscal_year", t("col.year"), "right", in_table=years, no_wrap=True),
    ]


def _place_cells(where: Where | None) -> dict[str, Cell]:
    if where is None:
        return {}
    return {"city": where.city, "ward": where.ward, "fiscal_year": where.fiscal_year}


def table_of(
    refs: list[ProgramRef],
    figures: Figures,
    with_items: bool,
    found: Found,
    places: Places = None,
    wards: bool = False,
    years: bool = False,
    cities: bool = False,
) -> Table:
    """The programs listed, as rows (and their items with --items)."""
    # A tag is never folded: the column is at least as wide as its widest tag, (3)新規.
    widest_tag = max(
        (cell_width(tag) for ref in refs for tag in tag_text(ref.program).split()), default=4
    )
    # A place --grep found is never folded: the column is as wide as the widest, with its 、.
    widest_place = min(
        max(
            (
                cell_width(place_text(place)) + 2
                for places in (found or {}).values()
                for place in places
            ),
            default=6,
        ),
        16,  # a related line's long name may fold, rather than the table become records
    )
    # A section's name folds only when it alone is wider than this.
    widest_section = min(
        max((cell_width(name) + 2 for ref in refs for name in ref.program.sections), default=10),
        12,
    )
    columns = [
        *_place_columns(places, wards, years, cities),
        Column("policy", t("col.policy"), "right", no_wrap=True),
        Column("number", t("col.number"), "right", no_wrap=True),
        *([Column("item", t("col.item"), "right", in_table=False)] if with_items else []),
        Column("name", t("col.program"), min_width=12),
        Column("amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True),
        Column("sections", t("col.section"), min_width=widest_section, separator="、"),
        Column("tags", t("col.tag"), min_width=widest_tag, separator=" "),
        Column("item_tags", t("col.tag"), in_table=False),
        *(
            [Column("found", t("col.found"), min_width=widest_place, separator="、")]
            if found is not None
            else []
        ),
    ]
    table = Table(columns=columns)
    total = 0
    for ref in refs:
        program = ref.program
        where = places[id(ref)] if places is not None else None
        scale = where.scale if where is not None else 1
        total += program.amount * scale
        row: dict[str, Cell] = {
            **_place_cells(where),
            "policy": ref.policy.number,
            "number": program.number,
            "name": program.name,
            "amount": program.amount * scale,
            "sections": "、".join(program.sections),
            # On screen the items' own tags follow the program's (重点 (3)新規); in CSV the
            # tags column is the program's, and item_tags the items'.
            "tags": Decorated(" ".join(program.tags), suffix=_item_tags(program, spaced=True)),
            "item_tags": _item_tags(program),
        }
        if found is not None:
            row["found"] = t("list.place.separator").join(place_text(p) for p in found[id(ref)])
        table.rows.append(row)
        if with_items:
            for item in program.items:
                table.rows.append(
                    {
                        **_place_cells(where),
                        "policy": ref.policy.number,
                        "number": program.number,
                        "item": item.number,
                        "name": Decorated(item.name, f"　({item.number})"),
                        "amount": item.amount * scale,
                        "tags": " ".join(item.tags),
                    }
                )
    table.total = {"name": t("list.total", count=len(refs)), "amount": total}
    return table


def json_row(
    ref: ProgramRef, figures: Figures, with_items: bool, found: Found, where: Where | None = None
) -> dict[str, Any]:
    """A listed program as JSON gives it (with its ledger, among several)."""
    program = ref.program
    scale = where.scale if where is not None else 1
    row: dict[str, Any] = {
        **(
            {}
            if where is None
            else {
                "city": where.city,
                "ward": where.ward,
                "fiscal_year": where.fiscal_year,
                "ledger": where.ledger,
            }
        ),
        "policy": ref.policy.number,
        "number": program.number,
        "name": program.name,
        "amount": figures.number(program.amount * scale),
        "sections": list(program.sections),
        "tags": list(program.tags),
        "item_tags": [
            {"item": item.number, "tags": list(item.tags)} for item in program.items if item.tags
        ],
    }
    if found is not None:
        row["found"] = [
            {"in": place[0], **({"where": place[1]} if len(place) > 1 else {})}
            for place in found[id(ref)]
        ]
    if with_items:
        row["items"] = [
            {
                "number": item.number,
                "name": item.name,
                "amount": figures.number(item.amount * scale),
                "tags": list(item.tags),
            }
            for item in program.items
        ]
    return row
