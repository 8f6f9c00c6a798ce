"""Terminal tables: at any width every figure is whole, names fold as Japanese breaks, and no
line ends in blanks."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import run_cli

from izumi_ledger.cli.render.cells import wrap, wrap_list
from izumi_ledger.cli.render.grid import GridColumn, draw
from izumi_ledger.text.numbers import format_number
from izumi_ledger.text.width import cell_width

NO_LINE_START = "、。）」ーぁぃぅぇぉっゃゅょァィゥェォッャュョ"
DIFF = ("tests/fixtures/diff-old.yaml", "tests/fixtures/diff-new.yaml")

# Each command with the JSON form of the same figures.
COMMANDS: list[list[str]] = [
    ["totals"],
    ["totals", "--by", "section"],
    ["totals", "--by", "tag"],
    ["totals", "--by", "policy"],
    ["totals", "--unit", "万円"],
    ["list"],
    ["list", "--items"],
    ["diff", "--all", *DIFF],
    ["show", "1"],
    ["show", "7"],
    ["list", "--grep", "の"],
]


def _figures(document: Any) -> set[Decimal]:
    """Every amount of a JSON document (keys that hold money)."""
    found: set[Decimal] = set()
    if isinstance(document, dict):
        for key, value in document.items():
            money = key in (
                "amount",
                "sole",
                "shared",
                "old_amount",
                "new_amount",
                "change",
                "prior_amount",
            )
            if money and isinstance(value, int | float) and not isinstance(value, bool):
                found.add(Decimal(str(value)))
            else:
                found |= _figures(value)
    elif isinstance(document, list):
        for value in document:
            found |= _figures(value)
    return found


def _shown(amount: Decimal, unit: str) -> str:
    places = 1 if unit == "万円" else 0
    text = f"{abs(amount):,.{places}f}" if places else format_number(abs(amount))
    return text + unit


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_figure_is_whole_at_every_width_from_20_to_80_and_on_to_120(
    in_repo: Path, command: list[str]
) -> None:
    as_json = run_cli(*command, "--format", "json")
    unit = "万円" if "万円" in command else "千円"
    document = json.loads(as_json.stdout)
    # Grouped totals show the groups (the programs' figures are the plain totals' table).
    if isinstance(document, dict) and "groups" in document:
        document = [document["amount"], document["groups"]]
    amounts = _figures(document)
    assert amounts, "the JSON output holds figures"
    # Every width where tables fold and turn into records; above 80, every fourth.
    for width in [*range(20, 81), *range(84, 121, 4)]:
        shown = run_cli(*command, env={"COLUMNS": str(width)}).stdout
        text = shown.replace("△", "").replace("+", "")
        for amount in amounts:
            assert _shown(amount, unit) in text, (width, amount)
        lines = shown.splitlines()
        assert not [line for line in lines if line != line.rstrip()], width
        # Headings, notes and records fold too: nothing is left for the terminal to cut.
        assert [line for line in lines if cell_width(line) > width] == [], width
        # A line (or a cell of a table) never starts with closing punctuation.
        assert not re.search(r"(^|  )[、。）」]", shown, re.MULTILINE), width


def test_a_narrow_totals_drops_the_bar_then_folds_names_then_becomes_records(
    in_repo: Path,
) -> None:
    wide = run_cli("totals", env={"COLUMNS": "100"}).stdout
    assert "█" in wide and "泉区民ふれあいまつり支援事業" in wide
    narrow = run_cli("totals", env={"COLUMNS": "45"}).stdout
    assert "█" not in narrow and "棒は" not in narrow  # the bar went first, and its note
    # The bar gives way before a name folds: at 60 columns every name is whole.
    sixty = run_cli("totals", env={"COLUMNS": "60"}).stdout
    assert "█" not in sixty and "泉区民ふれあいまつり支援事業" in sixty
    assert "棒は最も大きい行を全幅とする長さ" in wide
    assert "  25.0%" in narrow and "6,588千円" in narrow and "   12  " in narrow
    tiny = run_cli("totals", env={"COLUMNS": "24"}).stdout
    assert "番号    12" in tiny and "構成比  11.4%" in tiny  # one record per program
    assert "事業名  泉区民ふれあいま\n        つり支援事業" in tiny


def test_list_keeps_its_policy_and_number_columns_when_narrow(in_repo: Path) -> None:
    for width in (40, 60):
        shown = run_cli("list", env={"COLUMNS": str(width)}).stdout
        assert "施策" in shown and "番号" in shown
        assert "10" in shown and "12" in shown


def test_diff_shows_whole_percentages_when_narrow(in_repo: Path) -> None:
    for width in range(20, 81, 5):
        shown = run_cli("diff", *DIFF, env={"COLUMNS": str(width)}).stdout
        assert "△25.0%" in shown, width


def test_section_names_break_after_the_comma_before_inside_a_name() -> None:
    assert wrap_list("総務課、区政推進課、福祉保健課", 14, "、") == [
        "総務課、",
        "区政推進課、",
        "福祉保健課",
    ]
    assert wrap_list("高齢・障害支援課", 8, "、") == ["高齢・障", "害支援課"]
    assert wrap_list("重点 新規", 5, " ") == ["重点 ", "新規"]


# Japanese as budgets write it: words, punctuation after them, brackets around them.
JAPANESE = st.lists(
    st.sampled_from(
        ["地域力支援事業", "区民スポーツ振興", "ちょっと", "センター", "ICT", "活用", "事業"]
    ).flatmap(
        lambda word: st.sampled_from([word, word + "、", word + "。", f"（{word}）", f"「{word}」"])
    ),
    min_size=1,
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(JAPANESE, st.integers(8, 30))
def test_folded_lines_keep_every_character_and_follow_kinsoku(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    for line in lines:
        assert cell_width(line) <= width
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
    for line in lines[:-1]:
        assert line[-1] not in "（「", lines


CELLS = st.sampled_from(
    ["地域", "ICT", "泉区民ふれあいまつり支援事業", "12,345千円", "", "△3", "区民 活動 支援"]
    + ["地域を支えるＩＣＴ活用推進事業", "総務課、区政推進課", "25.0%", "a b c d e f g"]
)


@st.composite
def grids(draw_: st.DrawFn) -> tuple[list[GridColumn], list[list[str]], list[str] | None, int]:
    count = draw_(st.integers(1, 6))
    columns = [
        GridColumn(
            draw_(CELLS) or "x",
            draw_(st.sampled_from(["left", "right"])),
            whole=draw_(st.booleans()),
            drop=draw_(st.none() | st.integers(1, 2)),
            separator=draw_(st.none() | st.just("、")),
        )
        for _ in range(count)
    ]
    rows = draw_(st.lists(st.lists(CELLS, min_size=count, max_size=count), max_size=5))
    footer = draw_(st.none() | st.lists(CELLS, min_size=count, max_size=count))
    return columns, rows, footer, draw_(st.integers(10, 120))


@settings(max_examples=400, deadline=None)
@given(grids())
def test_a_drawn_grid_fits_or_becomes_records_and_never_cuts_a_whole_cell(
    grid: tuple[list[GridColumn], list[list[str]], list[str] | None, int],
) -> None:
    columns, rows, footer, width = grid
    lines = [line.text for line in draw(columns, rows, footer, width)]
    text = "\n".join(lines)
    for line in lines:
        assert line == line.rstrip()
    records = not any(set(line) == {"─"} for line in lines)
    for index, column in enumerate(columns):
        for row in [*rows, *([footer] if footer else [])]:
            cell = row[index]
            if column.whole and cell and not (column.drop and not records):
                # A whole cell is on one line, unless its column was dropped as decoration.
                dropped = column.drop is not None
                assert dropped or cell in text
    if not records:
        for line in lines:
            assert cell_width(line) <= width


def test_tables_off_a_terminal_have_no_trailing_blanks(in_repo: Path) -> None:
    for command in (["list"], ["totals", "--by", "section"], ["show", "1"], ["show", "2"]):
        shown = run_cli(*command).stdout
        assert shown.strip()
        assert [line for line in shown.splitlines() if line != line.rstrip()] == []
