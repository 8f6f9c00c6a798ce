"""Options shared by the commands."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import Annotated

import typer

from izumi_ledger.cli.terminal import fail
from izumi_ledger.text.messages import ENVIRONMENT_VARIABLE, LANGUAGES, t, use


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class TextFormat(StrEnum):
    text = "text"
    json = "json"


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class DisplayUnit(StrEnum):
    sen_en = "千円"
    man_en = "万円"
    en = "円"


LedgerOption = Annotated[
    str | None,
    typer.Option(
        "--ledger",
        "-l",
        metavar="PATH",
        show_default=False,
        help="読む台帳ファイル。省略時は環境変数 IZUMI_LEDGER、それもなければ同梱の台帳。",
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="出力形式: table, json, csv, markdown。"),
]
UnitOption = Annotated[
    DisplayUnit | None,
    typer.Option(
        "--unit",
        "-u",
        show_default=False,
        help="表示の単位: 千円, 万円, 円（省略時は台帳の単位）。",
    ),
]


class LanguageChoice(StrEnum):
    ja = "ja"
    en = "en"


LanguageOption = Annotated[
    LanguageChoice | None,
    typer.Option(
        "--lang",
        show_default=False,
        help="表示の言語: ja, en（省略時は環境変数 IZUMI_LANG、それもなければ ja）。",
    ),
]


def apply_language(choice: LanguageChoice | None) -> None:
    """Use the language asked for: --lang, else IZUMI_LANG (ja or en), else Japanese."""
    if choice is not None:
        use("en" if choice is LanguageChoice.en else "ja")
        return
    from_environment = os.environ.get(ENVIRONMENT_VARIABLE, "")
    if from_environment and from_environment not in LANGUAGES:
        fail(t("cli.bad_language", value=from_environment))
    use("en" if from_environment == "en" else "ja")
