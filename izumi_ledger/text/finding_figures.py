"""The figures of a finding for people: what the document says, what its parts add up to,
and the difference, each named as the rule names them (文書の額, 細事業の合計, 差)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount, format_count

if TYPE_CHECKING:
    from izumi_ledger.findings import Finding
    from izumi_ledger.format.amounts import Unit

# The rules whose figures are amounts (in the ledger's unit); the others count things.
AMOUNT_RULES: Final = frozenset(
    {"item-sum", "detail-sum", "program-sum", "policy-sum", "rounding", "change", "prior-year"}
)


def labels_of(finding: Finding) -> tuple[str, str]:
    """How expected and actual are named for people."""
    if len(finding.labels) == 2:
        return finding.labels[0], finding.labels[1]
    return t("label.expected"), t("label.actual")


def figure_rows(finding: Finding, unit: Unit | None) -> list[tuple[str, str]]:
    """(name, figure) for what the finding compares; none when it compares no figures."""
    if finding.expected is None:
        return []
    as_amount = finding.rule in AMOUNT_RULES and unit is not None

    def show(value: int | str | None) -> str:
        if value is None:
            return "—"
        if isinstance(value, str):
            return value
        if as_amount and unit is not None:
            return format_amount(value, unit)
        return format_count(value)

    expected_label, actual_label = labels_of(finding)
    rows = [(expected_label, show(finding.expected)), (actual_label, show(finding.actual))]
    if finding.difference:
        direction = "label.more" if finding.difference > 0 else "label.less"
        sign = "+" if finding.difference > 0 else ""
        shown = f"{sign}{show(finding.difference)}{t(direction, label=actual_label)}"
        rows.append((t("label.difference"), shown))
    return rows
