"""``cchc check`` and ``cchc verify``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cchc_cli.catalog import Catalog
from cchc_cli.cli.data import load_catalog, select_province, select_provinces
from cchc_cli.cli.options import (
    DataChoice,
    choice_from,
    data_options,
    output_from,
    output_options,
)
from cchc_cli.errors import EXIT_FINDINGS, EXIT_OK, DataProblems
from cchc_cli.model import Province, Report
from cchc_cli.national import NationalTable
from cchc_cli.periods import Period, describe, year_period
from cchc_cli.render.output import emit


def _reports(catalog: Catalog, province: Province, period: Period | None) -> list[Report]:
    """The province's stated reports, once it is known that ``period`` is among them."""
    reports = catalog.reports_for(province)
    if period is not None and not any(r.period.key == period.key
                                      and period.as_of in (None, r.period.as_of)
                                      for r in reports):
        raise click.UsageError(f"no {period.full_key} report for {province.id} (periods: "
                               f"{describe([r.period for r in reports])})")
    return reports


def _covering(report: Report) -> list[NationalTable]:
    """The national tables of the report's period that have its province."""
    from cchc_cli.cli.national import covering

    if not any(f.index_id for f in report.figures):
        return []
    return covering(report.province.id, report.period)


def _asked(choice: DataChoice) -> Period | None:
    return choice.period or (year_period(choice.year) if choice.year else None)


@click.command()
@data_options(year_default="every year")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@output_options
def check(strict: bool, **kwargs: Any) -> None:
    """Audit the arithmetic of each report and of each pair of years (exit 1 on errors).

    Breakdowns over 100%, shares no whole number gives, grades outside their
    band, component sums, ranks outside their field, stated changes the other
    year contradicts, attainments at odds with plan and actual.

    \b
    Examples:
      cchc check
      cchc check --strict --format json | jq '.findings[].message'
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    catalog = load_catalog(choice.data)
    from cchc_cli.calc.audit import against_tables, audit
    from cchc_cli.views.audit import CheckView

    findings, checked, crossed = [], [], []
    period = _asked(choice)
    for province in select_provinces(catalog, choice.province):
        found, reports = audit(_reports(catalog, province, period), period)
        findings += found
        checked += [(province.id, report.period) for report in reports]
        for report in reports:
            checks, disagreements = against_tables(report, _covering(report))
            crossed += [(report, check) for check in checks]
            findings += disagreements
    view = CheckView(findings, checked, crossed)
    failed = view.count("error") or (strict and view.count("warning"))
    emit(view, out, EXIT_FINDINGS if failed else EXIT_OK)
    if failed:
        raise SystemExit(EXIT_FINDINGS)


@click.command()
@click.option("--source", "source_file", required=True, metavar="FILE",
              type=click.Path(dir_okay=False),
              help="The source text: UTF-8 plain text, or HTML (tags are stripped).")
@click.option("--source-id", metavar="ID",
              help="Which source of the data FILE is [default: the source whose 'file' is "
                   "FILE's name].")
@data_options(year_default="every year")
@output_options
def verify(source_file: str, source_id: str | None, **kwargs: Any) -> None:
    """Check each figure against its source text (exit 1 if any does not match).

    Each figure taken from the source must have its excerpt in the text and
    its numbers, as the source prints them, in its excerpt. Each number in the
    text that no figure's excerpt holds at that place is listed too.

    \b
    Examples:
      cchc verify --source bao-ha-giang-2024-01-01-cchc-2023.txt
      cchc verify --source article.html --source-id bhg-2024-01-01 --json
    """
    choice, out = choice_from(kwargs), output_from(kwargs)
    catalog = load_catalog(choice.data)
    from cchc_cli.calc.verify import taken_from, verify_source
    from cchc_cli.load.problems import DataError
    from cchc_cli.load.sourcetext import read_source
    from cchc_cli.views.audit import VerifyView

    path = Path(source_file)
    try:
        text = read_source(path)
    except DataError as error:
        raise DataProblems(error.problems, "the source text could not be read") from None
    province = select_province(catalog, choice.province)
    period = _asked(choice)
    reports = [r for r in _reports(catalog, province, period)
               if period is None or (r.period.key == period.key
                                     and period.as_of in (None, r.period.as_of))]
    taken = taken_from(reports, path.name, source_id)
    if not taken:
        how = f"the id '{source_id}'" if source_id else f"'{path.name}' as its file"
        raise click.UsageError(f"no figure of {province.id} comes from a source with {how}; "
                               "name the source with --source-id (see 'cchc years')")
    checks, uncovered = verify_source(text, taken)
    view = VerifyView(str(path), province.id, checks, uncovered)
    emit(view, out, EXIT_OK if view.ok else EXIT_FINDINGS)
    if not view.ok:
        raise SystemExit(EXIT_FINDINGS)
