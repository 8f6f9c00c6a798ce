"""Options shared by the commands, as typer reads them."""

from __future__ import annotations

from typing import Annotated

import typer

from izumi_ledger.cli.choices import RowFormat
from izumi_ledger.format.amounts import Unit
from izumi_ledger.text.messages import Language

LedgerOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ledger",
        "-l",
        metavar="PATH",
        show_default=False,
        help="読む台帳ファイル（- で標準入力）。"
        "省略時は環境変数 IZUMI_LEDGER、それもなければ同梱の台帳。",
    ),
]
LedgerArguments = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="LEDGER",
        show_default=False,
        help="読む台帳: ファイル、フォルダ（中の *.yaml すべて）、glob。--ledger と同じ。",
    ),
]


def named_ledgers(option: list[str] | None, arguments: list[str] | None) -> list[str] | None:
    """The ledgers named by --ledger and as arguments, in that order; None for none."""
    named = [*(option or ()), *(arguments or ())]
    return named or None


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
ForceOption = Annotated[bool, typer.Option("--force", help="すでにあるファイルを上書きする。")]
