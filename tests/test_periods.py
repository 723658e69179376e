"""Periods: the syntax, the calendar arithmetic, and commands that keep months from years."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli.i18n import period_label
from cchc_cli.periods import Period, describe, month_length, parse_period
from tests.conftest import DATA, run

EXIT_USAGE = 2


@pytest.mark.parametrize(("text", "kind", "number", "start", "end"), [
    ("2024", "year", None, "2024-01-01", "2024-12-31"),
    ("2024-h1", "half", 1, "2024-01-01", "2024-06-30"),
    ("2024-H2", "half", 2, "2024-07-01", "2024-12-31"),
    ("2024-q1", "quarter", 1, "2024-01-01", "2024-03-31"),
    ("2024-q3", "quarter", 3, "2024-07-01", "2024-09-30"),
    ("2024-02", "month", 2, "2024-02-01", "2024-02-29"),  # a leap year
    ("2023-02", "month", 2, "2023-02-01", "2023-02-28"),
    ("2024-07", "month", 7, "2024-07-01", "2024-07-31"),
    ("2026-ytd@2026-10-10", "ytd", None, "2026-01-01", "2026-10-10"),
])
def test_periods_read_and_span_the_calendar(text: str, kind: str, number: int | None,
                                             start: str, end: str) -> None:
    period = parse_period(text)
    assert (period.kind, period.number) == (kind, number)
    assert (period.start.isoformat(), period.end.isoformat()) == (start, end)
    assert parse_period(period.full_key) == period


@pytest.mark.parametrize("text", ["24", "2024-13", "2024-q5", "2024-h3", "2024-00", "july",
                                  "2026-ytd@2025-10-10", "2026-ytd@2026-02-30", "1900"])
def test_a_bad_period_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    message = str(caught.value)
    assert any(part in message for part in (text, "1990", "2025-10-10", "2026-02-30")), message


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_every_month_holds_its_days(day: dt.date) -> None:
    month = parse_period(f"{day.year}-{day.month:02d}")
    quarter = parse_period(f"{day.year}-q{(day.month - 1) // 3 + 1}")
    half = parse_period(f"{day.year}-h{1 if day.month <= 6 else 2}")
    for period in (month, quarter, half, Period(day.year)):
        assert period.start <= day <= period.end
    assert month.end.day == month_length(day.year, day.month)


def test_periods_sort_by_end_date_and_only_alike_ones_compare() -> None:
    periods = [parse_period(p) for p in ("2024", "2024-07", "2023", "2024-q3", "2024-h1")]
    assert describe(periods) == "2023, 2024-h1, 2024-07, 2024-q3, 2024"
    assert parse_period("2024-07").comparable_with(parse_period("2023-08"))
    assert not parse_period("2024-07").comparable_with(parse_period("2024"))
    assert not parse_period("2026-ytd").comparable_with(parse_period("2025"))


@pytest.mark.parametrize(("text", "vi", "en"), [
    ("2024", "năm 2024", "2024"),
    ("2024-h1", "6 tháng đầu năm 2024", "H1 2024"),
    ("2024-q3", "quý III/2024", "Q3 2024"),
    ("2024-07", "tháng 7/2024", "July 2024"),
    ("2026-ytd@2026-11-27", "năm 2026 tính đến ngày 27/11/2026", "2026 to 27 November"),
])
def test_periods_are_named_as_reports_name_them(text: str, vi: str, en: str) -> None:
    period = parse_period(text)
    assert (period_label(period, "vi"), period_label(period, "en")) == (vi, en)


JULY = """\
format: cchc-report/1
province:
  id: {province}
  name: {{vi: {name}, en: {name}}}
period: 2024-07
sources:
  - id: src
    publisher: Cổng Dịch vụ công quốc gia
    title: Kết quả Bộ chỉ số 766 tháng 7/2024
    date: 2024-08-05
    language: vi
figures:
  - id: online_public_services
    area: procedures
    label: {{vi: Dịch vụ công trực tuyến, en: Online public services}}
    kind: count
    value: {count}
    source: src
    excerpt: cung cấp {count_vi} dịch vụ công trực tuyến
"""


def _july(folder: Path, province: str, name: str, count: int) -> Path:
    path = folder / province / "report_2024-07.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(JULY.format(province=province, name=name, count=count,
                                count_vi=f"{count:,}".replace(",", ".")), encoding="utf-8")
    return path


@pytest.fixture
def data_with_july(tmp_path: Path) -> Path:
    """Hà Giang's 2023 and 2024 reports, its July 2024 report, and another province's July."""
    folder = tmp_path / "data"
    (folder / "ha-giang").mkdir(parents=True)
    for name in ("report_2023.yaml", "report_2024.yaml"):
        (folder / "ha-giang" / name).write_bytes((DATA / name).read_bytes())
    _july(folder, "ha-giang", "Hà Giang", 1820)
    _july(folder, "bac-kan", "Bắc Kạn", 1904)
    return folder


def test_an_annual_and_a_july_report_of_one_year_load_side_by_side(data_with_july: Path) -> None:
    result = run("years", "--data", str(data_with_july), "--province", "ha-giang",
                 "--format", "json")
    assert result.exit_code == 0, result.stderr
    periods = [y["period"]["key"] for y in json.loads(result.stdout)["provinces"][0]["years"]]
    assert periods == ["2022", "2023", "2024-07", "2024"]


def test_rank_of_a_month_ranks_only_that_months_reports(data_with_july: Path) -> None:
    result = run("rank", "online_public_services", "--data", str(data_with_july),
                 "--period", "2024-07", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["period"]["key"] == "2024-07"
    assert [(r["province"]["id"], r["value"], r["place"]) for r in document["ranking"]] == [
        ("bac-kan", 1904, 1), ("ha-giang", 1820, 2)]
    # the whole of 2024 holds Hà Giang's annual figure alone, never a July one
    year = json.loads(run("rank", "online_public_services", "--data", str(data_with_july),
                          "--year", "2024", "--format", "json").stdout)
    assert [(r["province"]["id"], year["period"]["key"]) for r in year["ranking"]] == [
        ("ha-giang", "2024")]


def test_compare_refuses_a_month_against_a_year_naming_both(data_with_july: Path) -> None:
    result = run("compare", "2023", "2024-07", "--data", str(data_with_july),
                 "--province", "ha-giang")
    assert result.exit_code == EXIT_USAGE
    assert "2023 is a whole year and 2024-07 is a month" in result.stderr
    assert "--mixed-periods" in result.stderr


def test_compare_with_mixed_periods_says_so_in_json_csv_and_table(data_with_july: Path) -> None:
    args = ("compare", "2023", "2024-07", "--data", str(data_with_july), "--province",
            "ha-giang", "--mixed-periods")
    document = json.loads(run(*args, "--format", "json").stdout)
    assert (document["period_before"]["key"], document["period_after"]["key"]) == (
        "2023", "2024-07")
    assert document["period_before"]["kind"] == "year"
    assert document["period_after"]["kind"] == "month"
    assert document["periods_alike"] is False
    csv_lines = run(*args, "--format", "csv").stdout.splitlines()
    header = csv_lines[0].split(",")
    first = dict(zip(header, csv_lines[1].split(","), strict=False))
    assert (first["period_before"], first["period_after"], first["periods_alike"]) == (
        "2023", "2024-07", "false")
    table = run(*args, "--lang", "en").stdout
    assert "July 2024" in table and "not alike" in table


def test_compare_of_two_years_says_they_are_alike() -> None:
    document = json.loads(run("compare", "2023", "2024", "--format", "json").stdout)
    assert document["periods_alike"] is True
    assert document["period_after"] == {"key": "2024", "kind": "year", "year": 2024,
                                        "number": None, "start": "2024-01-01",
                                        "end": "2024-12-31", "as_of": None}


def test_trend_orders_by_end_date_and_keeps_kinds_apart(data_with_july: Path) -> None:
    args = ("trend", "online_public_services", "--data", str(data_with_july), "--province",
            "ha-giang")
    refused = run(*args)
    assert refused.exit_code == EXIT_USAGE and "--every" in refused.stderr
    points = json.loads(run(*args, "--mixed-periods", "--format", "json").stdout)["points"]
    assert [p["period"]["key"] for p in points] == ["2023", "2024-07", "2024"]
    # the July score is not a change from 2023, and 2024's change is from 2023
    assert points[1]["change"] is None
    assert points[2]["change"] == pytest.approx(points[2]["value"] - points[0]["value"])
    years = json.loads(run(*args, "--every", "year", "--format", "json").stdout)["points"]
    assert [p["period"]["key"] for p in years] == ["2023", "2024"]


def test_a_period_that_names_nothing_lists_what_there_is(data_with_july: Path) -> None:
    result = run("summary", "--data", str(data_with_july), "--province", "ha-giang",
                 "--period", "2024-q3")
    assert result.exit_code == EXIT_USAGE
    assert "no 2024-q3 report for ha-giang" in result.stderr
    assert "2022, 2023, 2024-07, 2024" in result.stderr


def test_summary_of_a_month(data_with_july: Path) -> None:
    result = run("summary", "--data", str(data_with_july), "--province", "bac-kan",
                 "--period", "2024-07", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["period"]["key"] == "2024-07"
    assert [f["value"] for f in document["figures"]] == [1904]


def test_year_asked_for_where_only_a_month_exists(data_with_july: Path) -> None:
    result = run("summary", "--data", str(data_with_july), "--province", "bac-kan",
                 "--year", "2024")
    assert result.exit_code == EXIT_USAGE
    assert "no report for the whole of 2024 for bac-kan; 2024 has 2024-07" in result.stderr


def test_check_of_one_period(data_with_july: Path) -> None:
    result = run("check", "--data", str(data_with_july), "--period", "2024-07", "--format",
                 "json")
    document = json.loads(result.stdout)
    assert sorted((r["province"]["id"], r["period"]) for r in document["reports"]) == [
        ("bac-kan", "2024-07"), ("ha-giang", "2024-07")]


def test_compare_with_mixed_periods_carries_the_note_in_json_and_csv(
        data_with_july: Path) -> None:
    args = ("compare", "2023", "2024-07", "--data", str(data_with_july), "--province",
            "ha-giang", "--mixed-periods")
    notes = json.loads(run(*args, "--format", "json").stdout)["notes"]
    unlike = next(n for n in notes if n["code"] == "periods_unlike")
    assert unlike["id"] is None
    assert unlike["numbers"] == {"period_before": "2023", "kind_before": "year",
                                 "period_after": "2024-07", "kind_after": "month"}
    assert "not alike" in unlike["message"]
    rows = list(csv.DictReader(io.StringIO(run(*args, "--format", "csv").stdout)))
    assert rows and all("periods_unlike" in row["note_codes"].split() for row in rows)
    assert "not alike" in rows[0]["notes"]


def test_a_mixed_series_says_which_period_each_change_is_from(data_with_july: Path) -> None:
    args = ("trend", "online_public_services", "--data", str(data_with_july), "--province",
            "ha-giang", "--mixed-periods")
    points = json.loads(run(*args, "--format", "json").stdout)["points"]
    assert [(p["period"]["key"], p["change_from"]) for p in points] == [
        ("2023", None), ("2024-07", None), ("2024", "2023")]
    table = run(*args, "--lang", "en").stdout
    assert "+54 (from 2023)" in table


def test_a_period_asked_for_names_the_periods_it_covers() -> None:
    ytd = parse_period("2026-ytd")
    assert ytd.names(parse_period("2026-ytd@2026-10-10"))  # any day when none is asked
    assert parse_period("2026-ytd@2026-10-10").names(parse_period("2026-ytd@2026-10-10"))
    assert not parse_period("2026-ytd@2026-09-17").names(parse_period("2026-ytd@2026-10-10"))
    assert not parse_period("2024").names(parse_period("2024-07"))
