"""The reader's parts on their own: amounts in every notation, the hierarchy a listing's
numbering gives, the columns of a PDF, web pages in every encoding, PDFs that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from support import run_cli

from izumi_ledger.importer.build import Metadata, document_lines, import_document
from izumi_ledger.importer.figures import FigureError, yen
from izumi_ledger.importer.pdf_file import _Char, _page_lines
from izumi_ledger.importer.text import DocumentError
from izumi_ledger.importer.web_page import page_lines

FULL_WIDTH = str.maketrans("0123456789,", "０１２３４５６７８９，")
META = Metadata("架空市", "架空区", 2024, "テスト")


def _oku_man(value: int, bare_thousand: bool = False) -> str:
    """A whole number of 千円, in yen, written as 1億2,345万6千円 (or 1億2千345万6千円)."""
    oku, rest = divmod(value, 10**8)
    man, below = divmod(rest, 10**4)
    text = f"{oku}億" if oku else ""
    if man and bare_thousand and man >= 1000:
        thousands, hundreds = divmod(man, 1000)
        text += f"{thousands}千" + (f"{hundreds}万" if hundreds else "万")
    elif man:
        text += f"{man:,}万"
    if below:
        text += f"{below // 1000}千"
    return text + "円"


def _notations(value: int) -> list[str]:
    """Every way a document writes value yen (a whole number of 千円, above zero)."""
    written = [f"{value:,}円", f"{value}円", f"{value // 1000:,}千円", f"{value // 1000:,}"]
    written += [_oku_man(value), _oku_man(value, bare_thousand=True)]
    if value % 10**4 == 0:
        written.append(f"{value // 10**4:,}万円")
    return written + [text.translate(FULL_WIDTH) for text in written]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**12).map(lambda n: n * 1000))
def test_every_notation_of_an_amount_reads_back_exactly(value: int) -> None:
    for text in _notations(value):
        assert yen(text) == value, text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10億613万6千円", 1_006_136_000),
        ("5千万円", 50_000_000),
        ("2億4千380万円", 243_800_000),
        ("3億円", 300_000_000),
        ("1,721万円", 17_210_000),
        ("3,101万5千円", 31_015_000),
    ],
)
def test_the_documents_notations(text: str, value: int) -> None:
    assert yen(text) == value


@pytest.mark.parametrize(
    "text",
    ["1億万円", "10千万円", "4千1,380万円", "千万円", "5千万千円", "1万2,000千円", "2億3億円"],
)
def test_notations_that_are_not_one_amount_are_refused(text: str) -> None:
    with pytest.raises(FigureError):
        yen(text)


def _ledger(text: str) -> dict[str, object]:
    return import_document(text.encode("utf-8"), META).data


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=4),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["plain", "oku", "sign", "table"]),
)
def test_a_listing_reads_back_every_amount_it_prints(
    pillars: list[list[int]], written: str
) -> None:
    """Pillar headings without amounts, programs numbered from 1 in each: whatever the
    figures and however they are written, the ledger holds them exactly."""
    lines = ["令和6年度 架空区 事業の一覧（単位：千円）", ""]
    if written == "table":
        lines.append("事業名 予算額 前年度 増減")
    for p_index, amounts in enumerate(pillars, 1):
        lines.append(f"{p_index} 柱の題その{p_index}")
        for index, amount in enumerate(amounts, 1):
            shown = {
                "plain": f"{amount:,}",
                "oku": _oku_man(amount * 1000),
                "sign": f"{amount:,}",
                "table": f"{amount:,} {amount + 1:,} △{1}",
            }[written]
            lines.append(f"{index} 事業その{p_index}の{index}事業 {shown} 内容を説明します。")
    data = _ledger("\n".join(lines) + "\n")
    policies = data["policies"]
    assert isinstance(policies, list)
    # Figures all in whole 万 are kept in 万円 (the unit the document prints): exactly the same.
    scale = {"千円": 1, "万円": 10}[str(data["unit"])]
    assert [
        [program["amount"] * scale for program in policy["programs"]] for policy in policies
    ] == pillars
    assert [policy["number"] for policy in policies] == list(range(1, len(pillars) + 1))
    for policy in policies:
        assert [program["number"] for program in policy["programs"]] == list(
            range(1, len(policy["programs"]) + 1)
        )
        if written == "table":
            assert all(program["change"] == -1 for program in policy["programs"])
            assert all(
                program["prior_amount"] == program["amount"] + 1 for program in policy["programs"]
            )


def test_numbering_comes_from_the_document_and_a_gap_is_kept_for_the_check() -> None:
    data = _ledger(
        "令和6年度 架空区 事業の一覧\n1 まちの柱\n"
        "1 一の事業 1,000 説明。\n3 三の事業 2,000 説明。\n"
    )
    policies = data["policies"]
    assert isinstance(policies, list)
    assert [program["number"] for program in policies[0]["programs"]] == [1, 3]


def test_bullets_are_numbered_in_order_under_each_heading() -> None:
    data = _ledger(
        "令和6年度 架空区 予算\n"
        "(1)まちの柱\n2,000千円\n・一の事業 1,200千円\n・二の事業 800千円\n"
        "(2)ひとの柱\n500千円\n・三の事業 500千円\n"
    )
    policies = data["policies"]
    assert isinstance(policies, list)
    assert [(p["number"], p["amount"], len(p["programs"])) for p in policies] == [
        (1, 2000, 2),
        (2, 500, 1),
    ]
    assert [program["number"] for program in policies[1]["programs"]] == [1]


def test_numbers_inside_names_and_sentences_are_not_amounts() -> None:
    data = _ledger(
        "令和6年度 架空区 事業の一覧\n1 柱\n"
        "1 区制70周年記念事業 3,500 年3回、5か所で開きます。約300メートル。\n"
        "2 ごみ3R推進事業 1,430 P.12 を見てください。\n"
    )
    policies = data["policies"]
    assert isinstance(policies, list)
    programs = policies[0]["programs"]
    assert [(p["name"], p["amount"]) for p in programs] == [
        ("区制70周年記念事業", 3500),
        ("ごみ3R推進事業", 1430),
    ]


def _chars(text: str, x: float, top: float, size: float = 10.0) -> list[_Char]:
    return [
        _Char(x + index * size, x + (index + 1) * size, top, top + size, char)
        for index, char in enumerate(text)
    ]


def test_two_columns_side_by_side_are_read_block_by_block() -> None:
    chars = _chars("施策１ まちの柱（２事業）", 50, 20)
    rows = [
        ("１ 一の事業", "一の事業は、地域の"),
        ("【１，０００】", "活動を支えます。"),
        ("【地域振興課】", "(1) 活動支援（１，０００）"),
    ]
    for block, top in ((0, 100), (1, 200)):
        for index, (left, right) in enumerate(rows):
            chars += _chars(left if block == 0 else left.replace("一", "二"), 50, top + index * 14)
            chars += _chars(right, 300, top + index * 14)
    lines = [line.text for line in _page_lines(1, chars)]
    assert lines[:5] == [
        "施策１ まちの柱（２事業）",
        "１ 一の事業",
        "【１，０００】",
        "【地域振興課】",
        "一の事業は、地域の",
    ]
    assert lines[6] == "(1) 活動支援（１，０００）"
    assert lines[7] == "１ 二の事業"  # the second block starts after the first one's right column


def test_a_page_of_one_column_is_read_line_by_line() -> None:
    chars = _chars("一行目の文", 50, 20) + _chars("二行目", 50, 40) + _chars("の文", 300, 40)
    assert [line.text for line in _page_lines(1, chars)] == ["一行目の文", "二行目 の文"]


def test_a_pdf_without_text_is_refused_as_a_scan(tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    document.save(str(path))
    document.close()
    with pytest.raises(DocumentError, match="文字がありません"):
        document_lines(path.read_bytes(), None)
    result = run_cli("import", str(path), "--city", "市", "--ward", "区", "--fiscal-year", "2024")
    assert result.exit_code == 2 and "OCR" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("cut", [10, 400, 5000, 40000])
def test_a_pdf_cut_short_is_refused_cleanly(tmp_path: Path, cut: int) -> None:
    from support import REPO

    whole = (REPO / "tests/fixtures/layouts/09-tokiwa-r6-two-column.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(whole[:cut])
    result = run_cli("import", str(path), "--city", "市", "--ward", "区", "--fiscal-year", "2024")
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr


PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>令和6年度 架空区の予算</title>
<script>var total = "99,999千円";</script><style>td {{ color: red }}</style></head>
<body><header><nav><ul><li>1 メニュー 1,000千円</li></ul></nav></header>
<main><h1>令和6年度 架空区の予算</h1>
<h3>1&nbsp;まちの柱&#12288;1,500千円</h3>
<table><thead><tr><th>事業名</th><th>予算額</th><th>担当課</th></tr></thead>
<tbody><tr><td>1&nbsp;一の&amp;事業 <span>新規</span></td><td>1,000</td>
<td>総務課<br>地域振興課</td></tr>
<tr><td>2&nbsp;二の事業</td><td>500</td><td>総務課</td></tr></tbody></table></main>
<footer><p>電話 012-345-6789 〒000-0000</p></footer></body></html>
"""


@pytest.mark.parametrize(
    ("charset", "encoding"),
    [("utf-8", "utf-8"), ("Shift_JIS", "cp932"), ("EUC-JP", "euc-jp"), ("x-sjis", "cp932")],
)
def test_a_web_page_in_each_encoding_japanese_sites_use(charset: str, encoding: str) -> None:
    data = import_document(PAGE.format(charset=charset).encode(encoding), META).data
    policies = data["policies"]
    assert isinstance(policies, list)
    programs = policies[0]["programs"]
    assert (policies[0]["title"], policies[0]["amount"]) == ("まちの柱", 1500)
    assert [(p["name"], p["amount"], p["sections"], p.get("tags")) for p in programs] == [
        ("一の&事業", 1000, ["総務課", "地域振興課"], ["新規"]),
        ("二の事業", 500, ["総務課"], None),
    ]


def test_a_page_without_a_meta_charset_is_still_read_in_its_encoding() -> None:
    page = PAGE.replace('<meta charset="{charset}">', "").format().encode("euc-jp")
    lines, encoding, source, _ = document_lines(page, None)
    assert (encoding, source) == ("euc-jp", "html")
    assert any("まちの柱" in line.text for line in lines)


def test_scripts_styles_menus_and_footers_are_never_read() -> None:
    page = page_lines(PAGE.format(charset="utf-8"))
    text = "\n".join(line.text for line in page.lines)
    assert "99,999" not in text and "メニュー" not in text and "012-345" not in text
    assert "color" not in text
    assert page.left_out >= 2  # the menu and the footer, said in the report


def test_a_page_without_main_keeps_its_body_but_not_its_chrome() -> None:
    page = page_lines(
        PAGE.format(charset="utf-8").replace("<main>", "<div>").replace("</main>", "</div>")
    )
    text = "\n".join(line.text for line in page.lines)
    assert "まちの柱" in text and "メニュー" not in text and "012-345" not in text


def test_an_html_file_imports_from_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.format(charset="Shift_JIS").encode("cp932"))
    output = tmp_path / "out.yaml"
    result = run_cli("import", str(path), "--city", "架空市", "-o", str(output))
    assert result.exit_code == 0, result.stderr
    ledger = yaml.safe_load(output.read_text(encoding="utf-8"))
    assert (ledger["ward"], ledger["fiscal_year"]) == ("架空区", 2024)
    assert "ウェブページ（HTML）" in result.stderr and "cp932" in result.stderr
