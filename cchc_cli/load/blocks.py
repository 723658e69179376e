"""CSV files with a header block: ``# key: value`` lines, then a CSV table.

Both national file kinds (an index, a table) are written this way: the block
holds what describes the file, the CSV holds the rows. Everything here keeps
the line and column of what it read, so a problem can be pointed at.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cchc_cli.load.problems import Problem
from cchc_cli.record import Record

_KEY = re.compile(r"#\s*([A-Za-z][A-Za-z0-9_.-]*)\s*:\s?(.*)\Z")
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z")


class Entry(Record):
    """A ``# key: value`` line of the header block."""

    key: str
    value: str
    line: int


class Cell(Record):
    """A CSV field and where it stands (1-based line and column)."""

    text: str
    line: int
    column: int


class Line(Record):
    """A CSV line: its number, its text and its fields."""

    number: int
    text: str
    fields: tuple[str, ...]

    def cell(self, position: int) -> Cell:
        """The field at ``position`` (0-based), with its column worked out."""
        return Cell(self.fields[position], self.number, _columns(self.text,
                                                                 self.fields)[position])

    def cells(self) -> tuple[Cell, ...]:
        """Every field with its column."""
        columns = _columns(self.text, self.fields)
        return tuple(Cell(field, self.number, column)
                     for field, column in zip(self.fields, columns, strict=True))


class Block(Record):
    """What a file holds: its header entries and its CSV lines, positioned."""

    entries: tuple[Entry, ...]
    rows: tuple[Line, ...]
    """The CSV lines, the column header first; blank lines are left out."""


def split(text: str, path: str, problems: list[Problem]) -> Block:
    """Split ``text`` into its header block and its CSV lines."""
    import csv

    lines = text.split("\n")
    entries: list[Entry] = []
    first = 0
    for number, line in enumerate(lines, start=1):
        stripped = line.rstrip("\r")
        if not stripped.startswith("#"):
            break
        first = number
        found = _KEY.match(stripped)
        if found is None:
            problems.append(Problem(path, number, 1, "", "a header line is not '# key: value'",
                                    "write '# key: value', or remove the line"))
            continue
        entries.append(Entry(found.group(1), found.group(2).strip(), number))
    numbered = [(number, line.rstrip("\r")) for number, line in
                enumerate(lines[first:], start=first + 1) if line.strip()]
    for number, line in numbered:
        if line.startswith("#"):
            problems.append(Problem(path, number, 1, "", "a '#' line after the header block",
                                    "keep '# key: value' lines at the top of the file"))
    kept = [(number, line) for number, line in numbered if not line.startswith("#")]
    parsed = csv.reader([line for _, line in kept])
    rows = tuple(Line(number, line, tuple(fields))
                 for (number, line), fields in zip(kept, parsed, strict=True))
    return Block(tuple(entries), rows)


def _columns(line: str, fields: tuple[str, ...]) -> list[int]:
    """The 1-based column where each field starts (exact for unquoted lines)."""
    columns, position = [], 1
    quoted = '"' in line
    for field in fields:
        columns.append(position)
        width = len(field) + (2 + field.count('"') if quoted and _needs_quotes(field) else 0)
        position += width + 1
    return columns


def _needs_quotes(field: str) -> bool:
    return any(mark in field for mark in ',"\n') or field != field.strip()


class Header:
    """The header entries of one file, read one key at a time; leftovers are reported."""

    def __init__(self, block: Block, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.entries: dict[str, Entry] = {}
        self.repeated: dict[str, list[Entry]] = {}
        for entry in block.entries:
            self.repeated.setdefault(entry.key, []).append(entry)
            first = self.entries.get(entry.key)
            if first is not None and entry.key != "note":
                self.fail(entry, f"'{entry.key}' is given twice (first on line {first.line})",
                          "keep one")
                continue
            self.entries.setdefault(entry.key, entry)
        self.used: set[str] = set()

    def fail(self, entry: Entry, message: str, hint: str = "") -> None:
        """Record a problem with a header line."""
        self.problems.append(Problem(self.path, entry.line, 1, entry.key, message, hint))

    def get(self, key: str, required: bool = False) -> str | None:
        """The value of ``key``; a missing required key is a problem."""
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is None or not entry.value:
            if required:
                self.problems.append(Problem(self.path, 1, 1, key, "missing",
                                             f"add a line '# {key}: ...' to the header"))
            return None
        return entry.value

    def entry(self, key: str) -> Entry | None:
        """The header line of ``key``, for positions."""
        return self.entries.get(key)

    def all(self, key: str) -> list[Entry]:
        """Every line of a repeatable key (``note``)."""
        self.used.add(key)
        return self.repeated.get(key, [])

    def with_prefix(self, prefix: str) -> list[Entry]:
        """The lines whose key starts with ``prefix`` (``derived.``), in order."""
        found = [e for e in self.entries.values() if e.key.startswith(prefix)]
        self.used.update(e.key for e in found)
        return found

    def leftovers(self, known: tuple[str, ...]) -> None:
        """Report every key nobody asked for, with the closest known key."""
        for key, entry in self.entries.items():
            if key not in self.used:
                import difflib

                close = difflib.get_close_matches(key, known, n=1)
                hint = f"did you mean '{close[0]}'?" if close else \
                    f"known keys: {', '.join(known)}"
                self.fail(entry, "unknown key", hint)


def number(cell: Cell, path: str, field: str, problems: list[Problem]) -> Decimal | None:
    """A plain decimal number (``43.7289``, ``-0.5``); empty is None, "no data"."""
    text = cell.text.strip()
    if not text:
        return None
    if _NUMBER.match(text) is None:
        hint = "write digits with '.' for decimals, or leave the cell empty for no data"
        if "," in text:
            hint = "use '.' for decimals, not ','"
        problems.append(Problem(path, cell.line, cell.column, field,
                                f"'{cell.text}' is not a number", hint))
        return None
    return Decimal(text)
