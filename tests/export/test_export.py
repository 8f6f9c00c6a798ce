"""`izumi export`: every format read back with its real reader."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import frictionless
import openpyxl
import pytest
from support import REPO, hide_module, run_cli

from izumi_ledger.export.yaml import ledger_data
from izumi_ledger.loading import load

LEDGER = str(REPO / "data" / "programs.yaml")


def export(*args: str) -> Any:
    return run_cli("export", "--ledger", LEDGER, *args)


def totals() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(
        run_cli("totals", "--ledger", LEDGER, "--by", "section", "-f", "json").stdout
    )
    return document


def test_csv_tables_with_keys_to_join_them(tmp_path: Path) -> None:
    result = export("--format", "csv", "-o", str(tmp_path / "csv"))
    assert result.exit_code == 0, result.stderr
    names = sorted(path.name for path in (tmp_path / "csv").iterdir())
    assert names == [
        "details.csv",
        "items.csv",
        "policies.csv",
        "program_sections.csv",
        "programs.csv",
        "related.csv",
    ]

    def rows(name: str) -> list[dict[str, str]]:
        with (tmp_path / "csv" / name).open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))

    programs, items = rows("programs.csv"), rows("items.csv")
    assert len(programs) == 12 and len(items) == 27
    assert programs[0]["name"] == "地域力支援事業" and programs[0]["amount"] == "6588"
    for program in programs:  # joined on (policy, program), the items re-add to the program
        parts = [
            int(i["amount"])
            for i in items
            if (i["policy"], i["program"]) == (program["policy"], program["program"])
        ]
        if parts:
            assert sum(parts) == int(program["amount"])
    assert {row["label"] for row in rows("details.csv")} >= {"ア", "イ", "ウ", "エ", "オ"}
    related = rows("related.csv")
    assert ("スポーツ推進委員支援事業", "3324") in {(r["name"], r["amount"]) for r in related}


def test_csv_for_excel_has_a_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "programs.csv"
    result = export("--format", "csv", "--table", "programs", "--excel", "-o", str(path))
    assert result.exit_code == 0
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    assert raw.count(b"\r\n") == 13 and raw.count(b"\n") == 13
    plain = export("--format", "csv", "--table", "programs").stdout
    assert not plain.startswith("\ufeff") and "\r\n" not in plain


def test_unknown_table_names_the_closest() -> None:
    result = export("--format", "csv", "--table", "program")
    assert result.exit_code == 2
    assert "programs" in result.stderr


def test_json_has_the_ledger_and_its_totals() -> None:
    document = json.loads(export("--format", "json").stdout)
    bundled = load(LEDGER).ledger
    assert bundled is not None
    assert document["ledger"] == json.loads(json.dumps(ledger_data(bundled), ensure_ascii=False))
    assert document["totals"]["amount"] == 26397
    by_section = {group["key"]: group for group in document["totals"]["by_section"]}
    assert by_section["地域振興課"]["amount"] == 21718


def test_sqlite_totals_equal_izumi_totals(tmp_path: Path) -> None:
    path = tmp_path / "budget.sqlite"
    assert export("--format", "sqlite", "-o", str(path)).exit_code == 0
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT SUM(amount) FROM programs").fetchone()[0] == 26397
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    differences = connection.execute(
        "SELECT COUNT(*) FROM program_totals WHERE difference != 0"
    ).fetchone()[0]
    assert differences == 0
    sections = {
        row[0]: row[1:]
        for row in connection.execute("SELECT section, sole, shared, amount FROM section_totals")
    }
    expected = {g["key"]: (g["sole"], g["shared"], g["amount"]) for g in totals()["groups"]}
    assert sections == expected
    ledgers = connection.execute("SELECT city, ward, fiscal_year, unit FROM ledgers").fetchall()
    assert ledgers == [("横浜市", "泉区", 2021, "千円")]


def test_sqlite_keys_refuse_an_orphan(tmp_path: Path) -> None:
    path = tmp_path / "budget.sqlite"
    export("--format", "sqlite", "-o", str(path))
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO items VALUES"
            " ('横浜市', '泉区', 2021, 2, 99, 1, 'どこにも属さない', 1, '', '')"
        )


def test_xlsx_sheets_numbers_and_formulas(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    assert export("--format", "xlsx", "-o", str(path)).exit_code == 0
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == [
        "合計",
        "policies",
        "programs",
        "program_sections",
        "items",
        "details",
        "related",
    ]
    programs = workbook["programs"]
    assert programs.freeze_panes == "A2"
    assert [cell.value for cell in programs[1]][:5] == [
        "年度",
        "施策番号",
        "事業番号",
        "事業名",
        "予算額（千円）",
    ]
    assert programs["E2"].value == 6588 and programs["E2"].number_format == "#,##0"
    assert programs["E13"].value == 3000
    summary = workbook["合計"]
    assert summary["A2"].value == 2 and summary["C2"].value == 26397
    assert summary["D2"].value == "=SUMIF(programs!$B$2:$B$13,A2,programs!$E$2:$E$13)"
    assert summary["E2"].value == "=D2-C2"
    assert summary["D3"].value == "=SUM(programs!$E$2:$E$13)"
    rows = {summary.cell(row, 1).value: row for row in range(6, summary.max_row + 1)}
    assert set(rows) == {
        "総務課",
        "区政推進課",
        "地域振興課",
        "福祉保健課",
        "高齢・障害支援課",
        "こども家庭支援課",
    }
    row = rows["地域振興課"]
    assert summary.cell(row, 3).value == (
        # EXACT, not SUMIF: a section's name is never a wildcard pattern or matched by case.
        f"=SUMPRODUCT(EXACT(program_sections!$D$2:$D$19,A{row})*program_sections!$F$2:$F$19)"
    )


def test_xlsx_formulas_carry_their_values_for_readers_that_do_not_recalculate(
    tmp_path: Path,
) -> None:
    path = tmp_path / "budget.xlsx"
    assert export("--format", "xlsx", "-o", str(path)).exit_code == 0
    # data_only reads what a formula's cell holds, as pandas and viewers do.
    summary = openpyxl.load_workbook(path, data_only=True)["合計"]
    assert [summary.cell(2, column).value for column in range(1, 6)] == [
        2,
        "はぐくもう！地域の力",
        26397,
        26397,
        0,
    ]
    assert [summary.cell(3, column).value for column in range(3, 6)] == [26397, 26397, 0]
    by_section = {summary.cell(row, 1).value: summary.cell(row, 3).value for row in range(6, 12)}
    assert by_section["地域振興課"] == 21718 and by_section["総務課"] == 2900


def test_xlsx_columns_fit_japanese_text_and_print_with_their_titles(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    assert export("--format", "xlsx", "-o", str(path)).exit_code == 0
    programs = openpyxl.load_workbook(path)["programs"]
    # 泉区民ふれあいまつり支援事業: 14 full-width characters, 28 units, and a margin.
    assert programs.column_dimensions["D"].width >= 28
    assert programs.column_dimensions["A"].width < 12
    assert programs.print_title_rows == "$1:$1"


def test_xlsx_in_english(tmp_path: Path) -> None:
    path = tmp_path / "budget.xlsx"
    assert export("--format", "xlsx", "-o", str(path), "--lang", "en").exit_code == 0
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[0] == "totals"
    header = [cell.value for cell in workbook["programs"][1]][:5]
    assert header == [
        "fiscal year",
        "policy number",
        "program number",
        "program name",
        "amount (千円)",
    ]
    assert workbook["totals"]["A1"].value == "policy"


def test_xlsx_without_xlsxwriter_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hide_module(monkeypatch, "xlsxwriter")
    result = export("--format", "xlsx", "-o", str(tmp_path / "b.xlsx"))
    assert result.exit_code == 2
    assert "pip install 'izumi-ledger[xlsx]'" in result.stderr
    assert not (tmp_path / "b.xlsx").exists()


def test_datapackage_is_valid_with_fiscal_column_types(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    assert export("--format", "datapackage", "-o", str(folder)).exit_code == 0
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    programs = next(r for r in descriptor["resources"] if r["name"] == "programs")
    types = {field["name"]: field.get("columnType") for field in programs["schema"]["fields"]}
    assert types["amount"] == "value"
    assert types["fiscal_year"] == "date:fiscal-year"
    sections = next(r for r in descriptor["resources"] if r["name"] == "program_sections")
    section_type = {f["name"]: f.get("columnType") for f in sections["schema"]["fields"]}
    assert section_type["section"].startswith("administrative-classification")


def test_a_broken_datapackage_is_caught_by_the_validator(tmp_path: Path) -> None:
    folder = tmp_path / "package"
    export("--format", "datapackage", "-o", str(folder))
    programs = folder / "programs.csv"
    programs.write_text(
        programs.read_text(encoding="utf-8").replace(",6588,", ",六千,"), encoding="utf-8"
    )
    assert not frictionless.validate(str(folder / "datapackage.json")).valid


def test_files_are_not_overwritten_without_force(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "items.csv").write_text("大事")
    result = export("--format", "csv", "-o", str(folder))
    assert result.exit_code == 2
    assert (folder / "items.csv").read_text() == "大事"
    assert not (folder / "programs.csv").exists()  # nothing half-exported
    assert export("--format", "csv", "-o", str(folder), "--force").exit_code == 0
    assert (folder / "items.csv").read_text(encoding="utf-8").startswith("fiscal_year,")


@pytest.mark.parametrize("fmt", ["sqlite", "xlsx", "datapackage"])
def test_binary_and_folder_formats_need_an_output(fmt: str) -> None:
    result = export("--format", fmt)
    assert result.exit_code == 2
    assert "-o" in result.stderr


def test_csv_reads_back_the_same_rows_as_the_ledger() -> None:
    text = export("--format", "csv", "--table", "policies").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [
        {
            "fiscal_year": "2021",
            "policy": "2",
            "title": "はぐくもう！地域の力",
            "amount": "26397",
            "prior_amount": "23967",
            "change": "",
            "program_count": "12",
            "unit": "千円",  # every row says the unit of its amounts
        }
    ]
