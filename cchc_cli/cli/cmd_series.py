"""``cchc trend``, ``cchc rank`` and ``cchc years``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import (
    load_catalog,
    select_figure,
    select_members,
    select_provinces,
    unknown_figure,
)
from cchc_cli.cli.options import FIGURE_ID, choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit
from cchc_cli.periods import KINDS as PERIOD_KINDS
from cchc_cli.periods import year_period


@click.command()
@click.argument("figure_id", metavar="ID", shell_complete=FIGURE_ID)
@click.option("--every", type=click.Choice(PERIOD_KINDS), metavar="KIND",
              help="Only periods of one kind: year, half, quarter, month or ytd.")
@click.option("--mixed-periods", is_flag=True,
              help="Show periods of different kinds in one series all the same (each "
                   "labelled; a change is taken only from the last period of its kind).")
@data_options(year=False)
@output_options
def trend(figure_id: str, every: str | None, mixed_periods: bool, **kwargs: Any) -> None:
    """One figure across every period available, by end date, implied years marked.

    \b
    Examples:
      cchc trend service_index_rank
      cchc trend online_public_services --format csv
      cchc trend service_index_rank --every year
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
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
@data_options()
@output_options
def rank(figure_id: str, **kwargs: Any) -> None:
    """Every province in the data ranked by one figure in one period; ties share a place.

    The best comes first: a smaller rank is better, otherwise a larger value
    unless the figure says 'better: lower'. Only reports of the period asked
    for are ranked (--period 2024-07 ranks July reports alone).

    \b
    Examples:
      cchc rank service_index_rank --year 2024
      cchc rank online_public_services --data provinces/ --format csv
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
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
