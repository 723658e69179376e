"""National tables: one index, one period, every province, as typed objects.

A national table is what an index publishes for all provinces at once: a
total score per province, its component scores, and whatever the source
states beside them (a rank, a change). The index itself (its name, its
measures and their maxima, its methodology versions) is described once per
index and shared by all its tables. ``docs/data-format.md`` describes the
files these objects are read from.

Every number is a ``Decimal`` built from the file's text; an empty cell is
``None``, "no data", never zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Literal, overload

from cchc_cli.model import Text
from cchc_cli.periods import Period
from cchc_cli.record import Record

TABLE_FORMAT = "cchc-table/1"
INDEX_FORMAT = "cchc-index/1"

MeasureKind = Literal["total", "dimension", "sub"]
MEASURE_KINDS: tuple[MeasureKind, ...] = ("total", "dimension", "sub")

STATED_EXTRAS = ("rank", "change")
"""Columns a source may state beside the scores: its own rank, its own change."""

KEY_COLUMNS = ("province", "source_key", "source_name")
"""The first three columns of every table: the registry id, and the row as the source names it."""


class Measure(Record):
    """One score of an index: the total, a dimension (a group) or a sub-dimension."""

    code: str
    kind: MeasureKind
    parent: str | None
    """The dimension a sub-dimension belongs to (``C01``); ``total`` for a dimension."""
    max: Decimal | None
    """The most points; None where no source states it."""
    label: Text
    note: str | None = None


class Method(Record):
    """One methodology version of an index: which measures it has and their maxima."""

    id: str
    measures: tuple[Measure, ...]
    note: str | None = None

    def measure(self, code: str) -> Measure | None:
        """The measure called ``code`` (``total``, ``C01``, ``SC11``), or None."""
        for measure in self.measures:
            if measure.code == code:
                return measure
        return None

    @property
    def total(self) -> Measure:
        """The total score."""
        return next(m for m in self.measures if m.kind == "total")

    @property
    def dimensions(self) -> tuple[Measure, ...]:
        """The dimensions (component groups), in order."""
        return tuple(m for m in self.measures if m.kind == "dimension")

    def subs(self, dimension: str) -> tuple[Measure, ...]:
        """The sub-dimensions of ``dimension``."""
        return tuple(m for m in self.measures if m.kind == "sub" and m.parent == dimension)

    def bound(self, code: str) -> Decimal | None:
        """The most the measure ``code`` can score: its own maximum, else its dimension's;
        None for a measure without either (or not of this method)."""
        measure = self.measure(code)
        if measure is None:
            return None
        if measure.max is not None or measure.parent is None:
            return measure.max
        return self.bound(measure.parent)


class IndexInfo(Record):
    """An index that scores every province: its names and methodology versions."""

    id: str
    name: Text
    short: str
    """A short name for headings: ``PAPI``, ``Chỉ số 766``."""
    publisher: str
    decimals: int
    """The decimals the index publishes its scores with (PAPI: 2)."""
    methods: tuple[Method, ...]
    path: str
    note: str | None = None

    def method(self, method_id: str) -> Method | None:
        """The methodology version ``method_id``, or None."""
        for method in self.methods:
            if method.id == method_id:
                return method
        return None


class TableSource(Record):
    """Where a table's numbers come from."""

    publisher: str
    title: str
    url: str | None = None
    transcription: str | None = None
    """Who transcribed the numbers, where the published form was not read directly."""
    file: str | None = None
    """The name of the original file the table was built from."""
    sha256: str | None = None
    """The SHA-256 of that file (for a captured response, the capture as saved)."""
    captured: str | None = None
    """When the source was captured: ``2026-10-10`` or ``2026-09-17T10:40:19``."""


class Derivation(Record):
    """A derived column: the sum of other columns of the same row."""

    column: str
    parts: tuple[str, ...]

    @property
    def formula(self) -> str:
        """``sum C01 C02 …``: the derivation as the file writes it."""
        return "sum " + " ".join(self.parts)


class Values(Sequence[Decimal | None]):
    """A row's values, as immutable as a tuple and equal to one, each parsed when first read.

    A table's numbers come back from the cache as text, and a trend over the
    fourteen PAPI tables reads one value of a row's 37 (its total): turning
    all 29,000 into ``Decimal`` as the tables are decoded was most of what
    decoding them cost. So each value is parsed the first time it is read,
    and kept.

    As a sequence it is the tuple it stands for: its length, items, slices
    (tuples), iteration, equality (with a tuple, either way round), hash and
    ``repr`` are the tuple's. It is not a ``tuple``, though: it cannot be
    added to one or ordered. The text it is made from must be numbers as
    ``str(Decimal)`` writes them, or empty for None (the cache checks it
    before it builds one).
    """

    __slots__ = ("_items",)

    def __init__(self, values: Iterable[Decimal | None] = ()) -> None:
        self._items: list[Decimal | str | None] = list(values)
        """The values; a ``str`` is one not read yet (``""`` is None)."""

    @classmethod
    def from_text(cls, text: str) -> Values:
        """The values written as ``text`` (``1.50,,2``: one or more, comma-separated), each
        parsed when first read."""
        made = cls.__new__(cls)
        made._items = [*text.split(",")]
        return made

    @overload
    def __getitem__(self, index: int) -> Decimal | None: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Decimal | None, ...]: ...

    def __getitem__(self, index: int | slice) -> Decimal | tuple[Decimal | None, ...] | None:
        if isinstance(index, slice):
            return tuple(self._read())[index]
        value = self._items[index]
        if type(value) is str:
            value = self._items[index] = Decimal(value) if value else None
        return value  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Decimal | None]:
        return iter(self._read())

    def _read(self) -> list[Decimal | None]:
        """Every value, parsing those not read yet."""
        items = self._items
        for position, value in enumerate(items):
            if type(value) is str:
                items[position] = Decimal(value) if value else None
        return items  # type: ignore[return-value]

    def texts(self) -> Iterator[str]:
        """Each value as text (``""`` for None), without parsing any that is not read yet."""
        for value in self._items:
            yield value if type(value) is str else "" if value is None else str(value)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Values):
            return self._read() == other._read()
        if isinstance(other, tuple):
            return tuple(self._read()) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self._read()))

    def __repr__(self) -> str:
        return repr(tuple(self._read()))


class Row(Record):
    """One province in a table."""

    province: str
    """The registry id (``ha-giang``)."""
    source_key: str
    """The source's own key for the row (``P02``, ``H20``)."""
    source_name: str
    """The name as the source writes it (``Ha Giang``, ``UBND tỉnh Đồng Tháp``)."""
    values: Values
    """One per value column of the table, in order; None is "no data"."""
    line: int


class NationalTable(Record):
    """One index in one period for many provinces, with its provenance."""

    index: IndexInfo
    method: Method
    period: Period
    source: TableSource
    columns: tuple[str, ...]
    """The value columns, in file order (measure codes, then ``rank``, ``change``)."""
    derived: tuple[Derivation, ...]
    rows: tuple[Row, ...]
    path: str
    notes: tuple[str, ...] = ()

    def position(self, column: str) -> int | None:
        """Where ``column`` is among the value columns, or None."""
        try:
            return self.columns.index(column)
        except ValueError:
            return None

    def value(self, row: Row, column: str) -> Decimal | None:
        """``row``'s value in ``column``; None for no data or a column the table lacks."""
        position = self.position(column)
        return None if position is None else row.values[position]

    def row(self, province: str) -> Row | None:
        """The row of the province with registry id ``province``, or None."""
        for row in self.rows:
            if row.province == province:
                return row
        return None

    def derivation(self, column: str) -> Derivation | None:
        """How ``column`` is derived, or None for a stated column."""
        for derivation in self.derived:
            if derivation.column == column:
                return derivation
        return None

    def basis(self, column: str) -> str:
        """``derived`` or ``stated``."""
        return "derived" if self.derivation(column) else "stated"

    def measures(self) -> tuple[Measure, ...]:
        """The measures of the method that this table has columns for, in method order."""
        return tuple(m for m in self.method.measures if m.code in self.columns)

    def only(self, columns: tuple[str, ...]) -> NationalTable:
        """The table with just ``columns`` (those it has, in its own order), every row kept.

        A command that reads one column of many tables (a trend reads each
        total) loads this much smaller table. A kept column's derivation stays,
        so it is still said to be derived, though its parts are left out: it is
        a table to read, not one to write or check.
        """
        kept = [p for p, column in enumerate(self.columns) if column in columns]
        return self._replace(
            columns=tuple(self.columns[p] for p in kept),
            derived=tuple(d for d in self.derived if d.column in columns),
            rows=tuple(row._replace(values=Values([row.values[p] for p in kept]))
                       for row in self.rows))
