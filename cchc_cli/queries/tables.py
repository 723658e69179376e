"""Choosing and loading national tables for a command, as click errors where the user errs.

``rank``, ``compare``, ``trend`` and ``show`` take an index id (``papi``,
``service-index-766``) where they otherwise take a report figure id; these
helpers find the index, pick its tables by period and capture date, and load
only those.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from cchc_cli.errors import DataProblems
from cchc_cli.load.national import IndexFolder, TableFile
from cchc_cli.national import IndexInfo, NationalTable
from cchc_cli.periods import Period, describe


def find_index(name: str, location: str | None, data: tuple[str, ...]) -> IndexFolder | None:
    """The index folder called ``name``, or None when ``name`` is no index (a figure id).

    Without ``--tables``, a ``--data`` folder that holds the index's folder (as
    ``cchc import`` and ``cchc fetch`` write them) is where its tables are; the
    first such ``--data`` wins.
    """
    from cchc_cli.load.national import find_indices, tables_location

    if location is None:
        from cchc_cli.load.files import BUNDLED

        for folder in data:
            found = find_indices(folder) if folder != BUNDLED else {}
            if name in found:
                return found[name]
    return find_indices(tables_location(location)).get(name)


def pick(folder: IndexFolder, period: Period | None, as_of: dt.date | None) -> TableFile:
    """The table of ``period`` (the latest without one), the capture of ``as_of`` if given."""
    files = list(folder.tables)
    if period is not None:
        files = [f for f in files if f.period.key == period.key]
    wanted = as_of or (period.as_of if period is not None else None)
    captured = files
    if wanted is not None:
        files = [f for f in files if f.period.as_of == wanted]
    if not files:
        asked = (period.key if period else "any period") + (f" as of {wanted}" if wanted
                                                            else "")
        earlier = [f.period.as_of for f in captured
                   if wanted and f.period.as_of and f.period.as_of < wanted]
        hint = f"; the latest capture before it is --as-of {max(earlier)}" if earlier else ""
        raise click.UsageError(f"no {folder.index_id} table for {asked} (tables: "
                               f"{describe([f.period for f in folder.tables])}){hint}")
    return files[-1]


def load(folder: IndexFolder, files: list[TableFile], only: tuple[str, ...] = ()
         ) -> tuple[IndexInfo, list[NationalTable]]:
    """Load the index and ``files`` (with just the columns ``only``, if given); problems exit
    3, warnings go to stderr."""
    from cchc_cli.load.national import load_tables
    from cchc_cli.load.problems import DataError

    try:
        index, tables, warnings = load_tables(folder, files, only)
    except DataError as error:
        raise DataProblems(error.problems, f"{len(error.problems)} problem(s) in the "
                           f"{folder.index_id} tables") from None
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    return index, tables


def province_id(query: str, on: dt.date | None = None) -> str:
    """The registry id that ``--province`` names (the unit of ``on`` where a name is shared)."""
    from cchc_cli.provinces import UnknownProvince, registry

    try:
        return registry().resolve(query, on).id
    except UnknownProvince as error:
        raise click.UsageError(str(error)) from None


def measure_code(table: NationalTable, query: str) -> str:
    """The measure ``--by`` names: a code (``C01``, ``mdhl``) or a label, any case."""
    from cchc_cli.names import fold

    for measure in table.measures():
        if query.lower() == measure.code.lower() or fold(query) in (
                fold(measure.label.vi), fold(measure.label.en)):
            return measure.code
    codes = ", ".join(m.code for m in table.measures())
    raise click.UsageError(f"'{query}' is not a measure of {table.index.id} "
                           f"{table.period.full_key}; one of {codes}")


def refuse_report_options(**given: Any) -> None:
    """Options that only the national path understands, given to a report figure."""
    for name, value in given.items():
        if value not in (None, False, ()):
            raise click.UsageError(f"--{name.replace('_', '-')} is for national tables "
                                   "(give an index id such as papi)")


def covering(province: str, period: Period, location: str | None = None
             ) -> list[NationalTable]:
    """The national tables of ``period`` that have a row for ``province``.

    Only tables of that period are read; a report's province id that the
    registry does not know has none.
    """
    from cchc_cli.load.national import find_indices, tables_location
    from cchc_cli.provinces import registry

    if registry().get(province) is None:
        return []
    found = []
    for folder in find_indices(tables_location(location)).values():
        files = [f for f in folder.tables if period.names(f.period)]
        if files:
            _, tables = load(folder, files[-1:])
            found += [t for t in tables if t.row(province) is not None]
    return found
