"""The sum rules: every part adds up to its whole, and each policy has the programs it states."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t

if TYPE_CHECKING:
    from izumi_ledger.findings import Path
    from izumi_ledger.format.models import Item, Policy, Program


def item_sum(context: Context) -> Iterator[Finding]:
    """A program's amount equals the sum of its items' amounts (when it has items)."""
    for path, program in context.programs:
        if not program.items:
            continue
        total = sum([item.amount for item in program.items])
        if total != program.amount:
            yield context.sum_finding(
                "item-sum",
                (*path, "amount"),
                t("rule.item_sum", number=program.number, name=program.name),
                program.amount,
                total,
                (t("label.stated"), t("label.items_total")),
                t("rule.item_sum.hint"),
            )


def detail_amounts(item: Item) -> list[int]:
    """The amounts of an item's details that carry one."""
    return [detail.amount for detail in item.details if detail.amount is not None]


def detail_sum(context: Context) -> Iterator[Finding]:
    """An item's amount equals the sum of its details' amounts (when every detail has one)."""
    for path, program, item in context.items_with_details:
        amounts = detail_amounts(item)
        if len(amounts) < len(item.details) or sum(amounts) == item.amount:
            continue
        yield context.sum_finding(
            "detail-sum",
            (*path, "amount"),
            t("rule.detail_sum", program=program.number, number=item.number, name=item.name),
            item.amount,
            sum(amounts),
            (t("label.stated"), t("label.details_total")),
            t("rule.detail_sum.hint"),
        )


def program_sum(context: Context) -> Iterator[Finding]:
    """A policy's amount equals the sum of its programs' amounts."""
    for path, policy in context.policies:
        total = sum([program.amount for program in policy.programs])
        if total != policy.amount:
            yield context.sum_finding(
                "program-sum",
                (*path, "amount"),
                t("rule.program_sum", number=policy.number, title=policy.title),
                policy.amount,
                total,
                (t("label.stated"), t("label.programs_total")),
                t("rule.program_sum.hint"),
            )


def policy_sum(context: Context) -> Iterator[Finding]:
    """The ledger's amount, when given, equals the sum of its policies' amounts."""
    ledger = context.ledger
    total = sum(policy.amount for policy in ledger.policies)
    if ledger.amount is not None and total != ledger.amount:
        yield context.sum_finding(
            "policy-sum",
            ("amount",),
            t("rule.policy_sum"),
            ledger.amount,
            total,
            (t("label.stated"), t("label.policies_total")),
            t("rule.policy_sum.hint"),
        )


def program_count(context: Context) -> Iterator[Finding]:
    """A policy's program_count, when given, equals its number of programs."""
    for path, policy in context.policies:
        stated, counted = policy.program_count, len(policy.programs)
        if stated is None or stated == counted:
            continue
        yield context.finding(
            "program-count",
            Severity.ERROR,
            (*path, "program_count"),
            t("rule.program_count", number=policy.number),
            expected=stated,
            actual=counted,
            difference=counted - stated,
            labels=(t("label.stated_count"), t("label.counted")),
            hint=t("rule.program_count.hint"),
        )


def change(context: Context) -> Iterator[Finding]:
    """A printed change (増減) equals amount − prior_amount, for a policy or a program that
    prints all three."""
    places: list[tuple[Path, Policy | Program, str]] = []
    for path, policy in context.policies:
        places.append((path, policy, t("rule.change.policy", number=policy.number)))
        for index, program in enumerate(policy.programs):
            where = t("rule.change.program", policy=policy.number, number=program.number)
            places.append(((*path, "programs", index), program, where))
    for path, part, where in places:
        if part.change is None or part.prior_amount is None:
            continue
        computed = part.amount - part.prior_amount
        if computed == part.change:
            continue
        yield context.finding(
            "change",
            Severity.ERROR,
            (*path, "change"),
            t("rule.change", where=where),
            expected=part.change,
            actual=computed,
            difference=computed - part.change,
            labels=(t("label.printed_change"), t("label.computed_change")),
            hint=t("rule.change.hint"),
        )
