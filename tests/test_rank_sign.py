"""One sign for a rank change, in every command: places gained, positive = up the table."""

from __future__ import annotations

import csv
import io

from tests.conftest import run, run_json


def _csv(*args: str) -> list[dict[str, str]]:
    result = run(*args, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_summary_gives_the_2024_service_rank_two_places_gained() -> None:
    # "12 of 63, two places up on 2023": 14 − 12 = +2
    document = run_json("summary", "--year", "2024")
    rank = next(f for f in document["figures"] if f["id"] == "service_index_rank")
    derived = {d["key"]: d["value"] for d in rank["derived"]}
    assert derived["places_gained"] == 2 and "rank_change" not in derived
    rows = _csv("summary", "--year", "2024")
    gained = [r for r in rows if r["id"] == "service_index_rank"
              and r["measure"] == "places_gained"]
    assert [float(r["value"]) for r in gained] == [2.0]
    # PAPI: "19 places lower": 11th → 30th is −19
    papi = next(f for f in document["figures"] if f["id"] == "papi_rank")
    assert {d["key"]: d["value"] for d in papi["derived"]}["places_gained"] == -19


def test_compare_gives_places_gained_for_a_rank_in_json_csv_and_text() -> None:
    document = run_json("compare", "2022", "2023")
    rank = document["figures"][0]["measures"][0]
    # 19th → 14th: five places up
    assert (rank["places_gained"], rank["change"], rank["direction"]) == (5, None, "up")
    row = next(r for r in _csv("compare", "2022", "2023") if r["id"] == "service_index_rank")
    assert (row["places_gained"], row["change"]) == ("5", "")
    table = run("compare", "2022", "2023", "--format", "markdown", "--lang", "en").stdout
    assert "| 19/63* | 14/63 | +5 | ▲ better |" in table
    # a fall is negative: PAPI 11th → 30th
    papi = run_json("compare", "2023", "2024")
    measure = next(f for f in papi["figures"] if f["id"] == "papi_rank")["measures"][0]
    assert (measure["places_gained"], measure["direction"], measure["verdict"]) == (
        -19, "down", "worse")


def test_trend_gives_places_gained_for_a_rank_in_json_csv_and_text() -> None:
    document = run_json("trend", "service_index_rank")
    assert [(p["value"], p["places_gained"], p["change"]) for p in document["points"]] == [
        (19, None, None), (14, 5, None), (12, 2, None)]
    rows = _csv("trend", "service_index_rank")
    assert [r["places_gained"] for r in rows] == ["", "5", "2"]
    table = run("trend", "service_index_rank", "--format", "markdown", "--lang", "en").stdout
    assert "| 2023 | 14/63 | +5 |" in table and "| 2024 | 12/63 | +2 |" in table
    assert "places gained" in table
    # a figure that is no rank keeps its difference, after − before
    score = run_json("trend", "papi_score")
    assert [p["change"] for p in score["points"]] == [None, -0.5]
    assert [p["places_gained"] for p in score["points"]] == [None, None]


def test_national_compare_gives_places_gained() -> None:
    document = run_json("compare", "papi", "2023", "2024")
    ha_giang = next(m for m in document["moves"] if m["province"]["id"] == "ha-giang")
    # 11th of 61 → 30th of 61
    assert (ha_giang["before"]["place"], ha_giang["after"]["place"]) == (11, 30)
    assert ha_giang["places_gained"] == -19 and "place_change" not in ha_giang
    row = next(r for r in _csv("compare", "papi", "2023", "2024") if r["province"] == "ha-giang")
    assert row["places_gained"] == "-19"
