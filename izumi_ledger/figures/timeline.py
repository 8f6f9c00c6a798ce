"""One ward's budget over the years: each policy and program in a row, a column per year.

Programs are paired from each year to the next as `izumi diff` pairs them (number and name,
then name, then alike names), so a program renamed or renumbered stays on its row; one added
or dropped has no amount in the years it is not in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from izumi_ledger.figures.compare import matched
from izumi_ledger.figures.totals import GroupBy, group_totals, ledger_total
from izumi_ledger.format.amounts import UNIT_IN_YEN, Unit
from izumi_ledger.format.models import Ledger, Program


class Series:
    """Amounts over the years (None where a year has none), and each year's change."""

    amounts: list[int | None]

    def change(self, year: int) -> int | None:
        """The change into year (an index) from the year before; None without both."""
        if year == 0:
            return None
        before, now = self.amounts[year - 1], self.amounts[year]
        return None if before is None or now is None else now - before

    def change_ratio(self, year: int) -> Decimal | None:
        change = self.change(year)
        before = self.amounts[year - 1] if year else None
        return None if change is None or not before else Decimal(change) / Decimal(before)


@dataclass
class Line(Series):
    """A policy or a program across the years; None where it is not in a year's ledger."""

    level: str  # "policy" or "program"
    policy: int
    numbers: list[int | None]
    names: list[str | None]
    amounts: list[int | None]

    @property
    def name(self) -> str:
        """Its latest name."""
        return next(name for name in reversed(self.names) if name is not None)

    @property
    def number(self) -> int:
        return next(number for number in reversed(self.numbers) if number is not None)

    @property
    def former_names(self) -> list[str]:
        """The names it had before its latest, oldest first, each once."""
        latest = self.name
        return list(dict.fromkeys(name for name in self.names if name not in (None, latest)))


@dataclass
class Timeline:
    years: list[int]
    unit: Unit
    totals: list[int]
    lines: list[Line] = field(default_factory=list)


def timeline(ledgers: Sequence[Ledger]) -> Timeline:
    """The ledgers of one ward, oldest first, side by side in the finest of their units."""
    unit: Unit = min((ledger.unit for ledger in ledgers), key=lambda name: UNIT_IN_YEN[name])
    scales = [UNIT_IN_YEN[ledger.unit] // UNIT_IN_YEN[unit] for ledger in ledgers]
    count = len(ledgers)
    result = Timeline(
        [ledger.fiscal_year for ledger in ledgers],
        unit,
        [ledger_total(ledger) * scale for ledger, scale in zip(ledgers, scales, strict=True)],
    )
    numbers = sorted({policy.number for ledger in ledgers for policy in ledger.policies})
    for number in numbers:
        policy_line = Line("policy", number, [None] * count, [None] * count, [None] * count)
        rows: list[Line] = []
        # Each program of the year before, by id, and the row it is on.
        row_of: dict[int, Line] = {}
        previous: list[Program] = []
        for year, (ledger, scale) in enumerate(zip(ledgers, scales, strict=True)):
            policy = next((p for p in ledger.policies if p.number == number), None)
            programs = list(policy.programs) if policy is not None else []
            if policy is not None:
                policy_line.numbers[year] = policy.number
                policy_line.names[year] = policy.title
                policy_line.amounts[year] = policy.amount * scale
            current: dict[int, Line] = {}
            for old, new in matched(previous, programs):
                if new is None:
                    continue
                line = row_of.get(id(old)) if old is not None else None
                if line is None:
                    line = Line("program", number, [None] * count, [None] * count, [None] * count)
                    rows.append(line)
                line.numbers[year] = new.number
                line.names[year] = new.name
                line.amounts[year] = new.amount * scale
                current[id(new)] = line
            row_of, previous = current, programs
        result.lines.append(policy_line)
        # Programs in their latest order; those dropped after, where they last stood.
        result.lines.extend(sorted(rows, key=_latest_place))
    return result


def _latest_place(line: Line) -> tuple[int, int]:
    last = max(index for index, number in enumerate(line.numbers) if number is not None)
    return (-last, line.numbers[last] or 0)


@dataclass
class GroupLine(Series):
    """A section, tag or policy across the years: its amount in each (None where absent)."""

    key: str
    amounts: list[int | None]


def group_timeline(ledgers: Sequence[Ledger], by: GroupBy) -> tuple[Unit, list[GroupLine]]:
    """Each key's totals over the years (as `totals --by` counts them), in the finest unit;
    keys in the latest year's order, then those of earlier years. Policies are keyed by
    number and named by their latest title."""
    unit: Unit = min((ledger.unit for ledger in ledgers), key=lambda name: UNIT_IN_YEN[name])
    lines: dict[str, GroupLine] = {}
    titles: dict[str, str] = {}
    for year, ledger in reversed(list(enumerate(ledgers))):
        scale = UNIT_IN_YEN[ledger.unit] // UNIT_IN_YEN[unit]
        if by == "policy":
            keyed = [
                (str(policy.number), policy.title, policy.amount) for policy in ledger.policies
            ]
        else:
            keyed = [(group.key, group.key, group.amount) for group in group_totals(ledger, by)]
        for key, title, amount in keyed:
            line = lines.setdefault(key, GroupLine(key, [None] * len(ledgers)))
            line.amounts[year] = amount * scale
            titles.setdefault(key, title)
    for key, line in lines.items():
        line.key = titles[key] if by != "policy" else f"{key} {titles[key]}"
    return unit, list(lines.values())


@dataclass
class WardLine(GroupLine):
    """A ward's whole budget across the years of a collection."""

    city: str = ""
    ward: str = ""


def ward_timeline(ledgers: Sequence[Ledger]) -> tuple[Unit, list[int], list[WardLine]]:
    """Each ward's whole over every year of the ledgers, in the finest of their units: a
    line per ward (by city, then ward), None in a year it has no ledger of."""
    unit: Unit = min((ledger.unit for ledger in ledgers), key=lambda name: UNIT_IN_YEN[name])
    years = sorted({ledger.fiscal_year for ledger in ledgers})
    lines: dict[tuple[str, str], WardLine] = {}
    for ledger in ledgers:
        place = (ledger.city, ledger.ward)
        line = lines.setdefault(
            place, WardLine(f"{ledger.city}{ledger.ward}", [None] * len(years), *place)
        )
        scale = UNIT_IN_YEN[ledger.unit] // UNIT_IN_YEN[unit]
        line.amounts[years.index(ledger.fiscal_year)] = ledger_total(ledger) * scale
    return unit, years, [lines[place] for place in sorted(lines)]
