"""Start-up: each command imports what it needs, and help reads the same either way."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
import typer
from support import run_cli, run_in_process
from typer.main import get_command

from izumi_ledger.cli.app import COMMANDS, app, load_command


@pytest.mark.parametrize("name", list(COMMANDS))
def test_each_summary_is_the_first_paragraph_of_its_command_help(name: str) -> None:
    entry = COMMANDS[name]
    module = importlib.import_module(f"izumi_ledger.cli.commands.{entry.module}")
    function = getattr(module, entry.function)
    if entry.built:
        function = function()
    first_paragraph = inspect.cleandoc(function.__doc__).split("\n\n")[0]
    assert entry.help == first_paragraph
    assert load_command(name).name == name


def _root_help(group: typer.core.TyperGroup) -> str:
    return group.get_help(typer.Context(group, info_name="izumi"))


def test_help_lists_the_commands_the_same_whether_they_are_loaded_or_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    from_summaries = _root_help(group)
    for name in COMMANDS:
        group.resolve_command(typer.Context(group, info_name="izumi"), [name])
    assert all(command.params for command in group.commands.values())  # the real commands
    assert _root_help(group) == from_summaries
    for name, entry in COMMANDS.items():
        assert re.search(rf"│ {name} +{re.escape(entry.help)}", from_summaries)


def _imported_after(*args: str, cwd: Path) -> list[str]:
    return run_in_process(list(args), cwd, {})[1]


def test_help_and_check_import_no_other_command(tmp_path: Path) -> None:
    for args, own in ((["--help"], None), (["check"], "check")):
        modules = _imported_after(*args, cwd=tmp_path)
        commands = {m.rsplit(".", 1)[1] for m in modules if m.startswith("izumi_ledger.cli.")}
        loaded = {entry.module for entry in COMMANDS.values()} & commands
        assert loaded == ({own} if own else set()), args
        assert "izumi_ledger.export.writers" not in modules
        assert "izumi_ledger.importer.build" not in modules
    assert "pydantic.main" not in _imported_after("--version", cwd=tmp_path)


def test_a_mistyped_command_is_answered_with_the_closest_names() -> None:
    result = run_cli("chek")
    assert result.exit_code == 2
    assert "もしかして check？" in result.stderr
    assert "コマンド: check, totals" in result.stderr
