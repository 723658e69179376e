"""Tests for the plan, rank, grade and change calculators.

Every expected value below was worked out by hand; the arithmetic is in the
comment beside each row.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

import pytest

from cchc_cli.calc.changes import previous_value, stated_change_agrees
from cchc_cli.calc.grades import band_for, check_grade
from cchc_cli.calc.plans import implied_plan, plan_gap, points_from, progress
from cchc_cli.calc.precision import Estimate, exact
from cchc_cli.calc.ranks import (
    competition_ranks,
    direction,
    in_field,
    places_gained,
    previous_rank,
    top_share,
)
from cchc_cli.model import Band, Change, Text

D = Decimal


def est(central: str, low: str | None, high: str | None, decimals: int) -> Estimate:
    """An Estimate from the strings a reader would write down."""
    return Estimate(D(central), None if low is None else D(low),
                    None if high is None else D(high), decimals)


# --- plans ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("actual", "percent", "whole_numbers", "expected"),
    [
        # 229500/101.3 = 2265.548 -> 2265.5; 229500/101.35 = 2264.43 -> 2264.4;
        # 229500/101.25 = 2266.67 -> 2266.7
        ("2295", "101.3", False, est("2265.5", "2264.4", "2266.7", 1)),
        # 92 units at 100% of the plan: 92/N >= 0.995 and N >= 92 -> exactly 92
        ("92", "100", True, est("92", "92", "92", 0)),
        # 900 at 90%: 900/N in [0.895, 0.905): N > 994.48 -> 995; N <= 1005.59 -> 1005
        ("900", "90", True, est("1000", "995", "1005", 0)),
        # an amount: 90000/90 = 1000; 90000/90.5 = 994.48 -> 994; 90000/89.5 = 1005.59 -> 1006
        ("900", "90", False, est("1000", "994", "1006", 0)),
        # a count above its plan: 1013/N in [1.0125, 1.0135): N > 101300/101.35 = 999.51
        # -> 1000; N <= 101300/101.25 = 1000.49 -> 1000: the plan was exactly 1000
        ("1013", "101.3", True, est("1000", "1000", "1000", 0)),
        # 2295 counted at 101.3%: N > 229500/101.35 = 2264.43 -> 2265;
        # N <= 229500/101.25 = 2266.67 -> 2266; 229500/101.3 = 2265.55 -> 2266
        ("2295", "101.3", True, est("2266", "2265", "2266", 0)),
    ],
)
def test_implied_plan(actual: str, percent: str, whole_numbers: bool,
                      expected: Estimate) -> None:
    assert implied_plan(D(actual), D(percent), whole_numbers) == expected


@pytest.mark.parametrize("whole_numbers", [True, False])
def test_implied_plan_of_zero_percent_is_none(whole_numbers: bool) -> None:
    # nothing done: the plan could be anything
    assert implied_plan(D(0), D(0), whole_numbers) is None
    assert implied_plan(D(10), D("0.0"), whole_numbers) is None


@pytest.mark.parametrize(
    ("actual", "plan", "expected"),
    [
        # 2295 - 2265.5 = 29.5; 2295 - 2266.7 = 28.3; 2295 - 2264.4 = 30.6
        ("2295", est("2265.5", "2264.4", "2266.7", 1), est("29.5", "28.3", "30.6", 1)),
        # exact plan: 92 - 92 = 0, no range
        ("92", exact(D(92)), est("0", None, None, 0)),
        # one possible plan: 92 - 92 = 0 at both ends
        ("92", est("92", "92", "92", 0), est("0", "0", "0", 0)),
        # below the plan: 900 - 1000 = -100; 900 - 1005 = -105; 900 - 995 = -95
        ("900", est("1000", "995", "1005", 0), est("-100", "-105", "-95", 0)),
    ],
)
def test_plan_gap(actual: str, plan: Estimate, expected: Estimate) -> None:
    assert plan_gap(D(actual), plan) == expected


@pytest.mark.parametrize(
    ("percent", "reference", "expected"),
    [
        ("91.28", None, "-8.72"),  # 91.28 - 100 = -8.72
        ("101.3", None, "1.3"),  # 101.3 - 100 = 1.3
        ("100", None, "0"),
        ("0", None, "-100"),
        ("45.5", "50", "-4.5"),  # 45.5 - 50 = -4.5
        ("96.9", "80", "16.9"),  # 96.9 - 80 = 16.9
    ],
)
def test_points_from(percent: str, reference: str | None, expected: str) -> None:
    result = points_from(D(percent)) if reference is None else points_from(D(percent),
                                                                           D(reference))
    assert result == D(expected)


def test_points_from_keeps_the_printed_decimals() -> None:
    # 91.28 - 100 = -8.72: two decimals, as printed
    assert str(points_from(D("91.28"))) == "-8.72"


@pytest.mark.parametrize(
    ("value", "target", "expected"),
    [
        ("150", "200", "75.0"),  # 15000/200 = 75 -> one decimal at least: 75.0
        ("1", "3", "33.3"),  # 100/3 = 33.33
        ("2", "3", "66.7"),  # 200/3 = 66.67
        ("1", "8", "12.5"),  # 100/8 = 12.5 exactly
        ("1", "16", "6.3"),  # 100/16 = 6.25 -> 6.3 half-up (not 6.2)
        ("96.9", "80", "121.1"),  # 9690/80 = 121.125 -> 121.1
        ("1.25", "2", "62.50"),  # 125/2 = 62.5, shown at the value's 2 places
        ("0", "5", "0.0"),  # nothing yet
    ],
)
def test_progress(value: str, target: str, expected: str) -> None:
    result = progress(D(value), D(target))
    assert result == D(expected)
    assert str(result) == expected


def test_progress_of_zero_target_is_none() -> None:
    assert progress(D(5), D(0)) is None
    assert progress(D(5), D("0.0")) is None


# --- ranks ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("rank", "moved", "places_moved", "expected"),
    [
        (14, "up", 5, 19),  # 14th, up 5 places: was 14 + 5 = 19th
        (14, "down", 5, 9),  # 14th, down 5 places: was 14 - 5 = 9th
        (1, "up", 0, 1),  # top and unchanged
        (1, "up", 62, 63),  # from last of 63 to first: 1 + 62
        (63, "down", 62, 1),  # from first to last of 63: 63 - 62
        (63, "up", 0, 63),  # rank equal to its field, unchanged
    ],
)
def test_previous_rank(rank: int, moved: Literal["up", "down"], places_moved: int,
                       expected: int) -> None:
    assert previous_rank(rank, moved, places_moved) == expected


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (19, 14, 5),  # 19th -> 14th: 19 - 14 = 5 places gained
        (14, 19, -5),  # 14th -> 19th: 5 places lost
        (7, 7, 0),
        (63, 1, 62),
        (1, 63, -62),
    ],
)
def test_places_gained(before: int, after: int, expected: int) -> None:
    assert places_gained(before, after) == expected


@pytest.mark.parametrize(
    ("gained", "expected"),
    [(5, "up"), (1, "up"), (0, "same"), (-1, "down"), (-5, "down")],
)
def test_direction(gained: int, expected: str) -> None:
    assert direction(gained) == expected


def test_rank_14_up_5_round_trip() -> None:
    # 14th up 5 was 19th; from 19th to 14th is 5 places gained, i.e. up
    before = previous_rank(14, "up", 5)
    assert before == 19
    assert places_gained(before, 14) == 5
    assert direction(places_gained(before, 14)) == "up"


@pytest.mark.parametrize(
    ("rank", "field", "expected"),
    [
        (14, 63, "22.2"),  # 1400/63 = 22.22
        (1, 63, "1.6"),  # 100/63 = 1.587
        (63, 63, "100.0"),  # last of the field
        (1, 1, "100.0"),  # alone in the field
        (1, 8, "12.5"),  # exact
        (1, 16, "6.3"),  # 6.25 -> 6.3 half-up, not 6.2
        (1, 80, "1.3"),  # 1.25 -> 1.3 half-up, not 1.2
        (1, 400, "0.3"),  # 0.25 -> 0.3 half-up, not 0.2
        (1, 34, "2.9"),  # 100/34 = 2.94
    ],
)
def test_top_share(rank: int, field: int, expected: str) -> None:
    result = top_share(rank, field)
    assert result == D(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("rank", "field", "expected"),
    [(1, 63, True), (14, 63, True), (63, 63, True), (64, 63, False), (0, 63, False),
     (1, 1, True), (2, 1, False)],
)
def test_in_field(rank: int, field: int, expected: bool) -> None:
    assert in_field(rank, field) is expected


@pytest.mark.parametrize(
    ("values", "lower_is_better", "expected"),
    [
        # 90 first, the two 80s share 2nd, 70 comes 4th ("1224")
        (["90", "80", "80", "70"], False, [1, 2, 2, 4]),
        # lower is better: 70 first, 80s share 2nd, 90 is 4th
        (["90", "80", "80", "70"], True, [4, 2, 2, 1]),
        # everyone tied
        (["5", "5", "5"], False, [1, 1, 1]),
        # 76.90 and 76.9 are the same score
        (["76.90", "76.9", "80"], False, [2, 2, 1]),
        ([], False, []),
    ],
)
def test_competition_ranks(values: list[str], lower_is_better: bool,
                           expected: list[int]) -> None:
    assert competition_ranks([D(v) for v in values], lower_is_better) == expected


# --- grades --------------------------------------------------------------------------------

def _band(grade: str, low: str | None, below: str | None) -> Band:
    return Band(grade, Text(grade, grade), None if low is None else D(low),
                None if below is None else D(below), "observed")


XUAT_SAC = _band("Xuất sắc", "90", None)
TOT = _band("Tốt", "80", "90")
KHA = _band("Khá", "70", "80")
TRUNG_BINH = _band("Trung bình", "50", "70")
YEU = _band("Yếu", None, "50")
ALL_BANDS = (XUAT_SAC, TOT, KHA, TRUNG_BINH, YEU)
UPPER_BANDS = (XUAT_SAC, TOT, KHA)


@pytest.mark.parametrize(
    ("score", "bands", "expected"),
    [
        ("76.90", ALL_BANDS, KHA),  # 70 <= 76.90 < 80
        ("70", ALL_BANDS, KHA),  # the lower end is in the band
        ("79.99", ALL_BANDS, KHA),
        ("80", ALL_BANDS, TOT),  # 80 is not < 80, so Tốt [80, 90), not Khá
        ("89.99", ALL_BANDS, TOT),
        ("90", ALL_BANDS, XUAT_SAC),  # band with no upper end
        ("100", ALL_BANDS, XUAT_SAC),
        ("69.99", ALL_BANDS, TRUNG_BINH),
        ("50", ALL_BANDS, TRUNG_BINH),
        ("49.99", ALL_BANDS, YEU),  # band with no lower end
        ("0", ALL_BANDS, YEU),
        ("69.99", UPPER_BANDS, None),  # below every band
        ("0", UPPER_BANDS, None),
        ("76.90", (), None),  # no bands at all
    ],
)
def test_band_for(score: str, bands: tuple[Band, ...], expected: Band | None) -> None:
    assert band_for(D(score), bands) == expected


@pytest.mark.parametrize(
    ("score", "reported", "bands", "band", "agrees"),
    [
        ("76.90", "Khá", ALL_BANDS, KHA, True),  # 76.90 is in [70, 80): Khá agrees
        ("76.90", "Tốt", ALL_BANDS, KHA, False),  # reported Tốt, the score says Khá
        ("80", "Khá", ALL_BANDS, TOT, False),  # 80 is Tốt, not Khá
        ("90", "Xuất sắc", ALL_BANDS, XUAT_SAC, True),
        ("76.90", None, ALL_BANDS, KHA, None),  # nothing reported: nothing to compare
        ("40", "Khá", UPPER_BANDS, None, None),  # no band: nothing to compare
    ],
)
def test_check_grade(score: str, reported: str | None, bands: tuple[Band, ...],
                     band: Band | None, agrees: bool | None) -> None:
    result = check_grade(D(score), reported, bands)
    assert result.band == band
    assert result.reported == reported
    assert result.agrees is agrees


# --- changes -------------------------------------------------------------------------------

def _change(moved: Literal["up", "down"], amount: str,
            unit: Literal["places", "points", "percent", "count"]) -> Change:
    return Change(moved, D(amount), unit, 2022, None)


@pytest.mark.parametrize(
    ("value", "change", "expected"),
    [
        ("14", _change("up", "5", "places"), "19"),  # up 5 places to 14th: was 19th
        ("14", _change("down", "5", "places"), "9"),  # down 5 places to 14th: was 9th
        ("1", _change("up", "0", "places"), "1"),
        ("43.7", _change("down", "0.5", "points"), "44.2"),  # 43.7 + 0.5
        ("43.7", _change("up", "0.5", "points"), "43.2"),  # 43.7 - 0.5
        ("76.90", _change("up", "1.25", "points"), "75.65"),  # 76.90 - 1.25
        ("120", _change("up", "20", "count"), "100"),  # 120 - 20
        ("120", _change("down", "20", "count"), "140"),  # 120 + 20
        ("0", _change("down", "3", "count"), "3"),  # a count of 0 after a fall of 3
        ("125", _change("up", "25", "percent"), "100.0"),  # 12500/125 = 100, one decimal
        ("75", _change("down", "25", "percent"), "100.0"),  # 7500/75 = 100
        ("100", _change("up", "3", "percent"), "97.1"),  # 10000/103 = 97.087
        ("76.90", _change("up", "10", "percent"), "69.91"),  # 7690/110 = 69.909, 2 places
        ("0", _change("up", "50", "percent"), "0.0"),  # 0 grown by half was 0
    ],
)
def test_previous_value(value: str, change: Change, expected: str) -> None:
    result = previous_value(D(value), change)
    assert result == D(expected)
    if change.unit != "places":
        assert str(result) == expected


@pytest.mark.parametrize(
    ("before", "after", "change", "expected"),
    [
        ("19", "14", _change("up", "5", "places"), True),  # 14 + 5 = 19
        ("18", "14", _change("up", "5", "places"), False),  # 14 + 5 = 19, not 18
        ("9", "14", _change("down", "5", "places"), True),  # 14 - 5 = 9
        ("44.2", "43.7", _change("down", "0.5", "points"), True),  # 43.7 + 0.5 = 44.2
        ("44.3", "43.7", _change("down", "0.5", "points"), False),
        ("44.2", "43.7", _change("up", "0.5", "points"), False),  # up would mean 43.2
        ("100", "120", _change("up", "20", "count"), True),
        ("100", "125", _change("up", "25", "percent"), True),  # 25*100/100 = 25
        ("100", "124", _change("up", "25", "percent"), False),  # 24, not 25
        ("100", "75", _change("down", "25", "percent"), True),  # -25
        ("100", "75", _change("up", "25", "percent"), False),  # a fall stated as a rise
        ("80", "90", _change("up", "12.5", "percent"), True),  # 10*100/80 = 12.5
        ("80", "90", _change("up", "12.4", "percent"), False),
        ("3", "4", _change("up", "33.3", "percent"), True),  # 100/3 = 33.33 -> 33.3
        ("3", "4", _change("up", "33.4", "percent"), False),
        ("3", "4", _change("up", "33", "percent"), True),  # at 0 places: 33.33 -> 33
        ("0", "5", _change("up", "25", "percent"), False),  # no relative change from 0
    ],
)
def test_stated_change_agrees(before: str, after: str, change: Change, expected: bool) -> None:
    assert stated_change_agrees(D(before), D(after), change) is expected


@pytest.mark.parametrize(("rank", "field", "decimals", "expected"), [
    (11, 63, 0, "17"),   # 1100/63 = 17.46 -> 17, not 17.5 -> 18
    (40, 63, 0, "63"),   # 4000/63 = 63.49 -> 63
    (9, 34, 0, "26"),    # 900/34 = 26.47 -> 26
    (14, 63, 1, "22.2"),  # 1400/63 = 22.22
])
def test_top_share_is_rounded_once(rank: int, field: int, decimals: int, expected: str) -> None:
    assert top_share(rank, field, decimals) == D(expected)
