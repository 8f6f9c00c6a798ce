"""A PDF read through PDFium (pypdfium2): its characters with their positions become lines,
and a page printed in two columns is read column by column, block by block.

PDFium gives every character's box. Characters on one baseline make a line; a gap far wider
than a character splits it into runs. Where many lines have a run starting at the same x, the
page has a second column there: below the first line that has it, each block of lines (blocks
are parted by a taller gap than the lines' own) is read left column first, then right, as the
ward's layout means it (number and name, 【amount】 and 【section】 beside the summary and items).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median
from typing import Final

from izumi_ledger.importer.text import DocumentError, Line
from izumi_ledger.text.messages import t

# A gap between two characters of one line wider than this many of the line's characters
# parts two runs (a column's gutter, or a table's cells).
_RUN_GAP: Final = 2.5
# Lines whose tops differ by less than this many points are one line.
_SAME_LINE: Final = 2.0
# A column starts where at least this many lines have a run begin at the same x.
_COLUMN_LINES: Final = 3
# A run that is only figures: digits, commas, units, signs.
_FIGURES = re.compile(r"[\s0-9０-９,，.．億万千円△▲−\-―()（）%％]+")
# No budget document is longer; a larger file is refused before it is read.
MAX_PAGES: Final = 5000


@dataclass(frozen=True)
class _Char:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


@dataclass
class _Run:
    chars: list[_Char]

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def text(self) -> str:
        return "".join(char.text for char in self.chars)


@dataclass
class _Row:
    top: float
    runs: list[_Run]


def pdf_lines(raw: bytes) -> list[Line]:
    """The lines of a PDF, in reading order, numbered within their page; DocumentError when
    it cannot be read or has no text to read (a scan)."""
    try:
        import pypdfium2 as pdfium  # noqa: PLC0415  (loaded only for a PDF)
    except ImportError as error:  # pragma: no cover - a dependency of izumi
        raise DocumentError(t("import.pdf_library", reason=str(error))) from None
    start = raw.find(b"%PDF-")
    try:
        document = pdfium.PdfDocument(raw[start:] if start > 0 else raw)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise DocumentError(t("import.pdf_password"), t("import.pdf_password.hint")) from None
        raise DocumentError(t("import.pdf_broken", reason=str(error))) from None
    try:
        if len(document) > MAX_PAGES:
            raise DocumentError(t("import.pdf_pages", pages=len(document), limit=MAX_PAGES))
        lines: list[Line] = []
        for index in range(len(document)):
            page = _page_lines(index + 1, list(_chars(document, index)))
            for position, line in enumerate(page):
                # Numbered through the whole document, so that each names one line; a new
                # page is a new block, as two blank lines are in a text.
                blanks = 2 if position == 0 and index > 0 else 0
                lines.append(Line(len(lines) + 1, line.text, blanks, page=line.page))
    except pdfium.PdfiumError as error:
        raise DocumentError(t("import.pdf_broken", reason=str(error))) from None
    finally:
        document.close()
    if not lines:
        raise DocumentError(t("import.pdf_no_text"), t("import.pdf_no_text.hint"))
    return lines


def _chars(document: object, index: int) -> Iterator[_Char]:
    import pypdfium2.raw as pdfium_c  # noqa: PLC0415

    page = document[index]  # type: ignore[index]
    height = page.get_height()
    text_page = page.get_textpage()
    try:
        count, position = text_page.count_chars(), 0
        while position < count:
            if pdfium_c.FPDFText_IsGenerated(text_page, position):  # a space PDFium made up
                position += 1
                continue
            code = pdfium_c.FPDFText_GetUnicode(text_page, position)
            left, bottom, right, top = text_page.get_charbox(position, loose=True)
            if 0xD800 <= code < 0xDC00 and position + 1 < count:  # a kanji beyond the BMP
                low = pdfium_c.FPDFText_GetUnicode(text_page, position + 1)
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                position += 1
            position += 1
            if code in (0x0A, 0x0D) or not 0 < code < 0x110000 or 0xD800 <= code < 0xE000:
                continue
            yield _Char(left, right, height - top, height - bottom, chr(code))
    finally:
        text_page.close()
        page.close()


def _rows(chars: list[_Char]) -> list[_Row]:
    """Characters grouped by line (top within _SAME_LINE points) and split into runs."""
    rows: list[_Row] = []
    for char in sorted(chars, key=lambda char: (char.top, char.x0)):
        if rows and abs(char.top - rows[-1].top) < _SAME_LINE:
            rows[-1].runs[0].chars.append(char)
        else:
            rows.append(_Row(char.top, [_Run([char])]))
    for row in rows:
        ordered = sorted(row.runs[0].chars, key=lambda char: char.x0)
        size = median(char.bottom - char.top for char in ordered) or 1.0
        runs = [_Run([ordered[0]])]
        for char in ordered[1:]:
            if char.x0 - runs[-1].chars[-1].x1 > _RUN_GAP * size:
                runs.append(_Run([char]))
            else:
                runs[-1].chars.append(char)
        row.runs = [run for run in runs if run.text.strip()]
    return [row for row in rows if row.runs]


def _column_start(rows: list[_Row]) -> float | None:
    """The x at which a second column starts, when enough lines have a run starting there."""
    # A column of figures beside names is a table's column, read along its rows: only runs
    # of text start a second column.
    starts = Counter(
        round(run.x0) for row in rows for run in row.runs[1:] if not _FIGURES.fullmatch(run.text)
    )
    if not starts:
        return None
    x, lines = starts.most_common(1)[0]
    return float(x) - 1.0 if lines >= _COLUMN_LINES else None


def _page_lines(page: int, chars: list[_Char]) -> list[Line]:
    rows = _rows(chars)
    if not rows:
        return []
    column = _column_start(rows)
    if column is None:
        return [_line(page, number, " ".join(run.text for run in row.runs), row.top)
                for number, row in enumerate(rows, 1)]  # fmt: skip
    first = next(index for index, row in enumerate(rows) if _splits(row, column))
    ordered: list[str] = [" ".join(run.text for run in row.runs) for row in rows[:first]]
    pitch = (
        median(b.top - a.top for a, b in zip(rows[first:], rows[first + 1 :], strict=False))
        if len(rows) > first + 1
        else 0.0
    )
    block: list[_Row] = []
    for row in rows[first:]:
        if block and pitch and row.top - block[-1].top > 1.5 * pitch:
            ordered.extend(_read_block(block, column))
            block = []
        block.append(row)
    ordered.extend(_read_block(block, column))
    return [_line(page, number, text, 0.0) for number, text in enumerate(ordered, 1)]


def _splits(row: _Row, column: float) -> bool:
    return any(run.x0 >= column for run in row.runs) and any(run.x0 < column for run in row.runs)


def _is_table(block: list[_Row], column: float) -> bool:
    """A table's rows rather than two columns of text: every line has text on both sides of
    the gutter, and most lines end in figures (a name, its section, its amount)."""
    paired = all(_splits(row, column) for row in block)
    figures = sum(1 for row in block if _FIGURES.fullmatch(row.runs[-1].text))
    return paired and figures * 2 >= len(block)


def _read_block(block: list[_Row], column: float) -> list[str]:
    """A block of lines: its left column's lines, then its right column's (a line that
    crosses the gutter is read whole, in its place)."""
    if len(block) == 1 or _is_table(block, column):  # rows read along, as printed
        return [" ".join(run.text for run in row.runs) for row in block]
    left = [" ".join(run.text for run in row.runs if run.x0 < column) for row in block]
    right = [" ".join(run.text for run in row.runs if run.x0 >= column) for row in block]
    return [text for text in left if text.strip()] + [text for text in right if text.strip()]


def _line(page: int, number: int, text: str, _top: float) -> Line:
    return Line(number, " ".join(text.split()), 0, page=page)
