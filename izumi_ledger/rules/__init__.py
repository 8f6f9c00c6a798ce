"""The rules of `izumi check`: one function each, in one list, named as in the format's table.

Each rule is given the ledger and where its values sit, and yields a finding for every place
that breaks it; `apply_rules` runs them all and returns the findings in file order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Final

from izumi_ledger.findings import Finding
from izumi_ledger.rules.characters import name_character
from izumi_ledger.rules.clerks import duplicate_name, fiscal_year_source, name_spaces, prior_sum
from izumi_ledger.rules.context import Context
from izumi_ledger.rules.details import partial_details
from izumi_ledger.rules.limits import amount_too_large, tolerance_too_large
from izumi_ledger.rules.names import look_alike_name, repeated_name
from izumi_ledger.rules.numbering import numbering
from izumi_ledger.rules.sections import no_section, unknown_section, unused_section
from izumi_ledger.rules.sums import (
    change,
    detail_sum,
    item_sum,
    policy_sum,
    program_count,
    program_sum,
)
from izumi_ledger.source.positions import SourceMap

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger

Rule = Callable[[Context], Iterable[Finding]]

RULES: Final[dict[str, Rule]] = {
    "item-sum": item_sum,
    "detail-sum": detail_sum,
    "program-sum": program_sum,
    "policy-sum": policy_sum,
    "program-count": program_count,
    "change": change,
    "numbering": numbering,
    "amount-too-large": amount_too_large,
    "tolerance-too-large": tolerance_too_large,
    "unknown-section": unknown_section,
    "repeated-name": repeated_name,
    "name-character": name_character,
    "look-alike-name": look_alike_name,
    "no-section": no_section,
    "partial-details": partial_details,
    "unused-section": unused_section,
    "duplicate-name": duplicate_name,
    "name-spaces": name_spaces,
    "prior-sum": prior_sum,
    "fiscal-year-source": fiscal_year_source,
}
# `rounding` has no rule of its own: each sum rule reports a difference within the ledger's
# tolerance under that name, as a warning.
RULE_NAMES: Final = (*RULES, "rounding")


def apply_rules(ledger: Ledger, source: SourceMap) -> list[Finding]:
    """Every finding of every rule, in file order."""
    context = Context(ledger, source)
    findings = [finding for rule in RULES.values() for finding in rule(context)]
    findings.sort(key=lambda finding: (finding.line, finding.column, finding.rule))
    return findings
