"""What a heading says of a ledger that fails `izumi check`: that its figures do not add up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from izumi_ledger.cli.messages import t

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
    lines = [t("status.failing", count=checked.errors, ledger=checked.name)]
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
