"""Notes are data: compare's notes are computed with the comparison and carried by JSON and CSV."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from cchc_cli.calc.compare import compare, diverging_share
from cchc_cli.load.files import load_file
from cchc_cli.model import Report
from tests.conftest import DATA, run, run_json


def _reports() -> tuple[Report, Report]:
    before, _ = load_file(str(DATA / "report_2023.yaml"))
    after, _ = load_file(str(DATA / "report_2024.yaml"))
    assert before is not None and after is not None
    return before, after


def test_the_share_note_is_computed_with_the_comparison() -> None:
    before, after = _reports()
    comparison = compare(before, after)
    notes = [n for n in comparison.notes if n.code == "count_and_share_diverge"]
    assert [n.figure_id for n in notes] == ["online_public_services"]
    numbers = notes[0].numbers
    # 1,818 → 1,872 services while the share fell 96.9% → 95.9%: the whole grew
    # from 1,818 × 100 ÷ 96.9 ≈ 1,876 to the stated 1,952
    assert (numbers["count_before"], numbers["count_after"]) == (Decimal(1818), Decimal(1872))
    assert (numbers["share_before"], numbers["share_after"]) == (Decimal("96.9"),
                                                                 Decimal("95.9"))
    assert (numbers["whole_before"], numbers["whole_after"]) == (Decimal(1876), Decimal(1952))
    assert numbers["whole_before_qualifier"] == "approx"
    pair = next(p for p in comparison.pairs if p.after.id == "service_index_rank")
    assert diverging_share(pair) is None  # no share, no note


def test_compare_json_carries_the_share_note() -> None:
    notes = run_json("compare", "2023", "2024")["notes"]
    diverging = [n for n in notes if n["code"] == "count_and_share_diverge"]
    assert [n["id"] for n in diverging] == ["online_public_services"]
    note = diverging[0]
    assert note["numbers"]["whole_before"] == 1876 and note["numbers"]["share_after"] == 95.9
    assert note["message"].startswith("Online public services provided: the count rose "
                                      "(1,818 → 1,872) while the share fell (96.9% → 95.9%)")
    # the table shows the same sentence
    assert note["message"] in run("compare", "2023", "2024", "--lang", "en",
                                  "--format", "markdown").stdout


def test_compare_csv_carries_the_share_note_on_the_figure_rows() -> None:
    rows = list(csv.DictReader(io.StringIO(run("compare", "2023", "2024", "--format",
                                               "csv").stdout)))
    noted = {(r["id"], r["measure"]) for r in rows if "count_and_share_diverge"
             in r["note_codes"].split()}
    assert noted == {("online_public_services", m) for m in ("value", "share_percent", "whole")}
    row = next(r for r in rows if r["id"] == "online_public_services")
    assert row["note_codes"] == "count_and_share_diverge" and "the share fell" in row["notes"]
    assert all("the share fell" not in r["notes"] for r in rows
               if r["id"] != "online_public_services")
