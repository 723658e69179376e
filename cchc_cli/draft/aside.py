"""Numbers that are not facts: dates, times, years, periods, document and project
numbers, list numbering and service levels.

Each is set aside with the reason, so a draft lists it rather than dropping it.
"""

from __future__ import annotations

import re

from cchc_cli.draft.numbers import Token
from cchc_cli.record import Record

REASONS = ("date", "time", "year", "period", "document_number", "project_number",
           "list_number", "service_level", "name", "unclear")
"""Why a number was set aside; the draft's ``set_aside`` list uses these words."""

_DAY_WORDS = r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|nay|đến|từ|cập nhật)"
_PATTERNS = (
    ("time", re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*gmt\s*[+-]\s*\d{1,2})?")),
    ("date", re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*(?:19|20)\d{2}\b")),
    ("date", re.compile(rf"{_DAY_WORDS}:?\s+(?:ngày\s+)?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\b")),
    ("date", re.compile(r"\bngày\s+\d{1,2}\b")),
    ("document_number", re.compile(r"\b\d+(?:/\d{2,4})?/[a-zđ]{2,}[\w-]*")),
    ("document_number", re.compile(r"\b(?:quyết định|nghị định|nghị quyết|thông tư|chỉ thị|"
                                   r"công văn|luật|văn bản|kế hoạch)\s+(?:số\s+)?\d+")),
    ("project_number", re.compile(r"\b(?:đề án|dự án|chương trình)\s+(?:số\s+)?\d+")),
    ("service_level", re.compile(r"\b(?:mức|cấp)\s+độ\s+[1-4](?!\d)(?:\s*(?:,|-|–)\s*[1-4](?!\d))*"
                                 r"(?:\s+(?:và|hoặc)\s+[1-4](?![\d.,]|\s+[^\W\d]))?")),
    ("period", re.compile(r"\bquý\s+(?:[1-4]|i{1,3}|iv)\b(?:\s*/\s*\d{4})?")),
    ("period", re.compile(r"\b\d+\s+tháng\s+(?:đầu|cuối)\b")),
    ("period", re.compile(r"\btrong\s+\d+\s+tháng\b")),
    ("date", re.compile(r"\btháng\s+\d{1,2}\b(?:\s*[/-]\s*\d{4})?")),
    ("year", re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d%]|[.,]\d)")),
)
_LIST_START = re.compile(r"\s*(?:\d+|[ivx]+|[a-z])[.)]\s")
_NUMBER_IN = re.compile(r"\d+(?:[.,/:-]\s?\d+)*")


class Aside(Record):
    """Why a number is set aside, and the span of text that shows it (``09:19``)."""

    why: str
    span: tuple[int, int]


def set_aside(sentence: str, tokens: list[Token], at_line_start: bool) -> list[Aside | None]:
    """For each token, why it is set aside, or None if it may state a fact."""
    lower = sentence.lower()
    spans = [(match.start(), match.end(), why) for why, pattern in _PATTERNS
             for match in pattern.finditer(lower)]
    found: list[Aside | None] = []
    for token in tokens:
        inside = next(((start, end, why) for start, end, why in spans
                       if start <= token.start < end and not token.words), None)
        if inside is not None:
            found.append(Aside(inside[2], _numbers_of(sentence, inside[0], inside[1])))
            continue
        why = _reason(token, sentence, at_line_start)
        found.append(None if why is None else Aside(why, (token.start, token.end)))
    return found


def _numbers_of(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the numbers within a matched phrase: ``09:19`` of ``09:19 GMT+7``."""
    numbers = list(_NUMBER_IN.finditer(sentence, start, end))
    if not numbers:
        return start, end
    return numbers[0].start(), numbers[-1].end()


def _reason(token: Token, sentence: str, at_line_start: bool) -> str | None:
    if token.unclear:
        return "unclear"
    if at_line_start and token.start == 0 and _LIST_START.match(sentence.lower()):
        return "list_number"
    before = sentence[token.start - 1] if token.start else " "
    after = sentence[token.end] if token.end < len(sentence) else " "
    if not token.words and (before.isalpha() or before in "-+_" or after.isalpha()):
        return "name"
    if token.slashes >= 2 or (token.slashes == 1 and _looks_like_date(token, sentence)):
        return "date"
    printed = token.printed
    if len(printed) > 1 and printed.startswith("0") and printed.isdigit():
        return "document_number"
    return None


def _looks_like_date(token: Token, sentence: str) -> bool:
    """``25/5`` standing alone is a date; ``14/63`` or ``367/814 dịch vụ`` is not."""
    if token.over is None or token.percent:
        return False
    day, month = token.value, token.over
    if not (1 <= day <= 31 and 1 <= month <= 12 and day == int(day) and month == int(month)):
        return False
    before = sentence[:token.start].lower().rstrip()
    return not before.endswith(("thứ", "vị trí", "hạng"))
