"""What ``check``, ``verify`` and ``validate`` ask of the data: every finding, collected."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cchc_cli.catalog import Catalog
from cchc_cli.errors import DataProblems
from cchc_cli.model import Province, Report
from cchc_cli.periods import Period, describe
from cchc_cli.queries.choice import DataChoice
from cchc_cli.queries.select import load_catalog, select_province, select_provinces

if TYPE_CHECKING:
    from cchc_cli.national import NationalTable
    from cchc_cli.views.audit import CheckView, VerifyView
    from cchc_cli.views.validation import ValidationView


def _reports(catalog: Catalog, province: Province, period: Period | None) -> list[Report]:
    """The province's stated reports, once it is known that ``period`` is among them."""
    reports = catalog.reports_for(province)
    if period is not None and not any(period.names(r.period) for r in reports):
        raise click.UsageError(f"no {period.full_key} report for {province.id} (periods: "
                               f"{describe([r.period for r in reports])})")
    return reports




def _covering(report: Report) -> list[NationalTable]:
    """The national tables of the report's period that have its province."""
    from cchc_cli.queries.tables import covering

    if not any(f.index_id for f in report.figures):
        return []
    return covering(report.province.id, report.period)


def check(choice: DataChoice) -> CheckView:
    """The audit of every report asked for, and of each against the national tables."""
    from cchc_cli.calc.audit import against_tables, audit
    from cchc_cli.views.audit import CheckView

    catalog = load_catalog(choice.data)
    findings, checked, crossed = [], [], []
    period = choice.asked()
    for province in select_provinces(catalog, choice.province):
        found, reports = audit(_reports(catalog, province, period), period)
        findings += found
        checked += [(province.id, report.period) for report in reports]
        for report in reports:
            checks, disagreements = against_tables(report, _covering(report))
            crossed += [(report, check) for check in checks]
            findings += disagreements
    return CheckView(findings, checked, crossed)


def verify(choice: DataChoice, source_file: str, source_id: str | None) -> VerifyView:
    """Each figure taken from the source held against its text."""
    from cchc_cli.calc.verify import taken_from, verify_source
    from cchc_cli.load.problems import DataError
    from cchc_cli.load.sourcetext import read_source
    from cchc_cli.views.audit import VerifyView

    catalog = load_catalog(choice.data)
    path = Path(source_file)
    try:
        text = read_source(path)
    except DataError as error:
        raise DataProblems(error.problems, "the source text could not be read") from None
    province = select_province(catalog, choice.province)
    period = choice.asked()
    reports = [r for r in _reports(catalog, province, period)
               if period is None or period.names(r.period)]
    taken = taken_from(reports, path.name, source_id)
    if not taken:
        how = f"the id '{source_id}'" if source_id else f"'{path.name}' as its file"
        raise click.UsageError(f"no figure of {province.id} comes from a source with {how}; "
                               "name the source with --source-id (see 'cchc years')")
    checks, uncovered = verify_source(text, taken)
    return VerifyView(str(path), province.id, checks, uncovered)


def validate(paths: list[str]) -> ValidationView:
    """Every problem of the files at ``paths`` (the data folder without any), streamed."""
    from cchc_cli.load.files import data_locations, find_report_files, load_files
    from cchc_cli.load.problems import DataError, Problem
    from cchc_cli.model import ReviewMark
    from cchc_cli.views.validation import ValidationView, arithmetic_problems

    files: list[str] = []
    problems: list[Problem] = []
    for location in data_locations(paths):
        try:
            files += find_report_files(location)
        except DataError as error:
            problems += error.problems
    arithmetic: list[Problem] = []
    marks: list[ReviewMark] = []

    def audit(report: Report) -> bool:
        arithmetic.extend(arithmetic_problems(report))
        marks.extend(report.review)
        return False  # nothing is kept: a folder of thousands streams through

    _, found = load_files(files, keep=audit)
    found += arithmetic
    found.sort(key=lambda p: (p.path, p.line, p.column))
    return ValidationView(files, problems + found, marks)
