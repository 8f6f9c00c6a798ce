"""The report's colours: text on every fill of the chart contrasts 4.5:1 or more, and the
fills stay apart for readers with each common kind of colour blindness."""

from __future__ import annotations

import itertools

import pytest

from izumi_ledger.report import palette


def test_contrast_is_wcags_ratio() -> None:
    assert palette.contrast("#000000", "#FFFFFF") == pytest.approx(21)
    assert palette.contrast("#777777", "#777777") == pytest.approx(1)
    # A pair published with WCAG's examples: #767676 on white is just over 4.5:1.
    assert palette.contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("fill", palette.FILLS)
def test_text_on_every_fill_and_its_tint_reads(fill: str) -> None:
    for shade in (fill, palette.tint(fill, palette.ITEM_TINT)):
        assert palette.contrast(palette.text_on(shade), shade) >= 4.5


def test_the_policy_band_and_the_pages_text_read() -> None:
    from izumi_ledger.report.chart import POLICY_FILL

    assert palette.contrast(palette.text_on(POLICY_FILL), POLICY_FILL) >= 4.5
    assert palette.contrast(palette.INK, palette.PAPER) >= 4.5
    assert palette.contrast(palette.MUTED, palette.PAPER) >= 4.5


# How each kind of dichromat sees a colour: Viénot, Brettel and Mollon's (1999) matrices,
# on linear RGB.
_SIMULATIONS = {
    "protanopia": ((0.11238, 0.88762, 0.0), (0.11238, 0.88762, 0.0), (0.00401, -0.00401, 1.0)),
    "deuteranopia": ((0.29275, 0.70725, 0.0), (0.29275, 0.70725, 0.0), (-0.02234, 0.02234, 1.0)),
    "tritanopia": ((1.0, 0.14461, -0.14461), (0.0, 0.85924, 0.14076), (0.0, 0.85924, 0.14076)),
}


def _seen(colour: str, kind: str) -> tuple[float, ...]:
    value = colour.lstrip("#")
    linear = [palette._linear(int(value[i : i + 2], 16)) for i in (0, 2, 4)]
    return tuple(sum(m * c for m, c in zip(row, linear, strict=True)) for row in _SIMULATIONS[kind])


@pytest.mark.parametrize("kind", sorted(_SIMULATIONS))
def test_neighbouring_fills_stay_apart_in_colour_blind_sight(kind: str) -> None:
    # The palette goes round in order, so any two fills may sit side by side: each pair must
    # differ clearly as seen (in lightness or in colour), not only as printed.
    for first, second in itertools.combinations(palette.FILLS, 2):
        a, b = _seen(first, kind), _seen(second, kind)
        distance = sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5
        assert distance > 0.08, (kind, first, second, distance)
