"""The page's content as plain data: each part of the report, its words and its figures
already written out, for the template to lay out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import Formatter
from typing import TYPE_CHECKING

from izumi_ledger.text.messages import CATALOG, current
from izumi_ledger.text.numbers import format_amount
from izumi_ledger.text.visible import visible

if TYPE_CHECKING:
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.report.chart import Chart
    from izumi_ledger.report.trend import TrendView


@dataclass(frozen=True)
class Fragment:
    """A part of a line of text; a figure (with its unit) is never broken across lines."""

    text: str
    figure: bool = False


Line = list[Fragment]


def said(message: str, figures: dict[str, str], **words: object) -> Line:
    """A catalog message as fragments: each of figures is one, kept whole; the words
    between are filled in as t() fills them."""
    line: Line = []
    for literal, name, spec, conversion in Formatter().parse(CATALOG[message][current()]):
        if literal:
            line.append(Fragment(literal))
        if name is None:
            continue
        if name in figures:
            line.append(Fragment(figures[name], figure=True))
        else:
            value = words[name]
            text = repr(value) if conversion == "r" else format(value, spec or "")
            line.append(Fragment(text))
    return line


def text_of(value: str | None, one_line: bool = True) -> str:
    """Ledger text for the page: as it is, with what would hide or reorder it escaped, and
    the lone surrogates of a file name that is not UTF-8 (which no page can hold) too."""
    if value is None:
        return ""
    shown = visible(value, one_line=one_line)
    if _SURROGATE.search(shown) is None:
        return shown
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", shown)


_SURROGATE = re.compile("[\ud800-\udfff]")


class Amounts:
    """Amounts of one ledger as the page shows them: 6,588千円, +2,430千円, △300千円."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    def text(self, amount: int | None) -> str:
        return "—" if amount is None else format_amount(amount, self.unit)

    def change(self, change: int | None) -> str:
        if change is None:
            return "—"
        return ("+" if change > 0 else "") + format_amount(change, self.unit)


@dataclass(frozen=True)
class Figure:
    """A labelled figure: 総額 26,397千円."""

    label: str
    parts: Line

    @classmethod
    def of(cls, label: str, text: str) -> Figure:
        return cls(label, [Fragment(text, figure=True)])


@dataclass(frozen=True)
class FindingLine:
    where: str
    severity: str
    message: str
    hint: str
    figures: list[tuple[str, str]]  # what the document says, what its parts add up to …


@dataclass(frozen=True)
class Status:
    ok: bool
    summary: str
    findings: list[FindingLine]
    banner: str  # "" when the figures add up


@dataclass(frozen=True)
class GroupRow:
    key: str
    sole: str
    shared: str
    amount: str
    share: str
    programs: list[tuple[str, str]]  # (anchor, label) of each program counted


@dataclass(frozen=True)
class GroupTable:
    anchor: str
    heading: str
    key_column: str
    rows: list[GroupRow]
    explained: list[str]


@dataclass(frozen=True)
class DetailView:
    label: str
    name: str
    text: str
    amount: str


@dataclass(frozen=True)
class ItemView:
    anchor: str
    number: str
    name: str
    amount: str
    tags: list[str]
    summary: str
    details: list[DetailView]


@dataclass(frozen=True)
class RelatedView:
    name: str
    funding: str
    amount: str
    summary: str
    notes: list[str]


@dataclass(frozen=True)
class ProgramView:
    anchor: str
    heading: str
    colour: str
    figures: list[Figure]
    sections: str
    tags: list[str]
    summary: str
    per_resident: Line
    items: list[ItemView]
    related: list[RelatedView]
    notes: list[str]


@dataclass(frozen=True)
class PolicyView:
    anchor: str
    heading: str
    figures: list[Figure]
    notes: list[str]
    programs: list[ProgramView]


@dataclass(frozen=True)
class Page:
    language: str
    title: str
    source: str
    figures: list[Figure]
    per_resident: Line
    population: Line
    status: Status
    charts: list[Chart]
    chart_explained: str
    chart_warnings: list[str]  # parts drawn in a whole they do not fit (a failing ledger)
    chart_keys: str  # how to use the chart on a screen (not printed)
    groups: list[GroupTable]
    policies: list[PolicyView]
    footer: str
    words: dict[str, str] = field(default_factory=dict)
    trend: TrendView | None = None  # of a collection of the ward's years
