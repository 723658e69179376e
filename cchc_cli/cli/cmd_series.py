"""``cchc trend``, ``cchc rank`` and ``cchc years``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.cli.data import (
    load_catalog,
    select_figure,
    select_members,
    select_provinces,
    unknown_figure,
)
from cchc_cli.cli.national import as_of_option, find_index, refuse_report_options, tables_option
from cchc_cli.cli.options import FIGURE_ID, choice_from, data_options, output_from, output_options
from cchc_cli.periods import KINDS as PERIOD_KINDS
from cchc_cli.periods import year_period
from cchc_cli.render.output import emit


@click.command()
@click.argument("figure_id", metavar="ID", shell_complete=FIGURE_ID)
@click.option("--every", type=click.Choice(PERIOD_KINDS), metavar="KIND",
              help="Only periods of one kind: year, half, quarter, month or ytd.")
@click.option("--mixed-periods", is_flag=True,
              help="Show periods of different kinds in one series all the same (each "
                   "labelled; a change is taken only from the last period of its kind).")
@tables_option
@data_options(year=False)
@output_options
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
    choice, out = choice_from(kwargs), output_from(kwargs)
    folder = find_index(figure_id, tables)
    if folder is not None:
        from cchc_cli.cli.cmd_national import trend_index

        if every or mixed_periods:
            raise click.UsageError("--every and --mixed-periods are for report figures; a "
                                   "national index is followed through all its tables")
        trend_index(folder, choice.province, out)
        return
    catalog = load_catalog(choice.data)
    province, members = select_members(catalog, choice.province)
    from cchc_cli.calc.series import lineage_trend, period_kinds
    from cchc_cli.views.series import TrendView

    figure_id = select_figure(catalog, figure_id)
    points = lineage_trend([(m, catalog.timeline(m)) for m in members], figure_id)
    if not points:
        raise unknown_figure(figure_id, catalog)
    if every is not None:
        points = [p for p in points if p.period.kind == every]
        if not points:
            raise click.UsageError(f"{figure_id} has no {every} periods for {province.id}")
    kinds = period_kinds(points)
    if len(kinds) > 1 and not mixed_periods:
        raise click.UsageError(f"{figure_id} of {province.id} is given for periods of several "
                               f"kinds ({', '.join(kinds)}); choose one with --every "
                               f"{kinds[0]}, or add --mixed-periods to show them together")
    emit(TrendView(province, figure_id, points), out)


@click.command()
@click.argument("figure_id", metavar="ID", shell_complete=FIGURE_ID)
@click.option("--by", metavar="MEASURE",
              help="National tables: rank by a dimension or group (C01, MDHL) instead of "
                   "the total.")
@as_of_option
@tables_option
@data_options()
@output_options
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
    choice, out = choice_from(kwargs), output_from(kwargs)
    folder = find_index(figure_id, tables)
    if folder is not None:
        from cchc_cli.cli.cmd_national import rank_index

        rank_index(folder, choice, by, as_of.date() if as_of else None, out)
        return
    refuse_report_options(by=by, as_of=as_of)
    # a year is ranked on its own reports and the next year's (for implied figures)
    asked = choice.period.year if choice.period else choice.year
    wanted = None if asked is None else {asked, asked + 1}
    catalog = load_catalog(choice.data, wanted)
    provinces = select_provinces(catalog, choice.province)
    period = choice.period or (year_period(choice.year) if choice.year else
                               catalog.latest_period())
    label = next((f.label for r in catalog.reports for f in r.figures if f.id == figure_id), None)
    if label is None:
        raise unknown_figure(figure_id, catalog)
    from cchc_cli.calc.series import ranking
    from cchc_cli.views.series import RankView

    placings = ranking([(p, catalog.timeline(p)) for p in provinces], figure_id, period)
    emit(RankView(figure_id, period, placings, label), out)


@click.command()
@data_options(year=False)
@output_options
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
    choice, out = choice_from(kwargs), output_from(kwargs)
    catalog = load_catalog(choice.data)
    provinces = (select_members(catalog, choice.province)[1] if choice.province
                 else select_provinces(catalog, None))
    from cchc_cli.provinces import registry
    from cchc_cli.views.series import YearsView

    known = registry()
    successors = {p.id: s for p in provinces if (s := known.successor(p.id)) is not None}
    emit(YearsView([(p, catalog.timeline(p)) for p in provinces], successors), out)
