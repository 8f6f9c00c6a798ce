"""Every layout family of real ward documents imports to the facts its expected file gives.

tests/fixtures/layouts/ holds one document per family (text, HTML and PDF, as a user gets
them; the wards and figures are invented), each beside NAME.expected.json: the ledger a
correct import gives, and what `izumi check` must say of it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import REPO, run_cli

LAYOUTS = REPO / "tests" / "fixtures" / "layouts"
EXPECTED = sorted(LAYOUTS.glob("*.expected.json"))
# What the document itself does not say, and a user passes: every ward here is invented, so
# no city is printed; 07's text names neither its ward nor its year.
OPTIONS: dict[str, list[str]] = {
    "07-suzuran-r5-pdf-text": ["--ward", "すずらん区", "--fiscal-year", "2023"]
}


def _document(expected: Path) -> Path:
    base = expected.name.removesuffix(".expected.json")
    return next(path for path in LAYOUTS.glob(f"{base}.*") if path.suffix != ".json")


def _import(tmp_path: Path, expected: Path) -> tuple[Any, dict[str, Any], Path]:
    base = expected.name.removesuffix(".expected.json")
    output = tmp_path / "ledger.yaml"
    args = ["import", str(_document(expected)), "--city", "架空市", "-o", str(output)]
    result = run_cli(*args, *OPTIONS.get(base, []))
    return result, json.loads(expected.read_text(encoding="utf-8")), output


def _rules(stderr: str, severity: str) -> list[str]:
    return sorted(
        {
            line.split(f"{severity}[")[1].split("]")[0]
            for line in stderr.splitlines()
            if f"{severity}[" in line
        }
    )


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_each_family_imports_to_its_expected_ledger(tmp_path: Path, expected: Path) -> None:
    result, facts, output = _import(tmp_path, expected)
    assert result.exit_code == facts["check"]["exit"], result.stderr
    assert "Traceback" not in result.stderr
    if facts["layout_family"] is None:  # the prose page: refused, nothing written
        assert not output.exists()
        return
    ledger = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert (ledger["ward"], ledger["fiscal_year"]) == (facts["ward"], facts["fiscal_year"])
    assert ledger["unit"] == facts["unit"]
    assert ledger.get("amount") == facts["ledger_amount"]
    assert [policy["number"] for policy in ledger["policies"]] == [
        policy["number"] for policy in facts["policies"]
    ]
    for policy, wanted in zip(ledger["policies"], facts["policies"], strict=True):
        if facts["layout_family"] != 3:  # 03 takes its one policy's title from a heading
            assert policy["title"] == wanted["title"]
        if wanted["amount"] is not None:
            assert policy["amount"] == wanted["amount"]
        else:  # printed nowhere: the sum of its programs, and the notes say so
            assert policy["amount"] == sum(program["amount"] for program in wanted["programs"])
            assert policy["notes"]
        assert policy.get("prior_amount") == wanted["prior_amount"]
        assert policy.get("program_count") == wanted.get("program_count")
        assert len(policy["programs"]) == len(wanted["programs"])
        for program, facts_of in zip(policy["programs"], wanted["programs"], strict=True):
            got = {
                "number": program["number"],
                "name": program["name"],
                "amount": program["amount"],
                "prior_amount": program.get("prior_amount"),
                "change": program.get("change"),
                "sections": program["sections"],
                "tags": program.get("tags", []),
                "items": [[i["number"], i["name"], i["amount"]] for i in program.get("items", [])],
            }
            assert got == {key: facts_of[key] for key in got}, (policy["number"], got)
            if "former_name" in facts_of:
                assert any(facts_of["former_name"] in note for note in program["notes"])
            related = [
                [r["name"], r["funding"], r.get("amount")] for r in program.get("related", [])
            ]
            assert related == facts_of.get("related", [])
    assert _rules(result.stderr, "error") == sorted(facts["check"]["errors"])
    for rule in facts["check"].get("warnings", []):
        assert rule in _rules(result.stderr, "warning")


@pytest.mark.parametrize("expected", EXPECTED, ids=lambda path: path.name.split(".")[0])
def test_check_says_of_the_written_ledger_what_the_import_said(
    tmp_path: Path, expected: Path
) -> None:
    result, facts, output = _import(tmp_path, expected)
    if not output.exists():
        return
    checked = run_cli("check", "-l", str(output), "--no-cache")
    assert checked.exit_code == result.exit_code == facts["check"]["exit"]
    totals = run_cli("totals", "-l", str(output), "--format", "json", "--no-cache")
    assert totals.exit_code == 0
    data = json.loads(totals.stdout)
    assert data["amount"] == sum(
        policy["amount"] for policy in yaml.safe_load(output.read_text())["policies"]
    )


def test_the_printed_change_that_is_wrong_is_kept_and_reported(tmp_path: Path) -> None:
    result, _, output = _import(
        tmp_path, LAYOUTS / "03b-momiji-r5-prior-change-error.expected.json"
    )
    ledger = yaml.safe_load(output.read_text(encoding="utf-8"))
    program = ledger["policies"][1]["programs"][0]
    assert (program["amount"], program["prior_amount"], program["change"]) == (3480, 3120, 460)
    assert "error[change]" in result.stderr and "+100" not in result.stderr
    assert "△100" in result.stderr  # the figures the amount and prior give: 360, 100 less


def test_a_document_that_rounds_is_read_with_the_tolerance_it_needs(tmp_path: Path) -> None:
    expected = LAYOUTS / "04-shirakaba-r6-newsletter-man-yen.expected.json"
    result, _, _ = _import(tmp_path, expected)
    assert "--tolerance 2" in result.stderr  # the largest difference the sums show
    output = tmp_path / "rounded.yaml"
    again = run_cli(
        "import",
        str(_document(expected)),
        "--city",
        "架空市",
        "--tolerance",
        "2",
        "-o",
        str(output),
    )
    assert again.exit_code == 0, again.stderr
    assert _rules(again.stderr, "warning").count("rounding") == 1
    assert yaml.safe_load(output.read_text(encoding="utf-8"))["tolerance"] == 2


def test_report_only_accounts_for_every_line_and_writes_nothing(tmp_path: Path) -> None:
    document = LAYOUTS / "01-minato-r4-flat-web-table.txt"
    result = run_cli(
        "import", str(document), "--city", "架空市", "--report-only", "-o", str(tmp_path / "x.yaml")
    )
    assert result.exit_code == 0
    assert not (tmp_path / "x.yaml").exists()
    # What each line became is the data asked for (standard output); the report follows it.
    lines = [line for line in document.read_text(encoding="utf-8").splitlines() if line.strip()]
    accounted = result.stdout.splitlines()
    assert len(accounted) == len(lines)
    assert accounted[-1] == "44: [後書き（最後の事業の後、金額なし）] ページID：204518"
    assert "17: [1.1] 1 みなと魅力発信事業" in result.stdout
    assert "19: [1.3] 3 運河沿い花のみち事業 【拡充】" in result.stdout
    assert "20: [1.3] 2,310" in result.stdout  # the amount wrapped onto the next line
    assert "[読み飛ばし] 1 自主企画事業費" in result.stdout  # a level above the pillars
    assert "金額のある行" in result.stderr and "確かさ: 高い" in result.stderr


def test_the_report_is_not_lost_under_warnings_every_program_shares(tmp_path: Path) -> None:
    result, _, _ = _import(tmp_path, LAYOUTS / "01-minato-r4-flat-web-table.expected.json")
    assert result.stderr.count("warning[no-section]") == 2
    assert "同じ警告 no-section があと 14 件あります" in result.stderr
    # The page's foot (contact, page ID) is named in one line, and no line is left unread.
    assert "最後の事業の後の 4 行（金額なし）は読みません: 41, 42, 43, 44 行目" in result.stderr
    assert "読み取れなかった行 0" in result.stderr


def test_a_table_saved_one_cell_a_line_accounts_each_cell_as_its_row(tmp_path: Path) -> None:
    document = LAYOUTS / "03b-momiji-r5-prior-change-error.txt"
    result = run_cli("import", str(document), "--city", "架空市", "--report-only")
    assert "読み取れなかった行 0" in result.stderr
    accounts = dict(line.split(": ", 1) for line in result.stdout.splitlines())
    assert accounts["13"] == "[1.1] 子育て相談ひろば事業 |"
    assert accounts["14"] == "[1.1] 4,320 |"  # a cell of the row, read with it
    assert accounts["30"].startswith("[合計・年度として]")  # 小計's figures


def test_totals_of_a_ledger_whose_policies_miss_its_own_total_show_both(tmp_path: Path) -> None:
    _, _, output = _import(tmp_path, LAYOUTS / "04-shirakaba-r6-newsletter-man-yen.expected.json")
    result = run_cli("totals", "-l", str(output), "--no-cache")
    assert "総額 6,661万円（台帳の amount。施策の和は 6,662万円、差 +1万円）" in result.stdout
