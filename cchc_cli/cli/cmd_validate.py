"""``cchc validate``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli.options import Command, output_from, output_options
from cchc_cli.errors import EXIT_DATA, EXIT_FINDINGS, EXIT_OK
from cchc_cli.render.output import emit


@click.command(cls=Command)
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
    from cchc_cli.queries.audit import validate as validate_files

    view = validate_files(list(paths))
    code = EXIT_DATA if not view.valid else EXIT_FINDINGS if view.state == "draft" else EXIT_OK
    emit(view, out, code)
    if code:
        raise SystemExit(code)
