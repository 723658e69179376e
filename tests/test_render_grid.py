"""The table drawer draws what Rich's own table draws, character for character.

``rich_page.Grid`` replaces ``rich.table.Table`` for speed. Here both draw the
same random tables, at their decided widths, with and without colour, on a
terminal and into a file, and the bytes must be the same.
"""

from __future__ import annotations

import io
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from cchc_cli.render import rich_page
from cchc_cli.views.page import Column, Number, Styled, Table

WORDS = st.text(alphabet="abcdeđơ ứ好工 -–\u0301\u0300\n\xa0\u200d🏽", min_size=0, max_size=30)
STYLES = st.sampled_from(["", "good", "bad", "muted", "strong", "number", "warning"])


def rich_table(table: Table, widths: list[int]) -> RenderableType:
    """How the page's tables were drawn before: Rich's table with fixed widths."""
    drawn = RichTable(box=box.SIMPLE_HEAD, show_edge=False, caption=table.caption or None,
                      caption_justify="left")
    for column, size in zip(table.columns, widths, strict=True):
        drawn.add_column(column.header, width=size, justify="right" if column.numeric
                         else "left", no_wrap=column.numeric or column.nowrap,
                         overflow="fold")
    for row in table.rows:
        drawn.add_row(*(rich_page._text(cell) for cell in row))
    if not table.title:
        return drawn
    return Group(Text(table.title, style="bold"), drawn)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    count = draw(st.integers(1, 4))
    columns = tuple(Column(draw(WORDS), numeric=draw(st.booleans()), nowrap=draw(st.booleans()))
                    for _ in range(count))
    cell = st.one_of(WORDS, st.builds(Styled, WORDS, STYLES),
                     st.builds(lambda n: Number(n, Decimal(0), 0),
                               st.from_regex(r"\A[≥≈]?[0-9][0-9,.]{0,8}%?\Z")))
    rows = tuple(tuple(draw(cell) for _ in range(count)) for _ in range(draw(st.integers(0, 5))))
    return Table(draw(WORDS), columns, rows, draw(st.sampled_from(["", "A caption", "Nguồn: "
                                                                  "báo Hà Giang, 1/1/2024"])))


def drawn(renderable: RenderableType, width: int, color: bool, terminal: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, color_system="standard" if color else None,
                      force_terminal=terminal, highlight=False, emoji=False, markup=False,
                      no_color=not color)
    console.print(renderable)
    return out.getvalue()


@settings(max_examples=400, deadline=None)
@given(table=tables(), width=st.integers(20, 120), color=st.booleans(), terminal=st.booleans())
def test_the_grid_draws_what_rich_draws(table: Table, width: int, color: bool,
                                        terminal: bool) -> None:
    widths = rich_page.column_widths(table, width)
    if widths is None:  # drawn stacked, not as a table
        return
    ours = drawn(rich_page.renderable(table, width, widths), width, color, terminal)
    assert ours == drawn(rich_table(table, widths), width, color, terminal)


def test_a_wrapped_row_keeps_its_columns_and_the_header_its_rule() -> None:
    figure = "Procedures reviewed and simplified this year"
    table = Table("", (Column("Figure"), Column("Value", numeric=True)),
                  ((figure, Number("256", Decimal(256), 0)),), "Source: Báo Hà Giang")
    lines = drawn(rich_page.renderable(table, 30), 30, False, False).splitlines()
    # 30 columns: "Value" and 256 take 5, the rest 20 (30 - 5 - two spaces of padding
    # each - one between), so the figure wraps after "reviewed" and "this".
    assert lines == [" Figure                 Value ",
                     "──────────────────────────────",
                     " Procedures reviewed      256 ",
                     " and simplified this          ",
                     " year                         ",
                     "Source: Báo Hà Giang          "]
