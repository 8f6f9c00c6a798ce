"""The `izumi` command: its commands, and the one place where failures become exit statuses."""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING

import typer
from typer.core import TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from .. import __version__
from ..messages import t

if TYPE_CHECKING:
    from typer._click import Command, Context

# Each command lives in its own module, imported only when that command runs (or when help
# lists them all): `izumi check` does not pay for the exporters, the importer or rich tables.
COMMANDS: dict[str, str] = {
    "check": "check_cmd:check_command",
    "totals": "totals_cmd:totals_command",
    "list": "list_cmd:list_command",
    "show": "show_cmd:show_command",
    "import": "import_cmd:import_command",
    "diff": "diff_cmd:diff_command",
    "export": "export_cmd:export_command",
    "schema": "schema_cmd:schema_command",
}


class _CommandsOnDemand(TyperGroup):
    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module_name, function_name = COMMANDS[cmd_name].split(":")
            module = importlib.import_module(f"{__package__}.{module_name}")
            info = CommandInfo(name=cmd_name, callback=getattr(module, function_name))
            self.commands[cmd_name] = get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
        return self.commands.get(cmd_name)


app = typer.Typer(
    cls=_CommandsOnDemand,
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
            import traceback

            traceback.print_exc()
        else:
            sys.stderr.write(t("cli.unexpected", version=__version__) + "\n")
        sys.exit(3)
