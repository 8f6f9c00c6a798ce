"""The `izumi` command: its commands, the ledger they read, and the one error boundary.

Commands return their exit status; expected failures (IzumiError) become a message on stderr
and their status here, in one place; output failures are the Terminal's. Anything else is a
defect: a short apology and exit 3 (the traceback with --debug).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from izumi_ledger import __version__
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.terminal import colour_wanted, start_terminal, terminal, terminal_width
from izumi_ledger.errors import IzumiError

if TYPE_CHECKING:
    from typer._click import Command, Context

    from izumi_ledger.format.models import Ledger
    from izumi_ledger.load import Checked


@dataclass(frozen=True)
class CommandEntry:
    """Where a command is defined, and the line that describes it in `izumi --help`."""

    module: str
    function: str
    help: str


# Each command lives in its own module, imported only when that command runs: `izumi check`
# does not pay for the exporters, the importer or rich tables, and `izumi --help` lists the
# commands from these lines (a test keeps each equal to its docstring's first paragraph).
COMMANDS: dict[str, CommandEntry] = {
    "check": CommandEntry(
        "check", "check_command", help="台帳を検査する（合計・件数・番号・担当課）。"
    ),
    "totals": CommandEntry(
        "totals", "totals_command", help="予算を合計する（施策・事業・担当課・タグ別）。"
    ),
    "list": CommandEntry(
        "list", "list_command", help="事業を一覧する（担当課・タグ・金額・文字列で絞り込み）。"
    ),
    "show": CommandEntry("show", "show_command", help="一つの事業を詳しく見る。"),
    "import": CommandEntry(
        "import_", "import_command", help="予算の文書のテキストから台帳を作る。"
    ),
    "diff": CommandEntry(
        "diff", "diff_command", help="二つの台帳を比べる（年度どうし、版どうし）。"
    ),
    "export": CommandEntry(
        "export",
        "export_command",
        help="台帳を他の道具に渡す（CSV・JSON・Excel・SQLite・データパッケージ）。",
    ),
    "schema": CommandEntry(
        "schema", "schema_command", help="台帳の書式を JSON Schema（draft 2020-12）で出力する。"
    ),
}


def _help(command: Command, context: Context, subcommands: TyperGroup | None) -> str:
    # izumi draws its help itself: rich's help renderer alone takes longer to import than
    # Python takes to start, and it cuts Japanese help short with "…" instead of folding it.
    from izumi_ledger.cli.render.commandhelp import help_screen
    from izumi_ledger.cli.render.help import render

    styled = colour_wanted(sys.stdout)
    if styled:
        context.color = True  # click would otherwise strip the colour from a pipe
    return render(help_screen(command, context, subcommands), terminal_width(), styled).rstrip()


class _Command(TyperCommand):
    def get_help(self, ctx: Context) -> str:
        return _help(self, ctx, None)


def load_command(name: str) -> Command:
    """The full command: its module imported, its options read from its signature."""
    entry = COMMANDS[name]
    module = importlib.import_module(f"{__package__}.commands.{entry.module}")
    callback = _bounded(getattr(module, entry.function))
    info = CommandInfo(name=name, cls=_Command, callback=callback)
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


class _CommandsOnDemand(TyperGroup):
    """Commands are loaded when one is run; listing them needs only their summaries."""

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_help(self, ctx: Context) -> str:
        return _help(self, ctx, self)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        # `izumi` alone shows the help on stdout and exits 2, as a usage error.
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            typer.echo(self.get_help(ctx), color=ctx.color)
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        return self._listed(cmd_name) if cmd_name in COMMANDS else None

    def _listed(self, name: str) -> Command:
        # The loaded command if it has been run, else a stand-in with its name and summary.
        return self.commands.get(name) or TyperCommand(name, help=COMMANDS[name].help)

    def resolve_command(
        self, ctx: Context, args: list[str]
    ) -> tuple[str | None, Command | None, list[str]]:
        name = args[0] if args else ""
        if name in COMMANDS:
            if name not in self.commands:
                self.commands[name] = load_command(name)
            return name, self.commands[name], args[1:]
        # An unknown name: typer's usage error, with "did you mean" drawn from every command.
        for other in COMMANDS:
            self.commands[other] = self._listed(other)
        return super().resolve_command(ctx, args)


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


def _bounded(command: Callable[..., int | None]) -> Callable[..., None]:
    """The command run inside the error boundary: its status, or its failure's, as the exit."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        screen = start_terminal()
        try:
            status = command(*args, **kwargs) or 0
        except IzumiError as error:
            screen.failure(error)
            status = error.exit_status
        try:
            screen.finish()
        except IzumiError as error:  # the last of the output could not be written
            screen.failure(error)
            status = error.exit_status
        raise typer.Exit(status)

    return run


class LedgerUnreadable(IzumiError):
    """The ledger a command needs cannot be read as one; its findings are already shown."""


def open_checked(option: str | None, no_cache: bool = False) -> Checked:
    """The ledger the command line names (--ledger, IZUMI_LEDGER, the bundled one; - for
    standard input), read and checked through the cache unless it is turned off."""
    from izumi_ledger.cache import default_cache
    from izumi_ledger.cli.progress import TerminalProgress
    from izumi_ledger.load import Source, check
    from izumi_ledger.source.files import STANDARD_INPUT, locate_ledger

    located = locate_ledger(option)
    source: Source = located
    name = located
    if located == STANDARD_INPUT:
        source, name = sys.stdin.buffer, "<stdin>"
    cache = None if no_cache else default_cache()
    progress = TerminalProgress(terminal().err)
    checker = check if cache is None else cache.check
    checked = checker(source, name=name, progress=progress)
    progress.finish()
    return checked


def open_ledger(option: str | None, no_cache: bool = False) -> tuple[Ledger, str]:
    """The validated ledger and its name; LedgerUnreadable, every reason shown on stderr,
    when it cannot be read."""
    from izumi_ledger.cli.render.findings import finding_lines

    checked = open_checked(option, no_cache)
    screen = terminal()
    ledger = checked.ledger
    if ledger is None:
        for finding in checked.findings:
            screen.message()
            for line in finding_lines(finding, None):
                screen.message(line)
        screen.message()
        raise LedgerUnreadable(
            t("cli.unreadable", ledger=checked.name, count=len(checked.findings))
        )
    if checked.errors:
        screen.message(t("cli.sums_wrong", count=checked.errors, ledger=checked.name))
    return ledger, checked.name


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
        # The reader of a help screen stopped early (izumi --help | head): not a failure.
        # stdout points at /dev/null so that flushing it at exit does not fail again.
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
