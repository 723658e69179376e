"""National tables as JSON documents, tidy rows and pages: rank, show, compare, trend.

Numbers stay raw in JSON and CSV. The pages (``views/national_pages.py``)
round scores half-up to the decimals the index publishes (PAPI: 2); they are
imported only when a page is drawn, so JSON and CSV never load the words and
cells of text output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_cli.calc.national import (
    Among,
    Gap,
    MeasureProfile,
    Movement,
    Ranking,
    SeriesPoint,
    ahead_percent,
    biggest,
    share_of_max,
)
from cchc_cli.model import Lang
from cchc_cli.national import IndexInfo, NationalTable
from cchc_cli.views.records import envelope, num, period_record, province_name, rounded, text

if TYPE_CHECKING:
    from cchc_cli.views.page import Page


def index_record(index: IndexInfo, table: NationalTable) -> dict[str, Any]:
    """The index and the table's methodology version."""
    return {"id": index.id, "short": index.short, "name": text(index.name),
            "publisher": index.publisher,
            "method": {"id": table.method.id, "note": table.method.note,
                       "max": num(table.method.total.max)}}


def source_record(table: NationalTable) -> dict[str, Any]:
    """Where a table's numbers come from, with its file and notes."""
    return {**table.source._asdict(), "table": table.path, "notes": list(table.notes)}


def _province(province: str) -> dict[str, Any]:
    """A province as ``{"id", "name"}``, named by the registry."""
    return {"id": province, "name": text(province_name(province))}


def _gap_record(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {"place": gap.place, "provinces": [_province(p) for p in gap.provinces],
            "points": num(gap.points)}


class NationalRankView:
    """Every province of one table, best first, by one measure."""

    def __init__(self, table: NationalTable, ranking: Ranking,
                 highlight: str | None = None) -> None:
        self.table = table
        self.ranking = ranking
        self.highlight = highlight
        self.dimensions = tuple(m.code for m in table.method.dimensions
                                if m.code in table.columns)

    @property
    def columns(self) -> tuple[str, ...]:
        """The CSV columns: the place, the province, the measure, then every dimension."""
        return ("index", "period", "measure", "place", "tied", "field", "ahead_percent",
                "province", "name_vi", "name_en", "value", "rounded", "basis", "total",
                *self.dimensions)

    def _entries(self) -> list[dict[str, Any]]:
        table, field = self.table, self.ranking.field
        return [{"place": s.place, "tied": s.tied, "province": _province(s.row.province),
                 "source_name": s.row.source_name, "value": num(s.value),
                 "rounded": num(rounded(table, s.value)),
                 "ahead_percent": num(ahead_percent(s.place, field)),
                 "total": num(table.value(s.row, "total")),
                 "components": {code: num(table.value(s.row, code))
                                for code in self.dimensions},
                 "highlighted": s.row.province == self.highlight}
                for s in self.ranking.standings]

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        table, measure = self.table, self.ranking.measure
        found = table.method.measure(measure)
        return envelope(
            "rank", index=index_record(table.index, table), period=period_record(table.period),
            measure={"code": measure, "label": text(found.label) if found else None,
                     "max": num(found.max) if found else None, "basis": table.basis(measure)},
            source=source_record(table), field=self.ranking.field,
            no_data=[{"province": _province(row.province)} for row in self.ranking.no_data],
            ranking=self._entries())

    def rows(self) -> list[dict[str, Any]]:
        """One row per province with data."""
        table = self.table
        return [{"index": table.index.id, "period": table.period.full_key,
                 "measure": self.ranking.measure, "place": e["place"], "tied": e["tied"],
                 "field": self.ranking.field, "ahead_percent": e["ahead_percent"],
                 "province": e["province"]["id"], "name_vi": e["province"]["name"]["vi"],
                 "name_en": e["province"]["name"]["en"], "value": e["value"],
                 "rounded": e["rounded"],
                 "basis": table.basis(self.ranking.measure), "total": e["total"],
                 **e["components"]} for e in self._entries()]

    def page(self, lang: Lang) -> Page:
        """The ranking as a table with a bar per province; the highlighted one's dimensions."""
        from cchc_cli.views.national_pages import rank_page

        return rank_page(self.table, self.ranking, self.highlight, self.dimensions, lang)


class NationalShowView:
    """One province in one table: every measure against the field."""

    columns = ("index", "period", "province", "measure", "kind", "value", "max", "median",
               "best", "place", "tied", "field", "up_points", "down_points", "basis")

    def __init__(self, table: NationalTable, province: str,
                 profiles: list[MeasureProfile]) -> None:
        self.table = table
        self.province = province
        self.profiles = profiles

    def _record(self, p: MeasureProfile) -> dict[str, Any]:
        found = self.table.method.measure(p.code)
        return {"code": p.code, "kind": found.kind if found else None,
                "label": text(found.label) if found else None, "value": num(p.value),
                "rounded": num(rounded(self.table, p.value)), "max": num(p.maximum),
                "median": num(p.median), "best": num(p.best),
                "best_provinces": [_province(b) for b in p.best_provinces],
                "place": p.place, "tied": p.tied,
                "field": p.field, "up": _gap_record(p.up), "down": _gap_record(p.down),
                "basis": self.table.basis(p.code)}

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        table = self.table
        row = table.row(self.province)
        return envelope("show", index=index_record(table.index, table),
                        period=period_record(table.period),
                        province={**_province(self.province),
                                  "source_name": row.source_name if row else None},
                        source=source_record(table),
                        measures=[self._record(p) for p in self.profiles])

    def rows(self) -> list[dict[str, Any]]:
        """One row per measure."""
        return [{"index": self.table.index.id, "period": self.table.period.full_key,
                 "province": self.province, "measure": r["code"], "kind": r["kind"],
                 "value": r["value"], "max": r["max"], "median": r["median"],
                 "best": r["best"], "place": r["place"], "tied": r["tied"],
                 "field": r["field"], "up_points": (r["up"] or {}).get("points"),
                 "down_points": (r["down"] or {}).get("points"), "basis": r["basis"]}
                for r in map(self._record, self.profiles)]

    def page(self, lang: Lang) -> Page:
        """A headline, then one line per measure (sub-dimensions indented)."""
        from cchc_cli.views.national_pages import show_page

        return show_page(self.table, self.province, self.profiles, lang)


class NationalCompareView:
    """Two tables of one index: who moved, and who is in one only."""

    columns = ("index", "province", "name_vi", "name_en", "before_period", "after_period",
               "before_place", "after_place", "places_gained", "before_value", "after_value",
               "score_change", "scores_comparable", "places_comparable", "not_comparable_because",
               "highlighted")

    def __init__(self, before: NationalTable, after: NationalTable, movement: Movement,
                 highlight: str | None = None) -> None:
        self.before = before
        self.after = after
        self.movement = movement
        self.highlight = highlight

    def _move_records(self) -> list[dict[str, Any]]:
        return [{"province": _province(m.province),
                 "before": {"place": m.before.place, "tied": m.before.tied,
                            "value": num(m.before.value)},
                 "after": {"place": m.after.place, "tied": m.after.tied,
                           "value": num(m.after.value)},
                 "score_change": num(m.score_change), "places_gained": m.places_gained,
                 "highlighted": m.province == self.highlight}
                for m in sorted(self.movement.moves, key=lambda m: (m.after.place,
                                                                    m.province))]

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        movement = self.movement
        allowed = movement.comparability
        lists = {}
        for key in ("score", "place"):
            rises, falls = biggest(movement.moves, key)
            lists[f"{key}_rises"] = [_province(m.province) for m in rises]
            lists[f"{key}_falls"] = [_province(m.province) for m in falls]
        return envelope(
            "compare", index=index_record(self.after.index, self.after),
            table_before={"period": period_record(self.before.period),
                          "method": self.before.method.id, "field": movement.fields[0],
                          "source": source_record(self.before)},
            table_after={"period": period_record(self.after.period),
                         "method": self.after.method.id, "field": movement.fields[1],
                         "source": source_record(self.after)},
            comparable={"scores": allowed.scores, "places": allowed.places,
                        "reasons": list(allowed.reasons)},
            moves=self._move_records(), biggest=lists,
            only_before=[_province(p) for p in movement.only_before],
            only_after=[_province(p) for p in movement.only_after])

    def rows(self) -> list[dict[str, Any]]:
        """One row per province in both, with what the two tables compare on."""
        allowed = self.movement.comparability
        return [{"index": self.after.index.id, "province": r["province"]["id"],
                 "name_vi": r["province"]["name"]["vi"], "name_en": r["province"]["name"]["en"],
                 "before_period": self.before.period.full_key,
                 "after_period": self.after.period.full_key,
                 "before_place": r["before"]["place"], "after_place": r["after"]["place"],
                 "places_gained": r["places_gained"], "before_value": r["before"]["value"],
                 "after_value": r["after"]["value"], "score_change": r["score_change"],
                 "scores_comparable": allowed.scores, "places_comparable": allowed.places,
                 "not_comparable_because": " ".join(allowed.reasons) or None,
                 "highlighted": r["highlighted"]}
                for r in self._move_records()]

    def page(self, lang: Lang) -> Page:
        """The breaks, the biggest movers, every province, and who is in one only."""
        from cchc_cli.views.national_pages import compare_page

        return compare_page(self.before, self.after, self.movement, self.highlight, lang)


class NationalTrendView:
    """A province across every table of an index, each former part as its own series."""

    columns = ("index", "province", "series", "period", "method", "value", "rounded", "max",
               "share_of_max", "place", "tied", "field", "new_method")

    def __init__(self, index: IndexInfo, province: str,
                 series: list[tuple[str, list[SeriesPoint]]]) -> None:
        self.index = index
        self.province = province
        self.series = series

    @staticmethod
    def _point(point: SeriesPoint) -> dict[str, Any]:
        table, standing = point.table, point.standing
        value = standing.value if standing else None
        maximum = table.method.total.max
        return {"period": period_record(table.period), "method": table.method.id,
                "value": num(value), "rounded": num(rounded(table, value)),
                "max": num(maximum),
                "share_of_max": num(share_of_max(value, maximum) if value is not None
                                    else None),
                "place": standing.place if standing else None,
                "tied": standing.tied if standing else False, "field": point.field,
                "new_method": point.new_method, "basis": table.basis("total")}

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        return envelope("trend", index={"id": self.index.id, "short": self.index.short,
                                        "name": text(self.index.name)},
                        province=_province(self.province),
                        series=[{"province": _province(part),
                                 "points": [self._point(p) for p in points]}
                                for part, points in self.series])

    def rows(self) -> list[dict[str, Any]]:
        """One row per series and period."""
        return [{"index": self.index.id, "province": self.province, "series": part,
                 "period": p["period"]["key"], "method": p["method"], "value": p["value"],
                 "rounded": p["rounded"], "max": p["max"], "share_of_max": p["share_of_max"],
                 "place": p["place"], "tied": p["tied"], "field": p["field"],
                 "new_method": p["new_method"]}
                for part, points in self.series for p in map(self._point, points)]

    def page(self, lang: Lang) -> Page:
        """Per series: a table of periods, then bars of the share of the maximum."""
        from cchc_cli.views.national_pages import trend_page

        return trend_page(self.index, self.province, self.series, lang)


def among_record(found: Among) -> dict[str, Any]:
    """A province's standing in a national table, for the summary's JSON."""
    table, standing = found.table, found.standing
    return {"index": table.index.id, "period": table.period.full_key,
            "total": num(standing.value), "rounded": num(rounded(table, standing.value)),
            "max": num(table.method.total.max), "place": standing.place,
            "tied": standing.tied, "field": found.field,
            "ahead_percent": num(ahead_percent(standing.place, found.field)),
            "strengths": [{"code": c, "place": p, "field": f} for c, p, f in found.strengths],
            "weaknesses": [{"code": c, "place": p, "field": f}
                           for c, p, f in found.weaknesses],
            "basis": table.basis("total"), "table": table.path}
