"""The text of a document: decoding, lines with their numbers, joining broken lines, amounts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from izumi_ledger.errors import CannotRead
from izumi_ledger.text.messages import t

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９，", "0123456789,")
# No figure of a budget has more digits in a row than this; a longer run is refused whole.
MAX_DIGIT_RUN: Final = 24
_DIGIT_RUN = re.compile(f"[0-9０-９]{{{MAX_DIGIT_RUN + 1},}}")
ENCODINGS: Final = ("utf-8", "cp932", "euc-jp")


class DocumentError(CannotRead):
    """A document that cannot be read as a budget; the message says why."""


@dataclass(frozen=True)
class Line:
    """A non-blank line of the document: its 1-based number and its text, stripped.

    A table's row also has its cells (its text is them joined by " | "); a web page's line
    says what kind of element it came from; a PDF's line, its page."""

    number: int
    text: str
    blank_before: int  # blank lines right before it (two or more: a new page or block)
    cells: tuple[str, ...] = ()
    kind: str = ""  # "heading", "caption" or "header" (a table's head) on a web page
    page: int = 0  # the PDF page, from 1; 0 for a document read as text

    @property
    def where(self) -> str:
        """The line as a report names it: 12, or 12 (p.3) for a line of a PDF."""
        return f"{self.number} (p.{self.page})" if self.page else str(self.number)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-8 (with or without BOM), CP932 (which
    holds Shift_JIS) or EUC-JP, the encodings Japanese sites use, in that order."""
    if not data.strip():
        raise DocumentError(t("import.empty"))
    if b"\x00" in data:
        raise DocumentError(t("import.nul"))
    candidates = [encoding] if encoding else list(ENCODINGS)
    readings: list[tuple[str, str]] = []
    for candidate in candidates:
        try:
            text = data.decode("utf-8-sig" if candidate.lower() in ("utf-8", "utf8") else candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        if candidate == "utf-8":  # UTF-8 that decodes is UTF-8: no other reading is asked
            return text, candidate
        readings.append((text, candidate))
    if readings:
        # EUC-JP bytes often decode as CP932 too, as half-width katakana and rare kanji: the
        # reading with fewer of those is the document's.
        return min(readings, key=lambda reading: _unlikely(reading[0]))
    if encoding:
        raise DocumentError(t("import.encoding", encoding=encoding))
    raise DocumentError(t("import.no_encoding"))


def _unlikely(text: str) -> int:
    """How many characters of text a Japanese budget would hardly print: half-width katakana,
    private-use characters and kanji outside the common blocks."""
    return sum(
        1
        for char in text
        if "\uff61" <= char <= "\uff9f"
        or "\ue000" <= char <= "\uf8ff"
        or ("\u4e00" <= char <= "\u9fff" and ord(char) > 0x9FA0)
        or char == "\ufffd"
    )


def _looks_binary(text: str) -> bool:
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in "\r\n\t\f"
    )
    return controls > max(2, len(text) // 100)


def lines_of(text: str) -> list[Line]:
    """The non-blank lines, with how many blank lines came before each."""
    result = []
    blanks = 0
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        long_run = _DIGIT_RUN.search(raw)
        if long_run:
            digits = len(long_run[0])
            raise DocumentError(
                t("import.line", line=number)
                + t("import.long_number", digits=digits, limit=MAX_DIGIT_RUN)
            )
        # Runs of white space (a PDF's layout spacing) count as one space: nothing in a
        # document's reading depends on how many, and the patterns then cannot backtrack
        # over them.
        stripped = " ".join(raw.split())
        if not stripped:
            blanks += 1
            continue
        result.append(Line(number, stripped, blanks))
        blanks = 0
    return result


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WFA" or not char.isascii()


def tidy(text: str) -> str:
    """Remove the spaces a PDF puts between Japanese characters; keep those beside ASCII."""
    text = text.strip()
    return re.sub(
        r"(?<=\S)[ \u3000]+(?=\S)",
        lambda match: _space_between(text, match.start(), match.end()),
        text,
    )


def _space_between(text: str, start: int, end: int) -> str:
    before, after = text[start - 1], text[end]
    return "" if _wide(before) and _wide(after) else " "


def join(parts: list[str]) -> str:
    """Lines of one paragraph as one text, without the document's line breaks."""
    joined = ""
    for part in parts:
        part = tidy(part)
        if (
            joined
            and part
            and joined[-1].isascii()
            and joined[-1].isalnum()
            and part[0].isascii()
            and part[0].isalnum()
        ):
            joined += " "
        joined += part
    return joined


def number(text: str) -> int:
    """A program's or item's number, in ASCII or full-width digits (lines_of bounds its length)."""
    return int(text.translate(_FULL_WIDTH_DIGITS).replace(",", ""))
