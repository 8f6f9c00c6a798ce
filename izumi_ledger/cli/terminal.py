"""One place that owns the output streams: data to stdout, messages to stderr."""

from __future__ import annotations

import os
import sys
from typing import NoReturn, TextIO

import typer
from rich.console import Console

from ..messages import t


def _colour_allowed() -> bool:
    return not os.environ.get("NO_COLOR")


def _console(stream: TextIO) -> Console:
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
    console = stderr_console()
    console.print(f"izumi: {message}", markup=False, soft_wrap=True)
    if hint:
        console.print(t("cli.hint", hint=hint), markup=False, soft_wrap=True)
    raise typer.Exit(code)
