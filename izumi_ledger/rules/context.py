"""What every rule is given: the ledger, where its values sit, and how to word a finding."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from izumi_ledger.findings import Finding, Path, Severity, format_path, quoted_window
from izumi_ledger.source.positions import SourceMap
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount

if TYPE_CHECKING:
    from izumi_ledger.format.models import Item, Ledger, Policy, Program


@dataclass(frozen=True)
class Context:
    ledger: Ledger
    source: SourceMap

    # The nodes every rule walks, each with its path, listed once for all of them: at 100,000
    # items each rule walking the ledger on its own took the rules from 0.11 s to 0.26 s.
    @cached_property
    def policies(self) -> list[tuple[Path, Policy]]:
        """Each policy."""
        return [(("policies", index), policy) for index, policy in enumerate(self.ledger.policies)]

    @cached_property
    def programs(self) -> list[tuple[Path, Program]]:
        """Each program of every policy."""
        return [
            ((*path, "programs", index), program)
            for path, policy in self.policies
            for index, program in enumerate(policy.programs)
        ]

    @cached_property
    def items_with_details(self) -> list[tuple[Path, Program, Item]]:
        """Each item that has details, with its program."""
        return [
            ((*path, "items", index), program, item)
            for path, program in self.programs
            for index, item in enumerate(program.items)
            if item.details
        ]

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
            # Quoted here rather than copied in later: a million findings (a million unused
            # sections) took a dataclass copy each.
            *quoted_window(self.source.line_text(position.line), position.column),
        )

    def sum_finding(
        self,
        rule: str,
        path: Path,
        message: str,
        stated: int,
        parts_total: int,
        labels: tuple[str, str],
        hint: str,
    ) -> Finding:
        """The finding of a sum that differs from what is stated: a warning within the
        ledger's tolerance (rule `rounding`), else an error of rule."""
        difference = parts_total - stated
        figures = {"expected": stated, "actual": parts_total, "difference": difference}
        if abs(difference) <= self.ledger.tolerance:
            unit = self.ledger.unit
            return self.finding(
                "rounding",
                Severity.WARNING,
                path,
                t(
                    "rule.rounding",
                    message=message,
                    difference=format_amount(difference, unit),
                    tolerance=format_amount(self.ledger.tolerance, unit),
                ),
                **figures,
                labels=labels,
                hint=t("rule.rounding.hint"),
            )
        return self.finding(
            rule, Severity.ERROR, path, message, **figures, labels=labels, hint=hint
        )
