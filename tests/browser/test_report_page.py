"""The report in a real browser (headless Chromium): it fits a desktop and a phone, shows
every figure `izumi totals` gives, asks the network for nothing, shows names as text, can be
read by keyboard and screen reader, has legible text, and prints on A4."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_support import Opener
from support import REPO, run_cli

from izumi_ledger.loading import check
from izumi_ledger.report import report_html
from izumi_ledger.text.messages import use

if TYPE_CHECKING:
    from playwright.sync_api import Page

BUNDLED = REPO / "data" / "programs.yaml"
HOSTILE = REPO / "tests" / "fixtures" / "report" / "hostile.yaml"
SCRIPTS = REPO / "tests" / "fixtures" / "report" / "scripts.yaml"
SIZES = [(1280, 800), (390, 844)]


def _write(folder: Path, name: str, ledger: Path, language: str = "ja") -> Path:
    use(language)  # type: ignore[arg-type]
    checked = check(ledger)
    assert checked.ledger is not None
    target = folder / f"{name}.html"
    target.write_bytes(report_html(checked.ledger, checked.findings, ledger.name))
    return target


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("reports")
    with_population = folder / "population.yaml"
    with_population.write_text(
        BUNDLED.read_text(encoding="utf-8").replace(
            "sections:\n",
            "population:\n  count: 1000\n  as_of: 2021-01-01\n  source: テスト用\nsections:\n",
            1,
        ),
        encoding="utf-8",
    )
    made = {
        "bundled": _write(folder, "bundled", BUNDLED),
        "english": _write(folder, "english", BUNDLED, "en"),
        "hostile": _write(folder, "hostile", HOSTILE),
        "population": _write(folder, "population", with_population),
        "scripts": _write(folder, "scripts", SCRIPTS),
    }
    use("ja")
    return made


# --- it fits ----------------------------------------------------------------------------------

FIGURES_WHOLE_AND_ON_SCREEN = """() => {
  // Every program laid out, as each is when scrolled to (the page lays out only those near).
  const all = document.createElement('style');
  all.textContent = '* { content-visibility: visible !important; }';
  document.head.append(all);
  const width = document.documentElement.clientWidth;
  const broken = [];
  for (const element of document.querySelectorAll('.figure')) {
    if (element.offsetParent === null) continue;  // not shown at this size
    const boxes = element.getClientRects();
    const rect = element.getBoundingClientRect();
    if (boxes.length !== 1 || rect.right > width + 0.5 || rect.left < -0.5)
      broken.push([element.textContent, boxes.length, rect.left, rect.right]);
  }
  const scroll = document.documentElement.scrollWidth;
  all.remove();
  return {scroll, width, broken};
}"""


@pytest.mark.parametrize(("width", "height"), [*SIZES, (320, 640), (820, 1180)])
@pytest.mark.parametrize("name", ["bundled", "english", "hostile", "population", "scripts"])
def test_the_page_fits_without_scrolling_sideways_and_no_figure_is_cut(
    open_page: Opener, reports: dict[str, Path], name: str, width: int, height: int
) -> None:
    page, _ = open_page(reports[name], width, height)
    found = page.evaluate(FIGURES_WHOLE_AND_ON_SCREEN)
    assert found["scroll"] <= found["width"] == width
    assert found["broken"] == []


LABELS_OUTSIDE = """() => {
  const outside = [];
  for (const svg of document.querySelectorAll('svg.treemap')) {
    if (svg.getBoundingClientRect().width === 0) continue;  // not the size shown
    const rects = [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect());
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBoundingClientRect();
      // The label's own rectangle: the smallest that holds the point it starts from.
      const x = text.getAttribute('text-anchor') === 'end' ? box.right - 1 : box.left + 1;
      const y = box.top + box.height / 2;
      const own = rects.filter(r => r.left <= x && x <= r.right && r.top <= y && y <= r.bottom)
        .sort((a, b) => a.width * a.height - b.width * b.height)[0];
      if (!own || box.left < own.left - 0.5 || box.right > own.right + 0.5
          || box.top < own.top - 0.5 || box.bottom > own.bottom + 0.5)
        outside.push(text.textContent);
    }
  }
  return outside;
}"""


@pytest.mark.parametrize(("width", "height"), [*SIZES, (900, 800)])
@pytest.mark.parametrize("name", ["bundled", "scripts", "english"])
def test_every_label_of_the_chart_stays_inside_its_rectangle(
    open_page: Opener, reports: dict[str, Path], name: str, width: int, height: int
) -> None:
    page, _ = open_page(reports[name], width, height)
    assert page.evaluate(LABELS_OUTSIDE) == []


def test_right_to_left_names_keep_their_place_in_a_list(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    # 1 עברית、2 مرحبا、… : each name stays with its number, and the list keeps its order.
    page, _ = open_page(reports["scripts"], 1280, 800)
    links = page.evaluate(
        """() => [...document.querySelectorAll('#by-section tbody tr:first-child a')]
          .map(a => {
            const r = a.getBoundingClientRect();
            return [a.textContent, r.left, r.top];
          })"""
    )
    assert [text for text, _, _ in links][:2] == ["1 עברית", "2 مرحبا"]
    for (_, left, top), (_, next_left, next_top) in zip(links, links[1:], strict=False):
        assert next_top > top + 1 or next_left > left


# --- every figure -----------------------------------------------------------------------------


def _amount(value: int, signed: bool = False) -> str:
    sign = "+" if signed and value > 0 else "△" if value < 0 else ""
    return f"{sign}{abs(value):,}千円"


def _percent(value: float, signed: bool = False) -> str:
    shown = (Decimal(str(value)) * 100).quantize(Decimal("0.01"))
    sign = "+" if signed and shown > 0 else "△" if shown < 0 else ""
    return f"{sign}{abs(shown)}%"


def _text_of(page: Page, selector: str) -> str:
    # The text in the document, whether or not the program is laid out yet (the page lays
    # out only the programs near the screen).
    return str(page.text_content(selector))


def test_every_figure_of_totals_is_on_the_page_with_its_unit(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    totals = json.loads(run_cli("totals", "--format", "json", "-l", str(BUNDLED)).stdout)
    page, _ = open_page(reports["bundled"])
    heading = _text_of(page, "header")
    assert _amount(totals["amount"]) in heading
    for policy in totals["policies"]:
        shown = _text_of(page, f"#policy-{policy['number']} > dl")
        assert _amount(policy["amount"]) in shown
        assert _amount(policy["prior_amount"]) in shown
        assert _amount(policy["change"], signed=True) in shown
        assert _percent(policy["change_ratio"], signed=True) in shown
        for program in policy["programs"]:
            article = _text_of(page, f"#program-{policy['number']}-{program['number']}")
            assert program["name"] in article
            assert _amount(program["amount"]) in article
            assert _percent(program["share"]) in article


@pytest.mark.parametrize("by", ["section", "tag"])
def test_every_group_total_is_on_the_page(
    open_page: Opener, reports: dict[str, Path], by: str
) -> None:
    totals = json.loads(
        run_cli("totals", "--by", by, "--format", "json", "-l", str(BUNDLED)).stdout
    )
    page, _ = open_page(reports["bundled"])
    rows = page.evaluate(
        f"""() => [...document.querySelectorAll('#by-{by} tbody tr')].map(row =>
            [...row.children].map(cell => cell.textContent))"""
    )
    assert len(rows) == len(totals["groups"])
    for row, group in zip(rows, totals["groups"], strict=True):
        assert row[0] == group["key"]
        assert row[1:4] == [
            _amount(group["sole"]),
            _amount(group["shared"]),
            _amount(group["amount"]),
        ]


# --- nothing fetched, nothing run -------------------------------------------------------------


@pytest.mark.parametrize("name", ["bundled", "hostile"])
def test_the_page_makes_no_request(open_page: Opener, reports: dict[str, Path], name: str) -> None:
    page, requests = open_page(reports[name], fresh=True)
    page.wait_for_load_state("networkidle")
    assert requests == [reports[name].resolve().as_uri()]
    outside = page.evaluate(
        """() => [...document.querySelectorAll('[src], [href]')]
            .map(e => e.getAttribute('src') ?? e.getAttribute('href'))
            .filter(v => !v.startsWith('#'))"""
    )
    assert outside == []


def test_markup_and_template_syntax_in_names_show_as_text(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    page, _ = open_page(reports["hostile"], fresh=True)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    found = page.evaluate(
        """() => ({
          scripts: document.scripts.length,
          foreign: document.querySelectorAll('iframe, img, link, b, object, embed').length,
          svgs: document.querySelectorAll('svg').length,
          program: document.querySelector('#program-1-1 h4').textContent,
          title: document.title,
          source: document.querySelector('.source').textContent,
        })"""
    )
    assert found["scripts"] == 0 and found["foreign"] == 0 and found["svgs"] == 3
    assert found["program"] == "1 <script>alert('name')</script>{{ 7*7 }}{% raw %}"
    assert found["title"].startswith("横浜市<script>alert('city')</script>{{ 7*7 }}区")
    assert found["source"] == "出典: <img src=http://127.0.0.1:9/source.png>出典"
    assert dialogs == []


# --- read by keyboard and screen reader -------------------------------------------------------


def _accessible_links(page: Page) -> list[str]:
    session = page.context.new_cdp_session(page)
    tree = session.send("Accessibility.getFullAXTree")
    return [
        str(node.get("name", {}).get("value", ""))
        for node in tree["nodes"]
        if node.get("role", {}).get("value") == "link" and not node.get("ignored")
    ]


TILES = """() => [...document.querySelectorAll('svg.treemap')]
  .filter(svg => svg.getBoundingClientRect().width > 0)
  .flatMap(svg => [...svg.querySelectorAll('rect')])
  .map(rect => rect.parentElement.querySelector('title').textContent)"""


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_shape_of_the_chart_has_a_name_with_its_figures(
    open_page: Opener, reports: dict[str, Path], width: int, height: int
) -> None:
    page, _ = open_page(reports["bundled"], width, height)
    labels: list[Any] = page.evaluate(TILES)
    # The policy, its 12 programs and the items of those with room for them.
    assert len(labels) > 13
    assert sum(label.startswith("事業 ") for label in labels) == 12
    assert all(label and re.search(r"[0-9,]+千円", label) for label in labels)
    names = _accessible_links(page)
    assert set(labels) <= set(names)
    assert "事業 1 地域力支援事業 6,588千円（総額の24.96%）" in names


def test_the_keyboard_reaches_every_shape_of_the_chart(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    page, _ = open_page(reports["bundled"], fresh=True)
    labels = set(page.evaluate(TILES))
    page.evaluate(
        """() => { window.reached = [];
          document.addEventListener('focusin', event => {
            const title = event.target.closest('svg') && event.target.querySelector('title');
            if (title) window.reached.push(title.textContent);
          }); }"""
    )
    for _ in range(len(labels) + 20):
        page.keyboard.press("Tab")
    reached = set(page.evaluate("() => window.reached"))
    assert reached == labels


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_a_shape_of_the_chart_leads_to_its_program(
    open_page: Opener, reports: dict[str, Path], width: int, height: int
) -> None:
    # Programs far down the page are laid out only when near: the jump must still land.
    page, _ = open_page(reports["bundled"], width, height, fresh=True)
    shape = page.locator("svg.treemap:visible a.program[href='#program-2-6']")
    shape.focus()
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    top = page.evaluate("() => document.getElementById('program-2-6').getBoundingClientRect().top")
    assert page.evaluate("() => location.hash") == "#program-2-6"
    assert abs(top) <= 2


def test_headings_go_in_order(open_page: Opener, reports: dict[str, Path]) -> None:
    page, _ = open_page(reports["bundled"])
    levels: list[int] = page.evaluate(
        "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:], strict=False))
    assert {2, 3, 4} <= set(levels)


CONTRAST = """() => {
  const channels = colour => colour.match(/[0-9.]+/g).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => {
      v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const c = channels(getComputedStyle(e).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const low = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest('svg')) continue;
    if (element.getClientRects().length === 0) continue;  // not shown
    const style = getComputedStyle(element);
    const value = ratio(channels(style.color).slice(0, 3), background(element));
    if (value < 4.5) low.push([node.textContent.slice(0, 30), value]);
  }
  for (const text of document.querySelectorAll('svg.treemap text')) {
    if (text.getClientRects().length === 0) continue;
    text.scrollIntoView({block: 'center'});
    const box = text.getBoundingClientRect();
    const under = document.elementsFromPoint(box.left + 2, box.top + box.height / 2)
      .find(e => e.tagName === 'rect');
    const fill = channels(getComputedStyle(under).fill);
    const value = ratio(channels(getComputedStyle(text).fill), fill);
    if (value < 4.5) low.push([text.textContent, value]);
  }
  return low;
}"""


@pytest.mark.parametrize(("width", "height"), SIZES)
@pytest.mark.parametrize("name", ["bundled", "hostile"])
def test_text_contrasts_at_least_four_and_a_half_to_one(
    open_page: Opener, reports: dict[str, Path], name: str, width: int, height: int
) -> None:
    page, _ = open_page(reports[name], width, height, fresh=True)  # it scrolls
    assert page.evaluate(CONTRAST) == []


@pytest.mark.parametrize(
    ("width", "height"), [*SIZES, (320, 640), (751, 900), (752, 900), (1031, 900), (1032, 900)]
)
def test_the_charts_text_is_never_below_11_px(
    open_page: Opener, reports: dict[str, Path], width: int, height: int
) -> None:
    page, _ = open_page(reports["bundled"], width, height)
    sizes: list[float] = page.evaluate(
        """() => [...document.querySelectorAll('svg.treemap text')]
          .filter(t => t.getClientRects().length > 0)
          .map(t => parseFloat(getComputedStyle(t).fontSize)
            * t.ownerSVGElement.getScreenCTM().a)"""
    )
    assert sizes and min(sizes) >= 11


def test_the_banner_never_hides_what_a_link_leads_to(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    for width, height in [*SIZES, (320, 640)]:
        page, _ = open_page(reports["hostile"], width, height, fresh=True)
        page.evaluate("() => { location.hash = 'program-1-1'; }")
        page.wait_for_timeout(50)
        banner = page.evaluate(
            "() => document.querySelector('.banner').getBoundingClientRect().bottom"
        )
        heading = page.evaluate(
            "() => document.getElementById('program-1-1-heading').getBoundingClientRect().top"
        )
        assert heading >= banner, (width, heading, banner)


# --- on paper ---------------------------------------------------------------------------------


def _printed(page: Page) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(page.pdf(format="A4"))
    return [document[index].get_textpage().get_text_range() for index in range(len(document))]


def test_it_prints_on_a4_with_the_chart_first_and_each_program_on_its_own_sheet(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    page, _ = open_page(reports["bundled"])
    sheets = _printed(page)
    first = sheets[0]
    assert "予算の内訳" in first and "施策2 はぐくもう！地域の力" in first
    assert "1 地域力支援事業" in first  # a label of the chart
    # Each sheet's first line, after its number (the bottom margin's "3 / 15").
    numbers = [lines[0] for lines in (sheet.lstrip().splitlines() for sheet in sheets)]
    assert numbers == [f"{index} / {len(sheets)}" for index in range(1, len(sheets) + 1)]
    starts = [sheet.lstrip().splitlines()[1] for sheet in sheets]
    # A policy's first program follows its heading; every other starts a sheet of its own.
    for number in range(2, 13):
        assert any(start.startswith(f"{number} ") for start in starts), number
    assert not any("検査に通っていません" in sheet for sheet in sheets)


def test_a_failing_ledgers_banner_is_on_every_sheet(
    open_page: Opener, reports: dict[str, Path]
) -> None:
    page, _ = open_page(reports["hostile"])
    sheets = _printed(page)
    assert len(sheets) > 2
    assert all(
        sheet.lstrip().startswith("注意: この台帳は検査に通っていません") for sheet in sheets
    )
