"""``cchc summary``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.options import Command, choice_from, data_options, output_from, output_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
@data_options()
@click.option("--sources", is_flag=True, help="Add each figure's source excerpt.")
@output_options
def summary(sources: bool, **kwargs: Any) -> None:
    """The year at a glance: every figure, by reform area, with what it implies.

    \b
    Examples:
      cchc summary
      cchc summary --year 2023 --lang vi --sources
      cchc summary --format json | jq '.figures[] | {id, value}'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    from cchc_cli.queries import reports

    view = reports.summary(choice, sources)
    emit(view, out)
    errors = reports.errors_in(view.report)
    if errors:
        from cchc_cli.i18n import word

        click.echo(word("not_adding_up", out.lang, errors=errors, year=view.report.year),
                   err=True)
