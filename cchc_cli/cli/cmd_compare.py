"""``cchc compare``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import load_catalog, select_period, select_province
from cchc_cli.cli.options import PeriodType, choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit
from cchc_cli.periods import Period


@click.command()
@click.argument("before", type=PeriodType(), metavar="PERIOD1")
@click.argument("after", type=PeriodType(), metavar="PERIOD2")
@click.option("--mixed-periods", is_flag=True,
              help="Compare periods of different kinds (a month with a year) all the same; "
                   "the output says so.")
@data_options(year=False)
@output_options
def compare(before: Period, after: Period, mixed_periods: bool, **kwargs: Any) -> None:
    """Compare two periods figure by figure: change, direction, and better or worse.

    A period is a year (2024), a half (2024-h1), a quarter (2024-q3), a month
    (2024-07) or a year to date (2026-ytd). Years implied by a later report's
    stated changes count (2022 from "up 5 places on 2022"). Periods of
    different kinds are refused unless --mixed-periods is given.

    \b
    Examples:
      cchc compare 2023 2024
      cchc compare 2022 2023 --format json | jq '.figures[].measures[]'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    if before.full_key == after.full_key:
        raise click.UsageError(f"give two different periods to compare, not {before.key} twice")
    catalog = load_catalog(choice.data)
    province = select_province(catalog, choice.province)
    first = select_period(catalog, province, None, before)
    second = select_period(catalog, province, None, after)
    if not first.period.comparable_with(second.period) and not mixed_periods:
        raise click.UsageError(_mixed_message(first.period, second.period))
    from cchc_cli.calc.compare import compare as compare_periods
    from cchc_cli.views.compare import CompareView

    emit(CompareView(compare_periods(first, second)), out)


def _mixed_message(before: Period, after: Period) -> str:
    from cchc_cli.i18n import period_kind_name

    return (f"{before.full_key} is {period_kind_name(before, 'en')} and {after.full_key} is "
            f"{period_kind_name(after, 'en')}: their figures are not alike; compare periods of "
            "one kind, or add --mixed-periods to compare them all the same")
