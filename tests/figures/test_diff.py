"""`izumi diff` on two ledgers written for the tests: added, removed, renamed, up and down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import REPO, assert_golden, run_cli

FIXTURES = REPO / "tests" / "fixtures"
FIXTURE_PAIR = (str(FIXTURES / "diff-old.yaml"), str(FIXTURES / "diff-new.yaml"))


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)


def test_the_table(in_fixtures: None) -> None:
    result = run_cli("diff", "diff-old.yaml", "diff-new.yaml")
    assert result.exit_code == 1  # the figures differ, as diff says of files
    assert_golden("diff.txt", result.stdout)


def test_the_json(in_fixtures: None) -> None:
    result = run_cli("diff", "diff-old.yaml", "diff-new.yaml", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    assert document["total"] == {"old": 5000, "new": 5600, "change": 600}
    by_name = {(c["level"], c["name"]): c for c in document["changes"]}
    assert by_name[("program", "窓口案内ボランティア事業")] == {
        "level": "program",
        "status": "renamed",
        "policy": 1,
        "program": None,
        "number": 2,
        "old_number": 2,
        "name": "窓口案内ボランティア事業",
        "old_name": "窓口案内事業",
        "old_amount": 800,
        "new_amount": 600,
        "change": -200,
        "change_ratio": -0.25,
        "sections_added": [],
        "sections_removed": [],
        "tags_added": [],
        "tags_removed": [],
    }
    assert by_name[("program", "商店街振興事業")]["status"] == "added"
    assert by_name[("program", "花いっぱい事業")]["status"] == "removed"
    assert by_name[("program", "地域力支援事業")]["change"] == 500
    assert by_name[("item", "協議会運営支援")]["status"] == "same"
    assert_golden("diff.json", result.stdout)


def test_identical_figures_exit_0(in_fixtures: None) -> None:
    assert run_cli("diff", "diff-old.yaml", "diff-old.yaml").exit_code == 0
    bundled = str(REPO / "data" / "programs.yaml")
    assert run_cli("diff", bundled, bundled, "-f", "json").exit_code == 0


def test_unchanged_items_only_with_all(in_fixtures: None) -> None:
    plain = run_cli("diff", "diff-old.yaml", "diff-new.yaml", "-f", "csv").stdout
    assert "協議会運営支援" not in plain
    everything = run_cli("diff", "diff-old.yaml", "diff-new.yaml", "--all", "-f", "csv").stdout
    # An item's row has its own number and its program's.
    assert "item,1,1,1,1,協議会運営支援,1000,1000,0,0.0,same," in everything


def test_csv_and_markdown(in_fixtures: None) -> None:
    csv_text = run_cli("diff", "diff-old.yaml", "diff-new.yaml", "-f", "csv").stdout
    assert csv_text.splitlines()[0] == (
        "level,policy,number,old_number,program,name,old_amount,new_amount,change,change_ratio,"
        "status,old_name,sections_added,sections_removed,tags_added,tags_removed,unit"
    )
    assert (
        "program,1,2,2,,窓口案内ボランティア事業,800,600,-200,-0.25,renamed,窓口案内事業"
        in csv_text
    )
    markdown = run_cli("diff", "diff-old.yaml", "diff-new.yaml", "-f", "markdown").stdout
    assert "| 1 | 3 | 花いっぱい事業 | 1,200千円 |  |  |  | 削除 |" in markdown
    assert markdown.splitlines()[0] == "差分 diff-old.yaml → diff-new.yaml（単位 千円）"
    assert markdown.splitlines()[2] == "| 施策 | 番号 | 事業名 | 前 | 後 | 増減 | 増減率 | 状態 |"


def test_ledgers_in_different_units_are_compared_exactly(tmp_path: Path) -> None:
    old = (FIXTURES / "diff-old.yaml").read_text(encoding="utf-8")
    in_yen = old.replace("unit: 千円", "unit: 円").replace("amount: 3000\n", "amount: 3000500\n")
    for amount in ("5000", "800", "1200", "1000", "2000"):
        in_yen = in_yen.replace(f"amount: {amount}\n", f"amount: {amount}000\n")
        in_yen = in_yen.replace(f"amount: {amount}}}", f"amount: {amount}000}}")
    (tmp_path / "old.yaml").write_text(in_yen, encoding="utf-8")
    result = run_cli(
        "diff", str(tmp_path / "old.yaml"), str(FIXTURES / "diff-new.yaml"), "-f", "json"
    )
    document = json.loads(result.stdout)
    assert document["unit"] == "円"
    program = next(c for c in document["changes"] if c["name"] == "地域力支援事業")
    assert (program["old_amount"], program["new_amount"]) == (3000500, 3500000)


def test_an_unreadable_ledger_exits_2(tmp_path: Path) -> None:
    result = run_cli("diff", str(tmp_path / "none.yaml"), str(FIXTURES / "diff-new.yaml"))
    assert result.exit_code == 2


def _many(tmp_path: Path, name: str, word: str, count: int = 600) -> str:
    programs = "".join(
        f"      - {{number: {n}, name: {word}{n}, amount: 1, sections: [課]}}\n"
        for n in range(1, count + 1)
    )
    text = (
        "ledger: 1\ncity: 市\nward: 区\nfiscal_year: 2021\nunit: 千円\nsource: 見本\n"
        f"sections: [課]\npolicies:\n  - number: 1\n    title: 施策\n    amount: {count}\n"
        f"    programs:\n{programs}"
    )
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_whole_ledger_renumbered_and_renamed_is_compared_within_a_bound(
    tmp_path: Path,
) -> None:
    # 600 programs renamed and renumbered on both sides: 360,000 pairs, past the bound, so
    # renames are sought among programs of the same number only, and the output says so.
    old = _many(tmp_path, "old.yaml", "旧花壇整備")
    new = _many(tmp_path, "new.yaml", "道路補修工事")
    result = run_cli("diff", old, new, "-f", "json")
    document = json.loads(result.stdout)
    assert document["renames_limited"] is True
    assert "同じ番号の事業の間でだけ" in run_cli("diff", old, new).stdout
    small = json.loads(run_cli("diff", *FIXTURE_PAIR, "-f", "json").stdout)
    assert small["renames_limited"] is False
