"""Every number of a set of figures, one row each, for a spreadsheet.

A summary prints what a figure implies as a phrase; a workbook wants each of
those numbers in a cell of its own: the value, the relations the source states
(a share, the parts of a breakdown, the percent of plan, a target) and every
derived value, each with its qualifier.
"""

from __future__ import annotations

from decimal import Decimal

from cchc_cli import i18n, numfmt
from cchc_cli.calc.derive import FigureResult
from cchc_cli.calc.precision import places
from cchc_cli.model import Figure, Lang
from cchc_cli.views.cells import derived_cell, figure_cell, number_cell
from cchc_cli.views.page import Cell, Column, Table
from cchc_cli.views.phrases import formula_text
from cchc_cli.views.show import derived_name


def _percent(value: Decimal, lang: Lang) -> Cell:
    return number_cell(numfmt.percent(value, lang), value, places(value), lang)


def stated_rows(figure: Figure, lang: Lang) -> list[tuple[str, Cell]]:
    """The percentages the source states beside the value, named."""
    rows: list[tuple[str, Cell]] = []
    if figure.share is not None:
        rows.append((i18n.word("stated_share", lang), _percent(figure.share.percent, lang)))
    if figure.breakdown is not None:
        rows += [(i18n.word("stated_part", lang, label=part.label.get(lang)),
                  _percent(part.percent, lang))
                 for part in figure.breakdown.parts if part.percent is not None]
    if figure.attainment is not None:
        rows.append((i18n.word("stated_attainment", lang),
                     _percent(figure.attainment.percent, lang)))
    target = figure.target
    if target is not None:
        name = (i18n.word("stated_target_year", lang, year=target.year) if target.year
                else i18n.word("stated_target", lang))
        cell = (_percent(target.value, lang) if target.measure == "share"
                else figure_cell(figure, lang, target.value))
        rows.append((name, cell))
    return rows


def measures_table(results: tuple[FigureResult, ...], lang: Lang) -> Table:
    """One row per figure and number: the value, the stated relations, the derived values."""
    value_word = i18n.word("value", lang)
    rows: list[tuple[Cell, ...]] = []
    for result in results:
        figure = result.figure
        label = figure.label.get(lang)
        rows.append((label, value_word, figure_cell(figure, lang), ""))
        rows += [(label, name, cell, "") for name, cell in stated_rows(figure, lang)]
        rows += [(label, derived_name(item, figure, lang), derived_cell(item, figure, lang),
                  formula_text(item, lang))
                 for item in result.derived if isinstance(item.value, Decimal)
                 and not isinstance(item.value, bool)]
    columns = (Column(i18n.word("figure", lang)), Column(i18n.word("measure", lang)),
               Column(value_word, True), Column(i18n.word("arithmetic", lang)))
    return Table(i18n.word("every_number", lang), columns, tuple(rows))
