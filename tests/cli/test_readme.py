"""The README shows real output: each example block is what the command prints today."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from support import REPO, run_cli

from izumi_ledger.source.files import bundled_ledger

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n\$ izumi (.+?)\n(.*?)```", README, re.DOTALL)
BUNDLED_EXAMPLES = [
    (command, output)
    for command, output in BLOCKS
    if "--ledger" not in command and not command.startswith(("diff", "import"))
]


def test_the_readme_opens_with_two_set_up_commands() -> None:
    set_up = README.split("## Set up", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in set_up.splitlines() if line.strip()]
    assert commands == ["pip install . && izumi totals", "pip install '.[test]' && pytest"]
    assert "pip install --quiet '.[test]' && pytest" in (REPO / ".ci" / "run").read_text()


def test_every_headline_command_is_shown() -> None:
    shown = {command for command, _ in BUNDLED_EXAMPLES}
    assert {"check", "totals", "totals --by section", "list --section 地域振興課"} <= shown


@pytest.mark.parametrize(
    ("command", "output"), BUNDLED_EXAMPLES, ids=[c for c, _ in BUNDLED_EXAMPLES]
)
def test_readme_example_matches_the_real_output(command: str, output: str) -> None:
    result = run_cli(*shlex.split(command))
    assert result.exit_code == 0
    shown = result.stdout.replace(str(bundled_ledger()), "…/izumi_ledger/data/programs.yaml")
    assert [line.rstrip() for line in shown.rstrip("\n").split("\n")] == output.rstrip("\n").split(
        "\n"
    )


def test_the_diff_example_is_the_pinned_output() -> None:
    (output,) = [output for command, output in BLOCKS if command.startswith("diff")]
    golden = (REPO / "tests" / "golden" / "diff.txt").read_text(encoding="utf-8")
    assert output.rstrip("\n").split("\n") == [line.rstrip() for line in golden.splitlines()]


def test_the_typo_example_is_what_check_says_in_the_fixtures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    (output,) = [output for command, output in BLOCKS if command == "check --ledger typo.yaml"]
    monkeypatch.chdir(REPO / "tests" / "fixtures")
    result = run_cli("check", "--ledger", "typo.yaml")
    assert result.exit_code == 1
    assert result.stdout.rstrip("\n").split("\n") == output.rstrip("\n").split("\n")


def test_the_import_example_is_what_import_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (command, output) = next((c, o) for c, o in BLOCKS if c.startswith("import"))
    monkeypatch.chdir(REPO)
    written = str(tmp_path) + "/kohaku.yaml"
    args = [written if arg == "kohaku.yaml" else arg for arg in shlex.split(command)]
    result = run_cli(*args)
    assert result.exit_code == 0
    shown = result.stderr.replace(written, "kohaku.yaml")
    assert shown.rstrip("\n").split("\n") == output.rstrip("\n").split("\n")
