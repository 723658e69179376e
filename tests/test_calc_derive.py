"""Tests for cchc_cli.calc.derive: everything a figure implies.

Reports are loaded from small YAML texts (written to ``tmp_path`` and read with
the real loader) and from the bundled 2023 dataset. Every expected number was
worked out by hand; the arithmetic is in the comment beside it.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import pytest

from cchc_cli.calc.derive import (
    Derived,
    DerivedKey,
    FigureResult,
    carry,
    derive,
    derive_report,
)
from cchc_cli.load.files import load_file
from cchc_cli.model import Qualifier, Report
from tests.conftest import MINIMAL, REPORT_2023

D = Decimal


# --- carry ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("qualifier", "increasing", "estimate", "expected"),
    [
        ("at_least", True, False, "at_least"),  # "more than x" -> more than f(x), f growing
        ("at_least", True, True, "at_least"),  # the bound survives an estimate
        ("at_least", False, False, "at_most"),  # f shrinking: "less than f(x)"
        ("at_least", False, True, "at_most"),
        ("at_most", True, False, "at_most"),
        ("at_most", False, False, "at_least"),
        ("at_most", False, True, "at_least"),
        ("exact", True, False, "exact"),  # exact in, exact arithmetic: exact out
        ("exact", False, False, "exact"),
        ("exact", True, True, "approx"),  # exact in, read off a rounded percent: approx
        ("exact", False, True, "approx"),
        ("approx", True, False, "approx"),  # approx stays approx
        ("approx", False, False, "approx"),
        ("approx", True, True, "approx"),
    ],
)
def test_carry(qualifier: Qualifier, increasing: bool, estimate: bool, expected: str) -> None:
    assert carry(qualifier, increasing, estimate) == expected


# --- helpers -------------------------------------------------------------------------------

TEST_FIGURES = """\
  - id: accounts_at_least
    area: digital_government
    label: {vi: Tài khoản, en: Accounts}
    kind: count
    value: 200000
    qualifier: at_least
    share:
      percent: 80
    source: src
    excerpt: hơn 200.000 tài khoản, đạt 80%
  - id: inspected_at_least_below_plan
    area: direction
    label: {vi: Kiểm tra, en: Inspections}
    kind: count
    value: 900
    qualifier: at_least
    attainment:
      percent: 90
    source: src
    excerpt: ít nhất 900, đạt 90%
  - id: inspected_at_most_below_plan
    area: direction
    label: {vi: Kiểm tra, en: Inspections}
    kind: count
    value: 900
    qualifier: at_most
    attainment:
      percent: 90
    source: src
    excerpt: nhiều nhất 900, đạt 90%
  - id: inspected_at_least_above_plan
    area: direction
    label: {vi: Kiểm tra, en: Inspections}
    kind: count
    value: 2295
    qualifier: at_least
    attainment:
      percent: 101.3
    source: src
    excerpt: ít nhất 2.295, đạt 101,3%
  - id: units_at_full_plan
    area: direction
    label: {vi: Đơn vị, en: Units}
    kind: count
    value: 92
    attainment:
      percent: 100
    source: src
    excerpt: 92 đơn vị, hoàn thành 100% kế hoạch
  - id: procedures_total
    area: procedures
    label: {vi: Tổng TTHC, en: All procedures}
    kind: count
    value: 2000
    source: src
    excerpt: 2.000 TTHC
  - id: procedures_online
    area: procedures
    label: {vi: TTHC trực tuyến, en: Procedures online}
    kind: count
    value: 1818
    share:
      percent: 90.9
      of: procedures_total
    source: src
    excerpt: 1.818 TTHC, đạt 90,9%
  - id: dossiers_split
    area: procedures
    label: {vi: Hồ sơ, en: Dossiers}
    kind: count
    value: 200
    breakdown:
      parts:
        - {id: first, label: {vi: Một, en: One}, percent: 60}
        - {id: second, label: {vi: Hai, en: Two}, percent: 40}
    source: src
    excerpt: 200 hồ sơ, 60% và 40%
  - id: tasks_towards_target
    area: direction
    label: {vi: Nhiệm vụ, en: Tasks}
    kind: count
    value: 150
    target: {value: 200, year: 2025}
    source: src
    excerpt: 150 nhiệm vụ
  - id: share_towards_target
    area: procedures
    label: {vi: Tỷ lệ, en: Share}
    kind: percent
    value: 96.9
    target: {value: 80, year: 2025}
    source: src
    excerpt: đạt 96,9%
  - id: papi_score
    area: direction
    label: {vi: Điểm, en: Score}
    kind: score
    value: 43.7
    change: {direction: down, amount: 0.5, unit: points, since: 2022}
    source: src
    excerpt: 43,7 điểm, giảm 0,5 điểm
  - id: grown_count
    area: direction
    label: {vi: Số lượng, en: Count}
    kind: count
    value: 125
    change: {direction: up, amount: 25, unit: percent, since: 2022}
    source: src
    excerpt: 125, tăng 25%
  - id: grown_count_at_least
    area: direction
    label: {vi: Số lượng, en: Count}
    kind: count
    value: 120
    qualifier: at_least
    change: {direction: up, amount: 20, unit: count, since: 2021}
    source: src
    excerpt: hơn 120, tăng 20
  - id: last_place
    area: procedures
    label: {vi: Xếp hạng, en: Rank}
    kind: rank
    value: 63
    of: 63
    change: {direction: down, amount: 2, unit: places, since: 2022}
    source: src
    excerpt: thứ 63/63, giảm 2 bậc
  - id: first_place
    area: procedures
    label: {vi: Xếp hạng, en: Rank}
    kind: rank
    value: 1
    of: 63
    change: {direction: up, amount: 0, unit: places, since: 2022}
    source: src
    excerpt: thứ 1/63
  - id: disbursed_at_least
    area: public_finance
    label: {vi: Giải ngân, en: Disbursed}
    kind: percent
    basis: plan
    value: 91.28
    qualifier: at_least
    source: src
    excerpt: trên 91,28% kế hoạch
  - id: none_of_nothing
    area: direction
    label: {vi: Không, en: None}
    kind: count
    value: 0
    share:
      percent: 0
    source: src
    excerpt: 0, đạt 0%
  - id: score_fair
    area: procedures
    label: {vi: Điểm, en: Score}
    kind: score
    index: full
    value: 76.90
    grade: Khá
    source: src
    excerpt: 76,90 điểm, xếp loại Khá
  - id: score_at_eighty
    area: procedures
    label: {vi: Điểm, en: Score}
    kind: score
    index: full
    value: 80
    grade: Khá
    source: src
    excerpt: 80 điểm, xếp loại Khá
  - id: score_at_ninety
    area: procedures
    label: {vi: Điểm, en: Score}
    kind: score
    index: full
    value: 90
    grade: Xuất sắc
    source: src
    excerpt: 90 điểm, xếp loại Xuất sắc
  - id: score_below_bands
    area: procedures
    label: {vi: Điểm, en: Score}
    kind: score
    index: upper
    value: 40
    grade: Khá
    source: src
    excerpt: 40 điểm, xếp loại Khá
indices:
  - id: full
    name: {vi: Chỉ số, en: Index}
    max: 100
    bands:
      - {grade: Xuất sắc, label: {vi: Xuất sắc, en: Excellent}, min: 90, certainty: observed}
      - {grade: Tốt, label: {vi: Tốt, en: Good}, min: 80, below: 90, certainty: observed}
      - {grade: Khá, label: {vi: Khá, en: Fair}, min: 70, below: 80, certainty: observed}
      - {grade: Yếu, label: {vi: Yếu, en: Weak}, below: 70, certainty: assumed}
  - id: upper
    name: {vi: Chỉ số, en: Index}
    max: 100
    bands:
      - {grade: Xuất sắc, label: {vi: Xuất sắc, en: Excellent}, min: 90, certainty: observed}
      - {grade: Tốt, label: {vi: Tốt, en: Good}, min: 80, below: 90, certainty: observed}
      - {grade: Khá, label: {vi: Khá, en: Fair}, min: 70, below: 80, certainty: observed}
"""


def _load(path: Path) -> Report:
    report, problems = load_file(path)
    assert report is not None, problems
    return report


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FigureResult]:
    """The small test report, derived, by figure id."""
    path = tmp_path_factory.mktemp("derive") / "report_2023.yaml"
    path.write_text(MINIMAL + TEST_FIGURES, encoding="utf-8")
    report = _load(path)
    return {result.figure.id: result for result in derive_report(report)}


@pytest.fixture(scope="module")
def real() -> dict[str, FigureResult]:
    """The bundled 2023 dataset, derived, by figure id."""
    report = _load(REPORT_2023)
    return {result.figure.id: result for result in derive_report(report)}


def _get(result: FigureResult, key: DerivedKey, part: str | None = None) -> Derived:
    found = result.get(key, part)
    assert found is not None, f"{result.figure.id} has no derived {key!r} (part {part!r})"
    return found


def _range(item: Derived) -> tuple[Decimal | str | bool, Decimal | None, Decimal | None]:
    return item.value, item.low, item.high


def _dec(text: str | None) -> Decimal | None:
    return None if text is None else D(text)


class Case(NamedTuple):
    """One derived value expected of a figure: its key, part, value and range."""

    figure_id: str
    key: DerivedKey
    part: str | None
    value: str
    low: str | None
    high: str | None
    qualifier: str = ""
    decimals: int | None = None


# --- a small report loaded through the real loader ----------------------------------------

def test_minimal_example_loads_with_tmp_path(tmp_path: Path) -> None:
    path = tmp_path / "report_2023.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    report = _load(path)
    figure = report.figures[0]
    result = FigureResult(figure, derive(figure, report))
    implied = _get(result, "implied_whole")
    # 181800/96.9 = 1876.16 -> 1876; whole numbers 1876..1877
    assert _range(implied) == (D(1876), D(1876), D(1877))
    assert implied.unit == "count"
    # exact count read off a rounded percent: approximate
    assert implied.qualifier == "approx"
    rest = _get(result, "remainder")
    # 1876 - 1818 = 58, 1877 - 1818 = 59
    assert _range(rest) == (D(58), D(58), D(59))
    assert rest.qualifier == "approx"


# Case(figure id, key, part, value, low, high, qualifier)
SMALL_CASES = [
    # 200000/N in [0.795, 0.805): N > 248447.2 -> 248448; N <= 251572.3 -> 251572;
    # 20,000,000/80 = 250000. "At least 200,000" -> at least 250,000
    Case("accounts_at_least", "implied_whole", None, "250000", "248448", "251572", "at_least"),
    # 250000 - 200000 = 50000; 248448 - 200000 = 48448; 251572 - 200000 = 51572
    Case("accounts_at_least", "remainder", None, "50000", "48448", "51572", "at_least"),
    # 900/N in [0.895, 0.905): N > 994.48 -> 995; N <= 1005.59 -> 1005; 90000/90 = 1000
    Case("inspected_at_least_below_plan", "implied_plan", None, "1000", "995", "1005",
         "at_least"),
    # 900 - 1000 = -100; 900 - 1005 = -105; 900 - 995 = -95. Below plan the gap
    # x - x*100/90 = -x/9 shrinks as x grows: "at least 900" -> "at most -100"
    Case("inspected_at_least_below_plan", "plan_gap", None, "-100", "-105", "-95", "at_most"),
    Case("inspected_at_most_below_plan", "implied_plan", None, "1000", "995", "1005", "at_most"),
    Case("inspected_at_most_below_plan", "plan_gap", None, "-100", "-105", "-95", "at_least"),
    # a count above its plan: 2295/N in [1.0125, 1.0135): N > 229500/101.35 = 2264.43 -> 2265;
    # N <= 229500/101.25 = 2266.67 -> 2266 (2295/2265 = 101.32%, 2295/2266 = 101.28%);
    # 229500/101.3 = 2265.55 -> 2266
    Case("inspected_at_least_above_plan", "implied_plan", None, "2266", "2265", "2266",
         "at_least"),
    # above plan the gap x - x*100/101.3 grows with x: stays "at least";
    # 2295 - 2266 = 29; 2295 - 2266 = 29; 2295 - 2265 = 30
    Case("inspected_at_least_above_plan", "plan_gap", None, "29", "29", "30", "at_least"),
    # 92 at 100%: exactly 92 (92/N >= 0.995 and N >= 92), so the result stays exact
    Case("units_at_full_plan", "implied_plan", None, "92", "92", "92", "exact"),
    Case("units_at_full_plan", "plan_gap", None, "0", "0", "0", "exact"),
    # a stated whole: 2000, exact; 1818*100/2000 = 90.9, shown at 2 places: 90.90
    Case("procedures_online", "whole", None, "2000", None, None, "exact"),
    Case("procedures_online", "computed_share", None, "90.90", None, None, "exact"),
    # 2000 - 1818 = 182, exact
    Case("procedures_online", "remainder", None, "182", None, None, "exact"),
    # 200*0.6 = 120; 200*0.595 = 119; 200*0.605 = 121 excluded -> 120
    Case("dossiers_split", "part_count", "first", "120", "119", "120", "approx"),
    # 200*0.4 = 80; 200*0.395 = 79; 200*0.405 = 81 excluded -> 80
    Case("dossiers_split", "part_count", "second", "80", "79", "80", "approx"),
    # parts summing to exactly 100: rest 0; slack 0.5 + 0.5 -> 0..1, so approximate
    Case("dossiers_split", "rest_percent", "rest", "0", "0", "1", "approx"),
    # 200 - 120 - 80 = 0; 200*0/100 = 0; 200*1/100 = 2
    Case("dossiers_split", "rest_count", "rest", "0", "0", "2", "approx"),
    # 60 + 40 = 100; 99..101 capped at 100, so approximate
    Case("dossiers_split", "combined_percent", "first+second", "100", "99", "100", "approx"),
    # 150 - 200 = -50
    Case("tasks_towards_target", "target_gap", None, "-50", None, None, "exact"),
    # 15000/200 = 75 -> 75.0
    Case("tasks_towards_target", "target_progress", None, "75.0", None, None, "exact"),
    # 96.9 - 80 = 16.9 points
    Case("share_towards_target", "target_gap", None, "16.9", None, None, "exact"),
    # 43.7, down 0.5 points: was 43.7 + 0.5 = 44.2
    Case("papi_score", "previous_value", None, "44.2", None, None, "exact"),
    # 125, up 25%: was 12500/125 = 100.0, read off a rounded percent: approx
    Case("grown_count", "previous_value", None, "100.0", None, None, "approx"),
    # at least 120, up 20: was at least 120 - 20 = 100
    Case("grown_count_at_least", "previous_value", None, "100", None, None, "at_least"),
    # 63 of 63: 6300/63 = 100.0; down 2 to 63rd: was 61st; 61 - 63 = -2 places
    Case("last_place", "top_share", None, "100.0", None, None, "exact"),
    Case("last_place", "previous_rank", None, "61", None, None, "exact"),
    Case("last_place", "places_gained", None, "-2", None, None, "exact"),
    # 1 of 63: 100/63 = 1.587 -> 1.6; unchanged
    Case("first_place", "top_share", None, "1.6", None, None, "exact"),
    Case("first_place", "previous_rank", None, "1", None, None, "exact"),
    Case("first_place", "places_gained", None, "0", None, None, "exact"),
    # at least 91.28% of plan: at least 91.28 - 100 = -8.72 points
    Case("disbursed_at_least", "plan_gap", None, "-8.72", None, None, "at_least"),
]


@pytest.mark.parametrize("case", SMALL_CASES, ids=lambda c: f"{c.figure_id}-{c.key}-{c.part}")
def test_small_report_derived_values(results: dict[str, FigureResult], case: Case) -> None:
    item = _get(results[case.figure_id], case.key, case.part)
    assert _range(item) == (D(case.value), _dec(case.low), _dec(case.high))
    assert item.qualifier == case.qualifier


def test_decimals_follow_the_printed_precision(results: dict[str, FigureResult]) -> None:
    # 90.90: two places; -8.72: two places; 16.9: one; 44.2: one; a count: none
    assert _get(results["procedures_online"], "computed_share").decimals == 2
    assert _get(results["disbursed_at_least"], "plan_gap").decimals == 2
    assert _get(results["share_towards_target"], "target_gap").decimals == 1
    assert _get(results["papi_score"], "previous_value").decimals == 1
    assert _get(results["dossiers_split"], "part_count", "first").decimals == 0


def test_units(results: dict[str, FigureResult]) -> None:
    assert _get(results["share_towards_target"], "target_gap").unit == "points"
    assert _get(results["tasks_towards_target"], "target_gap").unit == "count"
    assert _get(results["tasks_towards_target"], "target_progress").unit == "percent"
    assert _get(results["last_place"], "previous_rank").unit == "rank"
    assert _get(results["last_place"], "places_gained").unit == "places"
    assert _get(results["dossiers_split"], "rest_percent", "rest").unit == "percent"


def test_years_are_carried(results: dict[str, FigureResult]) -> None:
    assert _get(results["tasks_towards_target"], "target_gap").year == 2025
    assert _get(results["tasks_towards_target"], "target_progress").year == 2025
    assert _get(results["papi_score"], "previous_value").year == 2022
    assert _get(results["grown_count_at_least"], "previous_value").year == 2021
    assert _get(results["last_place"], "previous_rank").year == 2022


def test_a_percent_has_no_target_progress(results: dict[str, FigureResult]) -> None:
    # 96.9% "of" a target of 80% would be a percent of a percent: not given
    assert results["share_towards_target"].get("target_progress") is None


def test_a_stated_whole_gives_no_implied_whole(results: dict[str, FigureResult]) -> None:
    assert results["procedures_online"].get("implied_whole") is None


def test_zero_percent_implies_no_whole(results: dict[str, FigureResult]) -> None:
    # 0 at 0%: any whole would do, so nothing is derived
    result = results["none_of_nothing"]
    assert result.get("implied_whole") is None
    assert result.get("remainder") is None
    assert result.derived == ()


def test_a_figure_with_nothing_to_derive(results: dict[str, FigureResult]) -> None:
    assert results["procedures_total"].derived == ()


def test_get_by_wrong_part_is_none(results: dict[str, FigureResult]) -> None:
    result = results["dossiers_split"]
    assert result.get("part_count") is None  # parts are asked for by id
    assert result.get("part_count", "third") is None
    assert result.get("rest_percent", "late") is None  # the rest here is called "rest"


@pytest.mark.parametrize(
    ("figure_id", "band", "agrees"),
    [
        ("score_fair", "Khá", True),  # 70 <= 76.90 < 80
        ("score_at_eighty", "Tốt", False),  # 80 is in [80, 90): Tốt, so "Khá" disagrees
        ("score_at_ninety", "Xuất sắc", True),  # 90 is in [90, ...)
    ],
)
def test_grades(results: dict[str, FigureResult], figure_id: str, band: str,
                agrees: bool) -> None:
    result = results[figure_id]
    assert _get(result, "grade_band").value == band
    assert _get(result, "grade_agrees").value is agrees


def test_score_below_every_band(results: dict[str, FigureResult]) -> None:
    # 40 is below the lowest band (Khá from 70): no band, and the grade cannot agree
    result = results["score_below_bands"]
    assert result.get("grade_band") is None
    assert _get(result, "grade_agrees").value is False


def test_grade_needs_the_report(results: dict[str, FigureResult]) -> None:
    # without the report there are no bands to grade by
    figure = results["score_fair"].figure
    assert all(item.key not in ("grade_band", "grade_agrees") for item in derive(figure))
    assert derive(figure) == ()


def test_grade_formula(results: dict[str, FigureResult]) -> None:
    assert _get(results["score_fair"], "grade_band").formula == (
        D(70), "≤", D("76.90"), "<", D(80), "→", "Khá")
    # a band with no upper end has no "<" part
    assert _get(results["score_at_ninety"], "grade_band").formula == (
        D(90), "≤", D(90), "→", "Xuất sắc")


def test_rank_formula(results: dict[str, FigureResult]) -> None:
    # 63, down 2: 63 − 2 = 61
    assert _get(results["last_place"], "previous_rank").formula == (
        D(63), "−", D(2), "=", D(61))


# --- the bundled 2023 dataset --------------------------------------------------------------

# Case(figure id, key, part, value, low, high, decimals=...)
REAL_CASES = [
    # 181800/96.9 = 1876.16 -> 1876; N > 181800/96.95 = 1875.19, N <= 181800/96.85 = 1877.13
    Case("online_public_services", "implied_whole", None, "1876", "1876", "1877", decimals=0),
    # 1876 - 1818 = 58; 1877 - 1818 = 59
    Case("online_public_services", "remainder", None, "58", "58", "59", decimals=0),
    # 96.9 - 80 (national 2025 target) = 16.9 points
    Case("online_public_services", "target_gap", None, "16.9", None, None, decimals=1),
    # 163909*0.788 = 129160.29; *0.7875 = 129078.34 -> 129079; *0.7885 = 129242.25 -> 129242
    Case("dossiers_received", "part_count", "ahead_of_deadline", "129160", "129079", "129242",
         decimals=0),
    # 163909*0.189 = 30978.80; *0.1885 = 30896.85 -> 30897; *0.1895 = 31060.76 -> 31060
    Case("dossiers_received", "part_count", "on_time", "30979", "30897", "31060", decimals=0),
    # 100 - 78.8 - 18.9 = 2.3, +-0.1
    Case("dossiers_received", "rest_percent", "late", "2.3", "2.2", "2.4", decimals=1),
    # 163909 - 129160 - 30979 = 3770; 163909*0.022 = 3605.998 -> 3606; *0.024 = 3933.8 -> 3933
    # 163909 - 129242 - 31060 = 3607; 163909 - 129079 - 30897 = 3933
    Case("dossiers_received", "rest_count", "late", "3770", "3607", "3933", decimals=0),
    # 78.8 + 18.9 = 97.7, +-0.1
    Case("dossiers_received", "combined_percent", "ahead_of_deadline+on_time", "97.7", "97.6",
         "97.8", decimals=1),
    # 229500/101.3 = 2265.548 -> 2265.5; /101.35 = 2264.43 -> 2264.4; /101.25 = 2266.67 -> 2266.7
    Case("state_budget_revenue", "implied_plan", None, "2265.5", "2264.4", "2266.7", decimals=1),
    # 2295 - 2265.5 = 29.5; 2295 - 2266.7 = 28.3; 2295 - 2264.4 = 30.6
    Case("state_budget_revenue", "plan_gap", None, "29.5", "28.3", "30.6", decimals=1),
    # 91.28 - 100 = -8.72 points
    Case("public_investment_disbursement", "plan_gap", None, "-8.72", None, None, decimals=2),
    # 1400/63 = 22.22 -> 22.2
    Case("service_index_rank", "top_share", None, "22.2", None, None, decimals=1),
    # 14th, up 5: was 19th; 19 - 14 = 5 places gained
    Case("service_index_rank", "previous_rank", None, "19", None, None, decimals=0),
    Case("service_index_rank", "places_gained", None, "5", None, None, decimals=0),
    # 92 units at 100% of the inspection plan: the plan was exactly 92
    Case("units_inspected", "implied_plan", None, "92", "92", "92", decimals=0),
    Case("units_inspected", "plan_gap", None, "0", "0", "0", decimals=0),
]


@pytest.mark.parametrize("case", REAL_CASES, ids=lambda c: f"{c.figure_id}-{c.key}-{c.part}")
def test_real_2023_derived_values(real: dict[str, FigureResult], case: Case) -> None:
    item = _get(real[case.figure_id], case.key, case.part)
    assert _range(item) == (D(case.value), _dec(case.low), _dec(case.high))
    assert item.decimals == case.decimals


@pytest.mark.parametrize(
    ("figure_id", "key", "part", "qualifier"),
    [
        # counts read off rounded percents are approximate
        ("online_public_services", "implied_whole", None, "approx"),
        ("dossiers_received", "part_count", "on_time", "approx"),
        ("dossiers_received", "rest_count", "late", "approx"),
        # the revenue is itself an estimate ("ước đạt"): so is everything from it
        ("state_budget_revenue", "implied_plan", None, "approx"),
        ("state_budget_revenue", "plan_gap", None, "approx"),
        # plain subtraction from exact figures stays exact
        ("public_investment_disbursement", "plan_gap", None, "exact"),
        ("service_index_rank", "previous_rank", None, "exact"),
        # one possible plan: exact
        ("units_inspected", "implied_plan", None, "exact"),
    ],
)
def test_real_2023_qualifiers(real: dict[str, FigureResult], figure_id: str, key: DerivedKey,
                              part: str | None, qualifier: str) -> None:
    assert _get(real[figure_id], key, part).qualifier == qualifier


def test_real_2023_grade_agrees(real: dict[str, FigureResult]) -> None:
    result = real["service_index_score"]
    # 76.90 keeps its two printed decimals
    assert str(result.figure.value) == "76.90"
    # 70 <= 76.90 < 80: Khá, as the article says
    assert _get(result, "grade_band").value == "Khá"
    assert _get(result, "grade_agrees").value is True


def test_real_2023_rank_direction(real: dict[str, FigureResult]) -> None:
    change = _get(real["service_index_rank"], "places_gained")
    assert change.value == D(5)
    assert change.year == 2022
    assert isinstance(change.value, Decimal)
    assert change.value > 0  # up


def test_real_2023_breakdown_adds_up(real: dict[str, FigureResult]) -> None:
    result = real["dossiers_received"]
    ahead = _get(result, "part_count", "ahead_of_deadline").value
    on_time = _get(result, "part_count", "on_time").value
    late = _get(result, "rest_count", "late").value
    assert isinstance(ahead, Decimal)
    assert isinstance(on_time, Decimal)
    assert isinstance(late, Decimal)
    # 129160 + 30979 + 3770 = 163909
    assert ahead + on_time + late == D(163909)


def test_real_2023_eid_accounts(real: dict[str, FigureResult]) -> None:
    """583,888 accounts at 89.5%: the whole (or plan) they are 89.5% of.

    The dataset may record the 89.5% as a share of a whole or as attainment of a
    plan; the whole-number range is the same either way.
    """
    result = real["eid_accounts"]
    whole = result.get("implied_whole") or result.get("implied_plan")
    assert whole is not None, "eid_accounts implies neither a whole nor a plan"
    # 58388800/89.5 = 652388.83 -> 652389; 894.5 <= 583888000/N < 895.5:
    # N > 583888000/895.5 = 652024.57 -> 652025; N <= 583888000/894.5 = 652753.49 -> 652753
    assert _range(whole) == (D(652389), D(652025), D(652753))
    assert whole.decimals == 0
    assert whole.qualifier == "approx"
    rest = result.get("remainder")
    if rest is not None:
        # 652389 - 583888 = 68501; 652025 - 583888 = 68137; 652753 - 583888 = 68865
        assert _range(rest) == (D(68501), D(68137), D(68865))
    else:
        gap = _get(result, "plan_gap")
        # 583888 - 652389 = -68501; 583888 - 652753 = -68865; 583888 - 652025 = -68137
        assert _range(gap) == (D(-68501), D(-68865), D(-68137))
        # below plan the gap shrinks as the count grows; exact count, read off a percent
        assert gap.qualifier == "approx"


def test_what_is_left_of_a_stated_whole_shrinks_as_the_part_grows(
        tmp_path: Path) -> None:
    # at least 1,872 of a stated 1,952: at most 1,952 - 1,872 = 80 are left
    text = MINIMAL.replace("value: 1818", "value: 1872\n    qualifier: at_least").replace(
        "      percent: 96.9\n", "      percent: 95.9\n      of: whole\n") + WHOLE_FIGURE
    path = tmp_path / "report_2023.yaml"
    path.write_text(text, encoding="utf-8")
    report, problems = load_file(path)
    assert report is not None, problems
    figure = report.figure("online_public_services")
    assert figure is not None
    rest = FigureResult(figure, derive(figure, report)).get("remainder")
    assert rest is not None
    assert (rest.value, rest.qualifier) == (Decimal(80), "at_most")


WHOLE_FIGURE = """\
  - id: whole
    area: procedures
    label: {vi: TTHC, en: Procedures}
    kind: count
    value: 1952
    source: src
    excerpt: 1.952 TTHC
"""
