"""A page of text output, independent of how it is drawn.

Views build a ``Page`` of headings, tables, key-value blocks, bar charts and
notes; the Rich and Markdown renderers draw it. Cells are already-formatted
strings, so every renderer shows the same numbers.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli.record import Record


class Styled(Record):
    """Text with a semantic style: good, bad, muted, strong, warning, error."""

    text: str
    style: str


class Number(Record):
    """A number as printed (``text``) with the value behind it, for spreadsheets.

    ``prefix`` and ``suffix`` are the words around the number in ``text``
    (``VND `` and `` billion``), without the qualifier mark; ``percent`` says the
    value is a percentage (96.9 for 96.9%).
    """

    text: str
    value: Decimal
    decimals: int
    qualifier: str = "exact"
    percent: bool = False
    prefix: str = ""
    suffix: str = ""
    style: str = "number"


Cell = str | Styled | Number


def plain(cell: Cell) -> str:
    """The text of a cell, without its style."""
    return cell if isinstance(cell, str) else cell.text


def style_of(cell: Cell) -> str:
    """The semantic style of a cell ("" for plain text)."""
    return "" if isinstance(cell, str) else cell.style


class Column(Record):
    """A table column; numeric columns are right-aligned and never wrapped."""

    header: str
    numeric: bool = False
    nowrap: bool = False
    """Never wrapped, though not a number (a verdict such as "▲ better")."""


class Table(Record):
    """A titled table of formatted cells."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""


class Heading(Record):
    """A page or section heading."""

    text: str
    level: int = 1


class Pairs(Record):
    """Labelled values, one per line (a figure in full, a headline)."""

    title: str
    items: tuple[tuple[str, Cell], ...]


class Bar(Record):
    """One bar: a label, the share of the bar to fill (0 to 1) and its caption."""

    label: str
    fraction: float
    caption: str
    style: str = "strong"
    mark: float | None = None
    """Where a mark (a target) falls on the same scale as ``fraction``."""
    mark_label: str = ""


class Chart(Record):
    """A bar chart; ``stacked`` draws the bars as segments of one bar."""

    title: str
    bars: tuple[Bar, ...]
    stacked: bool = False
    reference: float | None = None
    """Where a line across every bar falls (100% of plan on a scale above it)."""
    reference_label: str = ""
    document_only: bool = False
    """Drawn in documents (HTML) only: a whole field of 63 bars is too long for a
    terminal, which has the same numbers in the table above it."""


class Note(Record):
    """A line of text; ``literal`` lines are never wrapped (``file:line:`` messages)."""

    text: str
    style: str = "muted"
    literal: bool = False
    role: str = ""
    """``source`` for a line naming a source (a document lists these in its footer)."""


Block = Heading | Table | Pairs | Chart | Note
Page = list[Block]
