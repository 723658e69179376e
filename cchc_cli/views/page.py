"""A page of text output, independent of how it is drawn.

Views build a ``Page`` of headings, tables, key-value blocks, bar charts and
notes; the Rich and Markdown renderers draw it. Cells are already-formatted
strings, so every renderer shows the same numbers.
"""

from __future__ import annotations

from cchc_cli.record import Record


class Styled(Record):
    """Text with a semantic style: good, bad, muted, strong, warning, error."""

    text: str
    style: str


Cell = str | Styled


def plain(cell: Cell) -> str:
    """The text of a cell, without its style."""
    return cell.text if isinstance(cell, Styled) else cell


class Column(Record):
    """A table column; numeric columns are right-aligned and never wrapped."""

    header: str
    numeric: bool = False


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


class Chart(Record):
    """A bar chart; ``stacked`` draws the bars as segments of one bar."""

    title: str
    bars: tuple[Bar, ...]
    stacked: bool = False


class Note(Record):
    """A line of text; ``literal`` lines are never wrapped (``file:line:`` messages)."""

    text: str
    style: str = "muted"
    literal: bool = False


Block = Heading | Table | Pairs | Chart | Note
Page = list[Block]
