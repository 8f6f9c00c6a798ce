"""The loader: positions on every finding, all problems in one run, nothing coerced."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from support import REPO, SMALL, load_text

from izumi_ledger.findings import Finding
from izumi_ledger.loading import load

VALID = SMALL


def only(findings: Sequence[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


def test_a_valid_ledger_loads_with_no_findings() -> None:
    result = load_text(VALID, "t.yaml")
    assert result.findings == ()
    assert result.ledger is not None
    assert result.ledger.policies[0].programs[0].amount == 100


def test_positions_are_kept_for_every_node() -> None:
    result = load_text(VALID, "t.yaml")
    program_amount = result.source.position(("policies", 0, "programs", 0, "amount"))
    assert (program_amount.line, program_amount.column) == (15, 17)
    assert result.source.line_text(15).strip() == "amount: 100"


def test_unknown_key_is_refused_with_did_you_mean() -> None:
    result = load_text(
        VALID.replace(
            "    amount: 100\n    programs", "    ammount: 100\n    amount: 100\n    programs"
        ),
        "t.yaml",
    )
    finding = only(result.findings)
    assert (finding.rule, finding.line, finding.column) == ("schema", 11, 5)
    assert finding.path == "policies[0].ammount"
    assert "'ammount'" in finding.message
    assert finding.hint == "もしかして amount？"
    assert result.ledger is None


def test_missing_key_points_at_the_mapping_that_lacks_it() -> None:
    result = load_text(VALID.replace("        name: 事業\n", ""), "t.yaml")
    finding = only(result.findings)
    assert finding.path == "policies[0].programs[0].name"
    assert finding.line == 13
    assert "必須のキー 'name'" in finding.message


def test_all_problems_are_reported_in_one_run() -> None:
    text = (
        VALID.replace("fiscal_year: 2021", 'fiscal_year: "2021"')
        .replace("title: 施策", "title: 施策\n    colour: red")
        .replace("        amount: 100", "        amount: 1.5")
    )
    result = load_text(text, "t.yaml")
    assert [(f.line, f.path) for f in result.findings] == [
        (4, "fiscal_year"),
        (11, "policies[0].colour"),
        (16, "policies[0].programs[0].amount"),
    ]
    assert all(f.file == "t.yaml" for f in result.findings)


def test_strings_are_not_coerced_to_numbers() -> None:
    result = load_text(VALID.replace("  - number: 1\n    title", '  - number: "1"\n    title'))
    finding = only(result.findings)
    assert finding.path == "policies[0].number"
    assert "整数で書いてください" in finding.message


def test_numbers_are_not_coerced_to_text() -> None:
    result = load_text(VALID.replace("name: 事業", "name: 2021"))
    finding = only(result.findings)
    assert finding.path == "policies[0].programs[0].name"
    assert "文字列で書いてください" in finding.message


def test_amounts_as_strings_with_commas_and_full_width_digits() -> None:
    text = VALID.replace("    amount: 100\n    programs", '    amount: "１００"\n    programs')
    text = text.replace("        amount: 100", '        amount: "100"')
    result = load_text(text)
    assert result.findings == ()
    assert result.ledger is not None
    assert result.ledger.policies[0].amount == 100


def test_format_version_other_than_1_is_refused_clearly() -> None:
    finding = only(load_text(VALID.replace("ledger: 1", "ledger: 2")).findings)
    assert "読めるのは 1" in finding.message
    assert (finding.line, finding.column) == (1, 9)


@pytest.mark.parametrize(
    ("replacement", "message"),
    [
        ("name: 0570", "数として曖昧"),
        ("name: 0x1A", "数として曖昧"),
        ("name: 1_000", "数として曖昧"),
        ("name: 190:20", "数として曖昧"),
        ("name: yes", "真偽値"),
        ("name: off", "真偽値"),
        ("name: .inf", "数として曖昧"),
        ("name: !!str 事業", "タグ"),
        ("name: &a 事業", "アンカー"),
    ],
)
def test_yaml_values_that_would_silently_change_are_refused(replacement: str, message: str) -> None:
    finding = only(load_text(VALID.replace("name: 事業", replacement), "t.yaml").findings)
    assert finding.rule == "yaml-strict"
    assert finding.line == 14
    assert message in finding.message


def test_duplicate_keys_name_both_lines() -> None:
    text = VALID.replace("        name: 事業\n", "        name: 事業\n        name: 別\n")
    finding = only(load_text(text, "t.yaml").findings)
    assert finding.line == 15
    assert "14 行目と 15 行目" in finding.message


def test_yaml_syntax_errors_say_where_and_what_was_expected() -> None:
    finding = only(load_text(VALID + "  - [unclosed\n", "t.yaml").findings)
    assert finding.rule == "yaml-syntax"
    assert finding.line == 17  # where the bracket was opened, not where it was missed
    assert "expected" in finding.message


def test_top_level_must_be_a_mapping() -> None:
    finding = only(load_text("- 1\n- 2\n").findings)
    assert "最上位はマッピング" in finding.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空の台帳"),
        (b"# only a comment\n", "空の台帳"),
        ("ledger: 1\ncity: 横浜市\n".encode("cp932"), "UTF-8 のテキストではありません"),
        (b"ledger: 1\x00\n", "NUL"),
    ],
)
def test_unreadable_files_are_explained(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(content)
    finding = only(load(path).findings)
    assert message in finding.message


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode())
    assert load(path).findings == ()


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert "ファイルがありません" in only(load(tmp_path / "nope.yaml").findings).message
    assert "ディレクトリです" in only(load(tmp_path).findings).message


def test_the_bundled_ledger_loads() -> None:
    result = load(REPO / "data" / "programs.yaml")
    assert result.findings == ()


def test_a_syntax_error_noticed_at_the_end_points_at_the_last_line_written() -> None:
    finding = only(load_text("ledger: 1\ncity: [\n\n", "t.yaml").findings)
    assert finding.rule == "yaml-syntax"
    assert (finding.line, finding.column) == (2, 8)
