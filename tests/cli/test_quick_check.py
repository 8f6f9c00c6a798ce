"""`izumi check` read without typer: whatever the quick reading takes, typer reads the same,
and the command says the same either way."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from support import REPO, run_cli, run_in_process

from izumi_ledger.cli.app import load_command
from izumi_ledger.cli.commands.check import _QUICK, quick_options

DEFAULTS: dict[str, Any] = {
    "ledger": (),
    "strict": False,
    "output": "text",
    "no_cache": False,
    "lang": None,
}
WORDS = [
    "--ledger", "-l", "x.yaml", "-", "--format", "-f", "json", "text", "github", "csv",
    "markdown", "table", "--lang", "en", "ja", "fr", "--strict", "--no-cache", "--format=json",
    "--ledger=a.yaml", "--strict=1", "--", "-h", "--help", "--debug", "-fjson", "--form",
]  # fmt: skip


def typer_reading(arguments: list[str]) -> dict[str, Any] | None:
    command = load_command("check")
    try:
        context = command.make_context("check", list(arguments))
    except Exception:  # typer refuses it (or answers it, as --help)
        return None
    params = dict(context.params)
    # Ledgers named as arguments follow those of --ledger, as the command joins them.
    params["ledger"] = (*(params["ledger"] or ()), *(params.pop("ledgers") or ()))
    return params


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=6))
def test_what_the_quick_reading_takes_typer_reads_the_same(arguments: list[str]) -> None:
    quick = quick_options(arguments)
    if quick is not None:
        assert typer_reading(arguments) == {**DEFAULTS, **quick}


def test_the_quick_reading_knows_every_option_of_check() -> None:
    command = load_command("check")
    names = {
        name
        for parameter in command.params
        if parameter.param_type_name == "option"
        for name in parameter.opts
    }
    assert names - {"--help", "-h"} == set(_QUICK)
    for parameter in command.params:
        choices = getattr(parameter.type, "choices", None)
        if choices:
            for name in parameter.opts:
                assert tuple(choices) == _QUICK[name][1]


def test_the_command_says_the_same_with_and_without_typer(tmp_path: Any) -> None:
    bad = str(REPO / "tests" / "bad" / "item-sum.yaml")
    for arguments in (
        [],
        ["--format", "json"],
        ["-f", "github", "--strict"],
        ["--ledger", bad],
        [f"--ledger={bad}", "--lang", "en", "--format=csv"],
        ["-l", bad, "--no-cache", "-f", "markdown"],
    ):
        assert quick_options(arguments) is not None
        quick = subprocess.run(
            [sys.executable, "-m", "izumi_ledger", "check", *arguments],
            capture_output=True,
            text=True,
            timeout=60,
            # Elsewhere than the repository: the same izumi as this process, installed or not.
            cwd=tmp_path,
            env={**__import__("os").environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"},
        )
        through_typer = run_cli("check", *arguments)
        assert (quick.returncode, quick.stdout, quick.stderr) == (
            through_typer.exit_code,
            through_typer.stdout,
            through_typer.stderr,
        ), arguments


def test_a_quick_check_imports_no_typer(tmp_path: Any) -> None:
    _, modules = run_in_process(["check"], tmp_path, {})
    assert not [name for name in modules if name.split(".")[0] in ("typer", "click")]
    _, modules = run_in_process(["check", "--help"], tmp_path, {})
    assert "typer" in modules  # help, and anything the quick reading does not take, is typer's
