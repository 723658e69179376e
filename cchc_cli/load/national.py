"""Find and load national tables strictly: every problem of a file at once.

A tables folder holds one folder per index (``papi/``), each with its
``index.csv`` and one ``table_<period>.csv`` per period or capture
(``table_2024.csv``, ``table_2026-ytd@2026-10-10.csv``). Which tables exist is
read from the file names alone, so a command loads only the tables it needs.
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

from cchc_cli.cache import Input
from cchc_cli.load.files import MAX_FILE_BYTES, bundled_data_dir, read_file, utf8_text
from cchc_cli.load.problems import DataError, Problem
from cchc_cli.model import Text
from cchc_cli.national import (
    INDEX_FORMAT,
    KEY_COLUMNS,
    MEASURE_KINDS,
    STATED_EXTRAS,
    TABLE_FORMAT,
    Derivation,
    IndexInfo,
    Measure,
    Method,
    NationalTable,
    Row,
    TableSource,
)
from cchc_cli.periods import Period, parse_period
from cchc_cli.record import Record

if TYPE_CHECKING:
    from collections.abc import Callable

    from cchc_cli.load.blocks import Block, Cell, Header

RECORDS: tuple[type[Record], ...] = (IndexInfo, Text, Method, Measure, TableSource, Derivation,
                                     Row, NationalTable, Period, Problem)
"""Every class a loaded table and its warnings are built of (what the cache may rebuild)."""

INDEX_FILE = "index.csv"
INDEX_COLUMNS = ("method", "code", "kind", "parent", "max", "label_vi", "label_en", "note")
_INDEX_KEYS = ("format", "id", "name.vi", "name.en", "short", "publisher", "decimals", "note")
_TABLE_KEYS = ("format", "index", "method", "period", "as_of", "source.publisher",
               "source.title", "source.url", "source.transcription", "source.file",
               "source.sha256", "source.captured", "note")
# Patterns are compiled on first use (through ``re``'s own cache), not at import:
# most runs read tables from the cache and never check a field.
_SHA256 = r"[0-9a-f]{64}\Z"
_CODE = r"[A-Za-z][A-Za-z0-9_]*\Z"
_CAPTURED = r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?\Z"


def _table_period_text(name: str) -> str | None:
    """``2024`` of ``table_2024.csv``; None for a name that is not a table's."""
    if name.startswith("table_") and name.endswith(".csv") and len(name) > 10:
        return name[6:-4]
    return None


class TableFile(Record):
    """A table found by its file name, not yet read."""

    period: Period
    path: str


class IndexFolder(Record):
    """An index's folder: its ``index.csv`` and its tables, oldest first."""

    index_id: str
    path: str
    tables: tuple[TableFile, ...]


def tables_location(option: str | None = None) -> str:
    """Where national tables are: ``--tables``, else ``CCHC_TABLES``, else the bundled ones."""
    return option or os.environ.get("CCHC_TABLES") or os.path.join(bundled_data_dir(),
                                                                   "national")


def table_name(period: Period) -> str:
    """The file name of a table for ``period``: ``table_2024.csv``."""
    return f"table_{period.full_key}.csv"


def find_indices(location: str) -> dict[str, IndexFolder]:
    """The index folders at ``location`` (none when it does not exist), by index id."""
    found: dict[str, IndexFolder] = {}
    if not os.path.isdir(location):
        return found
    with os.scandir(location) as entries:
        for entry in entries:
            if entry.is_dir() and os.path.isfile(os.path.join(entry.path, INDEX_FILE)):
                found[entry.name] = IndexFolder(entry.name, entry.path, _tables_in(entry.path))
    return found


def _tables_in(folder: str) -> tuple[TableFile, ...]:
    tables = []
    with os.scandir(folder) as entries:
        for entry in entries:
            text = _table_period_text(entry.name)
            if text is None or not entry.is_file():
                continue
            try:
                period = parse_period(text)
            except ValueError:
                continue  # reported when the folder is validated as a whole
            tables.append(TableFile(period, entry.path))
    return tuple(sorted(tables, key=lambda t: t.period.sort_key()))


def _read(path: str) -> Input:
    """A table or index file, read within the size cap; ``DataError`` if it cannot be."""
    problems: list[Problem] = []
    got = read_file(path, MAX_FILE_BYTES, problems, "a table")
    if got is None:
        raise DataError(problems)
    return Input(path, *got)


def _block(read: Input, problems: list[Problem]) -> Block | None:
    from cchc_cli.load.blocks import split

    text = utf8_text(read.data, read.path, problems)
    return None if text is None else split(text, read.path, problems)


def load_index(path: str) -> IndexInfo:
    """Read an ``index.csv``; raise ``DataError`` with every problem."""
    return _index_from(_read(path))


def _index_from(read: Input) -> IndexInfo:
    path = read.path
    problems: list[Problem] = []
    block = _block(read, problems)
    index = None if block is None else _build_index(block, path, problems)
    if problems or index is None:
        raise DataError(problems or [Problem(path, 1, 1, "", "the file is empty", "")])
    return index


def _build_index(block: Block, path: str, problems: list[Problem]) -> IndexInfo | None:
    from cchc_cli.load.blocks import Header

    header = Header(block, path, problems)
    _format(header, INDEX_FORMAT)
    ident, short = header.get("id", True), header.get("short", True)
    name_vi, name_en = header.get("name.vi", True), header.get("name.en", True)
    publisher = header.get("publisher", True)
    decimals = _whole(header, "decimals")
    notes = [e.value for e in header.all("note")]
    method_notes = {e.key.removeprefix("method."): e.value for e in header.with_prefix("method.")}
    header.leftovers((*_INDEX_KEYS, "method.<id>"))
    if not block.rows or not _header_row(block.rows[0].cells(), INDEX_COLUMNS, path,
                                            problems):
        return None
    methods: dict[str, list[Measure]] = {}
    for line in block.rows[1:]:
        cells = line.cells()
        if _width(cells, len(INDEX_COLUMNS), path, problems):
            measure = _measure(cells, path, problems)
            if measure is not None:
                methods.setdefault(cells[0].text.strip(), []).append(measure)
    built = tuple(Method(key, tuple(measures), method_notes.get(key))
                  for key, measures in methods.items())
    for method in built:
        _check_method(method, path, problems)
    if None in (ident, short, name_vi, name_en, publisher, decimals):
        return None
    assert ident and short and name_vi and name_en and publisher and decimals is not None
    return IndexInfo(ident, Text(name_vi, name_en), short, publisher, decimals, built, path,
                     " ".join(notes) or None)


def _format(header: Header, expected: str) -> None:
    found = header.get("format", True)
    entry = header.entry("format")
    if found is not None and found != expected and entry is not None:
        header.fail(entry, f"'{found}' is not {expected}", f"write '# format: {expected}'")


def _whole(header: Header, key: str) -> int | None:
    text = header.get(key, True)
    entry = header.entry(key)
    if text is None or entry is None:
        return None
    if not text.isdigit():
        header.fail(entry, f"'{text}' is not a whole number", "write digits, e.g. 2")
        return None
    return int(text)


def _header_row(cells: tuple[Cell, ...], expected: tuple[str, ...], path: str,
                problems: list[Problem]) -> bool:
    names = tuple(c.text.strip() for c in cells)
    if names != expected:
        problems.append(Problem(path, cells[0].line, 1, "header",
                                f"the columns are {','.join(names)}",
                                f"write the header {','.join(expected)}"))
        return False
    return True


def _width(cells: tuple[Cell, ...], expected: int, path: str, problems: list[Problem]) -> bool:
    """Whether a row has as many fields as the header; a problem if not."""
    if len(cells) == expected:
        return True
    few = len(cells) < expected
    problems.append(Problem(path, cells[0].line, cells[-1].column if few else
                            cells[expected].column, "row",
                            f"{len(cells)} values where the header has {expected}",
                            "add the missing commas (an empty cell is no data)" if few
                            else "remove the extra values, or quote text that has a comma"))
    return False


def _measure(cells: tuple[Cell, ...], path: str, problems: list[Problem]) -> Measure | None:
    _, code, kind, parent, most, label_vi, label_en, note = cells
    ok = True
    if re.match(_CODE, code.text.strip()) is None:
        problems.append(Problem(path, code.line, code.column, "code",
                                f"'{code.text}' is not a code", "letters, digits and '_'"))
        ok = False
    if kind.text.strip() not in MEASURE_KINDS:
        problems.append(Problem(path, kind.line, kind.column, "kind",
                                f"'{kind.text}' is not a kind",
                                f"one of {', '.join(MEASURE_KINDS)}"))
        ok = False
    from cchc_cli.load.blocks import number

    maximum = number(most, path, "max", problems)
    if not (label_vi.text.strip() and label_en.text.strip()):
        problems.append(Problem(path, label_vi.line, label_vi.column, "label",
                                "both labels are needed", "fill label_vi and label_en"))
        ok = False
    if not ok:
        return None
    kind_text = next(k for k in MEASURE_KINDS if k == kind.text.strip())
    return Measure(code.text.strip(), kind_text, parent.text.strip() or None, maximum,
                   Text(label_vi.text.strip(), label_en.text.strip()),
                   note.text.strip() or None)


def _check_method(method: Method, path: str, problems: list[Problem]) -> None:
    totals = [m for m in method.measures if m.kind == "total"]
    if len(totals) != 1:
        problems.append(Problem(path, 1, 1, "method", f"method {method.id} has {len(totals)} "
                                "totals", "give each method one row of kind total"))
    codes = {m.code for m in method.measures}
    for measure in method.measures:
        if measure.kind != "total" and measure.parent not in codes:
            problems.append(Problem(path, 1, 1, "parent", f"{measure.code} of method "
                                    f"{method.id} has the parent '{measure.parent}', which "
                                    "is not a measure of the method", "name its dimension"))


def load_table(path: str, index: IndexInfo) -> tuple[NationalTable, list[Problem]]:
    """Read one table of ``index``; return it and its warnings, or raise ``DataError``.

    Errors (a bad number, an unknown province, a province twice, a score out
    of range, a derived column that is not what it says) are all collected
    before raising. A stated total that its stated components do not add up
    to, beyond rounding, is a warning naming the row.
    """
    return _table_from(_read(path), index)


def _table_from(read: Input, index: IndexInfo) -> tuple[NationalTable, list[Problem]]:
    path = read.path
    problems: list[Problem] = []
    warnings: list[Problem] = []
    block = _block(read, problems)
    table = None if block is None else _build_table(block, path, index, problems, warnings)
    if problems or table is None:
        raise DataError(problems or [Problem(path, 1, 1, "", "the file is empty",
                                             f"start it with '# format: {TABLE_FORMAT}'")])
    return table, warnings


class _Meta(Record):
    method: Method
    period: Period
    source: TableSource
    derived: tuple[Derivation, ...]
    notes: tuple[str, ...]


def _build_table(block: Block, path: str, index: IndexInfo, problems: list[Problem],
                 warnings: list[Problem]) -> NationalTable | None:
    from cchc_cli.load.blocks import Header

    meta = _table_meta(Header(block, path, problems), path, index, problems)
    if not block.rows:
        problems.append(Problem(path, 1, 1, "", "no column header and no rows",
                                "add the CSV header and one row per province"))
        return None
    if meta is None:
        return None
    columns = _value_columns(block.rows[0].cells(), meta.method, path, problems)
    if columns is None:
        return None
    for derivation in meta.derived:
        missing = [c for c in (derivation.column, *derivation.parts) if c not in columns]
        if missing:
            problems.append(Problem(path, 1, 1, f"derived.{derivation.column}",
                                    f"names {', '.join(missing)}, not a column of the table",
                                    "derive only from the table's own columns"))
            return None
    from cchc_cli.load.table_rows import read_rows

    rows = read_rows(block.rows[1:], columns, meta.method, meta.period,
                     derived=meta.derived, sink=(path, problems, warnings))
    return NationalTable(index, meta.method, meta.period, meta.source, columns, meta.derived,
                         rows, path, meta.notes)


def _table_meta(header: Header, path: str, index: IndexInfo,
                problems: list[Problem]) -> _Meta | None:
    _format(header, TABLE_FORMAT)
    index_id = header.get("index", True)
    index_entry = header.entry("index")
    if index_id is not None and index_id != index.id and index_entry is not None:
        header.fail(index_entry, f"'{index_id}' is not the index of this folder ({index.id})",
                    "keep each index's tables in its own folder")
    method = _method(header, index)
    period = _period(header, path)
    source = TableSource(header.get("source.publisher", True) or "",
                         header.get("source.title", True) or "",
                         header.get("source.url"), header.get("source.transcription"),
                         header.get("source.file"), _sha256(header), _captured(header))
    derived = tuple(_derivation(header, entry.key, entry.value)
                    for entry in header.with_prefix("derived."))
    notes = tuple(e.value for e in header.all("note"))
    header.leftovers((*_TABLE_KEYS, "derived.<column>"))
    if method is None or period is None or None in derived:
        return None
    return _Meta(method, period, source, tuple(d for d in derived if d is not None), notes)


def _method(header: Header, index: IndexInfo) -> Method | None:
    method_id = header.get("method", True)
    entry = header.entry("method")
    if method_id is None or entry is None:
        return None
    method = index.method(method_id)
    if method is None:
        known = ", ".join(m.id for m in index.methods)
        header.fail(entry, f"'{method_id}' is not a method of {index.id}", f"one of {known}")
    return method


def _period(header: Header, path: str) -> Period | None:
    text, entry = header.get("period", True), header.entry("period")
    if text is None or entry is None:
        return None
    try:
        period = parse_period(text)
    except ValueError as error:
        header.fail(entry, str(error))
        return None
    as_of = header.get("as_of")
    as_of_entry = header.entry("as_of")
    if period.kind == "ytd":
        if as_of is None or as_of_entry is None:
            header.fail(entry, "a year to date needs the date it runs to",
                        "add '# as_of: YYYY-MM-DD'")
            return None
        try:
            period = parse_period(f"{text}@{as_of}")
        except ValueError as error:
            header.fail(as_of_entry, str(error))
            return None
    elif as_of is not None and as_of_entry is not None:
        header.fail(as_of_entry, "only a year to date has an as_of date", "remove the line")
    named = _table_period_text(os.path.basename(path))
    if named is not None and named.lower() != period.full_key:
        header.fail(entry, f"the period {period.full_key} disagrees with the file name "
                    f"{os.path.basename(path)}", f"name the file {_name_for(period)} or fix "
                    "the period")
        return None
    return period


def _name_for(period: Period) -> str:
    return f"table_{period.full_key}.csv"


def _sha256(header: Header) -> str | None:
    text, entry = header.get("source.sha256"), header.entry("source.sha256")
    if text is not None and entry is not None and re.match(_SHA256, text) is None:
        header.fail(entry, "not a SHA-256 (64 lower-case hex digits)",
                    "run 'sha256sum FILE' on the original file")
        return None
    return text


def _captured(header: Header) -> str | None:
    text, entry = header.get("source.captured"), header.entry("source.captured")
    if text is not None and entry is not None and re.match(_CAPTURED, text) is None:
        header.fail(entry, f"'{text}' is not a date or time",
                    "write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS")
        return None
    return text


def _derivation(header: Header, key: str, value: str) -> Derivation | None:
    entry = header.entry(key)
    words = value.split()
    if len(words) < 2 or words[0] != "sum":
        if entry is not None:
            header.fail(entry, f"'{value}' is not a derivation", "write 'sum CODE CODE ...'")
        return None
    return Derivation(key.removeprefix("derived."), tuple(words[1:]))


def _value_columns(cells: tuple[Cell, ...], method: Method, path: str,
                   problems: list[Problem]) -> tuple[str, ...] | None:
    names = [c.text.strip() for c in cells]
    if tuple(names[:len(KEY_COLUMNS)]) != KEY_COLUMNS:
        problems.append(Problem(path, cells[0].line, 1, "header",
                                f"the header starts {','.join(names[:3])}",
                                f"start it with {','.join(KEY_COLUMNS)}"))
        return None
    known = (*(m.code for m in method.measures), *STATED_EXTRAS)
    seen: set[str] = set()
    ok = True
    for cell, name in zip(cells[len(KEY_COLUMNS):], names[len(KEY_COLUMNS):], strict=True):
        if name not in known or name in seen:
            import difflib

            close = difflib.get_close_matches(name, known, n=1)
            problems.append(Problem(
                path, cell.line, cell.column, "header",
                f"'{name}' is given twice" if name in seen else
                f"'{name}' is not a measure of method {method.id}",
                "keep one column per measure" if name in seen else
                (f"did you mean '{close[0]}'?" if close else "see the index's index.csv")))
            ok = False
        seen.add(name)
    if "total" not in seen:
        problems.append(Problem(path, cells[0].line, 1, "header", "no 'total' column",
                                "add the total score, empty where there is no data"))
        ok = False
    return tuple(names[len(KEY_COLUMNS):]) if ok else None


def _without_index(read: Input, index: IndexInfo) -> tuple[NationalTable, list[Problem]]:
    """A table as the cache keeps it: its index left out and its method named by id.

    The index is stored once, on its own, instead of in each of fourteen PAPI
    tables; ``load_tables`` puts it back.
    """
    table, warnings = _table_from(read, index)
    return table._replace(index=None, method=table.method.id), warnings


def _columns(whole: Callable[[], tuple[NationalTable, list[Problem]]], only: tuple[str, ...]
             ) -> tuple[NationalTable, list[Problem]]:
    """The table ``whole()`` loads, with just the columns ``only``, and its warnings."""
    table, warnings = whole()
    return table.only(only), warnings


def load_tables(folder: IndexFolder, files: list[TableFile], only: tuple[str, ...] = ()
                ) -> tuple[IndexInfo, list[NationalTable], list[Problem]]:
    """The index and the tables ``files`` of ``folder``, with every warning; with
    ``only``, each table with just those columns (``NationalTable.only``).

    Raises ``DataError`` with the problems of every file at once. What was
    loaded before from these very files comes from the cache (``cchc_cli.cache``);
    a table's entry is made from its index as well as its own file, and a table
    with some columns only has an entry of its own, made from the whole table's.
    """
    from cchc_cli.cache import cached

    index_file = _read(os.path.join(folder.path, INDEX_FILE))
    index: IndexInfo = cached("index", [index_file], RECORDS, lambda: _index_from(index_file))
    tables: list[NationalTable] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for file in files:
        try:
            read = _read(file.path)
            whole = functools.partial(cached, "table", [index_file, read], RECORDS,
                                      functools.partial(_without_index, read, index))
            stored, found = cached(f"table {','.join(only)}", [index_file, read], RECORDS,
                                   functools.partial(_columns, whole, only)) if only else whole()
            table = stored._replace(index=index, method=index.method(stored.method))
        except DataError as error:
            problems += error.problems
            continue
        tables.append(table)
        warnings += found
    if problems:
        raise DataError(problems)
    return index, tables, warnings
