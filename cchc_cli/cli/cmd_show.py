"""``cchc show``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import select_figure, select_report, unknown_figure
from cchc_cli.cli.options import FIGURE_ID, choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit


@click.command()
@click.argument("figure_id", metavar="ID", shell_complete=FIGURE_ID)
@data_options()
@output_options
def show(figure_id: str, **kwargs: Any) -> None:
    """One figure in full: its value, the arithmetic of what it implies, and its source.

    ID is a figure id or words of its label in either language, with or
    without diacritics ("thu ngan sach").

    \b
    Examples:
      cchc show online_public_services
      cchc show dossiers_received --year 2023 --lang vi
      cchc show "thu ngân sách" --year 2023
      cchc show state_budget_revenue --year 2023 --format json | jq '.figure.derived'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
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
