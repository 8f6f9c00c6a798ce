"""Details either all carry an amount or none do, so that their sum can be checked."""

from __future__ import annotations

from collections.abc import Iterator

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.rules.context import Context
from izumi_ledger.rules.sums import detail_amounts
from izumi_ledger.text.messages import t


def partial_details(context: Context) -> Iterator[Finding]:
    """Some but not all details of an item carry an amount."""
    for path, program, item in context.items_with_details:
        with_amount = len(detail_amounts(item))
        if with_amount in (0, len(item.details)):
            continue
        yield context.finding(
            "partial-details",
            Severity.WARNING,
            (*path, "details"),
            t(
                "rule.partial_details",
                program=program.number,
                number=item.number,
                count=len(item.details),
                with_amount=with_amount,
            ),
            expected=len(item.details),
            actual=with_amount,
            labels=(t("label.details"), t("label.with_amount")),
            hint=t("rule.partial_details.hint"),
        )
