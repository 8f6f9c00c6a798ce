"""One ward over the years: programs paired from year to year as diff pairs them, renamed
ones on their row, added and dropped ones blank where they are not."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from support import HEADER, load_text, run_cli

from izumi_ledger.figures.timeline import timeline
from izumi_ledger.format.models import Ledger


def _year(year: int, programs: list[tuple[int, str, int]], ward: str = "泉区") -> str:
    total = sum(amount for _, _, amount in programs)
    lines = [
        HEADER.replace("fiscal_year: 2021", f"fiscal_year: {year}").replace(
            "ward: 泉区", f"ward: {ward}"
        ),
        "sections: [総務課]",
        "policies:",
        "  - number: 1",
        "    title: 施策",
        f"    amount: {total}",
        "    programs:",
    ]
    for number, name, amount in programs:
        lines += [
            f"      - number: {number}",
            f"        name: {name}",
            f"        amount: {amount}",
            "        sections: [総務課]",
        ]
    return "\n".join(lines) + "\n"


YEARS = {
    2020: [(1, "防災訓練事業", 100), (2, "商店街振興事業", 200), (3, "旧来の事業", 50)],
    2021: [(1, "防災訓練事業", 120), (2, "商店街にぎわい振興事業", 180), (3, "旧来の事業", 50)],
    2022: [(1, "防災訓練事業", 150), (2, "商店街にぎわい振興事業", 180), (3, "新しい事業", 70)],
}


def _ledgers() -> list[Ledger]:
    ledgers = []
    for year, programs in YEARS.items():
        loaded = load_text(_year(year, programs))
        assert loaded.ledger is not None, loaded.findings
        ledgers.append(loaded.ledger)
    return ledgers


def test_programs_keep_their_row_across_the_years() -> None:
    line = timeline(_ledgers())
    assert line.years == [2020, 2021, 2022] and line.totals == [350, 350, 400]
    policy, *programs = line.lines
    assert policy.level == "policy" and policy.amounts == [350, 350, 400]
    shown = [(p.name, p.former_names, p.amounts) for p in programs]
    assert shown == [
        ("防災訓練事業", [], [100, 120, 150]),
        ("商店街にぎわい振興事業", ["商店街振興事業"], [200, 180, 180]),
        # number 3 in 2022 is another program: the old one dropped, the new one added
        ("新しい事業", [], [None, None, 70]),
        ("旧来の事業", [], [50, 50, None]),
    ]
    first = programs[0]
    assert [first.change(year) for year in range(3)] == [None, 20, 30]
    assert first.change_ratio(1) == Decimal("0.2") and first.change_ratio(2) == Decimal("0.25")
    assert programs[2].change(2) is None


def _write(folder: Path) -> Path:
    for year, programs in YEARS.items():
        (folder / f"{year}.yaml").write_text(_year(year, programs), encoding="utf-8")
    return folder


def test_totals_of_a_wards_years_as_json(tmp_path: Path) -> None:
    result = run_cli("totals", "-l", str(_write(tmp_path)), "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["years"] == [2020, 2021, 2022] and document["totals"] == [350, 350, 400]
    renamed = document["rows"][2]
    assert renamed["names"] == [
        "商店街振興事業",
        "商店街にぎわい振興事業",
        "商店街にぎわい振興事業",
    ]
    assert renamed["changes"] == [None, -20, 0]
    assert renamed["change_ratios"] == [None, -0.1, 0.0]


def test_totals_of_a_wards_years_as_a_table(tmp_path: Path) -> None:
    result = run_cli("totals", "-l", str(_write(tmp_path)), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "横浜市泉区 2020〜2022年度の予算（台帳 3 年度分）"
    renamed = next(line for line in lines if "商店街" in line)
    assert "商店街にぎわい振興事業（旧: 商店街振興事業）" in renamed
    assert "△20千円" in renamed and "△10.0%" in renamed
    new = next(line for line in lines if "新しい事業" in line)
    # in 2022 only: its other years are blank
    assert new.count("千円") == 1 and new.rstrip().endswith("70千円")


@pytest.mark.parametrize(
    ("extra", "says"),
    [
        ((2021, [(1, "防災訓練事業", 1)], "栄区"), "区が複数あります"),
        ((2021, [(1, "防災訓練事業", 1)], "泉区"), "2021年度の台帳が二つあります"),
    ],
)
def test_years_of_more_than_one_ward_or_a_year_twice_are_refused(
    tmp_path: Path, extra: tuple[int, list[tuple[int, str, int]], str], says: str
) -> None:
    year, programs, ward = extra
    folder = _write(tmp_path)
    (folder / "zz.yaml").write_text(_year(year, programs, ward), encoding="utf-8")
    # Of several wards, only their whole side by side is shown (--by ward).
    result = run_cli("totals", "-l", str(folder), "--by", "section")
    assert result.exit_code == 2 and says in result.stderr


def test_sections_and_policies_over_the_years(tmp_path: Path) -> None:
    folder = _write(tmp_path)
    # A second section runs the new program in 2022 alone.
    text = (folder / "2022.yaml").read_text(encoding="utf-8")
    text = text.replace("sections: [総務課]", "sections: [総務課, 区政推進課]", 1)
    head, _, last = text.rpartition("sections: [総務課]")
    (folder / "2022.yaml").write_text(head + "sections: [区政推進課]" + last, encoding="utf-8")
    sections = json.loads(
        run_cli("totals", "-l", str(folder), "--by", "section", "-f", "json").stdout
    )
    assert sections["by"] == "section"
    groups = {group["key"]: group for group in sections["groups"]}
    assert groups["総務課"]["amounts"] == [350, 350, 330]
    assert groups["総務課"]["changes"] == [None, 0, -20]
    assert groups["区政推進課"]["amounts"] == [None, None, 70]
    policies = json.loads(
        run_cli("totals", "-l", str(folder), "--by", "policy", "-f", "json").stdout
    )
    assert policies["groups"] == [
        {
            "key": "1 施策",
            "amounts": [350, 350, 400],
            "changes": [None, 0, 50],
            "change_ratios": [None, 0.0, 0.1429],
        }
    ]
