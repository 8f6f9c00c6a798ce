"""Options shared by the commands, and the output formats each kind of command takes."""

from __future__ import annotations

import os
from typing import Annotated, Literal

import typer

from izumi_ledger.cli.messages import t
from izumi_ledger.errors import UsageError
from izumi_ledger.format.amounts import Unit
from izumi_ledger.text.messages import LANGUAGE_VARIABLE, LANGUAGES, Language, use

# The formats of a command whose output is rows (totals, list, diff).
RowFormat = Literal["table", "json", "csv", "markdown"]
# `check`: findings as text, data, annotations on a pull request, or rows.
CheckFormat = Literal["text", "json", "github", "csv", "markdown"]
# `show`: one program as a tree, as data, as Markdown, or its items as rows.
ShowFormat = Literal["text", "json", "markdown", "csv"]

LedgerOption = Annotated[
    str | None,
    typer.Option(
        "--ledger",
        "-l",
        metavar="PATH",
        show_default=False,
        help="読む台帳ファイル（- で標準入力）。"
        "省略時は環境変数 IZUMI_LEDGER、それもなければ同梱の台帳。",
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="キャッシュを使わずに台帳を読む（環境変数 IZUMI_CACHE=0 と同じ）。",
    ),
]
RowFormatOption = Annotated[
    RowFormat,
    typer.Option("--format", "-f", help="出力形式: table, json, csv, markdown。"),
]
UnitOption = Annotated[
    Unit | None,
    typer.Option(
        "--unit",
        "-u",
        show_default=False,
        help="表示の単位: 千円, 万円, 円（省略時は台帳の単位）。",
    ),
]
LanguageOption = Annotated[
    Language | None,
    typer.Option(
        "--lang",
        show_default=False,
        help="表示の言語: ja, en（省略時は環境変数 IZUMI_LANG、それもなければ ja）。",
    ),
]


def apply_language(choice: Language | None) -> None:
    """Use the language asked for: --lang, else IZUMI_LANG (ja or en), else Japanese."""
    if choice is not None:
        use(choice)
        return
    from_environment = os.environ.get(LANGUAGE_VARIABLE, "")
    if from_environment and from_environment not in LANGUAGES:
        raise UsageError(t("cli.bad_language", value=from_environment))
    use("en" if from_environment == "en" else "ja")
