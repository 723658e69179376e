"""``cchc template``."""

from __future__ import annotations

import sys

import click

from cchc_cli.catalog import Catalog, SelectionError
from cchc_cli.cli.data import load_catalog, select_period, select_province
from cchc_cli.cli.options import PeriodType
from cchc_cli.model import Province
from cchc_cli.periods import SYNTAX, Period, year_period


@click.command()
@click.option("--year", "-y", type=click.IntRange(1990, 2100),
              help="The year the new report is for (a whole year).")
@click.option("--period", type=PeriodType(), metavar="PERIOD",
              help=f"The period the new report is for: {SYNTAX}.")
@click.option("--from", "from_period", type=PeriodType(), metavar="PERIOD",
              help="The report to start from [default: the province's latest before the new "
                   "one].")
@click.option("--data", metavar="PATH", envvar="CCHC_DATA", show_envvar=True,
              help="A report file or a folder of report_*.yaml [default: the bundled datasets].")
@click.option("--province", "-p", metavar="NAME",
              help="Province id or name; one with no report yet starts from an empty report.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def template(*, year: int | None, period: Period | None, from_period: Period | None,
             data: str | None, province: str | None, output: str | None, force: bool) -> None:
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
    wanted = _wanted(year, period)
    catalog = load_catalog(data)
    from cchc_cli.load.template import render_blank, render_template

    new = _new_province(catalog, province)
    if new is not None:
        text = render_blank(new, wanted)
    else:
        chosen = select_province(catalog, province)
        earlier = [p for p in catalog.periods(chosen) if p.sort_key() < wanted.sort_key()]
        if from_period is None and not earlier:
            raise click.UsageError(f"no report before {wanted.full_key} to start from; "
                                   "give --from")
        report = select_period(catalog, chosen, None, from_period or earlier[-1])
        if any(p.full_key == wanted.full_key for p in catalog.periods(chosen)):
            click.echo(f"cchc: note: the data already has a {wanted.full_key} report for "
                       f"{chosen.id}", err=True)
        text = render_template(report, wanted)
    _write(text, output, force)


def _wanted(year: int | None, period: Period | None) -> Period:
    if period is None and year is None:
        raise click.UsageError("say which period the new report is for: --year 2025 or "
                               f"--period 2025-07 ({SYNTAX})")
    if period is not None and year is not None and period.year != year:
        raise click.UsageError(f"--year {year} and --period {period.full_key} disagree; "
                               "give one of them")
    return period or year_period(year or 0)


def _new_province(catalog: Catalog, query: str | None) -> Province | None:
    """The registry's province for ``query`` when the data holds no report of it."""
    if query is None:
        return None
    try:
        catalog.province(query)
        return None  # the data has it
    except SelectionError:
        pass
    from cchc_cli.provinces import registry

    try:
        known = registry().resolve(query)
    except LookupError:
        return None  # select_province then says what is wrong, with a did-you-mean
    return Province(known.id, known.name)


def _write(text: str, output: str | None, force: bool) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from pathlib import Path

    from cchc_cli.render.files import write_file

    write_file(Path(output), text, force)
    click.echo(f"cchc: wrote {output}", err=True)
