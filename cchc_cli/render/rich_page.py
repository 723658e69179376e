"""Draw a ``Page`` with Rich, at any width, without ever cutting a number.

Rich shrinks columns to fit and, as a last resort, truncates them. Here the
widths are decided first: numeric columns get their full width, text columns
at least their longest word, and the spare room goes to text. When even that
does not fit, the table is drawn stacked: one block of "header: value" lines
per row. This is the one module that draws a page with Rich (render/output.py
builds the console; portal/run.py draws a progress bar). Tables are drawn by ``Grid``,
which draws what Rich's own table would, faster.
"""

from __future__ import annotations

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, JustifyMethod, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from cchc_cli.bars import REFERENCE, SEGMENTS, TARGET, bar, marked, stacked
from cchc_cli.views.page import (
    Block,
    Cell,
    Chart,
    Column,
    Heading,
    Note,
    Page,
    Pairs,
    Table,
    plain,
    style_of,
)

STYLES = {
    "good": "green",
    "bad": "red",
    "muted": "dim",
    "strong": "bold",
    "number": "cyan",
    "warning": "yellow",
    "error": "bold red",
}
_PADDING = 2  # one space each side of a cell
_MIN_TEXT = 16
"""Narrowest a text column may become (or its longest cell, if shorter); narrower than
that, a phrase reads a word or two per line, and the table is drawn stacked instead."""


def _text(cell: Cell) -> Text:
    return Text(plain(cell), style=STYLES.get(style_of(cell), ""))


def _longest_word(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def column_widths(table: Table, width: int) -> list[int] | None:
    """Content widths for each column so that no number is cut, or None if none fit."""
    count = len(table.columns)
    overhead = count * _PADDING + (count - 1)
    minimum, natural = [], []
    for position, column in enumerate(table.columns):
        cells = [plain(row[position]) for row in table.rows]
        longest = max((cell_len(c) for c in cells), default=0)
        header_word = _longest_word(column.header)
        if column.numeric or column.nowrap:  # never wrapped, header included
            need = max(longest, cell_len(column.header))
        else:
            words = max((_longest_word(c) for c in cells), default=0)
            need = max(words, header_word, min(_MIN_TEXT, longest),
                       min(cell_len(column.header), _MIN_TEXT))
        minimum.append(need)
        natural.append(max(need, longest, cell_len(column.header)))
    spare = width - overhead - sum(minimum)
    if spare < 0:
        return None
    widths = list(minimum)
    wants = [n - m for n, m in zip(natural, minimum, strict=True)]
    total_want = sum(wants)
    if total_want:
        for position, want in enumerate(wants):
            widths[position] += min(want, spare * want // total_want)
        leftover = spare - sum(w - m for w, m in zip(widths, minimum, strict=True))
        for position in sorted(range(count), key=lambda p: -wants[p]):
            extra = min(leftover, natural[position] - widths[position])
            widths[position] += extra
            leftover -= extra
    return widths


def _table(table: Table, width: int, widths: list[int] | None) -> RenderableType:
    if widths is None:
        return _stacked(table)
    grid = Grid(table, widths)
    if not table.title:
        return grid
    return Group(Text(table.title, style="bold"), grid)


class Grid:
    """A table drawn with its column widths already decided (see ``column_widths``).

    It draws what a Rich table with ``box.SIMPLE_HEAD``, no edge, a caption on
    the left and these fixed column widths draws, character for character and
    style for style, without Rich's layout and padding passes over every cell,
    which cost most of a summary's run (Rich still draws a cell with a wide,
    joining or combining character). ``tests/test_render_grid.py`` holds the two
    to the same output. Only an SVG's id differs: Rich makes it from the segments.
    """

    def __init__(self, table: Table, widths: list[int]) -> None:
        self.table = table
        self.widths = widths

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table, widths = self.table, self.widths
        frame = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        header = (console.get_style("table.header"), [Text(c.header) for c in table.columns])
        rows = [header, *((None, [_text(cell) for cell in row]) for row in table.rows)]
        plain = console.color_system is None and not console.record  # styles drawn as nothing
        for position, (style, cells) in enumerate(rows):
            drawn = [_cell_lines(console, options, text, size, column, style=style)
                     for text, size, column in zip(cells, widths, table.columns, strict=True)]
            for line in _row(drawn, widths, style, Segment(frame.head_vertical),
                             bottom=position == 0):
                if plain:  # one segment a line: what the console writes is the same
                    yield Segment("".join(segment.text for segment in line))
                else:
                    yield from line
                yield Segment.line()
            if position == 0:
                yield Segment(frame.get_row([w + _PADDING for w in widths], "head", edge=False))
                yield Segment.line()
        if table.caption:
            table_width = sum(widths) + _PADDING * len(widths) + len(widths) - 1
            yield from console.render(
                Text(table.caption, style="table.caption"),
                options.update(width=table_width, justify="left", highlight=False, height=None))


def _cell_lines(console: Console, options: ConsoleOptions, text: Text, width: int,
                column: Column, *, style: Style | None) -> list[list[Segment]]:
    """One cell as lines of segments: wrapped (unless it never wraps) to ``width``, a space
    each side, all in ``style`` (the header's) when given."""
    pad = Segment(" ")
    lines: list[list[Segment]] = []
    if width < 1:  # no room to draw anything
        return lines
    justify: JustifyMethod = "right" if column.numeric else "left"
    no_wrap = column.numeric or column.nowrap
    if not _one_cell_each(text.plain):  # wide, joining or combining: drawn as Rich does
        return console.render_lines(Padding(text, (0, 1)), options.update(
            width=width + _PADDING, justify=justify, no_wrap=no_wrap, overflow="fold",
            height=None, highlight=False), style=style)
    one = _one_line(console, text, width, justify)
    if one is not None:
        segments = [pad, one, pad]
        return [list(Segment.apply_style(segments, style)) if style else segments]
    for wrapped in text.wrap(console, width, justify=justify, overflow="fold", no_wrap=no_wrap):
        # as Rich draws a cell: its lines joined into one text, each line's style a span
        line = Text("\n").join((wrapped,)) if wrapped.style else wrapped
        segments = [pad, *Segment.adjust_line_length(list(line.render(console)), width), pad]
        lines.append(list(Segment.apply_style(segments, style)) if style else segments)
    return lines


_ONE_CELL: dict[str, bool] = {}
"""Whether a character takes one cell, for each character seen (a bar has a dozen)."""


def _one_cell_each(plain: str) -> bool:
    """Whether every character of ``plain`` takes one cell (as all of Vietnamese does)."""
    if plain.isascii():
        return True
    for char in set(plain):
        known = _ONE_CELL.get(char)
        if known is None:
            known = _ONE_CELL[char] = cell_len(char) == 1
        if not known:
            return False
    return True


def _one_line(console: Console, text: Text, width: int, justify: JustifyMethod
              ) -> Segment | None:
    """A plain one-line cell that fits ``width`` as the one segment ``Text.wrap`` would give
    it (most cells are: a number, a name), or None for any other cell."""
    plain = text.plain
    if text.spans or "\n" in plain or "\t" in plain:
        return None
    if justify == "right":  # Rich strips trailing spaces before it right-justifies
        plain = plain.rstrip()
    room = width - cell_len(plain)
    if room < 0:
        return None
    padded = plain + " " * room if justify == "left" else " " * room + plain
    return Segment(padded, console.get_style(text.style) if text.style else None)


def _row(drawn: list[list[list[Segment]]], widths: list[int], style: Style | None,
         divider: Segment, bottom: bool) -> list[list[Segment]]:
    """The lines of one row: every cell as tall as the tallest, blank lines added below
    (above, for the header); a row with no line at all (each of its cells in a column
    of no width) is one unstyled blank line, as Rich draws it."""
    height = max(len(lines) for lines in drawn)
    for lines, size in zip(drawn, widths, strict=True):
        blank = [Segment(" " * (size + _PADDING), style if height else None)]
        missing = [blank] * (max(height, 1) - len(lines))
        lines[:] = missing + lines if bottom else lines + missing
    rows = []
    for line in range(max(height, 1)):
        row = list(drawn[0][line])
        for lines in drawn[1:]:
            row.append(divider)
            row += lines[line]
        rows.append(row)
    return rows


def _stacked(table: Table) -> RenderableType:
    """One block per row: the first cell, then "header: value" lines."""
    parts: list[RenderableType] = []
    if table.title:
        parts.append(Text(table.title, style="bold"))
    for row in table.rows:
        parts.append(Text(""))
        first = _text(row[0])
        first.stylize("bold")
        parts.append(first)
        for column, cell in zip(table.columns[1:], row[1:], strict=True):
            if plain(cell):
                label = f"{column.header}: " if column.header else ""
                line = Text.assemble((label, "dim"), _text(cell))
                parts.append(Padding(line, (0, 0, 0, 2), expand=False))
    if table.caption:
        parts.append(Text(table.caption, style="dim"))
    return Group(*parts)


def _pairs(pairs: Pairs) -> RenderableType:
    parts: list[RenderableType] = [Text(pairs.title, style="bold underline")] if pairs.title else []
    for key, value in pairs.items:
        parts.append(Text.assemble((f"{key}: ", "bold"), _text(value)))
    return Group(*parts)


def _chart(chart: Chart, width: int) -> RenderableType:
    parts: list[RenderableType] = [Text(chart.title, style="bold")]
    if chart.stacked:
        size = max(min(width - 2, 50), 10)
        pieces = stacked([b.fraction for b in chart.bars], size)
        line = Text()
        for piece, item in zip(pieces, chart.bars, strict=True):
            line.append(piece, style=STYLES.get(item.style, ""))
        parts.append(line)
        for position, item in enumerate(chart.bars):
            mark = SEGMENTS[position % len(SEGMENTS)]
            parts.append(Text.assemble((mark, STYLES.get(item.style, "")),
                                       f" {item.label}: {item.caption}"))
        return Group(*parts)
    if chart.reference is not None:
        return _marked_chart(chart, width, parts)
    label_width = max((cell_len(b.label) for b in chart.bars), default=0)
    caption_width = max((cell_len(b.caption) for b in chart.bars), default=0)
    size = min(30, width - label_width - caption_width - 4)
    for item in chart.bars:
        style = STYLES.get(item.style, "")
        if size >= 10:
            parts.append(Text.assemble(item.label.ljust(label_width) + "  ",
                                       (bar(item.fraction, size), style), f"  {item.caption}"))
        else:  # too narrow for a bar beside its label: put it underneath
            parts.append(Text(item.label))
            parts.append(Text.assemble((bar(item.fraction, max(width - 2, 10) // 2), style),
                                       f" {item.caption}"))
    return Group(*parts)


def _marked_chart(chart: Chart, width: int, parts: list[RenderableType]) -> RenderableType:
    """Bars against plan, each under its label: 100% of plan and any target marked on it."""
    size = max(min(width - 2, 50), 10)
    for item in chart.bars:
        marks = [(chart.reference or 1.0, REFERENCE)] if (chart.reference or 1) < 1 else []
        if item.mark is not None:
            marks.append((item.mark, TARGET))
        parts.append(Text(item.label))
        parts.append(Text.assemble((marked(item.fraction, size, marks), STYLES.get(item.style, "")),
                                   f" {item.caption}"))
    legend = [f"{TARGET} {b.mark_label}" for b in chart.bars if b.mark is not None]
    if chart.reference is not None and chart.reference < 1:
        legend.insert(0, f"{REFERENCE} {chart.reference_label}")
    if legend:
        parts.append(Text("; ".join(dict.fromkeys(legend)), style="dim"))
    return Group(*parts)


def renderable(block: Block, width: int, widths: list[int] | None = None) -> RenderableType:
    """The Rich renderable for one block (``widths``: column widths for a table)."""
    if isinstance(block, Table):
        return _table(block, width, column_widths(block, width) if widths is None else widths)
    if isinstance(block, Pairs):
        return _pairs(block)
    if isinstance(block, Chart):
        return _chart(block, width)
    if isinstance(block, Heading):
        return Text(block.text, style="bold underline" if block.level == 1 else "bold")
    assert isinstance(block, Note)
    return Text(block.text, style=STYLES.get(block.style, ""))


def shared_widths(page: Page, width: int) -> dict[int, list[int] | None]:
    """Column widths for tables with the same columns, so they line up one under another;
    when one table of the page must be stacked, every table is (``None``)."""
    groups: dict[tuple[str, ...], list[int]] = {}
    for position, block in enumerate(page):
        if isinstance(block, Table):
            groups.setdefault(tuple(c.header for c in block.columns), []).append(position)
    widths: dict[int, list[int] | None] = {}
    for positions in groups.values():
        tables = [page[p] for p in positions]
        first = tables[0]
        assert isinstance(first, Table)
        rows = tuple(row for table in tables if isinstance(table, Table) for row in table.rows)
        merged = column_widths(first._replace(rows=rows), width)
        widths.update(dict.fromkeys(positions, merged))
    if any(found is None for found in widths.values()):  # one layout for the whole page
        widths = dict.fromkeys(widths)
    return widths


def print_page(page: Page, console: Console) -> None:
    """Print every block of ``page``, separated by blank lines."""
    page = [block for block in page if not (isinstance(block, Chart) and block.document_only)]
    width = console.width  # worked out from the terminal and the environment at each ask
    widths = shared_widths(page, width)
    for position, block in enumerate(page):
        follows_note = isinstance(block, Note) and isinstance(page[position - 1], Note)
        if position and not follows_note:
            console.print()
        if isinstance(block, Table) and position in widths:
            console.print(_table(block, width, widths[position]))
        elif isinstance(block, Note) and block.literal:
            console.print(renderable(block, width), soft_wrap=True)
        else:
            console.print(renderable(block, width))
