"""Where a file stops being a readable YAML text, said where a person has to edit it."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

import yaml

from izumi_ledger.findings import Finding, Severity
from izumi_ledger.text.messages import t

# What YAML allows in a file: tab, line breaks and printable characters.
_NOT_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def unreadable_text(data: bytes, display: str) -> Finding:
    """Where a file stops being UTF-8 text that YAML allows, found after the parser refused it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[data.rfind(b"\n", 0, error.start) + 1 : error.start].decode()) + 1
        message = t("read.not_utf8")
        return Finding("read", Severity.ERROR, display, line, column, "", message)
    found = _NOT_PRINTABLE.search(text)
    offset = found.start() if found else 0
    line, column = text_place(text, offset)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    nul = found is not None and found.group() == "\x00"
    message = t("read.nul") if nul else t("read.control", code=code)
    return Finding("read", Severity.ERROR, display, line, column, "", message)


_BREAKS = re.compile("\r\n|\r|\n")
# Line breaks to YAML but not to editors: a finding after one would name a line the editor
# does not show. In a double-quoted string they are written \N, \L and \P.
_HIDDEN_BREAKS = re.compile(b"\xc2\x85|\xe2\x80[\xa8\xa9]")
_LONE_CR = re.compile(b"\r(?!\n)")
_BREAK_ESCAPES = {"\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}


def text_place(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of offset, lines ending as YAML ends them (LF, CRLF, CR)."""
    breaks = list(_BREAKS.finditer(text, 0, offset))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


def hidden_break(data: bytes, display: str) -> Finding | None:
    """A NEL, line separator or paragraph separator in the file, which YAML would read as a
    line break where an editor shows none; None when there is none."""
    found = _HIDDEN_BREAKS.search(data)
    if found is None and b"\r" in data and b"\n" in data:
        # A lone CR among LF line ends: a break to YAML, a ^M to most editors.
        found = _LONE_CR.search(data)
    if found is None:
        return None
    text = data[: found.start()].decode("utf-8", "replace")
    line, column = text_place(text, len(text))
    char = found.group().decode("utf-8")
    if char == "\r":
        return Finding("read", Severity.ERROR, display, line, column, "", t("read.lone_cr"))
    message = t(
        "read.hidden_break",
        code=f"U+{ord(char):04X}",
        name=unicodedata.name(char, "NEL"),
        escape=_BREAK_ESCAPES[char],
    )
    return Finding("read", Severity.ERROR, display, line, column, "", message)


# PyYAML's words for what it was doing and what it found, in the reader's language: the
# parser speaks English, a ledger's editor may not.
_PARSER_WORDS: Final = (
    ("while parsing a block mapping", "yamlword.block_mapping"),
    ("while parsing a block collection", "yamlword.block_collection"),
    ("while parsing a flow sequence", "yamlword.flow_sequence"),
    ("while parsing a flow mapping", "yamlword.flow_mapping"),
    ("while parsing a flow node", "yamlword.flow_node"),
    ("while parsing a block node", "yamlword.block_node"),
    ("while scanning a quoted scalar", "yamlword.quoted"),
    ("while scanning a simple key", "yamlword.simple_key"),
    ("while scanning a plain scalar", "yamlword.plain"),
    ("did not find expected key", "yamlword.no_key"),
    ("did not find expected '-' indicator", "yamlword.no_dash"),
    ("did not find expected node content", "yamlword.no_content"),
    ("could not find expected ':'", "yamlword.no_colon"),
    ("found unexpected end of stream", "yamlword.end"),
    ("mapping values are not allowed here", "yamlword.colon_here"),
    ("mapping values are not allowed in this context", "yamlword.colon_here"),
    ("found a tab character that violates indentation", "yamlword.tab"),
    ("found character '\\t' that cannot start any token", "yamlword.tab"),
)


def parser_words(detail: str) -> str:
    """PyYAML's description of a syntax error, its known phrases in the reader's language."""
    for phrase, key in _PARSER_WORDS:
        if phrase in detail:
            detail = detail.replace(phrase, t(key))
    return detail


def syntax_error_place(error: yaml.MarkedYAMLError, lines: int = 0) -> tuple[int, int, str]:
    """Line, column and message of a syntax error, at the place a person has to edit; lines,
    when given, is how many lines the file has (a place past them is not shown)."""
    problem, context = error.problem_mark, error.context_mark
    mark = problem or context
    # An unclosed quote or bracket is noticed later (often at the end of the file); the place
    # to edit is where it was opened.
    opened = "end of stream" in (error.problem or "") or "flow" in (error.context or "")
    if context is not None and opened:
        mark = context
    detail = parser_words("; ".join(part for part in (error.context, error.problem) if part))
    if mark is None:
        return 0, 0, t("yaml.unreadable", detail=detail)
    other = problem if mark is context else context
    within = not lines or other is None or other.line + 1 <= lines
    if other is not None and other.line != mark.line and within:
        detail += t("yaml.see_line", line=other.line + 1)
    return mark.line + 1, mark.column + 1, t("yaml.unreadable", detail=detail)
