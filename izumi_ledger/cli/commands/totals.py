"""`izumi totals`: the whole, each policy against the prior year, each program's share."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import typer

from izumi_ledger.cli.choices import apply_language
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
from izumi_ledger.cli.render.figures import Figures, bar, percent_text, ratio_number
from izumi_ledger.cli.render.status import failing_lines
from izumi_ledger.cli.render.tables import Cell, Column, Table
from izumi_ledger.cli.render.view import View, render
from izumi_ledger.cli.terminal import terminal
from izumi_ledger.collection import is_collection
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
from izumi_ledger.loading import Checked
from izumi_ledger.text.era import fiscal_year_name

# What totals adds up by: a grouping of one ledger, or (ward) each ledger of a collection.
TotalsBy = Literal["program", "policy", "section", "tag", "ward"]


def totals_command(
    ledgers: LedgerArguments = None,
    ledger: LedgerOption = None,
    by: Annotated[
        TotalsBy | None,
        typer.Option(
            "--by",
            "-b",
            show_default=False,
            help="集計の単位: program, policy, section（担当課）, tag（タグ）, ward（区）。",
        ),
    ] = None,
    unit: UnitOption = None,
    output: RowFormatOption = "table",
    no_cache: NoCacheOption = False,
    lang: LanguageOption = None,
) -> None:
    """予算を合計する（施策・事業・担当課・タグ別）。

    総額、施策ごとの前年度比、事業ごとの構成比を示す。--by で担当課・タグ別に集計する。

    台帳が複数なら（-l を重ねる、フォルダ、glob）、一つの区の年度を列に並べて
    各年度の増減と率を示す。区が複数なら区ごとの総額を並べる（--by ward）。

    例: izumi totals --by section --unit 万円
    """
    apply_language(lang)
    ledger = named_ledgers(ledger, ledgers)
    sources = list(ledger or ())
    if by == "ward" or (sources and is_collection(sources)):
        from izumi_ledger.cli.commands.totals_years import years_totals
        from izumi_ledger.source.files import locate_ledger

        years_totals(sources or [locate_ledger(None)], unit, output, no_cache, by)
        return
    checked = open_readable(ledger, no_cache)
    book, name = checked.ledger, checked.name
    assert book is not None
    figures = Figures(book.unit, unit)
    groups = group_totals(book, by) if by else None

    def rows(output: str) -> Table:
        table = (
            _group_table(book, by, groups, figures, bars=output == "table")
            if by and groups is not None
            else _program_table(book, figures, bars=output == "table")
        )
        table.unit = figures.unit
        if output != "csv":
            added = (
                sum(program.amount for policy in book.policies for program in policy.programs)
                if by in (None, "program")
                else None
            )
            table.heading = [
                *_heading(book, name, figures, checked, added),
                *table.heading,
            ]
        return table

    view = View(document=lambda: _json_document(book, name, figures, groups, checked), rows=rows)
    render(view, output, terminal())


def _bar_column(amounts: list[int]) -> Column:
    """Bars scaled so that the largest amount fills the column."""
    largest = max(amounts, default=0)
    return Column(
        "bar",
        "",
        show=lambda amount: bar(share(amount, largest)),
        in_data=False,
        no_wrap=True,
        drop=1,
        note=t("totals.bar_basis"),
    )


def _heading(
    book: Ledger, display: str, figures: Figures, checked: Checked, added: int | None
) -> list[str]:
    lines = [
        t(
            "totals.title",
            city=book.city,
            ward=book.ward,
            era=fiscal_year_name(book.fiscal_year),
            year=book.fiscal_year,
            ledger=shown_name(display),
        ),
        _total_line(book, figures),
        *failing_lines(checked, figures, ledger_total(book), added),
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


def _total_line(book: Ledger, figures: Figures) -> str:
    """The ward's total: the one the ledger states, and the policies' sum beside it when the
    two differ (a document whose parts do not add up to its own total)."""
    added = ledger_total(book)
    if book.amount is None or book.amount == added:
        return t("totals.total", amount=figures.text(added))
    return t(
        "totals.total_stated",
        stated=figures.text(book.amount),
        added=figures.text(added),
        difference=figures.change_text(added - book.amount),
    )


def _share_note(figures: Figures, total: int, bars: bool) -> str:
    """What the shares are of (the bar's column says what the bars are, where it is drawn)."""
    return t("totals.share_basis_only", amount=figures.text(total))


def _program_table(book: Ledger, figures: Figures, bars: bool = True) -> Table:
    total = ledger_total(book)
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
            ratio = share(program.amount, total)
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
    table.total = {"name": t("col.total"), "amount": total}
    table.notes = [_share_note(figures, total, bars)]
    return table


def _group_table(
    book: Ledger, by: GroupBy, groups: list[Group], figures: Figures, bars: bool = True
) -> Table:
    total = ledger_total(book)
    amount = Column("amount", t("col.amount"), "right", figures.text, figures.number, no_wrap=True)
    share_column = Column(
        "share", t("col.share"), "right", percent_text, ratio_number, no_wrap=True
    )
    if by == "program":  # the program table, ordered as the document orders it
        return _program_table(book, figures, bars)
    if by == "policy":
        table = Table(
            columns=[
                Column("policy", t("col.policy"), "right", no_wrap=True),
                Column("title", t("col.policy_title")),
                amount,
                share_column,
                Column("programs", t("col.programs"), "right", no_wrap=True),
                _bar_column([group.amount for group in groups]),
            ]
        )
        for policy, group in zip(book.policies, groups, strict=True):
            table.rows.append(
                {
                    "policy": policy.number,
                    "title": group.key,
                    "amount": group.amount,
                    "share": share(group.amount, total),
                    "programs": len(group.programs),
                    "bar": group.amount,
                }
            )
        table.total = {"title": t("col.total"), "amount": total}
        table.notes = [_share_note(figures, total, bars)]
        return table
    label = t("col.section") if by == "section" else t("col.tag")
    with_items = any(group.items for group in groups)
    table = Table(
        columns=[
            Column("key", label),
            Column("sole", t("col.sole"), "right", figures.text, figures.number, no_wrap=True),
            Column("shared", t("col.shared"), "right", figures.text, figures.number, no_wrap=True),
            Column("amount", t("col.in_all"), "right", figures.text, figures.number, no_wrap=True),
            Column("programs", t("col.programs"), "right", no_wrap=True),
            *([Column("items", t("col.items"), "right", no_wrap=True)] if with_items else []),
        ]
    )
    for group in groups:
        row: dict[str, Cell] = {
            "key": group.key,
            "sole": group.sole,
            "shared": group.shared,
            "amount": group.amount,
            "programs": len(group.programs),
        }
        if with_items:
            row["items"] = len(group.items)
        table.rows.append(row)
    what = t("word.section") if by == "section" else t("word.tag")
    table.notes = [t("totals.sole_shared", what=what), t("totals.not_additive", what=what)]
    if with_items:
        table.notes.append(t("totals.item_tags"))
    return table


def _json_document(
    book: Ledger, display: str, figures: Figures, groups: list[Group] | None, checked: Checked
) -> dict[str, Any]:
    unit: Unit = figures.unit
    whole = ledger_total(book)
    document: dict[str, Any] = {
        "ledger": display,
        "check": {"ok": not checked.errors, "errors": checked.errors},
        "unit": unit,
        "amount": figures.number(whole),
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
                        "share": ratio_number(share(program.amount, whole)),
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
