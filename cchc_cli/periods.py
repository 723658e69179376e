"""Reporting periods: a year, a half-year, a quarter, a month, or a year to date.

One compact syntax names them everywhere (files, ``--period``, JSON):

    2024          the year 2024
    2024-h1       the first half of 2024 (h1, h2)
    2024-q3       the third quarter of 2024 (q1 … q4)
    2024-07       July 2024
    2026-ytd      2026 from 1 January to a date (the report's ``as_of``)

A year-to-date period also carries the date it runs to; two year-to-date
results of one year are different periods, told apart by that date
(``2026-ytd@2026-10-10`` in the long form). Periods of one kind compare;
a month against a year, or a year to date against a whole year, does not.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from cchc_cli.record import Record

PeriodKind = Literal["year", "half", "quarter", "month", "ytd"]
KINDS: tuple[PeriodKind, ...] = ("year", "half", "quarter", "month", "ytd")

SYNTAX = "2024, 2024-h1, 2024-q3, 2024-07 or 2026-ytd"
"""The syntax in one line, for help texts and error messages."""

_PATTERN = re.compile(
    r"(?P<year>[0-9]{4})"
    r"(?:-(?:h(?P<half>[12])|q(?P<quarter>[1-4])|(?P<month>0[1-9]|1[0-2])|(?P<ytd>ytd)"
    r"(?:@(?P<as_of>[0-9]{4}-[0-9]{2}-[0-9]{2}))?))?\Z",
    re.IGNORECASE,
)

_KIND_ORDER = {"year": 0, "half": 1, "quarter": 2, "month": 3, "ytd": 4}

_MONTH_END_LAST = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31,
                   11: 30, 12: 31}


class Period(Record):
    """A span of one year that a report or a table is for."""

    year: int
    kind: PeriodKind = "year"
    number: int | None = None
    """The half (1–2), quarter (1–4) or month (1–12); None for a year or year to date."""
    as_of: dt.date | None = None
    """For a year to date: the last day it covers (None when not yet known)."""

    @property
    def key(self) -> str:
        """The compact name: ``2024``, ``2024-h1``, ``2024-q3``, ``2024-07``, ``2026-ytd``."""
        if self.kind == "year":
            return str(self.year)
        if self.kind == "half":
            return f"{self.year}-h{self.number}"
        if self.kind == "quarter":
            return f"{self.year}-q{self.number}"
        if self.kind == "month":
            return f"{self.year}-{self.number:02d}"
        return f"{self.year}-ytd"

    @property
    def full_key(self) -> str:
        """The key, with the date a year to date runs to (``2026-ytd@2026-10-10``)."""
        if self.kind == "ytd" and self.as_of is not None:
            return f"{self.key}@{self.as_of.isoformat()}"
        return self.key

    @property
    def start(self) -> dt.date:
        """The first day the period covers."""
        first_month = {"half": 6, "quarter": 3, "month": 1}.get(self.kind)
        if first_month is None or self.number is None:
            return dt.date(self.year, 1, 1)
        return dt.date(self.year, (self.number - 1) * first_month + 1, 1)

    @property
    def end(self) -> dt.date:
        """The last day the period covers (a year to date: its ``as_of``, else 31 December)."""
        if self.kind == "ytd":
            return self.as_of or dt.date(self.year, 12, 31)
        months = {"half": 6, "quarter": 3, "month": 1}.get(self.kind)
        if months is None or self.number is None:
            return dt.date(self.year, 12, 31)
        last = self.number * months
        return dt.date(self.year, last, month_length(self.year, last))

    @property
    def is_year(self) -> bool:
        """Whether this is a whole calendar year."""
        return self.kind == "year"

    def sort_key(self) -> tuple[dt.date, int, dt.date]:
        """Order periods by end date, then the longer first."""
        return (self.end, _KIND_ORDER[self.kind], self.start)

    def comparable_with(self, other: Period) -> bool:
        """Whether two periods are of one kind: years with years, months with months, …"""
        return self.kind == other.kind

    def names(self, other: Period) -> bool:
        """Whether this period, as asked for, names ``other``: the same key, and for a
        year to date the same day, or any day when none is asked."""
        return self.key == other.key and self.as_of in (None, other.as_of)

    def with_as_of(self, as_of: dt.date | None) -> Period:
        """The same period running to ``as_of`` (year to date only)."""
        return self._replace(as_of=as_of)


def month_length(year: int, month: int) -> int:
    """Days in ``month`` of ``year``."""
    if month == 2 and (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return 29
    return _MONTH_END_LAST[month]


def year_period(year: int) -> Period:
    """The whole of ``year``."""
    return Period(year)


def parse_period(text: str) -> Period:
    """Read a period in the compact syntax; raise ``ValueError`` saying what is wrong."""
    cleaned = text.strip()
    match = _PATTERN.match(cleaned)
    if match is None:
        raise ValueError(f"'{text}' is not a period; write one as {SYNTAX}")
    year = int(match.group("year"))
    if not 1990 <= year <= 2100:
        raise ValueError(f"the year {year} is outside 1990–2100")
    if match.group("half"):
        return Period(year, "half", int(match.group("half")))
    if match.group("quarter"):
        return Period(year, "quarter", int(match.group("quarter")))
    if match.group("month"):
        return Period(year, "month", int(match.group("month")))
    if match.group("ytd"):
        as_of = match.group("as_of")
        return Period(year, "ytd", None, _as_of(as_of, year) if as_of else None)
    return Period(year)


def _as_of(text: str, year: int) -> dt.date:
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text}' is not a date (write YYYY-MM-DD)") from None
    if day.year != year:
        raise ValueError(f"a {year} year to date cannot run to {text}")
    return day


def describe(periods: list[Period]) -> str:
    """``2023, 2024, 2024-07``: the periods, in order, for a message."""
    return ", ".join(p.full_key for p in sorted(set(periods), key=Period.sort_key)) or "none"


def mixed(periods: list[Period]) -> bool:
    """Whether the periods are not all alike (see ``Period.comparable_with``)."""
    return any(not periods[0].comparable_with(p) for p in periods[1:])
