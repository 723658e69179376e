"""Table cells for numbers: the text a table prints, and the value a spreadsheet keeps.

Each cell is built from the same formatting as the printed text, so the words
around the number (``VND … billion``, ``… points``, ``…/63``) are exactly those
of the table, and the value and its decimals are those the text shows.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_cli import numfmt
from cchc_cli.calc.precision import places
from cchc_cli.model import Figure, Lang
from cchc_cli.views.page import Number

if TYPE_CHECKING:
    from cchc_cli.calc.derive import Derived


def number_cell(text: str, value: Decimal, decimals: int, lang: Lang, *,
                qualifier: str = "exact", style: str = "number",
                amount: str | None = None) -> Number:
    """A cell showing ``text``, in which ``value`` is printed to ``decimals`` places.

    The words around the number are taken from ``amount`` (default: ``text``),
    the value in its unit without a range or a mark after it.
    """
    digits = numfmt.number(abs(value), lang, decimals)
    before, found, after = (text if amount is None else amount).partition(digits)
    if not found:  # printed some other way: keep the bare value
        before, after = "", ""
    before = before.lstrip("≈≥≤+-")
    percent = after.startswith("%")
    return Number(text, value, decimals, qualifier, percent, before,
                  after[1:] if percent else after, style)


def figure_cell(figure: Figure, lang: Lang, value: Decimal | None = None, mark: str = "",
                style: str = "number") -> Number:
    """A figure's value (or ``value`` in the figure's kind) as a cell, ``mark`` appended."""
    from cchc_cli.views import phrases  # not needed by the national tables' cells

    shown = figure.value if value is None else value
    decimals = 0 if figure.kind == "rank" else places(shown)
    return number_cell(phrases.value_text(figure, lang, shown) + mark, shown, decimals, lang,
                       qualifier=figure.qualifier, style=style,
                       amount=phrases.amount(figure, shown, lang))


def derived_cell(item: Derived, figure: Figure, lang: Lang) -> Number:
    """A derived number as a cell, its range in the text only."""
    from cchc_cli.views import phrases

    assert isinstance(item.value, Decimal)
    decimals = 0 if item.unit == "rank" else item.decimals
    return number_cell(phrases.with_range(item, figure, lang), item.value, decimals, lang,
                       qualifier=item.qualifier, amount=phrases.derived_amount(item, figure, lang))
