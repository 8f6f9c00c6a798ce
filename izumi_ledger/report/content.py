"""What the report says, as plain data: every figure computed and written out here, so the
template only lays it out (it never adds, rounds or formats a number).

Text from the ledger goes in as it is, with the characters that would hide or reorder it
shown as escapes (text.visible), and the template's autoescaping makes it text, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING, Literal

from izumi_ledger.figures.per_resident import per_resident
from izumi_ledger.figures.totals import (
    Group,
    PolicyTotal,
    group_totals,
    ledger_total,
    policy_totals,
    programs_of,
    share,
)
from izumi_ledger.findings import Severity
from izumi_ledger.report.chart import Chart, draw, program_colours
from izumi_ledger.text.era import fiscal_year_name
from izumi_ledger.text.messages import CATALOG, current, t
from izumi_ledger.text.numbers import format_amount, percent_of
from izumi_ledger.text.visible import visible

if TYPE_CHECKING:
    from izumi_ledger.findings import Finding
    from izumi_ledger.format.models import Item, Ledger, Policy, Program


@dataclass(frozen=True)
class Fragment:
    """A part of a line of text; a figure is never broken across lines."""

    text: str
    figure: bool = False


Line = list[Fragment]


def said(message: str, figures: dict[str, str], **words: object) -> Line:
    """A catalog message as fragments: each of figures is one, kept whole; the words
    between are filled in as t() fills them."""
    line: Line = []
    for literal, name, spec, conversion in Formatter().parse(CATALOG[message][current()]):
        if literal:
            line.append(Fragment(literal))
        if name is None:
            continue
        if name in figures:
            line.append(Fragment(figures[name], figure=True))
        else:
            value = words[name]
            text = repr(value) if conversion == "r" else format(value, spec or "")
            line.append(Fragment(text))
    return line


@dataclass(frozen=True)
class Figure:
    """A labelled figure of the heading: 総額 26,397千円."""

    label: str
    parts: Line

    @classmethod
    def of(cls, label: str, text: str) -> Figure:
        return cls(label, [Fragment(text, figure=True)])


@dataclass(frozen=True)
class FindingLine:
    where: str
    severity: str
    message: str
    hint: str


@dataclass(frozen=True)
class Status:
    ok: bool
    summary: str
    findings: list[FindingLine]
    banner: str  # "" when the figures add up


@dataclass(frozen=True)
class GroupRow:
    key: str
    sole: str
    shared: str
    amount: str
    share: str
    programs: list[tuple[str, str]]  # (anchor, label) of each program counted


@dataclass(frozen=True)
class GroupTable:
    heading: str
    key_column: str
    rows: list[GroupRow]
    explained: list[str]


@dataclass(frozen=True)
class DetailView:
    label: str
    name: str
    text: str
    amount: str


@dataclass(frozen=True)
class ItemView:
    anchor: str
    number: str
    name: str
    amount: str
    tags: list[str]
    summary: str
    details: list[DetailView]


@dataclass(frozen=True)
class RelatedView:
    name: str
    funding: str
    amount: str
    summary: str
    notes: list[str]


@dataclass(frozen=True)
class ProgramView:
    anchor: str
    heading: str
    colour: str
    figures: list[Figure]
    sections: str
    tags: list[str]
    summary: str
    per_resident: Line
    items: list[ItemView]
    related: list[RelatedView]
    notes: list[str]


@dataclass(frozen=True)
class PolicyView:
    anchor: str
    heading: str
    figures: list[Figure]
    notes: list[str]
    programs: list[ProgramView]


@dataclass(frozen=True)
class Page:
    language: str
    title: str
    source: str
    figures: list[Figure]
    per_resident: Line
    population: Line
    status: Status
    charts: list[Chart]
    chart_explained: list[str]
    not_drawn: str
    sections: GroupTable
    tags: GroupTable | None
    policies: list[PolicyView]
    footer: str
    words: dict[str, str] = field(default_factory=dict)


# The words of the page's own structure, in the language of the report.
_WORDS = (
    "report.contents",
    "report.status_heading",
    "report.findings_below",
    "report.findings_heading",
    "report.chart_heading",
    "report.programs_heading",
    "report.col_item",
    "report.col_amount",
    "report.col_sole",
    "report.col_shared",
    "report.col_in_all",
    "report.col_share",
    "report.col_programs",
    "report.related_heading",
    "report.outside_totals",
    "report.notes",
    "report.no_items",
    "report.chart_label",
)


def _text(value: str | None, one_line: bool = True) -> str:
    return "" if value is None else visible(value, one_line=one_line)


def program_anchor(policy: Policy, program: Program) -> str:
    return f"program-{policy.number}-{program.number}"


def item_anchor(policy: Policy, program: Program, item: Item) -> str:
    return f"{program_anchor(policy, program)}-item-{item.number}"


def share_text(part: int, whole: int) -> str:
    """A share of the total for the page: two decimals of a percent (24.96%), rounded half
    up as the JSON's four-place fractions are."""
    return percent_of(share(part, whole), 2)


class _Amounts:
    def __init__(self, ledger: Ledger) -> None:
        self.unit = ledger.unit

    def text(self, amount: int | None) -> str:
        return "—" if amount is None else format_amount(amount, self.unit)

    def change(self, change: int | None) -> str:
        if change is None:
            return "—"
        return ("+" if change > 0 else "") + format_amount(change, self.unit)


def build_page(ledger: Ledger, findings: tuple[Finding, ...], ledger_name: str) -> Page:
    """The report of a checked ledger: its figures, its chart, and what the check found."""
    from izumi_ledger import __version__

    amounts = _Amounts(ledger)
    total = ledger_total(ledger)
    colours = program_colours(ledger)
    title = t(
        "report.title",
        city=_text(ledger.city),
        ward=_text(ledger.ward),
        era=fiscal_year_name(ledger.fiscal_year),
        year=ledger.fiscal_year,
    )
    return Page(
        language=current(),
        title=title,
        source=t("report.source", source=_text(ledger.source)),
        figures=_heading_figures(ledger, amounts, total),
        per_resident=_per_resident_line(ledger, total),
        population=_population_line(ledger),
        status=_status(findings),
        charts=draw(ledger, colours),
        chart_explained=[t("report.chart_explained"), t("report.chart_keys")],
        not_drawn=_not_drawn(ledger),
        sections=_group_table(ledger, "section", total, amounts),
        tags=_group_table(ledger, "tag", total, amounts) if _has_tags(ledger) else None,
        policies=[
            _policy_view(ledger, policy_total, amounts, total, colours)
            for policy_total in policy_totals(ledger)
        ],
        footer=t("report.footer", version=__version__, ledger=_text(ledger_name)),
        words={key.removeprefix("report."): t(key) for key in _WORDS},
    )


def _heading_figures(ledger: Ledger, amounts: _Amounts, total: int) -> list[Figure]:
    figures = [Figure.of(t("report.total"), amounts.text(total))]
    if ledger.amount is not None and ledger.amount != total:
        figures.append(Figure.of(t("report.stated_total"), amounts.text(ledger.amount)))
    priors = [policy.prior_amount for policy in ledger.policies]
    if priors and all(prior is not None for prior in priors):
        prior = sum(prior for prior in priors if prior is not None)
        figures.append(Figure.of(t("report.prior"), amounts.text(prior)))
        figures.append(
            Figure(
                t("report.change"),
                said(
                    "report.change_and_ratio",
                    {
                        "change": amounts.change(total - prior),
                        "ratio": percent_of(share(total - prior, prior), 2, signed=True),
                    },
                ),
            )
        )
    return figures


def _per_resident_line(ledger: Ledger, amount: int) -> Line:
    population = ledger.population
    if population is None:
        return []
    year, day = per_resident(amount, ledger.unit, population.count, ledger.fiscal_year).shown
    return said("report.per_resident", {"year": f"{year:,}", "day": f"{day:,}"})


def _population_line(ledger: Ledger) -> Line:
    population = ledger.population
    if population is None:
        return []
    return said(
        "report.population",
        {"count": f"{population.count:,}", "as_of": str(population.as_of)},
        source=_text(population.source),
    )


def _status(findings: tuple[Finding, ...]) -> Status:
    errors = [finding for finding in findings if finding.severity is Severity.ERROR]
    warnings = len(findings) - len(errors)
    lines = [
        FindingLine(
            where=_where(finding),
            severity=t(_SEVERITY[finding.severity]),
            message=_text(finding.message),
            hint=_text(finding.hint),
        )
        for finding in findings
    ]
    if errors:
        return Status(
            False,
            t("report.status_failing", errors=len(errors), warnings=warnings),
            lines,
            t("report.banner", errors=len(errors)),
        )
    summary = t("report.status_ok")
    if warnings:
        summary = t("report.status_ok_warnings", warnings=warnings)
    return Status(True, summary, lines, "")


_SEVERITY = {Severity.ERROR: "report.severity.error", Severity.WARNING: "report.severity.warning"}
# A group table's words: its heading, its key's column, what its amounts mean.
_GROUP_WORDS = {
    "section": ("report.by_section", "report.col_section", "report.section_explained"),
    "tag": ("report.by_tag", "report.col_tag", "report.tag_explained"),
}


def _where(finding: Finding) -> str:
    name = _text(finding.file)
    if not finding.line:
        return name
    return t("report.line", file=name, line=finding.line)


def _not_drawn(ledger: Ledger) -> str:
    """The programs of no amount, which have no area: named so none goes unseen."""
    empty = [
        f"{ref.program.number} {_text(ref.program.name)}"
        for ref in programs_of(ledger)
        if ref.program.amount == 0
    ]
    return t("report.not_drawn", programs="、".join(empty)) if empty else ""


def _has_tags(ledger: Ledger) -> bool:
    return any(
        ref.program.tags or any(item.tags for item in ref.program.items)
        for ref in programs_of(ledger)
    )


def _group_table(
    ledger: Ledger, by: Literal["section", "tag"], total: int, amounts: _Amounts
) -> GroupTable:
    heading, key_column, explained = _GROUP_WORDS[by]
    return GroupTable(
        heading=t(heading),
        key_column=t(key_column),
        rows=[_group_row(group, total, amounts) for group in group_totals(ledger, by)],
        explained=[t(explained)],
    )


def _group_row(group: Group, total: int, amounts: _Amounts) -> GroupRow:
    counted = [
        (program_anchor(ref.policy, ref.program), f"{ref.program.number} {_text(ref.program.name)}")
        for ref in group.programs
    ] + [
        (
            item_anchor(ref.policy, ref.program, item),
            f"{ref.program.number}({item.number}) {_text(item.name)}",
        )
        for ref, item in group.items
    ]
    return GroupRow(
        key=_text(group.key),
        sole=amounts.text(group.sole),
        shared=amounts.text(group.shared),
        amount=amounts.text(group.amount),
        share=share_text(group.amount, total),
        programs=counted,
    )


def _policy_view(
    ledger: Ledger,
    policy_total: PolicyTotal,
    amounts: _Amounts,
    total: int,
    colours: dict[int, str],
) -> PolicyView:
    policy, change = policy_total.policy, policy_total.change
    figures = [Figure.of(t("report.amount"), amounts.text(policy.amount))]
    if policy.prior_amount is not None:
        figures.append(Figure.of(t("report.prior"), amounts.text(policy.prior_amount)))
        figures.append(
            Figure(
                t("report.change"),
                said(
                    "report.change_and_ratio",
                    {
                        "change": amounts.change(change),
                        "ratio": percent_of(policy_total.change_ratio, 2, signed=True),
                    },
                ),
            )
        )
    return PolicyView(
        anchor=f"policy-{policy.number}",
        heading=t("report.policy_heading", number=policy.number, title=_text(policy.title)),
        figures=figures,
        notes=[_text(note, one_line=False) for note in policy.notes],
        programs=[
            _program_view(ledger, policy, program, amounts, total, colours[id(program)])
            for program in policy.programs
        ],
    )


def _program_view(
    ledger: Ledger, policy: Policy, program: Program, amounts: _Amounts, total: int, colour: str
) -> ProgramView:
    figures = [
        Figure.of(t("report.amount"), amounts.text(program.amount)),
        Figure.of(t("report.share"), share_text(program.amount, total)),
    ]
    if program.prior_amount is not None:
        figures.append(Figure.of(t("report.prior"), amounts.text(program.prior_amount)))
    if program.change is not None:
        figures.append(Figure.of(t("report.change"), amounts.change(program.change)))
    elif program.prior_amount is not None:
        figures.append(
            Figure.of(t("report.change"), amounts.change(program.amount - program.prior_amount))
        )
    return ProgramView(
        anchor=program_anchor(policy, program),
        heading=t("report.program_heading", number=program.number, name=_text(program.name)),
        colour=colour,
        figures=figures,
        sections=t(
            "report.program_sections", sections="、".join(_text(s) for s in program.sections)
        ),
        tags=[_text(tag) for tag in program.tags],
        summary=_text(program.summary, one_line=False),
        per_resident=_per_resident_line(ledger, program.amount),
        items=[_item_view(policy, program, item, amounts) for item in program.items],
        related=[
            RelatedView(
                name=_text(related.name),
                funding=_text(related.funding),
                amount=amounts.text(related.amount),
                summary=_text(related.summary, one_line=False),
                notes=[_text(note, one_line=False) for note in related.notes],
            )
            for related in program.related
        ],
        notes=[_text(note, one_line=False) for note in program.notes],
    )


def _item_view(policy: Policy, program: Program, item: Item, amounts: _Amounts) -> ItemView:
    return ItemView(
        anchor=item_anchor(policy, program, item),
        number=f"({item.number})",
        name=_text(item.name),
        amount=amounts.text(item.amount),
        tags=[_text(tag) for tag in item.tags],
        summary=_text(item.summary, one_line=False),
        details=[
            DetailView(
                label=_text(detail.label),
                name=_text(detail.name),
                text=_text(detail.text, one_line=False),
                amount="" if detail.amount is None else amounts.text(detail.amount),
            )
            for detail in item.details
        ],
    )
