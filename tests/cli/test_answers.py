"""The answers a clerk and a journalist ask for: item tags, repeated filters, text anywhere in
a program, one basis for shares, a failing ledger said to fail, and what a diff leaves out."""

from __future__ import annotations

import json
from pathlib import Path

from support import REPO, run_cli

BUNDLED = REPO / "data" / "programs.yaml"


def _numbers(*args: str) -> list[int]:
    return [row["number"] for row in json.loads(run_cli("list", *args, "-f", "json").stdout)]


def _with_change(tmp_path: Path, *changes: tuple[str, str]) -> str:
    """The bundled ledger with the first of each old text replaced by the new."""
    text = BUNDLED.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "changed.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# --- 1. tags on items ---------------------------------------------------------------------


def test_a_tag_on_an_item_finds_its_program_and_is_shown_with_the_item() -> None:
    shown = run_cli("list", "--tag", "新規").stdout
    assert "(3)新規" in shown  # program 1 matches through its item (3)
    assert _numbers("--tag", "新規") == [1, 2]


def test_totals_by_tag_counts_a_tagged_item_not_its_whole_program() -> None:
    document = json.loads(run_cli("totals", "--by", "tag", "-f", "json").stdout)
    groups = {group["key"]: group for group in document["groups"]}
    # Program 2 is 新規 as a whole (2,900); program 1 only through item (3), 1,000.
    assert groups["新規"]["amount"] == 2900 + 1000
    assert groups["新規"]["item_refs"] == [{"policy": 2, "program": 1, "item": 3}]
    # 重点 still counts program 1 whole, once: its item (3) is 重点 and 新規 at once.
    assert groups["重点"]["amount"] == 6588 + 2900
    assert groups["重点"]["sole"] == 6588 - 1000
    # Item (3) is 重点 through its program: under 重点 it is part of program 1, not an item.
    assert groups["重点"]["item_refs"] == [] and groups["重点"]["programs"] == [1, 2]
    table = run_cli("totals", "--by", "tag").stdout
    assert "細事業にあるタグは、その細事業の額だけを数える" in table


# --- 2. repeated filters --------------------------------------------------------------------


def test_a_repeated_filter_matches_any_of_its_values() -> None:
    assert _numbers("--section", "こども家庭支援課", "--section", "総務課") == [2, 4]
    assert _numbers("--tag", "拡充", "-t", "新規") == [1, 2, 10]
    assert _numbers("--policy", "2", "--policy", "2") == list(range(1, 13))
    heading = run_cli("list", "-s", "総務課", "-s", "こども家庭支援課").stdout.splitlines()[0]
    assert "担当課 総務課、こども家庭支援課" in heading


def test_a_repeated_ledger_is_read_once() -> None:
    # Every command reads a collection: the same file named twice is read once.
    shown = run_cli("show", "1", "-l", str(BUNDLED), "-l", str(BUNDLED))
    assert shown.exit_code == 0 and shown.stdout.count("事業1 地域力支援事業") == 1
    twice = run_cli("check", "-l", str(BUNDLED), "--ledger", str(BUNDLED))
    assert twice.exit_code == 0 and "台帳 1 件" in twice.stdout
    listed = run_cli("list", "-l", str(BUNDLED), "-l", str(BUNDLED))
    assert listed.exit_code == 0 and "合計 12 事業" in listed.stdout


# --- 3. --grep --------------------------------------------------------------------------------


def test_grep_finds_details_and_says_where() -> None:
    rows = json.loads(run_cli("list", "--grep", "スマートフォン", "-f", "json").stdout)
    assert [row["number"] for row in rows] == [2]
    assert rows[0]["found"] == [{"in": "detail", "where": "(1)イ"}]
    assert "(1)イ" in run_cli("list", "--grep", "スマートフォン").stdout


def test_where_grep_found_it_is_said_in_english_too() -> None:
    shown = run_cli("--lang", "en", "list", "--grep", "省エネ", env={"COLUMNS": "120"}).stdout
    assert "summary, (1)" in shown and "、" not in shown.split("found in")[1].split("\n")[2]


def test_grep_finds_related_lines() -> None:
    rows = json.loads(run_cli("list", "--grep", "スポーツ推進委員", "-f", "json").stdout)
    assert 7 in [row["number"] for row in rows]
    row = next(row for row in rows if row["number"] == 7)
    assert {"in": "related", "where": "スポーツ推進委員支援事業"} in row["found"]


def test_an_empty_result_says_so() -> None:
    result = run_cli("list", "--grep", "存在しない言葉")
    assert result.exit_code == 0
    assert "該当する事業はありません" in result.stderr
    assert json.loads(run_cli("list", "--grep", "存在しない言葉", "-f", "json").stdout) == []
    assert run_cli("list", "--grep", "  ").exit_code == 2


# --- 5. one basis for shares -------------------------------------------------------------------


def test_shares_of_a_ledger_with_two_policies_add_up_to_one_whole(tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    policy = text[text.index("  - number: 2\n    title:") :]
    second = policy.replace("  - number: 2\n", "  - number: 3\n", 1)
    path = tmp_path / "two.yaml"
    path.write_text(text + second, encoding="utf-8")
    document = json.loads(run_cli("totals", "-l", str(path), "-f", "json").stdout)
    shares = [p["share"] for policy in document["policies"] for p in policy["programs"]]
    assert abs(sum(shares) - 1) < 0.001  # rounded to 4 places each
    table = run_cli("totals", "-l", str(path)).stdout
    assert "構成比は総額 52,794千円に対する割合" in table
    assert "12.5%" in table  # 地域力支援事業: 6,588 of 52,794, not of its policy's 26,397


# --- 6. a ledger that fails check ---------------------------------------------------------------


def test_totals_of_a_failing_ledger_say_so_and_show_both_figures(tmp_path: Path) -> None:
    path = _with_change(tmp_path, ("        amount: 6588\n", "        amount: 6552\n"))
    shown = run_cli("totals", "-l", path)
    assert "この台帳の数字は合っていません" in shown.stdout
    assert "記載の合計 26,397千円 · 各行の和 26,361千円（差 △36千円）" in shown.stdout
    document = json.loads(run_cli("totals", "-l", path, "-f", "json").stdout)
    assert document["check"] == {"ok": False, "errors": 2}
    listed = run_cli("list", "-l", path, "-f", "markdown").stdout
    assert "この台帳の数字は合っていません" in listed
    assert "合っていません" not in run_cli("totals").stdout


# --- 7. diff ----------------------------------------------------------------------------------


def test_two_identical_ledgers_have_no_differences() -> None:
    result = run_cli("diff", str(BUNDLED), str(BUNDLED))
    assert result.exit_code == 0
    assert "差はありません（12 事業、合計 26,397千円 がすべて同じ）" in result.stdout
    assert "0千円" not in result.stdout
    assert (
        json.loads(run_cli("diff", str(BUNDLED), str(BUNDLED), "-f", "json").stdout)["differences"]
        is False
    )


def test_diff_reports_sections_tags_and_titles_and_exits_on_figures_only(tmp_path: Path) -> None:
    path = _with_change(
        tmp_path,
        ("        sections: [地域振興課]\n", "        sections: [総務課]\n"),
        ("tags: [拡充]", "tags: [新規]"),
        ("title: はぐくもう！地域の力", "title: はぐくもう！まちの力"),
    )
    result = run_cli("diff", str(BUNDLED), path, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stdout  # no figure differs
    assert "担当課 +総務課 −地域振興課" in result.stdout
    assert "タグ +新規 −拡充" in result.stdout
    assert "施策 はぐくもう！まちの力（旧: はぐくもう！地域の力）" in result.stdout
    rows = run_cli("diff", str(BUNDLED), path, "-f", "csv").stdout.splitlines()
    assert any(row.endswith(",総務課,地域振興課,,,千円") for row in rows)
    assert (
        "policy,2,2,2,,はぐくもう！まちの力,26397,26397,0,0.0,renamed,はぐくもう！地域の力,,,,,千円"
        in rows
    )


# --- 8. export -o NAME.csv ---------------------------------------------------------------------


def test_a_csv_file_name_without_a_table_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = run_cli("export", "--format", "csv", "-o", str(target))
    assert result.exit_code == 2
    assert "--table" in result.stderr and "programs" in result.stderr
    assert not target.exists()
    written = run_cli("export", "-f", "csv", "--table", "programs", "-o", str(target))
    assert written.exit_code == 0 and target.is_file()


# --- 17. smaller ones ---------------------------------------------------------------------------


def test_markdown_headings_are_escaped_text_each_line_a_paragraph(tmp_path: Path) -> None:
    path = _with_change(
        tmp_path, ("title: はぐくもう！地域の力", 'title: "[地域](http://example.com) <b>力</b>"')
    )
    shown = run_cli("totals", "-l", path, "-f", "markdown").stdout
    assert "\\[地域\\](http://example.com) \\<b\\>力\\</b\\>" in shown
    assert "](http" not in shown.replace("\\]", "")
    assert "\n\n総額 26,397千円\n\n" in shown


def test_a_document_imported_to_standard_output_is_checked_from_standard_input() -> None:
    import subprocess
    import sys

    seed = REPO / "tests" / "fixtures" / "izumi-fy2021-policy2.txt"
    meta = ["--city", "横浜市", "--ward", "泉区", "--fiscal-year", "2021"]
    imported = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "import", str(seed), *meta],
        capture_output=True,
        check=True,
    )
    checked = subprocess.run(
        [sys.executable, "-m", "izumi_ledger", "check", "-l", "-"],
        input=imported.stdout.replace(b"amount: 6588", b"amount: 6580", 1),
        capture_output=True,
    )
    assert checked.returncode == 1
    assert "<stdin>:" in checked.stdout.decode()


def test_a_program_tag_is_not_counted_as_its_items(tmp_path: Path) -> None:
    path = _with_change(
        tmp_path,
        (
            "            amount: 1000\n            tags: [新規]",
            "            amount: 1000\n            tags: [拡充]",
        ),
    )
    groups = {
        group["key"]: group
        for group in json.loads(run_cli("totals", "--by", "tag", "-l", path, "-f", "json").stdout)[
            "groups"
        ]
    }
    assert groups["拡充"]["item_refs"] == [{"policy": 2, "program": 1, "item": 3}]
    assert groups["重点"]["item_refs"] == []


def test_a_ledger_with_errors_that_add_up_is_not_said_to_have_wrong_figures(
    tmp_path: Path,
) -> None:
    path = _with_change(tmp_path, ("name: 地域力支援事業", 'name: "地域力\\t支援事業"'))
    shown = run_cli("list", "-l", path)
    assert "誤りが 1 件あります（数字は合っています" in shown.stdout
    assert "数字は合っていません" not in shown.stdout
    spaced = tmp_path / "a b.yaml"
    spaced.write_text(Path(path).read_text(encoding="utf-8"), encoding="utf-8")
    assert f"izumi check -l '{spaced}'" in run_cli("list", "-l", str(spaced)).stderr


def test_min_amount_takes_the_decimals_the_display_unit_shows() -> None:
    assert _numbers("--min-amount", "658.8", "--unit", "万円") == [1]
    assert _numbers("--min-amount", "658.9", "--unit", "万円") == []
    assert _numbers("--min-amount", "6,587.5") == [1]
    assert run_cli("list", "--min-amount", "1.2.3").exit_code == 2


def test_grep_ignores_the_spaces_around_what_is_sought() -> None:
    assert _numbers("--grep", " 地域力 ") == [1]


def test_a_folder_export_to_a_file_name_is_refused(tmp_path: Path) -> None:
    for name in ("out.xlsx", "out.csv ", "data.json"):
        target = tmp_path / name
        result = run_cli("export", "--format", "csv", "-o", str(target))
        assert result.exit_code == 2, name
        assert not target.exists()
    result = run_cli("export", "--format", "datapackage", "-o", str(tmp_path / "p.zip"))
    assert result.exit_code == 2
    assert run_cli("export", "--format", "csv", "-o", str(tmp_path / "budget.2021")).exit_code == 0


def test_list_csv_keeps_program_and_item_tags_apart() -> None:
    rows = run_cli("list", "-f", "csv").stdout.splitlines()
    assert rows[0] == "policy,number,name,amount,sections,tags,item_tags,unit"
    assert rows[1].endswith(",重点,(3)新規,千円")


def test_show_folds_a_full_width_space_away_at_a_line_break(tmp_path: Path) -> None:
    path = _with_change(tmp_path, ("summary: 持続可能な", "summary: 持続可能。　次に、持続可能な"))
    for width in range(20, 60):
        lines = run_cli("show", "1", "-l", path, env={"COLUMNS": str(width)}).stdout.splitlines()
        assert [line for line in lines if line != line.rstrip()] == [], width
        assert not [line for line in lines if line.startswith("│   \u3000")], width
