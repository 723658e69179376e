"""``cchc compare``: two periods of the reports, or two tables of a national index."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.cli import options as opt
from cchc_cli.cli.options import Command
from cchc_cli.periods import Period
from cchc_cli.queries.tables import find_index, refuse_report_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
@click.argument("args", nargs=-1, metavar="[INDEX] PERIOD1 PERIOD2")
@click.option("--mixed-periods", is_flag=True,
              help="Compare periods of different kinds (a month with a year) all the same; "
                   "the output says so.")
@opt.as_of_option
@click.option("--to", "to", type=click.DateTime(["%Y-%m-%d"]), metavar="DATE",
              help="National tables: the capture to compare --as-of with [default: the "
                   "latest].")
@opt.tables_option
@opt.data_options(year=False)
@opt.output_options
def compare(args: tuple[str, ...], mixed_periods: bool, as_of: dt.datetime | None,
            to: dt.datetime | None, tables: str | None, **kwargs: Any) -> None:
    """Compare two periods figure by figure, or two tables of an index province by province.

    With two periods, the province's reports are compared: change, direction,
    and better or worse. A period is a year (2024), a half (2024-h1), a
    quarter (2024-q3), a month (2024-07) or a year to date (2026-ytd). Years
    implied by a later report's stated changes count. Periods of different
    kinds are refused unless --mixed-periods is given.

    With an index id first (papi, service-index-766), two of its tables are
    compared: the biggest rises and falls in score and in place, every
    province in both, and those in one only. Two captures of a year to date
    are picked with --as-of DATE and --to DATE. Across the 2018 PAPI
    methodology change only places are compared; across the 2025 merger only
    the scores of units in both.

    \b
    Examples:
      cchc compare 2023 2024
      cchc compare 2022 2023 --format json | jq '.figures[].measures[]'
      cchc compare papi 2023 2024
      cchc compare service-index-766 --as-of 2026-09-17 --to 2026-10-10
    """
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    folder = find_index(args[0], tables, choice.data) if args else None
    if folder is not None:
        from cchc_cli.queries.national import compare_index

        periods = [_period(a) for a in args[1:]]
        emit(compare_index(folder, periods, as_of.date() if as_of else None,
                           to.date() if to else None, choice.province), out)
        return
    refuse_report_options(as_of=as_of, to=to)
    if len(args) != 2:
        raise click.UsageError("give two periods (cchc compare 2023 2024), or an index id and "
                               "its periods (cchc compare papi 2023 2024)")
    from cchc_cli.queries.reports import compare as compare_periods

    emit(compare_periods(choice, _period(args[0]), _period(args[1]), mixed_periods), out)


def _period(text: str) -> Period:
    """A period argument, or a usage error that names an index when it looks like one."""
    try:
        return opt.PeriodType().convert(text, None, None)
    except click.BadParameter as error:
        raise click.UsageError(f"{error.format_message()} (or an index id, such as papi, "
                               "first)") from None
