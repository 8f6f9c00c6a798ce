"""The report: a ledger as one self-contained HTML page (chart, sections, tags, programs).

    html = report_html(ledger, checked.findings, "programs.yaml")   # UTF-8 bytes

content.py decides every word and figure the page shows, chart.py and treemap.py where each
rectangle goes, palette.py its colours, render.py writes the page through its template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from izumi_ledger.findings import Finding
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.models import Ledger


def report_html(
    ledger: Ledger,
    findings: tuple[Finding, ...],
    ledger_name: str,
    earlier: Sequence[Ledger] = (),
    units: Mapping[str, Unit] | None = None,
) -> bytes:
    """The page of a checked ledger (with the trend over the ward's earlier years, when
    given), in the current language, as UTF-8."""
    from izumi_ledger.report.content import build_page
    from izumi_ledger.report.render import render_page

    # Every text of the page went through visible(), which escapes lone surrogates; should
    # one be left, it is written as its escape rather than failing the whole page.
    return render_page(build_page(ledger, findings, ledger_name, earlier, units)).encode(
        "utf-8", "backslashreplace"
    )
