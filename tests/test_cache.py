"""The opt-in cache of checked ledgers: the same answers, faster, and never a stale one."""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

import pytest
from support import SMALL, LedgerWriter, izumi, run_cli, run_in_process

from izumi_ledger.cache import (
    MAX_ENTRIES,
    LedgerCache,
    cache_enabled,
    cache_from_environment,
    default_directory,
)
from izumi_ledger.checking import check_file
from izumi_ledger.text import messages

# A program whose items add up to 90 under a program of 100: one program-sum error.
WRONG = SMALL.replace(
    "        sections: [地域振興課]\n",
    "        sections: [地域振興課]\n"
    "        items:\n"
    "          - {number: 1, name: 細事業, amount: 90}\n",
)


def cached(folder: Path) -> dict[str, str]:
    return {"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)}


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.pickle"))


def test_the_cache_is_off_unless_asked_for(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    assert not cache_enabled({})
    assert not cache_enabled({"IZUMI_CACHE": ""})
    for off in ("0", "false", "No", "OFF"):
        assert not cache_enabled({"IZUMI_CACHE": off})
    assert cache_enabled({"IZUMI_CACHE": "1"})
    assert cache_enabled({"IZUMI_CACHE": "yes"})
    path = ledger_file(SMALL)
    folder = tmp_path / "cache"
    result = run_cli("check", "-l", str(path), env={"IZUMI_CACHE_DIR": str(folder)})
    assert result.exit_code == 0
    assert not folder.exists()


def test_default_directory_follows_the_platform_conventions(tmp_path: Path) -> None:
    assert default_directory({"IZUMI_CACHE_DIR": str(tmp_path)}) == tmp_path
    if sys.platform.startswith("linux"):
        assert default_directory({"XDG_CACHE_HOME": "/x"}) == Path("/x/izumi")
        assert default_directory({}) == Path.home() / ".cache" / "izumi"


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["check", "--format", "json"],
        ["check", "--format", "github"],
        ["check", "--strict"],
        ["check", "--lang", "en"],
        ["totals"],
        ["totals", "--by", "section"],
        ["list"],
        ["show", "1"],
    ],
)
@pytest.mark.parametrize("text", [SMALL, WRONG], ids=["valid", "sum-error"])
def test_a_cached_run_says_exactly_what_a_fresh_one_says(
    ledger_file: LedgerWriter, tmp_path: Path, command: list[str], text: str
) -> None:
    path = ledger_file(text)
    folder = tmp_path / "cache"
    fresh = run_cli(*command, "-l", str(path))
    filling = run_cli(*command, "-l", str(path), env=cached(folder))
    assert len(entries(folder)) == 1
    from_cache = run_cli(*command, "-l", str(path), env=cached(folder))
    for run in (filling, from_cache):
        assert (run.exit_code, run.stdout, run.stderr) == (
            fresh.exit_code,
            fresh.stdout,
            fresh.stderr,
        )


def test_unreadable_ledgers_are_reported_the_same_from_the_cache(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    path = ledger_file(SMALL.replace("amount: 100\n    programs", "amount: 0100\n    programs"))
    folder = tmp_path / "cache"
    fresh = run_cli("check", "-l", str(path))
    assert fresh.exit_code == 2 and "0100" in fresh.stdout  # the quoted source line
    for _ in range(2):
        again = run_cli("check", "-l", str(path), env=cached(folder))
        assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    for _ in range(2):
        totals = run_cli("totals", "-l", str(path), env=cached(folder))
        assert totals.exit_code == 2 and "0100" in totals.stderr


def test_a_changed_file_is_read_again(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    path = ledger_file(SMALL)
    assert run_cli("check", "-l", str(path), env=cached(folder)).exit_code == 0
    ledger_file(WRONG)  # same name, new content
    after = run_cli("check", "-l", str(path), env=cached(folder))
    assert after.exit_code == 1
    assert "item-sum" in after.stdout
    assert len(entries(folder)) == 2


def test_names_and_languages_are_kept_apart(ledger_file: LedgerWriter, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = ledger_file(WRONG, "a.yaml")
    second = ledger_file(WRONG, "b.yaml")
    run_cli("check", "-l", str(first), env=cached(folder))
    renamed = run_cli("check", "-l", str(second), env=cached(folder))
    assert f"{second}:" in renamed.stdout and f"{first}:" not in renamed.stdout
    english = run_cli("check", "-l", str(first), "--lang", "en", env=cached(folder))
    assert "errors" in english.stdout.lower() and "エラー" not in english.stdout


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_damaged_entry_is_a_miss_and_is_replaced(
    ledger_file: LedgerWriter, tmp_path: Path, damage: bytes
) -> None:
    folder = tmp_path / "cache"
    path = ledger_file(WRONG)
    fresh = run_cli("check", "-l", str(path))
    run_cli("check", "-l", str(path), env=cached(folder))
    (entry,) = entries(folder)
    entry.write_bytes(damage)
    again = run_cli("check", "-l", str(path), env=cached(folder))
    assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
    assert entry.read_bytes() != damage
    # Only the ledger part lost: the report is used, the ledger is read from the file again.
    with open(entry, "rb") as stream:
        pickle.load(stream)
        report_end = stream.tell()
    entry.write_bytes(entry.read_bytes()[:report_end])
    cache = LedgerCache(folder)
    key = entry.name.removesuffix(".pickle")
    assert cache.report(key) is not None and cache.ledger(key) is None
    totals = run_cli("totals", "-l", str(path), env=cached(folder))
    assert totals.exit_code == 0 and "100" in totals.stdout


def test_a_ledger_pickled_by_another_pydantic_is_not_used(tmp_path: Path) -> None:
    cache = LedgerCache(tmp_path)
    path = tmp_path / "ledger.yaml"
    path.write_text(SMALL, encoding="utf-8")
    checked = check_file(path, "ledger.yaml", cache=cache)
    key = cache.key(path.read_bytes(), "ledger.yaml")
    assert cache.ledger(key) == checked.ledger()
    with open(cache.directory / f"{key}.pickle", "wb") as stream:
        pickle.dump(checked.report, stream)
        pickle.dump(("0.0", checked.ledger(), 0), stream)
    assert cache.report(key) == checked.report
    assert cache.ledger(key) is None


def test_a_cache_that_cannot_be_written_changes_nothing(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    path = ledger_file(WRONG)
    fresh = run_cli("check", "-l", str(path))
    again = run_cli("check", "-l", str(path), env=cached(blocked / "cache"))
    assert (again.exit_code, again.stdout, again.stderr) == (
        fresh.exit_code,
        fresh.stdout,
        fresh.stderr,
    )


def test_only_the_newest_entries_are_kept(tmp_path: Path) -> None:
    cache = LedgerCache(tmp_path / "cache")
    path = tmp_path / "ledger.yaml"
    for number in range(MAX_ENTRIES + 3):
        path.write_text(SMALL.replace("source: テスト", f"source: テスト{number}"), "utf-8")
        check_file(path, "ledger.yaml", cache=cache)
        if number == 0:  # a temporary file left by a killed run, and one still being written
            abandoned = cache.directory / "old.tmp"
            abandoned.write_bytes(b"")
            os.utime(abandoned, (0, 0))
            (cache.directory / "new.tmp").write_bytes(b"")
    kept = entries(cache.directory)
    assert not (cache.directory / "old.tmp").exists()
    assert (cache.directory / "new.tmp").exists()
    assert len(kept) == MAX_ENTRIES
    newest = cache.key(path.read_bytes(), "ledger.yaml")
    assert cache.directory / f"{newest}.pickle" in kept


def test_the_key_depends_on_every_input(tmp_path: Path) -> None:
    cache = LedgerCache(tmp_path)
    base = cache.key(b"a", "x.yaml")
    assert base == cache.key(b"a", "x.yaml")
    assert base != cache.key(b"b", "x.yaml")
    assert base != cache.key(b"a", "y.yaml")
    messages.use("en")
    assert base != cache.key(b"a", "x.yaml")


def test_a_cached_check_imports_neither_yaml_nor_pydantic_nor_rich(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    heavy = {
        "yaml",
        "pydantic",
        "rich",
        "izumi_ledger.format.models",
        "izumi_ledger.cli.render.tables",
    }
    runs, imported = [], []
    for _ in range(2):
        result, modules = run_in_process(["check", "--format", "json"], tmp_path, cached(folder))
        runs.append(result)
        imported.append(heavy.intersection(modules))
    assert json.loads(runs[0].stdout) == json.loads(runs[1].stdout)
    assert json.loads(runs[1].stdout)["ok"] is True
    assert "pydantic" in imported[0]  # the first run reads and validates the file
    assert imported[1] == set()


def test_the_environment_switch_reaches_the_installed_command(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = izumi("check", cwd=tmp_path, env=cached(folder))
    second = izumi("check", cwd=tmp_path, env=cached(folder))
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout
    assert len(entries(folder)) == 1
    assert cache_from_environment({"IZUMI_CACHE": "1", "IZUMI_CACHE_DIR": str(folder)})


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_folder_others_can_write_to_is_not_used(
    ledger_file: LedgerWriter, tmp_path: Path
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    path = ledger_file(SMALL)
    fresh = run_cli("check", "-l", str(path))
    for _ in range(2):
        again = run_cli("check", "-l", str(path), env=cached(folder))
        assert (again.exit_code, again.stdout) == (fresh.exit_code, fresh.stdout)
        assert "IZUMI_CACHE_DIR" in again.stderr
    assert entries(folder) == []
    assert LedgerCache(folder).shared()
    folder.chmod(0o700)
    assert not LedgerCache(folder).shared()
    assert not LedgerCache(tmp_path / "not-yet").shared()
