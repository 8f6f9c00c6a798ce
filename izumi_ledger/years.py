"""A ledger beside the year before it: its 前年度 figures must be that year's amounts.

A budget document prints each policy's and program's prior-year amount; the ledger of that
year, when the collection has it, says what the amount was. Programs are paired across the
years as `izumi diff` pairs them (number and name, then name, then alike names).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from izumi_ledger.findings import Finding, Severity, format_path, quoted_window
from izumi_ledger.format.amounts import UNIT_IN_YEN
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.loading import Loaded

RULE = "prior-year"


@dataclass(frozen=True)
class Entry:
    """A program's (or a policy's) figures, all the comparison of two years needs."""

    number: int
    name: str
    amount: int
    prior_amount: int | None


@dataclass(frozen=True)
class YearFigures:
    """A ledger's figures in yen, small enough to send from a worker process."""

    policies: tuple[tuple[Entry, tuple[Entry, ...]], ...]


def figures_of(ledger: Ledger) -> YearFigures:
    scale = UNIT_IN_YEN[ledger.unit]

    def entry(number: int, name: str, amount: int, prior: int | None) -> Entry:
        return Entry(number, name, amount * scale, None if prior is None else prior * scale)

    return YearFigures(
        tuple(
            (
                entry(policy.number, policy.title, policy.amount, policy.prior_amount),
                tuple(
                    entry(program.number, program.name, program.amount, program.prior_amount)
                    for program in policy.programs
                ),
            )
            for policy in ledger.policies
        )
    )


def any_disagree(before: YearFigures, after: YearFigures) -> bool:
    """Whether some prior figure of `after` is not `before`'s amount: only then are the two
    files read again for the lines a finding names."""
    from izumi_ledger.figures.compare import matched

    old_policies = {policy.number: (policy, programs) for policy, programs in before.policies}
    for policy, programs in after.policies:
        if policy.number not in old_policies:
            continue
        old_policy, old_programs = old_policies[policy.number]
        if policy.prior_amount not in (None, old_policy.amount):
            return True
        for old, new in matched(old_programs, programs):
            if old is not None and new is not None and new.prior_amount not in (None, old.amount):
                return True
    return False


def prior_year_findings(before: Loaded, after: Loaded) -> Iterator[Finding]:
    """Each prior_amount of `after` that is not the amount `before` (its year before) gives."""
    from izumi_ledger.figures.compare import matched

    old, new = before.ledger, after.ledger
    assert old is not None and new is not None
    old_policies = {policy.number: (index, policy) for index, policy in enumerate(old.policies)}
    for index, policy in enumerate(new.policies):
        if policy.number not in old_policies:
            continue
        old_index, old_policy = old_policies[policy.number]
        where = ("policies", index)
        there = ("policies", old_index)
        yield from _disagreement(
            before, after, where, there, policy.prior_amount, old_policy.amount,
            t("years.policy", number=policy.number, title=policy.title),
        )  # fmt: skip
        old_numbers = {id(program): j for j, program in enumerate(old_policy.programs)}
        new_numbers = {id(program): j for j, program in enumerate(policy.programs)}
        for old_program, program in matched(old_policy.programs, policy.programs):
            if old_program is None or program is None:
                continue
            yield from _disagreement(
                before,
                after,
                (*where, "programs", new_numbers[id(program)]),
                (*there, "programs", old_numbers[id(old_program)]),
                program.prior_amount,
                old_program.amount,
                t("years.program", number=program.number, name=program.name),
            )


def _disagreement(
    before: Loaded,
    after: Loaded,
    where: tuple[str | int, ...],
    there: tuple[str | int, ...],
    prior: int | None,
    amount: int,
    what: str,
) -> Iterator[Finding]:
    old, new = before.ledger, after.ledger
    assert old is not None and new is not None
    if prior is None:
        return
    in_yen = (prior * UNIT_IN_YEN[new.unit], amount * UNIT_IN_YEN[old.unit])
    if in_yen[0] == in_yen[1]:
        return
    stated = (*where, "prior_amount")
    position = after.source.position(stated)
    other = before.source.position((*there, "amount"))
    # The figures in the ledger's own unit, as its other findings give them; where the year
    # before's amount is not whole in it (円 beside 千円), the message alone gives both.
    scale = UNIT_IN_YEN[new.unit]
    whole = in_yen[1] % scale == 0
    expected = in_yen[1] // scale if whole else None
    actual = prior if whole else None
    yield Finding(
        RULE,
        Severity.ERROR,
        after.source.file,
        position.line,
        position.column,
        format_path(stated),
        t(
            "years.disagree",
            what=what,
            prior=format_amount(prior, new.unit),
            other=before.source.file,
            line=other.line,
            amount=format_amount(amount, old.unit),
        ),
        expected,
        actual,
        None if expected is None else prior - expected,
        t("years.disagree.hint"),
        (t("years.label.before"), t("years.label.prior")),
        *quoted_window(after.source.line_text(position.line), position.column),
    )
