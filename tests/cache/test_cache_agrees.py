"""The cache never changes an answer: every ledger of the bad corpus, generated ledgers and the
bundled one, every command in text and JSON, with the cache off, on a miss and on a hit, print
the same bytes and exit with the same status."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from support import REPO, run_cli

BAD = REPO / "tests" / "bad"
COMMANDS = (
    ("check",),
    ("check", "--format", "json"),
    ("totals",),
    ("totals", "--by", "section", "--format", "json"),
    ("list", "--items"),
    ("list", "--format", "json"),
    ("show", "1"),
    ("show", "1", "--format", "json"),
    ("export",),
)


def _ledgers(folder: Path) -> list[Path]:
    sys.path.insert(0, str(REPO))
    from bench.generate import write_ledger

    generated = [write_ledger(folder / f"generated-{n}.yaml", n, seed=n) for n in (40, 160)]
    corpus = sorted(path for path in BAD.iterdir() if path.suffix == ".yaml")
    return [*corpus, *generated, REPO / "data" / "programs.yaml"]


def _outcome(args: tuple[str, ...], env: dict[str, str]) -> tuple[int, str, str]:
    run = run_cli(*args, env=env)
    return run.exit_code, run.stdout, run.stderr


def _readable(path: Path) -> bool:
    from izumi_ledger.loading import load

    return load(path).ledger is not None


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_off_miss_and_hit_say_the_same(tmp_path: Path, command: tuple[str, ...]) -> None:
    folder = tmp_path / "cache"
    differ = []
    ledgers = _ledgers(tmp_path)
    if command[0] != "check":
        # Every command reads its ledger through the one path check does (cli/ledger.py):
        # check takes every ledger that cannot be read; the others take a few of them, and
        # every one that can.
        unreadable = [path for path in ledgers if not _readable(path)]
        ledgers = [path for path in ledgers if path not in unreadable[3:]]
    for path in ledgers:
        args = (*command, "--ledger", str(path))
        off = _outcome(args, {"IZUMI_CACHE": "0"})
        shutil.rmtree(folder, ignore_errors=True)
        on = {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}
        miss = _outcome(args, on)
        hit = _outcome(args, on)
        if not off == miss == hit:
            differ.append(path.name)
    assert differ == []


def test_diff_says_the_same_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    old, new = (REPO / "tests" / "fixtures" / f"diff-{age}.yaml" for age in ("old", "new"))
    for output in ("table", "json"):
        args = ("diff", str(old), str(new), "--format", output)
        off = _outcome(args, {"IZUMI_CACHE": "0"})
        on = {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}
        assert _outcome(args, on) == off == _outcome(args, on)
