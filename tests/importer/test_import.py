"""`izumi import`: the seed document gives the bundled ledger; written documents test the parser."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import REPO, run_cli

from izumi_ledger.export.yaml import ledger_data
from izumi_ledger.loading import load
from izumi_ledger.rules import apply_rules

SEED = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"
META = ["--city", "横浜市", "--ward", "泉区", "--fiscal-year", "2021"]

# A small document in the PDF-text layout, written for these tests.
PDF_TEXT = """\
施策１ つながるまち（3 事業）

1,500千円（前年度1,200千円）

事 業 項 目 事 業 概 要

１ 地域づくり

支援事業

【１，０００】

【地域振興課】

【区政推進課】

 地域の活動を支援します。

(1) 交流の場づくり（６００）

交流の場を設けます。

(2) 講座の開催（４００）＜新規＞

ア 入門講座

はじめての方向けの講座です。

イ 実践講座

活動中の方向けの講座です。

重点

○ まちづくり講座【市民局区配】（１２０）

まちづくりの講座を開きます。

２ 広報事業

【300】

【区政推進課】

区の広報を行います。

３ 花いっぱい事業

【２００】

【地域振興課】

花を植えます。
"""

WEB = """\
つながる区の令和4年度予算
予算額は、1億1,888万7千円です。

1 安心して暮らせるまちづくり【32,855千円】
誰もが安心して暮らせるよう取り組みます。
(1)災害に強いまちづくり推進事業[20,110千円]
防災訓練を支援します。
(2)地域の見守り推進事業[12,745千円]
見守り活動を支援します。
2 にぎわいのあるまちづくり【86,032千円】
(1)ふれあいまつり支援事業[86,032千円]
区民まつりを支援します。
"""


def without_notes(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: without_notes(child) for key, child in value.items() if key != "notes"}
    if isinstance(value, list):
        return [without_notes(child) for child in value]
    return value


def import_to(tmp_path: Path, text: str | bytes, *args: str, name: str = "doc.txt") -> Any:
    tmp_path.mkdir(parents=True, exist_ok=True)
    document = tmp_path / name
    if isinstance(text, str):
        document.write_text(text, encoding="utf-8")
    else:
        document.write_bytes(text)
    output = tmp_path / "out.yaml"
    result = run_cli("import", str(document), "-o", str(output), *args)
    return result, output


# --- the seed document -------------------------------------------------------------------------


def test_the_seed_document_gives_the_bundled_ledger(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, SEED.read_bytes(), *META, name="seed.txt")
    assert result.exit_code == 0, result.stderr
    imported = load(output)
    bundled = load(REPO / "data" / "programs.yaml")
    assert imported.ledger is not None and bundled.ledger is not None
    assert apply_rules(imported.ledger, imported.source) == []
    mine, theirs = ledger_data(imported.ledger), ledger_data(bundled.ledger)
    assert set(mine["sections"]) == set(theirs["sections"])
    for key in ("ledger", "city", "ward", "fiscal_year", "unit"):
        assert mine[key] == theirs[key]
    # Field by field: every figure, name, section, tag, item, detail and related line.
    ours, expected = without_notes(mine["policies"]), without_notes(theirs["policies"])
    for policy, wanted in zip(ours, expected, strict=True):
        for key in ("number", "title", "amount", "prior_amount", "program_count"):
            assert policy[key] == wanted[key], key
        for program, wanted_program in zip(policy["programs"], wanted["programs"], strict=True):
            assert program == wanted_program, program["number"]


def test_the_seed_import_reads_every_line_and_explains_its_judgments(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, SEED.read_bytes(), *META, "--strict")
    assert result.exit_code == 0
    assert "読み取れなかった行 0" in result.stderr
    assert "拡充 → 事業10" in result.stderr
    programs = load(output).ledger.policies[0].programs  # type: ignore[union-attr]
    assert any("拡充" in note for note in programs[9].notes)
    placed = [related for program in programs for related in program.related if related.notes]
    assert len(placed) == 9
    assert programs[0].related[0].notes == []  # alone on its page: no judgment needed


def test_the_column_becomes_a_policy_note(tmp_path: Path) -> None:
    _, output = import_to(tmp_path, SEED.read_bytes(), *META)
    notes = load(output).ledger.policies[0].notes  # type: ignore[union-attr]
    assert notes[0].startswith("コラム③")


# --- the PDF-text layout -------------------------------------------------------------------------


def test_a_pdf_text_document(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, PDF_TEXT, *META)
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    policy = data["policies"][0]
    assert (policy["number"], policy["title"], policy["amount"]) == (1, "つながるまち", 1500)
    assert (policy["prior_amount"], policy["program_count"]) == (1200, 3)
    first, second, third = policy["programs"]
    assert first["name"] == "地域づくり支援事業"  # broken over two lines
    assert first["sections"] == ["地域振興課", "区政推進課"]
    assert first["tags"] == ["重点"]
    assert first["summary"] == "地域の活動を支援します。"
    assert [(i["number"], i["name"], i["amount"]) for i in first["items"]] == [
        (1, "交流の場づくり", 600),
        (2, "講座の開催", 400),
    ]
    assert first["items"][1]["tags"] == ["新規"]
    assert first["items"][1]["details"] == [
        {"label": "ア", "name": "入門講座", "text": "はじめての方向けの講座です。"},
        {"label": "イ", "name": "実践講座", "text": "活動中の方向けの講座です。"},
    ]
    assert first["related"] == [
        {
            "name": "まちづくり講座",
            "funding": "市民局区配",
            "amount": 120,
            "summary": "まちづくりの講座を開きます。",
        }
    ]
    assert (second["amount"], "items" in second) == (300, False)  # half-width digits, no items
    assert third["amount"] == 200
    assert data["sections"] == ["地域振興課", "区政推進課"]


def test_crlf_cp932_and_extra_spaces(tmp_path: Path) -> None:
    messy = "\r\n".join("  " + line + "   " for line in PDF_TEXT.split("\n")) + "\r\n\r\n\r\n"
    result, output = import_to(tmp_path, messy.encode("cp932"), *META)
    assert result.exit_code == 0, result.stderr
    assert "cp932" in result.stderr
    clean_result, clean_output = import_to(tmp_path, PDF_TEXT, *META, "--force", name="clean.txt")
    assert clean_result.exit_code == 0
    assert without_notes(yaml.safe_load(output.read_text())["policies"]) == without_notes(
        yaml.safe_load(clean_output.read_text())["policies"]
    )


def test_figures_that_do_not_add_up_are_imported_and_named(tmp_path: Path) -> None:
    broken = PDF_TEXT.replace("(1) 交流の場づくり（６００）", "(1) 交流の場づくり（６５０）")
    result, output = import_to(tmp_path, broken, *META)
    assert result.exit_code == 1
    assert output.exists()
    assert "error[item-sum]" in result.stderr
    assert "事業 1「地域づくり支援事業」" in result.stderr
    assert "policies[0].programs[0].amount" in result.stderr


def test_a_line_the_parser_cannot_place_is_reported_with_its_number(tmp_path: Path) -> None:
    stray = "この行はどこにも属しません\n\n" + PDF_TEXT
    result, _ = import_to(tmp_path, stray, *META)
    assert result.exit_code == 0
    assert "doc.txt:1: 読み取れなかった行: この行はどこにも属しません" in result.stderr
    strict, _ = import_to(tmp_path, stray, *META, "--strict", "--force")
    assert strict.exit_code == 1


def test_a_missing_amount_is_not_invented(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, PDF_TEXT.replace("【300】\n", ""), *META)
    assert result.exit_code == 2
    assert "必須のキー 'amount'" in result.stderr
    assert "amount" not in yaml.safe_load(output.read_text())["policies"][0]["programs"][1]


# --- the web layout --------------------------------------------------------------------------


def test_a_web_page(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, WEB, "--city", "横浜市", "--ward", "泉区")
    assert result.exit_code == 0, result.stderr  # no-section is a warning
    assert "warning[no-section]" in result.stderr
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert (data["fiscal_year"], data["unit"], data["amount"]) == (2022, "千円", 118887)
    assert [(p["title"], p["amount"]) for p in data["policies"]] == [
        ("安心して暮らせるまちづくり", 32855),
        ("にぎわいのあるまちづくり", 86032),
    ]
    programs = data["policies"][0]["programs"]
    assert [(p["number"], p["name"], p["amount"], p["sections"]) for p in programs] == [
        (1, "災害に強いまちづくり推進事業", 20110, []),
        (2, "地域の見守り推進事業", 12745, []),
    ]
    assert programs[0]["summary"] == "防災訓練を支援します。"
    strict, _ = import_to(tmp_path, WEB, "--strict", "--force", "--city", "横浜市")
    assert strict.exit_code == 1


def test_web_amounts_in_yen_keep_the_ledger_in_yen(tmp_path: Path) -> None:
    page = WEB.replace("[20,110千円]", "[20,110,500円]").replace(
        "【32,855千円】", "【32,855,500円】"
    )
    page = page.replace("1億1,888万7千円", "1億1,888万7,500円")
    result, output = import_to(tmp_path, page, "--city", "横浜市")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(output.read_text())
    assert (data["unit"], data["amount"]) == ("円", 118887500)
    assert data["policies"][0]["programs"][0]["amount"] == 20110500


def test_layout_can_be_forced(tmp_path: Path) -> None:
    result, _ = import_to(tmp_path, WEB, "--layout", "pdf-text", "--fiscal-year", "2022")
    assert result.exit_code == 2
    assert "施策の見出しが見つかりません" in result.stderr


# --- output and refusals ----------------------------------------------------------------------


def test_without_output_the_ledger_goes_to_stdout_and_the_report_to_stderr(
    tmp_path: Path,
) -> None:
    document = tmp_path / "doc.txt"
    document.write_text(PDF_TEXT, encoding="utf-8")
    for args in ([], ["-o", "-"]):
        result = run_cli("import", str(document), *META, *args)
        assert result.exit_code == 0
        loaded = load(result.stdout.encode())
        assert loaded.ledger is not None
        assert "→ <標準出力>" in result.stderr and "→" not in result.stdout


def test_the_yaml_is_what_a_person_would_write(tmp_path: Path) -> None:
    _, output = import_to(tmp_path, SEED.read_bytes(), *META)
    text = output.read_text(encoding="utf-8")
    assert text.startswith("ledger: 1\ncity: 横浜市\nward: 泉区\nfiscal_year: 2021\nunit: 千円\n")
    assert "\\u" not in text and "&" not in text and "*" not in text and "{" not in text
    assert "  - number: 1\n" in text


def test_json_output(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, PDF_TEXT, *META, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(output.read_text())["policies"][0]["programs"][0]["amount"] == 1000


def test_an_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    output = tmp_path / "out.yaml"
    output.write_text("大事なファイル")
    result, _ = import_to(tmp_path, PDF_TEXT, *META)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert output.read_text() == "大事なファイル"
    forced, _ = import_to(tmp_path, PDF_TEXT, *META, "--force")
    assert forced.exit_code == 0
    assert output.read_text().startswith("ledger: 1")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空のファイル"),
        (b"\x00\x01\x02binary", "NUL"),
        (bytes(range(128, 256)) * 10, "読めません"),
        (
            "ただの文章です。\n予算とは関係ありません。\n".encode(),
            "予算の文書として読めるところがありません",
        ),
    ],
)
def test_documents_that_are_not_budgets_exit_2(
    tmp_path: Path, content: bytes, message: str
) -> None:
    result, output = import_to(tmp_path, content, *META)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not output.exists()


def test_a_year_is_needed(tmp_path: Path) -> None:
    result, _ = import_to(tmp_path, PDF_TEXT)
    assert result.exit_code == 2
    # Every option the document leaves open is asked for at once.
    assert "--city --ward --fiscal-year で指定" in result.stderr
    result, _ = import_to(tmp_path / "placed", PDF_TEXT, "--city", "横浜市", "--ward", "泉区")
    assert "--fiscal-year 2021 のように" in result.stderr


def test_a_ledger_is_never_written_without_its_city_and_ward(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, PDF_TEXT, "--fiscal-year", "2021")
    assert result.exit_code == 2
    assert "--city --ward で指定してください" in result.stderr
    assert not output.exists()
    result, output = import_to(tmp_path, PDF_TEXT, "--fiscal-year", "2021", "--city", "横浜市")
    assert result.exit_code == 2 and "--ward で指定" in result.stderr


def test_the_ward_and_city_are_taken_from_the_documents_headings(tmp_path: Path) -> None:
    # The page's title names the ward (つながる区の令和4年度予算) but not the city.
    result, output = import_to(tmp_path, WEB, "--city", "横浜市")
    assert result.exit_code == 0, result.stderr
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert (data["city"], data["ward"]) == ("横浜市", "つながる区")
    titled = "横浜市港北区 令和3年度 予算\n" + PDF_TEXT
    result, output = import_to(tmp_path / "titled", titled)
    data = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert (data["city"], data["ward"], data["fiscal_year"]) == ("横浜市", "港北区", 2021)
    # What the user says wins over what the heading says.
    result, output = import_to(tmp_path / "given", titled, "--ward", "泉区")
    assert yaml.safe_load(output.read_text(encoding="utf-8"))["ward"] == "泉区"


def test_a_fiscal_year_that_is_not_a_year_is_a_usage_error(tmp_path: Path) -> None:
    result, output = import_to(
        tmp_path, PDF_TEXT, "--city", "横浜市", "--ward", "泉区", "--fiscal-year", "3"
    )
    assert result.exit_code == 2
    assert "--fiscal-year 3 は年度として読めません" in result.stderr
    assert "令和なら --fiscal-year 2021" in result.stderr
    assert not output.exists()


def test_a_pdf_cut_short_is_refused_as_a_pdf(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", *META)
    assert result.exit_code == 2
    assert "PDF として読めません" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_a_web_pages_own_spaces_are_kept(tmp_path: Path) -> None:
    spaced = WEB.replace("(2)地域の見守り推進事業", "(2)交通安全 無事故でカエル事業")
    result, output = import_to(tmp_path, spaced, "--city", "横浜市")
    programs = yaml.safe_load(output.read_text(encoding="utf-8"))["policies"][0]["programs"]
    assert programs[1]["name"] == "交通安全 無事故でカエル事業"


def test_a_figure_that_does_not_add_up_names_the_documents_line_and_unit(tmp_path: Path) -> None:
    broken = SEED.read_text(encoding="utf-8").replace("【６，５８８】", "【６，５８０】", 1)
    result, _ = import_to(tmp_path, broken, *META)
    assert result.exit_code == 1
    assert "文書の額      6,580千円" in result.stderr
    line = [text.strip() for text in broken.splitlines()].index("【６，５８０】") + 1
    assert f"文書では {tmp_path / 'doc.txt'}:{line} 行目" in result.stderr


def test_placement_notes_give_whole_words(tmp_path: Path) -> None:
    result, output = import_to(tmp_path, SEED.read_bytes(), *META)
    text = output.read_text(encoding="utf-8")
    assert "内容（商店街活性化、イベント" in text
    assert "事業商店街" not in text and "業商" not in text


def test_encoding_option(tmp_path: Path) -> None:
    result, _ = import_to(tmp_path, PDF_TEXT.encode("cp932"), *META, "--encoding", "utf-8")
    assert result.exit_code == 2
    assert "utf-8 として読めません" in result.stderr


def test_amounts_with_their_unit_in_the_pdf_layout(tmp_path: Path) -> None:
    text = PDF_TEXT.replace("【１，０００】", "【1,000千円】").replace("（６００）", "（60万円）")
    result, output = import_to(tmp_path, text, *META)
    assert result.exit_code == 0, result.stderr
    program = yaml.safe_load(output.read_text())["policies"][0]["programs"][0]
    assert (program["amount"], program["items"][0]["amount"]) == (1000, 600)


def test_an_amount_that_is_not_whole_thousands_is_not_rounded(tmp_path: Path) -> None:
    result, _ = import_to(tmp_path, PDF_TEXT.replace("（６００）", "（600,500円）"), *META)
    assert result.exit_code == 2
    assert "doc.txt:19:1: error[import-figure]" in result.stderr
    assert "600,500円は千円単位の金額ではありません" in result.stderr
    assert (
        "必須のキー 'amount' がありません（policies[0].programs[0].items[0].amount）"
        in result.stderr
    )
