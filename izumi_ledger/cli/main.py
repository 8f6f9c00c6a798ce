"""The `izumi` command: its commands, and the one place where failures become exit statuses."""

from __future__ import annotations

import os
import sys
import traceback

import typer

from .. import __version__
from ..messages import t
from .check_cmd import check_command
from .diff_cmd import diff_command
from .export_cmd import export_command
from .import_cmd import import_command
from .list_cmd import list_command
from .schema_cmd import schema_command
from .show_cmd import show_command
from .totals_cmd import totals_command

app = typer.Typer(
    name="izumi",
    help="区の予算を YAML の台帳で持ち、合計し、すべての部分が全体に合うことを確かめる。\n\n"
    "台帳は --ledger/-l、環境変数 IZUMI_LEDGER、"
    "同梱の台帳（横浜市泉区 令和3年度 施策2）の順に探す。",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["--help", "-h"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"izumi {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="版を表示して終わる。"
    ),
    debug: bool = typer.Option(
        False, "--debug", help="想定外の失敗のとき、トレースバックを表示する。"
    ),
) -> None:
    """izumi: 区の予算台帳を検査・集計する。"""


app.command("check")(check_command)
app.command("totals")(totals_command)
app.command("list")(list_command)
app.command("show")(show_command)
app.command("import")(import_command)
app.command("diff")(diff_command)
app.command("export")(export_command)
app.command("schema")(schema_command)


def main() -> None:
    """Run izumi; an unexpected failure prints a short apology (the traceback with --debug)."""
    try:
        app(prog_name="izumi")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write(t("cli.interrupted") + "\n")
        sys.exit(130)
    except BrokenPipeError:
        # The reader stopped early (izumi list | head): not a failure. Point stdout at
        # /dev/null so that flushing it at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
    except Exception:
        if "--debug" in sys.argv[1:] or os.environ.get("IZUMI_DEBUG"):
            traceback.print_exc()
        else:
            sys.stderr.write(t("cli.unexpected", version=__version__) + "\n")
        sys.exit(3)
