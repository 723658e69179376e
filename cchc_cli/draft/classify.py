"""What one number in its sentence is: kind, unit, qualifier, and the role it plays.

A number is read from the words around it: ``%`` makes a percent, ``điểm`` a
score, ``thứ``/``vị trí`` a rank, ``tỷ đồng`` money, ``ngày`` a duration, and
anything else a count of the noun that follows. ``tăng 5 bậc so với năm 2022``
is a change, ``101,3% kế hoạch`` an attainment of a plan.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from cchc_cli.draft import words
from cchc_cli.draft.numbers import SCALES, Token
from cchc_cli.record import Record

_BOUNDARY = re.compile(r"[;:()\[\]!?…“”\"]|[.,](?=\s|$)")
_SINCE = re.compile(r"so\s+với\s+(?:cùng\s+kỳ\s+)?(?:năm\s+)?((?:19|20)\d{2})\b")
_COMPARED = re.compile(r"so\s+với\s+([^,;.()]*)")


class Reading(Record):
    """One number read in its sentence."""

    token: Token
    kind: str
    """count, percent, score, rank, money or duration."""
    value: Decimal
    unit: tuple[str, str] | None
    """The unit in Vietnamese and English (English is the Vietnamese where unknown)."""
    qualifier: str
    role: str
    """``value``, ``change`` (an amount of change), ``attainment`` (a percent of a plan),
    ``share`` (a percent that may be a share of a count before it), ``group`` (a top
    group's size)."""
    direction: str | None = None
    since: int | None = None
    compared: str | None = None
    """What a change is against, in the text's words, when it is not a year."""
    plan: str | None = None
    whole: bool = False
    """A percent that names the whole it is a share of."""
    sure: bool = False
    """The kind is read from a sign that does not mislead (``%``, ``điểm``, ``thứ 14/63``)."""


def after_words(sentence: str, end: int) -> str:
    """The text after ``end`` up to the next clause boundary."""
    rest = sentence[end:]
    match = _BOUNDARY.search(rest)
    return (rest[:match.start()] if match else rest).strip()


def before_words(sentence: str, start: int) -> str:
    """The text before ``start`` back to the previous clause boundary."""
    head = sentence[:start]
    cut = max((m.end() for m in _BOUNDARY.finditer(head)), default=0)
    return head[cut:].strip()


def read(token: Token, sentence: str) -> Reading:
    """Kind, unit, qualifier and role of ``token`` in ``sentence``."""
    lower = sentence.lower()
    before = lower[:token.start].rstrip()
    after = lower[token.end:].lstrip()
    if token.scale:
        after = after[len(token.scale):].lstrip()
    qualifier = _qualifier(before)
    change = _change(before, lower, token.end)
    if token.percent:
        plan = after_words(sentence, token.end)
        return _percent(token, before, after, qualifier, change=change, phrase=plan)
    money = words.starts_with(f"{token.scale} {after}" if token.scale else after, words.MONEY)
    if money:
        return Reading(token, "money", token.value, (money, words.MONEY[money]), qualifier,
                       "value", sure=True)
    value = _scaled(token)
    if words.ends_with(before, words.RANK_WORDS) or token.words:
        return Reading(token, "rank", value, None, qualifier, "value",
                       sure=token.over is not None)
    if after.startswith("điểm") or (token.over == 100 and token.value != int(token.value)):
        role = "change" if change else "value"
        return Reading(token, "score", value, None, qualifier, role, sure=True,
                       **_change_fields(change))
    if after.startswith("bậc"):
        return Reading(token, "count", value, ("bậc", "places"), qualifier,
                       "change" if change else "value", **_change_fields(change))
    duration = words.starts_with(after, words.DURATIONS)
    if duration and not re.match(r"\w+\s+(?:19|20)\d{2}", after):
        return Reading(token, "duration", value, (duration, words.DURATIONS[duration]),
                       qualifier, "value")
    role = "group" if words.ends_with(before, words.GROUP_WORDS) else \
        ("change" if change else "value")
    kind = "count" if value == int(value) else "score"
    return Reading(token, kind, value, _unit(after), qualifier, role, **_change_fields(change))


def _change_fields(change: tuple[str, int | None, str | None] | None) -> dict[str, Any]:
    if change is None:
        return {}
    return {"direction": change[0], "since": change[1], "compared": change[2]}


def _percent(token: Token, before: str, after: str, qualifier: str, *,
             change: tuple[str, int | None, str | None] | None, phrase: str) -> Reading:
    if words.starts_with(after, words.PLANS):
        return Reading(token, "percent", token.value, None, qualifier, "attainment",
                       plan=phrase, sure=True)
    if change:
        return Reading(token, "percent", token.value, None, qualifier, "change", sure=True,
                       **_change_fields(change))
    first = after.split(" ", 1)[0] if after and after[0].isalpha() else ""
    names_whole = bool(first) and first not in words.STOP
    clause = before_words(before, len(before))
    rate = re.search(r"tỷ lệ\s+(\S+(?:\s+\S+)?)", clause)
    countable = rate is not None and any(rate.group(1).startswith(w) for w in words.COUNTABLE)
    return Reading(token, "percent", token.value, None, qualifier,
                   "value" if names_whole else "share", whole=names_whole or countable,
                   sure=True)


def _scaled(token: Token) -> Decimal:
    if token.scale is None:
        return token.value
    return (token.value * Decimal(10) ** SCALES[token.scale]).normalize()


def _qualifier(before: str) -> str:
    for qualifier, phrases in words.QUALIFIERS:
        found = words.ends_with(before, phrases)
        if found:
            head = before[:-len(found)].rstrip()
            if found == "hơn" and words.ends_with(head, words.COMPARATIVES):
                continue
            if found == "ước" or found.startswith("ước"):
                return "approx"
            return qualifier
        if _verb_then(before, phrases):
            return qualifier
    return "exact"


def _verb_then(before: str, phrases: tuple[str, ...]) -> bool:
    """``ước đạt``: a qualifier with a verb between it and the number."""
    for verb in ("đạt", "là", "có"):
        if words.ends_with(before, (verb,)):
            head = before[:-len(verb)].rstrip()
            return bool(words.ends_with(head, tuple(p for p in phrases if p == "ước")))
    return False


def _change(before: str, lower: str, end: int) -> tuple[str, int | None, str | None] | None:
    """Direction, year compared with, and otherwise what it is compared with."""
    up = words.ends_with(before, words.UP)
    down = words.ends_with(before, words.DOWN)
    if not (up or down):
        return None
    rest = lower[end:]
    stop = re.search(r"[;.]|\s(?:và|,)\s*(?:tăng|giảm|xếp|đứng)", rest)
    rest = rest[:stop.start()] if stop else rest
    since = _SINCE.search(rest)
    compared = _COMPARED.search(rest)
    if since is None and compared is None and not re.match(r"\s*(?:bậc|điểm)", rest):
        return None
    direction = "up" if up else "down"
    return (direction, int(since.group(1)) if since else None,
            compared.group(1).strip() if compared and not since else None)


def _unit(after: str) -> tuple[str, str] | None:
    known = words.starts_with(after, words.UNITS)
    if known:
        return known, words.UNITS[known]
    first = re.match(r"[^\W\d]+(?:\s+[^\W\d]+)?", after)
    if first is None:
        return None
    phrase = " ".join(word for word in first.group(0).split() if word not in words.STOP)
    return (phrase, phrase) if phrase else None
