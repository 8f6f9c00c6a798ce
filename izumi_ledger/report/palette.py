"""The report's colours: told apart by colour-blind readers, and text legible on each.

The fills are Okabe and Ito's palette (2008), chosen to stay distinct with each of the common
kinds of colour blindness; black leaves it, as the page's own text is black. Text on a fill
is black or white, whichever contrasts more, and WCAG's contrast ratio is computed here so a
test can hold every pair to 4.5:1.
"""

from __future__ import annotations

from typing import Final

FILLS: Final = (
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#009E73",  # bluish green
    "#F0E442",  # yellow
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
)
BLACK: Final = "#000000"
WHITE: Final = "#FFFFFF"
# How far toward white an item's fill is mixed from its program's: items read as parts.
ITEM_TINT: Final = 0.45
# The page's own colours (text, muted text, the banner), each a pair a test checks.
INK: Final = "#1A1A1A"
MUTED: Final = "#555555"
PAPER: Final = "#FFFFFF"


def _channels(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG 2's relative luminance of an sRGB colour written #RRGGBB."""
    red, green, blue = (_linear(channel) for channel in _channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2's contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on fill."""
    return BLACK if contrast(BLACK, fill) >= contrast(WHITE, fill) else WHITE


def tint(colour: str, toward_white: float) -> str:
    """colour mixed with white: 0 keeps it, 1 is white."""
    mixed = (round(c + (255 - c) * toward_white) for c in _channels(colour))
    return "#" + "".join(f"{c:02X}" for c in mixed)


def fill_of(index: int) -> str:
    """The fill of the index-th program drawn: the palette, round and round."""
    return FILLS[index % len(FILLS)]
