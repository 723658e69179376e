"""``cchc show``."""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.cli.options import (
    FIGURE_ID,
    Command,
    as_of_option,
    choice_from,
    data_options,
    output_from,
    output_options,
    tables_option,
)
from cchc_cli.queries.tables import find_index, refuse_report_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
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
    folder = find_index(figure_id, tables, choice.data)
    if folder is not None:
        from cchc_cli.queries.national import show_index

        emit(show_index(folder, choice, as_of.date() if as_of else None), out)
        return
    refuse_report_options(as_of=as_of)
    from cchc_cli.queries.reports import show as show_figure

    emit(show_figure(choice, figure_id), out)
