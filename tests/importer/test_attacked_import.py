"""izumi import attacked: every hole an attack on the readers found, held shut.

Each case is a small document whose one line (or cell) under test would once have given a
wrong figure silently, dropped a program, or crashed. A figure is read exactly or refused at
its line; a program stays a program; nothing that is code or hidden on a page is read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import REPO, run_cli

ARGS = ["--city", "横浜市", "--ward", "泉区", "--fiscal-year", "2022"]


def _listing(line: str) -> str:
    return (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち\n"
        f"1 防災推進事業 2,000 防災の取組を進めます。\n{line}\n"
    )


def _import(tmp_path: Path, text: str | bytes, name: str = "doc.txt") -> tuple[Any, Any]:
    document = tmp_path / name
    document.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    result = run_cli("import", str(document), *ARGS, "-o", "-")
    ledger = yaml.safe_load(result.stdout) if result.stdout.strip() else None
    assert "Traceback" not in result.stderr
    return result, ledger


def _programs(ledger: Any) -> list[tuple[str, int | None]]:
    return [(p["name"], p.get("amount")) for q in ledger["policies"] for p in q["programs"]]


@pytest.mark.parametrize(
    "figure",
    [
        "1.5億円", "１．５億円", "1億2.5万円", "1,000.5", "1.5", "2、000", "1 000", "1\u2009000",
        "¥1,000", "￥1,000", "$1,000", "①,000", "٣,٠٠٠", "१,०००", "𝟐,𝟎𝟎𝟎", "2,000²", "²,000",
        "－1,000", "‐1,000", "–1,000", "ー1,000", "▼1,000", "1,\u200b000", "二千円", "0,500",
        "1,000%", "1,000△", "2,000※", "1'000", "1,000千5円",
    ],
)  # fmt: skip
def test_a_figure_not_read_exactly_is_refused_and_its_program_kept(
    tmp_path: Path, figure: str
) -> None:
    result, ledger = _import(tmp_path, _listing(f"2 見守り事業 {figure} 高齢者を見守ります。"))
    assert result.exit_code == 2, result.stderr  # the ledger lacks an amount: nothing guessed
    assert "doc.txt:4:1: error[import-figure]" in result.stderr
    assert ledger is not None
    assert _programs(ledger) == [("防災推進事業", 2000), ("見守り事業", None)]


@pytest.mark.parametrize(
    ("name", "amount"),
    [
        ("区庁舎 3 階改修事業", 3000), ("国道 246 号線事業", 3000), ("地域（3）ケア事業", 3000),
        ("見守り【2】事業", 3000), ("一人1万円給付事業", 3000), ("100円バス事業", 3000),
        ("1万本の桜植樹事業", 3000), ("1,000円商品券事業", 3000), ("5 つの取組事業", 3000),
        ("No. 5 推進事業", 3000), ("ver 2 推進事業", 3000), ("ふれあい 10 事業", 3000),
        ("見守り（1,200円）事業", 3000), ("電話 045-800-1234 相談事業", 3000),
    ],
)  # fmt: skip
def test_a_number_inside_a_name_is_no_amount(tmp_path: Path, name: str, amount: int) -> None:
    result, ledger = _import(tmp_path, _listing(f"2 {name} 3,000 高齢者を見守ります。"))
    assert result.exit_code == 0, result.stderr
    assert _programs(ledger)[1] == (name, amount)
    assert ledger["unit"] == "千円"


def test_a_unit_after_a_space_is_the_figures_unit(tmp_path: Path) -> None:
    _, ledger = _import(tmp_path, _listing("2 見守り事業 2,000 円 高齢者を見守ります。"))
    # 2,000円 is 2千円, beside the other program's 2,000千円: never 2,000千円.
    assert ledger["unit"] == "千円" and _programs(ledger)[1] == ("見守り事業", 2)


def test_a_tag_inside_a_name_leaves_no_space_behind(tmp_path: Path) -> None:
    _, ledger = _import(tmp_path, _listing("2 見守り【拡充】強化事業 3,000 説明。"))
    program = ledger["policies"][0]["programs"][1]
    assert (program["name"], program["tags"]) == ("見守り強化事業", ["拡充"])


def test_more_figures_than_the_tables_columns_are_refused(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち\n事業名 | 本年度 | 前年度\n"
        "1 防災推進事業 | 2,000 | 1,800 | 200 | 12\n"
    )
    result, _ = _import(tmp_path, text)
    assert result.exit_code == 2
    assert "数字が 4 個あり" in result.stderr  # never 200 taken as the prior year


PAGE = (
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><main>'
    "<h1>令和4年度 泉区の予算</h1>\n<h2>1 安心のまち</h2>\n<table><thead><tr><th>事業名</th>"
    "<th>予算額（千円）</th></tr></thead><tbody>\n<tr><td>1 防災事業</td><td>2,000</td></tr>\n"
    "<tr><td>2 見守り事業</td><td>{cell}</td></tr>\n</tbody></table></main></body></html>\n"
)


@pytest.mark.parametrize(
    "cell",
    [
        "<script>9</script>3,000", "<style>1</style>3,000", "<template>9</template>3,000",
        "<noscript>9</noscript>3,000", "<!--9-->3,000", "<span hidden>9</span>3,000",
        '<span style="display: none">9</span>3,000', "<button>9</button>3,000",
        "<select><option>9</option></select>3,000", "<textarea>9</textarea>3,000",
        "<ruby>3,000<rt>さんぜん</rt></ruby>", "<del>2,000</del>3,000", "3,<wbr>000",
        "3,000千円", "約3,000", "300万円",
    ],
)  # fmt: skip
def test_what_a_page_hides_or_runs_is_never_part_of_a_figure(tmp_path: Path, cell: str) -> None:
    result, ledger = _import(tmp_path, PAGE.format(cell=cell), "page.html")
    assert result.exit_code == 0, result.stderr
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", 3000)]


@pytest.mark.parametrize("cell", ["3 000", "3,&nbsp;000", "3,<br>000", "¥3,000", "③,000", "3.5"])
def test_a_cell_with_digits_but_no_amount_form_is_refused(tmp_path: Path, cell: str) -> None:
    result, ledger = _import(tmp_path, PAGE.format(cell=cell), "page.html")
    assert result.exit_code == 2 and "金額の形ではありません" in result.stderr
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", None)]


@pytest.mark.parametrize(
    "page",
    [
        # A table inside a cell: the outer row keeps its name and its amount.
        PAGE.replace(
            "<td>1 防災事業</td>",
            "<td>1 防災事業<table><tr><td>内訳A</td><td>500</td></tr></table></td>",
        ).format(cell="3,000"),
        # End tags left out, as HTML allows.
        PAGE.replace("</td>", "").replace("</tr>", "").format(cell="3,000"),
        # The whole page on one line.
        PAGE.replace("\n", "").format(cell="3,000"),
    ],
    ids=["nested-table", "no-end-tags", "one-line"],
)
def test_tables_as_pages_write_them(tmp_path: Path, page: str) -> None:
    result, ledger = _import(tmp_path, page, "page.html")
    assert result.exit_code == 0, result.stderr
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", 3000)]


def test_a_pre_block_keeps_its_lines(tmp_path: Path) -> None:
    page = (
        "<html><body><main><h1>令和4年度 泉区の予算</h1><pre>1 安心のまち\n"
        "1 防災推進事業 2,000 説明。\n2 見守り事業 3,000 説明。\n</pre></main></body></html>"
    )
    _, ledger = _import(tmp_path, page, "page.html")
    assert _programs(ledger) == [("防災推進事業", 2000), ("見守り事業", 3000)]


def test_a_comment_left_open_is_no_text(tmp_path: Path) -> None:
    page = PAGE.format(cell="3,000").replace("</main>", "<!-- <tr><td>3 幻の事業</td>")
    result, ledger = _import(tmp_path, page, "page.html")
    assert "幻の事業" not in result.stdout
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", 3000)]


def test_a_page_whose_meta_charset_is_wrong_is_read_as_its_bytes_are(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="shift_jis"').format(cell="3,000")
    result, ledger = _import(tmp_path, page, "page.html")
    assert result.exit_code == 0
    assert "meta charset は cp932 と書いていますが、そうは読めません" in result.stderr
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", 3000)]


def test_a_pdf_protected_by_a_password_says_so(tmp_path: Path) -> None:
    data = (REPO / "tests/fixtures/attacks/encrypted-userpw.pdf").read_bytes()
    result, _ = _import(tmp_path, data, "locked.pdf")
    assert result.exit_code == 2 and "パスワードで保護された PDF" in result.stderr


def test_a_pdf_with_bytes_before_its_header_is_read(tmp_path: Path) -> None:
    pdf = (REPO / "tests/fixtures/layouts/09-tokiwa-r6-two-column.pdf").read_bytes()
    result, ledger = _import(tmp_path, b"junk\n" + pdf, "junk.pdf")
    assert result.exit_code == 0, result.stderr
    assert len(ledger["policies"][0]["programs"]) == 4


def test_an_output_that_is_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b", tmp_path / "a")
    os.symlink(tmp_path / "a", tmp_path / "b")
    document = tmp_path / "doc.txt"
    document.write_text(_listing("2 見守り事業 3,000 説明。"), encoding="utf-8")
    result = run_cli("import", str(document), *ARGS, "-o", str(tmp_path / "a"))
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_duplicate_policy_numbers_are_renumbered_and_said(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧\n1 安心のまち\n1 防災推進事業 2,000 説明。\n"
        "1 元気なまち\n1 健康事業 1,000 説明。\n"
    )
    result, ledger = _import(tmp_path, text)
    assert [policy["number"] for policy in ledger["policies"]] == [1, 2]
    assert "振り直しました" in result.stderr and "振り直しました" in ledger["notes"][0]


def test_an_approximate_total_is_written_in_the_notes(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区の予算\n事業費の総額は約2,000千円です。\n"
        "1 安心のまち\n(1)防災推進事業[2,000千円]\n"
    )
    _, ledger = _import(tmp_path, text)
    assert ledger["amount"] == 2000 and "約" in ledger["notes"][0]


def _ledger_of(tmp_path: Path, text: str) -> tuple[Any, Any]:
    result, ledger = _import(tmp_path, text)
    assert ledger is not None, result.stderr
    return result, ledger


def test_a_unit_declared_in_millions_is_read_in_it(tmp_path: Path) -> None:
    text = "令和4年度 泉区 事業の一覧（単位：百万円）\n1 安心のまち\n1 防災推進事業 12 説明。\n"
    _, ledger = _ledger_of(tmp_path, text)
    assert _programs(ledger) == [("防災推進事業", 12000)] and ledger["unit"] == "千円"


def test_a_unit_declaration_applies_from_where_it_stands(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧\n1 安心のまち（単位：千円）\n1 防災推進事業 2,000 説明。\n"
        "2 元気なまち（単位：円）\n1 健康づくり事業 1,500,000 説明。\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    assert [policy["title"] for policy in ledger["policies"]] == ["安心のまち", "元気なまち"]
    assert _programs(ledger) == [("防災推進事業", 2000), ("健康づくり事業", 1500)]


def test_year_columns_in_either_order_give_this_year_and_the_year_before(tmp_path: Path) -> None:
    text = (
        "令和5年度 泉区 事業の一覧（単位：千円）\n事業名 令和4年度 令和5年度\n"
        "1 窓口の待ち時間短縮事業 7,960 8,214\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    program = ledger["policies"][0]["programs"][0]
    assert (program["amount"], program["prior_amount"]) == (8214, 7960)


@pytest.mark.parametrize("empty", ["―", "皆増"])
def test_an_empty_column_keeps_the_columns_in_their_place(tmp_path: Path, empty: str) -> None:
    text = (
        "令和5年度 泉区 事業の一覧（単位：千円）\n事業名 本年度 前年度 増減\n"
        f"1 子ども教室事業 900 {empty} 900\n2 区民意識調査事業 1,180 1,420 △ 240\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    first, second = ledger["policies"][0]["programs"]
    assert (first["amount"], first.get("prior_amount"), first["change"]) == (900, None, 900)
    assert (second["amount"], second["prior_amount"], second["change"]) == (1180, 1420, -240)


def test_a_plus_sign_is_a_rise(tmp_path: Path) -> None:
    text = (
        "令和5年度 泉区 事業の一覧（単位：千円）\n事業名 本年度 前年度 増減\n"
        "1 窓口事業 8,214 7,960 +254\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    assert ledger["policies"][0]["programs"][0]["change"] == 254


def test_a_reprinted_row_is_not_counted_twice(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち\n1 見守り事業 1,500 説明。\n"
        "2 元気なまち\n1 健康事業 1,000 説明。\n2 見守り事業（再掲） 1,500 説明。\n"
    )
    result, ledger = _ledger_of(tmp_path, text)
    assert [policy["amount"] for policy in ledger["policies"]] == [1500, 1000]
    assert "再掲の行は重ねて数えません: 6 行目" in result.stderr


def test_a_subtotal_that_disagrees_with_its_heading_is_reported(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち 5,000\n"
        "◆防災推進事業 2,000\n◆見守り事業 3,500\n小計 5,500\n"
    )
    result, _ = _import(tmp_path, text)
    assert result.exit_code == 1
    assert "見出しの額 5,000,000円 と、小計・計の額 5,500,000円 が違います" in result.stderr


def test_a_footnote_digit_in_a_cell_is_never_part_of_the_figure(tmp_path: Path) -> None:
    result, ledger = _import(tmp_path, PAGE.format(cell="300<sup>1</sup>"), "page.html")
    assert result.exit_code == 2
    assert _programs(ledger) == [("防災事業", 2000), ("見守り事業", None)]


@pytest.mark.parametrize("line", ["1,000," * 3000, "1億" * 3000, "1 000 " * 3000])
def test_a_line_longer_than_any_programs_row_is_refused_whole(tmp_path: Path, line: str) -> None:
    result, ledger = _import(tmp_path, _listing(f"2 見守り事業 {line}"))
    assert result.exit_code == 1  # refused at its line; the rest is read
    assert "事業の行として読める長さ" in result.stderr
    assert _programs(ledger) == [("防災推進事業", 2000)]


def test_a_pdf_table_is_read_along_its_rows(tmp_path: Path) -> None:
    """事業名｜担当課｜予算額｜前年度 printed as a table: every line has text on both sides of
    the gutter and ends in figures, so it is read along, never as two columns of text."""
    data = (REPO / "tests/fixtures/attacks/table-with-section-column.pdf").read_bytes()
    result, ledger = _import(tmp_path, data, "table.pdf")
    assert result.exit_code == 0, result.stderr
    programs = ledger["policies"][0]["programs"]
    assert [(p["name"], p["sections"], p["amount"], p["prior_amount"]) for p in programs] == [
        ("防災推進事業", ["総務課"], 2000, 1800),
        ("見守り事業", ["高齢・障害支援課"], 3000, 2500),
        ("健康づくり事業", ["福祉保健課"], 1500, 1400),
        ("商店街応援事業", ["地域振興課"], 700, 650),
    ]


@pytest.mark.parametrize("year", ["令和4年度", "令和6年度", "平成29年度"])
def test_a_prior_printed_with_another_year_is_no_prior(tmp_path: Path, year: str) -> None:
    result, ledger = _ledger_of(tmp_path, _listing(f"2 見守り事業 3,000（{year} 2,500）説明。"))
    program = ledger["policies"][0]["programs"][1]
    assert "prior_amount" not in program and "前年度の額ではない" in program["notes"][0]
    assert "前年度の額ではない" in result.stderr


def test_a_prior_printed_with_the_year_before_is_the_prior(tmp_path: Path) -> None:
    _, ledger = _ledger_of(tmp_path, _listing("2 見守り事業 3,000（令和3年度 2,500）説明。"))
    assert ledger["policies"][0]["programs"][1]["prior_amount"] == 2500


def test_a_name_wrapped_over_three_lines_keeps_its_tag(tmp_path: Path) -> None:
    text = _listing(
        "2 運河沿いの花と緑の\nみちづくり推進\n事業 【拡充】\n2,310 遊歩道に花を植えます。"
    )
    _, ledger = _ledger_of(tmp_path, text)
    program = ledger["policies"][0]["programs"][1]
    assert (program["name"], program["amount"], program["tags"]) == (
        "運河沿いの花と緑のみちづくり推進事業",
        2310,
        ["拡充"],
    )


def test_marks_and_bracketed_sections_are_no_part_of_a_name(tmp_path: Path) -> None:
    text = _listing("2 ★見守り事業（高齢・障害支援課、福祉保健課） 3,000 説明。")
    _, ledger = _ledger_of(tmp_path, text)
    program = ledger["policies"][0]["programs"][1]
    assert (program["name"], program["sections"]) == (
        "見守り事業",
        ["高齢・障害支援課", "福祉保健課"],
    )
    assert any("★" in note for note in program["notes"])


@pytest.mark.parametrize("page", ["3頁", "(p3)", "ページ3", "P3-3", "P.3"])
def test_a_table_of_contents_page_in_any_form_leaves_the_sections(
    tmp_path: Path, page: str
) -> None:
    _, ledger = _ledger_of(tmp_path, _listing(f"2 見守り事業 3,000 総務課 地域振興課 {page}"))
    assert ledger["policies"][0]["programs"][1]["sections"] == ["総務課", "地域振興課"]


def test_headings_with_amounts_and_the_programs_marker_still_head_them(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち 5,000\n1 防災推進事業 2,000 説明。\n"
        "2 見守り事業 3,000 説明。\n2 元気なまち 1,500\n1 健康づくり事業 1,500 説明。\n"
    )
    result, ledger = _ledger_of(tmp_path, text)
    assert result.exit_code == 0, result.stderr
    assert [(p["title"], p["amount"], len(p["programs"])) for p in ledger["policies"]] == [
        ("安心のまち", 5000, 2),
        ("元気なまち", 1500, 1),
    ]


def test_an_unmarked_program_under_each_heading_is_no_wrapped_name(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧（単位：千円）\n1 安心のまち\n防災推進事業 2,000\n"
        "2 元気なまち\n健康づくり事業 1,500\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    assert [(p["title"], _programs({"policies": [p]})) for p in ledger["policies"]] == [
        ("安心のまち", [("防災推進事業", 2000)]),
        ("元気なまち", [("健康づくり事業", 1500)]),
    ]


def test_a_footnote_mark_after_a_cells_figure_is_kept_as_a_note(tmp_path: Path) -> None:
    text = (
        "令和5年度 泉区の予算（単位：千円）\n|\n令和5年度 |\n令和4年度 |\n---|---|---|\n"
        "施策1 安心のまち |\n子育て相談ひろば事業 |\n4,320 ※1 |\n4,100 |\n"
    )
    _, ledger = _ledger_of(tmp_path, text)
    program = ledger["policies"][0]["programs"][0]
    assert (program["name"], program["amount"], program["prior_amount"]) == (
        "子育て相談ひろば事業",
        4320,
        4100,
    )
    assert any("※1" in note for note in program["notes"])


def test_two_tables_under_one_heading_add_up_to_its_amount(tmp_path: Path) -> None:
    text = (
        "令和4年度 泉区 事業の一覧\n1 安心のまち\n事業名 | 予算額（千円）\n1 防災推進事業 | 2,000\n"
        "2 見守り事業 | 3,000\n計 | 5,000\n事業名 | 予算額（千円）\n3 健康づくり事業 | 1,500\n"
        "4 体操教室事業 | 800\n計 | 2,400\n"
    )
    result, ledger = _ledger_of(tmp_path, text)
    assert ledger["policies"][0]["amount"] == 7400  # both tables' 計
    assert "表の計 2,400,000円 が、その表の事業の和 2,300,000円 と違います" in result.stderr
