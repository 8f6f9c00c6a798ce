"""`izumi list`: the programs, filtered by section, tag, policy, amount or text."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.completion import complete_section, complete_tag
from izumi_ledger.cli.ledger import open_ledger
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    LanguageOption,
    LedgerOption,
    NoCacheOption,
    RowFormatOption,
    UnitOption,
)
from izumi_ledger.cli.render.figures import Figures
from izumi_ledger.cli.render.tables import Column, Decorated, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.errors import UsageError
from izumi_ledger.figures.query import (
    ProgramFilter,
    SortKey,
    resolve_section,
    resolve_tag,
    select_programs,
)
from izumi_ledger.figures.totals import ProgramRef
from izumi_ledger.format.amounts import AmountError, parse_amount
from izumi_ledger.format.models import Ledger


def list_command(
    ledger: LedgerOption = None,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            autocompletion=complete_section,
            show_default=False,
            help="この担当課が担う事業だけ（全角・半角の違いは無視）。",
        ),
    ] = None,
    tag: Annotated[
        str | None,
        typer.Option(
            "--tag",
            "-t",
            show_default=False,
            autocompletion=complete_tag,
            help="このタグ（重点・新規・拡充）の事業だけ。",
        ),
    ] = None,
    policy: Annotated[
        int | None,
        typer.Option("--policy", "-p", show_default=False, help="この番号の施策の事業だけ。"),
    ] = None,
    min_amount: Annotated[
        str | None,
        typer.Option(
            "--min-amount",
            show_default=False,
            metavar="AMOUNT",
            help="予算額がこれ以上の事業だけ（台帳の単位、例: 1,000）。",
        ),
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option(
            "--grep",
            "-g",
            show_default=False,
            metavar="TEXT",
            help="事業名・概要・細事業にこの文字列を含む事業だけ。",
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

    例: izumi list --section 地域振興課 --sort amount
    """
    apply_language(lang)
    book, name = open_ledger(ledger, no_cache)
    program_filter = _filter(book, section, tag, policy, min_amount, grep)
    refs = select_programs(book, program_filter, sort)
    figures = Figures(book.unit, unit)

    def rows(output: str) -> Table:
        table = _table(refs, figures, items)
        if output != "csv":
            table.heading = [t("cli.ledger", ledger=name) + _describe(program_filter)]
        return table

    view = View(document=lambda: [_json_row(ref, figures, items) for ref in refs], rows=rows)
    render(view, output, terminal())


def _filter(
    book: Ledger,
    section: str | None,
    tag: str | None,
    policy: int | None,
    min_amount: str | None,
    grep: str | None,
) -> ProgramFilter:
    section_name = resolve_section(book, section) if section is not None else None
    tag_name = resolve_tag(tag) if tag is not None else None
    if policy is not None and policy not in {entry.number for entry in book.policies}:
        known = "、".join(str(entry.number) for entry in book.policies)
        raise UsageError(t("list.no_policy", policy=policy), t("list.policies", numbers=known))
    minimum = None
    if min_amount is not None:
        try:
            minimum = parse_amount(min_amount)
        except AmountError as error:
            raise UsageError(f"--min-amount: {error.message}") from None
    return ProgramFilter(section_name, tag_name, policy, minimum, grep)


def _describe(program_filter: ProgramFilter) -> str:
    parts = []
    if program_filter.section:
        parts.append(t("list.by_section", section=program_filter.section))
    if program_filter.tag:
        parts.append(t("list.by_tag", tag=program_filter.tag))
    if program_filter.policy is not None:
        parts.append(t("list.by_policy", policy=program_filter.policy))
    if program_filter.min_amount is not None:
        parts.append(t("list.at_least", amount=f"{program_filter.min_amount:,}"))
    if program_filter.grep:
        parts.append(t("list.grep", text=program_filter.grep))
    return "".join(parts)


def _table(refs: list[ProgramRef], figures: Figures, with_items: bool) -> Table:
    columns = [
        Column("policy", t("col.policy"), "right", no_wrap=True),
        Column("number", t("col.number"), "right", no_wrap=True),
        *([Column("item", t("col.item"), "right", in_table=False)] if with_items else []),
        Column("name", t("col.program"), min_width=28),
        Column("amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True),
        Column("sections", t("col.section"), min_width=10),
        Column("tags", t("col.tag"), no_wrap=True),
    ]
    table = Table(columns=columns)
    for ref in refs:
        program = ref.program
        table.rows.append(
            {
                "policy": ref.policy.number,
                "number": program.number,
                "name": program.name,
                "amount": program.amount,
                "sections": "、".join(program.sections),
                "tags": " ".join(program.tags),
            }
        )
        if with_items:
            for item in program.items:
                table.rows.append(
                    {
                        "policy": ref.policy.number,
                        "number": program.number,
                        "item": item.number,
                        "name": Decorated(item.name, f"　({item.number})"),
                        "amount": item.amount,
                        "tags": " ".join(item.tags),
                    }
                )
    total = sum(ref.program.amount for ref in refs)
    table.total = {"name": t("list.total", count=len(refs)), "amount": total}
    return table


def _json_row(ref: ProgramRef, figures: Figures, with_items: bool) -> dict[str, Any]:
    program = ref.program
    row: dict[str, Any] = {
        "policy": ref.policy.number,
        "number": program.number,
        "name": program.name,
        "amount": figures.number(program.amount),
        "sections": list(program.sections),
        "tags": list(program.tags),
    }
    if with_items:
        row["items"] = [
            {
                "number": item.number,
                "name": item.name,
                "amount": figures.number(item.amount),
                "tags": list(item.tags),
            }
            for item in program.items
        ]
    return row
