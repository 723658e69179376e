"""The bundled national tables against the originals in ../shared/national."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from decimal import Decimal

import pytest

from cchc_cli.calc.national import rank_table
from cchc_cli.calc.precision import round_half_up
from cchc_cli.load.national import find_indices, load_tables
from cchc_cli.national import NationalTable
from tests.conftest import DATA, ROOT

SHARED = ROOT.parent / "shared" / "national"
TABLES = DATA / "national"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"the originals are not at {SHARED} (../shared/national)")


def tables(index_id: str) -> list[NationalTable]:
    folder = find_indices(str(TABLES))[index_id]
    return load_tables(folder, list(folder.tables))[1]


@pytest.fixture(scope="module")
def papi() -> dict[int, NationalTable]:
    return {t.period.year: t for t in tables("papi")}


@pytest.fixture(scope="module")
def service() -> list[NationalTable]:
    return tables("service-index-766")


@needs_shared
def test_every_papi_sub_dimension_is_the_published_number(
        papi: dict[int, NationalTable]) -> None:
    codebook = SHARED / "papi" / "codebook" / "codebook_provinces.csv"
    with codebook.open(encoding="utf-8") as handle:
        names = dict(list(csv.reader(handle))[1:])
    for year, table in papi.items():
        path = SHARED / "papi" / "csv" / f"{year}.csv"
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(table.rows) == len(rows) == 63
        assert table.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        for original, row in zip(rows, table.rows, strict=True):
            assert row.source_key == original["Province"]
            assert row.source_name == names[original["Province"]]
            for code, text in original.items():
                if code == "Province":
                    continue
                position = table.position(code)
                if position is None:  # not measured that year: empty for every province
                    assert all(not r[code] for r in rows), (year, code)
                    continue
                expected = Decimal(text) if text else None
                assert row.values[position] == expected, (year, row.province, code)


@needs_shared
def test_papi_totals_are_sums_of_the_sub_dimensions_and_marked_derived(
        papi: dict[int, NationalTable]) -> None:
    for year, table in papi.items():
        path = SHARED / "papi" / "csv" / f"{year}.csv"
        with path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for original, row in zip(rows, table.rows, strict=True):
            cells = [v for k, v in original.items() if k != "Province"]
            measured = [v for k, v in original.items()
                        if k != "Province" and table.position(k) is not None]
            total = table.value(row, "total")
            if all(measured):
                assert total == sum(Decimal(v) for v in measured), (year, row.province)
            else:
                assert total is None, (year, row.province)
            assert any(cells) or total is None
        assert table.basis("total") == "derived"
        assert table.method.id == ("2011" if year < 2018 else "2018")
        assert table.method.total.max == (60 if year < 2018 else 80)


PUBLISHED = re.compile(r"^\| (\d{4}) \| ([^|]+?) \| ([0-9.]+) \| ([0-9.]+)", re.MULTILINE)


@needs_shared
def test_the_published_figures_in_provenance_are_reproduced(
        papi: dict[int, NationalTable]) -> None:
    from cchc_cli.provinces import registry

    text = (SHARED / "papi" / "PROVENANCE.md").read_text(encoding="utf-8")
    found = PUBLISHED.findall(text)
    assert len(found) == 7
    for year, name, derived, published in found:
        table = papi[int(year)]
        province = registry().resolve(name, on=table.period.end).id
        total = table.value(table.row(province), "total")  # type: ignore[arg-type]
        assert total is not None
        assert round_half_up(total, 4) == Decimal(derived), (year, name)
        difference = abs(round_half_up(total, len(published.split(".")[1])) -
                         Decimal(published))
        assert difference <= Decimal("0.01"), (year, name)  # 2021 Hải Dương: 42.69 vs 42.68


def test_ranking_the_derived_totals_reproduces_ha_giangs_published_places(
        papi: dict[int, NationalTable]) -> None:
    assert rank_table(papi[2023]).of("ha-giang").place == 11  # type: ignore[union-attr]
    assert rank_table(papi[2024]).of("ha-giang").place == 30  # type: ignore[union-attr]
    assert rank_table(papi[2023]).field == 61
    assert rank_table(papi[2024]).field == 61


@needs_shared
def test_every_766_capture_is_bundled_with_its_numbers(service: list[NationalTable]) -> None:
    captures = sorted((SHARED / "portal-766" / "captures").glob("*.json"))
    assert [t.period.as_of.isoformat() for t in service] == [  # type: ignore[union-attr]
        c.stem.rsplit("captured-", 1)[1] for c in captures]
    for table, capture in zip(service, captures, strict=True):
        assert table.source.sha256 == hashlib.sha256(capture.read_bytes()).hexdigest()
        assert table.period.key == "2026-ytd"
        evaluation = json.loads(capture.read_text(encoding="utf-8"),
                                parse_float=Decimal)["data"]["evaluation"]
        assert len(table.rows) == len(evaluation) == 34
        for entry, row in zip(evaluation, table.rows, strict=True):
            assert row.source_key == entry["departmentCode"]
            assert table.value(row, "total") == Decimal(str(entry["totalScore"]))
            assert table.value(row, "change") == Decimal(str(entry["scoreDelta"]))
            for code, value in entry["groupScores"].items():
                assert table.value(row, code) == Decimal(str(value)), (capture.name, code)


def test_766_group_scores_add_up_to_each_total(service: list[NationalTable]) -> None:
    groups = ("CKMB", "TDGQ", "CLGQ", "TTTT", "MDHL", "MDSH")
    for table in service:
        assert table.basis("total") == "stated"
        for row in table.rows:
            parts = [table.value(row, g) for g in groups]
            assert sum(p for p in parts if p is not None) == table.value(row, "total")


def test_the_clgq_ttttt_uncertainty_is_kept_in_the_data(service: list[NationalTable]) -> None:
    index = service[0].index
    method = index.method("2026")
    assert method is not None
    clgq, tttt = method.measure("CLGQ"), method.measure("TTTT")
    assert clgq is not None and tttt is not None
    assert (clgq.max, tttt.max) == (Decimal(12), Decimal(10))
    assert "disputed" in (clgq.note or "") and "disputed" in (tttt.note or "")
    assert sum(m.max or 0 for m in method.dimensions) == 100


def test_a_measure_is_bounded_by_its_own_maximum_else_its_dimensions(
        papi: dict[int, NationalTable]) -> None:
    """The index file states 80 for the 2018 total and 10 for each dimension, and no
    maximum for a sub-dimension, which is therefore bounded by its dimension's 10."""
    method = papi[2024].method
    assert method.bound("total") == Decimal(80)
    assert method.bound("C08") == Decimal(10)
    assert method.bound("SC81") == Decimal(10)
    assert method.bound("SC99") is None
    assert papi[2011].method.bound("total") == Decimal(60)
