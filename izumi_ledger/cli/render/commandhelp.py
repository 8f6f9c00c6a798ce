"""What a command's help screen says, read from the command and its parameters."""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING

from izumi_ledger.cli.helptext import in_language
from izumi_ledger.cli.render.cells import join_lines
from izumi_ledger.cli.render.help import BOLD_CYAN, BOLD_GREEN, BOLD_YELLOW, HelpScreen, Panel, Row

if TYPE_CHECKING:
    from typer._click import Command, Context, Parameter
    from typer.core import TyperGroup


def paragraphs(text: str | None) -> list[str]:
    """A docstring's paragraphs, each on one line (anything after a form feed is left out)."""
    body = inspect.cleandoc(text or "").partition("\f")[0]
    return [join_lines(block.split("\n")) for block in body.split("\n\n") if block.strip()]


def _notes(parameter: Parameter, context: Context) -> tuple[str, ...]:
    # The default, [required] and the like, as click words them after the help text, in the
    # screen's language: [default: text] is [既定: text] in Japanese.
    record = parameter.get_help_record(context)
    written = record[1] if record else ""
    own = getattr(parameter, "help", None) or ""
    rest = written.removeprefix(own).strip() if written.startswith(own) else ""
    rest = re.sub(r"(?<=\[)(default|required)\b", lambda word: in_language(word.group()), rest)
    return (rest,) if rest else ()


def _usage(context: Context, parameters: list[Parameter], group: bool) -> str:
    pieces = [context.command_path]
    if any(p.param_type_name == "option" for p in parameters):
        pieces.append(in_language("[OPTIONS]"))
    for parameter in parameters:
        if parameter.param_type_name == "argument":
            name = parameter.make_metavar(context)
            name = name if parameter.required else f"[{name}]"
            pieces.append(f"{name}..." if parameter.nargs == -1 else name)
    if group:
        pieces.append(in_language("COMMAND [ARGS]..."))
    return " ".join(pieces)


def _parameter_row(parameter: Parameter, context: Context) -> Row:
    help_text = in_language(" ".join(paragraphs(getattr(parameter, "help", None))))
    notes = _notes(parameter, context)
    if parameter.param_type_name == "argument":
        return Row((parameter.make_metavar(context),), help_text, notes)
    long_names = [name for name in parameter.opts if name.startswith("--")]
    short_names = [name for name in parameter.opts if not name.startswith("--")]
    long_names += parameter.secondary_opts
    flag = getattr(parameter, "is_flag", False) or getattr(parameter, "count", False)
    metavar = "" if flag else parameter.make_metavar(context)
    # typer's type names, in the screen's language: <str> is <文字列> in Japanese.
    metavar = re.sub(r"<(str|int)>", lambda found: in_language(found.group()), metavar)
    return Row((",".join(long_names), ",".join(short_names), metavar), help_text, notes)


def help_screen(command: Command, context: Context, subcommands: TyperGroup | None) -> HelpScreen:
    """The help screen of command; a group lists its subcommands' summaries."""
    visible = [p for p in command.get_params(context) if not getattr(p, "hidden", False)]
    arguments = [_parameter_row(p, context) for p in visible if p.param_type_name == "argument"]
    options = [_parameter_row(p, context) for p in visible if p.param_type_name != "argument"]
    panels = [
        Panel(in_language("Arguments"), tuple(arguments), (BOLD_CYAN,)),
        Panel(in_language("Options"), tuple(options), (BOLD_CYAN, BOLD_GREEN, BOLD_YELLOW)),
    ]
    if subcommands is not None:
        listed = []
        for name in subcommands.list_commands(context):
            subcommand = subcommands.get_command(context, name)
            if subcommand is not None and not subcommand.hidden:
                summary = paragraphs(subcommand.short_help or subcommand.help)
                listed.append(Row((name,), in_language(summary[0]) if summary else ""))
        panels.append(Panel(in_language("Commands"), tuple(listed), (BOLD_CYAN,)))
    return HelpScreen(
        _usage(context, visible, subcommands is not None),
        tuple(in_language(paragraph) for paragraph in paragraphs(command.help)),
        tuple(panels),
    )
