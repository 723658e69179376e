"""Across years and provinces: compare, trend, rank, years and template."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.errors import EXIT_DATA, EXIT_OUTPUT, EXIT_USAGE
from tests.conftest import MINIMAL, run, run_json

RANK_FIGURE = """\
  - id: service_index_rank
    area: procedures
    label: {{vi: Xếp hạng, en: Service index rank}}
    kind: rank
    value: {rank}
    of: 63
    change: {{direction: {direction}, amount: {amount}, unit: places, since: {since}}}
    source: src
    excerpt: hạng {rank}
"""


def province_report(slug: str, name: str, year: int, services: int, rank: int, *,
                    direction: str = "up", amount: int = 1) -> str:
    """A small report for province ``slug`` in ``year``."""
    text = MINIMAL.replace("test-province", slug).replace("Tỉnh Thử", name)
    text = text.replace("Test Province", name).replace("year: 2023", f"year: {year}")
    text = text.replace("value: 1818", f"value: {services}")
    return text + RANK_FIGURE.format(rank=rank, direction=direction, amount=amount,
                                     since=year - 1)


def measure(document: dict[str, Any], figure_id: str, name: str = "value",
            part: str | None = None) -> dict[str, Any]:
    figure = next(f for f in document["figures"] if f["id"] == figure_id)
    return next(m for m in figure["measures"] if m["measure"] == name and m["part"] == part)


def test_compare_2023_2024_matches_figures_by_id() -> None:
    document = run_json("compare", "2023", "2024")
    services = measure(document, "online_public_services")
    assert (services["before"], services["after"], services["change"]) == (1818, 1872, 54)
    assert services["relative_change"] == 3.0  # 54 / 1818 = 2.97%
    share = measure(document, "online_public_services", "share_percent")
    assert (share["before"], share["after"], share["points_change"]) == (96.9, 95.9, -1.0)
    whole = measure(document, "online_public_services", "whole")
    assert (whole["before"], whole["after"]) == (1876, 1952)
    rank = measure(document, "service_index_rank")
    # 14th → 12th: two places gained; a rank has no after − before "change"
    assert (rank["before"], rank["after"], rank["places_gained"]) == (14, 12, 2)
    assert rank["change"] is None
    assert (rank["direction"], rank["verdict"]) == ("up", "better")
    simplified = measure(document, "procedures_simplified")
    # the data marks 2024's count not comparable with 2023's: no verdict
    assert (simplified["before"], simplified["after"], simplified["verdict"]) == (267, 256, None)


def test_compare_table_shows_the_changes() -> None:
    out = run("compare", "2023", "2024", "--format", "markdown", "--lang", "en").stdout
    assert "| Online public services provided | 1,818 | 1,872 | +54 (+3.0%) | ▲ better |" in out
    assert "|   share | 96.9% | 95.9% | -1.0 points | ▼ worse |" in out
    assert "| Service index rank among provinces | 14/63 | 12/63 | +2 | ▲ better |" in out
    assert "the count rose (1,818 → 1,872) while the share fell (96.9% → 95.9%)" in out


def test_figures_in_one_year_only_are_listed_apart() -> None:
    document = run_json("compare", "2023", "2024")
    assert "dossiers_received" in {f["id"] for f in document["only_before"]}
    assert "procedures_in_force" in {f["id"] for f in document["only_after"]}
    out = run("compare", "2023", "2024", "--format", "markdown").stdout
    assert "### Only in 2023" in out and "### Only in 2024" in out


def test_compare_2022_2023_uses_the_derived_2022_rank() -> None:
    document = run_json("compare", "2022", "2023")
    rank = measure(document, "service_index_rank")
    assert (rank["before"], rank["after"], rank["direction"]) == (19, 14, "up")
    figure = next(f for f in document["figures"] if f["id"] == "service_index_rank")
    assert (figure["before_basis"], figure["after_basis"]) == ("derived", "stated")
    out = run("compare", "2022", "2023", "--format", "markdown").stdout
    assert "19/63*" in out and "implied by a later report" in out


def test_trend_of_the_index_rank_shows_three_years() -> None:
    document = run_json("trend", "service_index_rank")
    points = [(p["year"], p["value"], p["basis"]) for p in document["points"]]
    assert points == [(2022, 19, "derived"), (2023, 14, "stated"), (2024, 12, "stated")]
    out = run("trend", "service_index_rank").stdout
    assert "19/63*" in out and "█" in out


def test_smaller_late_share_is_better(write_report: Callable[..., Path]) -> None:
    breakdown = ("    breakdown:\n      parts:\n        - {id: on_time, label: {vi: a, en: a}, "
                 "percent: PCT}\n      rest: {id: late, label: {vi: b, en: b}, better: lower}\n")
    share = "    share:\n      percent: 96.9\n"
    for year, on_time in ((2023, "90"), (2024, "95")):
        text = MINIMAL.replace("year: 2023", f"year: {year}")
        folder = write_report(text.replace(share, breakdown.replace("PCT", on_time)),
                              f"report_{year}.yaml").parent
    late = measure(run_json("compare", "2023", "2024", "--data", str(folder)),
                   "online_public_services", "part_percent", "late")
    assert (late["before"], late["after"]) == (10, 5)
    assert (late["direction"], late["verdict"]) == ("down", "better")


def test_a_figure_where_neither_way_is_better_gets_no_verdict(
        write_report: Callable[..., Path]) -> None:
    for year, services in ((2023, 1818), (2024, 1872)):
        text = province_report("x", "X", year, services, 14)
        folder = write_report(text.replace("    kind: count\n", "    kind: count\n"
                                           "    better: neither\n"), f"report_{year}.yaml").parent
    moved = measure(run_json("compare", "2023", "2024", "--data", str(folder)),
                    "online_public_services")
    assert (moved["direction"], moved["verdict"]) == ("up", None)


def test_a_stated_change_that_disagrees_is_reported(write_report: Callable[..., Path]) -> None:
    write_report(province_report("x", "X", 2023, 100, 14, amount=5), "report_2023.yaml")
    folder = write_report(province_report("x", "X", 2024, 110, 12, amount=3),
                          "report_2024.yaml").parent
    document = run_json("compare", "2023", "2024", "--data", str(folder))
    [disagreement] = document["disagreements"]
    assert disagreement["id"] == "service_index_rank"
    assert (disagreement["implies"], disagreement["other_year_says"]) == (15, 14)
    out = run("compare", "2023", "2024", "--data", str(folder), "--lang", "en").stdout
    assert "implies 15 in 2023; the 2023 report gives 14" in " ".join(out.split())


@pytest.mark.parametrize("query", ["ha-giang", "Hà Giang", "HA GIANG", "ha giang", "Ha-Giang"])
def test_province_is_matched_without_case_or_diacritics(query: str) -> None:
    assert run_json("summary", "--province", query)["province"]["id"] == "ha-giang"


def test_unknown_province_is_a_usage_error() -> None:
    result = run("summary", "--province", "Atlantis")
    assert result.exit_code == EXIT_USAGE
    assert "no province 'Atlantis'" in result.stderr and "ha-giang" in result.stderr


@pytest.fixture
def provinces(write_report: Callable[..., Path]) -> Path:
    """A data folder of four provinces in 2024, two of them tied."""
    for slug, name, services, rank in [("bac-kan", "Bắc Kạn", 1500, 5),
                                       ("ha-giang", "Hà Giang", 1872, 12),
                                       ("lao-cai", "Lào Cai", 1700, 12),
                                       ("tuyen-quang", "Tuyên Quang", 1900, 30)]:
        write_report(province_report(slug, name, 2024, services, rank), f"{slug}/report_2024.yaml")
    return write_report(province_report("ha-giang", "Hà Giang", 2023, 1818, 14),
                        "ha-giang/report_2023.yaml").parent.parent


def test_rank_orders_provinces_with_ties(provinces: Path) -> None:
    ranking = run_json("rank", "service_index_rank", "--year", "2024",
                       "--data", str(provinces))["ranking"]
    assert [(r["place"], r["province"]["id"], r["tied"]) for r in ranking] == [
        (1, "bac-kan", False), (2, "ha-giang", True), (2, "lao-cai", True),
        (4, "tuyen-quang", False)]
    services = run_json("rank", "online_public_services", "--year", "2024",
                        "--data", str(provinces))["ranking"]
    assert [r["province"]["id"] for r in services] == [
        "tuyen-quang", "ha-giang", "lao-cai", "bac-kan"]


def test_several_provinces_need_a_choice(provinces: Path) -> None:
    result = run("summary", "--data", str(provinces))
    assert result.exit_code == EXIT_USAGE
    assert "several provinces" in result.stderr
    assert run_json("summary", "--data", str(provinces), "-p", "Lào Cai")["year"] == 2024


def test_years_lists_provinces_years_and_sources(provinces: Path) -> None:
    document = run_json("years", "--data", str(provinces))
    years = {p["id"]: [y["year"] for y in p["years"]] for p in document["provinces"]}
    assert years["ha-giang"] == [2022, 2023, 2024]  # 2022 implied by "up 1 since 2022"
    assert years["bac-kan"] == [2023, 2024]
    rows = list(csv.DictReader(io.StringIO(run("years", "--format", "csv").stdout)))
    assert [(r["year"], r["basis"]) for r in rows] == [("2022", "derived"), ("2023", "stated"),
                                                       ("2024", "stated")]


def _fill(template: str) -> str:
    """Fill every empty value of a template the way an analyst would."""
    filled = re.sub(r"(?m)^(\s+)(value|percent|amount):\s*$", r"\1\2: 5", template)
    filled = re.sub(r"(?m)^(\s+)of:\s+#.*$", r"\1of: 34", filled)  # a rank's field
    filled = re.sub(r"(?m)^(\s+)direction:.*$", r"\1direction: up", filled)
    filled = re.sub(r"(?m)^(\s+)excerpt:\s*$", r'\1excerpt: "đạt 5"', filled)
    filled = re.sub(r"(?m)^(\s+)(publisher|title):\s*$", r"\1\2: Báo Thử", filled)
    filled = re.sub(r"(?m)^(\s+)date:.*$", r"\1date: 2026-01-02", filled)
    # the online services are 5% of the procedures in force: 5 of 100, so it adds up
    return re.sub(r"(- id: procedures_in_force\n(?:.*\n)*?\s+value:) 5", r"\1 100", filled)


def test_template_fill_validate_round_trip(tmp_path: Path) -> None:
    empty = run("template", "--year", "2025").stdout
    path = tmp_path / "report_2025.yaml"
    path.write_text(empty, encoding="utf-8")
    unfilled = run("validate", str(path))
    assert unfilled.exit_code == EXIT_DATA
    assert "50 empty value(s) left to fill in (sources[0].publisher" in unfilled.stdout
    listed = json.loads(run("validate", str(path), "--json").stdout)["problems"]
    assert {"field": "figures[online_public_services].value", "message": "the value is empty",
            "hint": "write a value"}.items() <= next(
        p for p in listed if p["field"] == "figures[online_public_services].value").items()
    path.write_text(_fill(empty), encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stdout
    document = run_json("summary", "--data", str(path))
    stated = {f["id"] for f in document["figures"]}
    assert stated == {f["id"] for f in run_json("summary", "--year", "2024")["figures"]
                      if f["derived_from"] is None}


def test_template_keeps_ids_labels_and_relations() -> None:
    text = run("template", "--year", "2024", "--from", "2023").stdout
    assert "year: 2024" in text
    assert "  - id: dossiers_received" in text
    assert '        - id: ahead_of_deadline\n          label: {vi: "giải quyết trước hạn"' in text
    assert "      since: 2023" in text


def test_template_output_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report_2025.yaml"
    assert run("template", "--year", "2025", "-o", str(target)).exit_code == 0
    first = target.read_text(encoding="utf-8")
    target.write_text("keep me", encoding="utf-8")
    refused = run("template", "--year", "2025", "-o", str(target))
    assert refused.exit_code == EXIT_OUTPUT
    assert "use --force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("template", "--year", "2025", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["report_2025.yaml"]  # no temporary left


def test_disagreements_and_implied_years_speak_vietnamese(
        write_report: Callable[..., Path]) -> None:
    write_report(province_report("x", "X", 2023, 100, 14, amount=5), "report_2023.yaml")
    folder = write_report(province_report("x", "X", 2024, 110, 12, amount=3),
                          "report_2024.yaml").parent
    out = " ".join(run("compare", "2023", "2024", "--data", str(folder), "--lang", "vi")
                   .stdout.split())
    assert "báo cáo 2024 nêu Xếp hạng tăng 3 bậc so với năm 2023, tức là 15 năm 2023" in out
    check = " ".join(run("check", "--data", str(folder), "--lang", "vi", "-f", "markdown")
                     .stdout.split())
    assert "12 năm 2024, tăng 3 bậc so với 2023, tức là 15 năm 2023" in check
    shown = run("show", "service_index_rank", "--data", str(folder), "--year", "2022",
                "--lang", "vi", "-f", "markdown").stdout
    assert "tính từ báo cáo năm sau: report_2023.yaml" in shown
    assert "implied" not in shown
    years = run("years", "--data", str(folder), "--lang", "vi", "-f", "markdown").stdout
    assert "| 2022 | tính từ báo cáo năm sau: report_2023.yaml |" in years


def test_grades_are_named_in_the_chosen_language() -> None:
    english = run("show", "service_index_score", "--year", "2023", "-f", "markdown").stdout
    assert "| Fair (Khá) |" in english
    vietnamese = run("show", "service_index_score", "--year", "2023", "--lang", "vi",
                     "-f", "markdown").stdout
    assert "| Khá |" in vietnamese and "Fair" not in vietnamese
    derived = next(d for d in run_json("show", "service_index_score", "--year", "2023")
                   ["figure"]["derived"] if d["key"] == "grade_band")
    assert (derived["value"], derived["label"]) == ("Khá", {"vi": "Khá", "en": "Fair"})


def test_compare_refuses_one_year_twice() -> None:
    result = run("compare", "2023", "2023")
    assert result.exit_code == EXIT_USAGE and "two different periods" in result.stderr


def test_rank_says_when_no_province_has_the_figure_that_year() -> None:
    out = run("rank", "procedures_in_force", "--year", "2023", "--lang", "en").stdout
    assert "Administrative procedures in force, 2023" in out
    assert "No province has this figure in 2023" in out


def test_summary_notes_a_report_that_does_not_add_up(write_report: Callable[..., Path]) -> None:
    text = MINIMAL.replace("    share:\n      percent: 96.9\n", "    share:\n      percent: 34\n")
    result = run("summary", "--data", str(write_report(text.replace("1818", "1"))), "--json")
    assert result.exit_code == 0
    assert "do not add up; run 'cchc check --year 2023'" in result.stderr
    assert result.stdout.startswith("{")
