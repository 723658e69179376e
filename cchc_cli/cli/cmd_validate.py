"""``cchc validate``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from cchc_cli.cli.options import output_from, output_options
from cchc_cli.errors import EXIT_DATA, EXIT_FINDINGS, EXIT_OK
from cchc_cli.render.output import emit

if TYPE_CHECKING:
    from cchc_cli.model import Report, ReviewMark


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH]...")
@output_options
def validate(paths: tuple[str, ...], **kwargs: Any) -> None:
    """Check report files or folders and list every problem (exit 3 if any).

    With no PATH, checks the folder in CCHC_DATA, or the bundled datasets. The
    arithmetic errors 'cchc check' finds in a report are problems too. A draft
    (from 'cchc draft') is valid data whose guesses are listed as warnings
    until each is confirmed and its 'review' entry deleted; a valid draft
    exits 1, a reviewed report 0.

    \b
    Examples:
      cchc validate data/
      cchc validate report_2025.yaml --format json
    """
    out = output_from(kwargs)
    from cchc_cli.load.files import data_location, find_report_files, load_files
    from cchc_cli.load.problems import DataError, Problem
    from cchc_cli.views.validation import ValidationView, arithmetic_problems

    files: list[str] = []
    problems: list[Problem] = []
    for location in list(paths) or [data_location(None)]:
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
    view = ValidationView(files, problems + found, marks)
    code = EXIT_DATA if not view.valid else EXIT_FINDINGS if view.state == "draft" else EXIT_OK
    emit(view, out, code)
    if code:
        raise SystemExit(code)
