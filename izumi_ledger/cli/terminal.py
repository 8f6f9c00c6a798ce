"""One place that owns the output streams: data to stdout, messages to stderr."""

from __future__ import annotations

import os
import sys
from typing import NoReturn

import typer
from rich.console import Console


def _colour_allowed() -> bool:
    return not os.environ.get("NO_COLOR")


def stdout_console() -> Console:
    """A console on stdout; colour only on a terminal and never with NO_COLOR."""
    return Console(file=sys.stdout, highlight=False, no_color=not _colour_allowed(), emoji=False)


def stderr_console() -> Console:
    return Console(file=sys.stderr, highlight=False, no_color=not _colour_allowed(), emoji=False)


def write_data(text: str) -> None:
    """Pure data on stdout, never wrapped or styled."""
    sys.stdout.write(text)
    sys.stdout.flush()


def fail(message: str, hint: str = "", code: int = 2) -> NoReturn:
    """Say why the command cannot go on, on stderr, and exit with code."""
    console = stderr_console()
    console.print(f"izumi: {message}", markup=False, soft_wrap=True)
    if hint:
        console.print(f"  ヒント: {hint}", markup=False, soft_wrap=True)
    raise typer.Exit(code)
