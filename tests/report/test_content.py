"""What the report says: the library's figures, written out once; the check's verdict; the
figures per resident; every name from the ledger as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import REPO

from izumi_ledger.figures.totals import group_totals, ledger_total, programs_of
from izumi_ledger.loading import check
from izumi_ledger.report import report_html
from izumi_ledger.report.content import build_page
from izumi_ledger.report.view import Fragment, Page, said
from izumi_ledger.text.messages import use
from izumi_ledger.text.numbers import format_amount

BUNDLED = REPO / "data" / "programs.yaml"
HOSTILE = REPO / "tests" / "fixtures" / "report" / "hostile.yaml"


def with_population(folder: Path, count: int) -> Path:
    """The bundled ledger with a population (a test's own figure, not the ward's)."""
    text = BUNDLED.read_text(encoding="utf-8").replace(
        "sections:\n",
        f"population:\n  count: {count}\n  as_of: 2021-01-01\n  source: テスト用の人口\n"
        "sections:\n",
        1,
    )
    path = folder / "population.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def page_of(path: Path) -> Page:
    checked = check(path)
    assert checked.ledger is not None
    return build_page(checked.ledger, checked.findings, path.name)


def _text(line: list[Fragment]) -> str:
    return "".join(part.text for part in line)


def test_the_heading_gives_the_total_prior_year_and_change() -> None:
    page = page_of(BUNDLED)
    assert page.title == "横浜市泉区 令和3年度（2021年度）予算"
    shown = {figure.label: _text(figure.parts) for figure in page.figures}
    assert shown == {"総額": "26,397千円", "前年度": "23,967千円", "増減": "+2,430千円（+10.14%）"}
    assert page.status.ok and page.status.banner == "" and page.status.findings == []


def test_every_program_shows_the_librarys_figures() -> None:
    checked = check(BUNDLED)
    ledger = checked.ledger
    assert ledger is not None
    page = build_page(ledger, checked.findings, "programs.yaml")
    views = [program for policy in page.policies for program in policy.programs]
    refs = list(programs_of(ledger))
    assert len(views) == len(refs) == 12
    for view, ref in zip(views, refs, strict=True):
        figures = {figure.label: _text(figure.parts) for figure in view.figures}
        assert figures["予算額"] == format_amount(ref.program.amount, "千円")
        assert [item.amount for item in view.items] == [
            format_amount(item.amount, "千円") for item in ref.program.items
        ]
    # 6,588 / 26,397 = 0.249573…: 24.96%, as the JSON's 0.2496
    first = {figure.label: _text(figure.parts) for figure in views[0].figures}
    assert first["構成比"] == "24.96%"


def test_the_section_table_is_the_librarys_grouping() -> None:
    checked = check(BUNDLED)
    assert checked.ledger is not None
    page = build_page(checked.ledger, checked.findings, "programs.yaml")
    groups = group_totals(checked.ledger, "section")
    sections, tags = page.groups
    assert [row.key for row in sections.rows] == [group.key for group in groups]
    top = sections.rows[0]
    assert (top.key, top.sole, top.shared, top.amount) == (
        "地域振興課",
        "12,522千円",
        "9,196千円",
        "21,718千円",
    )
    # the shared-counting is said in words
    assert "全額" in sections.explained[0]
    assert tags.rows[0].key == "重点"


def test_figures_per_resident_for_the_total_and_each_program(tmp_path: Path) -> None:
    page = page_of(with_population(tmp_path, 1000))
    # 26,397,000 yen among 1,000 residents: 26,397 yen a year; over 365 days, 72.32: 72 yen
    assert _text(page.per_resident) == "区民1人あたり 年26,397円・1日72円"
    # each figure with its unit, never parted from it
    assert [part.text for part in page.per_resident if part.figure] == ["26,397円", "72円"]
    last = page.policies[0].programs[-1]
    # 3,000千円: 3,000 yen a year each, 8.22 a day
    assert _text(last.per_resident) == "区民1人あたり 年3,000円・1日8円"
    assert "2021年1月1日 現在" in _text(page.population)
    assert "テスト用の人口" in _text(page.population)


def test_no_population_no_per_resident_line() -> None:
    page = page_of(BUNDLED)
    assert page.per_resident == [] and page.population == []
    assert all(program.per_resident == [] for program in page.policies[0].programs)


def test_a_ledger_that_fails_its_check_gets_the_banner_and_its_findings() -> None:
    page = page_of(HOSTILE)
    assert not page.status.ok
    assert "誤り 4 件" in page.status.banner
    wheres = [finding.where for finding in page.status.findings]
    assert wheres[0].endswith("hostile.yaml 19行目")
    assert any("U+202E" in finding.message for finding in page.status.findings)


def test_a_hidden_character_in_a_name_is_shown_as_its_escape() -> None:
    page = page_of(HOSTILE)
    item = page.policies[0].programs[0].items[1]
    assert item.name == "右から左\\u202eへ 100千円"


def test_a_program_not_drawn_is_named_under_its_chart() -> None:
    page = page_of(HOSTILE)
    for chart in page.charts:
        # no amount; and beside 10^20, 999千円 is a sliver too thin to draw
        assert chart.missing == ["施策1・2 <svg onload=alert(2)>", "施策1・3 予算のない事業"]


def test_said_keeps_each_figure_whole() -> None:
    line = said("report.per_resident", {"year": "1,234円", "day": "3円"})
    assert line == [
        Fragment("区民1人あたり 年"),
        Fragment("1,234円", True),
        Fragment("・1日"),
        Fragment("3円", True),
    ]


def test_the_report_in_english() -> None:
    use("en")
    page = page_of(BUNDLED)
    assert page.language == "en"
    assert page.title == "泉区, 横浜市: budget for fiscal 2021 (令和3年度)"
    assert [figure.label for figure in page.figures] == ["Total", "Prior year", "Change"]
    assert page.status.summary.startswith("Every figure adds up")


def test_names_are_text_never_markup() -> None:
    checked = check(HOSTILE)
    assert checked.ledger is not None
    html = report_html(checked.ledger, checked.findings, "hostile.yaml").decode()
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;{{ 7*7 }}{% raw %}" in html
    assert "<iframe" not in html and "<img" not in html and "<link" not in html
    # the only <svg> elements are the three charts
    assert html.count("<svg") == 3
    assert "onmouseover=&#34;" in html


@pytest.mark.parametrize("path", [BUNDLED, HOSTILE])
def test_every_link_of_the_page_stays_on_it(path: Path) -> None:
    import re

    checked = check(path)
    assert checked.ledger is not None
    html = report_html(checked.ledger, checked.findings, path.name).decode()
    targets = re.findall(r'\s(?:href|src)="([^"]*)"', html)
    assert targets and all(target.startswith("#") for target in targets)
    assert ledger_total(checked.ledger) > 0


def _ledger(text: str) -> Page:
    checked = check(text.encode("utf-8"), name="ledger.yaml")
    assert checked.ledger is not None, checked.findings
    return build_page(checked.ledger, checked.findings, "ledger.yaml")


FAILING = """\
ledger: 1
city: 横浜市
ward: 泉区
fiscal_year: 2021
unit: 千円
source: テスト
sections: [総務課]
policies:
  - number: 1
    title: 施策
    amount: 5000
    prior_amount: 4000
    change: 999
    programs:
      - number: 1
        name: 事業A
        amount: 1000
        sections: [総務課]
      - number: 1
        name: 事業B
        amount: 100
        sections: [総務課]
        items:
          - {number: 1, name: 細事業, amount: 900}
"""


def test_a_failing_ledgers_chart_draws_only_what_holds() -> None:
    page = _ledger(FAILING)
    chart = page.charts[0]
    (policy,) = chart.tiles
    kinds = [(tile.kind, tile.name) for tile in policy.parts]
    # what the programs leave of the policy's 5,000 has its own grey area
    assert kinds[-1][0] == "rest"
    assert "事業に分けられていない額 3,900千円" in kinds[-1][1]
    # 事業B (100) cannot hold its item of 900 in proportion: the page says what it draws
    assert page.chart_warnings == [
        "施策1・1 事業B は細事業の合計 900千円 が自身の額 100千円 を超えるため、"
        "中の区画は細事業どうしの比で描いています。"
    ]


def test_a_repeated_number_still_gives_every_part_its_own_id() -> None:
    page = _ledger(FAILING)
    anchors = [program.anchor for program in page.policies[0].programs]
    assert anchors == ["program-1-1", "program-1-1-2"]
    hrefs = [tile.href for tile in page.charts[0].tiles[0].parts if tile.kind == "program"]
    assert sorted(hrefs) == ["#program-1-1", "#program-1-1-2"]


def test_a_misprinted_change_is_shown_beside_the_computed_one() -> None:
    page = _ledger(FAILING)
    figures = {figure.label: _text(figure.parts) for figure in page.policies[0].figures}
    assert figures["増減"] == "+1,000千円（+25.00%）"
    assert figures["増減（文書の記載）"] == "+999千円"


def test_a_findings_figures_are_on_the_page() -> None:
    page = _ledger(FAILING)
    program_sum = page.status.findings[-1]
    assert program_sum.where == "ledger.yaml 21行目"
    assert program_sum.figures == [
        ("文書の額", "100千円"),
        ("細事業の合計", "900千円"),
        ("差", "+800千円（細事業の合計が多い）"),
    ]
    change = page.status.findings[1]
    assert change.figures[0] == ("記載の増減", "999千円")


def test_the_stated_total_is_named_as_totals_names_it() -> None:
    text = FAILING.replace("policies:", "amount: 6000\npolicies:", 1)
    page = _ledger(text)
    shown = [(figure.label, _text(figure.parts)) for figure in page.figures][:3]
    assert shown == [("総額", "6,000千円"), ("施策の合計", "5,000千円"), ("差", "△1,000千円")]


def test_the_population_line_in_english(tmp_path: Path) -> None:
    use("en")
    page = page_of(with_population(tmp_path, 1000))
    assert _text(page.population).startswith("Population 1,000 as of 2021-01-01 (source:")
    assert _text(page.per_resident) == "Per resident: ¥26,397 a year, ¥72 a day"
