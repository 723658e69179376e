"""``cchc summary``, ``show``, ``metrics``, ``validate`` and ``export`` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.errors import EXIT_USAGE
from tests.conftest import DATA, MINIMAL, REPORT_2023, run, run_json

IDS_2023 = [
    "reform_index_sets_targeted", "units_inspected", "procedures_simplified",
    "processing_time_cut", "inter_agency_procedures", "online_public_services",
    "essential_services_reengineered", "dossiers_received", "procedure_update_campaign",
    "service_index_score", "service_index_rank", "project_06_tasks",
    "essential_services_fully_online", "eid_accounts", "state_budget_revenue",
    "public_investment_disbursement",
]


def derived(document: dict[str, Any], figure_id: str, key: str,
            part: str | None = None) -> dict[str, Any]:
    """The derived entry ``key`` of figure ``figure_id`` in a summary document."""
    figure = next(f for f in document["figures"] if f["id"] == figure_id)
    return next(d for d in figure["derived"] if d["key"] == key and d["part"] == part)


@pytest.fixture(scope="module")
def summary_2023() -> dict[str, Any]:
    return run_json("summary", "--year", "2023")  # type: ignore[no-any-return]


def test_summary_json_has_version_and_every_figure(summary_2023: dict[str, Any]) -> None:
    assert summary_2023["format"] == "cchc-output/2"
    assert summary_2023["command"] == "summary"
    assert summary_2023["year"] == 2023
    assert summary_2023["province"]["id"] == "ha-giang"
    stated = [f["id"] for f in summary_2023["figures"] if f["derived_from"] is None]
    assert stated == IDS_2023


def test_summary_includes_figures_implied_by_the_next_report(
        summary_2023: dict[str, Any]) -> None:
    implied = {f["id"]: f for f in summary_2023["figures"] if f["derived_from"] is not None}
    assert implied["papi_score"]["value"] == 44.2  # 43.7 in 2024, down 0.5 points
    assert implied["papi_rank"]["value"] == 11  # 30th in 2024, down 19 places
    assert implied["papi_rank"]["derived_from"].endswith("report_2024.yaml")


def test_summary_json_keeps_raw_numbers(summary_2023: dict[str, Any]) -> None:
    values = {f["id"]: f["value"] for f in summary_2023["figures"]}
    assert values["online_public_services"] == 1818
    assert values["dossiers_received"] == 163909
    assert values["service_index_score"] == 76.9
    assert values["state_budget_revenue"] == 2295
    score = next(f for f in summary_2023["figures"] if f["id"] == "service_index_score")
    assert score["decimals"] == 2  # printed as 76,90


def test_summary_json_derived_figures(summary_2023: dict[str, Any]) -> None:
    whole = derived(summary_2023, "online_public_services", "implied_whole")
    assert whole["value"] == 1876 and whole["range"] == [1876, 1877]
    assert derived(summary_2023, "online_public_services", "remainder")["value"] == 58
    late = derived(summary_2023, "dossiers_received", "rest_percent", "late")
    assert late["value"] == 2.3
    assert derived(summary_2023, "dossiers_received", "rest_count", "late")["value"] == 3770
    previous = derived(summary_2023, "service_index_rank", "previous_rank")
    assert previous["value"] == 19 and previous["year"] == 2022
    plan = derived(summary_2023, "state_budget_revenue", "implied_plan")
    assert plan["value"] == 2265.5 and plan["range"] == [2264.4, 2266.7]
    assert derived(summary_2023, "public_investment_disbursement", "plan_gap")["value"] == -8.72
    base = derived(summary_2023, "eid_accounts", "implied_plan")
    assert base["range"] == [652025, 652753]
    assert derived(summary_2023, "service_index_score", "grade_band")["value"] == "Khá"
    assert derived(summary_2023, "service_index_score", "grade_agrees")["value"] is True


def test_summary_table_shows_figures_and_implications() -> None:
    result = run("summary", "--year", "2023", "--lang", "en")
    assert result.exit_code == 0
    assert "Ha Giang: administrative reform results, 2023" in result.stdout
    assert result.stderr == ""
    # the same page as Markdown, where no cell is wrapped
    out = run("summary", "--year", "2023", "--lang", "en", "--format", "markdown").stdout
    assert "96.9% of ≈1,876; ≈58 not online" in out
    assert "2.3% late or pending (≈3,770)" in out
    assert "up 5 places from 19 in 2022" in out
    assert "grade Fair (Khá), agrees with its band" in out
    assert "8.72 points short of plan" in out


def test_summary_in_vietnamese() -> None:
    out = run("summary", "--year", "2023", "--lang", "vi").stdout
    assert "Kết quả CCHC Hà Giang năm 2023" in out
    assert "163.909" in out and "96,9%" in out and "2.295 tỷ đồng" in out


def test_summary_sources_column() -> None:
    out = run("summary", "--year", "2023", "--sources", "--format", "markdown").stdout
    assert "“cung cấp 1.818 dịch vụ công trực tuyến, đạt 96,9%” [bhg-2024-01-01]" in out


def test_summary_csv_is_tidy(summary_2023: dict[str, Any]) -> None:
    result = run("summary", "--year", "2023", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    keys = [(r["id"], r["measure"], r["part"]) for r in rows]
    assert len(keys) == len(set(keys)), "one row per figure and measure"
    by_key = {(r["id"], r["measure"], r["part"]): r for r in rows}
    assert by_key[("online_public_services", "value", "")]["value"] == "1818"
    whole = by_key[("online_public_services", "implied_whole", "")]
    assert (whole["value"], whole["low"], whole["high"]) == ("1876", "1876", "1877")
    assert by_key[("dossiers_received", "rest_count", "late")]["value"] == "3770"
    assert {r["province"] for r in rows} == {"ha-giang"}
    assert {r["year"] for r in rows} == {"2023"}


def test_summary_markdown_is_tables() -> None:
    out = run("summary", "--year", "2023", "--format", "markdown").stdout
    assert "| Figure | Value | What it implies |" in out
    assert "|---|---:|---|" in out
    assert "| Online public services provided | 1,818 | 96.9% of ≈1,876;" in out


def test_json_shorthand_and_conflict() -> None:
    assert json.loads(run("summary", "--year", "2023", "--json").stdout)["year"] == 2023
    result = run("summary", "--json", "--format", "csv")
    assert result.exit_code == EXIT_USAGE
    assert "--json contradicts --format csv" in result.stderr


@pytest.mark.parametrize("figure_id", IDS_2023)
def test_show_prints_arithmetic_and_excerpt(figure_id: str) -> None:
    figure = run_json("show", figure_id, "--year", "2023")["figure"]
    table = run("show", figure_id, "--year", "2023", "--lang", "en")
    assert table.exit_code == 0
    assert f"“{figure['excerpt']}”" in " ".join(table.stdout.split())
    assert "bhg-2024-01-01" in table.stdout
    markdown = run("show", figure_id, "--year", "2023", "--format", "markdown").stdout
    rows = markdown.split("| Measure | Value | Arithmetic |")[-1].split("\n\n")[0]
    arithmetic = [line.split(" | ")[-1] for line in rows.splitlines()[2:]]
    assert len(arithmetic) == len(figure["derived"])
    assert all(any(mark in cell for mark in "=≈→") for cell in arithmetic), arithmetic


def test_show_writes_out_the_arithmetic() -> None:
    out = run("show", "online_public_services", "--year", "2023", "-f", "markdown").stdout
    assert "| implied whole | ≈1,876 (1,876–1,877) | 1,818 × 100 ÷ 96.9 ≈ 1,876.16 |" in out
    out = run("show", "state_budget_revenue", "--year", "2023", "-f", "markdown").stdout
    assert "2,295 × 100 ÷ 101.3 ≈ 2,265.548" in out
    assert "(2,264.4–2,266.7)" in out


def test_show_unknown_id_suggests_the_closest() -> None:
    result = run("show", "online_public_service", "--year", "2023")
    assert result.exit_code == EXIT_USAGE
    assert "did you mean 'online_public_services'?" in result.stderr


def test_unknown_year_is_a_usage_error() -> None:
    result = run("summary", "--year", "1999")
    assert result.exit_code == EXIT_USAGE
    assert "no 1999 report for ha-giang" in result.stderr


def test_metrics_lists_ids_with_labels() -> None:
    document = run_json("metrics")
    metrics = {m["id"]: m for m in document["metrics"]}
    assert set(IDS_2023) <= set(metrics)
    assert metrics["online_public_services"]["kind"] == "count"
    assert 2023 in metrics["online_public_services"]["years"]


def test_validate_bundled_data_passes() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert "valid" in result.stdout
    assert run("validate", str(DATA), "--format", "json").exit_code == 0


def test_export_csv_and_json(write_report: Callable[..., Path]) -> None:
    folder = write_report(MINIMAL).parent
    rows = list(csv.DictReader(io.StringIO(run("export", "--data", str(folder),
                                               "--format", "csv").stdout)))
    assert {r["province"] for r in rows} == {"test-province"}
    assert ("online_public_services", "implied_whole") in {(r["id"], r["measure"]) for r in rows}
    document = run_json("export", "--data", str(REPORT_2023))
    assert [r["year"] for r in document["reports"]] == [2023]


def test_data_from_environment(write_report: Callable[..., Path],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_DATA", str(write_report(MINIMAL)))
    assert run_json("summary")["province"]["id"] == "test-province"
