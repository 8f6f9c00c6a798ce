"""A tree of lines for a terminal (izumi show): guides, text folded as Japanese breaks it,
and each figure whole on the line it ends."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from izumi_ledger.cli.render.cells import wrap, wrap_list
from izumi_ledger.text.visible import visible
from izumi_ledger.text.width import cell_width

NARROWEST: Final = 8  # text is folded to no fewer cells than this, however deep the branch


@dataclass
class Node:
    """A branch: its text, the figure that ends it (an amount and its tags, never broken),
    lines under it on the same branch (a summary), and the branches below it."""

    text: str
    figure: str = ""
    style: str | None = None
    tags: str = ""  # after the figure, or on a line of their own when it is full
    body: list[tuple[str, str | None]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    separator: str | None = None  # a list of names: folded after a separator first

    def add(self, child: Node) -> Node:
        self.children.append(child)
        return child


StyledLine = tuple[str, str | None]


def _folded(node: Node, room: int) -> list[str]:
    shown = visible(node.text)
    lines = wrap_list(shown, room, node.separator) if node.separator else wrap(shown, room)
    for part in (node.figure, node.tags):
        if not part:
            continue
        if cell_width(lines[-1]) + 2 + cell_width(part) <= room:
            lines[-1] = f"{lines[-1]}  {part}" if lines[-1] else part
        else:
            lines.append(part)
    return lines


def tree_lines(root: Node, width: int) -> list[StyledLine]:
    """The tree in lines of at most width cells (a figure wider than its room excepted)."""
    lines: list[StyledLine] = [(line, root.style) for line in _folded(root, width)]
    for text, style in root.body:
        lines.extend((line, style) for line in wrap(visible(text), width))
    _branches(root.children, "", width, lines)
    return lines


def _branches(children: list[Node], indent: str, width: int, lines: list[StyledLine]) -> None:
    for index, child in enumerate(children):
        last = index == len(children) - 1
        first_guide, guide = ("└── ", "    ") if last else ("├── ", "│   ")
        room = max(width - cell_width(indent) - 4, NARROWEST)
        for number, line in enumerate(_folded(child, room)):
            head = indent + (first_guide if number == 0 else guide)
            lines.append(((head + line).rstrip(), child.style))
        for text, style in child.body:
            lines.extend(
                ((indent + guide + line).rstrip(), style) for line in wrap(visible(text), room)
            )
        _branches(child.children, indent + guide, width, lines)
