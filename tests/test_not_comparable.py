"""Verdicts only where earned: a figure the data marks not comparable gets no better or worse."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from cchc_cli.errors import EXIT_DATA
from tests.conftest import DATA, run, run_json

NOT_COMPARABLE = ("procedures_simplified", "processing_time_cut", "inter_agency_procedures")


def _figure(document: dict[str, Any], figure_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(f for f in document["figures"] if f["id"] == figure_id)
    return found


def test_267_then_256_simplified_procedures_is_neither_better_nor_worse() -> None:
    document = run_json("compare", "2023", "2024")
    figure = _figure(document, "procedures_simplified")
    assert figure["comparable"] is False
    value = figure["measures"][0]
    assert (value["before"], value["after"]) == (267, 256)  # both values are shown
    assert (value["change"], value["relative_change"], value["direction"], value["verdict"]) \
        == (None, None, None, None)
    notes = {(n["code"], n["id"]): n for n in document["notes"]}
    note = notes[("not_comparable", "procedures_simplified")]
    assert note["numbers"]["period"] == "2024"
    assert "reviewed and simplified during 2023" in note["numbers"]["reason"]
    for figure_id in NOT_COMPARABLE:
        assert ("not_comparable", figure_id) in notes
        assert _figure(document, figure_id)["comparable"] is False
    # figures the sources do compare keep their verdict: "up two places", "19 places lower"
    assert _figure(document, "service_index_rank")["comparable"] is True
    rank = _figure(document, "service_index_rank")["measures"][0]
    assert rank["verdict"] == "better"


def test_the_table_and_csv_show_both_values_without_a_verdict() -> None:
    table = run("compare", "2023", "2024", "--format", "markdown", "--lang", "en").stdout
    line = next(x for x in table.splitlines() if x.startswith("| Administrative procedures "
                                                               "reviewed"))
    assert line == "| Administrative procedures reviewed and simplified | 267 | 256 |  |  |"
    assert "not comparable with other periods" in table
    rows = csv.DictReader(io.StringIO(run("compare", "2023", "2024", "--format", "csv").stdout))
    row = next(r for r in rows if r["id"] == "procedures_simplified")
    assert (row["before"], row["after"], row["change"], row["verdict"]) == ("267", "256", "", "")
    assert "not_comparable" in row["note_codes"]


def test_summary_and_trend_carry_the_mark() -> None:
    figure = _figure(run_json("summary", "--year", "2024"), "procedures_simplified")
    assert figure["comparable"] is False and "2024 counts" in str(figure["not_comparable"])
    points = run_json("trend", "procedures_simplified")["points"]
    assert [(p["value"], p["change"]) for p in points] == [(267, None), (256, None)]


def test_an_empty_reason_is_a_data_error(tmp_path: Path) -> None:
    text = (DATA / "report_2024.yaml").read_text(encoding="utf-8")
    start = text.index("    not_comparable:")
    end = text.index("\n\n", start)
    path = tmp_path / "report_2024.yaml"
    path.write_text(text[:start] + "    not_comparable: ''" + text[end:], encoding="utf-8")
    result = run("validate", str(path))
    assert result.exit_code == EXIT_DATA
    assert "not_comparable" in result.stdout
