"""Read numbers as a Vietnamese text prints them.

``1.818`` is one thousand eight hundred and eighteen (a dot groups thousands),
``96,9`` and ``76,90`` are decimals (a comma is the decimal mark, and printed
places are kept), ``1.234,5`` uses both. Some sources print English-style
decimals (``86.45%``): a dot followed by anything but groups of three digits
is read as a decimal mark. ``14/63`` is a number over another; ``1,7 triệu``
is 1.7 million; ``thứ hai`` after a rank verb is the ordinal 2.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc_cli.record import Record

SCALES = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
"""Scale words and the power of ten they stand for."""

ORDINALS = {"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
            "chín": 9, "mười": 10}
"""Ordinal words after ``thứ``: ``thứ nhất`` is first, ``thứ tư`` fourth."""

_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?:/\d+(?:[.,]\d+)*)*")
_ORDINAL = re.compile(r"(?:xếp|đứng|vị trí|hạng)(?:\s+vị\s+trí)?\s+(thứ\s+(" +
                      "|".join(ORDINALS) + r"))(?![\wÀ-ỹ])")
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_PERCENT = re.compile(r"\s?%")
_SCALE = re.compile(r"\s+(" + "|".join(SCALES) + r")(?![\wÀ-ỹ])")


class Token(Record):
    """A number as it stands in a text."""

    printed: str
    """Exactly as printed: ``1.818``, ``96,9%``, ``14/63``, ``thứ hai``."""
    value: Decimal
    start: int
    end: int
    percent: bool = False
    over: Decimal | None = None
    """The number after the slash in ``14/63`` or ``77,65/100``."""
    scale: str | None = None
    """A scale word printed after the number (``triệu``), kept apart from ``printed``."""
    words: bool = False
    """Printed in words (``thứ hai``)."""
    slashes: int = 0
    """How many slashes the printed form has (2 for a date ``23/4/2018``)."""
    unclear: bool = False
    """Digits that read as no number (``1.2.3``); ``value`` is then 0."""


def read_number(text: str) -> Decimal | None:
    """The value of one number printed Vietnamese-style, or None if it is not one.

    ``read_number("1.818") == 1818``, ``read_number("76,90") == Decimal("76.90")``.
    """
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", text):
        return None
    if "," in text and "." in text:
        whole, _, fraction = text.rpartition(",")
        if "," in whole or not _GROUPED.fullmatch(whole):
            return None
        return Decimal(f"{whole.replace('.', '')}.{fraction}")
    if "." in text:
        if _GROUPED.fullmatch(text):
            return Decimal(text.replace(".", ""))
        return Decimal(text) if text.count(".") == 1 else None
    if "," in text:
        if text.count(",") == 1:
            return Decimal(text.replace(",", "."))
        return None
    return Decimal(text)


def read_numbers(text: str) -> list[Token]:
    """Every number in ``text``, in order, as printed and as read."""
    tokens = [_digits_token(text, match) for match in _DIGITS.finditer(text)]
    tokens += [Token(text[match.start(1):match.end(1)], Decimal(ORDINALS[match.group(2)]),
                     match.start(1), match.end(1), words=True)
               for match in _ORDINAL.finditer(text.lower())]
    return sorted(tokens, key=lambda token: token.start)


def _digits_token(text: str, match: re.Match[str]) -> Token:
    printed = match.group(0)
    parts = printed.split("/")
    value = read_number(parts[0])
    if value is None:
        return Token(printed, Decimal(0), match.start(), match.end(), unclear=True)
    over = read_number(parts[1]) if len(parts) == 2 else None
    end = match.end()
    percent = _PERCENT.match(text, end)
    if percent:
        end = percent.end()
    scale = _SCALE.match(text, end) if not percent else None
    return Token(text[match.start():end], value, match.start(), end, percent is not None,
                 over, scale.group(1) if scale else None, slashes=len(parts) - 1)
