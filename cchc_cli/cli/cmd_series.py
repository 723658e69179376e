"""``cchc trend``, ``cchc rank`` and ``cchc years``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.cli import options as opt
from cchc_cli.cli.options import Command
from cchc_cli.periods import KINDS as PERIOD_KINDS
from cchc_cli.queries.tables import find_index, refuse_report_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
@click.argument("figure_id", metavar="ID", shell_complete=opt.FIGURE_ID)
@click.option("--every", type=click.Choice(PERIOD_KINDS), metavar="KIND",
              help="Only periods of one kind: year, half, quarter, month or ytd.")
@click.option("--mixed-periods", is_flag=True,
              help="Show periods of different kinds in one series all the same (each "
                   "labelled; a change is taken only from the last period of its kind).")
@opt.tables_option
@opt.data_options(year=False)
@opt.output_options
def trend(figure_id: str, every: str | None, mixed_periods: bool, tables: str | None,
          **kwargs: Any) -> None:
    """One figure, or one province in an index, across every period available.

    ID is a report figure id (by end date, implied years marked) or an index
    id (papi, service-index-766) with --province: score, place and field in
    every table, methodology changes marked; a province formed by the 2025
    merger is followed through each of its former parts.

    \b
    Examples:
      cchc trend service_index_rank
      cchc trend online_public_services --format csv
      cchc trend service_index_rank --every year
      cchc trend papi --province ha-giang
    """
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    folder = find_index(figure_id, tables, choice.data)
    if folder is not None:
        from cchc_cli.queries.national import trend_index

        if every or mixed_periods:
            raise click.UsageError("--every and --mixed-periods are for report figures; a "
                                   "national index is followed through all its tables")
        emit(trend_index(folder, choice.province), out)
        return
    from cchc_cli.queries.reports import trend as trend_of

    emit(trend_of(choice, figure_id, every, mixed_periods), out)


@click.command(cls=Command)
@click.argument("figure_id", metavar="ID", shell_complete=opt.FIGURE_ID)
@click.option("--by", metavar="MEASURE",
              help="National tables: rank by a dimension or group (C01, MDHL) instead of "
                   "the total.")
@opt.as_of_option
@opt.tables_option
@opt.data_options()
@opt.output_options
def rank(figure_id: str, by: str | None, as_of: dt.datetime | None, tables: str | None,
         **kwargs: Any) -> None:
    """Every province ranked by an index's table, or by one figure of the reports.

    ID is an index id (papi, service-index-766: every province of its table
    for the period, best first, with its place of the field of provinces
    with data, the share ahead, the dimension scores and a bar; --province
    marks one row) or a report figure id (every province of the reports).
    Ties share a place (1, 2, 2, 4). For a year to date the latest capture
    is used unless --as-of picks another.

    \b
    Examples:
      cchc rank papi --year 2024 --province ha-giang
      cchc rank papi --year 2024 --by C04 --format csv
      cchc rank service-index-766 --as-of 2026-09-17 --json
      cchc rank service_index_rank --year 2024
    """
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    folder = find_index(figure_id, tables, choice.data)
    if folder is not None:
        from cchc_cli.queries.national import rank_index

        emit(rank_index(folder, choice, by, as_of.date() if as_of else None), out)
        return
    refuse_report_options(by=by, as_of=as_of)
    from cchc_cli.queries.reports import rank as rank_by

    emit(rank_by(choice, figure_id), out)


@click.command(cls=Command)
@opt.data_options(year=False)
@opt.output_options
def years(**kwargs: Any) -> None:
    """The provinces, periods and sources in the data (implied years marked).

    A province formed by the 2025 merger lists its former parts' data, each
    as theirs; a former province names the province it became part of.

    \b
    Examples:
      cchc years
      cchc years --province "Tuyên Quang"
      cchc years --format json | jq '.provinces[].years[].year'
    """
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    from cchc_cli.queries.reports import years as years_of

    emit(years_of(choice), out)
