"""The cache's encoding: what it stores is what it serves back, and nothing else.

Through the CLI, ``tests/test_cache.py`` shows that a hit gives the same output as
parsing; here the calculators' inputs themselves are compared, and damaged
entries are shown to miss rather than fail or serve something else.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_cli import cache
from cchc_cli.load.files import load_file
from cchc_cli.load.national import RECORDS as TABLE_RECORDS
from cchc_cli.load.national import find_indices, load_tables, tables_location
from cchc_cli.model import RECORDS, Text
from cchc_cli.provinces import Entry, load
from tests.conftest import DATA, REPORT_2023


def _round_trip(value: object, classes: tuple[type, ...]) -> object:
    import json

    return cache.decode(json.loads(json.dumps(cache.encode(value))),
                        {c.__name__: c for c in classes})


@pytest.mark.parametrize("name", ["report_2023.yaml", "report_2024.yaml"])
def test_a_bundled_report_comes_back_equal(name: str) -> None:
    report, problems = load_file(DATA / name)
    assert report is not None and not problems
    back = _round_trip(report, RECORDS)
    assert back == report
    assert type(back) is type(report)
    assert [type(f.value) for f in back.figures] == [type(f.value) for f in report.figures]


def test_every_bundled_table_comes_back_equal() -> None:
    for folder in find_indices(tables_location()).values():
        _, tables, _ = load_tables(folder, list(folder.tables))
        for table in tables:
            back = _round_trip(table, TABLE_RECORDS)
            assert back == table
            assert [r.values for r in back.rows] == [r.values for r in table.rows]


def test_the_registry_comes_back_equal() -> None:
    entries = load().entries
    assert _round_trip(entries, (Entry, Text)) == entries


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.decimals(allow_nan=False)
    | st.dates(),
    lambda inner: st.lists(inner, max_size=4).map(tuple) | st.lists(inner, max_size=4)
    | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    | st.builds(Text, st.text(), st.text()), max_leaves=20))
def test_any_value_of_the_encoding_comes_back_equal_and_of_the_same_type(value: object) -> None:
    back = _round_trip(value, (Text,))
    assert back == value
    assert repr(back) == repr(value)  # Decimal('1.50') stays 1.50, a tuple stays a tuple


def test_a_value_without_an_encoding_is_not_stored() -> None:
    with pytest.raises(TypeError):
        cache.encode({1, 2})
    assert cache.encode((Decimal("1.50"), None)) == {"n": "1.50,"}
    assert cache.encode(dt.date(2024, 1, 1)) == {"D": "2024-01-01"}


def _store(tmp_path: Path) -> tuple[cache.Cache, list[cache.Input]]:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    source = tmp_path / "report_2023.yaml"
    source.write_bytes(REPORT_2023.read_bytes())
    with source.open("rb") as handle:
        read = cache.Input(str(source), handle.read(), os.fstat(handle.fileno()))
    return cache.Cache(os.open(folder, os.O_RDONLY | os.O_DIRECTORY)), [read]


def test_a_class_not_given_is_never_built(tmp_path: Path) -> None:
    store, inputs = _store(tmp_path)
    store.put("report", inputs, Text("một", "one"))
    assert store.get("report", inputs, (Text,)) == Text("một", "one")
    assert store.get("report", inputs, ()) is cache.MISS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_entry_misses_or_serves_the_value_stored(
        tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    store, inputs = _store(tmp_path_factory.mktemp("damaged"))
    report, _ = load_file(inputs[0].path)
    store.put("report", inputs, report)
    (path,) = [e for e in Path(f"/proc/self/fd/{store.folder}").iterdir()
               if not e.name.startswith(".")]
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, 1 << 20)) % len(raw)
        raw[where] = data.draw(st.integers(0, 255))
    path.write_bytes(bytes(raw))
    served = store.get("report", inputs, RECORDS)
    assert served is cache.MISS or served == report


def test_no_home_means_no_cache() -> None:
    assert cache.location({"HOME": ""}) is None
    assert cache.location({}) is None
    assert cache.location({"HOME": "relative/home"}) is None
    assert cache.location({"HOME": "/"}) is None
    assert cache.location({"HOME": "/tmp", "CCHC_NO_CACHE": "1"}) is None
    assert cache.location({"HOME": "/tmp"}) == "/tmp/.cache/cchc"
    assert cache.location({"HOME": "/tmp", "XDG_CACHE_HOME": "/x"}) == "/x/cchc"
    assert cache.location({"HOME": "/tmp", "XDG_CACHE_HOME": "rel"}) == "/tmp/.cache/cchc"
    assert cache.location({"CCHC_CACHE_DIR": "/c", "HOME": "/tmp"}) == "/c"
