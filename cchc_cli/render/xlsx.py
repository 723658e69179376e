"""A page as an Excel workbook: one sheet per table, numbers kept as numbers.

A number cell is written as its value, with a number format that shows it as
the table prints it (its decimals, ``%`` for a percentage, the words around it),
and its qualifier in a column of its own. The header row is frozen, widths fit
the contents, and a last sheet lists the sources. openpyxl is imported only
here, so only a run that writes a workbook pays for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cchc_cli import i18n
from cchc_cli.model import Lang
from cchc_cli.views.page import Cell, Column, Note, Number, Page, Pairs, Table, plain

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

_DIGITS = re.compile(r"[0-9]+")
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WEB = re.compile(r"https?://\S+", re.IGNORECASE)
MAX_WIDTH = 60
MIN_WIDTH = 6


def number_format(cell: Number) -> str:
    """The Excel format that shows ``cell`` as printed: ``#,##0``, ``0.0%``, ``#,##0" points"``."""
    decimals = "." + "0" * cell.decimals if cell.decimals > 0 else ""
    core = f"0{decimals}%" if cell.percent else f"#,##0{decimals}"
    prefix, suffix = (text.replace('"', "") for text in (cell.prefix, cell.suffix))
    return (f'"{prefix}"' if prefix else "") + core + (f'"{suffix}"' if suffix else "")


def number_value(cell: Number) -> int | float:
    """The value a spreadsheet keeps: a whole number as an int, a percentage as a fraction."""
    value: Decimal = cell.value / 100 if cell.percent else cell.value
    if value == value.to_integral_value() and not cell.percent and cell.decimals == 0:
        return int(value)
    return float(value)


def _text(text: str) -> str:
    return _CONTROL.sub("", text)


def _put_text(sheet: Worksheet, row: int, column: int, text: str) -> None:
    """Text that stays text: a label starting with ``=`` is never read as a formula."""
    target = sheet.cell(row=row, column=column)
    target.value = _text(text)
    target.data_type = "s"


def _sheet_name(title: str, taken: set[str]) -> str:
    base = " ".join(_SHEET_UNSAFE.sub(" ", _text(title)).split()).strip("'")[:31].strip()
    base = base or "Sheet"
    name, suffix = base, 2
    while name.lower() in taken:
        tail = f" ({suffix})"
        name, suffix = base[:31 - len(tail)] + tail, suffix + 1
    taken.add(name.lower())
    return name


def _layout(table: Table) -> list[tuple[int, bool]]:
    """For each column of ``table``: its position, and whether a qualifier column follows."""
    layout = []
    for position, _ in enumerate(table.columns):
        numbers = any(isinstance(row[position], Number) for row in table.rows)
        layout.append((position, numbers))
    return layout


def _write_table(sheet: Worksheet, table: Table, lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    qualifier_word = i18n.word("qualifier", lang)
    widths: list[int] = []
    headers: list[str] = []
    for column, (_, with_qualifier) in zip(table.columns, _layout(table), strict=True):
        headers.append(column.header)
        if with_qualifier:
            headers.append(f"{column.header} ({qualifier_word.lower()})" if column.header
                           else qualifier_word)
    for position, header in enumerate(headers, start=1):
        _put_text(sheet, 1, position, header)
        sheet.cell(row=1, column=position).font = header_font
        sheet.cell(row=1, column=position).fill = header_fill
        widths.append(len(header))
    for row_number, row in enumerate(table.rows, start=2):
        target = 1
        for cell, column, (_, with_qualifier) in zip(row, table.columns, _layout(table),
                                                     strict=True):
            widths[target - 1] = max(widths[target - 1], len(plain(cell)))
            _write_cell(sheet, row_number, target, cell, column)
            target += 1
            if with_qualifier:
                if isinstance(cell, Number):
                    name = i18n.QUALIFIER_NAMES[cell.qualifier].get(lang)
                    _put_text(sheet, row_number, target, name)
                    widths[target - 1] = max(widths[target - 1], len(name))
                target += 1
    wrap = Alignment(wrap_text=True, vertical="top")
    for position, width in enumerate(widths, start=1):
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(width + 2, MAX_WIDTH))
        if width + 2 > MAX_WIDTH:
            for row_number in range(2, len(table.rows) + 2):
                sheet.cell(row=row_number, column=position).alignment = wrap
    sheet.freeze_panes = "A2"


def _write_cell(sheet: Worksheet, row: int, column: int, cell: Cell, kind: Column) -> None:
    from openpyxl.styles import Alignment

    target = sheet.cell(row=row, column=column)
    if isinstance(cell, Number):
        target.value = number_value(cell)
        target.number_format = number_format(cell)
    elif kind.numeric and _DIGITS.fullmatch(plain(cell)):  # a year, a count, a place
        target.value = int(plain(cell))
        target.number_format = "0"
    else:
        _put_text(sheet, row, column, plain(cell))
        if kind.numeric:
            target.alignment = Alignment(horizontal="right")


def _pairs_table(pairs: Pairs, lang: Lang) -> Table:
    numeric = any(isinstance(value, Number) for _, value in pairs.items)
    columns = (Column(i18n.word("measure", lang)), Column(i18n.word("value", lang), numeric))
    return Table(pairs.title, columns, tuple((key, value) for key, value in pairs.items))


def _write_sources(sheet: Worksheet, sources: Sequence[Mapping[str, Any]],
                   notes: list[Note], lang: Lang) -> None:
    keys = ("id", "publisher", "date", "title", "url", "author", "note")
    words = [i18n.word(k, lang) for k in keys]
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        tuple(i18n.date_text(str(source[key]), lang) if key == "date" and source.get(key)
              else str(source.get(key) or "") for key in keys) for source in sources)
    if not sources:
        words, rows = [i18n.word("sources", lang)], tuple((note.text,) for note in notes)
    table = Table("", tuple(Column(word) for word in words), rows)
    _write_table(sheet, table, lang)
    if sources:
        for row_number, source in enumerate(sources, start=2):
            url = str(source.get("url") or "")
            if _WEB.fullmatch(url):  # only web addresses become links
                sheet.cell(row=row_number, column=keys.index("url") + 1).hyperlink = url


def render(page: Page, lang: Lang, sources: Sequence[Mapping[str, Any]] = ()) -> bytes:
    """The page's tables (and labelled values) as sheets, its notes and sources last."""
    from openpyxl import Workbook

    book = Workbook()
    for empty in book.worksheets:
        book.remove(empty)
    taken: set[str] = set()
    notes = [b for b in page if isinstance(b, Note) and b.role != "source"]
    notes += [Note(b.caption) for b in page if isinstance(b, Table) and b.caption]
    for block in page:
        table = _pairs_table(block, lang) if isinstance(block, Pairs) else block
        if isinstance(table, Table):
            _write_table(book.create_sheet(_sheet_name(table.title or "cchc", taken)), table, lang)
    if notes:
        table = Table("", (Column(i18n.word("note", lang)),), tuple((n.text,) for n in notes))
        _write_table(book.create_sheet(_sheet_name(i18n.word("note", lang), taken)), table, lang)
    source_notes = [b for b in page if isinstance(b, Note) and b.role == "source"]
    if sources or source_notes:
        sheet = book.create_sheet(_sheet_name(i18n.word("sources", lang), taken))
        _write_sources(sheet, sources, source_notes, lang)
    if not book.worksheets:
        book.create_sheet("cchc")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
