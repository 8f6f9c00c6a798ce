"""Mistakes a clerk makes without a sum breaking: a name written twice, spaces around a name,
prior-year figures that disagree with each other, a fiscal year the source contradicts."""

from __future__ import annotations

from collections.abc import Iterator

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules.characters import names_of
from izumi_ledger.rules.context import Context
from izumi_ledger.text.era import fiscal_years_named
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount
from izumi_ledger.text.visible import quoted


def duplicate_name(context: Context) -> Iterator[Finding]:
    """Two programs of one policy, or two items of one program, with the same name: one was
    likely copied and not renamed, or is there twice."""
    for path, policy in context.policies:
        yield from _same_names(
            context,
            [((*path, "programs", i, "name"), p.name) for i, p in enumerate(policy.programs)],
            t("word.program_name"),
        )
    for path, program in context.programs:
        if len(program.items) > 1:
            yield from _same_names(
                context,
                [((*path, "items", i, "name"), item.name) for i, item in enumerate(program.items)],
                t("word.item_name"),
            )


def _same_names(
    context: Context, named: list[tuple[tuple[str | int, ...], str]], what: str
) -> Iterator[Finding]:
    if len({name for _, name in named}) == len(named):
        return
    first: dict[str, tuple[str | int, ...]] = {}
    for path, name in named:
        if name not in first:
            first[name] = path
            continue
        line = context.source.position(first[name]).line
        yield context.finding(
            "duplicate-name",
            Severity.WARNING,
            path,
            t("rule.duplicate_name", what=what, value=quoted(name), line=line),
            actual=name,
            hint=t("rule.duplicate_name.hint"),
        )


def name_spaces(context: Context) -> Iterator[Finding]:
    """A name with white space before or after it, which no document prints and which makes
    it another name than the same one without."""
    for path, word, names in names_of(context):
        listed = len(path) > 0 and path[-1] == "sections"
        for index, name in enumerate(names):
            if name == name.strip() or not name.strip():  # blank names are name-character's
                continue
            yield context.finding(
                "name-spaces",
                Severity.WARNING,
                (*path, index) if listed else path,
                t("rule.name_spaces", what=t(word), value=quoted(name)),
                actual=name,
                hint=t("rule.name_spaces.hint", name=name.strip()),
            )


def prior_sum(context: Context) -> Iterator[Finding]:
    """A policy's prior-year amount that is not the sum of its programs' prior-year amounts,
    when every program has one."""
    unit = context.ledger.unit
    for path, policy in context.policies:
        priors = [program.prior_amount for program in policy.programs]
        if policy.prior_amount is None or not priors or None in priors:
            continue
        total = sum(prior for prior in priors if prior is not None)
        if total == policy.prior_amount:
            continue
        yield context.finding(
            "prior-sum",
            Severity.WARNING,
            (*path, "prior_amount"),
            t(
                "rule.prior_sum",
                number=policy.number,
                stated=format_amount(policy.prior_amount, unit),
                total=format_amount(total, unit),
            ),
            expected=policy.prior_amount,
            actual=total,
            difference=total - policy.prior_amount,
            hint=t("rule.prior_sum.hint"),
        )


def fiscal_year_source(context: Context) -> Iterator[Finding]:
    """A fiscal_year that the source line contradicts (source: 令和3年度予算, fiscal_year: 2022)."""
    ledger = context.ledger
    named = fiscal_years_named(ledger.source)
    if not named or any(year == ledger.fiscal_year for _, year in named):
        return
    text, year = named[0]
    yield context.finding(
        "fiscal-year-source",
        Severity.WARNING,
        ("fiscal_year",),
        t("rule.fiscal_year_source", year=ledger.fiscal_year, text=text, named=year),
        expected=year,
        actual=ledger.fiscal_year,
        hint=t("rule.fiscal_year_source.hint", named=year),
    )
