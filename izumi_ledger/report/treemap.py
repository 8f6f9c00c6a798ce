"""Where each policy, program and item of a treemap goes: rectangles, nested, by amount.

A rectangle's area is proportional to its amount among its siblings. A parent that has
room keeps a band at its top for its own label and lays its children out below it; one that
has none is drawn whole, its children left to the text of the page. Children that add up
to less than their parent leave it a rest (the caller gives it as a child of its own); more,
and they share its area among themselves.
The layout itself is squarify's (Bruls, Huizing and van Wijk's squarified treemaps); the
figures never pass through it: areas are floats, amounts stay integers.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import squarify


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Node:
    """Something drawn: its amount, and its parts (drawn inside it when there is room)."""

    amount: int
    children: tuple[Node, ...] = ()
    # What the caller needs back with the rectangle (the program or item it stands for).
    key: object = field(default=None, compare=False)


@dataclass(frozen=True)
class Placed:
    node: Node
    depth: int
    box: Box
    # The height kept at the top for the node's own label; 0 when its children are not drawn.
    band: float
    children: tuple[Placed, ...] = ()

    def walk(self) -> Iterator[Placed]:
        """This rectangle and every one inside it, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()


# An area (in square px) below which a rectangle is not drawn: far too small to see or to
# select, and small enough to make squarify's arithmetic divide by zero.
LEAST_AREA = 0.01


def squarified(amounts: Sequence[int], box: Box) -> list[Box | None]:
    """A rectangle for each amount, in the order given, filling box; None for an amount too
    small to have an area (0, or a sliver beside amounts billions of times larger)."""
    boxes: list[Box | None] = [None] * len(amounts)
    whole = sum(amount for amount in amounts if amount > 0)
    area = box.width * box.height
    if whole <= 0 or area <= 0:
        return boxes
    # Ratios of integers: exact before they become floats, whatever the amounts' size.
    shown = [
        i for i, amount in enumerate(amounts) if amount > 0 and amount * area >= whole * LEAST_AREA
    ]
    shown.sort(key=lambda index: -amounts[index])
    kept = sum(amounts[index] for index in shown)
    sizes = [area * (amounts[index] / kept) for index in shown]
    try:
        rects = squarify.squarify(sizes, box.x, box.y, box.width, box.height)
    except ZeroDivisionError:
        rects = _sliced(sizes, box)
    for index, rect in zip(shown, rects, strict=True):
        boxes[index] = _within(Box(rect["x"], rect["y"], rect["dx"], rect["dy"]), box)
    return boxes


def _within(inner: Box, outer: Box) -> Box:
    """inner, cut to outer where rounding let it stick out by a hair."""
    left = max(inner.x, outer.x)
    top = max(inner.y, outer.y)
    right = min(inner.x + inner.width, outer.x + outer.width)
    bottom = min(inner.y + inner.height, outer.y + outer.height)
    return Box(left, top, max(0.0, right - left), max(0.0, bottom - top))


def _sliced(sizes: list[float], box: Box) -> list[dict[str, float]]:
    """Strips side by side along the longer side: no squares, but never a division by a
    width that rounding made zero."""
    whole = sum(sizes)
    rects, offset = [], 0.0
    across = box.width >= box.height
    length = box.width if across else box.height
    for size in sizes:
        extent = length * size / whole
        if across:
            rects.append({"x": box.x + offset, "y": box.y, "dx": extent, "dy": box.height})
        else:
            rects.append({"x": box.x, "y": box.y + offset, "dx": box.width, "dy": extent})
        offset += extent
    return rects


@dataclass(frozen=True)
class Room:
    """How much a parent needs to draw its children: its label's band, and the least inner
    rectangle worth dividing."""

    bands: tuple[float, ...]  # by depth; a depth past the end draws no children
    least_width: float = 48
    least_height: float = 32


def place(nodes: Sequence[Node], box: Box, room: Room, depth: int = 0) -> list[Placed]:
    """The nodes that have area, each with the rectangles of its children inside it."""
    placed = []
    for node, child_box in zip(nodes, squarified([n.amount for n in nodes], box), strict=True):
        if child_box is None:
            continue
        inner = _inner(node, child_box, room, depth)
        if inner is None:
            placed.append(Placed(node, depth, child_box, 0))
        else:
            children = tuple(place(node.children, inner, room, depth + 1))
            placed.append(Placed(node, depth, child_box, room.bands[depth], children))
    return placed


def _inner(node: Node, box: Box, room: Room, depth: int) -> Box | None:
    """Where a node's children go, below its band; None when they are not drawn (no room).
    Children that add up to more than the node (a ledger whose sums fail) share its area in
    proportion to one another: the caller says so."""
    if not node.children or depth >= len(room.bands):
        return None
    if sum(child.amount for child in node.children) <= 0:
        return None
    band = room.bands[depth]
    inner = Box(box.x, box.y + band, box.width, box.height - band)
    if inner.width < room.least_width or inner.height < room.least_height:
        return None
    return inner
