"""`izumi totals`: the whole, each policy against the prior year, each program's share."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from izumi_ledger.cli.choices import apply_language
from izumi_ledger.cli.ledger import open_ledger
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import (
    LanguageOption,
    LedgerOption,
    NoCacheOption,
    RowFormatOption,
    UnitOption,
)
from izumi_ledger.cli.render.figures import Figures, bar, percent_text, ratio_number
from izumi_ledger.cli.render.tables import Column, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.figures.totals import (
    Group,
    GroupBy,
    group_data,
    group_totals,
    ledger_total,
    policy_totals,
    share,
)
from izumi_ledger.format.amounts import Unit
from izumi_ledger.format.models import Ledger
from izumi_ledger.text.era import fiscal_year_name


def totals_command(
    ledger: LedgerOption = None,
    by: Annotated[
        GroupBy | None,
        typer.Option(
            "--by",
            "-b",
            show_default=False,
            help="集計の単位: program, policy, section（担当課）, tag（タグ）。",
        ),
    ] = None,
    unit: UnitOption = None,
    output: RowFormatOption = "table",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """予算を合計する（施策・事業・担当課・タグ別）。

    総額、施策ごとの前年度比、事業ごとの構成比を示す。--by で担当課・タグ別に集計する。

    例: izumi totals --by section --unit 万円
    """
    apply_language(lang)
    book, name = open_ledger(ledger, no_cache)
    figures = Figures(book.unit, unit)
    groups = group_totals(book, by) if by else None

    def rows(output: str) -> Table:
        table = (
            _group_table(book, by, groups, figures)
            if by and groups is not None
            else _program_table(book, figures)
        )
        if output == "table":
            table.heading = [*_heading(book, name, figures), *table.heading]
        return table

    view = View(document=lambda: _json_document(book, name, figures, groups), rows=rows)
    render(view, output, terminal())


def _bar_column(amounts: list[int]) -> Column:
    """Bars scaled so that the largest amount fills the column."""
    largest = max(amounts, default=0)
    return Column(
        "bar", "", show=lambda amount: bar(share(amount, largest)), in_data=False, no_wrap=True
    )


def _heading(book: Ledger, display: str, figures: Figures) -> list[str]:
    lines = [
        t(
            "totals.title",
            city=book.city,
            ward=book.ward,
            era=fiscal_year_name(book.fiscal_year),
            year=book.fiscal_year,
            ledger=display,
        ),
        t("totals.total", amount=figures.text(ledger_total(book))),
    ]
    for total in policy_totals(book):
        policy = total.policy
        lines.append(
            t(
                "totals.policy",
                number=policy.number,
                title=policy.title,
                amount=figures.text(policy.amount),
            )
        )
        if policy.prior_amount is not None:
            lines.append(
                t(
                    "totals.change",
                    prior=figures.text(policy.prior_amount),
                    change=figures.change_text(total.change),
                    ratio=percent_text(total.change_ratio, signed=True),
                )
            )
    lines.append("")
    return lines


def _program_table(book: Ledger, figures: Figures) -> Table:
    table = Table(
        columns=[
            Column("policy", t("col.policy"), "right", no_wrap=True),
            Column("number", t("col.number"), "right", no_wrap=True),
            Column("name", t("col.program")),
            Column("amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True),
            Column("share", t("col.share"), "right", percent_text, ratio_number, no_wrap=True),
            _bar_column(
                [program.amount for policy in book.policies for program in policy.programs]
            ),
        ]
    )
    for policy in book.policies:
        for program in policy.programs:
            ratio = share(program.amount, policy.amount)
            table.rows.append(
                {
                    "policy": policy.number,
                    "number": program.number,
                    "name": program.name,
                    "amount": program.amount,
                    "share": ratio,
                    "bar": program.amount,
                }
            )
    table.total = {"name": t("col.total"), "amount": ledger_total(book)}
    return table


def _group_table(book: Ledger, by: GroupBy, groups: list[Group], figures: Figures) -> Table:
    total = ledger_total(book)
    if by in ("program", "policy"):
        label = t("col.program") if by == "program" else t("col.policy_title")
        table = Table(
            columns=[
                Column("key", label),
                Column(
                    "amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True
                ),
                Column("share", t("col.share"), "right", percent_text, ratio_number, no_wrap=True),
                Column("programs", t("col.programs"), "right", no_wrap=True),
                _bar_column([group.amount for group in groups]),
            ]
        )
        for group in groups:
            ratio = share(group.amount, total)
            table.rows.append(
                {
                    "key": group.key,
                    "amount": group.amount,
                    "share": ratio,
                    "programs": len(group.programs),
                    "bar": group.amount,
                }
            )
        table.total = {"key": t("col.total"), "amount": total}
        return table
    label = t("col.section") if by == "section" else t("col.tag")
    table = Table(
        columns=[
            Column("key", label),
            Column("sole", t("col.sole"), "right", figures.text, figures.number, no_wrap=True),
            Column("shared", t("col.shared"), "right", figures.text, figures.number, no_wrap=True),
            Column("amount", t("col.in_all"), "right", figures.text, figures.number, no_wrap=True),
            Column("programs", t("col.programs"), "right", no_wrap=True),
        ]
    )
    for group in groups:
        table.rows.append(
            {
                "key": group.key,
                "sole": group.sole,
                "shared": group.shared,
                "amount": group.amount,
                "programs": len(group.programs),
            }
        )
    what = t("word.section") if by == "section" else t("word.tag")
    table.notes = [t("totals.sole_shared", what=what), t("totals.not_additive", what=what)]
    return table


def _json_document(
    book: Ledger, display: str, figures: Figures, groups: list[Group] | None
) -> dict[str, Any]:
    unit: Unit = figures.unit
    document: dict[str, Any] = {
        "ledger": display,
        "unit": unit,
        "amount": figures.number(ledger_total(book)),
        "policies": [
            {
                "number": total.policy.number,
                "title": total.policy.title,
                "amount": figures.number(total.policy.amount),
                "prior_amount": figures.number(total.policy.prior_amount),
                "change": figures.number(total.change),
                "change_ratio": ratio_number(total.change_ratio),
                "programs": [
                    {
                        "number": program.number,
                        "name": program.name,
                        "amount": figures.number(program.amount),
                        "share": ratio_number(share(program.amount, total.policy.amount)),
                    }
                    for program in total.policy.programs
                ],
            }
            for total in policy_totals(book)
        ],
    }
    if groups is not None:
        document["groups"] = [group_data(group, figures.number) for group in groups]
    return document
