"""``cchc trend``, ``cchc rank`` and ``cchc years``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from cchc_cli import i18n, numfmt
from cchc_cli.bars import sparkline
from cchc_cli.calc.precision import places
from cchc_cli.calc.series import Placing, Point
from cchc_cli.calc.years import implied_only
from cchc_cli.model import Figure, Lang, Province, Report, Text
from cchc_cli.periods import Period
from cchc_cli.views import phrases
from cchc_cli.views.cells import figure_cell, number_cell
from cchc_cli.views.page import Bar, Cell, Chart, Column, Note, Page, Table
from cchc_cli.views.records import (
    envelope,
    num,
    period_column,
    period_record,
    province_ref,
    text,
)

if TYPE_CHECKING:
    from cchc_cli.provinces import Entry


def _basis(figure: Figure) -> str:
    return "derived" if figure.derived_from else "stated"


def bar_fraction(figure: Figure, largest: Decimal) -> float:
    """How much of a bar ``figure`` fills: ranks fill more the better they are."""
    if figure.kind == "rank" and figure.of:
        return float((figure.of - figure.value + 1) / figure.of)
    if figure.kind == "percent":
        return float(figure.value / 100)
    return float(figure.value / largest) if largest > 0 else 0.0


class TrendView:
    """One figure across the periods of a province (and of its former parts, as theirs)."""

    columns = ("province", "id", "year", "period", "period_kind", "period_end", "value", "unit",
               "qualifier", "basis", "change", "places_gained", "change_qualifier", "change_from",
               "whose")

    def __init__(self, province: Province, figure_id: str, points: list[Point]) -> None:
        self.province = province
        self.figure_id = figure_id
        self.points = points

    def _whose(self, point: Point) -> Province:
        """The province whose figure ``point`` is (the unit itself or a former part)."""
        return point.province or self.province

    @property
    def has_parts(self) -> bool:
        """Whether some points belong to the unit's former parts."""
        return any(self._whose(p).id != self.province.id for p in self.points)

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        first = self.points[0].figure
        return envelope("trend", province=province_ref(self.province.id, self.province.name),
                        id=self.figure_id, kind=first.kind, label=text(first.label),
                        points=[{"year": p.year, "period": period_record(p.period),
                                 "province": province_ref(self._whose(p).id,
                                                          self._whose(p).name),
                                 "value": num(p.figure.value),
                                 "of": p.figure.of, "qualifier": p.figure.qualifier,
                                 "basis": _basis(p.figure), "change": num(p.change),
                                 "places_gained": p.places_gained,
                                 "change_qualifier": p.change_qualifier,
                                 "change_from": p.change_from.full_key if p.change_from
                                 else None,
                                 "source": p.figure.source} for p in self.points])

    def rows(self) -> list[dict[str, Any]]:
        """One row per period."""
        return [{"province": self.province.id, "id": self.figure_id, "year": p.year,
                 "period": p.period.full_key, "period_kind": p.period.kind,
                 "period_end": p.period.end.isoformat(),
                 "value": num(p.figure.value), "unit": p.figure.kind,
                 "qualifier": p.figure.qualifier, "basis": _basis(p.figure),
                 "change": num(p.change), "places_gained": p.places_gained,
                 "change_qualifier": p.change_qualifier,
                 "change_from": p.change_from.full_key if p.change_from else None,
                 "whose": self._whose(p).id} for p in self.points]

    def page(self, lang: Lang) -> Page:
        """A table of the years, then the values as bars and a sparkline."""
        first = self.points[0].figure
        change = i18n.word("change", lang)
        whose: tuple[Cell, ...] = ()
        mixed = len({p.period.kind for p in self.points}) > 1
        rows = tuple(
            (period_column(p.period, lang),
             *((self._whose(p).name.get(lang),) if self.has_parts else whose),
             figure_cell(p.figure, lang, mark="*" if p.figure.derived_from else ""),
             _change_cell(p, lang, mixed))
            for p in self.points)
        title = f"{first.label.get(lang)} — {self.province.name.get(lang)}"
        heading = "year" if all(p.period.is_year for p in self.points) else "period"
        columns = (Column(i18n.word(heading, lang)),
                   *((Column(i18n.word("province", lang)),) if self.has_parts else ()),
                   Column(i18n.word("value", lang), True), Column(change, True))
        page: Page = [Table(title, columns, rows)]
        if self.has_parts:
            page.append(Note(self._parts_note(lang)))
        largest = max(p.figure.value for p in self.points)
        bars = tuple(Bar(period_column(p.period, lang), bar_fraction(p.figure, largest),
                         phrases.value_text(p.figure, lang)) for p in self.points)
        values = [bar.fraction for bar in bars]
        page.append(Chart(i18n.word("trend_title", lang, sparkline=sparkline(values)), bars))
        if first.kind == "rank":
            page.append(Note(i18n.word("longer_bar", lang)))
            page.append(Note(i18n.word("places_gained_note", lang)))
        if any(p.figure.derived_from for p in self.points):
            page.append(Note("* " + i18n.word("derived_year", lang)))
        return page


    def _parts_note(self, lang: Lang) -> str:
        names = ", ".join(dict.fromkeys(self._whose(p).name.get(lang) for p in self.points
                                        if self._whose(p).id != self.province.id))
        return i18n.word("parts_note", lang, names=names, unit=self.province.name.get(lang))


def _file_cell(report: Report, lang: Lang) -> str:
    """The report's file, or for an implied year the file that implies it."""
    if implied_only(report):
        return f"{i18n.word('derived_year', lang)}: {PurePath(report.path).name}"
    return report.path


def _change_cell(point: Point, lang: Lang, mixed: bool = False) -> Cell:
    """A period's change: places gained for a rank, else the signed difference; in a
    series of mixed kinds, with the period it is from (not always the row above)."""
    qualifier = point.change_qualifier or "exact"
    since = "" if not mixed or point.change_from is None else " " + i18n.word(
        "change_since", lang, period=period_column(point.change_from, lang))
    if point.places_gained is not None:
        gained = Decimal(point.places_gained)
        return number_cell(numfmt.qualified(_signed(gained, lang), qualifier) + since, gained,
                           0, lang, qualifier=qualifier)
    if point.change is None:
        return ""
    return number_cell(numfmt.qualified(_signed(point.change, lang), qualifier) + since,
                       point.change, places(point.change), lang, qualifier=qualifier)


def _signed(value: Decimal, lang: Lang) -> str:
    return ("+" if value > 0 else "") + numfmt.number(value, lang)


class RankView:
    """Provinces ranked by one figure in one year."""

    columns = ("place", "tied", "province", "name_vi", "name_en", "id", "year", "period", "value",
               "qualifier", "basis")

    def __init__(self, figure_id: str, period: Period, placings: list[Placing],
                 label: Text | None = None) -> None:
        self.figure_id = figure_id
        self.period = period
        self.year = period.year
        self.placings = placings
        self.label = label

    def rows(self) -> list[dict[str, Any]]:
        """One row per province."""
        return [{"place": p.place, "tied": p.tied, "province": p.province.id,
                 "name_vi": p.province.name.vi, "name_en": p.province.name.en,
                 "id": self.figure_id, "year": self.year, "period": self.period.full_key,
                 "value": num(p.figure.value),
                 "qualifier": p.figure.qualifier, "basis": _basis(p.figure)}
                for p in self.placings]

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("rank", id=self.figure_id, year=self.year,
                        period=period_record(self.period), ranking=[
                            {"place": p.place, "tied": p.tied,
                             "province": province_ref(p.province.id, p.province.name),
                             "value": num(p.figure.value), "decimals": places(p.figure.value),
                             "qualifier": p.figure.qualifier, "basis": _basis(p.figure)}
                            for p in self.placings])

    def page(self, lang: Lang) -> Page:
        """The ranking as a table."""
        place = i18n.word("place", lang)
        rows = tuple((f"{p.place}=" if p.tied else str(p.place), p.province.name.get(lang),
                      figure_cell(p.figure, lang)) for p in self.placings)
        label = self.label.get(lang) if self.label else self.figure_id
        when = i18n.period_label(self.period, lang)
        page: Page = [Table(i18n.word("ranking_title", lang, label=label, period=when),
                            (Column(place, True), Column(i18n.word("province", lang)),
                             Column(i18n.word("value", lang), True)), rows)]
        if not self.placings:
            page.append(Note(i18n.word("no_province_has", lang, period=when), "warning"))
        if any(p.tied for p in self.placings):
            page.append(Note(i18n.word("tied_note", lang)))
        return page


class YearsView:
    """Provinces, years and sources in the data, and what the 2025 merger made of each."""

    columns = ("province", "year", "period", "period_kind", "basis", "file", "figures",
               "sources", "successor", "successor_since")

    def __init__(self, timelines: list[tuple[Province, list[Report]]],
                 successors: dict[str, Entry] | None = None) -> None:
        self.timelines = timelines
        self.successors = successors or {}
        """For a province that became part of another: that one, by the province's id."""

    def _since(self, province: Province) -> str | None:
        successor = self.successors.get(province.id)
        return successor.valid_from.isoformat() if successor and successor.valid_from else None

    def rows(self) -> list[dict[str, Any]]:
        """One row per province and year."""
        return [{"province": province.id, "year": report.year,
                 "period": report.period.full_key, "period_kind": report.period.kind,
                 "basis": "derived" if implied_only(report) else "stated",
                 "file": report.path, "figures": len(report.figures),
                 "sources": " ".join(s.id for s in report.sources),
                 "successor": getattr(self.successors.get(province.id), "id", None),
                 "successor_since": self._since(province)}
                for province, timeline in self.timelines for report in timeline]

    def _successor(self, province: Province) -> dict[str, Any] | None:
        successor = self.successors.get(province.id)
        if successor is None:
            return None
        return {"id": successor.id, "name": text(successor.name),
                "since": self._since(province)}

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("years", provinces=[
            {"id": province.id, "name": text(province.name),
             "successor": self._successor(province), "years": [
                {"year": r.year, "period": period_record(r.period),
                 "basis": "derived" if implied_only(r) else "stated",
                 "file": r.path, "figures": len(r.figures),
                 "sources": [{"id": s.id, "publisher": s.publisher, "title": s.title,
                              "date": s.date, "url": s.url} for s in r.sources]}
                for r in timeline]}
            for province, timeline in self.timelines])

    def merger_notes(self, lang: Lang) -> list[Note]:
        """"Hà Giang has been part of Tuyên Quang since 1 July 2025", for each such province."""
        notes = []
        for province, _ in self.timelines:
            successor = self.successors.get(province.id)
            if successor is None or successor.valid_from is None:
                continue
            since = numfmt.day(successor.valid_from, lang)
            name, into = province.name.get(lang), successor.title(lang)
            notes.append(Note(i18n.word("now_part_of", lang, name=name, into=into, since=since),
                              "strong"))
        return notes

    def page(self, lang: Lang) -> Page:
        """A table of provinces and years, then every source."""
        rows = tuple((province.name.get(lang), period_column(report.period, lang),
                      _file_cell(report, lang),
                      str(len(report.figures))) for province, timeline in self.timelines
                     for report in timeline)
        count = i18n.word("figure_count", lang)
        page: Page = [Table(i18n.word("years_title", lang), (Column(i18n.word("province", lang)),
                                           Column(i18n.word("year", lang), True),
                                           Column(i18n.word("file", lang)),
                                           Column(count, True)), rows)]
        page.extend(self.merger_notes(lang))
        seen: dict[str, Any] = {}
        for _, timeline in self.timelines:
            for report in timeline:
                for source in report.sources:
                    seen.setdefault(source.id, source)
        source_rows = tuple((s.id, s.publisher, i18n.date_text(s.date, lang), s.title,
                             s.url or "")
                            for s in seen.values())
        page.append(Table(i18n.word("sources", lang),
                          (Column(i18n.word("id", lang)), Column(i18n.word("publisher", lang)),
                           Column(i18n.word("date", lang)), Column(i18n.word("title", lang)),
                           Column(i18n.word("url", lang))), source_rows))
        return page
