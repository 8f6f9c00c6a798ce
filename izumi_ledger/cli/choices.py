"""What the commands' options may be, decided without typer: the output formats each kind of
command takes, and the language."""

from __future__ import annotations

import os
from typing import Literal

from izumi_ledger.cli.messages import t
from izumi_ledger.errors import UsageError
from izumi_ledger.text.messages import LANGUAGE_VARIABLE, LANGUAGES, Language, use

# The formats of a command whose output is rows (totals, list, diff).
RowFormat = Literal["table", "json", "csv", "markdown"]
# `check`: findings as text, data, annotations on a pull request, or rows.
CheckFormat = Literal["text", "json", "github", "csv", "markdown"]
# `show`: one program as a tree, as data, as Markdown, or its items as rows.
ShowFormat = Literal["text", "json", "markdown", "csv"]


def apply_language(choice: Language | None) -> None:
    """Use the language asked for: --lang, else IZUMI_LANG (ja or en), else Japanese."""
    if choice is not None:
        use(choice)
        return
    from_environment = os.environ.get(LANGUAGE_VARIABLE, "")
    if from_environment and from_environment not in LANGUAGES:
        raise UsageError(t("cli.bad_language", value=from_environment))
    use("en" if from_environment == "en" else "ja")
