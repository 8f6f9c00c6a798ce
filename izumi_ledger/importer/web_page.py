"""A web page saved as HTML, read through a real HTML parser into the lines a reader reads.

Headings stay headings, a table's row becomes one line of cells (its head marked as such),
and what is not the page's own content is left out: scripts, styles, the <head>, navigation,
headers, footers, asides and forms — and everything outside <main> when the page has one.
Entities are decoded by the parser (&nbsp; &#9651; &amp;); <br> inside a cell is a space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Final

from izumi_ledger.importer.text import Line, lines_of

# Elements whose text is never the page's own content.
_CHROME: Final = frozenset(
    {"script", "style", "noscript", "template", "head", "nav", "header", "footer", "aside", "form"}
)
# Elements that end a line of text where they start and where they end.
_BLOCKS: Final = frozenset(
    {
        "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "table",
        "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "pre", "figure", "hr",
    }
)  # fmt: skip
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID: Final = frozenset({"br", "img", "hr", "meta", "link", "input", "wbr", "area", "col"})
_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)


def looks_like_html(raw: bytes) -> bool:
    """Whether a document's bytes are a web page's markup rather than its text."""
    head = raw[:4096].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or (
        b"<body" in head or b"<table" in head or b"<h1" in head
    )


def declared_charset(raw: bytes) -> str | None:
    """The encoding the page's <meta charset> (or its http-equiv) declares, if any."""
    found = _CHARSET.search(raw[:8192])
    if found is None:
        return None
    name = found[1].decode("ascii").lower()
    # What sites write, as Python names it: Shift_JIS pages are CP932 in practice.
    return {"shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "windows-31j": "cp932"}.get(
        name, name
    )


@dataclass
class _Row:
    cells: list[str] = field(default_factory=list)
    head: bool = False
    line: int = 0


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[Line, bool]] = []  # each with whether it lies inside <main>
        self.has_main = False
        self.left_out = 0  # lines of text that were the page's chrome
        self._chrome_depth = 0
        self._main_depth = 0
        self._text: list[str] = []
        self._text_line = 0
        self._kind = ""
        self._row: _Row | None = None
        self._cell: list[str] | None = None
        self._in_thead = False

    # Where text goes: the open cell, or the running line.
    def _emit(self, kind: str = "") -> None:
        text = " ".join("".join(self._text).split())
        if text:
            if self._chrome_depth:
                self.left_out += 1
            else:
                line = Line(self._text_line, text, 0, kind=kind or self._kind)
                self.lines.append((line, self._main_depth > 0))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CHROME:
            self._emit()
            self._chrome_depth += 1
            return
        if tag == "main" or dict(attrs).get("role") == "main":
            self.has_main = True
            self._main_depth += 1
        if tag == "thead":
            self._in_thead = True
        elif tag == "tr":
            self._emit()
            self._row = _Row(head=self._in_thead, line=self.getpos()[0])
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br":
            if self._cell is not None:
                self._cell.append(" ")
            else:
                self._emit()
        elif tag in _BLOCKS and self._cell is None:
            self._emit()
            self._kind = "heading" if tag in _HEADINGS else "caption" if tag == "caption" else ""
        if not self._text and self._cell is None:
            self._text_line = self.getpos()[0]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _CHROME:
            self._emit()
            self._chrome_depth = max(0, self._chrome_depth - 1)
            return
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._end_row(self._row)
            self._row = None
        elif tag == "thead":
            self._in_thead = False
        elif tag in _BLOCKS and self._cell is None:
            self._emit()
            self._kind = ""
        if tag == "main":
            self._main_depth = max(0, self._main_depth - 1)

    def _end_row(self, row: _Row) -> None:
        cells = tuple(row.cells)
        if not any(cells):
            return
        if self._chrome_depth:
            self.left_out += 1
            return
        line = Line(row.line, " | ".join(cells), 0, cells=cells, kind="header" if row.head else "")
        self.lines.append((line, self._main_depth > 0))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        else:
            if not self._text:
                self._text_line = self.getpos()[0]
            self._text.append(data)


@dataclass(frozen=True)
class Page:
    """A web page's lines, and how many lines of its chrome were left out."""

    lines: list[Line]
    left_out: int


def page_lines(text: str) -> Page:
    """The lines of a web page's own content, each numbered by its line in the HTML."""
    reader = _PageReader()
    reader.feed(text)
    reader.close()
    reader._emit()
    kept = [line for line, inside in reader.lines if inside or not reader.has_main]
    left_out = reader.left_out + len(reader.lines) - len(kept)
    # The same bounds on each line as a text document has (lines_of refuses a run of digits
    # no budget prints).
    for line in kept:
        lines_of(line.text)
    return Page(kept, left_out)
