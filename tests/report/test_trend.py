"""The report of several years of a ward: each program's amount over the years, and the
biggest changes into the latest year."""

from __future__ import annotations

from pathlib import Path

from support import REPO, run_cli

from izumi_ledger.format.models import Ledger
from izumi_ledger.loading import load
from izumi_ledger.report.anchors import Anchors
from izumi_ledger.report.trend import trend_view

COLLECTION = REPO / "tests" / "fixtures" / "collection"
YEARS = sorted(COLLECTION.glob("izumi-*.yaml"))


def _ledgers() -> list[Ledger]:
    ledgers = []
    for path in YEARS:
        ledger = load(path).ledger
        assert ledger is not None
        ledgers.append(ledger)
    return ledgers


def test_every_program_over_the_years_renamed_added_and_dropped() -> None:
    ledgers = _ledgers()
    view = trend_view(ledgers, Anchors(ledgers[-1]))
    assert view.years == ["2020年度", "2021年度", "2022年度"]
    assert view.totals == ["650千円", "670千円", "730千円"]
    rows = {row.name: row for row in view.rows}
    renamed = rows["商店街にぎわい振興事業"]
    assert renamed.former == "（旧: 商店街振興事業）" and renamed.amounts == [
        "200千円",
        "180千円",
        "180千円",
    ]
    assert (
        rows["旧来の事業"].amounts == ["50千円", "50千円", "—"] and rows["旧来の事業"].anchor == ""
    )
    assert rows["新しい事業"].amounts == ["—", "—", "70千円"]
    assert rows["新しい事業"].anchor == "program-2-1"
    # Bars keep each year's place; the largest year fills the height.
    assert [(bar.x, bar.height) for bar in rows["防災訓練事業"].bars] == [
        (0, 16),
        (13, 20),
        (26, 24),
    ]
    assert [bar.x for bar in rows["新しい事業"].bars] == [26]


def test_the_biggest_changes_into_the_latest_year() -> None:
    ledgers = _ledgers()
    view = trend_view(ledgers, Anchors(ledgers[-1]))
    assert view.changes_heading == "2022年度に増減の大きい事業"
    assert [(c.name, c.change, c.ratio) for c in view.changes] == [
        ("新しい事業", "+70千円", ""),
        ("旧来の事業", "△50千円", ""),
        ("防災訓練事業", "+30千円", "+25.0%"),
        ("子育て支援事業", "+10千円", "+3.1%"),
    ]  # an unchanged program is not among them
    assert view.changes[0].note == "新規（2021年度の台帳になし）"


def test_izumi_report_of_a_wards_years(tmp_path: Path) -> None:
    page = tmp_path / "trend.html"
    result = run_cli("report", *map(str, YEARS), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert 'id="trend"' in html and "年度ごとの推移（2020〜2022年度）" in html
    assert "令和4年度" in html  # the page is the latest year's
    single = run_cli("report", str(YEARS[-1]), "-o", "-")
    assert 'id="trend"' not in single.stdout
    wards = run_cli("report", str(COLLECTION), "-o", str(tmp_path / "x.html"))
    assert wards.exit_code == 2 and "一つの区" in wards.stderr
    assert not (tmp_path / "x.html").exists()


def test_a_failing_earlier_year_is_said_on_the_page(tmp_path: Path) -> None:
    folder = tmp_path / "years"
    folder.mkdir()
    for path in YEARS:
        (folder / path.name).write_bytes(path.read_bytes())
    first = folder / "izumi-2020.yaml"
    first.write_text(first.read_text("utf-8").replace("amount: 300\n", "amount: 999\n", 1), "utf-8")
    page = tmp_path / "trend.html"
    result = run_cli("report", str(folder), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "すべての数字が合っています" not in html
    assert "izumi-2020.yaml" in html and 'id="findings"' in html
