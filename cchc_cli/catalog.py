"""The loaded reports as one collection: choosing a province and a year.

Province names are matched without regard to case, diacritics or punctuation,
so ``ha-giang``, ``Hà Giang`` and ``HA GIANG`` all name the same province.
"""

from __future__ import annotations

from cchc_cli.model import Province, Report
from cchc_cli.names import fold
from cchc_cli.record import Record


class SelectionError(Exception):
    """The province or year asked for is not in the data (a usage error)."""


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
