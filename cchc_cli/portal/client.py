"""One careful POST to the portal, with ``urllib`` from the standard library.

Behaviour: one request at a time; a timeout; an honest ``User-Agent``
(``cchc/<version>``); no retry when the portal refuses (403, 429: the error
says when to try again, from ``Retry-After`` when given); a few retries with
a growing pause after a dropped or refused connection, a timeout or a 5xx;
the body read up to a size cap. The answer is returned whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

from cchc_cli.record import Record

MAX_BYTES = 5_000_000
"""The largest answer read (5 MB); a year's answer is about 18 KB."""

TIMEOUT = 30.0
"""Seconds to wait for the portal to connect or send more, by default."""

ATTEMPTS = 3
"""Tries in all for a dropped connection, a timeout or a 5xx."""

BACKOFF = 2.0
"""Seconds before the first retry; each later retry waits twice as long."""


class Settings(Record):
    """How to talk to the portal."""

    timeout: float = TIMEOUT
    max_bytes: int = MAX_BYTES
    attempts: int = ATTEMPTS
    backoff: float = BACKOFF


class Reply(Record):
    """A whole answer: status, content type and the body's bytes, untouched."""

    url: str
    status: int
    content_type: str
    body: bytes
    received_at: dt.datetime


class PortalError(Exception):
    """The portal gave no usable answer; the message says what happened and what to do."""


class Refused(PortalError):
    """The portal refused the request (403, 429): not retried."""


def user_agent() -> str:
    """``cchc/0.1.0``: the name and version of this program."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"cchc/{version('cchc')}"
    except PackageNotFoundError:
        return "cchc"


def post_json(url: str, body: bytes, settings: Settings,
              sleep: Callable[[float], None] = time.sleep) -> Reply:
    """POST ``body`` as JSON to ``url``; retry what may pass, refuse what will not."""
    wait = settings.backoff
    for attempt in range(1, settings.attempts + 1):
        try:
            return _once(url, body, settings)
        except _Transient as error:
            if attempt == settings.attempts:
                tries = f" ({attempt} tries)" if attempt > 1 else ""
                raise PortalError(f"{error}{tries}; try again later") from None
            sleep(wait)
            wait *= 2
    raise AssertionError("unreachable")


class _Transient(Exception):
    """A failure worth another try: a dropped connection, a timeout, a 5xx."""


def _once(url: str, body: bytes, settings: Settings) -> Reply:
    request = urllib.request.Request(url, data=body, method="POST", headers={
        "User-Agent": user_agent(), "Content-Type": "application/json",
        "Accept": "application/json"})
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=settings.timeout) as response:
            data = _read(response, settings.max_bytes)
            return Reply(response.geturl(), response.status,
                         response.headers.get("Content-Type", ""), data,
                         dt.datetime.now(dt.UTC).replace(microsecond=0))
    except urllib.error.HTTPError as error:
        error.close()
        raise _status_error(error.code, error.headers.get("Retry-After"), host) from None
    except TimeoutError:
        raise _Transient(f"{host} did not answer within {settings.timeout:g} s "
                         "(--timeout sets the wait)") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, TimeoutError):
            raise _Transient(f"{host} did not answer within {settings.timeout:g} s "
                             "(--timeout sets the wait)") from None
        if isinstance(reason, socket.gaierror):
            raise PortalError(f"cannot find the host {host}: check the address and the "
                              "network") from None
        if isinstance(reason, ConnectionRefusedError):
            raise _Transient(f"{host} refused the connection") from None
        raise _Transient(f"cannot connect to {host}: {reason}") from None
    except (http.client.IncompleteRead, http.client.RemoteDisconnected, ConnectionError):
        raise _Transient(f"{host} dropped the connection before the answer was "
                         "complete") from None
    except http.client.HTTPException as error:
        raise _Transient(f"{host} sent a broken answer ({type(error).__name__})") from None


def _read(response: http.client.HTTPResponse, cap: int) -> bytes:
    """The whole body, refusing one larger than ``cap`` bytes before reading it all."""
    length = response.headers.get("Content-Length")
    if length is not None and length.isdigit() and int(length) > cap:
        raise PortalError(f"the answer is {int(length):,} bytes, more than the limit of "
                          f"{cap:,}; nothing was saved")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(65_536):
        size += len(chunk)
        if size > cap:
            raise PortalError(f"the answer is more than the limit of {cap:,} bytes; nothing "
                              "was saved")
        chunks.append(chunk)
    if length is not None and length.isdigit() and size < int(length):
        raise http.client.IncompleteRead(b"".join(chunks), int(length) - size)
    return b"".join(chunks)


def _status_error(status: int, retry_after: str | None, host: str) -> Exception:
    """The error for an answer with a failing status: refused, transient or final."""
    if status in (403, 429):
        what = ("refused the request (HTTP 403, forbidden: its firewall may be blocking it)"
                if status == 403 else "asks to slow down (HTTP 429: too many requests)")
        return Refused(f"the portal {what}; {when_to_retry(retry_after)}")
    if status >= 500:
        return _Transient(f"{host} failed with HTTP {status}")
    return PortalError(f"the portal answered HTTP {status}; check --base-url and the period")


def when_to_retry(retry_after: str | None, now: dt.datetime | None = None) -> str:
    """``try again after 2026-10-10 04:00 UTC (in 120 s)``, from a ``Retry-After`` header."""
    moment = now or dt.datetime.now(dt.UTC)
    if retry_after:
        text = retry_after.strip()
        if text.isdigit():
            later = moment + dt.timedelta(seconds=int(text))
            return f"try again after {later:%Y-%m-%d %H:%M} UTC (in {int(text)} s)"
        try:
            date = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            pass
        else:
            if date.tzinfo is not None:
                return f"try again after {date.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"
    return "try again later (in an hour, or tomorrow), not straight away"
