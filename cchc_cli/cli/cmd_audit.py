"""``cchc check`` and ``cchc verify``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cchc_cli.catalog import Catalog
from cchc_cli.cli.data import load_catalog, select_province, select_provinces
from cchc_cli.cli.errors import EXIT_FINDINGS, EXIT_OK, DataProblems
from cchc_cli.cli.options import choice_from, data_options, output_from, output_options
from cchc_cli.cli.output import emit
from cchc_cli.model import Province, Report


def _reports(catalog: Catalog, province: Province, year: int | None) -> list[Report]:
    reports = catalog.reports_for(province)
    if year is not None and year not in [r.year for r in reports]:
        years = ", ".join(str(r.year) for r in reports)
        raise click.UsageError(f"no {year} report for {province.id} (years: {years})")
    return reports


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
    from cchc_cli.calc.audit import audit
    from cchc_cli.views.audit import CheckView

    findings, checked = [], []
    for province in select_provinces(catalog, choice.province):
        found, years = audit(_reports(catalog, province, choice.year), choice.year)
        findings += found
        checked += [(province.id, year) for year in years]
    view = CheckView(findings, checked)
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
    reports = [r for r in _reports(catalog, province, choice.year)
               if choice.year in (None, r.year)]
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
