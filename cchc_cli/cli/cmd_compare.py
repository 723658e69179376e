"""``cchc compare``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import load_catalog, select_province, select_year
from cchc_cli.cli.options import choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit


@click.command()
@click.argument("before", type=click.IntRange(1990, 2100), metavar="YEAR1")
@click.argument("after", type=click.IntRange(1990, 2100), metavar="YEAR2")
@data_options(year=False)
@output_options
def compare(before: int, after: int, **kwargs: Any) -> None:
    """Compare two years figure by figure: change, direction, and better or worse.

    Years implied by a later report's stated changes count (2022 from "up 5
    places on 2022").

    \b
    Examples:
      cchc compare 2023 2024
      cchc compare 2022 2023 --format json | jq '.figures[].measures[]'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    if before == after:
        raise click.UsageError(f"give two different years to compare, not {before} twice")
    catalog = load_catalog(choice.data)
    province = select_province(catalog, choice.province)
    from cchc_cli.calc.compare import compare as compare_years
    from cchc_cli.views.compare import CompareView

    emit(CompareView(compare_years(select_year(catalog, province, before),
                                   select_year(catalog, province, after))), out)
