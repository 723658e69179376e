"""Which province and which period an article is about.

Each is one small function over the article's text. Province names come from
the provinces registry, and the period's end picks between a former province
and a current one of the same name (Tuyên Quang before and after 2025).
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter
from functools import cache

from cchc_cli.record import Record

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"quý\s+(IV|III|II|I|[1-4])\s*(?:/|năm\s+)((?:19|20)\d{2})")
_HALF = re.compile(r"(?:6|sáu)\s+tháng\s+đầu\s+năm(?:\s+((?:19|20)\d{2}))?", re.IGNORECASE)
_YEAR = re.compile(r"(\S+\s+)?\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


class Place(Record):
    """A province found for the draft: its slug, names, and how it was found."""

    id: str
    vi: str
    en: str
    how: str
    """``option``, ``text`` (its name in the article) or ``address`` (the page's address)."""


class Period(Record):
    """The period a draft covers: its year and, where finer, the period (``2023-q1``)."""

    year: int
    period: str | None
    how: str
    """``option``, ``text`` or ``date`` (the year of the article's date)."""


def fold(text: str) -> str:
    """``Hà Giang`` as ``Ha Giang``: no diacritics, đ as d, case kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slug(name: str) -> str:
    """``Thừa Thiên Huế`` as ``thua-thien-hue``."""
    return "-".join(re.findall(r"[a-z0-9]+", fold(name).lower()))


@cache
def _names() -> list[tuple[str, str]]:
    """Every province name the registry knows, with the id of the unit it names,
    longest first so that "Thừa Thiên Huế" is found before "Huế"."""
    from cchc_cli.provinces import registry

    known = registry()
    pairs = {(entry.name.vi, entry.id) for entry in known.former() + known.current()}
    pairs |= {(alias, entry.id) for entry in known.former() + known.current()
              for alias in entry.aliases if any(not char.isascii() for char in alias)}
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0]))


def place_of(name: str, how: str, on: datetime.date | None = None) -> Place:
    """The province called ``name`` in any spelling the registry knows, as it was on ``on``.

    Raises ``LookupError`` with the closest names for a name the registry lacks.
    """
    from cchc_cli.provinces import registry

    entry = registry().resolve(name, on)
    return Place(entry.id, entry.name.vi, entry.name.en, how)


def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every folded province name (longest first, so "Thua Thien Hue"
    wins over "Hue"), and each folded name's written form."""
    written: dict[str, str] = {}
    for name, _ in _names():
        written.setdefault(fold(name), name)
    alternatives = "|".join(re.escape(folded) for folded in written)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])"), written


def find_province(text: str, address: str | None,
                  on: datetime.date | None = None) -> Place | None:
    """The province the text names most often (the first named, on a tie), else the one
    the address names."""
    pattern, written = _pattern()
    folded = fold(text)
    counts: Counter[str] = Counter(written[match] for match in pattern.findall(folded))
    if counts:
        best = max(counts.values())
        chosen = min((name for name in counts if counts[name] == best),
                     key=lambda name: _first(folded, name))
        return place_of(chosen, "text", on)
    if address:
        squeezed = re.sub(r"[^a-z]", "", fold(address).lower())
        for name, _ in _names():
            if len(slug(name)) > 4 and re.sub(r"[^a-z]", "", slug(name)) in squeezed:
                return place_of(name, "address", on)
    return None


def _first(folded: str, name: str) -> int:
    position = folded.find(fold(name))
    return position if position >= 0 else len(folded)


def find_period(text: str, date: str | None) -> Period | None:
    """The period the text reports on, else the year of its date, else None.

    The year is the one most often written "năm 2023" (not counting "so với
    năm 2022", the year compared with); a quarter ("quý I/2023") or the first
    half ("6 tháng đầu năm 2021") of that year makes the period finer.
    """
    counts: Counter[int] = Counter()
    for match in _YEAR.finditer(text):
        before = (match.group(1) or "").strip().lower()
        if before not in ("với", "của", "từ", "trước"):
            counts[int(match.group(2))] += 1
    quarters = [(int(m.group(2)), _ROMAN[m.group(1)]) for m in _QUARTER.finditer(text)]
    counts.update(year for year, _ in quarters)
    if not counts:
        return Period(int(date[:4]), None, "date") if date else None
    year = max(counts, key=lambda y: (counts[y], y))
    for found_year, quarter in quarters:
        if found_year == year:
            return Period(year, f"{year}-q{quarter}", "text")
    for match in _HALF.finditer(text):
        if match.group(1) in (None, str(year)):
            return Period(year, f"{year}-h1", "text")
    return Period(year, None, "text")


def parse_period(option: str) -> Period | None:
    """``--period`` as given: ``2024``, ``2024-h1``, ``2024-q3``, ``2024-07``, ``2026-ytd``."""
    from cchc_cli.periods import parse_period as read

    try:
        period = read(option)
    except ValueError:
        return None
    return Period(period.year, None if period.is_year else period.key, "option")


def period_end(period: Period) -> datetime.date:
    """The last day of a draft's period (a year to date: the end of its year)."""
    from cchc_cli.periods import parse_period as read

    return read(period.period or str(period.year)).end
