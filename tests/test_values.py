"""A row's ``Values``: the tuple it replaces in every way a caller can see, parsed only
where read.

Built from Decimals (as the parsers build it) or from text (as the cache does), it must
compare, hash, index, slice and print as the tuple; and a trend served from the cache
must parse the few numbers it reads, not every number of every table.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_cli import cache, national
from cchc_cli.load.national import find_indices, load_tables, tables_location
from cchc_cli.national import Values
from tests.conftest import run

NUMBERS = st.one_of(
    st.none(),
    st.builds(lambda digits, exponent: Decimal(digits).scaleb(exponent),
              st.integers(-10**12, 10**12), st.integers(-12, 4)),
    st.sampled_from([Decimal("-0"), Decimal("0.000000000"), Decimal("1E+3"),
                     Decimal("42.319468438"), Decimal("-0.50")]))
"""What a row holds: None, or a Decimal as a file or a sum makes it (``0E-9`` included)."""


def _text(items: list[Decimal | None]) -> str:
    return ",".join("" if v is None else str(v) for v in items)


def _both(items: list[Decimal | None]) -> list[Values]:
    """``items`` as Values built eagerly and, where there is text for them, from text."""
    return [Values(items), *([Values.from_text(_text(items))] if items else [])]


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Callable[[], int]:
    """How many numbers ``Values`` has turned from text into Decimals since the start."""
    count = [0]

    def counted(text: str) -> Decimal:
        count[0] += 1
        return Decimal(text)

    monkeypatch.setattr(national, "Decimal", counted)
    return lambda: count[0]


@given(st.lists(NUMBERS, max_size=40), st.data())
def test_values_are_the_tuple_they_stand_for(items: list[Decimal | None],
                                             data: st.DataObject) -> None:
    expected = tuple(items)
    for values in _both(items):
        first = data.draw(st.integers(-len(items), len(items) - 1)) if items else None
        if first is not None:  # read one first: the rest are still text
            assert values[first] == expected[first]
        assert len(values) == len(expected)
        assert [values[i] for i in range(-len(items), len(items))] == \
            [expected[i] for i in range(-len(items), len(items))]
        for part in (data.draw(st.slices(len(items) + 2)), slice(None, None, -1)):
            assert values[part] == expected[part]
            assert type(values[part]) is tuple
        assert list(values) == items
        assert values == expected and expected == values
        assert not values != expected and not expected != values  # noqa: SIM202
        assert hash(values) == hash(expected)
        assert repr(values) == repr(expected)
    eager, *lazy = _both(items)
    assert all(eager == other for other in lazy)
    if items:
        changed = (*items[:-1], Decimal(1) if items[-1] is None else None)
        assert Values(items) != changed and changed != Values(items)


@given(st.lists(NUMBERS, max_size=40))
def test_values_come_back_from_the_cache_equal(items: list[Decimal | None]) -> None:
    for values in _both(items):
        back = cache.decode(json.loads(json.dumps(cache.encode(values, {}))), {})
        assert type(back) is Values
        assert back == tuple(items)
        assert repr(back) == repr(tuple(items))  # Decimal('1.50') stays 1.50, 0E-9 stays


def test_an_index_past_the_end_is_an_index_error() -> None:
    for values in _both([Decimal("1.5"), None]):
        with pytest.raises(IndexError):
            values[2]
        with pytest.raises(IndexError):
            values[-3]


def test_values_are_not_a_list_and_do_not_change() -> None:
    values = Values.from_text("1.5,,2")
    assert values != [Decimal("1.5"), None, Decimal(2)]
    assert values != "1.5,,2"
    with pytest.raises(TypeError):
        values[0] = Decimal(1)  # type: ignore[index]
    with pytest.raises(AttributeError):
        values.extra = 1  # type: ignore[attr-defined]


def test_values_from_text_are_parsed_once_each_and_only_when_read(
        parses: Callable[[], int]) -> None:
    values = Values.from_text("1.50,,2,0E-9")
    assert values[0] == Decimal("1.50") and values[0] == Decimal("1.5")
    assert parses() == 1
    assert cache.encode(values, {}) == {"v": "1.50,,2,0E-9"}  # encoding parses nothing
    assert parses() == 1
    assert values == (Decimal("1.50"), None, Decimal(2), Decimal(0))
    assert parses() == 3  # 2 and 0E-9; the empty cell is None without a parse


def test_a_ranking_from_the_cache_parses_only_the_values_it_reads(
        parses: Callable[[], int]) -> None:
    """A ranking reads each row's total and its eight dimensions: 9 of the 37 values of a
    PAPI 2024 row, for the 61 rows with data (63 totals are read to rank them)."""
    args = ("rank", "papi", "--year", "2024", "--json")
    first = run(*args)  # fills the cache, if no test did before
    assert first.exit_code == 0, first.stderr
    before = parses()
    served = run(*args)
    read = parses() - before
    assert served.stdout == first.stdout
    folder = find_indices(tables_location())["papi"]
    _, (table,), _ = load_tables(folder, [f for f in folder.tables if f.period.key == "2024"])
    values = sum(len(row.values) for row in table.rows)
    assert values == 63 * 37
    assert 0 < read <= 63 * 9  # 0 would mean the table did not come from the cache
