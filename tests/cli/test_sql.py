"""`izumi sql`: one read-only query over the tables of one ledger or a collection, printed
through the usual formats, with the same figures as `izumi totals`."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import REPO, run_cli

COLLECTION = REPO / "tests" / "fixtures" / "collection"


def sql(*args: str) -> tuple[int, str, str]:
    result = run_cli("sql", *args)
    return result.exit_code, result.stdout, result.stderr


def test_a_group_by_over_the_bundled_ledger_equals_totals_by_section() -> None:
    code, out, _ = sql(
        "SELECT section, SUM(amount) AS amount FROM program_sections GROUP BY section", "-f", "json"
    )
    assert code == 0
    rows = {row["section"]: row["amount"] for row in json.loads(out)["rows"]}
    totals = json.loads(run_cli("totals", "--by", "section", "-f", "json").stdout)
    assert rows == {group["key"]: group["amount"] for group in totals["groups"]}


def test_a_group_by_over_a_collection_equals_each_ledgers_totals() -> None:
    code, out, _ = sql(
        "SELECT ward, fiscal_year, amount FROM ledger_totals ORDER BY ward, fiscal_year",
        str(COLLECTION),
        "-f",
        "csv",
    )
    assert code == 0
    assert out.splitlines() == [
        "ward,fiscal_year,amount",
        "戸塚区,2021,5000000",
        "泉区,2020,650000",
        "泉区,2021,670000",
        "泉区,2022,730000",
    ]
    izumi_2021 = json.loads(
        run_cli("totals", str(COLLECTION / "izumi-2021.yaml"), "-f", "json").stdout
    )
    assert izumi_2021["amount"] * 1000 == 670000


def test_the_table_says_which_ledgers_and_which_unit() -> None:
    code, out, _ = sql("SELECT COUNT(*) AS ledgers FROM ledgers", "-l", str(COLLECTION))
    assert code == 0
    assert out.splitlines()[0] == "台帳 4 件 · 金額の単位: 円"
    _, one, _ = sql("SELECT 1")
    assert one.splitlines()[0] == "台帳 programs.yaml（同梱の台帳） · 金額の単位: 千円"
    _, english, _ = sql("SELECT 1", "--lang", "en")
    assert english.splitlines()[0].endswith("· amounts in 千円")


@pytest.mark.parametrize(
    "query",
    [
        "DELETE FROM programs",
        "UPDATE programs SET amount = 0",
        "INSERT INTO ledgers VALUES (1,2,3,4,5,6,7,8,9)",
        "DROP TABLE programs",
        "CREATE TEMP TABLE t(x)",
        "ATTACH DATABASE '/tmp/izumi-sql-attack.db' AS other",
        "PRAGMA writable_schema = ON",
        "VACUUM INTO '/tmp/izumi-sql-attack.db'",
        "SELECT load_extension('/tmp/x')",
    ],
)
def test_nothing_but_reading_is_allowed(query: str) -> None:
    code, out, err = sql(query)
    assert code == 2 and out == ""
    assert "読むだけ" in err or "SQL を実行できません" in err
    assert not Path("/tmp/izumi-sql-attack.db").exists()


def test_one_statement_only_and_errors_name_the_tables() -> None:
    code, _, err = sql("SELECT 1; DELETE FROM programs")
    assert code == 2 and "一つだけ" in err
    code, _, err = sql("SELECT * FROM budget")
    assert code == 2 and "no such table: budget" in err and "program_sections" in err
    code, _, err = sql("   ")
    assert code == 2 and "空です" in err


def test_values_are_shown_exactly_and_safely() -> None:
    query = (
        "SELECT 9007199254740993 AS big, 0.1 + 0.2 AS f, x'00ff' AS b, NULL AS n,"
        " char(27) || '[2J' AS esc, 'a' AS a, 'b' AS a"
    )
    code, out, _ = sql(query)
    assert code == 0
    assert "9007199254740993" in out and "0.30000000000000004" in out
    assert "x'00ff'" in out and "\x1b" not in out and "\\x1b[2J" in out
    assert "浮動小数点" in out  # a float is never passed off as an exact figure
    document = json.loads(sql(query, "-f", "json")[1])
    assert document["columns"] == ["big", "f", "b", "n", "esc", "a", "a_2"]
    assert document["rows"][0]["big"] == 9007199254740993 and document["rows"][0]["b"] == "00ff"
    code, out, _ = sql("SELECT 1e999 AS inf", "-f", "json")
    assert json.loads(out)["rows"] == [{"inf": "inf"}]


def test_csv_cells_that_a_spreadsheet_would_run_are_guarded() -> None:
    _, out, _ = sql("SELECT '=HYPERLINK(\"http://x\")' AS cell", "-f", "csv")
    assert out.splitlines()[1].startswith("'=") or out.splitlines()[1].startswith("\"'=")


def test_no_rows_and_a_narrow_terminal() -> None:
    code, out, _ = sql("SELECT name FROM programs WHERE amount > 10000000")
    assert code == 0 and "該当する行はありません" in out
    narrow = run_cli("sql", "SELECT * FROM programs LIMIT 1", env={"COLUMNS": "40"})
    assert narrow.exit_code == 0
    assert all(len(line) <= 40 for line in narrow.stdout.splitlines())
    assert "6588" in narrow.stdout


def test_ctrl_c_stops_a_query_that_never_ends(tmp_path: Path) -> None:
    endless = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT COUNT(*) FROM c"
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "izumi_ledger", "sql", endless],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=20)
    assert process.returncode == 130 and b"Traceback" not in err
