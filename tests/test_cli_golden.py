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
