"""The loaded reports as one collection: choosing a province and a year.

Province names are matched without regard to case, diacritics or punctuation,
so ``ha-giang``, ``Hà Giang`` and ``HA GIANG`` all name the same province.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.model import Province, Report
from cchc_cli.names import fold
from cchc_cli.record import Record

if TYPE_CHECKING:
    from cchc_cli.provinces import Entry, Registry


class SelectionError(Exception):
    """The province or year asked for is not in the data (a usage error)."""


def _province_by_registry(query: str, provinces: list[Province]) -> Province:
    """The province of the data that ``query`` names in any spelling the registry knows.

    "UBND tỉnh Hà Giang", "Ha Giang province" or a portal code name a province
    of the registry; a province of the data is that one when its id or its name
    names it too. Raises ``SelectionError`` with a did-you-mean, or with what
    the data holds for a province it has no data for.
    """
    from cchc_cli.provinces import registry

    known = registry()
    ids = {entry.id for entry in known.matches(query)}
    if not ids:
        raise _no_such_province(query, provinces, known)
    found = [p for p in provinces if ids & _registry_ids(known, p)]
    if len(found) > 1:
        chosen = known.resolve(query).id
        found = [p for p in found if p.id == chosen] or found
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(p.id for p in found)
        raise SelectionError(f"'{query}' names several provinces of the data ({names}): "
                             "choose one by its id")
    raise _no_data(known.resolve(query), provinces, known)


def _registry_ids(known: Registry, province: Province) -> set[str]:
    """The ids of the registry entries that a province of the data is named as."""
    return {e.id for e in known.matches(province.id) + known.matches(province.name.vi)}


def _available(provinces: list[Province]) -> str:
    return ", ".join(p.id for p in provinces) or "none"


def _no_data(entry: Entry, provinces: list[Province], known: Registry) -> SelectionError:
    """The error for a province of the registry that the data does not hold."""
    since = entry.valid_from.isoformat() if entry.valid_from else ""
    have = ", ".join(f"{p.id} (part of {entry.id} since {since})"
                     if any(e.successor == entry.id for e in known.matches(p.id)) else p.id
                     for p in provinces) or "none"
    return SelectionError(f"no data for {entry.name.vi} ({entry.id}); the data has: {have}")


def _no_such_province(query: str, provinces: list[Province], known: Registry
                      ) -> SelectionError:
    """The error for a name neither the data nor the registry knows, with a did-you-mean."""
    import difflib

    names = {fold(p.name.vi): p for p in provinces} | {p.id: p for p in provinces}
    close = difflib.get_close_matches(fold(query), list(names), n=1, cutoff=0.6)
    if close:
        hint = f"; did you mean {names[close[0]].name.vi} ({names[close[0]].id})?"
    else:
        suggestions = known.suggest(query)
        hint = ("; did you mean " + " or ".join(f"{e.name.vi} ({e.id})" for e in suggestions)
                + "?") if suggestions else ""
    return SelectionError(f"no province '{query}' in the data (available: "
                          f"{_available(provinces)}){hint}")


class Catalog(Record):
    """Every loaded report, by province and year."""

    reports: tuple[Report, ...]

    def provinces(self) -> list[Province]:
        """The provinces in the data, in name order."""
        seen: dict[str, Province] = {}
        for report in self.reports:
            seen.setdefault(report.province.id, report.province)
        return sorted(seen.values(), key=lambda p: fold(p.name.vi))

    def province(self, query: str | None) -> Province:
        """The province named by ``query``; the only one when ``query`` is None."""
        provinces = self.provinces()
        if query is None:
            if len(provinces) == 1:
                return provinces[0]
            raise SelectionError(f"the data holds several provinces ({_available(provinces)}): "
                                 "choose one with --province")
        wanted = fold(query)
        for province in provinces:
            if wanted in (province.id, fold(province.name.vi), fold(province.name.en)):
                return province
        return _province_by_registry(query, provinces)

    def reports_for(self, province: Province) -> list[Report]:
        """The province's reports, oldest first."""
        return sorted((r for r in self.reports if r.province.id == province.id),
                      key=lambda r: r.year)

    def years(self, province: Province) -> list[int]:
        """The years the province has a report for."""
        return [report.year for report in self.reports_for(province)]

    def report(self, province: Province, year: int | None) -> Report:
        """The province's year: ``year``, or the latest stated one when ``year`` is None.

        A year known only from a later report's stated changes counts too.
        """
        timeline = self.timeline(province)
        if year is None:
            year = self.years(province)[-1]
        for report in timeline:
            if report.year == year:
                return report
        years = ", ".join(str(r.year) for r in timeline)
        raise SelectionError(f"no {year} report for {province.id} (years in the data: {years})")

    def timeline(self, province: Province) -> list[Report]:
        """Every year of the province, stated or implied by a later report's changes."""
        from cchc_cli.calc.years import timeline

        return timeline(self.reports_for(province))
