"""The rules of `izumi check`, one class each, named as in the format's rule table."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from izumi_ledger.findings import Finding, Path, Severity, format_path
from izumi_ledger.format.amounts import format_amount
from izumi_ledger.format.models import DETAIL_LABELS, Item, Ledger, Policy, Program
from izumi_ledger.source.reader import SourceMap
from izumi_ledger.text.messages import t


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


NO_FINDINGS: tuple[Finding, ...] = ()


class Rule:
    """A rule of the table. check() walks the ledger once and asks each rule about every node
    of the levels it looks at; a rule says nothing (the usual case) without building any text."""

    def ledger(self, context: Context) -> Iterable[Finding]:
        return NO_FINDINGS

    def policy(self, context: Context, path: Path, policy: Policy) -> Iterable[Finding]:
        return NO_FINDINGS

    def program(self, context: Context, path: Path, program: Program) -> Iterable[Finding]:
        return NO_FINDINGS

    def details(
        self, context: Context, path: Path, program: Program, item: Item
    ) -> Iterable[Finding]:
        """Asked only about items that have details."""
        return NO_FINDINGS


class ItemSum(Rule):
    """A program's amount equals the sum of its items' amounts (when it has items)."""

    def program(self, context: Context, path: Path, program: Program) -> Iterable[Finding]:
        if not program.items:
            return NO_FINDINGS
        total = sum(item.amount for item in program.items)
        if total == program.amount:
            return NO_FINDINGS
        return context.sum_findings(
            "item-sum",
            (*path, "amount"),
            t("rule.item_sum", number=program.number, name=program.name),
            program.amount,
            total,
            (t("label.stated"), t("label.items_total")),
            t("rule.item_sum.hint"),
        )


def _detail_amounts(item: Item) -> list[int]:
    return [detail.amount for detail in item.details if detail.amount is not None]


class DetailSum(Rule):
    """An item's amount equals the sum of its details' amounts (when every detail has one)."""

    def details(
        self, context: Context, path: Path, program: Program, item: Item
    ) -> Iterable[Finding]:
        amounts = _detail_amounts(item)
        if len(amounts) < len(item.details) or sum(amounts) == item.amount:
            return NO_FINDINGS
        return context.sum_findings(
            "detail-sum",
            (*path, "amount"),
            t("rule.detail_sum", program=program.number, number=item.number, name=item.name),
            item.amount,
            sum(amounts),
            (t("label.stated"), t("label.details_total")),
            t("rule.detail_sum.hint"),
        )


class ProgramSum(Rule):
    """A policy's amount equals the sum of its programs' amounts."""

    def policy(self, context: Context, path: Path, policy: Policy) -> Iterable[Finding]:
        total = sum(program.amount for program in policy.programs)
        if total == policy.amount:
            return NO_FINDINGS
        return context.sum_findings(
            "program-sum",
            (*path, "amount"),
            t("rule.program_sum", number=policy.number, title=policy.title),
            policy.amount,
            total,
            (t("label.stated"), t("label.programs_total")),
            t("rule.program_sum.hint"),
        )


class PolicySum(Rule):
    """The ledger's amount, when given, equals the sum of its policies' amounts."""

    def ledger(self, context: Context) -> Iterable[Finding]:
        ledger = context.ledger
        if ledger.amount is None:
            return NO_FINDINGS
        return context.sum_findings(
            "policy-sum",
            ("amount",),
            t("rule.policy_sum"),
            ledger.amount,
            sum(policy.amount for policy in ledger.policies),
            (t("label.stated"), t("label.policies_total")),
            t("rule.policy_sum.hint"),
        )


class ProgramCount(Rule):
    """A policy's program_count, when given, equals its number of programs."""

    def policy(self, context: Context, path: Path, policy: Policy) -> Iterable[Finding]:
        if policy.program_count is None or policy.program_count == len(policy.programs):
            return NO_FINDINGS
        return (
            context.finding(
                "program-count",
                Severity.ERROR,
                (*path, "program_count"),
                t("rule.program_count", number=policy.number),
                expected=policy.program_count,
                actual=len(policy.programs),
                difference=len(policy.programs) - policy.program_count,
                labels=(t("label.stated_count"), t("label.counted")),
                hint=t("rule.program_count.hint"),
            ),
        )


class Numbering(Rule):
    """Numbers run 1, 2, 3 … at each level; detail labels run ア, イ, ウ …"""

    def ledger(self, context: Context) -> Iterable[Finding]:
        return _policy_numbers(context, [policy.number for policy in context.ledger.policies])

    def policy(self, context: Context, path: Path, policy: Policy) -> Iterable[Finding]:
        numbers = [program.number for program in policy.programs]
        if _counts_up(numbers):
            return NO_FINDINGS
        return _sequence(context, (*path, "programs"), numbers, "word.program_number")

    def program(self, context: Context, path: Path, program: Program) -> Iterable[Finding]:
        numbers = [item.number for item in program.items]
        if _counts_up(numbers):
            return NO_FINDINGS
        return _sequence(context, (*path, "items"), numbers, "word.item_number")

    def details(
        self, context: Context, path: Path, program: Program, item: Item
    ) -> Iterable[Finding]:
        written = "".join(detail.label for detail in item.details)
        if written == DETAIL_LABELS[: len(written)]:
            return NO_FINDINGS  # ア, イ, ウ … in order: the usual case, told at once
        labels = [DETAIL_LABELS.index(detail.label) + 1 for detail in item.details]
        return _sequence(context, (*path, "details"), labels, "word.detail_label", field="label")


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


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKC", name)


class UnknownSection(Rule):
    """Every section a program names is in the ledger's sections."""

    def program(self, context: Context, path: Path, program: Program) -> Iterable[Finding]:
        known = context.ledger.sections
        if all(section in known for section in program.sections):
            return NO_FINDINGS
        folded = {_fold(name): name for name in known}
        findings = []
        for s_index, section in enumerate(program.sections):
            if section in known:
                continue
            close = difflib.get_close_matches(_fold(section), list(folded), n=1, cutoff=0.5)
            findings.append(
                context.finding(
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
            )
        return findings


class NoSection(Rule):
    """A program names no section."""

    def program(self, context: Context, path: Path, program: Program) -> Iterable[Finding]:
        if program.sections:
            return NO_FINDINGS
        return (
            context.finding(
                "no-section",
                Severity.WARNING,
                (*path, "sections"),
                t("rule.no_section", number=program.number, name=program.name),
                hint=t("rule.no_section.hint"),
            ),
        )


class PartialDetails(Rule):
    """Some but not all details of an item carry an amount."""

    def details(
        self, context: Context, path: Path, program: Program, item: Item
    ) -> Iterable[Finding]:
        with_amount = len(_detail_amounts(item))
        if with_amount in (0, len(item.details)):
            return NO_FINDINGS
        return (
            context.finding(
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
            ),
        )


class UnusedSection(Rule):
    """A listed section that no program names."""

    def ledger(self, context: Context) -> Iterable[Finding]:
        named = {
            section
            for policy in context.ledger.policies
            for program in policy.programs
            for section in program.sections
        }
        return [
            context.finding(
                "unused-section",
                Severity.WARNING,
                ("sections", index),
                t("rule.unused_section", section=section),
                hint=t("rule.unused_section.hint"),
            )
            for index, section in enumerate(context.ledger.sections)
            if section not in named
        ]


RULES: dict[str, Rule] = {
    "item-sum": ItemSum(),
    "detail-sum": DetailSum(),
    "program-sum": ProgramSum(),
    "policy-sum": PolicySum(),
    "program-count": ProgramCount(),
    "numbering": Numbering(),
    "unknown-section": UnknownSection(),
    "no-section": NoSection(),
    "partial-details": PartialDetails(),
    "unused-section": UnusedSection(),
}
# `rounding` has no rule of its own: each sum rule reports a difference within the ledger's
# tolerance under that name, as a warning.
RULE_NAMES = (*RULES, "rounding")


def _asked(level: str) -> list[Rule]:
    """The rules that look at nodes of this level (that define its method)."""
    return [
        rule for rule in RULES.values() if getattr(type(rule), level) is not getattr(Rule, level)
    ]


def check(ledger: Ledger, source: SourceMap) -> list[Finding]:
    """Every finding of every rule, in file order, from one walk over the ledger."""
    context = Context(ledger, source)
    of_policy = [rule.policy for rule in _asked("policy")]
    of_program = [rule.program for rule in _asked("program")]
    of_details = [rule.details for rule in _asked("details")]
    findings = [finding for rule in _asked("ledger") for finding in rule.ledger(context)]
    # An empty answer (the usual one) is not added: at a million items this loop is the rules'
    # whole cost.
    for p_index, policy in enumerate(ledger.policies):
        policy_path: Path = ("policies", p_index)
        for policy_rule in of_policy:
            if found := policy_rule(context, policy_path, policy):
                findings.extend(found)
        for g_index, program in enumerate(policy.programs):
            program_path: Path = (*policy_path, "programs", g_index)
            for program_rule in of_program:
                if found := program_rule(context, program_path, program):
                    findings.extend(found)
            for i_index, item in enumerate(program.items):
                if not item.details:
                    continue
                item_path: Path = (*program_path, "items", i_index)
                for details_rule in of_details:
                    if found := details_rule(context, item_path, program, item):
                        findings.extend(found)
    findings.sort(key=lambda finding: (finding.line, finding.column, finding.rule))
    return findings
