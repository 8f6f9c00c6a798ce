"""Text on a terminal: how many cells it takes, and where Japanese and English lines may break.

Japanese has no spaces between words, so a line may break between any two full-width
characters, except before closing punctuation (、。）」…) or after an opening bracket (（「…),
as Japanese typesetting does. English breaks at spaces, and after "|" in a list of choices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from izumi_ledger.text.width import cell_width, char_width

NO_BREAK_SPACE = "\u00a0"  # shown as a space, never broken at

# Characters that never start a line, and characters that never end one.
_NO_LINE_START = frozenset(
    "、。，．,.・：:；;？?！!ー）)］]｝}」』】〕〉》’”ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々…"
)
_NO_LINE_END = frozenset("（(［[｛{「『【〔〈《‘“")


def _may_break_between(before: str, after: str) -> bool:
    if after in _NO_LINE_START or before in _NO_LINE_END:
        return False
    return before == "|" or char_width(before) == 2 or char_width(after) == 2


# A figure with its unit or sign (6,588千円, △2,430千円, 25.0%, 1億2,345万円): no line breaks
# inside one, so that no figure is ever shown cut in two.
_FIGURE = re.compile(
    r"[△▲+＋−-]?[0-9０-９](?:[0-9０-９,，.．]|[億万千](?=[0-9０-９円]))*(?:千円|万円|円|%|％)?"
    r"|千円|万円"
)


def _mostly_japanese(text: str) -> bool:
    """Whether text is Japanese, which breaks between its characters, rather than English
    with a Japanese name in it (izumi show 地域力), which breaks at its spaces only."""
    if text.isascii():
        return False
    letters = [char for char in text if not char.isspace()]
    wide = sum(1 for char in letters if char_width(char) == 2)
    return wide * 3 >= len(letters)


def _pieces(text: str, japanese: bool | None = None) -> Iterator[tuple[bool, str]]:
    """The pieces no line break may fall inside, each with whether a space comes before it;
    English text (japanese False) breaks at its spaces only."""
    if japanese is None:
        japanese = _mostly_japanese(text)
    for index, word in enumerate(text.split(" ")):
        if not word:
            continue
        inside: set[int] = set()  # positions a break may not take: within a figure
        if "円" in word or any(char.isdigit() for char in word):
            for found in _FIGURE.finditer(word):
                inside.update(range(found.start() + 1, found.end()))
        start = 0
        for position in range(1, len(word)):
            if not japanese and word[position - 1] != "|":
                continue  # English: a line breaks at its spaces (and after | in choices)
            if position not in inside and _may_break_between(word[position - 1], word[position]):
                yield index > 0 and start == 0, word[start:position]
                start = position
        yield index > 0 and start == 0, word[start:]


# What visible() writes for a character a terminal must not be sent (\x1b, \u202e): cut
# in two, it would read as other text.
_ESCAPE = re.compile(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8}|[tnr])|.", re.DOTALL)


def _fold(piece: str, width: int) -> list[str]:
    """A piece wider than the line, cut into lines of at most width cells (at least one
    character, or one escape, each, so that a line too narrow for it still moves on)."""
    lines, line, used = [], "", 0
    for char in _ESCAPE.findall(piece) if "\\" in piece else piece:
        size = cell_width(char)
        if used + size > width and line:
            # 、 never starts a line: the character before it goes down with it.
            # (A figure is never cut for it: 00、 keeps its 00 whole.)
            carried = (
                line[-1]
                if char in _NO_LINE_START
                and len(line) > 1
                and not _FIGURE.match(line[-1])
                and cell_width(line[-1]) + size <= width
                else ""
            )
            lines.append(line[: len(line) - len(carried)])
            line, used = carried, cell_width(carried)
        line += char
        used += size
    lines.append(line)
    return lines


def _pack(
    pieces: Iterable[tuple[bool, str]], width: int, fold: Callable[[str, int], list[str]]
) -> list[str]:
    """Pieces (each with whether a space comes before it) filled into lines of at most width
    cells; a piece wider than a line is folded by fold."""
    lines: list[str] = []
    line, used = "", 0
    for space_before, piece in pieces:
        size = cell_width(piece)
        gap = 1 if space_before and line else 0
        if line and used + gap + size <= width:
            line, used = line + " " * gap + piece, used + gap + size
            continue
        if line:
            lines.append(line)
        *full, line = fold(piece, width) if size > width else [piece]
        lines.extend(full)
        used = cell_width(line)
    lines.append(line)
    return lines


def _fold_as_japanese(piece: str, width: int) -> list[str]:
    """A piece wider than the line: broken where Japanese allows, and cut only where even a
    Japanese piece of it is wider than the line."""
    return _pack(_pieces(piece, japanese=True), width, _fold)


def wrap(text: str, width: int) -> list[str]:
    """text in lines of at most width cells; its own line ends are kept. Nothing is dropped:
    the lines hold every character of text but the spaces where lines break."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        packed = _pack(_pieces(paragraph), width, _fold_as_japanese)
        # A full-width space where a line breaks is a space at the break: it neither ends
        # one line nor begins the next (a paragraph's own first indent stays).
        lines.extend(
            line.rstrip(" \u3000") if number == 0 else line.strip(" \u3000")
            for number, line in enumerate(packed)
        )
    return [line.replace(NO_BREAK_SPACE, " ") for line in lines]


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one line: Japanese joins without a space, English with one."""
    joined = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if joined and not (char_width(joined[-1]) == 2 and char_width(line[0]) == 2):
            joined += " "
        joined += line
    return joined


def wrap_list(text: str, width: int, separator: str) -> list[str]:
    """A list of names (総務課、区政推進課) in lines of at most width cells: a line breaks
    after a separator, and inside a name only when the name alone is wider than the line."""
    names = [name + separator for name in text.split(separator)]
    names[-1] = names[-1][: len(names[-1]) - len(separator)]
    return _pack(((False, name) for name in names if name), width, wrap)


def fold_line(line: str, width: int) -> list[str]:
    """A heading or a note in lines of at most width cells, the folded lines indented as the
    first one is; its figures are never cut."""
    if cell_width(line) <= width:
        return [line]
    indent = len(line) - len(line.lstrip(" "))
    room = max(width - indent, 8)
    return [" " * indent + part for part in wrap(line[indent:], room)] if line.strip() else [""]
