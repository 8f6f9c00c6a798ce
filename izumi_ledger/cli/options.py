"""Options shared by the commands."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer


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
