"""National calculators on small tables with numbers worked out by hand, and the writer."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cchc_cli.calc.national import (
    ahead_percent,
    comparability,
    cross_check,
    median,
    movers,
    neighbours,
    rank_table,
    series,
)
from cchc_cli.load.national import load_index, load_table
from cchc_cli.load.problems import DataError
from cchc_cli.load.writer import fill_derived, make_table, table_text, write_table
from cchc_cli.national import Derivation, NationalTable, Row, TableSource, Values
from cchc_cli.periods import Period, parse_period
from tests.conftest import DATA

INDEX = load_index(str(DATA / "national" / "service-index-766" / "index.csv"))
COLUMNS = ("total", "CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH")
SOURCE = TableSource("Portal", "A test table")


def table(totals: dict[str, str | None], as_of: str = "2026-10-10") -> NationalTable:
    """A 766 table whose totals are split among the groups in proportion to their maxima."""
    rows = []
    for line, (province, total) in enumerate(totals.items(), start=1):
        value = None if total is None else Decimal(total)
        shares = ("0.18", "0.20", "0.12", "0.10", "0.18", "0.22")
        groups = (None,) * 6 if value is None else tuple(value * Decimal(s) for s in shares)
        rows.append(Row(province, "", "", Values((value, *groups)), line))
    return make_table(INDEX, "2026", parse_period(f"2026-ytd@{as_of}"), source=SOURCE,
                      columns=COLUMNS, rows=rows)


FOUR = table({"an-giang": "60", "bac-ninh": "70", "ca-mau": "70", "can-tho": "50",
              "cao-bang": None})


def test_competition_places_share_ties_and_skip_the_next() -> None:
    ranking = rank_table(FOUR)
    assert [(s.row.province, s.place, s.tied) for s in ranking.standings] == [
        ("bac-ninh", 1, True), ("ca-mau", 1, True), ("an-giang", 3, False),
        ("can-tho", 4, False)]
    assert ranking.field == 4  # cao-bang has no data: not in the field
    assert [r.province for r in ranking.no_data] == ["cao-bang"]


@pytest.mark.parametrize(("place", "field", "expected"), [
    (1, 61, "0.0"), (30, 61, "47.5"),  # 29 × 100 ÷ 61 = 47.54
    (11, 61, "16.4"),  # 10 × 100 ÷ 61 = 16.39
    (3, 8, "25.0"), (2, 8, "12.5"),  # 12.5 exactly stays 12.5
    (2, 16, "6.3"),  # 6.25 rounds half-up to 6.3, not to even
])
def test_share_ahead(place: int, field: int, expected: str) -> None:
    assert ahead_percent(place, field) == Decimal(expected)


def test_median_of_odd_and_even_counts() -> None:
    assert median([Decimal(3), Decimal(1), Decimal(2)]) == 2
    assert median([Decimal(4), Decimal(1), Decimal(2), Decimal(3)]) == Decimal("2.5")
    assert median([]) is None


def test_distance_to_the_next_place_up_and_down() -> None:
    up, down = neighbours(rank_table(FOUR), "an-giang")  # 60, between 70 (tied) and 50
    assert up is not None and down is not None
    assert (up.place, up.provinces, up.points) == (1, ("bac-ninh", "ca-mau"), Decimal(10))
    assert (down.place, down.provinces, down.points) == (4, ("can-tho",), Decimal(10))
    assert neighbours(rank_table(FOUR), "bac-ninh")[0] is None  # first: nobody above


def test_movers_between_two_captures() -> None:
    later = table({"an-giang": "72", "bac-ninh": "70", "ca-mau": "65", "dien-bien": "40"},
                  "2026-10-11")
    movement = movers(FOUR, later)
    moves = {m.province: m for m in movement.moves}
    assert moves["an-giang"].places_gained == 2  # 3rd -> 1st
    assert moves["an-giang"].score_change == Decimal(12)  # 60 -> 72
    assert moves["ca-mau"].places_gained == -2  # 1st (tied) -> 3rd
    assert moves["ca-mau"].score_change == Decimal(-5)  # 70 -> 65
    assert movement.only_before == ("can-tho",)
    assert movement.only_after == ("dien-bien",)
    assert movement.fields == (4, 4)


def test_across_the_merger_places_do_not_compare() -> None:
    before = FOUR._replace(period=Period(2024))
    assert comparability(before, FOUR).places is False
    assert comparability(before, FOUR).scores is True
    assert comparability(FOUR, FOUR).reasons == ()


def test_cross_check_rounds_the_table_to_the_reports_precision() -> None:
    exact = table({"an-giang": "43.7289", "bac-ninh": "50"})
    [score, rank] = cross_check([("s", "score", Decimal("43.7"), None),
                                 ("r", "rank", Decimal(2), 63)], exact, "an-giang")
    assert (score.rounded, score.agrees, rank.agrees) == (Decimal("43.7"), True, True)
    # the place agrees; the fields stay side by side: 63 stated, 2 ranked in the table
    assert (rank.stated_field, rank.table_field) == (63, 2)
    [wrong] = cross_check([("s", "score", Decimal("45.7"), None)], exact, "an-giang")
    assert not wrong.agrees
    [two_places] = cross_check([("s", "score", Decimal("43.72"), None)], exact, "an-giang")
    assert two_places.rounded == Decimal("43.73") and not two_places.agrees


def test_series_follows_a_province_oldest_first() -> None:
    later = table({"an-giang": "72", "bac-ninh": "70"}, "2026-10-11")
    points = series([later, FOUR], "an-giang")
    assert [(p.standing.place, p.field) for p in points if p.standing] == [(3, 4), (1, 2)]
    assert not any(p.new_method for p in points)


def test_fill_derived_sums_parts_and_leaves_a_partial_sum_empty() -> None:
    derived = (Derivation("C1", ("a", "b")), Derivation("total", ("C1", "c")))
    columns = ("total", "C1", "a", "b", "c")
    assert fill_derived(columns, (None, None, Decimal("1.25"), Decimal("2.5"), Decimal(1)),
                        derived) == (Decimal("4.75"), Decimal("3.75"), Decimal("1.25"),
                                     Decimal("2.5"), Decimal(1))
    assert fill_derived(columns, (None, None, Decimal(1), None, Decimal(1)), derived)[:2] == \
        (None, None)


def test_the_writer_round_trips_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = write_table(str(tmp_path), FOUR)
    assert Path(path).name == "table_2026-ytd@2026-10-10.csv"
    loaded, warnings = load_table(path, INDEX)
    assert warnings == []
    assert [r._replace(line=0) for r in loaded.rows] == [r._replace(line=0) for r in FOUR.rows]
    assert loaded.period == FOUR.period and loaded.source == FOUR.source
    with pytest.raises(FileExistsError):
        write_table(str(tmp_path), FOUR)
    assert table_text(loaded) == Path(path).read_text(encoding="utf-8")


def test_the_writer_writes_nothing_that_would_not_load(tmp_path: Path) -> None:
    bad = table({"an-giang": "60"})
    bad = bad._replace(rows=(bad.rows[0]._replace(province="atlantis"),))
    with pytest.raises(DataError) as error:
        write_table(str(tmp_path), bad)
    assert "'atlantis' is not a province id" in str(error.value)
    assert list(tmp_path.iterdir()) == []
