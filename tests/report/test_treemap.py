"""The treemap's geometry: every rectangle inside its parent, none over another, each area in
proportion to its amount, and no amount (0, or a sliver) that breaks the layout."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from izumi_ledger.report.treemap import LEAST_AREA, Box, Node, Room, place, squarified

EPSILON = 1e-6


def _inside(inner: Box, outer: Box) -> bool:
    return (
        inner.x >= outer.x - EPSILON
        and inner.y >= outer.y - EPSILON
        and inner.x + inner.width <= outer.x + outer.width + EPSILON
        and inner.y + inner.height <= outer.y + outer.height + EPSILON
    )


def _overlap(first: Box, second: Box) -> float:
    across = min(first.x + first.width, second.x + second.width) - max(first.x, second.x)
    down = min(first.y + first.height, second.y + second.height) - max(first.y, second.y)
    return max(0.0, across) * max(0.0, down)


amounts = st.lists(st.integers(min_value=0, max_value=10**20), min_size=1, max_size=40)
boxes = st.builds(
    Box,
    st.floats(0, 100),
    st.floats(0, 100),
    st.floats(1, 2000),
    st.floats(1, 2000),
)


@given(amounts, boxes)
def test_rectangles_fill_the_box_in_proportion_and_never_overlap(
    values: list[int], box: Box
) -> None:
    laid = squarified(values, box)
    assert len(laid) == len(values)
    drawn = [(value, rect) for value, rect in zip(values, laid, strict=True) if rect is not None]
    for value, rect in zip(values, laid, strict=True):
        if value == 0:
            assert rect is None
    for _, rect in drawn:
        assert _inside(rect, box)
        assert rect.width >= 0 and rect.height >= 0
    for (_, first), (_, second) in itertools.combinations(drawn, 2):
        assert _overlap(first, second) <= 1e-6 * box.width * box.height
    if drawn:
        kept = sum(value for value, _ in drawn)
        area = box.width * box.height
        for value, rect in drawn:
            assert rect.width * rect.height == pytest.approx(area * value / kept, rel=1e-6)


def test_an_amount_too_small_to_see_is_left_out_not_divided_by_zero() -> None:
    # squarify alone divides by zero on these: 10^20 beside 1 leaves a strip 0 px wide.
    laid = squarified([10**20 - 1000, 1000, 999, 0], Box(0, 0, 340, 520))
    assert laid[0] is not None and laid[0].width == pytest.approx(340)
    assert laid[1:] == [None, None, None]


def test_the_least_area_is_the_limit_of_drawing() -> None:
    area = 100.0 * 100.0
    whole = 10**6
    just = int(whole * LEAST_AREA / area) + 1  # an area just above the limit
    laid = squarified([whole - just, just], Box(0, 0, 100, 100))
    assert all(rect is not None for rect in laid)


def test_children_go_below_their_parents_band_and_inside_it() -> None:
    programs = (
        Node(60, (Node(40), Node(20))),
        Node(40, (Node(10), Node(30))),
    )
    root = Node(100, programs)
    placed = [
        rect
        for top in place([root], Box(0, 0, 720, 440), Room(bands=(24, 36)))
        for rect in top.walk()
    ]
    assert [item.depth for item in placed] == [0, 1, 2, 2, 1, 2, 2]
    assert placed[0].band == 24 and placed[1].band == 36
    for parent_index, child_indexes in {0: (1, 4), 1: (2, 3), 4: (5, 6)}.items():
        parent = placed[parent_index]
        inner = Box(
            parent.box.x,
            parent.box.y + parent.band,
            parent.box.width,
            parent.box.height - parent.band,
        )
        for index in child_indexes:
            assert _inside(placed[index].box, inner)
    # The two programs share the policy's inner area as 60 : 40.
    first, second = placed[1].box, placed[4].box
    assert first.width * first.height / (second.width * second.height) == pytest.approx(1.5)


def test_a_parent_without_room_is_drawn_whole_without_its_children() -> None:
    small = Node(1, (Node(1),))
    big = Node(10**6, (Node(10**6),))
    placed = [
        rect
        for top in place([big, small], Box(0, 0, 300, 200), Room(bands=(36,)))
        for rect in top.walk()
    ]
    kinds = [(item.node.amount, item.band) for item in placed]
    # the small one has area but no room for a band and children: drawn whole, band 0
    assert (1, 0) in kinds
    assert len(placed) == 3


def test_children_that_add_up_to_more_than_their_parent_share_its_area() -> None:
    # A failing ledger: a program of 100 with items of 600 and 300, which fill it as 2 : 1.
    (program,) = place([Node(100, (Node(600), Node(300)))], Box(0, 0, 400, 300), Room(bands=(36,)))
    first, second = (child.box for child in program.children)
    assert first.width * first.height == pytest.approx(2 * second.width * second.height)
    assert first.width * first.height + second.width * second.height == pytest.approx(400 * 264)
