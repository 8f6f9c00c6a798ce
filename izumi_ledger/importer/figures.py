"""Amounts as a document prints them, read exactly or refused with the reason.

A document writes 2,900, ２，９００, 2,900千円, 338万円 or 1億1,888万7千円. Only those forms are
read; anything else that looks like a figure (1,00, 10,0,0, 1万2,000千円, a superscript digit, a
lone comma) is refused, because a guess would put a wrong figure in the ledger.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from izumi_ledger.format.amounts import MAX_AMOUNT_DIGITS
from izumi_ledger.text.messages import t

# Only full-width digits and the full-width comma are folded: NFKC would also read ² or ① as a
# digit. Spaces inside a figure (a PDF's letter spacing) are dropped.
_FOLD: Final = str.maketrans("０１２３４５６７８９，", "0123456789,", " \u3000")
_ALLOWED: Final = frozenset("0123456789,億万千円")
_GROUPED: Final = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+")
# Each part is digits and commas before a fixed word, so the pattern cannot backtrack far.
# A bare 千 before 万 counts thousands of 万: 5千万円 is 50,000,000 and 2億4千380万円 is
# 243,800,000 yen.
_NOTATION: Final = re.compile(
    r"(?:([0-9,]+)億)?(?:(?:([0-9]+)千)?([0-9,]+)?万)?(?:([0-9,]+)千)?([0-9,]+)?(千円|万円|円)?"
)
# The last two only as a document's declared unit (（単位：百万円）): no figure prints them.
_UNIT_IN_YEN: Final = {"円": 1, "千円": 1000, "万円": 10000, "百万円": 10**6, "億円": 10**8}
# Besides digits of any script (², ①, ٣): what a figure is written with. A section's name in
# 【】 has none of these alone.
_FIGURE_MARKS: Final = frozenset(",，、.．億万千円△▲-−")


class FigureError(ValueError):
    """Text that looks like a figure but cannot be read exactly; str() says why."""


def looks_like_figure(text: str) -> bool:
    """True when text is made of digits, commas and units: a figure, readable or not."""
    chars = [char for char in text if not char.isspace()]
    # Invisible characters (a zero-width space) do not make a figure a name: they are in
    # it, and reading it says so.
    return (
        bool(chars)
        and all(
            _numeric(char) or char in _FIGURE_MARKS or unicodedata.category(char) == "Cf"
            for char in chars
        )
        and any(_numeric(char) or char in ",，円" for char in chars)
    )


def _numeric(char: str) -> bool:
    return unicodedata.category(char).startswith("N")


def yen(text: str, bare_unit: str = "千円") -> int:
    """The amount in yen; a figure without a unit is in bare_unit. FigureError if not exact."""
    folded = text.translate(_FOLD)
    strange = next((char for char in folded if char not in _ALLOWED), None)
    if strange is not None:
        raise FigureError(t("figure.character", char=strange, code=f"U+{ord(strange):04X}"))
    if not any(char.isdigit() for char in folded):
        raise FigureError(t("figure.no_digits"))
    match = _NOTATION.fullmatch(folded)
    if match is None or not any(match.groups()[:5]):
        raise FigureError(t("figure.form"))
    oku, man_thousands, man, sen, rest, unit = match.groups()
    said_man = "万" in folded[: len(folded) - len(unit or "")]
    if said_man and man_thousands is None and man is None:  # 1億万円: 万 of nothing
        raise FigureError(t("figure.form"))
    if man_thousands is not None:  # 4千380万: the 千 is one digit, the rest below 1,000
        thousands = _digits(man_thousands)
        if not 1 <= thousands <= 9:
            raise FigureError(t("figure.part_too_large", part=man_thousands, word="千", limit="9"))
        below = _digits(man) if man is not None else 0
        if below >= 1000:
            raise FigureError(t("figure.part_too_large", part=man, word="万", limit="999"))
        man = f"{thousands * 1000 + below}"
    values = [_digits(part) if part is not None else None for part in (oku, man, sen, rest)]
    oku_value, man_value, sen_value, rest_value = values
    notation = any(value is not None for value in values[:3])
    if notation and unit not in (None, "円"):
        raise FigureError(t("figure.mixed_units"))
    # Below 億 the 万 part counts to 9,999; below 万 the 千 part to 9; the rest of the yen
    # to what the next word up leaves.
    if man_value is not None and oku_value is not None and man_value >= 10**4:
        raise FigureError(t("figure.part_too_large", part=man, word="万", limit="9,999"))
    below_man = oku_value is not None or man_value is not None
    if sen_value is not None and below_man and sen_value >= 10:
        raise FigureError(t("figure.part_too_large", part=sen, word="千", limit="9"))
    if sen_value is not None and sen_value >= 10 and rest_value is not None:  # 1,000千5円
        raise FigureError(t("figure.mixed_units"))
    if notation and rest_value is not None:
        limit = 10**3 if sen_value is not None else 10**4 if man_value is not None else 10**8
        if rest_value >= limit:
            raise FigureError(t("figure.rest_too_large", part=rest, limit=f"{limit - 1:,}"))
    scale = _UNIT_IN_YEN[unit or ("円" if notation else bare_unit)]
    total = (
        (oku_value or 0) * 10**8
        + (man_value or 0) * 10**4
        + (sen_value or 0) * 1000
        + (rest_value or 0) * scale
    )
    if len(str(total)) > MAX_AMOUNT_DIGITS + 3:
        raise FigureError(t("figure.too_large", limit=MAX_AMOUNT_DIGITS))
    return total


def thousand_yen(text: str) -> int:
    """The amount in 千円 (bare figures are 千円); FigureError unless a whole number of 千円."""
    value = yen(text)
    if value % 1000:
        raise FigureError(t("figure.not_thousands", value=f"{value:,}"))
    return value // 1000


def _digits(part: str) -> int:
    if not _GROUPED.fullmatch(part):
        raise FigureError(t("figure.grouping", part=part))
    if len(part) > 1 and part.startswith("0"):  # 0,588 or 0570: a digit lost, or not a figure
        raise FigureError(t("figure.leading_zero", part=part))
    digits = part.replace(",", "").lstrip("0") or "0"
    if len(digits) > MAX_AMOUNT_DIGITS:
        raise FigureError(t("figure.too_large", limit=MAX_AMOUNT_DIGITS))
    return int(digits)
