"""Hold figures against the text they came from.

Matching ignores differences of whitespace, Unicode normalisation (NFC/NFD)
and quote styles. Numbers are looked for as the source prints them: in a
Vietnamese source 1818 is ``1.818`` (or ``1818``) and 96.9 is ``96,9`` (or
``96.9``, as some Vietnamese sources print decimals, where that cannot be read
as thousands), a rank of 2 may be ``thứ hai``, and 1,700,000 may be ``1,7
triệu``; in an English one ``1,818`` and ``96.9``. A number only counts where
it stands whole, so 7 is not found inside 17, nor 1.818 inside 11.818. A rank's
field (``of: 63``) may be stated once anywhere in the source rather than in
the rank's own excerpt.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from cchc_cli.model import Figure, Report, Source
from cchc_cli.record import Record

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'",
                         "’": "'", "‚": "'", "′": "'", "″": '"'})
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_MARKS = {"vi": (".", ","), "en": (",", ".")}
_WORDS_AND_DOTS = frozenset({"vi"})
"""Source languages whose numbers may also be written in words, and whose dates use dots."""
_ORDINALS = ("nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười")
_SCALES = (("tỷ", 9), ("triệu", 6), ("nghìn", 3))


def normalise(text: str) -> str:
    """NFC, straight quotes and single spaces, so equal text compares equal."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_QUOTES).split())


def printed_forms(value: Decimal, lang: str) -> list[str]:
    """How a source in ``lang`` may print ``value``: grouped, and ungrouped."""
    group, decimal_mark = _MARKS.get(lang, _MARKS["en"])
    whole, _, fraction = f"{abs(value):f}".partition(".")
    sign = "-" if value < 0 else ""
    grouped = f"{int(whole):,}".replace(",", group)
    tail = f"{decimal_mark}{fraction}" if fraction else ""
    forms = [f"{sign}{grouped}{tail}", f"{sign}{whole}{tail}"]
    if lang in _WORDS_AND_DOTS:  # a Vietnamese source also writes 4.5 and "thứ hai"
        forms += _vietnamese_forms(value, whole, fraction)
    return list(dict.fromkeys(forms))


def _vietnamese_forms(value: Decimal, whole: str, fraction: str) -> list[str]:
    """A decimal printed with a dot, an ordinal in words, a count in millions."""
    forms = []
    if fraction and len(fraction) != 3 and value < 1000:
        forms.append(f"{whole}.{fraction}")
    if value == value.to_integral_value() and 1 <= value <= len(_ORDINALS):
        forms.append(f"thứ {_ORDINALS[int(value) - 1]}")
    for word, power in _SCALES:
        scaled = (value / Decimal(10) ** power).normalize()
        if value >= 10 ** power and value == value.to_integral_value() and \
                -scaled.as_tuple().exponent <= 3:  # type: ignore[operator]
            forms.append(f"{printed_forms(scaled, 'vi')[0]} {word}")
    return forms


def stands_in(token: str, text: str) -> bool:
    """Whether ``token`` occurs in ``text`` as a whole number."""
    pattern = rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)"
    return re.search(pattern, text) is not None


def stated_numbers(figure: Figure) -> list[tuple[str, Decimal]]:
    """Every number a figure says its excerpt states, by the field it comes from."""
    numbers: list[tuple[str, Decimal]] = [("value", figure.value)]
    if figure.of is not None and figure.of_stated:
        numbers.append(("of", Decimal(figure.of)))
    if figure.share is not None and figure.share.percent_stated:
        numbers.append(("share.percent", figure.share.percent))
    if figure.share is not None and figure.share.out_of is not None:
        numbers.append(("share.out_of", figure.share.out_of))
    if figure.breakdown is not None:
        numbers += [(f"breakdown.{p.id}.percent", p.percent) for p in figure.breakdown.parts
                    if p.percent is not None]
    if figure.attainment is not None:
        numbers.append(("attainment.percent", figure.attainment.percent))
    if figure.change is not None:
        numbers.append(("change.amount", figure.change.amount))
    return numbers


class Check(Record):
    """A figure held against its source."""

    figure: Figure
    year: int
    status: str
    """``verified``, ``excerpt_not_found`` or ``value_not_found``."""
    missing: tuple[str, ...]
    """The fields whose numbers are not in the excerpt."""


def verify_figure(figure: Figure, year: int, source_text: str, lang: str) -> Check:
    """Check that the excerpt is in the source and the figure's numbers are in the excerpt."""
    excerpt = normalise(figure.excerpt)
    if excerpt not in source_text:
        return Check(figure, year, "excerpt_not_found", ())
    missing = tuple(field for field, number in stated_numbers(figure)
                    if not _stated(number, excerpt, lang) and
                    not (field == "of" and _stated(number, source_text, lang)))
    return Check(figure, year, "value_not_found" if missing else "verified", missing)


def _stated(number: Decimal, text: str, lang: str) -> bool:
    return any(stands_in(form, text) for form in printed_forms(number, lang))


class Uncovered(Record):
    """A number in the source that no figure accounts for."""

    number: str
    line: int
    context: str


_DATE_LIKE = re.compile(
    r"(?<![\d.,])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2,4}))?(?![\d%])(?![.,]\d)"
    r"|(?<![\d.,])\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def _is_date(match: re.Match[str], lang: str) -> bool:
    """A day and month (either order), with or without a year, or a time of day.

    ``14/63`` is a rank and its field, not a date (no month 63); in English
    ``97.55`` is a decimal number, and ``.`` never separates a day and month.
    """
    if match.group(1) is None:  # a time such as 8:30
        return True
    first, mark, second = int(match.group(1)), match.group(2), int(match.group(3))
    if mark == "." and lang not in _WORDS_AND_DOTS and match.group(4) is None:
        return False
    return (1 <= first <= 31 and 1 <= second <= 12) or (1 <= first <= 12 and
                                                         1 <= second <= 31)


def _normalised_lines(raw_text: str) -> tuple[str, list[int]]:
    """``normalise(raw_text)`` and, for each of its characters, the line it came from."""
    text = unicodedata.normalize("NFC", raw_text).translate(_QUOTES)
    kept: list[str] = []
    lines: list[int] = []
    line, space = 1, False
    for char in text:
        if char.isspace():
            space = bool(kept)
            line += char == "\n"
            continue
        if space:
            kept.append(" ")
            lines.append(line)
            space = False
        kept.append(char)
        lines.append(line)
    return "".join(kept), lines


def _spans(text: str, figures: list[Figure]) -> list[tuple[int, int, Figure]]:
    """Where each figure's excerpt stands in ``text`` (every place it does)."""
    spans = []
    for figure in figures:
        excerpt = normalise(figure.excerpt)
        start = text.find(excerpt) if excerpt else -1
        while start >= 0:
            spans.append((start, start + len(excerpt), figure))
            start = text.find(excerpt, start + 1)
    return spans


def uncovered_numbers(raw_text: str, figures: list[Figure], lang: str) -> list[Uncovered]:
    """Each number in the source that no figure accounts for where it stands.

    A number is accounted for by a figure whose excerpt holds it at that place
    and which states that number (so 14 in one sentence is not covered by a 14
    in another). Dates, times, years (1990–2100 standing alone) and numbers
    with a leading zero (document numbers such as "Đề án số 06") are left aside.
    """
    text, lines = _normalised_lines(raw_text)
    forms = {id(figure): {form for _, number in stated_numbers(figure)
                          for form in printed_forms(number, lang)}
             for figure in figures}
    spans = _spans(text, figures)
    masked = _DATE_LIKE.sub(lambda m: " " * len(m.group()) if _is_date(m, lang) else m.group(),
                            text)
    found: list[Uncovered] = []
    for match in _NUMBER.finditer(masked):
        token, start, end = match.group(), match.start(), match.end()
        if _is_metadata(token) or any(low <= start and end <= high and token in forms[id(f)]
                                      for low, high, f in spans):
            continue
        context = text[max(start - 30, 0):min(end + 30, len(text))].strip()
        found.append(Uncovered(token, lines[start], context))
    return found


def _is_metadata(token: str) -> bool:
    if token.isdigit() and 1990 <= int(token) <= 2100:
        return True
    return len(token) > 1 and token.startswith("0") and token.isdigit()


class Taken(Record):
    """A figure taken from a source, in the year of its report."""

    year: int
    figure: Figure
    source: Source


def taken_from(reports: list[Report], file_name: str, source_id: str | None) -> list[Taken]:
    """The figures whose source is ``source_id``, or the source whose ``file`` is ``file_name``."""
    taken = []
    for report in reports:
        matching = {s.id: s for s in report.sources
                    if s.id == source_id or (source_id is None and s.file == file_name)}
        taken += [Taken(report.year, figure, matching[figure.source])
                  for figure in report.figures if figure.source in matching]
    return taken


def verify_source(text: str, taken: list[Taken]) -> tuple[list[Check], list[Uncovered]]:
    """Each figure held against ``text``, and the numbers of ``text`` no figure accounts for."""
    normalised = normalise(text)
    checks = [verify_figure(t.figure, t.year, normalised, t.source.language) for t in taken]
    lang = taken[0].source.language if taken else "vi"
    return checks, uncovered_numbers(text, [t.figure for t in taken], lang)
