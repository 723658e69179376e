"""``cchc fetch``: ask the portal for a period, keep its answer, and import it."""

from __future__ import annotations

from pathlib import Path

import click

from cchc_cli.cli.cmd_import import into_option
from cchc_cli.cli.options import Command

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


@click.command(cls=Command)
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
    from cchc_cli.portal import run

    requests = run.requests_for(year, quarter, month, months)
    run.fetch_all(requests, run.base_url(base_url), run.settings(timeout), folder=into,
                  force=force, pause=pause)
