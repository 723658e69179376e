"""``cchc show``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.cli.data import select_figure, select_report, unknown_figure
from cchc_cli.cli.national import as_of_option, find_index, refuse_report_options, tables_option
from cchc_cli.cli.options import FIGURE_ID, choice_from, data_options, output_from, output_options
from cchc_cli.render.output import emit


@click.command()
@click.argument("figure_id", metavar="ID", shell_complete=FIGURE_ID)
@as_of_option
@tables_option
@data_options()
@output_options
def show(figure_id: str, as_of: dt.datetime | None, tables: str | None, **kwargs: Any) -> None:
    """One figure in full, or one province in an index's table.

    ID is a report figure, by its id or by words of its label in either
    language ("thu ngan sach"): its value, the arithmetic of what it implies,
    and its source. Or ID is an index id (papi, service-index-766) with
    --province: each component against its maximum, the national median and
    the best, the province's place on each, and the points to the next place
    up and down.

    \b
    Examples:
      cchc show online_public_services
      cchc show dossiers_received --year 2023 --lang vi
      cchc show "thu ngân sách" --year 2023
      cchc show state_budget_revenue --year 2023 --format json | jq '.figure.derived'
      cchc show papi --province ha-giang --year 2024
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    folder = find_index(figure_id, tables)
    if folder is not None:
        from cchc_cli.cli.cmd_national import show_index

        show_index(folder, choice, as_of.date() if as_of else None, out)
        return
    refuse_report_options(as_of=as_of)
    catalog, report = select_report(choice)
    figure_id = select_figure(catalog, figure_id)
    figure = report.figure(figure_id)
    if figure is None:
        years = [r.year for r in catalog.timeline(report.province) if r.figure(figure_id)]
        if years:
            raise click.UsageError(f"no figure '{figure_id}' in {report.province.id} "
                                   f"{report.year}; it is in {', '.join(map(str, years))}: "
                                   f"add --year {years[-1]}")
        raise unknown_figure(figure_id, catalog)
    from cchc_cli.calc.derive import FigureResult, derive
    from cchc_cli.views.show import ShowView

    emit(ShowView(report, FigureResult(figure, derive(figure, report))), out)
