"""Where each value of a ledger file sits in its text: lines, columns and the text of a line."""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass, field
from typing import Any

from izumi_ledger.findings import Path, Position

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


@dataclass
class SourceMap:
    """The text of a ledger file and where each of its values sits in it."""

    file: str
    data: bytes = b""
    root: Any = None
    root_position: Position = field(default_factory=lambda: Position(1, 1))
    # The positions of every container's children, one container after another: (key line,
    # key column, value line, value column) per mapping entry, (line, column) per list
    # element; children maps id(container) to where its run starts. One array for the whole
    # file, rather than one per container, saves tens of bytes per mapping.
    positions: array[int] = field(default_factory=lambda: array("I"))
    children: dict[int, int] = field(default_factory=dict)
    _line_starts: array[int] | None = None
    _line_ends: array[int] = field(default_factory=lambda: array("q"))
    _key_indexes: dict[int, dict[str, int]] = field(default_factory=dict)

    def _locate(self, path: Path) -> tuple[Position, Position | None, int]:
        """Value position, key position and how many steps of path were found."""
        value, position, key_position = self.root, self.root_position, None
        positions = self.positions
        for depth, step in enumerate(path):
            start = self.children.get(id(value))
            if start is None:
                return position, key_position, depth
            if isinstance(value, dict) and step in value:
                at = start + 4 * self._key_index(value)[str(step)]
                key_position = Position(positions[at], positions[at + 1])
                position = Position(positions[at + 2], positions[at + 3])
            elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
                at, key_position = start + 2 * step, None
                position = Position(positions[at], positions[at + 1])
            else:
                return position, key_position, depth
            value = value[step]
        return position, key_position, len(path)

    def _key_index(self, mapping: dict[str, Any]) -> dict[str, int]:
        # Each key's place in its mapping, found once per mapping that findings point into.
        found = self._key_indexes.get(id(mapping))
        if found is None:
            found = self._key_indexes[id(mapping)] = {key: i for i, key in enumerate(mapping)}
        return found

    def position(self, path: Path) -> Position:
        """Where the value at path starts; the nearest enclosing value when it is absent."""
        return self._locate(path)[0]

    def key_position(self, path: Path) -> Position:
        """Where the key of the mapping entry at path starts (falls back to its value)."""
        position, key_position, found = self._locate(path)
        return key_position if key_position is not None and found == len(path) else position

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break; '' when out of range."""
        if line < 1:
            return ""
        starts = self._line_starts
        if starts is None:
            starts = self._line_starts = array("q", [0])
        # Find line starts only as far as asked: a finding near the top of a huge file
        # should not cost a pass over all of it. Lines end as YAML ends them: LF, CRLF or a
        # lone CR (the reader refuses the other breaks YAML knows, NEL, LS and PS).
        ends = self._line_ends
        while len(starts) <= line and starts[-1] != -1:
            found = _LINE_BREAK.search(self.data, starts[-1])
            starts.append(found.end() if found else -1)
            ends.append(found.start() if found else len(self.data))
        if line > len(starts) - 1 or starts[line - 1] == -1:
            return ""
        return self.data[starts[line - 1] : ends[line - 1]].decode("utf-8", "replace")
