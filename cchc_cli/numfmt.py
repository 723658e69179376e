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
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
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
    word = "điểm" if lang == "vi" else ("point" if abs(value) == 1 else "points")
    return f"{number(value, lang, decimals)} {word}"


def money(value: Decimal, unit: Text | None, lang: Lang, decimals: int | None = None) -> str:
    """``2.295 tỷ đồng`` or ``VND 2,295 billion``."""
    amount = number(value, lang, decimals)
    if unit is None:
        return amount
    if lang == "en" and unit.en.endswith(" VND"):
        return f"VND {amount} {unit.en.removesuffix(' VND')}"
    return f"{amount} {unit.get(lang)}"


def qualified(text: str, qualifier: str) -> str:
    """Prefix ``≈``, ``≥`` or ``≤`` for approximate and bounded values."""
    mark = _QUALIFIER_MARKS.get(qualifier, "")
    return f"{mark}{text}" if mark else text


def span(low: str, high: str) -> str:
    """A range of two formatted numbers: ``1,876–1,877``."""
    return f"{low}–{high}"


def day(value: datetime.date, lang: Lang) -> str:
    """``01/07/2025`` in Vietnamese, ``1 July 2025`` in English."""
    if lang == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
