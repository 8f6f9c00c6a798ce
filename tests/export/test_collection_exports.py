"""Exports of a collection (three years of one ward, two wards of one year): one SQLite
database, one data package, Parquet partitioned by year and ward, each read back by the tools
people use with the same totals as `izumi totals --format json`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import duckdb
import frictionless
import pytest
from support import REPO, hide_module, run_cli

from izumi_ledger.export.database import is_parquet_name, parquet_name

COLLECTION = REPO / "tests" / "fixtures" / "collection"
FILES = sorted(COLLECTION.glob("*.yaml"))
# The collection is in 円: 泉区 keeps 千円, 戸塚区 円, so every amount is written in 円.
IN_YEN = {"千円": 1000, "円": 1}


def _totals(path: Path, *by: str) -> dict[str, Any]:
    result = run_cli("totals", "-l", str(path), *by, "-f", "json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, Any] = json.loads(result.stdout)
    return document


def _expected() -> dict[tuple[str, int], dict[str, Any]]:
    """Each ledger's whole, policies and sections, in 円, as izumi totals gives them."""
    expected = {}
    for path in FILES:
        totals, sections = _totals(path), _totals(path, "--by", "section")
        scale = IN_YEN[totals["unit"]]
        ward = "戸塚区" if "totsuka" in path.name else "泉区"
        year = int(path.stem.rsplit("-", 1)[1])
        expected[(ward, year)] = {
            "amount": totals["amount"] * scale,
            "policies": {p["number"]: p["amount"] * scale for p in totals["policies"]},
            "sections": {
                g["key"]: (g["sole"] * scale, g["shared"] * scale, g["amount"] * scale)
                for g in sections["groups"]
            },
        }
    return expected


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("db") / "all.db"
    result = run_cli("export", "--format", "sqlite", str(COLLECTION), "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return sqlite3.connect(path)


def test_sqlite_of_a_collection_has_every_ledgers_totals(database: sqlite3.Connection) -> None:
    expected = _expected()
    ledgers = database.execute("SELECT ward, fiscal_year, amount FROM ledger_totals").fetchall()
    assert {(w, y): a for w, y, a in ledgers} == {k: v["amount"] for k, v in expected.items()}
    for (ward, year), figures in expected.items():
        policies = database.execute(
            "SELECT policy, amount FROM policies WHERE ward = ? AND fiscal_year = ?",
            (ward, year),
        ).fetchall()
        assert dict(policies) == figures["policies"]
        sections = database.execute(
            "SELECT section, sole, shared, amount FROM section_totals"
            " WHERE ward = ? AND fiscal_year = ?",
            (ward, year),
        ).fetchall()
        # Years and wards are never added together: each keeps its own sections.
        assert {s: tuple(rest) for s, *rest in sections} == figures["sections"]
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []
    assert database.execute("SELECT DISTINCT unit FROM ledgers").fetchall() == [("円",)]


def test_every_table_is_keyed_by_city_ward_and_year(database: sqlite3.Connection) -> None:
    tables = [
        row[0] for row in database.execute("SELECT name FROM sqlite_schema WHERE type='table'")
    ]
    assert set(tables) == {
        "ledgers", "policies", "programs", "program_sections", "items", "details", "related"
    }  # fmt: skip
    for table in tables:
        keys = [
            row[1]
            for row in sorted(database.execute(f"PRAGMA table_info({table})"), key=lambda r: r[5])
            if row[5]
        ]
        assert keys[:3] == ["city", "ward", "fiscal_year"], table


def test_views_per_ward_and_per_year(database: sqlite3.Connection) -> None:
    wards = database.execute(
        "SELECT ward, fiscal_year, amount, prior_year_amount, change FROM ward_totals"
    ).fetchall()
    assert wards == [
        ("戸塚区", 2021, 5_000_000, None, None),
        ("泉区", 2020, 650_000, None, None),
        ("泉区", 2021, 670_000, 650_000, 20_000),
        ("泉区", 2022, 730_000, 670_000, 60_000),
    ]
    years = database.execute("SELECT fiscal_year, ledgers, amount FROM year_totals").fetchall()
    assert years == [(2020, 1, 650_000), (2021, 2, 5_670_000), (2022, 1, 730_000)]
    # A program renamed from one year to the next is one row per year, under each name.
    names = database.execute(
        "SELECT fiscal_year, name FROM programs WHERE ward = '泉区' AND policy = 1 AND program = 2"
    ).fetchall()
    assert names == [(2020, "商店街振興事業"), (2021, "商店街にぎわい振興事業"),
                     (2022, "商店街にぎわい振興事業")]  # fmt: skip


def test_a_second_year_goes_into_the_same_tables(tmp_path: Path) -> None:
    one = tmp_path / "one.db"
    assert run_cli("export", "-f", "sqlite", str(FILES[0]), "-o", str(one)).exit_code == 0
    connection = sqlite3.connect(one)
    connection.execute("PRAGMA foreign_keys = ON")
    # The next year of the same ward: keys differ by the year, so it can be inserted.
    connection.execute(
        "INSERT INTO ledgers VALUES ('横浜市', '泉区', 2021, '千円', 'x', NULL, 1, 0, 0)"
    )
    connection.execute(
        "INSERT INTO policies VALUES ('横浜市', '泉区', 2021, 1, 't', 1, NULL, NULL, NULL)"
    )
    assert connection.execute("SELECT COUNT(*) FROM ledger_totals").fetchone() == (2,)


def test_parquet_partitions_read_back_by_duckdb(tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    result = run_cli("export", "-f", "parquet", str(COLLECTION), "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    assert "Parquet ファイル 28 個" in result.stderr  # 7 tables × 4 ledgers
    assert (folder / parquet_name("programs", 2021, "横浜市", "戸塚区")).is_file()
    expected = _expected()

    def read(table: str) -> str:
        return f"read_parquet('{folder}/{table}/**/*.parquet', hive_partitioning = true)"

    totals = (
        duckdb.connect()
        .execute(f"SELECT ward, fiscal_year, SUM(amount) FROM {read('policies')} GROUP BY ALL")
        .fetchall()
    )
    assert {(w, y): a for w, y, a in totals} == {k: v["amount"] for k, v in expected.items()}
    sections = (
        duckdb.connect()
        .execute(
            f"SELECT ward, fiscal_year, section, SUM(amount) FROM {read('program_sections')} "
            "GROUP BY ALL"
        )
        .fetchall()
    )
    for ward, year, section, amount in sections:
        assert expected[(ward, year)]["sections"][section][2] == amount
    types = {
        row[0]: row[1]
        for row in duckdb.connect().execute(f"DESCRIBE SELECT * FROM {read('items')}").fetchall()
    }
    assert types["amount"] == "BIGINT" and types["fiscal_year"] == "BIGINT"


def test_a_name_from_a_ledger_is_never_a_path_in_parquet(tmp_path: Path) -> None:
    name = parquet_name("programs", 2021, "../..", "a/b")
    assert name == "programs/fiscal_year=2021/city=..%2F../ward=a%2Fb/part-0.parquet"
    assert is_parquet_name(name) and not is_parquet_name("programs/../x/part-0.parquet")
    ledger = tmp_path / "odd.yaml"
    text = FILES[1].read_text(encoding="utf-8").replace("ward: 泉区", "ward: ../../区")
    ledger.write_text(text, encoding="utf-8")
    folder = tmp_path / "out"
    assert run_cli("export", "-f", "parquet", str(ledger), "-o", str(folder)).exit_code == 0
    written = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.parquet"))
    assert all(is_parquet_name(path) for path in written) and len(written) == 7
    assert not list(tmp_path.glob("区*")) and [p.name for p in tmp_path.iterdir()] != []


def test_parquet_is_replaced_only_with_force_and_only_over_its_own_files(tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    assert run_cli("export", "-f", "parquet", str(COLLECTION), "-o", str(folder)).exit_code == 0
    again = run_cli("export", "-f", "parquet", str(FILES[0]), "-o", str(folder))
    assert again.exit_code == 2 and "--force" in again.stderr
    # Fewer ledgers with --force: the old partitions go, the folder holds the new set only.
    fewer = run_cli("export", "-f", "parquet", str(FILES[0]), "-o", str(folder), "--force")
    assert fewer.exit_code == 0, fewer.stderr
    assert len(list(folder.rglob("*.parquet"))) == 7
    assert not (folder / "ledgers" / "fiscal_year=2021").exists()
    # A file of someone else's inside: the folder is not replaced.
    (folder / "ledgers" / "notes.txt").write_text("mine", encoding="utf-8")
    kept = run_cli("export", "-f", "parquet", str(COLLECTION), "-o", str(folder), "--force")
    assert kept.exit_code == 2 and "notes.txt" in kept.stderr
    assert (folder / "ledgers" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_data_package_of_a_collection_validates(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    result = run_cli("export", "-f", "datapackage", str(COLLECTION), "-o", str(folder))
    assert result.exit_code == 0, result.stderr
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "type", "note"])[:5]
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    policies = next(r for r in descriptor["resources"] if r["name"] == "policies")
    assert policies["schema"]["primaryKey"][:3] == ["city", "ward", "fiscal_year"]
    amount = next(f for f in policies["schema"]["fields"] if f["name"] == "amount")
    assert amount["factor"] == 1 and descriptor["izumi_check"]["ok"] is True
    assert len((folder / "ledgers.csv").read_text(encoding="utf-8").splitlines()) == 1 + 4


def test_csv_and_json_of_a_collection(tmp_path: Path) -> None:
    table = run_cli("export", "-f", "csv", str(COLLECTION), "--table", "policies")
    header, *rows = table.stdout.splitlines()
    assert header.startswith("city,ward,fiscal_year,policy") and header.endswith(",unit")
    assert len(rows) == 7 and rows[0].endswith(",円")
    ledgers = run_cli("export", "-f", "csv", str(COLLECTION), "--table", "ledgers").stdout
    assert ledgers.splitlines()[0].count("unit") == 1  # its own column, not a second one
    folder = tmp_path / "csv"
    assert run_cli("export", "-f", "csv", str(COLLECTION), "-o", str(folder)).exit_code == 0
    assert (folder / "ledgers.csv").is_file() and (folder / "related.csv").is_file()
    document = json.loads(run_cli("export", "-f", "json", str(COLLECTION)).stdout)
    assert [entry["file"] for entry in document["ledgers"]] == [str(path) for path in FILES]
    assert [entry["totals"]["amount"] for entry in document["ledgers"]] == [
        650, 670, 730, 5_000_000
    ]  # fmt: skip


def test_a_collection_refuses_excel_stdout_and_two_ledgers_of_one_year(tmp_path: Path) -> None:
    excel = run_cli("export", "-f", "xlsx", str(COLLECTION), "-o", str(tmp_path / "a.xlsx"))
    assert excel.exit_code == 2 and "--format csv --excel" in excel.stderr
    assert run_cli("export", "-f", "sqlite", str(COLLECTION)).exit_code == 2
    unknown = run_cli("export", "-f", "csv", str(COLLECTION), "--table", "ledger")
    assert unknown.exit_code == 2 and "ledgers" in unknown.stderr
    twice = tmp_path / "twice"
    shutil.copytree(COLLECTION, twice)
    shutil.copy(twice / "izumi-2021.yaml", twice / "copy.yaml")
    result = run_cli("export", "-f", "sqlite", str(twice), "-o", str(tmp_path / "x.db"))
    assert result.exit_code == 2
    assert "copy.yaml" in result.stderr and "izumi-2021.yaml" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_an_unreadable_ledger_stops_a_collection_export(tmp_path: Path) -> None:
    folder = tmp_path / "ledgers"
    shutil.copytree(COLLECTION, folder)
    (folder / "broken.yaml").write_text("ledger: 1\ncity: [\n", encoding="utf-8")
    result = run_cli("export", "-f", "sqlite", str(folder), "-o", str(tmp_path / "x.db"))
    assert result.exit_code == 2 and "broken.yaml" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_a_failing_ledger_is_exported_and_said_so(tmp_path: Path) -> None:
    folder = tmp_path / "ledgers"
    shutil.copytree(COLLECTION, folder)
    path = folder / "izumi-2022.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("amount: 90", "amount: 91"), "utf-8")
    database = tmp_path / "x.db"
    result = run_cli("export", "-f", "sqlite", str(folder), "-o", str(database))
    assert result.exit_code == 0 and "台帳 1 件に誤り" in result.stderr
    checks = sqlite3.connect(database).execute(
        "SELECT fiscal_year, check_ok FROM ledgers WHERE ward = '泉区'"
    )
    assert checks.fetchall() == [(2020, 1), (2021, 1), (2022, 0)]


def test_parquet_without_pyarrow_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_module(monkeypatch, "pyarrow")
    result = run_cli("export", "-f", "parquet", str(FILES[0]), "-o", str(tmp_path / "p"))
    assert result.exit_code == 2 and "izumi-ledger[parquet]" in result.stderr
