"""Which province and which period an article is about.

Each is one small function over the article's text. The province names are the
63 provinces and cities before the 2025 merger (the 34 after it keep names from
among them); a registry of provinces with their dates may take this list's place.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from cchc_cli.record import Record

PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre",
    "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai",
    "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang",
    "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
    "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
    "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
    "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh", "Trà Vinh", "Tuyên Quang", "Vĩnh Long",
    "Vĩnh Phúc", "Yên Bái",
)
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


def place_of(name: str, how: str) -> Place:
    """The province called ``name`` (a name or a slug, with or without diacritics)."""
    wanted = slug(name)
    for known in PROVINCES:
        if slug(known) == wanted:
            return Place(slug(known), known, fold(known), how)
    readable = name if any(not char.isascii() for char in name) else \
        " ".join(word.capitalize() for word in wanted.split("-"))
    return Place(wanted, readable, fold(readable), how)


def find_province(text: str, address: str | None) -> Place | None:
    """The province the text names most often, else the one the address names."""
    folded = fold(text)
    counts: Counter[str] = Counter()
    for name in PROVINCES:
        pattern = rf"(?<![\w]){re.escape(fold(name))}(?![\w])"
        found = len(re.findall(pattern, folded))
        if found:
            counts[name] = found
    if counts:
        best = max(counts.values())
        chosen = next(name for name in PROVINCES if counts.get(name) == best and
                      _first(folded, name) == min(_first(folded, n) for n in counts
                                                  if counts[n] == best))
        return place_of(chosen, "text")
    if address:
        squeezed = re.sub(r"[^a-z]", "", fold(address).lower())
        for name in PROVINCES:
            if re.sub(r"[^a-z]", "", slug(name)) in squeezed:
                return place_of(name, "address")
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
    match = re.fullmatch(r"((?:19|20|21)\d{2})(?:-(h[12]|q[1-4]|0[1-9]|1[0-2]|ytd))?",
                         option.strip().lower())
    if match is None:
        return None
    year = int(match.group(1))
    return Period(year, option.strip().lower() if match.group(2) else None, "option")
