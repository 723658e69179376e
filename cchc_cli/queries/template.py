"""What ``template`` asks of the data: the report to start from, or the registry's names."""

from __future__ import annotations

import click

from cchc_cli.catalog import Catalog, SelectionError
from cchc_cli.model import Lang, Province
from cchc_cli.periods import SYNTAX, Period, year_period
from cchc_cli.queries.select import load_catalog, select_period, select_province


def template(data: tuple[str, ...], query: str | None, wanted: Period, start: Period | None,
             lang: Lang) -> str:
    """The skeleton of a new report for ``wanted``, its comments in ``lang``."""
    from cchc_cli.load.template import render_blank, render_template

    catalog = load_catalog(data)
    new = _new_province(catalog, query, wanted)
    if new is not None:
        _note_if_gone(new, wanted)
        return render_blank(new, wanted, lang)
    chosen = select_province(catalog, query)
    _note_if_gone(chosen, wanted)
    earlier = [p for p in catalog.periods(chosen) if p.sort_key() < wanted.sort_key()]
    if start is None and not earlier:
        raise click.UsageError(f"no report before {wanted.full_key} to start from; give --from")
    report = select_period(catalog, chosen, None, start or earlier[-1])
    if any(p.full_key == wanted.full_key for p in catalog.periods(chosen)):
        click.echo(f"cchc: note: the data already has a {wanted.full_key} report for "
                   f"{chosen.id}", err=True)
    return render_template(report, wanted, lang)


def wanted_period(year: int | None, period: Period | None) -> Period:
    """The period of ``--year`` or ``--period``; one of them, and not two that disagree."""
    if period is None and year is None:
        raise click.UsageError("say which period the new report is for: --year 2025 or "
                               f"--period 2025-07 ({SYNTAX})")
    if period is not None and year is not None and period.year != year:
        raise click.UsageError(f"--year {year} and --period {period.full_key} disagree; "
                               "give one of them")
    return period or year_period(year or 0)


def _new_province(catalog: Catalog, query: str | None, wanted: Period) -> Province | None:
    """The registry's province for ``query`` when the data holds no report of it, as the
    unit that existed at the end of ``wanted`` (Tuyên Quang of 2024 is the former one)."""
    if query is None:
        return None
    try:
        catalog.province(query)
        return None  # the data has it
    except SelectionError:
        pass
    from cchc_cli.provinces import registry

    try:
        known = registry().resolve(query, wanted.end)
    except LookupError:
        return None  # select_province then says what is wrong, with a did-you-mean
    return Province(known.id, known.name)


def _note_if_gone(province: Province, wanted: Period) -> None:
    """Say so on stderr when the province did not exist at the end of ``wanted``."""
    from cchc_cli.provinces import registry

    known = registry().get(province.id)
    if known is None or known.valid_on(wanted.end):
        return
    successor = registry().successor(known.id)
    instead = f"; the province of that time is {successor.name.vi} ({successor.id})" \
        if successor else ""
    click.echo(f"cchc: note: {known.name.vi} did not exist at the end of "
               f"{wanted.full_key}{instead}", err=True)
