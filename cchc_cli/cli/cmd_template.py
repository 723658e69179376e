"""``cchc template``."""

from __future__ import annotations

import click

from cchc_cli.cli.options import Command, PeriodType, data_option, lang_option
from cchc_cli.model import Lang
from cchc_cli.periods import SYNTAX, Period


@click.command(cls=Command)
@click.option("--year", "-y", type=click.IntRange(1990, 2100),
              help="The year the new report is for (a whole year).")
@click.option("--period", type=PeriodType(), metavar="PERIOD",
              help=f"The period the new report is for: {SYNTAX}.")
@click.option("--from", "from_period", type=PeriodType(), metavar="PERIOD",
              help="The report to start from [default: the province's latest before the new "
                   "one].")
@data_option
@click.option("--province", "-p", metavar="NAME",
              help="Province id or name; one with no report yet starts from an empty report.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@lang_option("Language of the comments")
def template(*, year: int | None, period: Period | None, from_period: Period | None,
             data: tuple[str, ...], province: str | None, output: str | None, force: bool,
             lang: Lang | None) -> None:
    """A skeleton for a new report: an earlier report's figures with empty values.

    For a province with no report in the data yet, the skeleton holds its
    names (from the provinces registry) and one empty figure, nothing copied
    from another province. Fill it in and check it with 'cchc validate FILE'.

    \b
    Examples:
      cchc template --year 2025 > report_2025.yaml
      cchc template --year 2025 --from 2023 --output report_2025.yaml
      cchc template --province bac-kan --period 2024-07
    """
    from cchc_cli.queries.template import template as skeleton
    from cchc_cli.queries.template import wanted_period
    from cchc_cli.render.files import write_text
    from cchc_cli.render.formats import default_lang

    text = skeleton(data, province, wanted_period(year, period), from_period,
                    lang or default_lang())
    write_text(text, output, force)
