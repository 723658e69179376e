"""``cchc export``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.options import Command, choice_from, data_options, output_from, output_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
@data_options(year=False)
@output_options
def export(**kwargs: Any) -> None:
    """Every figure of every loaded report, as tidy rows for other tools.

    \b
    Examples:
      cchc export --format csv > cchc.csv
      cchc export --json | jq '.reports[].year'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    from cchc_cli.queries.select import load_catalog, narrow
    from cchc_cli.views.catalog import ExportView

    catalog = load_catalog(choice.data)
    emit(ExportView(narrow(catalog, choice.province)), out)
