"""The one family of errors izumi raises when it cannot go on.

Problems in a ledger's data are findings, returned as values; these are for the rest: a usage
error, a document that is not a budget, a file that cannot be written. Each carries the message
people read, a hint, and the exit status the command line gives it.
"""

from __future__ import annotations


class IzumiError(Exception):
    """izumi cannot go on; message and hint say why in the reader's language."""

    exit_status = 2

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class UsageError(IzumiError):
    """What was asked for cannot be done as asked: an unknown name, a bad option value."""


class CannotRead(IzumiError):
    """An input (a document, an environment setting) cannot be read as izumi needs it."""


class CannotWrite(IzumiError):
    """An output cannot be written; path is the file the user named, never a temporary one."""

    def __init__(self, path: str, message: str, hint: str = "") -> None:
        super().__init__(message, hint)
        self.path = path


class MissingExtra(IzumiError):
    """An optional library a format needs is not installed; the hint says how to add it."""
