"""The cache's encoding: what it stores is what it serves back, and nothing else.

Through the CLI, ``tests/test_cache.py`` shows that a hit gives the same output as
parsing; here the calculators' inputs themselves are compared, and damaged
entries are shown to miss rather than fail or serve something else.
"""

from __future__ import annotations

import datetime as dt
import json
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
from cchc_cli.national import NationalTable, Row, Values
from cchc_cli.provinces import Entry, load
from cchc_cli.record import Record
from tests.conftest import DATA, REPORT_2023


def _round_trip(value: object, classes: tuple[type[Record], ...]) -> object:
    import json

    named = {c.__name__: c for c in classes}
    return cache.decode(json.loads(json.dumps(cache.encode(value, named))), named)


@pytest.mark.parametrize("name", ["report_2023.yaml", "report_2024.yaml"])
def test_a_bundled_report_comes_back_equal(name: str) -> None:
    report, problems = load_file(DATA / name)
    assert report is not None and not problems
    back = _round_trip(report, RECORDS)
    assert repr(back) == repr(report)  # classes, tuples and Decimal('76.90') as they were
    assert back == report


def test_every_bundled_table_comes_back_equal() -> None:
    for folder in find_indices(tables_location()).values():
        _, tables, _ = load_tables(folder, list(folder.tables))
        for table in tables:
            back = _round_trip(table, TABLE_RECORDS)
            assert repr(back) == repr(table)
            assert back == table
            assert all(type(row.values) is Values for row in back.rows)


def test_a_table_of_its_totals_only_ranks_as_the_whole_table(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_cli.load.national as loading

    def made_again(*_: object) -> None:
        raise AssertionError("a table of totals was made again instead of served")

    make = loading._columns
    for folder in find_indices(tables_location()).values():
        _, tables, _ = load_tables(folder, list(folder.tables))
        for served in (False, True):  # made from the whole tables' entries, then its own
            monkeypatch.setattr(loading, "_columns", made_again if served else make)
            _, totals, _ = load_tables(folder, list(folder.tables), only=("total",))
            for whole, only in zip(tables, totals, strict=True):
                assert only.columns == ("total",)
                assert only == whole.only(("total",))
                assert only.basis("total") == whole.basis("total")
                assert [(row.province, row.values[0]) for row in only.rows] == [
                    (row.province, whole.value(row, "total")) for row in whole.rows]
                assert _places(only) == _places(whole)


def _places(table: NationalTable) -> tuple[list[tuple[int, bool, str, Decimal]], list[str]]:
    from cchc_cli.calc.national import rank_table

    ranking = rank_table(table)
    return ([(s.place, s.tied, s.row.province, s.value) for s in ranking.standings],
            [row.province for row in ranking.no_data])


def test_the_registry_comes_back_equal() -> None:
    entries = load().entries
    assert repr(_round_trip(entries, (Entry, Text))) == repr(entries)


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
        cache.encode({1, 2}, {})
    with pytest.raises(TypeError):  # a record of a class not named is never written
        cache.encode(Text("một", "one"), {})
    assert cache.encode((Decimal("1.50"), None), {}) == {"n": "1.50,"}
    assert cache.encode(dt.date(2024, 1, 1), {}) == {"D": "2024-01-01"}
    assert cache.encode(Values((Decimal("1.50"), None, Decimal("0.000000000"))), {}) == \
        {"v": "1.50,,0E-9"}
    assert cache.encode(Values(), {}) == {"v": None}
    assert _round_trip(Values(), ()) == ()


DAMAGED_VALUES = ["1,a,2", "NaN", "1,NaN", "sNaN", "Infinity", "-Infinity", "1e99999999",
                  "1E+99999999", "1E+1000", "1e5", "1..2", "1.2.3", "1.", ".5", "-", "--1",
                  "+1", " 1", "1 ", "1_000", "\u0663", "1\n", "1,,x"]
"""Texts the cache never writes for a row's values: some fail when first read (``1..2``),
some read as what no table holds (NaN; ``1E+99999999`` overflows the first sum), and
some ``Decimal`` takes but ``str(Decimal)`` never writes (``+1``, ``1_000``)."""


@pytest.mark.parametrize("text", DAMAGED_VALUES)
def test_values_that_are_not_numbers_are_refused_when_decoded(text: str) -> None:
    with pytest.raises(ValueError):
        cache.decode({"v": text}, {})


def test_records_of_one_class_are_stored_field_by_field() -> None:
    rows = (Row("ha-giang", "P02", "Ha Giang", Values((Decimal("43.73"), None)), 3),
            Row("cao-bang", "P03", "Cao Bang", Values((Decimal("41.33"),)), 4))
    named: dict[str, type[Record]] = {"Row": Row}
    assert cache.encode(rows, named) == {"R": [
        "Row", ["ha-giang", "cao-bang"], ["P02", "P03"], ["Ha Giang", "Cao Bang"],
        {"V": ["43.73,", "41.33"]}, [3, 4]]}
    back = _round_trip(rows, (Row,))
    assert back == rows and repr(back) == repr(rows)


DAMAGED_RECORDS = [
    ["Row", ["a", "b"], ["P1", "P2"], ["A", "B"], {"V": ["1", "2"]}, [1]],  # a column short
    ["Row", ["a"], ["P1"], ["A"], {"V": ["1"]}],  # a field missing
    ["Row", [{"d": "1"}], ["P1"], ["A"], {"V": ["1"]}, [1]],  # not plain in a plain column
    ["Row", ["a"], ["P1"], ["A"], {"V": ["1..2"]}, [1]],  # values that are not numbers
    ["Row", ["a"], ["P1"], ["A"], {"V": "1"}, [1]],  # a column that is not a list
    ["Row", ["a"], ["P1"], ["A"], {"X": ["1"]}, [1]],  # an unknown column tag
]


@pytest.mark.parametrize("body", DAMAGED_RECORDS)
def test_damaged_records_are_refused_when_decoded(body: list[object]) -> None:
    with pytest.raises(ValueError):
        cache.decode({"R": body}, {"Row": Row})


def test_an_entry_with_damaged_values_misses(tmp_path: Path) -> None:
    """Even with its hash made to match: the values are checked before the entry is used,
    not when a number is first read."""
    store, inputs = _store(tmp_path)
    row = Row("ha-giang", "P02", "Ha Giang", Values((Decimal("42.5"), None)), 3)
    store.put("table", inputs, row, (Row,))
    assert store.get("table", inputs, (Row,)) == row
    (path,) = [e for e in Path(f"/proc/self/fd/{store.folder}").iterdir()
               if not e.name.startswith(".")]
    head, body = path.read_bytes().split(b"\n", 1)
    assert b'{"v":"42.5,"}' in body
    for text in DAMAGED_VALUES:
        damaged = body.replace(b'"42.5,"', json.dumps(text).encode())
        key = json.loads(head)
        key["value"] = cache._digest(damaged)
        path.write_bytes(json.dumps(key, separators=(",", ":")).encode() + b"\n" + damaged)
        assert store.get("table", inputs, (Row,)) is cache.MISS, text


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
    store.put("report", inputs, Text("một", "one"), (Text,))
    assert store.get("report", inputs, (Text,)) == Text("một", "one")
    assert store.get("report", inputs, ()) is cache.MISS


def test_a_record_of_another_class_of_the_same_name_is_not_stored(tmp_path: Path) -> None:
    from cchc_cli.views.page import Note as PageNote

    store, inputs = _store(tmp_path)
    NoteAlike = type("Note", (Record,), {"__annotations__": {"text": "str"}})
    store.put("report", inputs, NoteAlike("x"), (PageNote,))
    assert store.get("report", inputs, (PageNote,)) is cache.MISS


def test_other_bytes_with_the_same_status_miss(tmp_path: Path) -> None:
    """The content hash alone tells a same-size save in the same clock tick apart."""
    store, (read,) = _store(tmp_path)
    store.put("report", [read], Text("cũ", "old"), (Text,))
    assert store.get("report", [read], (Text,)) == Text("cũ", "old")
    changed = read._replace(data=read.data.replace(b"1818", b"1819"))
    assert changed.data != read.data and changed.info is read.info
    assert store.get("report", [changed], (Text,)) is cache.MISS


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_a_damaged_entry_misses_or_serves_the_value_stored(
        tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    store, inputs = _store(tmp_path_factory.mktemp("damaged"))
    report, _ = load_file(inputs[0].path)
    store.put("report", inputs, report, RECORDS)
    (path,) = [e for e in Path(f"/proc/self/fd/{store.folder}").iterdir()
               if not e.name.startswith(".")]
    raw = bytearray(path.read_bytes())
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, 1 << 20)) % len(raw)
        raw[where] = data.draw(st.integers(0, 255))
    path.write_bytes(bytes(raw))
    served = store.get("report", inputs, RECORDS)
    assert served is cache.MISS or repr(served) == repr(report)


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
