"""Whole-screen output of each command on the bundled ledger, pinned at 80 columns, no colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import assert_golden, run_cli

LEDGER = "data/programs.yaml"

CASES = {
    "check.txt": ["check"],
    "check-json.txt": ["check", "--format", "json"],
    "totals.txt": ["totals"],
    "totals-by-section.txt": ["totals", "--by", "section"],
    "totals-by-tag.txt": ["totals", "--by", "tag"],
    "totals-by-program-man-en.txt": ["totals", "--by", "program", "--unit", "万円"],
    "totals-json.txt": ["totals", "--format", "json"],
    "totals-by-section-json.txt": ["totals", "--by", "section", "--format", "json"],
    "totals-csv.txt": ["totals", "--format", "csv"],
    "totals-by-section-markdown.txt": ["totals", "--by", "section", "--format", "markdown"],
    "list.txt": ["list"],
    "list-section.txt": ["list", "--section", "地域振興課"],
    "list-items-tag.txt": ["list", "--tag", "重点", "--items"],
    "list-sort-amount-csv.txt": ["list", "--sort", "amount", "--format", "csv"],
    "list-json.txt": ["list", "--section", "区政推進課", "--format", "json"],
    "list-markdown.txt": ["list", "--min-amount", "2,000", "--format", "markdown"],
    "show-1.txt": ["show", "1"],
    "show-ict.txt": ["show", "ＩＣＴ"],
    "show-7-json.txt": ["show", "7", "--format", "json"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_output(in_repo: Path, name: str) -> None:
    result = run_cli(*CASES[name], "--ledger", LEDGER)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert_golden(name, result.stdout)


# The same screens in English: headers and messages translated, names as printed.
ENGLISH = {
    "check.txt": (0, ["check", "--ledger", LEDGER]),
    "check-findings.txt": (1, ["check", "--ledger", "tests/bad/item-sum.yaml"]),
    "check-schema.txt": (2, ["check", "--ledger", "tests/bad/misspelt-amount.yaml"]),
    "totals.txt": (0, ["totals", "--ledger", LEDGER]),
    "totals-by-section.txt": (0, ["totals", "--by", "section", "--ledger", LEDGER]),
    "list-section.txt": (0, ["list", "--section", "地域振興課", "--ledger", LEDGER]),
    "show-2.txt": (0, ["show", "2", "--ledger", LEDGER]),
    "diff.txt": (1, ["diff", "tests/fixtures/diff-old.yaml", "tests/fixtures/diff-new.yaml"]),
}


@pytest.mark.parametrize("name", sorted(ENGLISH))
def test_golden_output_in_english(in_repo: Path, name: str) -> None:
    status, args = ENGLISH[name]
    result = run_cli(*args, "--lang", "en")
    assert result.exit_code == status, result.stderr
    assert_golden(f"en/{name}", result.stdout)


def test_import_report_in_english(in_repo: Path, tmp_path: Path) -> None:
    result = run_cli(
        "import",
        "tests/fixtures/izumi-fy2021-policy2.txt",
        "-o",
        str(tmp_path / "out.yaml"),
        "--city",
        "横浜市",
        "--ward",
        "泉区",
        "--fiscal-year",
        "2021",
        "--lang",
        "en",
    )
    assert result.exit_code == 0
    report = result.stderr.replace(str(tmp_path / "out.yaml"), "OUT")
    assert_golden("en/import-report.txt", report)


def test_export_messages_in_english(in_repo: Path, tmp_path: Path) -> None:
    result = run_cli(
        "export", "--format", "csv", "-o", str(tmp_path), "--lang", "en", "--ledger", LEDGER
    )
    assert result.exit_code == 0
    assert_golden("en/export-report.txt", result.stderr.replace(str(tmp_path), "OUT"))
    again = run_cli(
        "export", "--format", "csv", "-o", str(tmp_path), "--lang", "en", "--ledger", LEDGER
    )
    assert again.exit_code == 2
    assert again.stderr.replace(str(tmp_path), "OUT") == (
        "izumi: OUT already exists\n  hint: add --force to replace it\n"
    )


def test_schema_is_the_same_in_both_languages() -> None:
    japanese = run_cli("schema")
    english = run_cli("schema", "--lang", "en")
    assert japanese.exit_code == english.exit_code == 0
    assert japanese.stdout == english.stdout  # already bilingual, field by field
