"""The trend of a ward's budget over the years of a collection: each program's amount in
every year, and the programs that changed the most into the latest year.

Programs are paired across the years as `izumi diff` pairs them (figures/timeline.py): a
renamed one keeps its row, under its latest name with the former ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from izumi_ledger.figures.timeline import Line, timeline
from izumi_ledger.report.view import Amounts, text_of
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import percent_of

if TYPE_CHECKING:
    from izumi_ledger.format.models import Ledger
    from izumi_ledger.report.anchors import Anchors

# How many programs the list of the biggest changes names.
BIGGEST: Final = 5
# The small bars beside each row: their area, in SVG units (the figures are in the cells).
BAR_WIDTH: Final = 10
BAR_GAP: Final = 3
BAR_HEIGHT: Final = 24


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class TrendRow:
    name: str
    former: str  # 「旧: …」, or ""
    anchor: str  # the program in the latest year's part of the page, or ""
    amounts: list[str]
    bars: list[Bar]
    bars_width: int


@dataclass(frozen=True)
class ChangeRow:
    name: str
    anchor: str
    change: str
    ratio: str
    note: str  # new, or not in the latest year


@dataclass(frozen=True)
class TrendView:
    heading: str
    explained: str
    years: list[str]
    totals: list[str]
    rows: list[TrendRow]
    changes_heading: str
    changes: list[ChangeRow]


def trend_view(ledgers: list[Ledger], anchors: Anchors) -> TrendView:
    """The trend of the ledgers (one ward's, oldest first); anchors are those of the latest."""
    line = timeline(ledgers)
    amounts = Amounts(line.unit)
    latest = ledgers[-1]
    programs = [entry for entry in line.lines if entry.level == "program"]
    rows = [_row(entry, amounts, _anchor(entry, latest, anchors)) for entry in programs]
    last = len(line.years) - 1
    moved = [entry for entry in programs if _moved(entry, last) not in (None, 0)]
    moved.sort(key=lambda entry: (-abs(_moved(entry, last) or 0), entry.policy, entry.number))
    changes = [
        _change(entry, last, amounts, _anchor(entry, latest, anchors), line.years[last - 1])
        for entry in moved[:BIGGEST]
    ]
    return TrendView(
        heading=t("report.trend_heading", first=line.years[0], last=line.years[-1]),
        explained=t("report.trend_explained"),
        years=[t("report.trend_year", year=year) for year in line.years],
        totals=[amounts.text(total) for total in line.totals],
        rows=rows,
        changes_heading=t("report.changes_heading", year=line.years[last]),
        changes=changes,
    )


def _anchor(entry: Line, latest: Ledger, anchors: Anchors) -> str:
    number = entry.numbers[-1]
    if number is None:
        return ""
    for policy in latest.policies:
        if policy.number == entry.policy:
            for program in policy.programs:
                if program.number == number:
                    return anchors[program]
    return ""


def _row(entry: Line, amounts: Amounts, anchor: str) -> TrendRow:
    largest = max((amount for amount in entry.amounts if amount is not None), default=0)
    bars = []
    for index, amount in enumerate(entry.amounts):
        if amount is None or amount <= 0 or largest <= 0:
            continue
        # Rounded up, so a small amount is still seen; the cells give the figure itself.
        height = max(1, -(-amount * BAR_HEIGHT // largest))
        bars.append(Bar(index * (BAR_WIDTH + BAR_GAP), BAR_HEIGHT - height, height))
    former = t("report.trend_formerly", names="、".join(text_of(n) for n in entry.former_names))
    return TrendRow(
        name=text_of(entry.name),
        former=former if entry.former_names else "",
        anchor=anchor,
        amounts=[amounts.text(amount) for amount in entry.amounts],
        bars=bars,
        bars_width=len(entry.amounts) * (BAR_WIDTH + BAR_GAP) - BAR_GAP,
    )


def _moved(entry: Line, last: int) -> int | None:
    """The change into the latest year: a program new that year counts its whole amount, one
    gone its whole amount as a decrease; None when it is in neither of the two years."""
    if last == 0:
        return None
    before, now = entry.amounts[last - 1], entry.amounts[last]
    if before is None and now is None:
        return None
    return (now or 0) - (before or 0)


def _change(entry: Line, last: int, amounts: Amounts, anchor: str, before: int) -> ChangeRow:
    change = _moved(entry, last) or 0
    ratio = entry.change_ratio(last)
    note = ""
    if entry.amounts[last - 1] is None:
        note = t("report.change_new", year=before)
    elif entry.amounts[last] is None:
        note = t("report.change_gone")
    return ChangeRow(
        name=text_of(entry.name),
        anchor=anchor,
        change=amounts.change(change),
        ratio="" if ratio is None else percent_of(Decimal(ratio), signed=True),
        note=note,
    )
