"""The rules of `izumi check`, one function each, named as in the format's rule table."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .amounts import format_amount
from .findings import Finding, Path, Severity, format_path
from .messages import t
from .models import DETAIL_LABELS, Item, Ledger, Policy, Program
from .yamlsource import SourceMap


@dataclass(frozen=True)
class Context:
    ledger: Ledger
    source: SourceMap

    def finding(
        self,
        rule: str,
        severity: Severity,
        path: Path,
        message: str,
        *,
        expected: int | str | None = None,
        actual: int | str | None = None,
        difference: int | None = None,
        hint: str = "",
        labels: tuple[str, ...] = (),
    ) -> Finding:
        position = self.source.position(path)
        return Finding(
            rule,
            severity,
            self.source.file,
            position.line,
            position.column,
            format_path(path),
            message,
            expected,
            actual,
            difference,
            hint,
            labels,
        )

    def sum_findings(
        self,
        rule: str,
        path: Path,
        message: str,
        stated: int,
        parts_total: int,
        labels: tuple[str, str],
        hint: str,
    ) -> Iterator[Finding]:
        """A finding when parts_total differs from stated: a warning within the tolerance."""
        difference = parts_total - stated
        if difference == 0:
            return
        if abs(difference) <= self.ledger.tolerance:
            unit = self.ledger.unit
            yield self.finding(
                "rounding",
                Severity.WARNING,
                path,
                t(
                    "rule.rounding",
                    message=message,
                    difference=format_amount(difference, unit),
                    tolerance=format_amount(self.ledger.tolerance, unit),
                ),
                expected=stated,
                actual=parts_total,
                difference=difference,
                labels=labels,
                hint=t("rule.rounding.hint"),
            )
            return
        yield self.finding(
            rule,
            Severity.ERROR,
            path,
            message,
            expected=stated,
            actual=parts_total,
            difference=difference,
            labels=labels,
            hint=hint,
        )


Rule = Callable[[Context], Iterator[Finding]]


def _programs(ledger: Ledger) -> Iterator[tuple[Path, Policy, Program]]:
    """Every program with its path and policy."""
    for p_index, policy in enumerate(ledger.policies):
        for g_index, program in enumerate(policy.programs):
            yield ("policies", p_index, "programs", g_index), policy, program


def _items(ledger: Ledger) -> Iterator[tuple[Path, Program, Item]]:
    """Every item with its path and program."""
    for program_path, _, program in _programs(ledger):
        for i_index, item in enumerate(program.items):
            yield (*program_path, "items", i_index), program, item


def item_sum(context: Context) -> Iterator[Finding]:
    """A program's amount equals the sum of its items' amounts (when it has items)."""
    for path, _, program in _programs(context.ledger):
        total = sum(item.amount for item in program.items)
        # Messages are written only for a sum that is off: most are not, and there are many.
        if program.items and total != program.amount:
            yield from context.sum_findings(
                "item-sum",
                (*path, "amount"),
                t("rule.item_sum", number=program.number, name=program.name),
                program.amount,
                total,
                (t("label.stated"), t("label.items_total")),
                t("rule.item_sum.hint"),
            )


def detail_sum(context: Context) -> Iterator[Finding]:
    """An item's amount equals the sum of its details' amounts (when every detail has one)."""
    for path, program, item in _items(context.ledger):
        amounts = [detail.amount for detail in item.details if detail.amount is not None]
        complete = item.details and len(amounts) == len(item.details)
        if complete and sum(amounts) != item.amount:
            yield from context.sum_findings(
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
    for p_index, policy in enumerate(context.ledger.policies):
        total = sum(program.amount for program in policy.programs)
        if total == policy.amount:
            continue
        yield from context.sum_findings(
            "program-sum",
            ("policies", p_index, "amount"),
            t("rule.program_sum", number=policy.number, title=policy.title),
            policy.amount,
            total,
            (t("label.stated"), t("label.programs_total")),
            t("rule.program_sum.hint"),
        )


def policy_sum(context: Context) -> Iterator[Finding]:
    """The ledger's amount, when given, equals the sum of its policies' amounts."""
    ledger = context.ledger
    if ledger.amount is not None:
        yield from context.sum_findings(
            "policy-sum",
            ("amount",),
            t("rule.policy_sum"),
            ledger.amount,
            sum(policy.amount for policy in ledger.policies),
            (t("label.stated"), t("label.policies_total")),
            t("rule.policy_sum.hint"),
        )


def program_count(context: Context) -> Iterator[Finding]:
    """A policy's program_count, when given, equals its number of programs."""
    for p_index, policy in enumerate(context.ledger.policies):
        if policy.program_count is None or policy.program_count == len(policy.programs):
            continue
        yield context.finding(
            "program-count",
            Severity.ERROR,
            ("policies", p_index, "program_count"),
            t("rule.program_count", number=policy.number),
            expected=policy.program_count,
            actual=len(policy.programs),
            difference=len(policy.programs) - policy.program_count,
            labels=(t("label.stated_count"), t("label.counted")),
            hint=t("rule.program_count.hint"),
        )


def numbering(context: Context) -> Iterator[Finding]:
    """Numbers run 1, 2, 3 … at each level; detail labels run ア, イ, ウ …"""
    ledger = context.ledger
    yield from _policy_numbers(context, [policy.number for policy in ledger.policies])
    for p_index, policy in enumerate(ledger.policies):
        numbers = [program.number for program in policy.programs]
        yield from _sequence(
            context, ("policies", p_index, "programs"), numbers, "word.program_number"
        )
    for path, _, program in _programs(ledger):
        numbers = [item.number for item in program.items]
        yield from _sequence(context, (*path, "items"), numbers, "word.item_number")
    for path, _, item in _items(ledger):
        written = "".join(detail.label for detail in item.details)
        if written == DETAIL_LABELS[: len(written)]:
            continue  # ア, イ, ウ … in order: the usual case, told at once
        labels = [DETAIL_LABELS.index(detail.label) + 1 for detail in item.details]
        yield from _sequence(
            context, (*path, "details"), labels, "word.detail_label", field="label"
        )


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


def _display(value: int, field: str) -> str:
    return DETAIL_LABELS[value - 1] if field == "label" else str(value)


def _sequence(
    context: Context, list_path: Path, numbers: Sequence[int], what_key: str, field: str = "number"
) -> Iterator[Finding]:
    """Findings where a 1, 2, 3 … (or ア, イ, ウ …) sequence skips or repeats; what_key names
    the numbers in messages."""
    if all(number == index for index, number in enumerate(numbers, 1)):
        return  # in order: the usual case, decided without building any message
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


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name)


def unknown_section(context: Context) -> Iterator[Finding]:
    """Every section a program names is in the ledger's sections."""
    known = context.ledger.sections
    folded = {_fold(name): name for name in known}
    for path, _, program in _programs(context.ledger):
        for s_index, section in enumerate(program.sections):
            if section in known:
                continue
            close = difflib.get_close_matches(_fold(section), list(folded), n=1, cutoff=0.5)
            yield context.finding(
                "unknown-section",
                Severity.ERROR,
                (*path, "sections", s_index),
                t(
                    "rule.unknown_section",
                    number=program.number,
                    name=program.name,
                    section=section,
                ),
                actual=section,
                hint=t("hint.did_you_mean", name=folded[close[0]])
                if close
                else t("rule.unknown_section.hint"),
            )


def no_section(context: Context) -> Iterator[Finding]:
    """A program names no section."""
    for path, _, program in _programs(context.ledger):
        if not program.sections:
            yield context.finding(
                "no-section",
                Severity.WARNING,
                (*path, "sections"),
                t("rule.no_section", number=program.number, name=program.name),
                hint=t("rule.no_section.hint"),
            )


def partial_details(context: Context) -> Iterator[Finding]:
    """Some but not all details of an item carry an amount."""
    for path, program, item in _items(context.ledger):
        with_amount = sum(1 for detail in item.details if detail.amount is not None)
        if 0 < with_amount < len(item.details):
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


def unused_section(context: Context) -> Iterator[Finding]:
    """A listed section that no program names."""
    named = {section for _, _, program in _programs(context.ledger) for section in program.sections}
    for index, section in enumerate(context.ledger.sections):
        if section not in named:
            yield context.finding(
                "unused-section",
                Severity.WARNING,
                ("sections", index),
                t("rule.unused_section", section=section),
                hint=t("rule.unused_section.hint"),
            )


RULES: dict[str, Rule] = {
    "item-sum": item_sum,
    "detail-sum": detail_sum,
    "program-sum": program_sum,
    "policy-sum": policy_sum,
    "program-count": program_count,
    "numbering": numbering,
    "unknown-section": unknown_section,
    "no-section": no_section,
    "partial-details": partial_details,
    "unused-section": unused_section,
}
# `rounding` has no function of its own: each sum rule reports a difference within the
# ledger's tolerance under that name, as a warning.
RULE_NAMES = (*RULES, "rounding")


def check(ledger: Ledger, source: SourceMap) -> list[Finding]:
    """Every finding of every rule, in file order."""
    context = Context(ledger, source)
    findings = [finding for rule in RULES.values() for finding in rule(context)]
    findings.sort(key=lambda finding: (finding.line, finding.column, finding.rule))
    return findings
