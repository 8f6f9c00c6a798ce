"""How many cells of a terminal (or half-width columns of a worksheet) text takes."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Cells one character takes: 2 for full-width, 0 for combining and format characters."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Cells text takes on a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(char_width, text))
