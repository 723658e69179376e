"""Read a portal answer: the new portal's JSON, the old portal's array, or say what it is.

The new portal (since 2025) answers ``{"code": "OK", "data": {"evaluation":
[{departmentCode, departmentName, totalScore, scoreDelta, groupScores}, …]}}``;
the old one (63 provinces, until mid-2025) answered a JSON array of
``{ID, TEN, ROW_STT, TONG_SCORE, CKMB, …}``. Anything else — the firewall's
HTML page, an error object, JSON of another shape, an empty list, a cut-off
body — is refused with one line that says what it is and what to do.
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Literal

from cchc_cli.load.problems import DataError, Problem
from cchc_cli.portal import GROUPS
from cchc_cli.record import Record

Shape = Literal["new", "old"]

GROUP_CODES = tuple(code for code, _ in GROUPS)

_SAVE_HINT = ("save the answer of the API request 'service-results' from the browser's "
              "developer tools (Network tab, Response), not the page")


class Row(Record):
    """One province's line of the answer, as the portal gave it."""

    position: int
    """The row's place in the list, from 0."""
    line: int
    column: int
    field: str
    """Where the row is: ``data.evaluation[3]`` or ``[3]``."""
    code: str | None
    """The new portal's ``departmentCode`` (``H20``)."""
    old_id: str | None
    """The old portal's ``ID``."""
    name: str
    total: Decimal | None
    delta: Decimal | None
    """The new portal's ``scoreDelta``, as stated."""
    ratio: Decimal | None
    groups: tuple[tuple[str, Decimal | None], ...]
    stated_place: int | None
    """The old portal's ``ROW_STT``."""

    @property
    def label(self) -> str:
        """``UBND tỉnh Đồng Tháp (H20)``: the row as a message names it."""
        ident = self.code or (f"ID {self.old_id}" if self.old_id else None)
        return f"{self.name} ({ident})" if ident else self.name or self.field


class Overview(Record):
    """What the new portal states for the whole country beside the rows."""

    total: Decimal | None
    radar: tuple[tuple[str, Decimal | None], ...]
    total_at: tuple[int, int] = (1, 1)
    """The line and column of ``overview.totalScore`` in the file."""
    radar_at: tuple[int, int] = (1, 1)


class Answer(Record):
    """A portal answer read and recognised, before any check."""

    path: str
    shape: Shape
    rows: tuple[Row, ...]
    overview: Overview | None
    sha256: str
    size: int


def sha256(data: bytes) -> str:
    """The hex SHA-256 of ``data``."""
    return hashlib.sha256(data).hexdigest()


def read_answer(path: str, data: bytes) -> Answer:
    """Recognise ``data`` (the bytes of ``path``) as a portal answer.

    Raises ``DataError`` with one problem saying what the bytes are when they
    are not a portal answer, or with every problem of every row.
    """
    text = _text(path, data)
    document = _json(path, text)
    problems: list[Problem] = []
    if isinstance(document, list):
        rows = _old_rows(path, text, document, problems)
        shape: Shape = "old"
        overview = None
    else:
        evaluation = _evaluation(path, document)
        rows = _new_rows(path, text, evaluation, problems)
        shape = "new"
        overview = _overview(text, document["data"])
    if problems:
        raise DataError(problems)
    return Answer(path, shape, tuple(rows), overview, sha256(data), len(data))


def _refuse(path: str, message: str, hint: str = "", line: int = 1, column: int = 1) -> DataError:
    return DataError([Problem(path, line, column, "", message, hint)])


def _text(path: str, data: bytes) -> str:
    """The bytes as text, refusing an empty file, an HTML page or non-UTF-8 bytes."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(path, f"not UTF-8 text (byte {error.start + 1})",
                      "the portal answers UTF-8 JSON; " + _SAVE_HINT) from None
    if not text.strip():
        raise _refuse(path, "the file is empty", _SAVE_HINT)
    if looks_like_html(text):
        raise _refuse(path, "an HTML page, not the portal's JSON" + html_title(text),
                      "the portal's firewall answers with such a page when it refuses a "
                      "request; wait and try again, or " + _SAVE_HINT)
    return text


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page rather than JSON."""
    return text.lstrip()[:1] == "<"


def html_title(text: str) -> str:
    """`` (title: 'Request Rejected')`` when the page has a title, else nothing."""
    found = re.search(r"<title[^>]*>(.*?)</title>", text[:20_000], re.IGNORECASE | re.DOTALL)
    if not found:
        return ""
    title = " ".join(found.group(1).split())[:80]
    return f" (title: '{title}')" if title else ""


def _json(path: str, text: str) -> Any:
    try:
        return json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        if not text[error.pos:].strip() or unclosed(text):
            raise _refuse(path, "the JSON ends before it is complete: the answer was cut short",
                          "fetch it again, or save the whole response", error.lineno,
                          error.colno) from None
        raise _refuse(path, f"not valid JSON: {error.msg}", _SAVE_HINT, error.lineno,
                      error.colno) from None
    except RecursionError:
        raise _refuse(path, "not valid JSON: nested too deeply", _SAVE_HINT) from None


def unclosed(text: str) -> bool:
    """Whether ``text`` stops inside a string, an object or a list: JSON cut short."""
    depth, in_string, escaped = 0, False, False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
    return in_string or depth > 0


def _evaluation(path: str, document: Any) -> list[Any]:
    """The new portal's ``data.evaluation``, or a refusal saying what the JSON is instead."""
    if not isinstance(document, dict):
        raise _refuse(path, f"JSON of another shape: {_kind(document)}", _EXPECTED)
    data = document.get("data")
    if isinstance(data, dict) and "evaluation" in data:
        evaluation = data["evaluation"]
        if not isinstance(evaluation, list):
            raise _refuse(path, f"data.evaluation is {_kind(evaluation)}, not a list", _EXPECTED)
        if not evaluation:
            raise _refuse(path, "an empty list: the portal has no results for this period",
                          "a month has results only after it ends; try an earlier period")
        return evaluation
    error = _error_text(document)
    if error is not None:
        raise _refuse(path, f"an error object, not results: {error}",
                      "the portal refused or did not understand the request; check the "
                      "period, wait and try again")
    raise _refuse(path, f"JSON of another shape: {_kind(document)}", _EXPECTED)


_EXPECTED = ("expected the portal's service-results answer ({\"data\": {\"evaluation\": "
             "[…]}}) or the old portal's array of {TEN, TONG_SCORE, …}")


def _kind(value: Any) -> str:
    """``an object with keys a, b, c``: what a JSON value is, for a message."""
    if isinstance(value, dict):
        keys = ", ".join(list(map(str, value))[:6]) + (", …" if len(value) > 6 else "")
        return f"an object with keys {keys}" if value else "an empty object"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    return "a number" if isinstance(value, int | Decimal) and value is not True \
        and value is not False else "true or false"


def _error_text(document: dict[str, Any]) -> str | None:
    """``code 'FORBIDDEN', message '…'`` for an error object, else None."""
    code = document.get("code", document.get("status", document.get("statusCode")))
    message = document.get("message", document.get("error", document.get("errorMessage")))
    if code is None and message is None:
        return None
    if str(code).upper() == "OK" and "data" in document:
        return None
    parts = []
    if code is not None:
        parts.append(f"code '{code}'")
    if message is not None:
        parts.append(f"message '{' '.join(str(message).split())[:120]}'")
    return ", ".join(parts)


def _new_rows(path: str, text: str, evaluation: list[Any],
              problems: list[Problem]) -> list[Row]:
    starts = element_starts(text, r'"evaluation"\s*:\s*\[', len(evaluation))
    rows = []
    for position, item in enumerate(evaluation):
        line, column = starts[position]
        field = f"data.evaluation[{position}]"
        found = _Fields(path, (line, column), field, item, problems)
        if not found.ok:
            continue
        code, name = found.text("departmentCode"), found.text("departmentName", required=False)
        total = found.number("totalScore")
        delta, ratio = found.number("scoreDelta", required=False), found.number("ratio", False)
        groups_value = item.get("groupScores")
        groups: tuple[tuple[str, Decimal | None], ...] = ()
        if not isinstance(groups_value, dict):
            found.problem("groupScores", "missing or not an object",
                          f"each row has groupScores {{{', '.join(GROUP_CODES)}}}")
        else:
            sub = _Fields(path, (line, column), f"{field}.groupScores", groups_value, problems)
            groups = tuple((code, sub.number(code)) for code in GROUP_CODES)
        rows.append(Row(position, line, column, field, code, None, name or "", total, delta,
                        ratio, groups, None))
    return rows


def _old_rows(path: str, text: str, document: list[Any],
              problems: list[Problem]) -> list[Row]:
    if not document:
        raise _refuse(path, "an empty list: the portal has no results for this period",
                      "a month has results only after it ends; try an earlier period")
    if not all(isinstance(item, dict) and "TEN" in item for item in document):
        raise _refuse(path, f"JSON of another shape: a list whose items are not all old-portal "
                      f"rows (first: {_kind(document[0])})", _EXPECTED)
    starts = element_starts(text, r"\A\s*\[", len(document))
    rows = []
    for position, item in enumerate(document):
        line, column = starts[position]
        found = _Fields(path, (line, column), f"[{position}]", item, problems)
        groups = tuple((code, found.number(code)) for code in GROUP_CODES)
        place = found.number("ROW_STT", required=False)
        old_id = item.get("ID")
        rows.append(Row(position, line, column, f"[{position}]", None,
                        None if old_id is None else str(old_id),
                        found.text("TEN") or "", found.number("TONG_SCORE"), None, None,
                        groups, int(place) if place is not None and place == int(place)
                        else None))
    return rows


def _overview(text: str, data: dict[str, Any]) -> Overview | None:
    """The national score and the radar's group scores, where the answer states them."""
    overview = data.get("overview")
    total = overview.get("totalScore") if isinstance(overview, dict) else None
    radar = data.get("radar")
    if not isinstance(radar, list):
        radar = []
    return Overview(_decimal(total), tuple(
        (str(item.get("code")), _decimal(item.get("score")))
        for item in radar if isinstance(item, dict)),
        _key_at(text, r'"overview"\s*:\s*\{[^{}]*?"totalScore"'), _key_at(text, r'"radar"'))


def _key_at(text: str, pattern: str) -> tuple[int, int]:
    """Where the last key the pattern matches starts, or ``(1, 1)``."""
    found = re.search(pattern, text)
    if found is None:
        return 1, 1
    return position(text, found.end() - len(found.group(0).split('"')[-2]) - 2)


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


class _Fields:
    """Read the fields of one row, recording a problem for each that is wrong."""

    def __init__(self, path: str, at: tuple[int, int], field: str, item: Any,
                 problems: list[Problem]) -> None:
        self.path, (self.line, self.column), self.field = path, at, field
        self.item = item
        self.problems = problems
        self.ok = isinstance(item, dict)
        if not self.ok:
            self.problem("", f"is {_kind(item)}, not an object", "each row is an object")

    def problem(self, name: str, message: str, hint: str = "") -> None:
        """Record that field ``name`` of the row is wrong."""
        field = f"{self.field}.{name}" if name else self.field
        self.problems.append(Problem(self.path, self.line, self.column, field, message, hint))

    def number(self, name: str, required: bool = True) -> Decimal | None:
        """The field as a number; None for null (no data) or, when not required, absent."""
        if name not in self.item:
            if required:
                self.problem(name, "missing", "the portal gives it on every row")
            return None
        value = self.item[name]
        number = _decimal(value)
        if number is None and value is not None:
            self.problem(name, f"{json.dumps(value, default=str, ensure_ascii=False)[:40]} "
                               "is not a number")
        return number

    def text(self, name: str, required: bool = True) -> str | None:
        """The field as text, stripped; None when absent or empty."""
        value = self.item.get(name)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
        if required:
            self.problem(name, "missing or empty" if value in (None, "") else
                         "is not text", "the portal gives it on every row")
        return None


def element_starts(text: str, opening: str, count: int) -> list[tuple[int, int]]:
    """The line and column where each of the ``count`` items of the list opened by
    the regular expression ``opening`` starts; ``(1, 1)`` for each if it cannot tell."""
    unknown = [(1, 1)] * count
    found = re.search(opening, text)
    if found is None:
        return unknown
    decoder = json.JSONDecoder()
    index, starts = found.end(), []
    for _ in range(count):
        while index < len(text) and text[index] in " \t\r\n,":
            index += 1
        try:
            _, end = decoder.raw_decode(text, index)
        except json.JSONDecodeError:
            return unknown
        starts.append(position(text, index))
        index = end
    return starts


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
