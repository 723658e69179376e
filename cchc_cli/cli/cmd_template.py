"""``cchc template``."""

from __future__ import annotations

import sys

import click

from cchc_cli.cli.data import load_catalog, select_period, select_province


@click.command()
@click.option("--year", "-y", type=click.IntRange(1990, 2100), required=True,
              help="The year the new report is for.")
@click.option("--from", "from_year", type=click.IntRange(1990, 2100),
              help="The report to start from [default: the latest before --year].")
@click.option("--data", metavar="PATH", envvar="CCHC_DATA", show_envvar=True,
              help="A report file or a folder of report_*.yaml [default: the bundled datasets].")
@click.option("--province", "-p", metavar="NAME", help="Province id or name.")
@click.option("--output", "-o", metavar="FILE", help="Write to FILE instead of stdout.")
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
def template(*, year: int, from_year: int | None, data: str | None, province: str | None,
             output: str | None, force: bool) -> None:
    """A skeleton for a new year's report: last year's figures with empty values.

    Fill it in and check it with 'cchc validate FILE'.

    \b
    Examples:
      cchc template --year 2025 > report_2025.yaml
      cchc template --year 2025 --from 2023 --output report_2025.yaml
    """
    catalog = load_catalog(data)
    chosen = select_province(catalog, province)
    earlier = [y for y in catalog.years(chosen) if y < year]
    if from_year is None and not earlier:
        raise click.UsageError(f"no report before {year} to start from; give --from")
    report = select_period(catalog, chosen, from_year or earlier[-1])
    if year in catalog.years(chosen):
        click.echo(f"cchc: note: the data already has a {year} report for {chosen.id}", err=True)
    from cchc_cli.load.template import render_template

    text = render_template(report, year)
    if output is None:
        sys.stdout.write(text)
        return
    from pathlib import Path

    from cchc_cli.cli.output import write_file

    write_file(Path(output), text, force)
    click.echo(f"cchc: wrote {output}", err=True)
