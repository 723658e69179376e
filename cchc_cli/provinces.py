"""The provinces registry: the 63 former provinces, the 34 current ones, and the merger.

On 12 June 2025 the National Assembly (Resolution 202/2025/QH15) merged the
63 provinces into 34, working from 1 July 2025 (``MERGER_DATE``). The registry
is a bundled file, ``reference/provinces.csv``, with a source for every row;
``docs/data-format.md`` describes it. A unit the merger left unchanged is one
entry valid in both eras; a former province whose name the new unit took has
the id suffix ``-cu`` (``tuyen-quang-cu``, as officials write "Tuyên Quang (cũ)").

The file is read once, on the first call of ``registry()``, with the csv module.
"""

from __future__ import annotations

import datetime
import os
import re
from typing import TYPE_CHECKING

from cchc_cli.model import Lang, Text
from cchc_cli.names import fold
from cchc_cli.record import Record

if TYPE_CHECKING:
    from cchc_cli.cache import Input

MERGER_DATE = datetime.date(2025, 7, 1)
"""The day the 34 provinces took over from the 63 (Resolution 202/2025/QH15)."""

FIRST_DATE = datetime.date(2008, 8, 1)
"""The first day of the 63 provinces: Hà Tây joined Hà Nội (Resolution 15/2008/QH12).

The registry holds nothing earlier, so it gives no field size before this day.
"""

KIND_NAMES: dict[str, Text] = {
    "tinh": Text("tỉnh", "province"),
    "thanh_pho": Text("thành phố", "city"),
}

_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "provinces.csv")

COLUMNS = ("id", "name_vi", "name_en", "kind", "kind_before", "kind_since", "from", "to",
           "portal_code", "successor", "aliases", "source", "portal_source", "note")

# Words around a name that do not change which province it is: "UBND tỉnh
# Đồng Tháp", "TP. Hồ Chí Minh", "Ho Chi Minh City", "Ha Giang province".
_AROUND = (r"^(?:(?:ubnd|uy-ban-nhan-dan|tinh|thanh-pho|tp|province-of|city-of"
           r"|people-s-committee-of)-)*(.+?)(?:-(?:province|city))*$")


def key(name: str) -> str:
    """The form a name is matched in: folded, without "UBND", "tỉnh", "TP.", "city"."""
    folded = fold(name)
    found = re.match(_AROUND, folded)  # compiled on first use, by re's own cache
    return found.group(1) if found else folded


class UnknownProvince(LookupError):
    """No province in the registry has this name; ``suggestions`` are the closest."""

    def __init__(self, query: str, suggestions: tuple[Entry, ...] = ()) -> None:
        self.query = query
        self.suggestions = suggestions
        hint = ""
        if suggestions:
            names = " or ".join(f"{e.name.vi} ({e.id})" for e in suggestions)
            hint = f"; did you mean {names}?"
        super().__init__(f"unknown province '{query}'{hint}")


class Entry(Record):
    """A province (tỉnh) or centrally-run city (thành phố) of one era or of both."""

    id: str
    name: Text
    kind: str
    """``tinh`` or ``thanh_pho``, as the unit was last (see ``kind_on``)."""
    valid_from: datetime.date | None
    """The first day of the unit; None for a unit older than the registry."""
    valid_to: datetime.date | None
    """The last day of the unit; None while it exists."""
    portal_code: str | None
    """The national public-service portal's ``departmentCode`` (``H20``), where known."""
    successor: str | None
    """For a former unit: the id of the current unit it became part of."""
    parts: tuple[str, ...]
    """For a unit formed by the merger: the ids of the former units merged into it."""
    aliases: tuple[str, ...]
    source: str
    portal_source: str | None
    note: str | None
    kind_before: str | None = None
    kind_since: datetime.date | None = None
    """The unit was ``kind_before`` until ``kind_since`` (Huế became a city in 2025)."""

    def valid_on(self, on: datetime.date) -> bool:
        """Whether the unit existed on ``on``."""
        started = self.valid_from is None or self.valid_from <= on
        return started and (self.valid_to is None or on <= self.valid_to)

    def kind_on(self, on: datetime.date) -> str:
        """The unit's kind on ``on``."""
        if self.kind_before and self.kind_since and on < self.kind_since:
            return self.kind_before
        return self.kind

    def title(self, lang: Lang) -> str:
        """``tỉnh Tuyên Quang`` / ``Tuyen Quang province``; ``Ho Chi Minh City`` as it is."""
        from cchc_cli.i18n import unit_title

        return unit_title(KIND_NAMES[self.kind], self.name, lang)


class History(Record):
    """What a unit became and what it was formed from."""

    entry: Entry
    successor: Entry | None
    """The current unit a former unit became part of, from ``successor.valid_from``."""
    parts: tuple[Entry, ...]
    """The former units merged into a unit formed by the merger."""


class Registry:
    """Every province of the registry, found by id, portal code or any written name."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.entries = entries
        self._by_id = {entry.id: entry for entry in entries}
        self._by_code = {entry.portal_code.upper(): entry
                         for entry in entries if entry.portal_code}
        self._keys: dict[str, list[Entry]] | None = None

    @property
    def _by_key(self) -> dict[str, list[Entry]]:
        """Every unit by each name it may be written with, folded (built on first use:
        a command that looks units up by id never pays for folding 300 names)."""
        if self._keys is None:
            self._keys = {}
            for entry in self.entries:
                names = {entry.id, key(entry.name.vi), key(entry.name.en),
                         *map(key, entry.aliases)}
                if entry.portal_code:
                    names.add(entry.portal_code.lower())
                for name in names:
                    self._keys.setdefault(name, []).append(entry)
        return self._keys

    def get(self, province_id: str) -> Entry | None:
        """The entry with ``province_id``, or None."""
        return self._by_id.get(province_id)

    def by_portal_code(self, code: str) -> Entry | None:
        """The current unit with the portal's ``departmentCode`` (``H20``), or None."""
        return self._by_code.get(code.strip().upper())

    def on(self, on: datetime.date) -> list[Entry]:
        """The units that existed on ``on``."""
        return [entry for entry in self.entries if entry.valid_on(on)]

    def former(self) -> list[Entry]:
        """The 63 units of the day before the merger."""
        return self.on(MERGER_DATE - datetime.timedelta(days=1))

    def current(self) -> list[Entry]:
        """The 34 units from the merger on."""
        return self.on(MERGER_DATE)

    def field_size(self, on: datetime.date) -> int:
        """How many provinces there were on ``on``: 63 before ``MERGER_DATE``, 34 from it.

        Raises ``ValueError`` before ``FIRST_DATE``, which the registry does not cover.
        """
        if on < FIRST_DATE:
            raise ValueError(f"the provinces registry starts on {FIRST_DATE.isoformat()}; "
                             f"it does not know the number of provinces on {on.isoformat()}")
        return len(self.on(on))

    def matches(self, query: str) -> list[Entry]:
        """Every unit, of either era, that ``query`` names (none for an unknown name)."""
        return list(self._by_key.get(key(query), ()))

    def resolve(self, query: str, on: datetime.date | None = None) -> Entry:
        """The unit ``query`` names: an id, a portal code, or a name written any usual way.

        Where a name belongs to a former and a current unit (Tuyên Quang), ``on``
        picks the one that existed on that day; without ``on``, the current one.
        A name of a single unit resolves to it whatever ``on`` is. Raises
        ``UnknownProvince``, with the closest names, for a name no unit has.
        """
        found = self.matches(query)
        if not found:
            raise UnknownProvince(query, self.suggest(query))
        if len(found) == 1:
            return found[0]
        if on is not None:
            for entry in found:
                if entry.valid_on(on):
                    return entry
        return next((e for e in found if e.valid_to is None), found[0])

    def suggest(self, query: str, limit: int = 3) -> tuple[Entry, ...]:
        """The units whose names are closest to ``query`` (for a did-you-mean)."""
        import difflib

        close = difflib.get_close_matches(key(query), list(self._by_key), n=limit, cutoff=0.6)
        found: list[Entry] = []
        for name in close:
            entries = self._by_key[name]
            best = next((e for e in entries if e.valid_to is None), entries[0])
            if all(best.name != other.name for other in found):
                found.append(best)
        return tuple(found)

    def successor(self, province_id: str) -> Entry | None:
        """The current unit that the former unit ``province_id`` became part of, or None.

        None as well for a unit that still exists and for an id not in the registry.
        """
        entry = self.get(province_id)
        return self.get(entry.successor) if entry and entry.successor else None

    def history(self, province_id: str) -> History:
        """What the unit ``province_id`` became, and what it was formed from."""
        entry = self.get(province_id)
        if entry is None:
            raise UnknownProvince(province_id, self.suggest(province_id))
        parts = tuple(part for part in map(self.get, entry.parts) if part is not None)
        return History(entry, self.successor(province_id), parts)


def _date(text: str) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


def _entries(rows: list[list[str]]) -> tuple[Entry, ...]:
    """Entries from the rows of the file, in ``COLUMNS`` order."""
    parts: dict[str, list[str]] = {}
    for row in rows:
        if row[9]:
            parts.setdefault(row[9], []).append(row[0])
    return tuple(
        Entry(ident, Text(name_vi, name_en), kind, _date(start), _date(end), code or None,
              successor or None, tuple(parts.get(ident, ())),
              tuple(alias for alias in aliases.split("|") if alias), source,
              portal_source or None, note or None, kind_before or None, _date(kind_since))
        for (ident, name_vi, name_en, kind, kind_before, kind_since, start, end, code,
             successor, aliases, source, portal_source, note) in rows)


def load(path: str = _PATH) -> Registry:
    """Read a registry file (the bundled one by default; see ``cchc_cli.cache``)."""
    from cchc_cli.cache import Input, cached

    with open(path, "rb") as handle:
        read = Input(path, handle.read(), os.fstat(handle.fileno()))
    return Registry(cached("registry", [read], (Entry, Text), lambda: _parse(read)))


def _parse(read: Input) -> tuple[Entry, ...]:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(read.data.decode("utf-8"), newline="")))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError(f"{read.path}: the first line is not the header {','.join(COLUMNS)}")
    return _entries(rows[1:])


_registry: Registry | None = None


def registry() -> Registry:
    """The bundled registry, read on the first call and kept."""
    global _registry  # noqa: PLW0603 (a cache of the one bundled file)
    if _registry is None:
        _registry = load()
    return _registry
