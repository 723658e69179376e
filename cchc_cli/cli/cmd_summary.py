"""``cchc summary``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.data import select_report
from cchc_cli.cli.options import choice_from, data_options, output_from, output_options
from cchc_cli.render.output import emit


@click.command()
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
    _, report = select_report(choice)
    from cchc_cli.calc.audit import audit_report
    from cchc_cli.calc.derive import derive_report
    from cchc_cli.calc.national import among
    from cchc_cli.cli.national import covering
    from cchc_cli.views.summary import SummaryView

    standings = [found for table in covering(report.province.id, report.period)
                 if (found := among(table, report.province.id)) is not None]
    emit(SummaryView(report, derive_report(report), with_sources=sources, among=standings),
         out)
    errors = sum(1 for finding in audit_report(report) if finding.severity == "error")
    if errors:
        click.echo(f"cchc: note: {errors} figure(s) of this report do not add up; "
                   f"run 'cchc check --year {report.year}' for the arithmetic", err=True)
