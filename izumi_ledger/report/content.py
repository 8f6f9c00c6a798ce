"""What the report says: every figure computed and written out here (and in programs.py and
groups.py), so the template only lays it out; it never adds, rounds or formats a number.

Text from the ledger goes in as it is, with the characters that would hide or reorder it
shown as escapes (text.visible), and the template's autoescaping makes it text, never markup.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

from izumi_ledger.figures.totals import ledger_total, share
from izumi_ledger.findings import Severity
from izumi_ledger.report.anchors import Anchors
from izumi_ledger.report.chart import draw, overfull, program_colours
from izumi_ledger.report.groups import group_tables
from izumi_ledger.report.programs import change_figures, per_resident_line, policy_views
from izumi_ledger.report.view import (
    Amounts,
    Figure,
    FindingLine,
    Line,
    Page,
    Status,
    said,
    text_of,
)
from izumi_ledger.text.era import fiscal_year_title
from izumi_ledger.text.finding_figures import figure_rows
from izumi_ledger.text.messages import current, t
from izumi_ledger.text.numbers import percent_of

if TYPE_CHECKING:
    from izumi_ledger.findings import Finding
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.models import Ledger

# The words of the page's own structure, in the language of the report.
_WORDS: Final = (
    "report.contents",
    "report.status_heading",
    "report.findings_below",
    "report.findings_heading",
    "report.chart_heading",
    "report.chart_label",
    "report.not_drawn",
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
    "report.trend_total",
    "report.col_program",
)
_SEVERITY: Final = {
    Severity.ERROR: "report.severity.error",
    Severity.WARNING: "report.severity.warning",
}


def build_page(
    ledger: Ledger,
    findings: tuple[Finding, ...],
    ledger_name: str,
    earlier: Sequence[Ledger] = (),
    units: Mapping[str, Unit] | None = None,
) -> Page:
    """The report of a checked ledger: its figures, its chart, and what the check found;
    with the ward's earlier years, the trend over them too (the findings then those of
    every year, units naming the unit of each file's figures)."""
    from izumi_ledger import __version__
    from izumi_ledger.report.trend import trend_view

    total = ledger_total(ledger)
    colours = program_colours(ledger)
    anchors = Anchors(ledger)
    title = t(
        "report.title",
        city=text_of(ledger.city),
        ward=text_of(ledger.ward),
        year=fiscal_year_title(ledger.fiscal_year),
    )
    return Page(
        language=current(),
        title=title,
        source=t("report.source", source=text_of(ledger.source)),
        figures=_heading_figures(ledger, total),
        per_resident=per_resident_line(ledger, total),
        population=_population_line(ledger),
        status=_status(ledger, findings, units or {}),
        charts=draw(ledger, colours, anchors),
        chart_explained=t("report.chart_explained"),
        chart_warnings=overfull(ledger),
        chart_keys=t("report.chart_keys"),
        groups=group_tables(ledger, total, anchors),
        policies=policy_views(ledger, total, colours, anchors),
        footer=t("report.footer", version=__version__, ledger=text_of(ledger_name)),
        words={key.removeprefix("report."): t(key) for key in _WORDS},
        trend=trend_view([*earlier, ledger], anchors) if earlier else None,
    )


def _heading_figures(ledger: Ledger, total: int) -> list[Figure]:
    amounts = Amounts(ledger.unit)
    if ledger.amount is None or ledger.amount == total:
        figures = [Figure.of(t("report.total"), amounts.text(total))]
    else:
        # The ledger's own total first, as `izumi totals` names it, then what its policies
        # add up to: a document whose parts do not add up to its whole.
        figures = [
            Figure.of(t("report.total"), amounts.text(ledger.amount)),
            Figure.of(t("report.policies_added"), amounts.text(total)),
            Figure.of(t("report.difference"), amounts.change(total - ledger.amount)),
        ]
    priors = [policy.prior_amount for policy in ledger.policies]
    if priors and all(prior is not None for prior in priors):
        prior = sum(prior for prior in priors if prior is not None)
        figures.append(Figure.of(t("report.prior"), amounts.text(prior)))
        ratio = share(total - prior, prior)
        shown = None if ratio is None else percent_of(ratio, 2, signed=True)
        figures += change_figures(amounts, total - prior, shown, None)
    return figures


def _population_line(ledger: Ledger) -> Line:
    population = ledger.population
    if population is None:
        return []
    # as_of is a real day written YYYY-MM-DD: the format checked it.
    day = datetime.date.fromisoformat(population.as_of)
    return said(
        "report.population",
        {
            "count": t("report.residents", count=f"{population.count:,}"),
            "as_of": t("report.date", year=day.year, month=day.month, day=day.day),
        },
        source=text_of(population.source),
    )


def _status(ledger: Ledger, findings: tuple[Finding, ...], units: Mapping[str, Unit]) -> Status:
    errors = sum(finding.severity is Severity.ERROR for finding in findings)
    warnings = len(findings) - errors
    lines = [
        FindingLine(
            where=_where(finding),
            severity=t(_SEVERITY[finding.severity]),
            message=text_of(finding.message),
            hint=text_of(finding.hint),
            figures=figure_rows(finding, units.get(finding.file, ledger.unit)),
        )
        for finding in findings
    ]
    if errors:
        return Status(
            False,
            t("report.status_failing", errors=errors, warnings=warnings),
            lines,
            t("report.banner", errors=errors),
        )
    summary = t("report.status_ok_warnings", warnings=warnings) if warnings else ""
    return Status(True, summary or t("report.status_ok"), lines, "")


def _where(finding: Finding) -> str:
    name = text_of(finding.file)
    if not finding.line:
        return name
    return t("report.line", file=name, line=finding.line)
