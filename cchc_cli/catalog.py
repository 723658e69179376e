"""The loaded reports as one collection: choosing a province and a period.

Province names are matched without regard to case, diacritics or punctuation,
so ``ha-giang``, ``Hà Giang`` and ``HA GIANG`` all name the same province.
"""

from __future__ import annotations

from cchc_cli.model import Province, Report
from cchc_cli.names import fold
from cchc_cli.periods import Period, describe, year_period
from cchc_cli.record import Record


class SelectionError(Exception):
    """The province or year asked for is not in the data (a usage error)."""


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
            names = ", ".join(p.id for p in provinces)
            raise SelectionError(f"the data holds several provinces ({names}): "
                                 "choose one with --province")
        wanted = fold(query)
        for province in provinces:
            if wanted in (province.id, fold(province.name.vi), fold(province.name.en)):
                return province
        names = ", ".join(p.id for p in provinces) or "none"
        raise SelectionError(f"no province '{query}' in the data (available: {names})")

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
        found = [r for r in timeline if r.period.key == wanted.key
                 and wanted.as_of in (None, r.period.as_of)]
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
