"""Every amount form of the format: what is read, and what is refused."""

from __future__ import annotations

import pytest

from izumi_ledger.format.amounts import AmountError, parse_amount
from izumi_ledger.text.numbers import format_amount


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        (6588, 6588),
        (0, 0),
        ("6588", 6588),
        ("6,588", 6588),
        ("６５８８", 6588),
        ("６，５８８", 6588),
        ("6，588", 6588),
        ("1,234,567", 1234567),
        ("0", 0),
    ],
)
def test_amount_forms_load_to_the_same_integer(written: object, amount: int) -> None:
    assert parse_amount(written) == amount


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        (-5, "負の金額"),
        (True, "真偽値"),
        (6588.0, "小数"),
        (1.5, "小数"),
        ("1.5", "金額として読めません"),
        ("6,5888", "カンマの位置が違います"),
        ("65,88", "カンマの位置が違います"),
        (",588", "金額として読めません"),
        ("6588千円", "金額に単位は書けません"),
        ("六千五百", "金額として読めません"),
        ("①", "金額として読めません"),
        ("", "金額として読めません"),
        (" 6588", "金額として読めません"),
        ("-5", "金額として読めません"),
        ("1_000", "金額として読めません"),
        (None, "整数か数字の文字列"),
        ([1], "整数か数字の文字列"),
    ],
)
def test_anything_else_is_refused_with_a_reason(written: object, reason: str) -> None:
    with pytest.raises(AmountError, match=reason):
        parse_amount(written)


@pytest.mark.parametrize(
    ("amount", "unit", "shown"),
    [
        (6588, "千円", "6,588千円"),
        (6588, "万円", "658.8万円"),
        (6588, "円", "6,588,000円"),
        (26397, "万円", "2,639.7万円"),
        (20, "万円", "2.0万円"),
        (2900, "万円", "290.0万円"),
        (-2430, "千円", "△2,430千円"),
        (0, "千円", "0千円"),
    ],
)
def test_display_units_are_exact(amount: int, unit: str, shown: str) -> None:
    assert format_amount(amount, "千円", unit) == shown  # type: ignore[arg-type]


def test_yen_ledgers_show_fractions_of_larger_units_exactly() -> None:
    assert format_amount(1234, "円", "千円") == "1.234千円"
    assert format_amount(1, "円", "万円") == "0.0001万円"
