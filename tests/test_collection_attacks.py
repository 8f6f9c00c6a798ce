"""Holes found by attacking the commands of many ledgers, each kept closed."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from support import REPO, run_cli

from izumi_ledger.collection import expand

COLLECTION = REPO / "tests" / "fixtures" / "collection"
LEDGER = (COLLECTION / "izumi-2022.yaml").read_text(encoding="utf-8")


def _izumi(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "izumi_ledger", *args],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "80"},
        timeout=120,
    )


def test_a_file_name_that_is_not_utf8_is_escaped_in_every_database(tmp_path: Path) -> None:
    folder = tmp_path / "fn"
    folder.mkdir()
    name = os.fsencode(folder) + b"/bad\xff.yaml"
    with open(name, "wb") as stream:
        stream.write(LEDGER.encode("utf-8"))
    (folder / "good.yaml").write_text(LEDGER.replace("ward: 泉区", "ward: 栄区"), "utf-8")
    query = _izumi("sql", "SELECT file FROM ledgers ORDER BY file", "fn", "-f", "csv", cwd=tmp_path)
    assert query.returncode == 0, query.stderr.decode()
    assert b"fn/bad\\xff.yaml" in query.stdout and b"Traceback" not in query.stderr
    for fmt, out in (("sqlite", "a.db"), ("json", "a.json"), ("parquet", "pq"), ("csv", "csv")):
        result = _izumi("export", "-f", fmt, "fn", "-o", out, cwd=tmp_path)
        assert result.returncode == 0, (fmt, result.stderr.decode())
    files = sqlite3.connect(tmp_path / "a.db").execute("SELECT file FROM ledgers").fetchall()
    assert ("fn/bad\\xff.yaml",) in files
    one = _izumi("export", "-f", "sqlite", "-l", os.fsdecode(name), "-o", "b.db", cwd=tmp_path)
    assert one.returncode == 0, one.stderr.decode()


def test_a_query_with_bytes_that_are_not_utf8_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "sql", b"SELECT '\xff'"],
        cwd=tmp_path,
        capture_output=True,
        timeout=60,
    )
    assert result.returncode == 2 and "UTF-8" in result.stderr.decode()


def test_column_names_that_collide_keep_every_column() -> None:
    result = run_cli("sql", 'SELECT 1 AS "a_2", 2 AS a, 3 AS a', "-f", "json")
    document = json.loads(result.stdout)
    assert document["columns"] == ["a_2", "a", "a_3"]
    assert document["rows"] == [{"a_2": 1, "a": 2, "a_3": 3}]
    markdown = run_cli("sql", 'SELECT 1 AS "x|y"', "-f", "markdown").stdout
    assert "| x\\|y |" in markdown


def test_a_recursive_glob_through_a_loop_of_links_ends(tmp_path: Path) -> None:
    folder = tmp_path / "sl"
    folder.mkdir()
    shutil.copy(COLLECTION / "izumi-2021.yaml", folder)
    (folder / "a").symlink_to(".")
    (folder / "b").symlink_to(".")
    result = _izumi("check", "sl/**/*.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "台帳 1 件" in result.stdout.decode()
    absolute = _izumi("check", str(folder / "**" / "*.yaml"), cwd=REPO)
    assert absolute.returncode == 0 and "台帳 1 件" in absolute.stdout.decode()


def test_a_name_too_long_to_look_up_is_a_ledger_that_cannot_be_read(tmp_path: Path) -> None:
    long = "a" * 300 + ".yaml"
    for command in (["check"], ["totals"], ["sql", "SELECT 1"]):
        result = _izumi(*command, long, cwd=tmp_path)
        said = (result.stdout + result.stderr).decode()  # check's findings are its data
        assert result.returncode == 2 and "標準出力" not in said and long[:50] in said, command


def test_a_total_too_large_in_the_collections_unit_is_found_and_refused(tmp_path: Path) -> None:
    big = LEDGER.replace("unit: 千円", "unit: 万円")
    amounts = {"150": "900000000000000", "90": "900000000000000", "60": "0"}
    for old, new in amounts.items():
        big = big.replace(f"amount: {old}\n", f"amount: {new}\n", 1)
    big = big.replace("amount: 330\n", "amount: 900000000000000\n", 1)
    (tmp_path / "big.yaml").write_text(big, encoding="utf-8")
    shutil.copy(COLLECTION / "totsuka-2021.yaml", tmp_path)
    alone = run_cli("check", str(tmp_path / "big.yaml"))
    checked = run_cli("check", str(tmp_path))
    assert "collection-too-large" not in alone.stdout
    assert checked.exit_code == 1 and "collection-too-large" in checked.stdout
    for command in (["totals"], ["list"], ["sql", "SELECT 1"]):
        refused = run_cli(*command, str(tmp_path))
        assert refused.exit_code == 2 and "2^53" in refused.stderr, command


def test_a_ward_name_too_long_for_a_folder_is_refused_naming_the_ledger(tmp_path: Path) -> None:
    ledger = tmp_path / "long.yaml"
    ledger.write_text(LEDGER.replace("ward: 泉区", "ward: " + "長" * 40 + "区"), "utf-8")
    result = run_cli("export", "-f", "parquet", str(ledger), "-o", str(tmp_path / "pq"))
    assert result.exit_code == 2 and "long.yaml" in result.stderr and "255" in result.stderr
    assert not (tmp_path / "pq").exists()


def test_every_figure_too_large_in_the_collections_unit_is_found(tmp_path: Path) -> None:
    # The total is small; a prior amount and a ○ line become 2^53 and more in 円.
    large = "9007199254741"
    text = LEDGER.replace("prior_amount: 120", f"prior_amount: {large}", 1)
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    shutil.copy(COLLECTION / "totsuka-2021.yaml", tmp_path)
    checked = run_cli("check", str(tmp_path))
    assert checked.exit_code == 1 and "collection-too-large" in checked.stdout
    assert "9,007,199,254,741千円" in checked.stdout
    assert (
        run_cli("export", "-f", "sqlite", str(tmp_path), "-o", str(tmp_path / "x.db")).exit_code
        == 2
    )


def test_hidden_files_are_left_out_as_a_shell_leaves_them(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    (folder / ".hid").mkdir(parents=True)
    shutil.copy(COLLECTION / "izumi-2021.yaml", folder / "a.yaml")
    (folder / "._a.yaml").write_bytes(b"\x00\x05\x16\x07 AppleDouble")  # a macOS USB stick
    shutil.copy(COLLECTION / "izumi-2022.yaml", folder / ".hid" / "b.yaml")
    for source in (str(folder), str(folder / "*.yaml"), str(folder / "**" / "*.yaml")):
        assert expand([source]) == [str(folder / "a.yaml")], source
    assert expand([str(folder / ".hid" / "*.yaml")]) == [str(folder / ".hid" / "b.yaml")]
    assert expand([str(folder / "**")]) == [str(folder / "a.yaml")]
    result = run_cli("check", str(folder / "**.yaml"))
    assert result.exit_code == 2 and "**" in result.stderr


def test_show_says_which_ledger_has_several_programs_of_the_name(tmp_path: Path) -> None:
    shutil.copy(COLLECTION / "izumi-2021.yaml", tmp_path)
    twice = LEDGER.replace("name: 新しい事業", "name: 防災訓練事業")
    (tmp_path / "izumi-2022.yaml").write_text(twice, encoding="utf-8")
    result = run_cli("show", "防災訓練事業", str(tmp_path))
    assert result.exit_code == 2 and "izumi-2022.yaml:" in result.stderr
