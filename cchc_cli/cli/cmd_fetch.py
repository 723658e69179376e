"""``cchc fetch``: ask the portal for a period, keep its answer, and import it."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.cli.cmd_import import into_option, write_capture_table
from cchc_cli.errors import OutputError, PortalFailure

if TYPE_CHECKING:
    from rich.progress import Progress

    from cchc_cli.portal.client import Settings
    from cchc_cli.portal.request import PortalRequest

PAUSE = 5.0
"""Seconds between two requests of one run, by default."""


class MonthRange(click.ParamType):  # type: ignore[type-arg]
    """``1-9`` or ``10``: months of one year."""

    name = "months"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[int, int]:
        """Read ``A-B`` (or one month) as the first and last month."""
        if isinstance(value, tuple):
            return value
        first, _, last = str(value).partition("-")
        if not first.strip().isdigit() or (last and not last.strip().isdigit()):
            self.fail(f"'{value}' is not a range of months like 1-9", param, ctx)
        low, high = int(first), int(last or first)
        if not 1 <= low <= high <= 12:
            self.fail(f"'{value}': months run from 1 to 12, the first before the last",
                      param, ctx)
        return low, high


@click.command()
@click.argument("index", type=click.Choice(["service-index-766"]), metavar="INDEX")
@click.option("--year", "-y", type=click.IntRange(2025, 2100), required=True,
              help="The year (alone: the whole year, or the year to date while it runs).")
@click.option("--quarter", type=click.IntRange(1, 4), help="One quarter of the year.")
@click.option("--month", type=click.IntRange(1, 12), help="One month of the year.")
@click.option("--months", type=MonthRange(), metavar="A-B",
              help="Several months (1-9), one request each, with a pause between.")
@into_option
@click.option("--base-url", metavar="URL", envvar="CCHC_PORTAL_URL", show_envvar=True,
              help="The portal's address [default: https://dichvucong.gov.vn].")
@click.option("--timeout", type=click.FloatRange(0.001, 600), default=30, show_default=True,
              metavar="SECONDS", help="How long to wait for the portal to connect or send.")
@click.option("--pause", type=click.FloatRange(0, 3600), default=PAUSE, show_default=True,
              metavar="SECONDS", help="Wait between two requests (with --months).")
def fetch(index: str, *, year: int, quarter: int | None, month: int | None,
          months: tuple[int, int] | None, into: Path | None, force: bool,
          base_url: str | None, timeout: float, pause: float) -> None:
    """Ask the national portal for a period's scores, keep its answer, import it.

    The answer is saved untouched with its metadata under DIR/captures/, never
    over an earlier one, then imported as 'cchc import' does. One request at a
    time; no retry when the portal refuses (403, 429); up to 3 tries after a
    dropped connection, a timeout or a server error.

    \b
    Examples:
      cchc fetch service-index-766 --year 2026
      cchc fetch service-index-766 --year 2026 --month 9
      cchc fetch service-index-766 --year 2026 --months 1-9 --into data/
    """
    from cchc_cli.portal.request import DEFAULT_BASE_URL, for_options, vietnam_date
    from cchc_cli.portal.store import default_data_dir

    if sum(x is not None for x in (quarter, month, months)) > 1:
        raise click.UsageError("give one of --quarter, --month and --months")
    requests = [for_options(year, None, m) for m in range(months[0], months[1] + 1)] \
        if months else [for_options(year, quarter, month)]
    today = vietnam_date(dt.datetime.now(dt.UTC))
    for request in requests:
        why = request.unfinished(today)
        if why is not None:
            raise click.UsageError(f"cannot fetch {request.label}: {why}")
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    if not base.startswith(("http://", "https://")):
        raise click.UsageError(f"--base-url '{base}' is not an http:// or https:// address")
    folder = into or default_data_dir()
    _fetch_all(requests, base, _settings(timeout), folder=folder, force=force, pause=pause)


def _settings(timeout: float) -> Settings:
    """The client's settings; CCHC_PORTAL_BACKOFF and CCHC_PORTAL_MAX_BYTES override two."""
    from cchc_cli.portal.client import BACKOFF, MAX_BYTES, Settings

    def number(name: str, default: float) -> float:
        try:
            return float(os.environ.get(name, default))
        except ValueError:
            raise click.UsageError(f"{name} is not a number") from None

    return Settings(timeout=timeout, max_bytes=int(number("CCHC_PORTAL_MAX_BYTES", MAX_BYTES)),
                    backoff=number("CCHC_PORTAL_BACKOFF", BACKOFF))


def _fetch_all(requests: list[PortalRequest], base: str, settings: Settings, *, folder: Path,
               force: bool, pause: float) -> None:
    """Fetch each request in turn, one at a time, with a progress bar on a terminal."""
    import time

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
    from cchc_cli.portal.client import PortalError, post_json
    from cchc_cli.portal.request import PATH
    from cchc_cli.portal.store import iso, save_capture

    url = base + PATH
    body = request.body_bytes()
    try:
        reply = post_json(url, body, settings)
    except PortalError as error:
        raise PortalFailure(_stopped(f"{request.label}: {error}", done, total)) from None
    problem = _unusable(reply.content_type, reply.body)
    if problem is not None:
        raise PortalFailure(_stopped(f"{request.label}: {problem}; nothing was saved",
                                     done, total))
    from cchc_cli.portal.client import user_agent
    from cchc_cli.portal.importer import Capture
    from cchc_cli.portal.response import sha256

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
    from cchc_cli.portal.response import html_title, looks_like_html

    head = body[:20_000].decode("utf-8", "replace")
    media = content_type.split(";", maxsplit=1)[0].strip().lower()
    if media == "text/html" or looks_like_html(head):
        return ("the portal answered with an HTML page" + html_title(head) + ", not JSON: "
                "its firewall may have blocked the request; try again later")
    if media != "application/json" and not media.endswith("+json"):
        return f"the portal answered '{content_type or 'no content type'}', not JSON"
    from cchc_cli.load.problems import DataError
    from cchc_cli.portal.response import read_answer

    try:
        read_answer("answer", body)
    except DataError as error:
        whole = [p for p in error.problems if not p.field]
        if whole:  # not the portal's results at all; a row's problem is the import's to say
            return f"unusable answer: {whole[0].message}"
    return None
