"""Every policy and program of the page: their figures, items, ○ lines and notes."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from izumi_ledger.figures.per_resident import per_resident
from izumi_ledger.figures.totals import policy_totals
from izumi_ledger.report.groups import share_text
from izumi_ledger.report.view import (
    Amounts,
    DetailView,
    Figure,
    ItemView,
    Line,
    PolicyView,
    ProgramView,
    RelatedView,
    said,
    text_of,
)
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import percent_of

if TYPE_CHECKING:
    from izumi_ledger.figures.totals import PolicyTotal
    from izumi_ledger.format.models import Item, Ledger, Program
    from izumi_ledger.report.anchors import Anchors


def per_resident_line(ledger: Ledger, amount: int) -> Line:
    """区民1人あたり 年〇円・1日〇円 of an amount; nothing when the ledger gives no population."""
    population = ledger.population
    if population is None:
        return []
    figures = per_resident(amount, ledger.unit, population.count, ledger.fiscal_year)
    year, day = figures.shown
    return said(
        "report.per_resident",
        {"year": _yen(year, figures.per_year), "day": _yen(day, figures.per_day)},
    )


def _yen(shown: int, exact: Fraction) -> str:
    """A figure in yen as the page says it: 1円未満 where it rounds to 0 but is not 0, so no
    one quotes a share that exists as nothing."""
    if shown == 0 and exact > 0:
        return t("report.under_a_yen")
    return t("report.yen", amount=f"{shown:,}")


def policy_views(
    ledger: Ledger, total: int, colours: dict[int, str], anchors: Anchors
) -> list[PolicyView]:
    amounts = Amounts(ledger.unit)
    return [
        _policy_view(ledger, policy_total, amounts, total, colours, anchors)
        for policy_total in policy_totals(ledger)
    ]


def change_figures(
    amounts: Amounts, computed: int | None, ratio: str | None, printed: int | None
) -> list[Figure]:
    """増減 as computed from the two years (with its ratio when there is one), and the
    document's own where it prints a different one (a misprint `izumi check` reports)."""
    figures = []
    if computed is not None:
        if ratio is None:
            figures.append(Figure.of(t("report.change"), amounts.change(computed)))
        else:
            line = said(
                "report.change_and_ratio", {"change": amounts.change(computed), "ratio": ratio}
            )
            figures.append(Figure(t("report.change"), line))
    if printed is not None and printed != computed:
        figures.append(Figure.of(t("report.printed_change"), amounts.change(printed)))
    return figures


def _policy_view(
    ledger: Ledger,
    policy_total: PolicyTotal,
    amounts: Amounts,
    total: int,
    colours: dict[int, str],
    anchors: Anchors,
) -> PolicyView:
    policy = policy_total.policy
    figures = [Figure.of(t("report.amount"), amounts.text(policy.amount))]
    if policy.prior_amount is not None:
        figures.append(Figure.of(t("report.prior"), amounts.text(policy.prior_amount)))
    ratio = None
    if policy_total.change_ratio is not None:
        ratio = percent_of(policy_total.change_ratio, 2, signed=True)
    figures += change_figures(amounts, policy_total.change, ratio, policy.change)
    return PolicyView(
        anchor=anchors[policy],
        heading=t("report.policy_heading", number=policy.number, title=text_of(policy.title)),
        figures=figures,
        notes=[text_of(note, one_line=False) for note in policy.notes],
        programs=[
            _program_view(ledger, program, amounts, total, colours[id(program)], anchors)
            for program in policy.programs
        ],
    )


def _program_view(
    ledger: Ledger,
    program: Program,
    amounts: Amounts,
    total: int,
    colour: str,
    anchors: Anchors,
) -> ProgramView:
    figures = [
        Figure.of(t("report.amount"), amounts.text(program.amount)),
        Figure.of(t("report.share"), share_text(program.amount, total)),
    ]
    computed = None
    if program.prior_amount is not None:
        figures.append(Figure.of(t("report.prior"), amounts.text(program.prior_amount)))
        computed = program.amount - program.prior_amount
    figures += change_figures(amounts, computed, None, program.change)
    sections = "、".join(text_of(section) for section in program.sections)
    return ProgramView(
        anchor=anchors[program],
        heading=t("report.program_heading", number=program.number, name=text_of(program.name)),
        colour=colour,
        figures=figures,
        sections=t("report.program_sections", sections=sections),
        tags=[text_of(tag) for tag in program.tags],
        summary=text_of(program.summary, one_line=False),
        per_resident=per_resident_line(ledger, program.amount),
        items=[_item_view(item, amounts, anchors) for item in program.items],
        related=[
            RelatedView(
                name=text_of(related.name),
                funding=text_of(related.funding),
                amount=amounts.text(related.amount),
                summary=text_of(related.summary, one_line=False),
                notes=[text_of(note, one_line=False) for note in related.notes],
            )
            for related in program.related
        ],
        notes=[text_of(note, one_line=False) for note in program.notes],
    )


def _item_view(item: Item, amounts: Amounts, anchors: Anchors) -> ItemView:
    return ItemView(
        anchor=anchors[item],
        number=f"({item.number})",
        name=text_of(item.name),
        amount=amounts.text(item.amount),
        tags=[text_of(tag) for tag in item.tags],
        summary=text_of(item.summary, one_line=False),
        details=[
            DetailView(
                label=text_of(detail.label),
                name=text_of(detail.name),
                text=text_of(detail.text, one_line=False),
                amount="" if detail.amount is None else amounts.text(detail.amount),
            )
            for detail in item.details
        ],
    )
