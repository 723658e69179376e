"""The loaded reports as one collection: choosing a province and a period.

Province names are matched without regard to case, diacritics or punctuation,
so ``ha-giang``, ``Hà Giang`` and ``HA GIANG`` all name the same province.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.model import Province, Report, Text
from cchc_cli.names import fold
from cchc_cli.periods import Period, describe, year_period
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


def _holds_words(label: list[str], words: list[str]) -> bool:
    """Whether every query word is a word of the label, or starts one (the last may be cut)."""
    return all(any(part == word or part.startswith(word) for part in label) for word in words)


class Catalog(Record):
    """Every loaded report, by province and period."""

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

    def members(self, query: str | None) -> tuple[Province, list[Province]]:
        """The province named, and the provinces of the data that are it or its former parts.

        Asking for a unit formed by the 2025 merger (Tuyên Quang) finds the data
        of its former parts (Hà Giang, the former Tuyên Quang) too, each under
        its own id, so that a command can show them as theirs.
        """
        try:
            own: Province | None = self.province(query)
        except SelectionError as error:
            own, missing = None, error
        if query is None and own is not None:
            return own, [own]
        from cchc_cli.provinces import registry

        try:
            entry = registry().resolve(query or "")
        except LookupError:
            entry = None
        parts = set(entry.parts) if entry is not None else set()
        members = [p for p in self.provinces() if p.id in parts and p != own]
        if own is None and not members:
            raise missing
        if own is not None:
            return own, [own, *members]
        assert entry is not None  # members were found through it
        return Province(entry.id, entry.name), members

    def figure_ids(self, query: str) -> list[str]:
        """The ids of the figures ``query`` names: an id, or words of a label.

        A label matches in either language without regard to case or diacritics
        when it holds every word of ``query`` ("thu ngan sach" finds "Thu ngân
        sách nhà nước"). An exact id wins; otherwise every match is returned, for
        the user to choose from.
        """
        labels: dict[str, tuple[str, str]] = {}
        for report in self.reports:
            for figure in report.figures:
                labels.setdefault(figure.id, (figure.label.vi, figure.label.en))
        if query in labels:
            return [query]
        if "_" in query and " " not in query:
            return []  # a mistyped id: the caller suggests the closest ids
        words = fold(query).split("-")
        if not any(words):
            return []
        return sorted(figure_id for figure_id, names in labels.items()
                      if any(_holds_words(fold(name).split("-"), words) for name in names))

    def figure_label(self, figure_id: str) -> Text | None:
        """The label of the figure ``figure_id`` (from its first report), or None."""
        return next((f.label for r in self.reports for f in r.figures if f.id == figure_id),
                    None)

    def reports_for(self, province: Province) -> list[Report]:
        """The province's reports, in period order (by end date)."""
        return sorted((r for r in self.reports if r.province.id == province.id),
                      key=lambda r: r.period.sort_key())

    def periods(self, province: Province) -> list[Period]:
        """The periods the province has a report for, in order."""
        return [report.period for report in self.reports_for(province)]

    def years(self, province: Province) -> list[int]:
        """The years the province has a whole-year report for."""
        return [p.year for p in self.periods(province) if p.is_year]

    def latest_period(self) -> Period:
        """The data's latest whole year, else its latest period of any kind."""
        periods = sorted((r.period for r in self.reports), key=Period.sort_key)
        years = [p for p in periods if p.is_year]
        return (years or periods)[-1]

    def report(self, province: Province, year: int | None = None,
               period: Period | None = None) -> Report:
        """The province's report for ``period``, else for the whole of ``year``, else the latest.

        A year known only from a later report's stated changes counts too. A
        year to date without its ``as_of`` day means the latest one of that year.
        """
        timeline = self.timeline(province)
        if period is None and year is None:
            stated = self.reports_for(province)
            return stated[-1] if stated else timeline[-1]
        wanted = period or year_period(year or 0)
        found = [r for r in timeline if wanted.names(r.period)]
        if found:
            return found[-1]
        raise SelectionError(self._missing(province, wanted, period is None, timeline))

    @staticmethod
    def _missing(province: Province, wanted: Period, by_year: bool,
                 timeline: list[Report]) -> str:
        """Say that ``wanted`` is not in the data, and what is."""
        have = describe([r.period for r in timeline])
        same_year = [r.period for r in timeline if r.period.year == wanted.year]
        if by_year and same_year:
            return (f"no report for the whole of {wanted.year} for {province.id}; "
                    f"{wanted.year} has {describe(same_year)}: choose one with --period")
        return f"no {wanted.full_key} report for {province.id} (periods in the data: {have})"

    def timeline(self, province: Province) -> list[Report]:
        """Every period of the province, with years implied by later reports' stated changes."""
        from cchc_cli.calc.years import timeline

        return timeline(self.reports_for(province))
