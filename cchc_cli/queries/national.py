"""The national-table side of ``rank``, ``show``, ``compare`` and ``trend``.

Each command decides from its first argument whether it was given an index
id; if so it asks here, which picks the tables, loads only those, runs a
calculator and returns a view.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from cchc_cli.load.national import IndexFolder
from cchc_cli.national import NationalTable
from cchc_cli.periods import Period
from cchc_cli.queries.choice import DataChoice
from cchc_cli.queries.tables import load, measure_code, pick, province_id

if TYPE_CHECKING:
    from cchc_cli.views.national import (
        NationalCompareView,
        NationalRankView,
        NationalShowView,
        NationalTrendView,
    )


def _one_table(folder: IndexFolder, choice: DataChoice, as_of: dt.date | None
               ) -> NationalTable:
    _, tables = load(folder, [pick(folder, choice.asked(), as_of)])
    return tables[0]


def _in_table(table: NationalTable, query: str) -> str:
    """The province ``--province`` names, which must have a row in ``table``."""
    from cchc_cli.provinces import registry

    province = province_id(query, table.period.end)
    if table.row(province) is None:
        history = registry().history(province)
        inside = [p.id for p in history.parts if table.row(p.id) is not None]
        hint = f"; its former parts are: {', '.join(inside)}" if inside else ""
        raise click.UsageError(f"{province} has no row in the {table.index.id} table of "
                               f"{table.period.full_key}{hint}")
    return province


def rank_index(folder: IndexFolder, choice: DataChoice, by: str | None,
               as_of: dt.date | None) -> NationalRankView:
    """``cchc rank INDEX``: the table of the period, ranked by the total or ``by``."""
    from cchc_cli.calc.national import rank_table
    from cchc_cli.views.national import NationalRankView

    table = _one_table(folder, choice, as_of)
    measure = measure_code(table, by) if by else "total"
    highlight = _in_table(table, choice.province) if choice.province else None
    return NationalRankView(table, rank_table(table, measure), highlight)


def show_index(folder: IndexFolder, choice: DataChoice, as_of: dt.date | None
               ) -> NationalShowView:
    """``cchc show INDEX --province P``: one province against the field, measure by measure."""
    from cchc_cli.calc.national import profile
    from cchc_cli.views.national import NationalShowView

    if not choice.province:
        raise click.UsageError(f"give the province to show: cchc show {folder.index_id} "
                               "--province NAME")
    table = _one_table(folder, choice, as_of)
    province = _in_table(table, choice.province)
    return NationalShowView(table, province, profile(table, province))


def trend_index(folder: IndexFolder, query: str | None) -> NationalTrendView:
    """``cchc trend INDEX --province P``: every table; a merged unit's parts each apart."""
    from cchc_cli.calc.national import series
    from cchc_cli.provinces import registry
    from cchc_cli.views.national import NationalTrendView

    if not query:
        raise click.UsageError(f"give the province to follow: cchc trend {folder.index_id} "
                               "--province NAME")
    province = province_id(query)
    index, tables = load(folder, list(folder.tables), only=("total",))  # all a series reads
    candidates = [province, *(p.id for p in registry().history(province).parts)]
    found = [(part, points) for part in candidates if (points := series(tables, part))]
    if not found:
        raise click.UsageError(f"{province} has no row in any {index.id} table")
    return NationalTrendView(index, province, found)


def compare_index(folder: IndexFolder, periods: list[Period], as_of: dt.date | None,
                  to: dt.date | None, province: str | None = None) -> NationalCompareView:
    """``cchc compare INDEX [P1 [P2]] [--as-of D1] [--to D2]``: movers between two tables."""
    from cchc_cli.calc.national import movers
    from cchc_cli.views.national import NationalCompareView

    if len(periods) > 2:
        raise click.UsageError("give at most two periods after the index")
    first = periods[0] if periods else None
    second = periods[1] if len(periods) == 2 else first
    if second is None and to is None and as_of is None:
        raise click.UsageError(f"give two periods (cchc compare {folder.index_id} 2023 2024) "
                               "or two capture dates (--as-of DATE --to DATE)")
    before = pick(folder, first, as_of)
    after = pick(folder, second, to)
    if before.path == after.path:
        raise click.UsageError(f"both sides are the table of {before.period.full_key}; give "
                               "two different periods or capture dates")
    _, (old, new) = load(folder, [before, after])
    highlight = _in_table(new, province) if province else None
    return NationalCompareView(old, new, movers(old, new), highlight)
