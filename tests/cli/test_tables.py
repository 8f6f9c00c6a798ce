"""Terminal tables: the direct drawing is exactly what rich draws, whenever it is used."""

from __future__ import annotations

import io
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from support import run_cli

from izumi_ledger.cli.render.tables import Column, _rich_grid, plain_grid

Align = Literal["left", "right"]
ALIGNS: tuple[Align, ...] = ("left", "right")
# Wide and narrow, combining and emoji, spaces inside and around: what names and figures hold.
TEXTS = st.sampled_from(
    ["地域", "ICT", "a", "泉区民ふれあい", "12,345千円", "", "△3", "x y", "███▌", " x", "x ", "  "]
    + ["\u3000全角", "é", "e\u0301", "☃", "🎉", "ｱｲｳ", "25.0%", "a\tb", "a\nb"]
    + [
        "泉区民ふれあいまつり支援事業",
        "地域を支えるＩＣＴ活用推進事業",
        "abcdefghijklmnop",
        "ab地域cd",
        "区民 活動 支援",
        "地域力支援事業（旧: 地域力 推進事業）",
        "a b c d e f g",
        "東京 2020オリンピック・パラリンピック",
        "ab  cd",
        "長い名前の事業 x",
    ]
    + ["区民 活動 支援", "12,345,678千円"]
)


def _drawn_by_rich(
    labels: list[str],
    aligns: list[Align],
    cells: list[list[str]],
    footers: list[str] | None,
    widths: list[int],
) -> str:
    output = io.StringIO()
    console = Console(file=output, width=80, no_color=True, color_system=None)
    columns = [
        Column(f"c{i}", label, align)
        for i, (label, align) in enumerate(zip(labels, aligns, strict=True))
    ]
    console.print(_rich_grid(columns, cells, footers or [""] * len(labels), widths, bool(footers)))
    return output.getvalue()


@st.composite
def tables(
    draw: st.DrawFn,
) -> tuple[list[str], list[Align], list[list[str]], list[str] | None, list[int]]:
    count = draw(st.integers(1, 5))
    labels = draw(st.lists(TEXTS, min_size=count, max_size=count))
    aligns: list[Align] = draw(st.lists(st.sampled_from(ALIGNS), min_size=count, max_size=count))
    rows = draw(st.lists(st.lists(TEXTS, min_size=count, max_size=count), max_size=4))
    footers = draw(st.none() | st.lists(TEXTS, min_size=count, max_size=count))
    # Wide enough for every cell, or narrower so that long names must be folded.
    natural = [
        max(1, cell_len(labels[i]), *(cell_len(row[i]) for row in rows)) for i in range(count)
    ]
    if footers is not None:
        natural = [
            max(width, cell_len(footer)) for width, footer in zip(natural, footers, strict=True)
        ]
    widths = [draw(st.sampled_from([width, width, width + 3, 1, 2, 5, 9])) for width in natural]
    return labels, aligns, rows, footers, [max(width, 1) for width in widths]


@settings(max_examples=400, deadline=None)
@given(tables())
def test_direct_drawing_matches_rich_or_declines(
    table: tuple[list[str], list[Align], list[list[str]], list[str] | None, list[int]],
) -> None:
    labels, aligns, cells, footers, widths = table
    plain = plain_grid(labels, aligns, cells, footers, widths, 80)
    if plain is not None:
        assert plain == _drawn_by_rich(labels, aligns, cells, footers, widths)


def test_tables_that_rich_would_change_are_left_to_rich() -> None:
    assert plain_grid(["名前"], ["left"], [["長い事業名"]], None, [4], 80) == (
        "名前\n────\n長い\n事業\n名  \n"
    )
    spaced = plain_grid(["名前"], ["left"], [["区民 活動 支援"]], None, [6], 80)
    assert spaced == _drawn_by_rich(["名前"], ["left"], [["区民 活動 支援"]], None, [6])
    assert plain_grid(["a"], ["left"], [["地域"]], None, [1], 80) is None
    assert plain_grid(["a", "b"], ["left", "left"], [], None, [40, 40], 80) is None
    assert plain_grid(["a"], ["left"], [["a\tb"]], None, [8], 80) is None
    assert plain_grid(["a"], ["left"], [["x "]], None, [8], 80) is None
    assert plain_grid(["a"], ["right"], [["x"]], ["y"], [3], 80) == "  a\n───\n  x\n   \n  y\n"


def test_narrow_terminals_still_wrap_long_names() -> None:
    narrow = run_cli("list", env={"COLUMNS": "50"})
    assert narrow.exit_code == 0
    heading, *table = narrow.stdout.splitlines()  # the heading names the file, unwrapped
    assert heading.startswith("台帳 ")
    assert max(cell_len(line) for line in table) <= 50
    assert "地域力支援事業" in narrow.stdout
