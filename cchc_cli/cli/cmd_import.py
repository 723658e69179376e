"""``cchc import``: a saved portal answer becomes a checked national table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from cchc_cli.cli.options import Command, PeriodType
from cchc_cli.periods import SYNTAX, Period


class TimeType(click.ParamType):  # type: ignore[type-arg]
    """An ISO 8601 time with its zone."""

    name = "time"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.datetime:
        """Read the time, or fail as a usage error that shows the form."""
        if isinstance(value, dt.datetime):
            return value
        from cchc_cli.portal.importer import parse_time

        try:
            return parse_time(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


def into_option(command: Any) -> Any:
    """``--into DIR`` and ``--force``, shared by import and fetch."""
    command = click.option("--force", is_flag=True,
                           help="Replace a table already in DIR for the same period.")(command)
    return click.option("--into", metavar="DIR", type=click.Path(file_okay=False, path_type=Path),
                        help="The data folder to write the table into [default: "
                             "$XDG_DATA_HOME/cchc, else ~/.local/share/cchc]; read it with "
                             "--data DIR.")(command)


@click.command(name="import", cls=Command)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--captured-at", type=TimeType(), metavar="TIME",
              help="When the answer was captured (2026-09-17T03:40:19Z) [default: the time "
                   "fetch saved beside it, else the file's modification time].")
@click.option("--request", "request_file", metavar="FILE",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The request's JSON body as sent ({\"timeType\":\"year\",\"year\":2026,…}).")
@click.option("--period", type=PeriodType(), metavar="PERIOD",
              help=f"The period the answer is for: {SYNTAX} [default: from the request or "
                   "the file's name].")
@into_option
def import_(file: Path, *, captured_at: dt.datetime | None, request_file: Path | None,
            period: Period | None, into: Path | None, force: bool) -> None:
    """Turn a saved portal answer into a checked national table in the data folder.

    Reads the national public-service portal's JSON (the Decision 766 service
    index, new portal or old) as saved from the browser or by 'cchc fetch',
    matches provinces by code, checks the scores, and writes the table.
    Nothing is written when a check fails.

    \b
    Examples:
      cchc import service-results.json --captured-at 2026-09-17T03:40:19Z
      cchc import answer.json --request request.json --into data/
      cchc rank service-index-766 --data ~/.local/share/cchc
    """
    from cchc_cli.portal.run import import_file

    import_file(file, captured_at, request_file, period, into=into, force=force)
