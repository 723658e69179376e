"""``cchc import`` and ``cchc fetch`` from start to end: ask, keep, check, write.

Only these two commands import this module, so no other command pays for
HTTP. Progress and the files written are reported on stderr.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.errors import DataProblems, OutputError, PortalFailure
from cchc_cli.periods import Period

if TYPE_CHECKING:
    from rich.progress import Progress

    from cchc_cli.portal.client import Settings
    from cchc_cli.portal.importer import Capture
    from cchc_cli.portal.request import PortalRequest


def import_file(file: Path, captured_at: dt.datetime | None, request_file: Path | None,
                period: Period | None, *, into: Path | None, force: bool) -> Path:
    """Read a saved answer and write its checked table."""
    from cchc_cli.portal.importer import ImportError_, read_capture

    try:
        capture = read_capture(file, captured_at, request_file)
    except ImportError_ as error:
        raise click.UsageError(str(error)) from None
    return write_capture_table(capture, period, into, force)


def write_capture_table(capture: Capture, period: Period | None, into: Path | None,
                        force: bool, kept: Path | None = None) -> Path:
    """Check ``capture`` and write its table; report warnings and the file on stderr.

    ``kept`` is where a fetched answer was saved, for the messages of a failure.
    """
    from cchc_cli.load.problems import DataError
    from cchc_cli.portal.convert import TableExists, write_table
    from cchc_cli.portal.importer import ImportError_, check_capture
    from cchc_cli.portal.store import default_data_dir

    after = f" (the answer is kept in {kept})" if kept else ""
    try:
        chosen, checked = check_capture(capture, period)
    except ImportError_ as error:
        raise click.UsageError(str(error)) from None
    except DataError as error:
        whole = error.problems[0] if len(error.problems) == 1 else None
        if whole is not None and not whole.field:  # not an answer at all: one line says so
            raise DataProblems([], f"{whole}; no table was written{after}") from None
        raise DataProblems(error.problems, f"{capture.path}: not imported; no table was "
                                           f"written{after}") from None
    for warning in checked.warnings:
        click.echo(f"warning: {warning}", err=True)
    if capture.time_source == "file-time":
        click.echo(f"warning: {capture.path}: no capture time was given, so the file's "
                   f"modification time, {capture.captured_at.isoformat()}, is taken as the "
                   "day the figures run to; give --captured-at if that is not when it was "
                   "saved from the portal", err=True)
    folder = into or default_data_dir()
    try:
        path = write_table(checked, capture, chosen, folder, force)
    except TableExists as error:
        raise OutputError(f"'{error.path}' exists (the same period, {chosen.full_key}); use "
                          f"--force to replace it{after}") from None
    except OSError as error:
        raise OutputError(f"cannot write into '{folder}': {error.strerror or error}") from None
    click.echo(f"cchc: wrote {path} ({len(checked.rows)} provinces, {chosen.full_key})",
               err=True)
    return path


def requests_for(year: int, quarter: int | None, month: int | None,
                 months: tuple[int, int] | None) -> list[PortalRequest]:
    """The requests of the options: one period, or one per month of a range."""
    from cchc_cli.portal.request import for_options, vietnam_date

    if sum(x is not None for x in (quarter, month, months)) > 1:
        raise click.UsageError("give one of --quarter, --month and --months")
    requests = [for_options(year, None, m) for m in range(months[0], months[1] + 1)] \
        if months else [for_options(year, quarter, month)]
    today = vietnam_date(dt.datetime.now(dt.UTC))
    for request in requests:
        why = request.unfinished(today)
        if why is not None:
            raise click.UsageError(f"cannot fetch {request.label}: {why}")
    return requests


def base_url(given: str | None) -> str:
    """The portal's address without a trailing slash; only http:// or https://."""
    from cchc_cli.portal.request import DEFAULT_BASE_URL

    base = (given or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise click.UsageError(f"--base-url '{base}' is not an http:// or https:// address")
    return base


def settings(timeout: float) -> Settings:
    """The client's settings; CCHC_PORTAL_BACKOFF and CCHC_PORTAL_MAX_BYTES override two."""
    from cchc_cli.portal.client import BACKOFF, MAX_BYTES, Settings

    def number(name: str, default: float) -> float:
        try:
            return float(os.environ.get(name, default))
        except ValueError:
            raise click.UsageError(f"{name} is not a number") from None

    return Settings(timeout=timeout, max_bytes=int(number("CCHC_PORTAL_MAX_BYTES", MAX_BYTES)),
                    backoff=number("CCHC_PORTAL_BACKOFF", BACKOFF))


def fetch_all(requests: list[PortalRequest], base: str, settings: Settings, *,
              folder: Path | None, force: bool, pause: float) -> None:
    """Fetch each request in turn, one at a time, with a progress bar on a terminal."""
    import time

    from cchc_cli.portal.store import default_data_dir

    folder = folder or default_data_dir()
    progress = _progress(len(requests))
    try:
        for number, request in enumerate(requests):
            if number:
                time.sleep(pause)
            if progress is not None:
                progress.update(progress.task_ids[0], description=request.label)
            _fetch_one(request, base, settings, folder=folder, force=force, done=number,
                       total=len(requests))
            if progress is not None:
                progress.advance(progress.task_ids[0])
    finally:
        if progress is not None:
            progress.stop()


def _progress(total: int) -> Progress | None:
    """A Rich progress bar on stderr for several requests, when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.add_task("", total=total)
    progress.start()
    return progress


def _fetch_one(request: PortalRequest, base: str, settings: Settings, *, folder: Path,
               force: bool, done: int, total: int) -> None:
    """POST one request, keep the answer whole, and import it."""
    from cchc_cli.portal.client import PortalError, post_json, user_agent
    from cchc_cli.portal.importer import Capture
    from cchc_cli.portal.request import PATH
    from cchc_cli.portal.response import sha256
    from cchc_cli.portal.store import iso, save_capture

    url = base + PATH
    try:
        reply = post_json(url, request.body_bytes(), settings)
    except PortalError as error:
        raise PortalFailure(_stopped(f"{request.label}: {error}", done, total)) from None
    problem = _unusable(reply.content_type, reply.body)
    if problem is not None:
        raise PortalFailure(_stopped(f"{request.label}: {problem}; nothing was saved",
                                     done, total))
    period = request.period(reply.received_at)
    meta = {"format": "cchc-portal-capture/1", "url": url, "method": "POST",
            "request_body": request.body(), "user_agent": user_agent(),
            "status": reply.status, "content_type": reply.content_type,
            "captured_at": iso(reply.received_at), "sha256": sha256(reply.body),
            "size": len(reply.body)}
    try:
        path = save_capture(folder, period.key, reply.body, meta, reply.received_at)
    except OSError as error:
        raise OutputError(f"cannot save the answer in '{folder}': "
                          f"{error.strerror or error}") from None
    click.echo(f"cchc: saved {path}", err=True)
    capture = Capture(str(path), reply.body, reply.received_at, "fetched", request, url)
    write_capture_table(capture, None, folder, force, kept=path)


def _stopped(message: str, done: int, total: int) -> str:
    """The message, with what was fetched before it when there were several."""
    if total < 2:
        return message
    return f"{message} (stopped after {done} of {total} periods; the earlier ones are saved)"


def _unusable(content_type: str, body: bytes) -> str | None:
    """Why a 2xx answer is not the portal's JSON: a firewall page, a wrong type, a cut body."""
    from cchc_cli.load.problems import DataError
    from cchc_cli.portal.response import html_title, looks_like_html, read_answer

    head = body[:20_000].decode("utf-8", "replace")
    media = content_type.split(";", maxsplit=1)[0].strip().lower()
    if media == "text/html" or looks_like_html(head):
        return ("the portal answered with an HTML page" + html_title(head) + ", not JSON: "
                "its firewall may have blocked the request; try again later")
    if media != "application/json" and not media.endswith("+json"):
        return f"the portal answered '{content_type or 'no content type'}', not JSON"
    try:
        read_answer("answer", body)
    except DataError as error:
        whole = [p for p in error.problems if not p.field]
        if whole:  # not the portal's results at all; a row's problem is the import's to say
            return f"unusable answer: {whole[0].message}"
    return None
