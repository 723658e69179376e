"""Numbers as people read them: ``163.909`` and ``96,9%`` in Vietnamese, ``163,909``
and ``96.9%`` in English; dates as ``01/07/2025`` and ``1 July 2025``.

Rounding is half-up, and a number keeps the precision it was printed with
(``76.90`` keeps two decimals). Only text output uses these; JSON and CSV carry
raw numbers.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_cli.calc.precision import places, round_half_up
from cchc_cli.model import Lang, Text

if TYPE_CHECKING:
    import datetime

_MARKS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)
_QUALIFIER_MARKS = {"approx": "≈", "at_least": "≥", "at_most": "≤", "exact": ""}


def number(value: Decimal, lang: Lang, decimals: int | None = None) -> str:
    """``value`` with the language's separators, to ``decimals`` places (default: as printed)."""
    decimals = places(value) if decimals is None else decimals
    rounded = round_half_up(value, decimals)
    sign = "-" if rounded < 0 else ""
    digits = f"{abs(rounded):.{decimals}f}"
    whole, _, fraction = digits.partition(".")
    thousands, decimal_mark = _MARKS[lang]
    grouped = _group(whole, thousands)
    return f"{sign}{grouped}{decimal_mark}{fraction}" if fraction else f"{sign}{grouped}"


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head], *(digits[i:i + 3] for i in range(head, len(digits), 3))]
    return separator.join(parts)


def percent(value: Decimal, lang: Lang, decimals: int | None = None) -> str:
    """``96,9%`` or ``96.9%``."""
    return f"{number(value, lang, decimals)}%"


def points(value: Decimal, lang: Lang, decimals: int | None = None) -> str:
    """``76,90 điểm`` or ``76.90 points``."""
    from cchc_cli.i18n import word

    key = "score_point" if abs(value) == 1 else "score_points"
    return word(key, lang, amount=number(value, lang, decimals))


def money(value: Decimal, unit: Text | None, lang: Lang, decimals: int | None = None) -> str:
    """``2.295 tỷ đồng`` or ``VND 2,295 billion``."""
    from cchc_cli.i18n import money_text

    amount = number(value, lang, decimals)
    return amount if unit is None else money_text(amount, unit, lang)


def qualified(text: str, qualifier: str) -> str:
    """Prefix ``≈``, ``≥`` or ``≤`` for approximate and bounded values."""
    mark = _QUALIFIER_MARKS.get(qualifier, "")
    return f"{mark}{text}" if mark else text


def span(low: str, high: str) -> str:
    """A range of two formatted numbers: ``1,876–1,877``."""
    return f"{low}–{high}"


def day(value: datetime.date, lang: Lang) -> str:
    """``01/07/2025`` in Vietnamese, ``1 July 2025`` in English."""
    from cchc_cli.i18n import day_text

    return day_text(value, lang, iso=False)
