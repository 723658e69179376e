"""The rows of a national table, each checked against the registry, the index and its header.

A table is read at every run, so the common case is kept cheap: a row's
numbers are checked with one pattern, and each column's bounds are worked out
once per table. Only a row with a problem is looked at cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from operator import itemgetter
from typing import Any

from cchc_cli.load.blocks import Line, number
from cchc_cli.load.problems import Problem
from cchc_cli.national import KEY_COLUMNS, Derivation, Method, Row, Values
from cchc_cli.periods import Period
from cchc_cli.record import Record

Sink = tuple[str, list[Problem], list[Problem]]
"""The file's path, where errors go and where warnings go."""

_KEYS = len(KEY_COLUMNS)
_ZERO = Decimal(0)
_PLAIN = re.compile(r"[-0-9.,]*\Z")
_LOOSE = (",.", ".,", "-.")
"""What ``Decimal`` reads but a plain number never has: ``.5``, ``5.``, ``-.5``."""


class _Plan(Record):
    """What is checked in every row, worked out once per table."""

    columns: tuple[str, ...]
    bounds: tuple[tuple[Decimal | None, Decimal | None], ...]
    """Per column: (least, most); None where a side is open."""
    derived: tuple[tuple[int, Callable[[tuple[Decimal | None, ...]], Any], Derivation], ...]
    stated_sum: tuple[int, tuple[int, ...]] | None
    """The total's position and its dimensions', where the total is stated."""
    groups: tuple[tuple[Decimal, Callable[[tuple[Decimal | None, ...]], Any]], ...]
    """The columns that share a maximum, by maximum."""
    whole: tuple[int, ...]
    """The columns that hold whole numbers (a stated rank)."""
    signed: bool
    """Whether some column may be negative (a stated change)."""


def _plan(columns: tuple[str, ...], method: Method,
          derived: tuple[Derivation, ...]) -> _Plan:
    bounds: list[tuple[Decimal | None, Decimal | None]] = []
    for column in columns:
        if column == "change":
            bounds.append((None, None))
        elif column == "rank":
            bounds.append((Decimal(1), None))
        else:
            bounds.append((Decimal(0), method.bound(column)))
    steps = tuple((columns.index(d.column), _getter([columns.index(p) for p in d.parts]), d)
                  for d in derived)
    dimensions = tuple(columns.index(m.code) for m in method.dimensions if m.code in columns)
    stated = None if any(d.column == "total" for d in derived) or not dimensions else \
        (columns.index("total"), dimensions)
    groups: dict[Decimal, list[int]] = {}
    for position, (_, most) in enumerate(bounds):
        if most is not None:
            groups.setdefault(most, []).append(position)
    return _Plan(columns, tuple(bounds), steps, stated,
                 tuple((most, _getter(positions)) for most, positions in groups.items()),
                 tuple(i for i, c in enumerate(columns) if c == "rank"), "change" in columns)


def _getter(positions: list[int]) -> Callable[[tuple[Decimal | None, ...]], Any]:
    """A function picking ``positions`` out of a row's values, as a tuple."""
    if len(positions) == 1:
        only = positions[0]
        return lambda values: (values[only],)
    return itemgetter(*positions)


def read_rows(lines: tuple[Line, ...], columns: tuple[str, ...], method: Method,
              period: Period, *, derived: tuple[Derivation, ...], sink: Sink) -> tuple[Row, ...]:
    """Every row of the table; problems with any of them go to ``sink``."""
    path, problems, _ = sink
    plan = _plan(columns, method, derived)
    width = _KEYS + len(columns)
    seen: dict[str, int] = {}
    rows = []
    for line in lines:
        if len(line.fields) != width:
            _wrong_width(line, width, path, problems)
            continue
        province = _province(line, period, path, problems)
        values = _values(line, plan, method, sink)
        if province is None or values is None:
            continue
        first = seen.get(province)
        if first is not None:
            problems.append(Problem(path, line.number, 1, "province",
                                    f"{province} is also on line {first}",
                                    "keep one row per province"))
            continue
        seen[province] = line.number
        row = Row(province, line.fields[1].strip(), line.fields[2].strip(), Values(values),
                  line.number)
        _check_derived(values, line, plan, sink)
        _check_stated_sum(row, values, plan, sink)
        rows.append(row)
    return tuple(rows)


def _wrong_width(line: Line, width: int, path: str, problems: list[Problem]) -> None:
    cells = line.cells()
    few = len(cells) < width
    problems.append(Problem(path, line.number, cells[-1].column if few else cells[width].column,
                            "row", f"{len(cells)} values where the header has {width}",
                            "add the missing commas (an empty cell is no data)" if few
                            else "remove the extra values, or quote text that has a comma"))


def _province(line: Line, period: Period, path: str, problems: list[Problem]) -> str | None:
    from cchc_cli.provinces import registry

    text = line.fields[0].strip()
    found = registry().get(text)
    if found is not None and found.valid_on(period.end):
        return found.id
    if found is not None:
        when = (f"it became part of {found.successor} on {found.valid_to}"
                if found.valid_to else f"it was formed on {found.valid_from}")
        problems.append(Problem(path, line.number, 1, "province",
                                f"{found.id} did not exist on {period.end.isoformat()}: {when}",
                                "use the unit of the table's period"))
        return None
    named = registry().matches(text) if text else []
    if named:
        hint = "write the registry id: " + " or ".join(f"'{e.id}'" for e in named)
    else:
        close = registry().suggest(text) if text else ()
        hint = (f"did you mean {' or '.join(repr(e.id) for e in close)}?" if close
                else "write a provinces registry id, e.g. ha-giang")
    problems.append(Problem(path, line.number, 1, "province",
                            f"'{text}' is not a province id" if text else "empty", hint))
    return None


def _values(line: Line, plan: _Plan, method: Method,
            sink: Sink) -> tuple[Decimal | None, ...] | None:
    """The row's numbers, each within its column's bounds; None if any is not.

    A row of plain numbers, none negative where none may be, under each
    group's maximum, passes with a few C-level checks; any other row is
    checked cell by cell for its messages.
    """
    path, problems, _ = sink
    fields = line.fields[_KEYS:]
    joined = ",".join(fields)
    values = _plain(joined, fields)
    if values is not None:
        if (plan.signed or "-" not in joined) and _under(values, plan, "" not in fields):
            return values
    else:
        values = tuple(number(line.cell(_KEYS + i), path, plan.columns[i], problems)
                       for i in range(len(fields)))
    ok = True
    for position, (value, (least, most)) in enumerate(zip(values, plan.bounds, strict=True)):
        if value is None:
            continue
        column = plan.columns[position]
        if column == "rank" and value != value.to_integral_value():
            message, hint = f"{value} is not a place", "a whole number from 1"
        elif least is not None and value < least:
            message, hint = f"{value} is below {least}", f"a {column} is {least} or more"
        elif most is not None and value > most:
            message, hint = (f"{value} is above the maximum of {most}",
                             f"check the number, or the maximum in method {method.id}")
        else:
            continue
        cell = line.cell(_KEYS + position)
        problems.append(Problem(path, cell.line, cell.column, column, message, hint))
        ok = False
    return values if ok else None


def _plain(joined: str, fields: tuple[str, ...]) -> tuple[Decimal | None, ...] | None:
    """The numbers of a row of plain numbers and empty cells; None for any other row.

    ``Decimal`` refuses ``1-2``, ``1.2.3`` and a lone ``-``; what it reads
    but a plain number never is (``.5``, ``5.``) is looked for as text.
    """
    if _PLAIN.match(joined) is None or joined.startswith(".") or joined.endswith(".") or \
            any(loose in joined for loose in _LOOSE):
        return None
    try:
        if "" not in fields:
            return tuple(map(Decimal, fields))
        return tuple(Decimal(text) if text else None for text in fields)
    except InvalidOperation:
        return None


def _under(values: tuple[Decimal | None, ...], plan: _Plan, full: bool) -> bool:
    """Whether every value is within its group's maximum (and ranks are whole).

    ``full`` says that no value is None (comparing a Decimal with None is slow).
    """
    for most, positions in plan.groups:
        group = positions(values)
        found = group if full else [v for v in group if v is not None]
        if found and max(found) > most:
            return False
    return all(values[p] is None or values[p] == values[p].to_integral_value()  # type: ignore[union-attr]
               for p in plan.whole)


def _check_derived(row: tuple[Decimal | None, ...], line: Line, plan: _Plan,
                   sink: Sink) -> None:
    """A derived value of ``row`` (the line's values) must be the exact sum of its parts,
    and empty when a part is."""
    path, problems, _ = sink
    full = "" not in line.fields
    for position, parts, derivation in plan.derived:
        stored = row[position]
        values = parts(row)
        if not full and any(v is None for v in values):
            if stored is not None:
                cell = line.cell(_KEYS + position)
                problems.append(Problem(path, cell.line, cell.column, derivation.column,
                                        f"{stored} is derived from parts of which some are "
                                        "empty", "leave it empty: a partial sum is no score"))
            continue
        total = sum(values, _ZERO)
        if stored != total:
            cell = line.cell(_KEYS + position)
            problems.append(Problem(path, cell.line, cell.column, derivation.column,
                                    f"{'empty' if stored is None else stored} is not "
                                    f"{derivation.formula} = {total}",
                                    f"write {total}, or re-run the converter"))


def _check_stated_sum(row: Row, values: tuple[Decimal | None, ...], plan: _Plan,
                      sink: Sink) -> None:
    """A stated total whose stated dimensions add up to something else, beyond rounding
    (``values`` are the row's, as a tuple)."""
    from cchc_cli.calc.precision import half_step, places

    if plan.stated_sum is None:
        return
    path, _, warnings = sink
    position, dimensions = plan.stated_sum
    total = values[position]
    parts = [values[d] for d in dimensions]
    known = [p for p in parts if p is not None]
    if total is None or len(known) < len(parts):
        return
    added = sum(known, Decimal(0))
    slack = sum((half_step(places(v)) for v in [*known, total]), Decimal(0))
    if abs(added - total) > slack:
        warnings.append(Problem(path, row.line, 1, "total",
                                f"{row.province}: the components add up to {added}, not the "
                                f"stated total {total} (more than the {slack.normalize()} "
                                "rounding allows)", "check the row against its source"))
