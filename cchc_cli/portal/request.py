"""The request the portal expects for a period, and the period an answer is for.

The portal answers ``POST /api/v1/reporting/evaluation/service-results`` with
the JSON body ``{"timeType": "year", "year": 2026, "departmentType":
"ADMINISTRATIVE_UNIT"}``; a quarter adds ``"quarter": n`` and a month
``"month": n`` with their ``timeType``. A month or quarter has results only
once it has ended; a year asked for before it ends is a year to date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from cchc_cli.periods import Period
from cchc_cli.record import Record

DEFAULT_BASE_URL = "https://dichvucong.gov.vn"
PATH = "/api/v1/reporting/evaluation/service-results"
DEPARTMENT_TYPE = "ADMINISTRATIVE_UNIT"

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
"""The portal's time zone (Vietnam keeps UTC+7 all year): a capture's date is its date there."""

TimeType = Literal["year", "quarter", "month"]


class PortalRequest(Record):
    """What to ask the portal for: a year, a quarter or a month of one year."""

    year: int
    time_type: TimeType = "year"
    number: int | None = None

    def body(self) -> dict[str, Any]:
        """The JSON body, in the order the portal's own page sends it."""
        body: dict[str, Any] = {"timeType": self.time_type, "year": self.year}
        if self.time_type != "year":
            body[self.time_type] = self.number
        body["departmentType"] = DEPARTMENT_TYPE
        return body

    def body_bytes(self) -> bytes:
        """The body as sent: compact UTF-8 JSON."""
        import json

        return json.dumps(self.body(), separators=(",", ":")).encode("utf-8")

    @property
    def label(self) -> str:
        """``2026``, ``2026 quarter 3`` or ``2026 month 9``, for messages."""
        if self.time_type == "year":
            return str(self.year)
        return f"{self.year} {self.time_type} {self.number}"

    def last_day(self) -> dt.date:
        """The last day the request covers, once it has ended."""
        if self.time_type == "year":
            return dt.date(self.year, 12, 31)
        months = 3 if self.time_type == "quarter" else 1
        assert self.number is not None
        return Period(self.year, "quarter" if months == 3 else "month", self.number).end

    def unfinished(self, today: dt.date) -> str | None:
        """Why the portal cannot have results yet on ``today``, or None if it can."""
        if dt.date(self.year, 1, 1) > today:
            return f"{self.year} has not begun (today is {today.isoformat()} in Vietnam)"
        if self.time_type != "year" and self.last_day() >= today:
            return (f"{self.time_type} {self.number} of {self.year} ends on "
                    f"{self.last_day().isoformat()}; the portal has its results only after "
                    f"it ends, from {(self.last_day() + dt.timedelta(days=1)).isoformat()}")
        return None

    def period(self, captured: dt.datetime) -> Period:
        """The period an answer captured at ``captured`` is for: a year still running is
        a year to date, up to the capture's day in Vietnam."""
        if self.time_type == "quarter":
            return Period(self.year, "quarter", self.number)
        if self.time_type == "month":
            return Period(self.year, "month", self.number)
        day = vietnam_date(captured)
        if day <= dt.date(self.year, 12, 31):
            return Period(self.year, "ytd", None, max(day, dt.date(self.year, 1, 1)))
        return Period(self.year)


def vietnam_date(moment: dt.datetime) -> dt.date:
    """The date in Vietnam at ``moment``."""
    return moment.astimezone(VIETNAM).date()


def for_options(year: int, quarter: int | None, month: int | None) -> PortalRequest:
    """The request for ``--year`` with ``--quarter`` or ``--month``."""
    if quarter is not None:
        return PortalRequest(year, "quarter", quarter)
    if month is not None:
        return PortalRequest(year, "month", month)
    return PortalRequest(year)


def from_body(body: Any) -> PortalRequest:
    """The request a JSON body (as the browser sent it) asks for; ``ValueError`` if none."""
    if not isinstance(body, dict):
        raise ValueError("the request is not a JSON object like "
                         '{"timeType": "year", "year": 2026, …}')
    time_type, year = body.get("timeType"), body.get("year")
    if time_type not in ("year", "quarter", "month"):
        raise ValueError(f"timeType {time_type!r} is not year, quarter or month")
    limits = {"year": 0, "quarter": 4, "month": 12}[time_type]
    number = body.get(time_type) if time_type != "year" else None
    if not _whole(year, 1990, 2100) or (limits and not _whole(number, 1, limits)):
        raise ValueError(f"the request's year or {time_type} is missing or out of range")
    return PortalRequest(int(str(year)), time_type, None if number is None else int(str(number)))


def _whole(value: Any, low: int, high: int) -> bool:
    text = str(value)
    return not isinstance(value, bool) and text.isdigit() and low <= int(text) <= high


_NAME = re.compile(r"(?:^|[_-])(?P<kind>year|quarter|month)-(?P<year>[0-9]{4})"
                   r"(?:-(?:q)?(?P<number>[0-9]{1,2}))?(?=[_.-]|$)", re.IGNORECASE)


def from_file_name(name: str) -> PortalRequest | None:
    """The request a capture's name states (``service-results_year-2026_…``), or None."""
    found = _NAME.search(name)
    if found is None:
        return None
    kind = found.group("kind").lower()
    number = found.group("number")
    if kind == "year":
        return PortalRequest(int(found.group("year")))
    if number is None:
        return None
    try:
        return from_body({"timeType": kind, "year": int(found.group("year")),
                          kind: int(number)})
    except ValueError:
        return None
