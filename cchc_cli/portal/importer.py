"""From a saved answer to checked rows: the capture's time, its request and its period.

The capture time is, in order: the time given (``--captured-at``), the time in
the metadata a fetch saved beside the answer, or the file's modification
time; the table says which. The request is the one given (``--request``),
the metadata's, or the one the file's name states (``…_year-2026_…``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Literal

from cchc_cli.periods import Period
from cchc_cli.portal.checks import Checked, check
from cchc_cli.portal.request import PortalRequest, from_body, from_file_name, vietnam_date
from cchc_cli.portal.response import read_answer, sha256
from cchc_cli.record import Record

MAX_FILE_BYTES = 5_000_000
"""The largest answer read (5 MB); a year's answer is about 18 KB."""

TimeSource = Literal["given", "fetched", "file-time"]

TIME_SOURCES: dict[TimeSource, str] = {
    "given": "stated when imported (--captured-at)",
    "fetched": "the time cchc fetch received it",
    "file-time": "the saved file's modification time (no capture time was given)",
}


class Capture(Record):
    """A saved answer and what is known of how it was taken."""

    path: str
    data: bytes
    captured_at: dt.datetime
    time_source: TimeSource
    request: PortalRequest | None
    url: str | None = None


class ImportError_(ValueError):
    """The import cannot go on: the message says why and what to give."""


def parse_time(text: str) -> dt.datetime:
    """An ISO 8601 time with its zone (``2026-09-17T03:40:19Z``); ``ValueError`` otherwise."""
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"'{text}' is not a time; write it as 2026-09-17T03:40:19Z or "
                         "2026-09-17T10:40:19+07:00") from None
    if moment.tzinfo is None:
        raise ValueError(f"'{text}' has no time zone; add Z for UTC or +07:00 for Vietnam")
    return moment.astimezone(dt.UTC)


def read_capture(path: Path, captured_at: dt.datetime | None,
                 request_file: Path | None) -> Capture:
    """The answer at ``path`` with its capture time and request, from the best source."""
    data = _read_bytes(path)
    from cchc_cli.portal.store import read_meta

    meta = read_meta(path)
    if meta is not None and meta.get("sha256") != sha256(data):
        meta = None  # the metadata describes other bytes
    request = _request(path, request_file, meta)
    if captured_at is not None:
        return Capture(str(path), data, captured_at, "given", request)
    if meta is not None:
        try:
            moment = parse_time(str(meta.get("captured_at")))
        except ValueError:
            pass
        else:
            return Capture(str(path), data, moment, "fetched", request, meta.get("url"))
    mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).replace(microsecond=0)
    return Capture(str(path), data, mtime, "file-time", request)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportError_(f"{path}: {size:,} bytes is more than a portal answer "
                               f"({MAX_FILE_BYTES:,} at most); is it the right file?")
        return path.read_bytes()
    except IsADirectoryError:
        raise ImportError_(f"{path}: a folder; give the saved answer's file") from None
    except OSError as error:
        raise ImportError_(f"{path}: cannot read it: {error.strerror or error}") from None


def _request(path: Path, request_file: Path | None,
             meta: dict[str, object] | None) -> PortalRequest | None:
    if request_file is not None:
        try:
            body = json.loads(request_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ImportError_(f"{request_file}: cannot read the request as JSON: "
                               f"{getattr(error, 'strerror', None) or error}") from None
        if isinstance(body, dict) and isinstance(body.get("request_body"), dict):
            body = body["request_body"]  # a metadata file of cchc fetch
        try:
            return from_body(body)
        except ValueError as error:
            raise ImportError_(f"{request_file}: {error}") from None
    if meta is not None:
        try:
            return from_body(meta.get("request_body"))
        except ValueError:
            pass
    return from_file_name(path.name)


def period_of(capture: Capture, given: Period | None) -> Period:
    """The period the answer is for: from its request, or ``--period``; they must agree.

    A year captured before it ended is a year to date, up to the capture's day
    in Vietnam (unless ``--period`` names another day).
    """
    day = vietnam_date(capture.captured_at)
    from_request = capture.request.period(capture.captured_at) if capture.request else None
    period = given if given is None else _running(given, day)
    if period is None:
        if from_request is None:
            raise ImportError_(f"{capture.path}: cannot tell which period the answer is for; "
                               "give --period (2026, 2026-q3, 2026-09) or --request with the "
                               "request's JSON body")
        period = from_request
    elif from_request is not None and from_request.key != period.key:
        asked = capture.request.label if capture.request else ""
        raise ImportError_(f"--period {period.key} disagrees with the request, which asked "
                           f"for {asked}; give one of them")
    if period.start > day:
        raise ImportError_(f"{capture.path}: captured on {day.isoformat()}, before "
                           f"{period.key} began; check --captured-at")
    if period.kind not in ("year", "ytd") and period.end >= day:
        raise ImportError_(f"{capture.path}: captured on {day.isoformat()}, before {period.key} "
                           "ended; the portal has a period's results only after it ends")
    return period


def _running(given: Period, day: dt.date) -> Period:
    """``given``, as a year to date when the year had not ended on ``day``."""
    if given.kind not in ("year", "ytd"):
        return given
    if day > dt.date(given.year, 12, 31):
        return Period(given.year)
    return given if given.kind == "ytd" and given.as_of else Period(given.year, "ytd", None, day)


def check_capture(capture: Capture, given: Period | None) -> tuple[Period, Checked]:
    """Read the answer, find its period and check it for the provinces of that period.

    Raises ``DataError`` for an answer that is not one or fails a check, and
    ``ImportError_`` when the period cannot be told.
    """
    from cchc_cli.provinces import registry

    answer = read_answer(capture.path, capture.data)
    period = period_of(capture, given)
    on = min(period.end, vietnam_date(capture.captured_at))
    return period, check(answer, registry(), on)
