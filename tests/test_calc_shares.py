"""Tests for cchc_cli.calc.shares: implied wholes, remainders and breakdowns.

A percent ``p`` printed with ``d`` decimals stands for a true share in
``[p - h, p + h)`` with ``h = 0.5 * 10**-d``. Every expected value below was
worked out by hand from that rule; the arithmetic is beside each row.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cchc_cli.calc.precision import Estimate, exact
from cchc_cli.calc.shares import (
    combined_percent,
    implied_whole,
    part_of,
    remainder,
    rest_count,
    rest_percent,
    whole_number_range,
)

D = Decimal


def est(central: str, low: str | None, high: str | None, decimals: int) -> Estimate:
    """An Estimate from the strings a reader would write down."""
    return Estimate(D(central), None if low is None else D(low),
                    None if high is None else D(high), decimals)


# --- whole_number_range --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("part", "percent", "expected"),
    [
        # 1818/N in [0.9685, 0.9695): N > 181800/96.95 = 1875.19 -> 1876;
        # N <= 181800/96.85 = 1877.13 -> 1877
        (1818, "96.9", (1876, 1877)),
        # 1000*583888/N in [894.5, 895.5): N > 583888000/895.5 = 652024.57 -> 652025;
        # N <= 583888000/894.5 = 652753.49 -> 652753
        (583888, "89.5", (652025, 652753)),
        # 100%: 92/N >= 0.995 -> N <= 92.46; a part cannot exceed its whole, N >= 92
        (92, "100", (92, 92)),
        # 100.0%: 92/N >= 0.9995 -> N <= 92.04 -> 92
        (92, "100.0", (92, 92)),
        # 199/200 = 99.5% is a tie and rounds up to 100: N = 200 is included
        (199, "100", (199, 200)),
        # 100/N in [49.5, 50.5): N > 1.98 -> 2; N <= 2.02 -> 2
        (1, "50", (2, 2)),
        # 100/N in [33.25, 33.35): N > 2.9985 -> 3; N <= 3.0075 -> 3
        (1, "33.3", (3, 3)),
        # 300/N in [1.5, 2.5): 300/120 = 2.5 rounds to 3, so N > 120 -> 121; N <= 200
        (3, "2", (121, 200)),
        # 100/N in [0.5, 1.5): N > 66.7 -> 67; N = 200 gives 0.5, a tie, kept -> 200
        (1, "1", (67, 200)),
        # 100/N in [0.45, 0.55): N > 181.8 -> 182; N <= 222.2 -> 222
        (1, "0.5", (182, 222)),
        # 100/N in [33.5, 34.5): N > 2.899 -> 3, N <= 2.985 -> 2: no whole works
        (1, "34", None),
        # part 0 at a positive percent: 0/N = 0 is never 5% -> None
        (0, "5", None),
        (0, "0.1", None),
        # part 0 printed as 0%: every N >= 1 works, no upper bound
        (0, "0", (1, None)),
        (0, "0.0", (1, None)),
        # part 1 printed as 0%: 100/N < 0.5 -> N > 200 -> 201, no upper bound
        (1, "0", (201, None)),
        # part 1 printed as 0.0%: 100/N < 0.05 -> N > 2000 -> 2001, no upper bound
        (1, "0.0", (2001, None)),
    ],
)
def test_whole_number_range(part: int, percent: str,
                            expected: tuple[int, int | None] | None) -> None:
    assert whole_number_range(part, D(percent)) == expected


# --- implied_whole -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("part", "percent", "whole_numbers", "expected"),
    [
        # 181800/96.9 = 1876.16 -> 1876; whole-number range 1876..1877 (see above)
        ("1818", "96.9", True, est("1876", "1876", "1877", 0)),
        # 58388800/89.5 = 652388.83 -> 652389; range 652025..652753
        ("583888", "89.5", True, est("652389", "652025", "652753", 0)),
        # 92 at 100%: exactly 92, and the range is that one number
        ("92", "100", True, est("92", "92", "92", 0)),
        # an amount: 181800/96.9 = 1876.16 -> 1876.2; /96.95 = 1875.19 -> 1875.2;
        # /96.85 = 1877.13 -> 1877.1 (one decimal, as the percent)
        ("1818", "96.9", False, est("1876.2", "1875.2", "1877.1", 1)),
        # 229500/101.3 = 2265.548 -> 2265.5; /101.35 = 2264.43 -> 2264.4;
        # /101.25 = 2266.67 -> 2266.7
        ("2295", "101.3", False, est("2265.5", "2264.4", "2266.7", 1)),
        # 100/0.04 = 2500; 100/0.045 = 2222.222 -> 2222.22; 100/0.035 = 2857.1428 -> 2857.14
        ("1", "0.04", False, est("2500.00", "2222.22", "2857.14", 2)),
        # 5000/50 = 100; 5000/50.5 = 99.01 -> 99; 5000/49.5 = 101.01 -> 101
        ("50", "50", False, est("100", "99", "101", 0)),
    ],
)
def test_implied_whole(part: str, percent: str, whole_numbers: bool,
                       expected: Estimate) -> None:
    assert implied_whole(D(part), D(percent), whole_numbers) == expected


@pytest.mark.parametrize("whole_numbers", [True, False])
@pytest.mark.parametrize("percent", ["0", "0.0", "0.00"])
def test_implied_whole_of_zero_percent_is_none(percent: str, whole_numbers: bool) -> None:
    # x = 0% of N says nothing about N
    assert implied_whole(D(5), D(percent), whole_numbers) is None
    assert implied_whole(D(0), D(percent), whole_numbers) is None


def test_implied_whole_when_no_whole_number_fits_gives_nothing() -> None:
    # 1 at 34%: no N prints as 34% (1/3 = 33.3%, 1/2 = 50%), so the figures
    # disagree; no whole is implied (cchc check reports it as share_impossible)
    assert implied_whole(D(1), D(34), True) is None
    # 0 at 5%: no whole makes 0 equal to 5%
    assert implied_whole(D(0), D(5), True) is None


def test_implied_whole_range_is_reported_as_a_range() -> None:
    result = implied_whole(D(1818), D("96.9"), True)
    assert result is not None
    assert result.is_range
    exact_one = implied_whole(D(92), D(100), True)
    assert exact_one is not None
    assert not exact_one.is_range


# --- remainder -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("whole", "part", "expected"),
    [
        # 1876 - 1818 = 58; 1877 - 1818 = 59
        (est("1876", "1876", "1877", 0), "1818", est("58", "58", "59", 0)),
        # 652389 - 583888 = 68501; 652025 - 583888 = 68137; 652753 - 583888 = 68865
        (est("652389", "652025", "652753", 0), "583888", est("68501", "68137", "68865", 0)),
        # 92 at 100%: nothing left
        (est("92", "92", "92", 0), "92", est("0", "0", "0", 0)),
        # low end below the part: 8 - 9 = -1 is clipped to 0; 10 - 9 = 1; 12 - 9 = 3
        (est("10", "8", "12", 0), "9", est("1", "0", "3", 0)),
        # an exact whole: 100 - 30 = 70, no range
        (exact(D(100)), "30", est("70", None, None, 0)),
        # a count of 0 leaves the whole: 40 - 0 = 40
        (est("40", "39", "41", 0), "0", est("40", "39", "41", 0)),
    ],
)
def test_remainder(whole: Estimate, part: str, expected: Estimate) -> None:
    assert remainder(whole, D(part)) == expected


# --- part_of -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("total", "percent", "whole_numbers", "expected"),
    [
        # 163909*0.788 = 129160.292 -> 129160; 163909*0.7875 = 129078.34 -> from 129079;
        # 163909*0.7885 = 129242.25 -> parts below it, up to 129242
        ("163909", "78.8", True, est("129160", "129079", "129242", 0)),
        # 163909*0.189 = 30978.80 -> 30979; *0.1885 = 30896.85 -> 30897;
        # *0.1895 = 31060.76 -> up to 31060
        ("163909", "18.9", True, est("30979", "30897", "31060", 0)),
        # 200*0.6 = 120; 200*0.595 = 119 -> 119; 200*0.605 = 121 excluded -> 120
        ("200", "60", True, est("120", "119", "120", 0)),
        # 200*0.4 = 80; 200*0.395 = 79; 200*0.405 = 81 excluded -> 80
        ("200", "40", True, est("80", "79", "80", 0)),
        # 92 at 100%: 92*0.995 = 91.54 -> 92; 92*1.005 = 92.46 -> 92
        ("92", "100", True, est("92", "92", "92", 0)),
        # 1000 at 100%: 1000*0.995 = 995; 1000*1.005 = 1005 but a part is at most 1000
        ("1000", "100", True, est("1000", "995", "1000", 0)),
        # 0% of 92: 92*0.005 = 0.46 excluded -> only 0
        ("92", "0", True, est("0", "0", "0", 0)),
        # an amount: 2295*0.5 = 1147.5 -> 1148 (half-up); 2295*0.495 = 1136.025 -> 1136;
        # 2295*0.505 = 1158.975 -> 1159
        ("2295", "50", False, est("1148", "1136", "1159", 0)),
        # an amount at one decimal: 129160.292 -> 129160.3; 129078.3375 -> 129078.3;
        # 129242.2465 -> 129242.2
        ("163909", "78.8", False, est("129160.3", "129078.3", "129242.2", 1)),
        # a count of 0: every part of nothing is 0
        ("0", "50", True, est("0", "0", "0", 0)),
    ],
)
def test_part_of(total: str, percent: str, whole_numbers: bool, expected: Estimate) -> None:
    assert part_of(D(total), D(percent), whole_numbers) == expected


# --- rest_percent and combined_percent -----------------------------------------------------

@pytest.mark.parametrize(
    ("percents", "expected"),
    [
        # 100 - 78.8 - 18.9 = 2.3; slack 0.05 + 0.05 = 0.1 -> 2.2..2.4
        (["78.8", "18.9"], est("2.3", "2.2", "2.4", 1)),
        # parts that sum to exactly 100: rest 0; slack 0.5 + 0.5 = 1 -> 0 (not -1)..1
        (["60", "40"], est("0", "0", "1", 0)),
        # 100 - 50 - 25.5 = 24.5; slack 0.5 + 0.05 = 0.55 -> 23.95 -> 24.0, 25.05 -> 25.1
        (["50", "25.5"], est("24.5", "24.0", "25.1", 1)),
        # 100 - 3*33.3 = 0.1; slack 0.15 -> -0.05 clipped to 0.0; 0.25 -> 0.3 (half-up)
        (["33.3", "33.3", "33.3"], est("0.1", "0.0", "0.3", 1)),
        # one part at 100% (>= 99.5): rest 0, at most 0.5 -> 1 at no decimals (half-up)
        (["100"], est("0", "0", "1", 0)),
        # one part printed 0% (0 <= part < 0.5): rest in (99.5, 100]:
        # 99.5 -> 100 (half-up), and a rest can never pass 100
        (["0"], est("100", "100", "100", 0)),
    ],
)
def test_rest_percent(percents: list[str], expected: Estimate) -> None:
    assert rest_percent([D(p) for p in percents]) == expected


@pytest.mark.parametrize(
    ("percents", "expected"),
    [
        # 78.8 + 18.9 = 97.7; slack 0.1 -> 97.6..97.8
        (["78.8", "18.9"], est("97.7", "97.6", "97.8", 1)),
        # 60 + 40 = 100; slack 1 -> 99..101, but a share stops at 100
        (["60", "40"], est("100", "99", "100", 0)),
        # 50 + 25.5 = 75.5; slack 0.55 -> 74.95 -> 75.0, 76.05 -> 76.1
        (["50", "25.5"], est("75.5", "75.0", "76.1", 1)),
        # two parts printed 0%: each in [0, 0.5), together in [0, 1): never below 0
        (["0", "0"], est("0", "0", "1", 0)),
    ],
)
def test_combined_percent(percents: list[str], expected: Estimate) -> None:
    assert combined_percent([D(p) for p in percents]) == expected


# --- rest_count ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("total", "parts", "expected"),
    [
        # 163909 - 129160 - 30979 = 3770; the whole-number parts leave
        # 163909 - 129242 - 31060 = 3607 at least and 163909 - 129079 - 30897 = 3933 at most
        ("163909", [est("129160", "129079", "129242", 0), est("30979", "30897", "31060", 0)],
         est("3770", "3607", "3933", 0)),
        # parts summing to the total: 200 - 120 - 80 = 0; at most 200 - 119 - 79 = 2
        ("200", [est("120", "119", "120", 0), est("80", "79", "80", 0)], est("0", "0", "2", 0)),
        # rounded parts overshooting the total: 10 - 6 - 5 = -1, never below 0
        ("10", [est("6", "6", "6", 0), est("5", "5", "5", 0)], est("0", "0", "0", 0)),
        # a part without a range gives a count without one: 100 - 30 = 70
        ("100", [exact(D(30))], est("70", None, None, 0)),
    ],
)
def test_rest_count(total: str, parts: list[Estimate], expected: Estimate) -> None:
    assert rest_count(D(total), parts) == expected


def test_breakdown_parts_and_rest_add_up_to_the_total() -> None:
    # 129160 + 30979 + 3770 = 163909
    ahead = part_of(D(163909), D("78.8"), True)
    on_time = part_of(D(163909), D("18.9"), True)
    rest = rest_count(D(163909), [ahead, on_time])
    assert ahead.central == D(129160)
    assert on_time.central == D(30979)
    assert rest.central == D(3770)
    assert ahead.central + on_time.central + rest.central == D(163909)
