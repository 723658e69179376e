"""rank, show, compare, trend, summary and check over national tables, through the CLI."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cchc_cli.errors import EXIT_DATA, EXIT_FINDINGS, EXIT_USAGE
from cchc_cli.load.problems import DataError
from tests.conftest import DATA, run, run_json

TABLES = DATA / "national"


def entry(document: dict[str, object], province: str) -> dict[str, object]:
    ranking = document["ranking"]
    assert isinstance(ranking, list)
    return next(e for e in ranking if e["province"]["id"] == province)


def test_rank_papi_2023_lists_61_with_hue_first_and_ha_giang_11th() -> None:
    document = run_json("rank", "papi", "--year", "2023")
    assert len(document["ranking"]) == document["field"] == 61
    assert {p["province"]["id"] for p in document["no_data"]} == {"quang-ninh", "binh-duong"}
    first = document["ranking"][0]
    assert (first["province"]["id"], first["place"], first["rounded"]) == ("hue", 1, 46.04)
    assert round(first["value"], 4) == 46.0415
    ha_giang = entry(document, "ha-giang")
    assert (ha_giang["place"], ha_giang["rounded"]) == (11, 44.25)
    assert round(ha_giang["value"], 4) == 44.2479  # type: ignore[call-overload]
    assert document["measure"]["basis"] == "derived"


def test_rank_papi_2024_has_quang_ninh_first_and_ha_giang_30th_of_61() -> None:
    document = run_json("rank", "papi", "--year", "2024", "--province", "Hà Giang")
    first = document["ranking"][0]
    assert (first["province"]["id"], first["rounded"]) == ("quang-ninh", 47.82)
    ha_giang = entry(document, "ha-giang")
    assert (ha_giang["place"], ha_giang["highlighted"]) == (30, True)
    assert ha_giang["ahead_percent"] == 47.5  # 29 of 61 ahead: 47.54% rounds to 47.5
    assert len(ha_giang["components"]) == 8  # type: ignore[arg-type]


def test_rank_by_a_dimension_ranks_on_it() -> None:
    document = run_json("rank", "papi", "--year", "2024", "--by", "c07")
    values = [e["value"] for e in document["ranking"]]
    assert values == sorted(values, reverse=True)
    assert document["measure"]["code"] == "C07"
    assert entry(document, "ha-giang")["place"] == 6


def test_rank_766_uses_the_latest_capture_and_groups_add_up() -> None:
    document = run_json("rank", "service-index-766")
    assert document["period"]["as_of"] == "2026-10-10"
    assert len(document["ranking"]) == 34
    for row in document["ranking"]:
        parts = row["components"]
        assert len(parts) == 6
        assert round(sum(parts.values()), 2) == row["total"]


def test_rank_766_as_of_picks_the_capture() -> None:
    document = run_json("rank", "service-index-766", "--as-of", "2026-09-17")
    first = document["ranking"][0]
    assert (first["province"]["id"], first["value"]) == ("dong-thap", 68.32)
    tuyen_quang = entry(document, "tuyen-quang")
    assert (tuyen_quang["place"], tuyen_quang["value"]) == (7, 65.15)


def test_rank_766_unknown_capture_date_is_a_usage_error() -> None:
    result = run("rank", "service-index-766", "--as-of", "2026-09-18")
    assert result.exit_code == EXIT_USAGE
    assert "2026-ytd@2026-09-17" in result.stderr


def test_rank_of_a_report_figure_still_works_and_refuses_national_options() -> None:
    assert run_json("rank", "service_index_rank", "--year", "2024")["ranking"][0]["value"] == 12
    result = run("rank", "service_index_rank", "--by", "C01")
    assert result.exit_code == EXIT_USAGE and "--by is for national tables" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_rank_in_every_format_and_language(fmt: str, lang: str) -> None:
    result = run("rank", "papi", "--year", "2024", "-p", "ha-giang", "--format", fmt,
                 "--lang", lang)
    assert result.exit_code == 0, result.stderr
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        assert len(rows) == 61 and rows[29]["province"] == "ha-giang"
        assert rows[29]["C07"] and rows[29]["field"] == "61"
    else:
        assert ("43,73" if lang == "vi" else "43.73") in result.stdout
        assert ("hạng 6/61" if lang == "vi" else "6th of 61") in result.stdout  # C07


def test_show_papi_gives_each_component_against_the_field() -> None:
    document = run_json("show", "papi", "--province", "ha-giang", "--year", "2024")
    measures = {m["code"]: m for m in document["measures"]}
    total = measures["total"]
    assert (total["place"], total["field"], total["max"]) == (30, 61, 80)
    assert total["best"] == run_json("rank", "papi", "--year", "2024")["ranking"][0]["value"]
    ranking = run_json("rank", "papi", "--year", "2024")["ranking"]
    assert total["up"]["provinces"] == [ranking[28]["province"]]
    assert total["up"]["points"] == pytest.approx(ranking[28]["value"] - ranking[29]["value"])
    assert total["down"]["points"] == pytest.approx(ranking[29]["value"] -
                                                    ranking[30]["value"])
    values = sorted(e["value"] for e in ranking)
    assert total["median"] == values[30]  # 61 values: the 31st
    assert measures["C07"]["place"] == 6 and measures["SC11"]["kind"] == "sub"


def test_show_papi_without_a_province_is_a_usage_error() -> None:
    result = run("show", "papi", "--year", "2024")
    assert result.exit_code == EXIT_USAGE and "--province" in result.stderr


def test_compare_766_captures_lists_the_movers() -> None:
    document = run_json("compare", "service-index-766", "--as-of", "2026-09-17",
                        "--to", "2026-10-10")
    moves = {m["province"]["id"]: m for m in document["moves"]}
    tuyen_quang = moves["tuyen-quang"]
    assert (tuyen_quang["before"]["place"], tuyen_quang["after"]["place"]) == (7, 9)
    assert tuyen_quang["places_gained"] == -2
    assert tuyen_quang["score_change"] == pytest.approx(64.74 - 65.15)
    assert document["comparable"] == {"scores": True, "places": True, "reasons": []}
    assert document["biggest"]["place_rises"][0]["id"] == "ninh-binh"  # 23rd -> 12th
    out = run("compare", "service-index-766", "--as-of", "2026-09-17", "--to",
              "2026-10-10", "--format", "markdown").stdout
    assert "Biggest rises in place" in out and "| Tuyen Quang | 7 → 9 | -2 |" in out


def test_compare_papi_across_the_2018_change_compares_places_only() -> None:
    document = run_json("compare", "papi", "2017", "2018")
    assert document["comparable"] == {"scores": False, "places": True,
                                      "reasons": ["method"]}
    assert all(m["score_change"] is None for m in document["moves"])
    out = run("compare", "papi", "2017", "2018", "--format", "markdown").stdout
    assert "only places are compared" in out


def test_compare_papi_lists_provinces_in_one_year_only() -> None:
    document = run_json("compare", "papi", "2023", "2024")
    assert {p["id"] for p in document["only_before"]} == {"vinh-phuc", "tien-giang"}
    assert {p["id"] for p in document["only_after"]} == {"quang-ninh", "binh-duong"}
    ha_giang = next(m for m in document["moves"] if m["province"]["id"] == "ha-giang")
    assert (ha_giang["before"]["place"], ha_giang["after"]["place"]) == (11, 30)


def test_compare_of_report_periods_still_works() -> None:
    assert run_json("compare", "2023", "2024")["command"] == "compare"
    result = run("compare", "2023")
    assert result.exit_code == EXIT_USAGE


def test_trend_papi_ha_giang_has_14_years_and_marks_the_2018_break() -> None:
    document = run_json("trend", "papi", "--province", "ha-giang")
    [series] = document["series"]
    points = series["points"]
    assert [p["period"]["key"] for p in points] == [str(y) for y in range(2011, 2025)]
    assert [p["period"]["key"] for p in points if p["new_method"]] == ["2018"]
    assert [(p["place"], p["field"]) for p in points][-2:] == [(11, 61), (30, 61)]
    assert points[0]["max"] == 60 and points[-1]["max"] == 80
    out = run("trend", "papi", "--province", "ha-giang").stdout
    assert "▲ 2018" in out and "30th of 61" in out


def test_trend_of_a_merged_province_shows_each_former_part() -> None:
    document = run_json("trend", "papi", "--province", "tuyen-quang")
    assert {s["province"]["id"] for s in document["series"]} == {"ha-giang", "tuyen-quang-cu"}
    out = run("trend", "papi", "--province", "tuyen-quang", "--lang", "vi").stdout
    assert "Hà Giang (nay thuộc Tuyên Quang)" in out


def test_summary_adds_the_province_among_all_provinces() -> None:
    document = run_json("summary", "--year", "2024")
    [papi] = document["among_all_provinces"]
    assert (papi["index"], papi["rounded"], papi["place"], papi["field"]) == (
        "papi", 43.73, 30, 61)
    assert papi["strengths"][0] == {"code": "C07", "place": 6, "field": 61}
    out = run("summary", "--year", "2024", "--lang", "vi").stdout
    assert "So với các tỉnh" in out and "43,73 / 80, hạng 30/61" in out


def test_check_finds_the_report_and_the_table_agreeing() -> None:
    document = run_json("check")
    checks = {c["id"]: c for c in document["cross_checks"]}
    assert checks["papi_score"]["agrees"] and checks["papi_rank"]["agrees"]
    assert checks["papi_score"]["rounded"] == 43.7
    assert not [f for f in document["findings"] if f["code"] == "table_disagrees"]


def test_check_names_both_sources_when_the_report_disagrees(tmp_path: Path) -> None:
    for report in DATA.glob("report_*.yaml"):
        shutil.copy(report, tmp_path)
    changed = tmp_path / "report_2024.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace(
        "    value: 43.7\n", "    value: 45.7\n"), encoding="utf-8")
    result = run("check", "--data", str(tmp_path), "--format", "json")
    assert result.exit_code == EXIT_FINDINGS
    import json

    [finding] = [f for f in json.loads(result.stdout)["findings"]
                 if f["code"] == "table_disagrees"]
    assert "report_2024.yaml" in finding["message"] and "table_2024.csv" in finding["message"]
    assert "45.7" in finding["message"] and "43.7" in finding["message"]


@pytest.fixture
def tables_copy(tmp_path: Path) -> Callable[[str, Callable[[str], str]], Path]:
    """A copy of the bundled PAPI index with one table, edited by ``change``."""

    def make(name: str, change: Callable[[str], str]) -> Path:
        folder = tmp_path / "tables" / "papi"
        folder.mkdir(parents=True)
        shutil.copy(TABLES / "papi" / "index.csv", folder)
        text = (TABLES / "papi" / "table_2024.csv").read_text(encoding="utf-8")
        (folder / name).write_text(change(text), encoding="utf-8")
        return tmp_path / "tables"

    return make


def _row(text: str, province: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(province + ","))


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(needle))


BAD = [
    ("province_twice", lambda t: t + _row(t, "ha-giang") + "\n",
     "province: ha-giang is also on line"),
    ("unknown_name", lambda t: t.replace("\nha-giang,", "\nHà Giang,"),
     "'Hà Giang' is not a province id (write the registry id: 'ha-giang')"),
    ("unknown_code", lambda t: t.replace("\nha-giang,", "\nhx-giang,"),
     "'hx-giang' is not a province id (did you mean"),
    ("above_max", lambda t: t.replace(",0.979340017,", ",10.979340017,", 1),
     "SC11: 10.979340017 is above the maximum of 10"),
    ("extra_value", lambda t: t.replace(",P02,Ha Giang,", ",P02,Ha Giang,81,", 1),
     "41 values where the header has 40"),
    ("negative", lambda t: t.replace(",0.97", ",-0.97", 1), "below 0"),
    ("short_row", lambda t: t.replace(_row(t, "ha-giang"),
                                      _row(t, "ha-giang").rsplit(",", 1)[0]),
     "39 values where the header has 40"),
    ("derived_wrong", lambda t: t.replace(_row(t, "ha-giang"), _row(t, "ha-giang").replace(
        ",43.728905620,", ",43.8,")), "total: 43.8 is not sum C01"),
]


@pytest.mark.parametrize(("case", "change", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_tables_exit_3_naming_file_and_line(
        tables_copy: Callable[[str, Callable[[str], str]], Path], case: str,
        change: Callable[[str], str], message: str) -> None:
    location = tables_copy("table_2024.csv", change)
    result = run("rank", "papi", "--year", "2024", "--tables", str(location))
    assert result.exit_code == EXIT_DATA, result.stderr
    assert message in result.stderr
    assert "table_2024.csv:" in result.stderr and result.stdout == ""


def test_a_period_that_disagrees_with_the_file_name_is_refused(
        tables_copy: Callable[[str, Callable[[str], str]], Path]) -> None:
    location = tables_copy("table_2023.csv", lambda t: t)
    result = run("rank", "papi", "--year", "2023", "--tables", str(location))
    assert result.exit_code == EXIT_DATA
    assert "table_2023.csv:4:1: period: the period 2024 disagrees with the file name" in \
        result.stderr


def test_components_that_do_not_add_up_are_a_warning_naming_the_row(tmp_path: Path) -> None:
    folder = tmp_path / "service-index-766"
    shutil.copytree(TABLES / "service-index-766", folder)
    path = folder / "table_2026-ytd@2026-10-10.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("dong-thap,H20,UBND tỉnh Đồng Tháp,68.8,",
                                 "dong-thap,H20,UBND tỉnh Đồng Tháp,69.8,"), encoding="utf-8")
    result = run("rank", "service-index-766", "--tables", str(tmp_path), "--json")
    assert result.exit_code == 0
    line = _line(text, "dong-thap")
    assert f"warning: {path}:{line}:1: total: dong-thap: the components add up to 68.80, " \
           "not the stated total 69.8" in result.stderr


def test_every_problem_of_a_table_is_listed_at_once(
        tables_copy: Callable[[str, Callable[[str], str]], Path]) -> None:
    def two(text: str) -> str:
        return text.replace("\nha-giang,", "\nnowhere,").replace("\ncao-bang,", "\nnoplace,")

    result = run("rank", "papi", "--year", "2024", "--tables", str(tables_copy(
        "table_2024.csv", two)))
    assert result.exit_code == EXIT_DATA
    assert "'nowhere'" in result.stderr and "'noplace'" in result.stderr


def test_a_capture_that_is_an_html_page_is_refused(tmp_path: Path) -> None:
    from cchc_cli.load.national import load_index
    from scripts.bundle_national import capture_table

    capture = tmp_path / "service-results_year-2026_captured-2026-10-11.json"
    capture.write_text("\n<!DOCTYPE html><html><body>Request rejected</body></html>",
                       encoding="utf-8")
    index = load_index(str(TABLES / "service-index-766" / "index.csv"))
    with pytest.raises(DataError) as error:
        capture_table(capture, index)
    [problem] = error.value.problems
    assert str(problem) == (f"{capture}:2:1: the capture is an HTML page, not JSON (the "
                            "portal's firewall may have answered; capture it again)")


def test_the_bundler_writes_nothing_when_a_capture_is_bad(tmp_path: Path) -> None:
    from scripts.bundle_national import main

    shared = tmp_path / "shared"
    shutil.copytree(ROOT_SHARED, shared) if ROOT_SHARED.is_dir() else pytest.skip(
        f"the originals are not at {ROOT_SHARED}")
    bad = shared / "portal-766" / "captures" / "service-results_year-2026_captured-2026-10-11.json"
    bad.write_text("<html>blocked</html>", encoding="utf-8")
    out = tmp_path / "out"
    for index in ("papi", "service-index-766"):
        (out / index).mkdir(parents=True)
        shutil.copy(TABLES / index / "index.csv", out / index)
    assert main(["--shared", str(shared), "--out", str(out)]) == 3
    assert sorted(p.name for p in out.rglob("table_*")) == []
    bad.unlink()
    assert main(["--shared", str(shared), "--out", str(out)]) == 0
    assert len(list(out.rglob("table_*.csv"))) == 22
    for written in out.rglob("table_*.csv"):
        index = written.parent.name
        assert written.read_text(encoding="utf-8") == \
            (TABLES / index / written.name).read_text(encoding="utf-8")


ROOT_SHARED = DATA.parent.parent / "shared" / "national"


def test_the_biggest_movers_never_cut_through_a_tie() -> None:
    document = run_json("compare", "service-index-766", "--as-of", "2026-09-17", "--to",
                        "2026-10-10")
    falls = [p["id"] for p in document["biggest"]["place_falls"]]
    # Điện Biên, Lai Châu, Lâm Đồng, Phú Thọ (14 → 19) and Sơn La (22 → 27) all fell 5
    assert {"dien-bien", "lai-chau", "lam-dong", "phu-tho", "son-la"} <= set(falls)
    assert len(falls) == 7


def test_compare_highlights_the_province_and_its_csv_says_what_compares() -> None:
    document = run_json("compare", "papi", "2023", "2024", "--province", "Hà Giang")
    [mine] = [m for m in document["moves"] if m["highlighted"]]
    assert mine["province"]["id"] == "ha-giang" and mine["places_gained"] == -19
    rows = run("compare", "papi", "2017", "2018", "--format", "csv").stdout.splitlines()
    header = rows[0].split(",")
    first = dict(zip(header, rows[1].split(","), strict=True))
    # across the 2018 methodology change, places compare and scores do not
    assert (first["scores_comparable"], first["places_comparable"],
            first["not_comparable_because"], first["score_change"]) == ("false", "true",
                                                                        "method", "")
