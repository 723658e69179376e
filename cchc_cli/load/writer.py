"""Write national tables: rows and metadata in, a checked ``table_<period>.csv`` out.

    from cchc_cli.load.writer import make_table, write_table

    table = make_table(index, "2026", period, source=source, columns=columns, rows=rows,
                       derived=(), notes=("as the portal answered",))
    write_table("tables/service-index-766", table)          # -> table_2026-ytd@....csv

``make_table`` fills every derived column from its parts (an empty part
leaves the sum empty); ``write_table`` writes the file atomically, refuses to
replace one unless ``force``, and first loads what it is about to write with
the strict loader, so a table that would not load is never written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from decimal import Decimal

from cchc_cli.load.problems import DataError, Problem
from cchc_cli.national import (
    KEY_COLUMNS,
    TABLE_FORMAT,
    Derivation,
    IndexInfo,
    NationalTable,
    Row,
    TableSource,
    Values,
)
from cchc_cli.periods import Period


def make_table(index: IndexInfo, method_id: str, period: Period, *, source: TableSource,
               columns: Sequence[str], rows: Iterable[Row],
               derived: Iterable[Derivation] = (), notes: Iterable[str] = ()) -> NationalTable:
    """A table of ``index`` with its derived columns filled in from their parts.

    ``rows`` give a value (or None) for every column in ``columns``; the
    values of derived columns are replaced. Raises ``DataError`` for a method
    the index does not have.
    """
    method = index.method(method_id)
    if method is None:
        raise DataError([Problem(index.path, 1, 1, "method",
                                 f"'{method_id}' is not a method of {index.id}", "")])
    derivations = tuple(derived)
    columns = tuple(columns)
    filled = tuple(row._replace(values=fill_derived(columns, row.values, derivations))
                   for row in rows)
    return NationalTable(index, method, period, source, columns, derivations, filled, "",
                         tuple(notes))


def fill_derived(columns: tuple[str, ...], values: Sequence[Decimal | None],
                 derived: tuple[Derivation, ...]) -> Values:
    """``values`` with each derived column set to the sum of its parts (None if one is None).

    Derivations are applied in order, so a total may be the sum of dimensions
    derived just before it.
    """
    result = list(values)
    for derivation in derived:
        parts = [result[columns.index(part)] for part in derivation.parts]
        known = [p for p in parts if p is not None]
        result[columns.index(derivation.column)] = (
            sum(known, Decimal(0)) if len(known) == len(parts) else None)
    return Values(result)


def _cell(text: str) -> str:
    if any(mark in text for mark in ',"\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


def _number(value: Decimal | None) -> str:
    return "" if value is None else format(value, "f")


def table_text(table: NationalTable) -> str:
    """The file text of ``table``: the header block, then the CSV."""
    source = table.source
    head: list[tuple[str, str | None]] = [
        ("format", TABLE_FORMAT), ("index", table.index.id), ("method", table.method.id),
        ("period", table.period.key)]
    if table.period.as_of is not None:
        head.append(("as_of", table.period.as_of.isoformat()))
    head += [("source.publisher", source.publisher), ("source.title", source.title),
             ("source.url", source.url), ("source.transcription", source.transcription),
             ("source.file", source.file), ("source.sha256", source.sha256),
             ("source.captured", source.captured)]
    head += [(f"derived.{d.column}", d.formula) for d in table.derived]
    head += [("note", note) for note in table.notes]
    lines = [f"# {key}: {' '.join(value.split())}" for key, value in head if value]
    lines.append(",".join((*KEY_COLUMNS, *table.columns)))
    for row in table.rows:
        lines.append(",".join([_cell(row.province), _cell(row.source_key),
                               _cell(row.source_name), *map(_number, row.values)]))
    return "\n".join(lines) + "\n"


def check_table(table: NationalTable, path: str) -> None:
    """Raise ``DataError`` if ``table``, written to ``path``, would not load.

    The text is loaded from a temporary copy; problems name ``path``.
    """
    import tempfile

    from cchc_cli.load.national import load_table

    with tempfile.TemporaryDirectory(prefix="cchc-table-") as folder:
        probe = os.path.join(folder, os.path.basename(path))
        with open(probe, "w", encoding="utf-8", newline="") as handle:
            handle.write(table_text(table))
        try:
            load_table(probe, table.index)
        except DataError as error:
            raise DataError([p._replace(path=path) for p in error.problems]) from None


def write_table(folder: str, table: NationalTable, force: bool = False) -> str:
    """Write ``table`` into ``folder`` as ``table_<period>.csv``; return the path.

    Raises ``FileExistsError`` when the file exists and not ``force``,
    ``DataError`` when the text would not load (nothing is written then), and
    ``OSError`` when the file cannot be written.
    """
    import tempfile

    from cchc_cli.load.national import table_name

    path = os.path.join(folder, table_name(table.period))
    if os.path.exists(path) and not force:
        raise FileExistsError(f"'{path}' exists; use force to replace it")
    check_table(table, path)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, newline="",
                                     prefix=".table-", suffix=".tmp", delete=False) as handle:
        handle.write(table_text(table))
        temporary = handle.name
    try:
        os.chmod(temporary, _mode())
        if force:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the file appeared meanwhile
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return path


def _mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
