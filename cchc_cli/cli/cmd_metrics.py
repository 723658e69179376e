"""``cchc metrics``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.options import Command, choice_from, data_options, output_from, output_options
from cchc_cli.render.output import emit


@click.command(cls=Command)
@data_options(year=False)
@output_options
def metrics(**kwargs: Any) -> None:
    """The figure ids in the data, with their area, kind, labels and years.

    \b
    Examples:
      cchc metrics
      cchc metrics --format csv
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    from cchc_cli.queries.select import load_catalog, narrow
    from cchc_cli.views.catalog import MetricsView

    catalog = load_catalog(choice.data)
    emit(MetricsView(narrow(catalog, choice.province)), out)
