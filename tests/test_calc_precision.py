"""Tests for cchc_cli.calc.precision: printed decimals, half-up rounding, ranges.

Every expected value below was worked out by hand; the arithmetic is in the
comment beside each row.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.calc.precision import (
    ONE_HUNDRED,
    Estimate,
    ceil,
    divide,
    exact,
    floor,
    half_step,
    places,
    round_half_up,
)

D = Decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("76.90", 2),  # the trailing zero is printed, so 2 places
        ("76.9", 1),
        ("1818", 0),  # a whole number has no decimals
        ("96.9", 1),
        ("91.28", 2),
        ("0.05", 2),
        ("0.000", 3),  # zero written with 3 decimals
        ("-2.25", 2),  # the sign does not change the places
        ("100", 0),
        ("1E+3", 0),  # positive exponent: no decimals
    ],
)
def test_places(text: str, expected: int) -> None:
    assert places(D(text)) == expected


@pytest.mark.parametrize(
    ("decimals", "expected"),
    [
        (0, "0.5"),  # half of 1
        (1, "0.05"),  # half of 0.1
        (2, "0.005"),  # half of 0.01
        (3, "0.0005"),  # half of 0.001
    ],
)
def test_half_step(decimals: int, expected: str) -> None:
    assert half_step(decimals) == D(expected)


@pytest.mark.parametrize(
    ("number", "decimals", "expected"),
    [
        ("2.25", 1, "2.3"),  # tie -> away from zero (banker's would give 2.2)
        ("2.35", 1, "2.4"),  # tie -> 2.4 (banker's also 2.4)
        ("2.65", 1, "2.7"),  # tie -> 2.7 (banker's would give 2.6)
        ("0.5", 0, "1"),  # tie -> 1 (banker's would give 0)
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),  # banker's would give 2
        ("0.045", 2, "0.05"),  # banker's would give 0.04
        ("6.25", 1, "6.3"),  # 1/16 = 6.25% -> 6.3
        ("-2.25", 1, "-2.3"),  # negative tie -> away from zero
        ("-0.5", 0, "-1"),
        ("2.249", 1, "2.2"),  # below the tie
        ("2.2501", 1, "2.3"),  # above the tie
        ("76.905", 2, "76.91"),
        ("22.2222", 1, "22.2"),  # 1400/63 = 22.222...
        ("1876.16", 0, "1876"),  # 181800/96.9 = 1876.16
        ("652388.83", 0, "652389"),  # 58388800/89.5 = 652388.83
        ("2", 1, "2.0"),  # padding to one decimal
    ],
)
def test_round_half_up(number: str, decimals: int, expected: str) -> None:
    result = round_half_up(D(number), decimals)
    assert result == D(expected)
    # the result is printed with exactly ``decimals`` places ("2.0", not "2")
    assert str(result) == expected


def test_round_half_up_defaults_to_whole_numbers() -> None:
    # 1876.5 -> 1877 (half-up), not 1876 (half-even)
    assert round_half_up(D("1876.5")) == D(1877)


def test_decimals_are_kept() -> None:
    # 76.9 shown at 2 places is "76.90": the trailing zero stays
    assert str(round_half_up(D("76.9"), 2)) == "76.90"
    assert places(round_half_up(D("76.9"), 2)) == 2


@pytest.mark.parametrize(
    ("number", "expected_floor", "expected_ceil"),
    [
        ("2.7", 2, 3),
        ("2.1", 2, 3),
        ("5", 5, 5),  # a whole number is its own floor and ceiling
        ("5.000", 5, 5),
        ("-2.1", -3, -2),  # floor goes down, ceiling up, even below zero
        ("-2.7", -3, -2),
        ("0", 0, 0),
        ("3605.998", 3605, 3606),  # 163909 * 2.2 / 100
        ("3933.816", 3933, 3934),  # 163909 * 2.4 / 100
    ],
)
def test_floor_and_ceil(number: str, expected_floor: int, expected_ceil: int) -> None:
    assert floor(D(number)) == expected_floor
    assert ceil(D(number)) == expected_ceil
    assert isinstance(floor(D(number)), int)
    assert isinstance(ceil(D(number)), int)


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        ("10", "4", "2.5"),  # exact
        ("181800", "96.95", "1875.19"),  # 1818*100/96.95 = 1875.193... (to 2 places)
        ("181800", "96.85", "1877.13"),  # 1818*100/96.85 = 1877.130...
        ("229500", "101.3", "2265.55"),  # 2295*100/101.3 = 2265.548...
        ("1400", "63", "22.22"),  # 14*100/63 = 22.2222...
    ],
)
def test_divide(numerator: str, denominator: str, expected: str) -> None:
    assert round_half_up(divide(D(numerator), D(denominator)), 2) == D(expected)


def test_divide_keeps_34_significant_digits() -> None:
    # 1/3 = 0.333... : 34 threes, whatever the ambient context precision
    result = divide(D(1), D(3))
    assert result == D("0." + "3" * 34)
    assert len(result.as_tuple().digits) == 34


def test_one_hundred() -> None:
    assert D(100) == ONE_HUNDRED


@pytest.mark.parametrize(
    ("estimate", "expected"),
    [
        (Estimate(D(1876), D(1876), D(1877), 0), True),  # two possible wholes
        (Estimate(D(92), D(92), D(92), 0), False),  # one possible whole: not a range
        (Estimate(D(5), None, None, 0), False),  # exact
        (Estimate(D(5), None, D(6), 0), False),  # an open range is not reported as one
        (Estimate(D(5), D(4), None, 0), False),
    ],
)
def test_estimate_is_range(estimate: Estimate, expected: bool) -> None:
    assert estimate.is_range is expected


def test_exact_takes_decimals_from_the_value() -> None:
    value = exact(D("76.90"))
    assert value == Estimate(D("76.90"), None, None, 2)
    assert not value.is_range


def test_exact_with_explicit_decimals() -> None:
    assert exact(D(5), 3) == Estimate(D(5), None, None, 3)
    assert exact(D("2.5"), 0).decimals == 0


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_a_json_number_is_whole_exactly_when_it_was_written_whole(value: Decimal) -> None:
    """``num``: 1818 and 1E+2 stay ints, 76.90 and 0E-3 become floats, values kept."""
    from cchc_cli.calc.precision import places
    from cchc_cli.views.records import num

    shown = num(value)
    assert type(shown) is (int if places(value) == 0 else float)
    if isinstance(shown, int):
        assert shown == value
    else:
        assert shown == float(value)
