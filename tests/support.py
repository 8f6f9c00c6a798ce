"""Helpers for the tests: run the CLI at a fixed width without colour, write small ledgers."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from izumi_ledger.cli.app import app
from izumi_ledger.loading import Loaded, load

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
# Pinned so that tables wrap the same way on every machine.
CLI_ENV = {
    "COLUMNS": "80",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "IZUMI_LEDGER": "",
    "IZUMI_CACHE": "",
}


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


def _inherited() -> dict[str, str]:
    """This process's environment without the settings that would change what izumi reads."""
    return {k: v for k, v in os.environ.items() if k not in ("IZUMI_LEDGER", "IZUMI_CACHE")}


def izumi(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run izumi as its own process (as a user would), with no IZUMI_LEDGER set."""
    environment = {**_inherited(), "COLUMNS": "80", "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "izumi_ledger", *args],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_in_process(
    args: list[str], cwd: Path, env: dict[str, str]
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run izumi in a fresh interpreter; also return the modules it had imported at the end
    (written to stderr as its last line)."""
    script = (
        "import sys\n"
        "from izumi_ledger.cli.main import main\n"
        f"sys.argv = ['izumi', *{args!r}]\n"
        "try:\n    main()\n"
        "except SystemExit:\n    pass\n"
        "sys.stderr.write('\\n' + repr(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**_inherited(), "NO_COLOR": "1", "COLUMNS": "80", **env},
        timeout=60,
    )
    modules: list[str] = ast.literal_eval(result.stderr.splitlines()[-1])
    return result, modules


def run_cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Invoke izumi in-process with a fixed 80-column, colourless terminal."""
    result = CliRunner().invoke(app, list(args), env={**CLI_ENV, **(env or {})})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)


class LedgerWriter:
    """Writes inline YAML (dedented) to a file and returns its path."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def __call__(self, text: str, name: str = "ledger.yaml") -> Path:
        path = self.folder / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path


def assert_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/NAME; IZUMI_UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("IZUMI_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with IZUMI_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


# The top of a small valid ledger; tests add sections and policies.
HEADER = """\
ledger: 1
city: 横浜市
ward: 泉区
fiscal_year: 2021
unit: 千円
source: テスト
"""

# The smallest valid ledger: one policy, one program, every figure adding up.
SMALL = (
    HEADER
    + """\
sections: [地域振興課]
policies:
  - number: 1
    title: 施策
    amount: 100
    programs:
      - number: 1
        name: 事業
        amount: 100
        sections: [地域振興課]
"""
)


def load_text(text: str, name: str = "<text>") -> Loaded:
    """Load a ledger given as YAML text."""
    return load(text.encode("utf-8", "surrogatepass"), name=name)


def hide_module(monkeypatch: pytest.MonkeyPatch, prefix: str) -> None:
    """Make every import of a module whose name starts with prefix fail, as if it were not
    installed."""
    import builtins

    real_import = builtins.__import__

    def importing(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith(prefix):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", importing)
