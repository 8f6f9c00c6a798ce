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
# Elements whose text a reader never sees as text, wherever they stand (in a cell too): code,
# controls, and whatever the page hides.
_UNSEEN: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "button",
        "select",
        "textarea",
        "option",
        "object",
        "rt",
        "rp",
        "del",
    }
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
    cell: list[str] | None = None  # the open cell's text


def _hidden(attrs: list[tuple[str, str | None]]) -> bool:
    values = dict(attrs)
    style = (values.get("style") or "").replace(" ", "").lower()
    return "hidden" in values or values.get("aria-hidden") == "true" or "display:none" in style


class _PageReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[Line, bool]] = []  # each with whether it lies inside <main>
        self.has_main = False
        self.left_out = 0  # lines of text that were the page's chrome
        self._chrome_depth = 0
        self._main_depth = 0
        self._unseen: list[str] = []  # the open elements whose text is never read
        self._text: list[str] = []
        self._text_line = 0
        self._kind = ""
        self._rows: list[_Row] = []  # a table inside a table's cell has rows of its own
        self._tables: list[int] = []  # for each open table, how many rows were open outside it
        self._in_thead = False
        self._pre = 0

    @property
    def _cell(self) -> list[str] | None:
        return self._rows[-1].cell if self._rows else None

    def _emit(self, kind: str = "") -> None:
        text = " ".join("".join(self._text).split())
        if text:
            if self._chrome_depth:
                self.left_out += 1
            else:
                line = Line(self._text_line, text, 0, kind=kind or self._kind)
                self.lines.append((line, self._main_depth > 0))
        self._text = []

    def _close_cell(self) -> None:
        row = self._rows[-1] if self._rows else None
        if row is not None and row.cell is not None:
            row.cells.append(" ".join("".join(row.cell).split()))
            row.cell = None

    def _close_row(self) -> None:
        if self._rows:
            self._close_cell()
            self._end_row(self._rows.pop())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._unseen or tag in _UNSEEN or (tag not in _VOID and _hidden(attrs)):
            if tag not in _VOID:
                self._unseen.append(tag)
            return
        if tag in _CHROME:
            self._emit()
            self._chrome_depth += 1
            return
        if tag == "main" or dict(attrs).get("role") == "main":
            self.has_main = True
            self._main_depth += 1
        if tag == "thead":
            self._in_thead = True
        elif tag == "table":
            self._tables.append(len(self._rows))
        elif tag == "tr":
            # A row ends where the next begins, though its </tr> may be left out (HTML allows it).
            if len(self._rows) > (self._tables[-1] if self._tables else 0):
                self._close_row()
            self._emit()
            self._rows.append(_Row(head=self._in_thead, line=self.getpos()[0]))
        elif tag in ("sup", "sub") and self._cell is not None:
            self._cell.append(" ")  # 300<sup>1</sup>: a footnote's digit, never the figure's
        elif tag in ("td", "th") and self._rows:
            self._close_cell()
            self._rows[-1].cell = []
        elif tag == "br":
            if self._cell is not None:
                self._cell.append(" ")
            else:
                self._emit()
        elif tag == "pre":
            self._emit()
            self._pre += 1
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
        if self._unseen:
            if tag in self._unseen:
                while self._unseen and self._unseen.pop() != tag:
                    pass
            return
        if tag in _CHROME:
            self._emit()
            self._chrome_depth = max(0, self._chrome_depth - 1)
            return
        if tag in ("td", "th"):
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag == "table":
            # Rows left open in a table close with it, but not the row of the table around it.
            outside = self._tables.pop() if self._tables else 0
            while len(self._rows) > outside:
                self._close_row()
        elif tag == "thead":
            self._in_thead = False
        elif tag == "pre":
            self._emit()
            self._pre = max(0, self._pre - 1)
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
        if self._unseen:
            return
        if self._cell is not None:
            self._cell.append(data)
            return
        if self._pre:  # a <pre> keeps its line breaks: each is a line of the page
            first, *rest = data.split("\n")
            self._text.append(first)
            for part in rest:
                self._emit()
                self._text_line += 1
                self._text.append(part)
            return
        if not self._text:
            self._text_line = self.getpos()[0]
        self._text.append(data)

    def finish(self) -> None:
        """What is left open at the end: rows and text; a comment never closed is no text."""
        self.close()
        while self._rows:
            self._close_row()
        self._emit()


@dataclass(frozen=True)
class Page:
    """A web page's lines, and how many lines of its chrome were left out."""

    lines: list[Line]
    left_out: int


def page_lines(text: str) -> Page:
    """The lines of a web page's own content, each numbered by its line in the HTML."""
    reader = _PageReader()
    # A comment left open runs to the end of the page, which the parser would give as text.
    opened = text.rfind("<!--")
    if opened != -1 and text.find("-->", opened) == -1:
        text = text[:opened]
    reader.feed(text)
    reader.finish()
    kept = [line for line, inside in reader.lines if inside or not reader.has_main]
    left_out = reader.left_out + len(reader.lines) - len(kept)
    # The same bounds on each line as a text document has (lines_of refuses a run of digits
    # no budget prints).
    for line in kept:
        lines_of(line.text)
    return Page(kept, left_out)
