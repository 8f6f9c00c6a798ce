"""One place that owns the output streams: data to stdout, messages to stderr."""

from __future__ import annotations

import os
import re
import shutil
import sys
from typing import TYPE_CHECKING, NoReturn, TextIO

import typer

from izumi_ledger.text.messages import t

if TYPE_CHECKING:
    from rich.console import Console

# What rich shows differently from a plain write: tabs (expanded by cell width) and control
# characters (dropped). Lines with these go through rich, as styled lines do.
RICH_REWRITES = re.compile("[\t\a\b\v\f\r]")


def _colour_allowed() -> bool:
    return not os.environ.get("NO_COLOR")


def colour_wanted(stream: TextIO) -> bool:
    """Whether text drawn without rich is coloured, decided as rich decides: never with
    NO_COLOR or on a dumb terminal, always with FORCE_COLOR, otherwise on a terminal."""
    if not _colour_allowed() or os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def terminal_width() -> int:
    """Columns of the terminal: COLUMNS when set, else the terminal's own, else 80."""
    return shutil.get_terminal_size().columns


def _console(stream: TextIO) -> Console:
    from rich.console import Console

    # With NO_COLOR no escape codes at all, not even bold: the output may be parsed.
    if _colour_allowed():
        return Console(file=stream, highlight=False, emoji=False)
    return Console(file=stream, highlight=False, emoji=False, no_color=True, color_system=None)


def stdout_console() -> Console:
    """A console on stdout; colour only on a terminal and never with NO_COLOR."""
    return _console(sys.stdout)


def stderr_console() -> Console:
    """A console on stderr, for messages."""
    return _console(sys.stderr)


class Lines:
    """Whole lines of text on one stream, never wrapped. Plain lines are written directly, so
    that a command that only prints lines does not load rich; a styled line, or one a terminal
    would show differently, goes through rich's console."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._console: Console | None = None

    def print(self, text: str = "", style: str | None = None) -> None:
        if (style and _colour_allowed()) or RICH_REWRITES.search(text):
            if self._console is None:
                self._console = _console(self.stream)
            self._console.print(text, markup=False, soft_wrap=True, style=style)
        else:
            self.stream.write(text + "\n")


def stdout_lines() -> Lines:
    """Lines on stdout."""
    return Lines(sys.stdout)


def stderr_lines() -> Lines:
    """Lines on stderr, for messages."""
    return Lines(sys.stderr)


def write_data(text: str) -> None:
    """Pure data on stdout, never wrapped or styled."""
    sys.stdout.write(text)
    sys.stdout.flush()


def write_bytes(data: bytes) -> None:
    """Bytes on stdout exactly as given (a byte-order mark, CRLF line ends)."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream, such as a test's capture
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def fail(message: str, hint: str = "", code: int = 2) -> NoReturn:
    """Say why the command cannot go on, on stderr, and exit with code."""
    lines = stderr_lines()
    lines.print(f"izumi: {message}")
    if hint:
        lines.print(t("cli.hint", hint=hint))
    raise typer.Exit(code)
