"""The typer app: its commands, each loaded from its own module only when it runs, and run
inside the one error boundary (cli/main.py)."""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup
from typer.main import get_command_from_info
from typer.models import CommandInfo

from izumi_ledger import __version__
from izumi_ledger.cli.main import bounded
from izumi_ledger.cli.messages import t
from izumi_ledger.cli.options import LanguageOption
from izumi_ledger.cli.terminal import colour_wanted, terminal_width

if TYPE_CHECKING:
    from typer._click import Command, Context


@dataclass(frozen=True)
class CommandEntry:
    """Where a command is defined, and the line that describes it in `izumi --help`."""

    module: str
    function: str
    help: str
    # True when function builds the command (typer imported only then): see commands/check.py.
    built: bool = False


# Each command lives in its own module, imported only when that command runs: `izumi check`
# does not pay for the exporters, the importer or rich tables, and `izumi --help` lists the
# commands from these lines (a test keeps each equal to its docstring's first paragraph).
COMMANDS: dict[str, CommandEntry] = {
    "check": CommandEntry(
        "check", "typer_command", help="台帳を検査する（合計・件数・番号・担当課）。", built=True
    ),
    "totals": CommandEntry(
        "totals", "totals_command", help="予算を合計する（施策・事業・担当課・タグ別）。"
    ),
    "list": CommandEntry(
        "list", "list_command", help="事業を一覧する（担当課・タグ・金額・文字列で絞り込み）。"
    ),
    "show": CommandEntry("show", "show_command", help="一つの事業を詳しく見る。"),
    "import": CommandEntry("import_", "import_command", help="予算の文書から台帳を作る。"),
    "diff": CommandEntry(
        "diff", "diff_command", help="二つの台帳を比べる（年度どうし、版どうし）。"
    ),
    "export": CommandEntry(
        "export",
        "export_command",
        help="台帳を他の道具に渡す（CSV・JSON・Excel・SQLite・データパッケージ）。",
    ),
    "sql": CommandEntry("sql", "sql_command", help="台帳の表に SQL で問い合わせる（読むだけ）。"),
    "report": CommandEntry(
        "report",
        "report_command",
        help="台帳を一枚の HTML にする（図・担当課別・全事業・検査の結果）。",
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
    function = getattr(module, entry.function)
    callback = _bounded(function() if entry.built else function)
    info = CommandInfo(name=name, cls=_Command, callback=callback)
    return get_command_from_info(
        info,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
    )


def language_in(arguments: list[str]) -> str | None:
    """The value of --lang wherever it stands (izumi --lang en check, izumi check --lang en),
    read before typer: its help and its usage errors are said in that language too."""
    found = None
    for index, word in enumerate(arguments):
        if word == "--":
            break
        if word == "--lang" and index + 1 < len(arguments):
            found = arguments[index + 1]  # the last one given, as typer takes the last
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
    return found


class _CommandsOnDemand(TyperGroup):
    """Commands are loaded when one is run; listing them needs only their summaries."""

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """Run a command line; a usage error is said in the user's language, exit 2."""
        from typer._click import exceptions

        from izumi_ledger.cli.choices import language_before_typer
        from izumi_ledger.cli.usage import describe

        arguments = sys.argv[1:] if args is None else list(args)
        language_before_typer(language_in(arguments))
        for parameter in self.params:  # typer's completion says what it did in English
            if "--install-completion" in parameter.opts:
                parameter.callback = _install_completion
        extra.pop("standalone_mode", None)
        try:
            status = super().main(arguments, prog_name, standalone_mode=False, **extra)
        except exceptions.ClickException as error:
            from izumi_ledger.cli.terminal import start_terminal

            named = next((word for word in arguments if word in COMMANDS), "")
            message, hint = describe(error, f"izumi {named}".strip())
            screen = start_terminal()
            screen.message(message)
            if hint:
                screen.message(t("cli.hint", hint=hint))
            screen.finish()
            sys.exit(2)
        except typer.Abort:
            sys.exit(1)
        sys.exit(status if isinstance(status, int) else 0)

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
            _no_option_as_a_value(self.commands[name], args[1:])
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


def _no_option_as_a_value(command: Command, arguments: list[str]) -> None:
    """An option that takes a value, followed by another of the command's options
    (--section --grep x), is missing its value: click would take --grep as the section."""
    from typer._click import exceptions

    takes_value = {
        name
        for parameter in command.params
        if not getattr(parameter, "is_flag", False) and parameter.param_type_name == "option"
        for name in parameter.opts
    }
    every_option = {
        name
        for parameter in command.params
        if parameter.param_type_name == "option"  # an argument's "opts" is its own name
        for name in parameter.opts
    }
    every_option |= {"--help", "-h"}
    for word, following in zip(arguments, arguments[1:], strict=False):
        if word == "--":
            return
        if word in takes_value and following.partition("=")[0] in every_option:
            raise exceptions.BadOptionUsage(word, f"Option {word!r} requires an argument.")


def _install_completion(context: Any, parameter: Any, value: Any) -> None:
    """--install-completion, saying in the user's language where the completion went."""
    if not value or context.resilient_parsing:
        return
    from typer._completion_shared import install

    shell, path = install(shell=value) if isinstance(value, str) else install()
    typer.echo(t("completion.installed", shell=shell, path=path))
    typer.echo(t("completion.restart"))
    raise typer.Exit(0)


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
    lang: LanguageOption = None,
) -> None:
    """izumi: 区の予算台帳を検査・集計する。"""


def _bounded(command: Callable[..., int | None]) -> Callable[..., None]:
    """The command, run inside the error boundary, with its exit status as typer's exit."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        raise typer.Exit(bounded(lambda: command(*args, **kwargs)))

    return run
