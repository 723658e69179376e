"""The tidy CSV as pandas and DuckDB read it: one type per column, numbers as numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")


@pytest.fixture
def export_csv(tmp_path: Path) -> Path:
    path = tmp_path / "cchc.csv"
    result = run("export", "--format", "csv")
    assert result.exit_code == 0
    path.write_text(result.stdout, encoding="utf-8")
    return path


def test_pandas_reads_value_as_a_number(export_csv: Path) -> None:
    """Once 'Khá' and 'true' in ``value`` made it text, and ``sum`` concatenated strings."""
    frame = pd.read_csv(export_csv)
    assert frame["value"].dtype == "float64"
    assert frame["low"].dtype == "float64" and frame["high"].dtype == "float64"
    typed = pd.read_csv(export_csv, dtype_backend="numpy_nullable")
    assert str(typed["for_year"].dtype) == "Int64"
    assert str(typed["year"].dtype) == "Int64"
    assert str(typed["flag"].dtype) == "boolean"
    grades = frame.loc[frame["measure"] == "grade_band", ["year", "grade", "value"]]
    assert grades.set_index("year")["grade"].to_dict() == {2023: "Khá"}
    assert grades["value"].isna().all()
    # the 2023 online public services: 1,818 stated, 96.9% of them, ≈1,876 in all
    values = frame.set_index(["year", "id", "measure"])["value"]
    assert values[(2023, "online_public_services", "value")] == 1818
    assert values[(2023, "online_public_services", "implied_whole")] == 1876


def test_duckdb_reads_each_column_with_one_type(export_csv: Path) -> None:
    relation = duckdb.sql(f"select * from read_csv_auto('{export_csv}')")
    types = dict(zip(relation.columns, (str(t) for t in relation.types), strict=True))
    assert types["value"] == "DOUBLE"
    assert types["low"] == "DOUBLE" and types["high"] == "DOUBLE"
    assert types["year"] == "BIGINT" and types["for_year"] == "BIGINT"
    assert types["flag"] == "BOOLEAN"
    assert types["grade"] == "VARCHAR"
    [(total,)] = duckdb.sql(f"select sum(value) from '{export_csv}' where measure = 'value' "
                            "and id = 'online_public_services'").fetchall()
    assert total == 1818 + 1872  # 2023 and 2024 as stated
