"""Qualifiers travel: ≥200,000 and ≈2,295 keep their mark in compare and trend output."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli.calc.compare import Measure, compare_measure, difference_qualifier
from tests.conftest import run, run_json

REPORT = """\
format: cchc-report/1
province:
  id: test-province
  name: {{vi: Tỉnh Thử, en: Test Province}}
year: {year}
sources:
  - id: src
    publisher: Báo Thử
    title: Kết quả CCHC
    date: {year}-12-31
    language: vi
figures:
  - id: online_applications
    area: digital_government
    label: {{vi: Hồ sơ nộp trực tuyến, en: Applications submitted online}}
    kind: count
    unit: {{vi: hồ sơ, en: applications}}
    value: {value}
    qualifier: {qualifier}
    source: src
    excerpt: "{excerpt}"
"""


def _two_years(tmp_path: Path, before: tuple[int, str, str],
               after: tuple[int, str, str]) -> Path:
    for year, (value, qualifier, excerpt) in ((2023, before), (2024, after)):
        (tmp_path / f"report_{year}.yaml").write_text(
            REPORT.format(year=year, value=value, qualifier=qualifier, excerpt=excerpt),
            encoding="utf-8")
    return tmp_path


@pytest.fixture
def data(tmp_path: Path) -> Path:
    # 150,000 in 2023; "more than 200,000" in 2024: a rise of at least 50,000
    return _two_years(tmp_path, (150000, "exact", "150.000 hồ sơ"),
                      (200000, "at_least", "hơn 200.000 hồ sơ"))


def test_compare_json_keeps_each_side_and_the_change_qualified(data: Path) -> None:
    document = run_json("compare", "2023", "2024", "--data", str(data))
    measure = document["figures"][0]["measures"][0]
    assert (measure["before"], measure["after"], measure["change"]) == (150000, 200000, 50000)
    assert (measure["before_qualifier"], measure["after_qualifier"],
            measure["change_qualifier"]) == ("exact", "at_least", "at_least")
    assert (measure["direction"], measure["verdict"]) == ("up", "better")


def test_compare_csv_and_text_keep_the_qualifier(data: Path) -> None:
    result = run("compare", "2023", "2024", "--data", str(data), "--format", "csv")
    row = next(csv.DictReader(io.StringIO(result.stdout)))
    assert (row["after"], row["after_qualifier"], row["change_qualifier"]) == (
        "200000", "at_least", "at_least")
    table = run("compare", "2023", "2024", "--data", str(data), "--format", "markdown",
                "--lang", "en").stdout
    assert "| 150,000 | ≥200,000 | ≥+50,000 (+33.3%) |" in table


def test_a_fall_to_a_lower_bound_has_no_direction(tmp_path: Path) -> None:
    # 250,000, then "more than 200,000": the change is at least −50,000, a rise or a fall
    data = _two_years(tmp_path, (250000, "exact", "250.000 hồ sơ"),
                      (200000, "at_least", "hơn 200.000 hồ sơ"))
    measure = run_json("compare", "2023", "2024", "--data", str(data))["figures"][0][
        "measures"][0]
    assert (measure["change"], measure["change_qualifier"]) == (-50000, "at_least")
    assert (measure["direction"], measure["verdict"]) == (None, None)


def test_only_in_one_year_keeps_the_qualifier_in_json_and_csv() -> None:
    document = run_json("compare", "2023", "2024")
    revenue = next(f for f in document["only_before"] if f["id"] == "state_budget_revenue")
    applications = next(f for f in document["only_after"] if f["id"] == "online_applications")
    assert (revenue["value"], revenue["qualifier"]) == (2295, "approx")
    assert (applications["value"], applications["qualifier"]) == (200000, "at_least")
    rows = list(csv.DictReader(io.StringIO(run("compare", "2023", "2024", "--format",
                                               "csv").stdout)))
    row = next(r for r in rows if r["id"] == "online_applications")
    assert (row["after"], row["after_qualifier"], row["before_qualifier"]) == (
        "200000", "at_least", "")


def test_trend_keeps_the_value_and_change_qualifiers(data: Path) -> None:
    document = run_json("trend", "online_applications", "--data", str(data))
    assert [(p["value"], p["qualifier"], p["change"], p["change_qualifier"])
            for p in document["points"]] == [(150000, "exact", None, None),
                                             (200000, "at_least", 50000, "at_least")]
    rows = list(csv.DictReader(io.StringIO(run("trend", "online_applications", "--data",
                                               str(data), "--format", "csv").stdout)))
    assert [(r["qualifier"], r["change_qualifier"]) for r in rows] == [
        ("exact", ""), ("at_least", "at_least")]
    table = run("trend", "online_applications", "--data", str(data), "--format", "markdown",
                "--lang", "en").stdout
    assert "≥200,000" in table and "≥+50,000" in table
    revenue = run_json("trend", "state_budget_revenue")["points"]
    assert [(p["value"], p["qualifier"]) for p in revenue] == [(2295, "approx")]


@pytest.mark.parametrize(("before", "after", "expected"), [
    ("exact", "exact", "exact"),
    ("exact", "approx", "approx"),
    ("approx", "exact", "approx"),
    ("exact", "at_least", "at_least"),   # y ≥ b, x = a: y − x ≥ b − a
    ("at_least", "exact", "at_most"),    # x ≥ a: y − x ≤ b − a
    ("at_most", "at_least", "at_least"),
    ("at_least", "at_most", "at_most"),
    ("at_least", "at_least", None),      # both could be anything above: no bound
    ("at_most", "at_most", None),
    ("approx", "at_least", "at_least"),
])
def test_difference_qualifier(before: str, after: str, expected: str | None) -> None:
    assert difference_qualifier(before, after) == expected


def test_places_gained_by_a_rank_at_most_20_is_at_least() -> None:
    # 25th, then "in the top 20": at least 5 places gained
    delta = compare_measure("rank", Measure("value", None, Decimal(25), "rank", "lower", "exact"),
                            Measure("value", None, Decimal(20), "rank", "lower", "at_most"))
    assert (delta.places_gained, delta.change_qualifier, delta.verdict) == (5, "at_least",
                                                                            "better")
