"""Holes found by attacking the answers and messages, each closed and held here."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pytest
from support import REPO, SMALL, load_text, run_cli

from izumi_ledger.export.tables import in_english
from izumi_ledger.text.era import gregorian_year

BUNDLED = REPO / "data" / "programs.yaml"


def _ledger(tmp_path: Path, text: str, name: str = "ledger.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- exports -------------------------------------------------------------------------------


def test_xlsx_refuses_a_text_longer_than_a_cell_holds(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        "summary: 持続可能な", "summary: " + "長" * 40_000 + "持続可能な", 1
    )
    result = run_cli(
        "export", "-f", "xlsx", "-o", str(tmp_path / "a.xlsx"), "-l", _ledger(tmp_path, text)
    )
    assert result.exit_code == 2
    assert "programs シートの J2" in result.stderr and "32,767" in result.stderr
    assert not (tmp_path / "a.xlsx").exists()


def test_xlsx_refuses_a_number_excel_cannot_keep_exactly(tmp_path: Path) -> None:
    big = 10**15 + 1
    text = SMALL.replace("amount: 100", f"amount: {big}")
    result = run_cli(
        "export", "-f", "xlsx", "-o", str(tmp_path / "b.xlsx"), "-l", _ledger(tmp_path, text)
    )
    assert result.exit_code == 2
    assert "15 桁" in result.stderr


def test_english_titles_of_nested_brackets() -> None:
    assert in_english("事業の予算額（共同は担当課ごとに全額）（千円）") == (
        "the program's amount (a shared program in full for each section) (千円)"
    )


def test_xlsx_in_english_has_no_japanese_header(tmp_path: Path) -> None:
    path = tmp_path / "e.xlsx"
    assert run_cli("export", "-f", "xlsx", "-o", str(path), "--lang", "en").exit_code == 0
    headers = [cell.value for cell in openpyxl.load_workbook(path)["program_sections"][1]]
    assert all(
        not any("\u3040" <= ch <= "\u9fff" for ch in str(h).replace("千円", "")) for h in headers
    )


# --- markdown ----------------------------------------------------------------------------


def test_an_ampersand_in_a_name_is_text_in_markdown(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        "name: 地域力支援事業", 'name: "&lt;img src=x&gt;"', 1
    )
    shown = run_cli("list", "-l", _ledger(tmp_path, text), "-f", "markdown").stdout
    assert "\\&lt;img src=x\\&gt;" in shown


def test_check_as_markdown_says_what_it_is_of_and_what_was_found() -> None:
    shown = run_cli("check", "-f", "markdown").stdout
    assert "programs.yaml" in shown and "エラー 0 · 警告 0" in shown


def test_totals_as_markdown_says_nothing_of_bars() -> None:
    shown = run_cli("totals", "-f", "markdown").stdout
    assert "構成比は総額" in shown and "棒" not in shown


# --- YAML syntax ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        # A tab inside a quoted text is the text's; the mistake is the missing colon.
        (
            'ledger: 1\ncity: "横浜\n\t市"\nward 泉区\nunit: 千円\n',
            4,
            "ward の後ろに「:」がありません",
        ),
        # A note that begins with an English word is no key missing its colon.
        (
            "ledger: 1\nnotes:\n  - NPO との協働\nward: 泉区\n unit: 千円\n",
            5,
            "字下げがそろっていません",
        ),
        # Found from the line the parser was reading, however far above.
        ("ledger: 1\ncity 横浜市\n\n\n\n\nward: 泉区\n", 2, "city の後ろに「:」がありません"),
    ],
)
def test_a_syntax_error_is_blamed_on_its_own_line(text: str, line: int, words: str) -> None:
    (finding,) = load_text(text, "t.yaml").findings
    assert (finding.line, finding.rule) == (line, "yaml-syntax")
    assert words in finding.message


def test_a_hint_repeats_a_long_value_only_in_part() -> None:
    text = "ledger: 1\ncity " + "あ" * 100_000 + "\nward: 泉区\n"
    (finding,) = load_text(text, "t.yaml").findings
    assert len(finding.hint) < 200


def test_a_key_written_wrong_is_one_finding_not_also_a_missing_key() -> None:
    text = SMALL.replace("    title: 施策", "    title： 施策")
    findings = load_text(text, "t.yaml").findings
    assert [f.rule for f in findings] == ["yaml-syntax"]


# --- the command line -------------------------------------------------------------------------


def test_the_last_lang_is_the_one_taken_everywhere() -> None:
    result = run_cli("check", "--lang", "en", "--lang", "ja", "--bogus")
    assert "オプション --bogus はありません" in result.stderr


def test_bytes_that_are_not_utf8_are_shown_as_bytes() -> None:
    result = run_cli("check", "--format", "\udcff")
    assert "'\\xff'" in result.stderr and "udcff" not in result.stderr


def test_a_very_long_option_is_shown_cut_short() -> None:
    result = run_cli("check", "--" + "x" * 100_000)
    assert result.exit_code == 2
    assert len(result.stderr) < 500


# --- import ------------------------------------------------------------------------------------


PDF_TEXT = (REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt").read_text(encoding="utf-8")


def _import(tmp_path: Path, heading: str, *args: str) -> tuple[int, str, dict[str, object] | None]:
    document = tmp_path / "doc.txt"
    document.write_text(heading + "\n" + PDF_TEXT, encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run_cli(
        "import", str(document), "-o", str(out), "--fiscal-year", "2021", "--force", *args
    )
    import yaml

    data = yaml.safe_load(out.read_text(encoding="utf-8")) if out.exists() else None
    return result.exit_code, result.stderr, data


def test_a_heading_that_names_two_wards_is_refused(tmp_path: Path) -> None:
    status, stderr, _ = _import(tmp_path, "令和3年度 泉区と戸塚区の予算", "--city", "横浜市")
    assert status == 2 and "泉区、戸塚区" in stderr and "--ward" in stderr
    status, _, data = _import(
        tmp_path, "令和3年度 泉区と戸塚区の予算", "--city", "横浜市", "--ward", "泉区"
    )
    assert status == 0 and data is not None and data["ward"] == "泉区"


def test_words_ending_in_ku_that_are_no_ward_are_not_taken(tmp_path: Path) -> None:
    status, stderr, _ = _import(tmp_path, "予算 地区の運営方針", "--city", "横浜市")
    assert status == 2 and "--ward" in stderr


def test_era_years_an_era_never_had_are_not_years() -> None:
    assert gregorian_year("令和", 0) is None
    assert gregorian_year("平成", 45) is None
    assert gregorian_year("昭和", 64) == 1989
    assert gregorian_year("平成", 31) == 2019


def test_a_pdf_after_blank_lines_is_still_a_pdf(tmp_path: Path) -> None:
    document = tmp_path / "b.pdf"
    document.write_bytes(b"\r\n%PDF-1.4\n")
    result = run_cli("import", str(document), "--city", "横浜市", "--ward", "泉区")
    assert result.exit_code == 2 and "PDF として読めません" in result.stderr


def test_an_empty_city_is_a_usage_error(tmp_path: Path) -> None:
    status, stderr, _ = _import(tmp_path, "", "--city", "", "--ward", "泉区")
    assert status == 2 and "--city の値が空です" in stderr


# --- diff ----------------------------------------------------------------------------------------


def test_diff_shows_a_policy_whose_amount_or_title_changed_and_the_ledgers_sections(
    tmp_path: Path,
) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    changed = text.replace("sections:\n  - 総務課", "sections:\n  - 戸籍課\n  - 総務課", 1)
    assert changed != text
    new = _ledger(tmp_path, changed, "new.yaml")
    result = run_cli("diff", str(BUNDLED), new)
    assert result.exit_code == 0  # no figure differs
    assert "台帳の担当課: +戸籍課" in result.stdout
    document = json.loads(run_cli("diff", str(BUNDLED), new, "-f", "json").stdout)
    assert document["sections_added"] == ["戸籍課"]
    policies = [c for c in document["changes"] if c["level"] == "policy"]
    assert [(c["policy"], c["status"]) for c in policies] == [(2, "same")]
    rows = io.StringIO(run_cli("diff", str(BUNDLED), new, "-f", "csv").stdout).read()
    assert "\npolicy," not in rows  # an unchanged policy is left out, as unchanged programs are


def test_a_file_of_another_format_is_refused_as_a_target(tmp_path: Path) -> None:
    result = run_cli("export", "-f", "xlsx", "-o", str(tmp_path / "out.csv"))
    assert result.exit_code == 2 and "csv のファイルの名前" in result.stderr
    assert not (tmp_path / "out.csv").exists()


def test_a_missing_folder_is_said_in_the_users_language(tmp_path: Path) -> None:
    result = run_cli("export", "-f", "json", "-o", str(tmp_path / "none" / "x.json"))
    assert result.exit_code == 2 and "ファイルかフォルダがありません" in result.stderr
    english = run_cli(
        "export", "-f", "json", "-o", str(tmp_path / "none" / "x.json"), "--lang", "en"
    )
    assert "no such file or folder" in english.stderr


def test_options_that_contradict_the_heading_are_written_with_a_note(tmp_path: Path) -> None:
    status, stderr, data = _import(
        tmp_path, "令和3年度 横浜市泉区 予算", "--city", "川崎市", "--ward", "戸塚区"
    )
    assert status == 0 and data is not None and (data["city"], data["ward"]) == ("川崎市", "戸塚区")
    assert "--ward 戸塚区 が指定されましたが、文書の見出しには 泉区 とあります" in stderr


@pytest.mark.parametrize("cache", [[], ["--no-cache"]])
def test_an_amount_error_has_its_hint_from_either_validator(cache: list[str]) -> None:
    bad = str(REPO / "tests" / "bad" / "misplaced-comma.yaml")
    document = json.loads(run_cli("check", "-l", bad, "-f", "json", *cache).stdout)
    (finding,) = document["findings"]
    assert finding["message"].startswith("桁区切りのカンマの位置が違います")
    assert finding["hint"] == "3 桁ごとに 1,000 のように、またはカンマなしで書いてください"
