"""Load the reports a command asks for and choose among them; a choice the data cannot
meet is a usage error."""

from __future__ import annotations

import click

from cchc_cli.catalog import Catalog, SelectionError
from cchc_cli.errors import DataProblems
from cchc_cli.model import Province, Report
from cchc_cli.periods import Period
from cchc_cli.queries.choice import DataChoice


def load_catalog(data: tuple[str, ...], years: set[int] | None = None) -> Catalog:
    """Every report at each ``--data`` (or ``CCHC_DATA``, or the bundled datasets).

    With ``years``, every file is still checked but only those years are kept.
    """
    from cchc_cli.load.files import data_locations, load_location
    from cchc_cli.load.problems import DataError

    keep = None if years is None else (lambda report: report.year in years)
    try:
        return Catalog(tuple(load_location(data_locations(data), keep)))
    except DataError as error:
        raise DataProblems(error.problems) from None


def named(query: str | None) -> str | None:
    """``--province`` as given, refusing an empty one (which would mean every province)."""
    if query is not None and not query.strip():
        raise click.UsageError("--province is empty: give a province's name or id, or leave "
                               "the option out")
    return query


def select_province(catalog: Catalog, query: str | None) -> Province:
    """The province chosen with ``--province``."""
    try:
        return catalog.province(named(query))
    except SelectionError as error:
        raise click.UsageError(str(error)) from None


def select_report(choice: DataChoice) -> tuple[Catalog, Report]:
    """Load the data and pick the report for ``--province`` and ``--year`` or ``--period``."""
    catalog = load_catalog(choice.data)
    province = select_province(catalog, choice.province)
    return catalog, select_period(catalog, province, choice.year, choice.period)


def select_period(catalog: Catalog, province: Province, year: int | None,
                  period: Period | None = None) -> Report:
    """The province's report (stated or implied) for ``period``, or the whole of ``year``."""
    try:
        return catalog.report(province, year, period)
    except SelectionError as error:
        raise click.UsageError(str(error)) from None


def narrow(catalog: Catalog, query: str | None) -> Catalog:
    """Only the province chosen with ``--province``; the whole catalog without one."""
    if query is None:
        return catalog
    return Catalog(tuple(catalog.reports_for(select_province(catalog, query))))


def select_members(catalog: Catalog, query: str | None) -> tuple[Province, list[Province]]:
    """The province chosen with ``--province`` and the provinces of the data that are it
    or its former parts (see ``Catalog.members``)."""
    try:
        return catalog.members(named(query))
    except SelectionError as error:
        raise click.UsageError(str(error)) from None


def select_provinces(catalog: Catalog, query: str | None) -> list[Province]:
    """The province chosen with ``--province``, or every province of the data."""
    return [select_province(catalog, query)] if named(query) is not None else \
        catalog.provinces()


def select_figure(catalog: Catalog, query: str) -> str:
    """The figure id that ``query`` names, by id or by label in either language."""
    found = catalog.figure_ids(query)
    if len(found) == 1:
        return found[0]
    if not found:
        raise unknown_figure(query, catalog)
    listed = "; ".join(f"{figure_id} ({label.vi} / {label.en})" for figure_id in found
                       if (label := catalog.figure_label(figure_id)) is not None)
    raise click.UsageError(f"several figures match '{query}': {listed}; give one of the ids")


def unknown_figure(figure_id: str, catalog: Catalog) -> click.UsageError:
    """The error for a figure id that no report has, with the closest id."""
    import difflib

    ids = sorted({f.id for r in catalog.reports for f in r.figures})
    close = difflib.get_close_matches(figure_id, ids, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return click.UsageError(f"no figure '{figure_id}' in the data; {hint}"
                            "'cchc metrics' lists the ids")
