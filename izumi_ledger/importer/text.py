"""The text of a document: decoding, lines with their numbers, joining broken lines, amounts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from izumi_ledger.errors import CannotRead
from izumi_ledger.text.messages import t

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９，", "0123456789,")
_MAN = re.compile(
    r"^(?:(\d[\d,]*)億)?(?:(\d[\d,]*)万)?(?:(\d[\d,]*)千)?(\d[\d,]*)?(千円|万円|円)?$"
)
ENCODINGS: Final = ("utf-8", "cp932")


class DocumentError(CannotRead):
    """A document that cannot be read as a budget; the message says why."""


@dataclass(frozen=True)
class Line:
    """A non-blank line of the document: its 1-based number and its text, stripped."""

    number: int
    text: str
    blank_before: int  # blank lines right before it (two or more: a new page or block)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text and the encoding it was read in: UTF-8 (with or without BOM) or CP932."""
    if not data.strip():
        raise DocumentError(t("import.empty"))
    if b"\x00" in data:
        raise DocumentError(t("import.nul"))
    candidates = [encoding] if encoding else list(ENCODINGS)
    for candidate in candidates:
        try:
            text = data.decode("utf-8-sig" if candidate.lower() in ("utf-8", "utf8") else candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_binary(text):
            break
        return text, candidate
    if encoding:
        raise DocumentError(t("import.encoding", encoding=encoding))
    raise DocumentError(t("import.no_encoding"))


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
        stripped = raw.strip()
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
    """A number written with ASCII or full-width digits and optional commas."""
    return int(unicodedata.normalize("NFKC", text).replace(",", ""))


def yen(text: str) -> int | None:
    """An amount in yen from '1億1,888万7千円', '32,855千円', '２，９００' (千円 by default)."""
    folded = unicodedata.normalize("NFKC", text).replace(" ", "")
    match = _MAN.match(folded)
    if not match or not any(match.groups()[:4]):
        return None
    oku, man, sen, rest, unit = match.groups()

    def value(part: str | None) -> int:
        return int(part.replace(",", "")) if part else 0

    if unit is None:
        unit = "千円" if not (oku or man or sen) else "円"
    scale = {"円": 1, "千円": 1000, "万円": 10000}[unit]
    return value(oku) * 10**8 + value(man) * 10**4 + value(sen) * 1000 + value(rest) * scale
