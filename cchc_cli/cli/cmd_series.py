"""``cchc trend``, ``cchc rank`` and ``cchc years``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import load_catalog, select_province, select_provinces, unknown_figure
from cchc_cli.cli.options import choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit


@click.command()
@click.argument("figure_id", metavar="ID")
@data_options(year=False)
@output_options
def trend(figure_id: str, **kwargs: Any) -> None:
    """One figure across every year available, implied years included and marked.

    \b
    Examples:
      cchc trend service_index_rank
      cchc trend online_public_services --format csv
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    catalog = load_catalog(choice.data)
    province = select_province(catalog, choice.province)
    from cchc_cli.calc.series import trend as trend_of
    from cchc_cli.views.series import TrendView

    points = trend_of(catalog.timeline(province), figure_id)
    if not points:
        raise unknown_figure(figure_id, catalog)
    emit(TrendView(province, figure_id, points), out)


@click.command()
@click.argument("figure_id", metavar="ID")
@data_options()
@output_options
def rank(figure_id: str, **kwargs: Any) -> None:
    """Every province in the data ranked by one figure in one year; ties share a place.

    The best comes first: a smaller rank is better, otherwise a larger value
    unless the figure says 'better: lower'.

    \b
    Examples:
      cchc rank service_index_rank --year 2024
      cchc rank online_public_services --data provinces/ --format csv
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    # a year is ranked on its own reports and the next year's (for implied figures)
    wanted = None if choice.year is None else {choice.year, choice.year + 1}
    catalog = load_catalog(choice.data, wanted)
    provinces = select_provinces(catalog, choice.province)
    year = choice.year or max(r.year for r in catalog.reports)
    label = next((f.label for r in catalog.reports for f in r.figures if f.id == figure_id), None)
    if label is None:
        raise unknown_figure(figure_id, catalog)
    from cchc_cli.calc.series import ranking
    from cchc_cli.views.series import RankView

    placings = ranking([(p, catalog.timeline(p)) for p in provinces], figure_id, year)
    emit(RankView(figure_id, year, placings, label), out)


@click.command()
@data_options(year=False)
@output_options
def years(**kwargs: Any) -> None:
    """The provinces, years and sources in the data (implied years marked).

    \b
    Examples:
      cchc years
      cchc years --format json | jq '.provinces[].years[].year'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    catalog = load_catalog(choice.data)
    provinces = select_provinces(catalog, choice.province)
    from cchc_cli.provinces import registry
    from cchc_cli.views.series import YearsView

    known = registry()
    successors = {p.id: s for p in provinces if (s := known.successor(p.id)) is not None}
    emit(YearsView([(p, catalog.timeline(p)) for p in provinces], successors), out)
