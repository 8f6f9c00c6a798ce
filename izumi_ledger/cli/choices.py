"""What the commands' options may be, decided without typer: the output formats each kind of
command takes, and the language."""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Literal

from izumi_ledger.cli.messages import t
from izumi_ledger.errors import UsageError
from izumi_ledger.text.messages import LANGUAGE_VARIABLE, LANGUAGES, Language, reset, use

# The formats of a command whose output is rows (totals, list, diff).
RowFormat = Literal["table", "json", "csv", "markdown"]
# `check`: findings as text, data, annotations on a pull request, or rows.
CheckFormat = Literal["text", "json", "github", "csv", "markdown"]
# `show`: one program as a tree, as data, as Markdown, or its items as rows.
ShowFormat = Literal["text", "json", "markdown", "csv"]


# The --lang of the command line, read before typer parsed it (izumi --lang en check gives
# it to the group, not to the command): what a command with no --lang of its own uses.
_BEFORE_TYPER: ContextVar[Language | None] = ContextVar("izumi_lang_before", default=None)


def language_before_typer(value: str | None) -> None:
    """Use the --lang written anywhere on the command line from the start, so that help
    screens and usage errors speak it too; a value typer will refuse is left to typer."""
    chosen: Language | None = "en" if value == "en" else "ja" if value == "ja" else None
    _BEFORE_TYPER.set(chosen)
    reset()
    if chosen is not None:
        use(chosen)


def apply_language(choice: Language | None) -> None:
    """Use the language asked for: --lang, else IZUMI_LANG (ja or en), else Japanese."""
    choice = choice or _BEFORE_TYPER.get()
    if choice is not None:
        use(choice)
        return
    from_environment = os.environ.get(LANGUAGE_VARIABLE, "")
    if from_environment and from_environment not in LANGUAGES:
        raise UsageError(t("cli.bad_language", value=from_environment))
    use("en" if from_environment == "en" else "ja")
