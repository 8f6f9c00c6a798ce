"""Text from a ledger or a document as a terminal shows it: never as a command to it.

A name can hold ESC, a C1 control or a bidirectional override; written as it is, it could
clear the screen, set the window title, write to the clipboard (OSC 52) or reorder what is
read. Every such character is shown as its escape (\\x1b, \\u202e) instead, so what is on the
screen is exactly the text, and visibly so.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

# Controls (C0, DEL, C1), line and paragraph separators, format characters (bidi controls,
# zero-width spaces, the byte-order mark) and letters that show as nothing: none is seen as
# itself. The pattern is large, and compiled only when a text is not plainly printable.
_SUSPECT_CLASS: Final = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001-\U000e007f"
    # The combining grapheme joiner, Hangul fillers, Khmer inherent vowels, Mongolian and
    # other variation selectors, the braille blank.
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef\t"
)


@lru_cache(maxsize=2)
def _suspect(with_newline: bool) -> re.Pattern[str]:
    return re.compile(f"[{_SUSPECT_CLASS}{chr(10) if with_newline else ''}]")


def has_hidden(text: str) -> bool:
    """Whether text holds a character visible() escapes, line breaks aside."""
    return not _plain(text) and _suspect(False).search(text) is not None


def _plain(text: str) -> bool:
    return text.isprintable() and not _INVISIBLE_LETTERS.search(text)


# The characters of _SUSPECT_CLASS that str.isprintable() counts as printable.
_INVISIBLE_LETTERS: Final = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
    "\U000e0100-\U000e01ef]"
)


@lru_cache(maxsize=256)
def _escape(char: str) -> str:
    code = ord(char)
    if char == "\t":
        return "\\t"
    if char == "\n":
        return "\\n"
    if char == "\r":
        return "\\r"
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def visible(text: str, *, one_line: bool = False) -> str:
    """text with every control, separator and format character escaped; with one_line, the
    line breaks too (a name on one line of a table)."""
    # Most text is printable throughout (no control, separator or format character) and has
    # none of the invisible letters and marks: it is returned without the large pattern.
    if _plain(text):
        return text
    pattern = _suspect(one_line)
    if pattern.search(text) is None:
        return text
    return pattern.sub(lambda match: _escape(match.group()), text)


def quoted(name: str) -> str:
    """A name in quotes for a message, on one line and with its hidden characters shown."""
    return f"'{visible(name, one_line=True)}'"


def escaped_characters(text: str) -> list[str]:
    """The characters of text that visible() escapes (line breaks included), in order."""
    return [] if _plain(text) else _suspect(True).findall(text)
