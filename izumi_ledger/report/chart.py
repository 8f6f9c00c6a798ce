"""The treemap as the SVG draws it: a rectangle, a fill and an accessible name for each
policy, program and item, and the labels that fit inside them.

Three sizes are drawn, each at about the size it is shown: a wide one for desktops, a medium
one for tablets and paper, a narrow one for phones; the page shows the one that fits, so the
labels are never scaled below their size (12 and 13 px).
"""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class Label:
    x: str
    y: str
    text: str
    fill: str
    bold: bool
    end: bool = False  # anchored at its end (an amount at the right of a band)


@dataclass(frozen=True)
class Chart:
    size: ChartSize
    width: int
    height: int
    font: int
    tiles: list[Tile]
    labels: list[Label]


@dataclass(frozen=True)
class _Part:
    """What a node of the layout stands for."""

    kind: str
    href: str
    heading: str  # the label's first line
    amount: str  # the label's second line, always whole
    name: str  # the accessible name
    fill: str


def _px(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def text_width(text: str, font: int) -> float:
    """An upper estimate of text's width in px: full-width characters take 1 em, others at
    most 0.62 em (digits, commas and kana of the page's fonts take less)."""
    return sum(font if char_width(char) == 2 else font * 0.62 for char in text)


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


def _nodes(ledger: Ledger, colours: dict[int, str]) -> list[Node]:
    total = ledger_total(ledger)
    unit = ledger.unit
    nodes = []
    for policy in ledger.policies:
        heading = t(
            "report.policy_heading",
            number=policy.number,
            title=visible(policy.title, one_line=True),
        )
        amount = format_amount(policy.amount, unit)
        part = _Part(
            "policy",
            f"#policy-{policy.number}",
            heading,
            amount,
            f"{heading} {amount}",
            POLICY_FILL,
        )
        programs = tuple(
            _program_node(policy, program, colours[id(program)], unit, total)
            for program in policy.programs
        )
        nodes.append(Node(policy.amount, programs, part))
    return nodes


def _program_node(policy: Policy, program: Program, fill: str, unit: Unit, total: int) -> Node:
    from izumi_ledger.report.content import item_anchor, program_anchor

    anchor = program_anchor(policy, program)
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
    items = [
        _inside(
            heading,
            "item",
            "#" + item_anchor(policy, program, item),
            f"({item.number}) {visible(item.name, one_line=True)}",
            item.amount,
            unit,
            fill,
        )
        for item in program.items
    ]
    rest = program.amount - sum(item.amount for item in program.items)
    if items and rest > 0:
        # What the items leave of the program's amount still has its area, said as such.
        items.append(_inside(heading, "rest", f"#{anchor}", t("report.rest"), rest, unit, fill))
    part = _Part("program", f"#{anchor}", heading, amount, name, fill)
    return Node(program.amount, tuple(items), part)


def _inside(
    program: str, kind: str, href: str, heading: str, amount: int, unit: Unit, fill: str
) -> Node:
    """A part of a program's rectangle: one of its items, or what its items leave."""
    shown = format_amount(amount, unit)
    name = t("report.tile_item", program=program, item=heading, amount=shown)
    return Node(
        amount, (), _Part(kind, href, heading, shown, name, palette.tint(fill, palette.ITEM_TINT))
    )


def draw(ledger: Ledger, colours: dict[int, str] | None = None) -> list[Chart]:
    """The chart in each of its sizes: the same rectangles' words, laid out for each."""
    nodes = _nodes(ledger, colours or program_colours(ledger))
    charts = []
    for shape in SHAPES.values():
        placed = place(nodes, Box(0, 0, shape.width, shape.height), shape.room)
        tiles = [_tile(item) for item in placed]
        labels = [label for item in placed for label in _labels(item, shape.font)]
        charts.append(Chart(shape.size, shape.width, shape.height, shape.font, tiles, labels))
    return charts


def _tile(placed: Placed) -> Tile:
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
