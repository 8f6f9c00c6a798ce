"""Figures that the places a ledger goes cannot hold exactly, and a tolerance that hides sums."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Final

from izumi_ledger.findings import Finding, Path, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger

# JSON readers (JavaScript, Excel's cells) hold whole numbers exactly only below 2**53; SQLite's
# integers end at 2**63. The smaller bound keeps every export exact.
EXACT_LIMIT: Final = 2**53


def amount_too_large(context: Context) -> Iterator[Finding]:
    """An amount, or the ledger's total, that an export could not store exactly."""
    ledger = context.ledger
    # One pass over the figures alone first: the usual answer is that none is that large, and
    # building every figure's path took twice as long as all the other rules.
    largest = largest_figure(ledger)
    total = sum(policy.amount for policy in ledger.policies)
    if largest < EXACT_LIMIT and total < EXACT_LIMIT:
        return
    stated: list[tuple[Path, int | None]] = [(("amount",), ledger.amount)]
    for path, policy in context.policies:
        stated += [
            ((*path, "amount"), policy.amount),
            ((*path, "prior_amount"), policy.prior_amount),
            ((*path, "change"), _size(policy.change)),
        ]
    for path, program in context.programs:
        stated += [
            ((*path, "amount"), program.amount),
            ((*path, "prior_amount"), program.prior_amount),
            ((*path, "change"), _size(program.change)),
        ]
        for i_index, item in enumerate(program.items):
            item_path = (*path, "items", i_index)
            stated.append(((*item_path, "amount"), item.amount))
            stated += [
                ((*item_path, "details", d_index, "amount"), detail.amount)
                for d_index, detail in enumerate(item.details)
            ]
        stated += [
            ((*path, "related", r_index, "amount"), related.amount)
            for r_index, related in enumerate(program.related)
        ]
    for path, amount in stated:
        if amount is not None and amount >= EXACT_LIMIT:
            yield _too_large(context, path, amount)
    if total >= EXACT_LIMIT and all(policy.amount < EXACT_LIMIT for policy in ledger.policies):
        yield _too_large(context, ("policies",), total)


def _size(change: int | None) -> int | None:
    """How large a change is, whichever its sign (a decrease is held as exactly as a rise)."""
    return None if change is None else abs(change)


def largest_figure(ledger: Ledger) -> int:
    """The largest stated figure of the ledger (a change by its size), 0 for none."""
    return max(_figures(ledger), default=0)


def _figures(ledger: Ledger) -> Iterator[int]:
    """Every stated figure of the ledger, without where it is."""
    if ledger.amount is not None:
        yield ledger.amount
    for policy in ledger.policies:
        yield policy.amount
        if policy.prior_amount is not None:
            yield policy.prior_amount
        if policy.change is not None:
            yield abs(policy.change)
        for program in policy.programs:
            yield program.amount
            if program.prior_amount is not None:
                yield program.prior_amount
            if program.change is not None:
                yield abs(program.change)
            for item in program.items:
                yield item.amount
                for detail in item.details:
                    if detail.amount is not None:
                        yield detail.amount
            for related in program.related:
                if related.amount is not None:
                    yield related.amount


def _too_large(context: Context, path: Path, amount: int) -> Finding:
    return context.finding(
        "amount-too-large",
        Severity.ERROR,
        path,
        t(
            "rule.amount_too_large",
            amount=format_amount(amount, context.ledger.unit),
            limit=f"{EXACT_LIMIT:,}",
        ),
        actual=amount,
        hint=t("rule.amount_too_large.hint"),
    )


def tolerance_too_large(context: Context) -> Iterator[Finding]:
    """A tolerance larger than a total it applies to would let any of its parts be wrong."""
    tolerance = context.ledger.tolerance
    if not tolerance:
        return
    totals = [policy.amount for policy in context.ledger.policies]
    totals += [program.amount for _, program in context.programs if program.items]
    totals += [item.amount for _, _, item in context.items_with_details]
    if context.ledger.amount is not None:
        totals.append(context.ledger.amount)
    smallest = min(totals, default=None)
    if smallest is not None and tolerance > smallest:
        unit = context.ledger.unit
        yield context.finding(
            "tolerance-too-large",
            Severity.ERROR,
            ("tolerance",),
            t(
                "rule.tolerance_too_large",
                tolerance=format_amount(tolerance, unit),
                smallest=format_amount(smallest, unit),
            ),
            expected=smallest,
            actual=tolerance,
            labels=(t("label.smallest_total"), "tolerance"),
            hint=t("rule.tolerance_too_large.hint"),
        )
