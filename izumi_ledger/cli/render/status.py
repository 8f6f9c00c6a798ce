"""What a heading says of a ledger that fails `izumi check`: that its figures do not add up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from izumi_ledger.cli.messages import t
from izumi_ledger.findings import Severity

# The rules whose errors mean the figures do not add up.
FIGURE_RULES = frozenset({"item-sum", "detail-sum", "program-sum", "policy-sum", "program-count"})

if TYPE_CHECKING:
    from izumi_ledger.cli.render.figures import Figures
    from izumi_ledger.loading import Checked


def failing_lines(
    checked: Checked,
    figures: Figures | None = None,
    stated: int | None = None,
    added: int | None = None,
) -> list[str]:
    """Nothing for a ledger whose figures add up; otherwise a line saying they do not, and,
    where the total the table closes with (stated) is not the sum of its rows (added), both."""
    if not checked.errors:
        return []
    from izumi_ledger.cli.ledger import check_command

    command = check_command(checked.name)
    figures_wrong = any(
        finding.rule in FIGURE_RULES and finding.severity is Severity.ERROR
        for finding in checked.findings
    )
    if not figures_wrong:  # a name or a number is wrong, not a sum
        return [t("status.errors", count=checked.errors, command=command)]
    lines = [t("status.failing", count=checked.errors, command=command)]
    if figures is not None and stated is not None and added is not None and stated != added:
        lines.append(
            t(
                "status.both",
                stated=figures.text(stated),
                added=figures.text(added),
                difference=figures.change_text(added - stated),
            )
        )
    return lines
