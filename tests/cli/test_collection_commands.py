"""list and totals of a collection (three years of one ward, two wards of one year), and
ledgers named as arguments as well as with --ledger."""

from __future__ import annotations

import json
from pathlib import Path

from support import REPO, run_cli

COLLECTION = REPO / "tests" / "fixtures" / "collection"
IZUMI = sorted(COLLECTION.glob("izumi-*.yaml"))


def test_a_folder_as_an_argument_is_the_same_as_with_ledger() -> None:
    for command in (["check"], ["totals"], ["list"], ["sql", "SELECT COUNT(*) FROM ledgers"]):
        named = run_cli(*command, str(COLLECTION))
        option = run_cli(*command, "-l", str(COLLECTION))
        assert named.exit_code == option.exit_code == 0, named.stderr
        assert named.stdout == option.stdout
    mixed = run_cli("check", "-l", str(IZUMI[0]), str(IZUMI[1]), "-f", "json")
    assert [entry["ledger"] for entry in json.loads(mixed.stdout)["ledgers"]] == [
        str(IZUMI[0]), str(IZUMI[1])
    ]  # fmt: skip


def test_wards_side_by_side() -> None:
    result = run_cli("totals", str(COLLECTION), "--by", "ward", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["years"] == [2020, 2021, 2022] and document["unit"] == "円"
    wards = {group["ward"]: group for group in document["groups"]}
    assert wards["泉区"]["amounts"] == [650_000, 670_000, 730_000]
    assert wards["泉区"]["changes"] == [None, 20_000, 60_000]
    assert wards["戸塚区"]["amounts"] == [None, 5_000_000, None]
    assert document["totals"] == [650_000, 5_670_000, 730_000]
    # Without --by, several wards are shown the same way.
    plain = run_cli("totals", str(COLLECTION), "-f", "json")
    assert json.loads(plain.stdout)["groups"] == document["groups"]


def test_wards_as_a_table_and_in_another_unit() -> None:
    result = run_cli("totals", str(COLLECTION), "--by", "ward", "--unit", "千円")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "区ごとの予算 2020〜2022年度（台帳 4 件、2 区）"
    # Eight columns do not fit 80: one record per ward, every figure whole (円 in 千円).
    assert "区        戸塚区" in lines and "2021年度  5,000.000千円" in lines
    assert "増減2022  +60.000千円" in lines
    wide = run_cli("totals", str(COLLECTION), "--by", "ward")
    assert any(line.startswith("泉区") and "730,000円" in line for line in wide.stdout.splitlines())


def test_wards_of_several_cities_show_the_city(tmp_path: Path) -> None:
    for city in ("横浜市", "相模原市"):
        text = (COLLECTION / "izumi-2021.yaml").read_text(encoding="utf-8")
        text = text.replace("city: 横浜市", f"city: {city}").replace("ward: 泉区", "ward: 緑区")
        (tmp_path / f"{city}.yaml").write_text(text, encoding="utf-8")
    wards = run_cli("totals", str(tmp_path), "--by", "ward").stdout.splitlines()
    assert wards[2].split()[:2] == ["市区町村", "区"]
    assert {tuple(line.split()[:2]) for line in wards[4:6]} == {
        ("横浜市", "緑区"),
        ("相模原市", "緑区"),
    }
    listed = run_cli("list", str(tmp_path)).stdout.splitlines()
    assert listed[1].split()[:2] == ["市区町村", "区"]
    assert "相模原市  緑区" in listed[-5] or any("相模原市  緑区" in line for line in listed)
    one_year = run_cli("list", str(tmp_path)).stdout.splitlines()[0]
    assert one_year == "台帳 2 件（2 区、2021年度）"
    one = run_cli("totals", "--by", "ward", "-f", "json")
    assert json.loads(one.stdout)["groups"][0]["amounts"] == [26397]


def test_several_wards_by_section_is_refused_with_a_way_forward() -> None:
    result = run_cli("totals", str(COLLECTION), "--by", "section")
    assert result.exit_code == 2 and "--by ward" in result.stderr and "izumi sql" in result.stderr


def test_list_of_a_collection_has_ward_and_year_columns() -> None:
    result = run_cli("list", str(COLLECTION), "-f", "csv")
    header, *rows = result.stdout.splitlines()
    assert header.startswith("city,ward,fiscal_year,policy,number,name,amount")
    assert len(rows) == 14
    assert "横浜市,戸塚区,2021,1,1,防犯事業,3000000,地域振興課,,,円" in rows
    table = run_cli("list", str(COLLECTION)).stdout.splitlines()
    assert table[0] == "台帳 4 件（2 区、2020〜2022年度）"
    assert table[1].split()[:2] == ["区", "年度"]
    # One ward's years: the year column, and no ward column.
    years = run_cli("list", *map(str, IZUMI), "--section", "地域振興課").stdout.splitlines()
    assert years[1].split()[0] == "年度" and "区 " not in years[1]
    assert "合計 3 事業" in years[-1] and "560千円" in years[-1]


def test_list_of_a_collection_filters_and_sorts_across_ledgers() -> None:
    amounts = json.loads(run_cli("list", str(COLLECTION), "--sort", "amount", "-f", "json").stdout)
    assert [row["amount"] for row in amounts][:3] == [3_000_000, 2_000_000, 330_000]
    # 10万円 is 100,000円: the list's unit, whatever each ledger's own.
    large = json.loads(
        run_cli("list", str(COLLECTION), "--min-amount", "180000", "-f", "json").stdout
    )
    assert {(row["ward"], row["fiscal_year"], row["number"]) for row in large} >= {
        ("泉区", 2021, 2), ("戸塚区", 2021, 1)
    }  # fmt: skip
    assert all(row["amount"] >= 180_000 for row in large)
    # A section one ward has and another lacks is no error; one no ward has is.
    crime = json.loads(
        run_cli("list", str(COLLECTION), "-s", "こども家庭支援課", "-f", "json").stdout
    )
    assert {row["ward"] for row in crime} == {"泉区"}
    assert run_cli("list", str(COLLECTION), "-s", "防犯課").exit_code == 2
    renamed = json.loads(run_cli("list", str(COLLECTION), "-g", "にぎわい", "-f", "json").stdout)
    assert [(row["fiscal_year"], row["found"]) for row in renamed] == [
        (2021, [{"in": "name"}]), (2022, [{"in": "name"}])
    ]  # fmt: skip


def test_a_collection_with_a_broken_ledger_is_refused_by_every_command(tmp_path: Path) -> None:
    folder = tmp_path / "ledgers"
    folder.mkdir()
    for path in IZUMI:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.yaml").write_text("ledger: 1\n  city: x\n", encoding="utf-8")
    for command in (["totals"], ["list"], ["sql", "SELECT 1"]):
        result = run_cli(*command, str(folder))
        assert result.exit_code == 2 and "broken.yaml" in result.stderr, command
    assert run_cli("check", str(folder)).exit_code == 2


def test_show_of_a_collection_gives_the_program_in_each_ledger_that_has_it() -> None:
    result = run_cli("show", "防災訓練事業", str(COLLECTION), "-f", "json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert [(e["ward"], e["fiscal_year"], e["amount"], e["unit"]) for e in shown] == [
        ("泉区", 2020, 100, "千円"), ("泉区", 2021, 120, "千円"), ("泉区", 2022, 150, "千円"),
        ("戸塚区", 2021, 2_000_000, "円"),
    ]  # fmt: skip
    rows = run_cli("show", "防災訓練事業", str(COLLECTION), "-f", "csv").stdout.splitlines()
    # One unit for every row (the smallest), each amount exact in it.
    assert rows[1].endswith(",2020,1,1,1,,地域防災訓練,60000,,,円")
    text = run_cli("show", "防災訓練事業", *map(str, IZUMI)).stdout
    assert text.count("事業1 防災訓練事業") == 3 and "150千円" in text
    missing = run_cli("show", "防犯事業", *map(str, IZUMI))
    assert missing.exit_code == 2 and "見つかりません" in missing.stderr


def test_a_section_no_ledger_has_is_said_so_with_the_closest_of_all() -> None:
    result = run_cli("list", str(COLLECTION), "-s", "福祉課")
    assert result.exit_code == 2 and "どの台帳にもありません" in result.stderr
    assert "福祉保健課" in result.stderr
    named = run_cli("export", "-f", "csv", str(COLLECTION), "-o", "out.csv")
    assert named.exit_code == 2 and "ledgers, policies" in named.stderr
