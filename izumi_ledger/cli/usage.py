"""A command line typer cannot take, said in the user's language: what is wrong, and a hint.

typer (and the click inside it) words its usage errors in English, in a box. izumi says them
as it says every other failure: one line naming the command and the mistake, and a hint with
the closest option or command and where the help is. Exit status 2, as for every usage error.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from izumi_ledger.cli.messages import t
from izumi_ledger.text.visible import visible

_QUOTED = re.compile(r"'((?:[^'\\]|\\.)*)'")
_SHOWN_AT_MOST = 80  # characters of what the user typed that a message repeats


def shown(text: str) -> str:
    """What the user typed, as a message may repeat it: bytes that were not UTF-8 as \\xff,
    controls escaped, and a very long word cut short."""
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    # typer quotes a value with repr(): a byte that was not UTF-8 arrives as \udcff there.
    text = re.sub(r"\\udc([89a-f][0-9a-f])", r"\\x\1", visible(text, one_line=True))
    return text if len(text) <= _SHOWN_AT_MOST else text[:_SHOWN_AT_MOST] + "…"


def _name(parameter: Any) -> str:
    """An option by its long name, an argument by its metavar (PROGRAM)."""
    if parameter is None:
        return ""
    if getattr(parameter, "param_type_name", "") == "argument":
        return str(parameter.human_readable_name).upper()
    names = [name for name in parameter.opts if name.startswith("--")] or list(parameter.opts)
    return names[0] if names else str(parameter.name)


def _first_quoted(message: str) -> str:
    found = _QUOTED.search(message)
    return found.group(1) if found else ""


def describe(error: Any, command_line: str = "izumi") -> tuple[str, str]:
    """The message and the hint for a usage error of typer's (a click exception); the
    command line's command names it when the error knows none."""
    from typer._click import exceptions

    context = getattr(error, "ctx", None)
    command = context.command_path if context is not None else command_line
    help_hint = t("usage.see_help", command=command)
    message = str(error.message)
    if isinstance(error, exceptions.NoSuchOption):
        option = shown(error.option_name)
        close = difflib.get_close_matches(error.option_name, _options_of(context), n=1)
        hint = t("usage.did_you_mean", name=close[0]) + " " + help_hint if close else help_hint
        return t("usage.no_such_option", command=command, option=option), hint
    if isinstance(error, exceptions.BadOptionUsage):
        option = shown(error.option_name)
        if "does not take a value" in message:
            return t("usage.no_value", command=command, option=option), help_hint
        return t("usage.needs_value", command=command, option=option), help_hint
    if isinstance(error, exceptions.MissingParameter):
        return t("usage.missing", command=command, name=_name(error.param)), help_hint
    if isinstance(error, exceptions.BadParameter):
        return _bad_value(command, error, message, help_hint)
    if message.startswith("No such command"):
        name = "'" + shown(_first_quoted(message)) + "'"
        close = difflib.get_close_matches(_first_quoted(message), _commands_of(context), n=1)
        commands = ", ".join(_commands_of(context))
        hint = t("usage.did_you_mean", name=close[0]) if close else ""
        return t("usage.no_such_command", name=name), (hint + " " if hint else "") + t(
            "usage.commands", commands=commands
        )
    if message.startswith("Got unexpected extra argument"):
        found = re.search(r"\(([^()]*)\)$", message)
        extra = found.group(1) if found else message
        return t("usage.extra", command=command, arguments=shown(extra)), (help_hint)
    return t("usage.other", command=command, message=shown(message)), help_hint


def _bad_value(command: str, error: Any, message: str, help_hint: str) -> tuple[str, str]:
    name = _name(error.param)
    value = "'" + shown(_first_quoted(message)) + "'"
    choices = getattr(getattr(error.param, "type", None), "choices", None)
    if choices:
        allowed = ", ".join(str(choice) for choice in choices)
        return t("usage.bad_choice", command=command, name=name, value=value), t(
            "usage.choices", choices=allowed
        )
    if "valid int" in message or "valid integer" in message:
        return t("usage.bad_integer", command=command, name=name, value=value), t(
            "usage.write_integer"
        )
    return t("usage.bad_value", command=command, name=name, detail=shown(message)), help_hint


def _options_of(context: Any) -> list[str]:
    if context is None:
        return []
    return [name for parameter in context.command.params for name in parameter.opts]


def _commands_of(context: Any) -> list[str]:
    command = getattr(context, "command", None)
    lister = getattr(command, "list_commands", None)
    return list(lister(context)) if lister is not None else []
