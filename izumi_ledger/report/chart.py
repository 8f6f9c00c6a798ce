"""The treemap as the SVG draws it: a rectangle, a fill and an accessible name for each
policy, program and item, and the labels that fit inside them.

Three sizes are drawn, each at about the size it is shown: a wide one for desktops, a medium
one for tablets and paper, a narrow one for phones; the page shows the one that fits, so the
labels are never scaled below their size (12 and 13 px).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Final, Literal

from izumi_ledger.figures.totals import ledger_total, programs_of, share
from izumi_ledger.report import palette
from izumi_ledger.report.treemap import Box, Node, Placed, Room, place
from izumi_ledger.text.messages import t
from izumi_ledger.text.numbers import format_amount, percent_of
from izumi_ledger.text.visible import visible
from izumi_ledger.text.width import char_width

if TYPE_CHECKING:
    from izumi_ledger.format.amounts import Unit
    from izumi_ledger.format.models import Ledger, Policy, Program
    from izumi_ledger.report.anchors import Anchors

ChartSize = Literal["wide", "medium", "narrow"]


@dataclass(frozen=True)
class Shape:
    size: ChartSize
    width: int
    height: int
    font: int  # px of the labels
    room: Room


SHAPES: Final[dict[ChartSize, Shape]] = {
    "wide": Shape("wide", 1000, 560, 12, Room(bands=(24, 36))),
    "medium": Shape("medium", 720, 440, 12, Room(bands=(24, 36))),
    "narrow": Shape("narrow", 340, 520, 13, Room(bands=(26, 38))),
}
_PAD: Final = 5
POLICY_FILL: Final = "#333333"
# What a policy's programs leave of its amount: grey, no program's colour.
REST_FILL: Final = "#BDBDBD"


@dataclass(frozen=True)
class Label:
    x: str
    y: str
    text: str
    fill: str
    bold: bool
    end: bool = False  # anchored at its end (an amount at the right of a band)


@dataclass(frozen=True)
class Tile:
    x: str
    y: str
    width: str
    height: str
    fill: str
    href: str
    name: str  # the accessible name: what it is, and its figures
    kind: str  # policy, program, item or rest
    labels: list[Label]
    parts: list[Tile] = field(default_factory=list)  # drawn inside it, below its band


@dataclass(frozen=True)
class Chart:
    size: ChartSize
    width: int
    height: int
    font: int
    tiles: list[Tile]
    # The programs that have no rectangle in this size (no amount, or too small to draw).
    missing: list[str]


@dataclass(frozen=True)
class _Part:
    """What a node of the layout stands for."""

    kind: str
    href: str
    heading: str  # the label's first line
    amount: str  # the label's second line, always whole
    name: str  # the accessible name
    fill: str
    program: int | None = None  # id() of the program it stands for


def _px(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


# Widths in em of the characters of the labels' fonts (bold Noto Sans and its CJK faces),
# rounded up: full-width characters take 1 em; the narrow ones below, the widest first.
_WIDEST: Final = frozenset("MWmw@%&")
_NARROWEST: Final = frozenset(",.:;'!|()[]ilj ")


def text_width(text: str, font: int) -> float:
    """An upper estimate of text's width in px, in the labels' bold face."""
    return sum(map(_ems, text)) * font


@lru_cache(maxsize=4096)
def _ems(char: str) -> float:
    if char_width(char) == 2 or char in _WIDEST:
        return 1.0
    if char in _NARROWEST:
        return 0.36
    if char.isascii():
        # capitals and signs; digits and small letters
        return 0.78 if char.isupper() or not char.isalnum() else 0.64
    # The rest is not measured here: the ambiguous signs a Japanese face draws a full em
    # wide (―, Ⅷ, …), Latin with marks, Cyrillic, Hebrew, Arabic. Half as much again is
    # room for the widest of them, and the dashes that span several ems are counted so.
    name = unicodedata.name(char, "")
    for wide, ems in (("THREE-EM", 3.2), ("TWO-EM", 2.2)):
        if wide in name:
            return ems
    return 1.5


def fitted(text: str, width: float, font: int) -> str:
    """text, or as much of it as fits with … after it; "" when not even two characters do."""
    if text_width(text, font) <= width:
        return text
    kept = ""
    for char in text:
        if text_width(kept + char + "…", font) > width:
            break
        kept += char
    return kept + "…" if len(kept) >= 2 else ""


def program_colours(ledger: Ledger) -> dict[int, str]:
    """The fill of each program (by id), in document order round the palette."""
    return {
        id(ref.program): palette.fill_of(index) for index, ref in enumerate(programs_of(ledger))
    }


def program_label(policy: Policy, program: Program) -> str:
    """A program named where its policy is not said: 施策2・1 地域力支援事業."""
    return t(
        "report.program_of_policy",
        policy=policy.number,
        number=program.number,
        name=visible(program.name, one_line=True),
    )


def _nodes(ledger: Ledger, colours: dict[int, str], anchors: Anchors) -> list[Node]:
    total = ledger_total(ledger)
    unit = ledger.unit
    nodes = []
    for policy in ledger.policies:
        title = visible(policy.title, one_line=True)
        heading = t("report.policy_heading", number=policy.number, title=title)
        amount = format_amount(policy.amount, unit)
        href = "#" + anchors[policy]
        part = _Part("policy", href, heading, amount, f"{heading} {amount}", POLICY_FILL)
        programs = [
            _program_node(program, colours[id(program)], unit, total, anchors)
            for program in policy.programs
        ]
        rest = policy.amount - sum(program.amount for program in policy.programs)
        if programs and rest > 0:
            # What the programs leave of the policy's amount (a document that lists only
            # some) still has its area, named as such.
            unnamed = t("report.rest_of_policy")
            programs.append(_inside(heading, "rest", href, unnamed, rest, unit, REST_FILL))
        nodes.append(Node(policy.amount, tuple(programs), part))
    return nodes


def overfull(ledger: Ledger) -> list[str]:
    """Each policy and program whose parts add up to more than it: its parts share its
    rectangle in proportion to one another, which the page must say."""
    unit = ledger.unit
    notes = []
    for policy in ledger.policies:
        added = sum(program.amount for program in policy.programs)
        if added > policy.amount:
            title = visible(policy.title, one_line=True)
            notes.append(
                t(
                    "report.overfull",
                    whole=t("report.policy_heading", number=policy.number, title=title),
                    parts=t("report.programs_of"),
                    added=format_amount(added, unit),
                    amount=format_amount(policy.amount, unit),
                )
            )
        for program in policy.programs:
            added = sum(item.amount for item in program.items)
            if added > program.amount:
                notes.append(
                    t(
                        "report.overfull",
                        whole=program_label(policy, program),
                        parts=t("report.items_of"),
                        added=format_amount(added, unit),
                        amount=format_amount(program.amount, unit),
                    )
                )
    return notes


def _program_node(program: Program, fill: str, unit: Unit, total: int, anchors: Anchors) -> Node:
    anchor = anchors[program]
    heading = t(
        "report.program_heading", number=program.number, name=visible(program.name, one_line=True)
    )
    amount = format_amount(program.amount, unit)
    name = t(
        "report.tile_program",
        heading=heading,
        amount=amount,
        share=percent_of(share(program.amount, total), 2),
    )
    tint = palette.tint(fill, palette.ITEM_TINT)
    items = [
        _inside(
            heading,
            "item",
            "#" + anchors[item],
            f"({item.number}) {visible(item.name, one_line=True)}",
            item.amount,
            unit,
            tint,
        )
        for item in program.items
    ]
    rest = program.amount - sum(item.amount for item in program.items)
    if items and rest > 0:
        # What the items leave of the program's amount still has its area, said as such.
        items.append(_inside(heading, "rest", f"#{anchor}", t("report.rest"), rest, unit, tint))
    part = _Part("program", f"#{anchor}", heading, amount, name, fill, id(program))
    return Node(program.amount, tuple(items), part)


def _inside(
    parent: str, kind: str, href: str, heading: str, amount: int, unit: Unit, fill: str
) -> Node:
    """A part of a rectangle: an item of a program, or what the parts leave of its amount."""
    shown = format_amount(amount, unit)
    name = t("report.tile_item", program=parent, item=heading, amount=shown)
    return Node(amount, (), _Part(kind, href, heading, shown, name, fill))


def draw(ledger: Ledger, colours: dict[int, str], anchors: Anchors) -> list[Chart]:
    """The chart in each of its sizes: the same rectangles' words, laid out for each."""
    nodes = _nodes(ledger, colours, anchors)
    charts = []
    for shape in SHAPES.values():
        placed = place(nodes, Box(0, 0, shape.width, shape.height), shape.room)
        drawn = {
            rect.node.key.program  # type: ignore[attr-defined]
            for top in placed
            for rect in top.walk()
        }
        missing = [
            program_label(ref.policy, ref.program)
            for ref in programs_of(ledger)
            if id(ref.program) not in drawn
        ]
        tiles = [_tile(top, shape.font) for top in placed]
        charts.append(Chart(shape.size, shape.width, shape.height, shape.font, tiles, missing))
    return charts


def _tile(placed: Placed, font: int) -> Tile:
    part: _Part = placed.node.key  # type: ignore[assignment]
    box = placed.box
    return Tile(
        _px(box.x),
        _px(box.y),
        _px(box.width),
        _px(box.height),
        part.fill,
        part.href,
        part.name,
        part.kind,
        _labels(placed, font),
        [_tile(child, font) for child in placed.children],
    )


def _labels(placed: Placed, font: int) -> list[Label]:
    part: _Part = placed.node.key  # type: ignore[assignment]
    box = placed.box
    ink = palette.text_on(part.fill)
    room = box.width - 2 * _PAD
    line = font * 1.25
    if placed.band and part.kind == "policy":
        # One line in the policy's band: its heading, then its amount.
        if text_width(part.amount, font) > room:
            return []
        heading = fitted(part.heading, room - text_width(part.amount, font) - font, font)
        baseline = box.y + (placed.band + font) / 2 - 1
        labels = [
            Label(_px(box.x + box.width - _PAD), _px(baseline), part.amount, ink, True, end=True)
        ]
        if heading:
            labels.append(Label(_px(box.x + _PAD), _px(baseline), heading, ink, True))
        return labels
    height = placed.band or box.height
    if text_width(part.amount, font) > room or height < 2 * line + _PAD:
        return []
    heading = fitted(part.heading, room, font)
    top = box.y + _PAD + font
    lines = [heading, part.amount] if heading else [part.amount]
    return [
        Label(_px(box.x + _PAD), _px(top + index * line), text, ink, part.kind == "program")
        for index, text in enumerate(lines)
    ]
