"""Numbers run 1, 2, 3 … at each level, and detail labels ア, イ, ウ …"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from izumi_ledger.findings import Finding, Path, Severity
from izumi_ledger.format.values import DETAIL_LABELS
from izumi_ledger.rules.context import Context
from izumi_ledger.text.messages import t


def numbering(context: Context) -> Iterator[Finding]:
    """Policies are unique and rising; programs, items and details run from the first
    without gaps or repeats."""
    yield from _policy_numbers(context, [policy.number for policy in context.ledger.policies])
    for path, policy in context.policies:
        numbers = [program.number for program in policy.programs]
        if not _counts_up(numbers):
            yield from _sequence(context, (*path, "programs"), numbers, "word.program_number")
    for path, program in context.programs:
        numbers = [item.number for item in program.items]
        if not _counts_up(numbers):
            yield from _sequence(context, (*path, "items"), numbers, "word.item_number")
    for path, _, item in context.items_with_details:
        written = "".join(detail.label for detail in item.details)
        if written == DETAIL_LABELS[: len(written)]:
            continue  # ア, イ, ウ … in order: the usual case, told at once
        labels = [DETAIL_LABELS.index(detail.label) + 1 for detail in item.details]
        yield from _sequence(context, (*path, "details"), labels, "word.detail_label", "label")


def _policy_numbers(context: Context, numbers: Sequence[int]) -> Iterator[Finding]:
    # A ledger may hold an excerpt (policy 2 alone), so policies need only be unique and rising.
    seen: dict[int, int] = {}
    previous = 0
    for index, number in enumerate(numbers):
        path: Path = ("policies", index, "number")
        if number in seen:
            first = context.source.position(("policies", seen[number], "number")).line
            yield context.finding(
                "numbering",
                Severity.ERROR,
                path,
                t("rule.policy_repeat", number=number, first=first),
                actual=number,
                hint=t("rule.check_numbers"),
            )
        elif number < previous:
            yield context.finding(
                "numbering",
                Severity.ERROR,
                path,
                t("rule.policy_order", number=number, previous=previous),
                expected=previous + 1,
                actual=number,
                labels=(t("label.in_order"), t("label.written")),
                hint=t("rule.policy_order.hint"),
            )
        seen.setdefault(number, index)
        previous = max(previous, number)


def _counts_up(numbers: list[int]) -> bool:
    """1, 2, 3 … in order: the usual case, decided without building any message."""
    return numbers == list(range(1, len(numbers) + 1))


def _display(value: int, field: str) -> str:
    return DETAIL_LABELS[value - 1] if field == "label" else str(value)


def _sequence(
    context: Context, list_path: Path, numbers: Sequence[int], what_key: str, field: str = "number"
) -> Iterator[Finding]:
    """Findings where a 1, 2, 3 … (or ア, イ, ウ …) sequence skips or repeats; what_key names
    the numbers in messages."""
    what = t(what_key)
    expected = 1
    seen: dict[int, int] = {}
    for index, number in enumerate(numbers):
        path: Path = (*list_path, index, field)
        shown, wanted = _display(number, field), _display(expected, field)
        message = hint = ""
        if number in seen:
            first = context.source.position((*list_path, seen[number], field)).line
            message = t("rule.sequence_repeat", what=what, shown=shown, first=first)
            hint = t("rule.check_numbers")
        elif number != expected:
            message = t("rule.sequence_gap", what=what, wanted=wanted, shown=shown)
            hint = t("rule.sequence_gap.hint")
        if message:
            yield context.finding(
                "numbering",
                Severity.ERROR,
                path,
                message,
                expected=wanted,
                actual=shown,
                labels=(t("label.in_order"), t("label.written")),
                hint=hint,
            )
        if number not in seen:  # after a gap, count on from the number written
            seen[number] = index
            expected = number + 1
