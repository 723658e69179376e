"""``cchc check`` and ``cchc verify``."""

from __future__ import annotations

from typing import Any

import click

from cchc_cli.cli import options as opt
from cchc_cli.cli.options import Command
from cchc_cli.errors import EXIT_FINDINGS, EXIT_OK
from cchc_cli.render.output import emit


@click.command(cls=Command)
@opt.data_options(year_default="every year")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@opt.output_options
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
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    from cchc_cli.queries.audit import check as check_all

    view = check_all(choice)
    failed = view.count("error") or (strict and view.count("warning"))
    emit(view, out, EXIT_FINDINGS if failed else EXIT_OK)
    if failed:
        raise SystemExit(EXIT_FINDINGS)


@click.command(cls=Command)
@click.option("--source", "source_file", required=True, metavar="FILE",
              type=click.Path(dir_okay=False),
              help="The source text: UTF-8 plain text, or HTML (tags are stripped).")
@click.option("--source-id", metavar="ID",
              help="Which source of the data FILE is [default: the source whose 'file' is "
                   "FILE's name].")
@opt.data_options(year_default="every year")
@opt.output_options
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
    choice, out = opt.choice_from(kwargs), opt.output_from(kwargs)
    from cchc_cli.queries.audit import verify as verify_source

    view = verify_source(choice, source_file, source_id)
    emit(view, out, EXIT_OK if view.ok else EXIT_FINDINGS)
    if not view.ok:
        raise SystemExit(EXIT_FINDINGS)
