"""National tables as JSON documents, tidy rows and pages: rank, show, compare, trend.

Numbers stay raw in JSON and CSV; text output rounds scores half-up to the
decimals the index publishes (PAPI: 2), and says what is derived.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli import i18n, numfmt
from cchc_cli.bars import bar
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
from cchc_cli.calc.precision import round_half_up
from cchc_cli.model import Lang, Text
from cchc_cli.national import IndexInfo, NationalTable
from cchc_cli.views.cells import number_cell
from cchc_cli.views.page import Bar, Cell, Chart, Column, Heading, Note, Page, Pairs, Styled, Table
from cchc_cli.views.records import envelope, num, period_record, text

BAR_WIDTH = 12


def province_name(province: str) -> Text:
    """The registry's name of ``province`` (the id itself if the registry lacks it)."""
    from cchc_cli.provinces import registry

    entry = registry().get(province)
    return entry.name if entry else Text(province, province)


def index_record(index: IndexInfo, table: NationalTable) -> dict[str, Any]:
    """The index and the table's methodology version."""
    return {"id": index.id, "short": index.short, "name": text(index.name),
            "publisher": index.publisher,
            "method": {"id": table.method.id, "note": table.method.note,
                       "max": num(table.method.total.max)}}


def source_record(table: NationalTable) -> dict[str, Any]:
    """Where a table's numbers come from, with its file and notes."""
    return {**table.source._asdict(), "table": table.path, "notes": list(table.notes)}


def rounded(table: NationalTable, value: Decimal | None) -> Decimal | None:
    """A score rounded half-up to the decimals its index publishes."""
    return None if value is None else round_half_up(value, table.index.decimals)


def score_cell(table: NationalTable, value: Decimal, lang: Lang, style: str = "number"
               ) -> Cell:
    """A score as a number cell (a number in a workbook), rounded as the index publishes."""
    shown = rounded(table, value)
    assert shown is not None
    return number_cell(numfmt.number(shown, lang), shown, table.index.decimals, lang,
                       style=style)


def percent_cell(value: Decimal, lang: Lang, style: str = "number") -> Cell:
    """A share as a percentage cell, to one decimal."""
    return number_cell(numfmt.percent(value, lang), value, 1, lang, style=style)


def score(table: NationalTable, value: Decimal | None, lang: Lang) -> str:
    """A score as text, rounded as the index publishes it; empty for no data."""
    shown = rounded(table, value)
    return "" if shown is None else numfmt.number(shown, lang)


def measure_label(table: NationalTable, code: str, lang: Lang) -> str:
    """``C01 Participation at local levels``; ``Total`` for the total."""
    measure = table.method.measure(code)
    if measure is None:
        return code
    if measure.kind == "total":
        return i18n.word("total", lang)
    return f"{code} {measure.label.get(lang)}"


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
        table, ranking = self.table, self.ranking
        from cchc_cli.load.national import bound

        most = bound(table.method.measure(ranking.measure), table.method) or max(
            (s.value for s in ranking.standings), default=Decimal(1))
        rows = []
        for s in ranking.standings:
            mark = "►" if s.row.province == self.highlight else ""
            style = "strong" if mark else "number"
            texts = (f"{mark}{s.place}{'=' if s.tied else ''}",
                     province_name(s.row.province).get(lang),
                     bar(float(s.value / most) if most else 0.0, BAR_WIDTH))
            place, name, drawn = (Styled(t, "strong") for t in texts) if mark else texts
            rows.append((place, name, score_cell(table, s.value, lang, style), drawn,
                         percent_cell(ahead_percent(s.place, ranking.field), lang, style)))
        columns = (Column(i18n.word("place", lang), True), Column(i18n.word("province", lang)),
                   Column(measure_label(table, ranking.measure, lang), True), Column(""),
                   Column(i18n.word("ahead", lang), True))
        title = f"{table.index.short} — {i18n.period_label(table.period, lang)}"
        page: Page = [Table(title, columns, tuple(rows), _field_caption(ranking, lang))]
        if self.highlight is not None and ranking.measure == "total":
            page.append(self._dimensions(lang))
        page += _rank_notes(table, ranking, lang)
        return page

    def _dimensions(self, lang: Lang) -> Table:
        """The highlighted province's dimension scores and its place on each."""
        from cchc_cli.calc.national import rank_table

        table = self.table
        row = table.row(self.highlight or "")
        lines = []
        for code in self.dimensions:
            standing = rank_table(table, code).of(self.highlight or "")
            value = table.value(row, code) if row else None
            place = "" if standing is None else \
                i18n.place_of(standing.place, len(rank_table(table, code).standings), lang)
            lines.append((measure_label(table, code, lang), score(table, value, lang), place))
        name = province_name(self.highlight or "").get(lang)
        return Table(name, (Column(i18n.word("measure_name", lang)),
                            Column(i18n.word("score", lang), True),
                            Column(i18n.word("place", lang), True)), tuple(lines))


def _field_caption(ranking: Ranking, lang: Lang) -> str:
    return f"{i18n.word('field', lang)}: {ranking.field}"


def _rank_notes(table: NationalTable, ranking: Ranking, lang: Lang) -> list[Note]:
    notes = []
    if ranking.no_data:
        names = ", ".join(province_name(r.province).get(lang) for r in ranking.no_data)
        notes.append(Note(f"{i18n.word('no_data', lang)}: {names}", "warning"))
    if any(s.tied for s in ranking.standings):
        notes.append(Note(i18n.word("tied_note", lang)))
    if table.derived:
        notes.append(Note(i18n.word("derived_note", lang)))
    notes.append(Note(f"{i18n.word('source', lang)}: {table.source.publisher}; "
                      f"{table.source.title}"))
    return notes


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
        table = self.table
        name = province_name(self.province).get(lang)
        total = next((p for p in self.profiles if p.code == "total"), None)
        page: Page = [Heading(f"{name} — {table.index.short}, "
                              f"{i18n.period_label(table.period, lang)}")]
        if total is not None and total.value is not None and total.place is not None:
            page.append(Pairs(i18n.word("total", lang), (
                (i18n.word("score", lang), f"{score(table, total.value, lang)} / "
                                           f"{numfmt.number(total.maximum or Decimal(0), lang)}"),
                (i18n.word("place", lang), i18n.place_of(total.place, total.field, lang)),
                (i18n.word("ahead", lang),
                 numfmt.percent(ahead_percent(total.place, total.field), lang)))))
        else:
            page.append(Note(i18n.word("no_data", lang), "warning"))
        rows = tuple(self._line(p, lang) for p in self.profiles)
        page.append(Table(i18n.word("profile_title", lang), (
            Column(i18n.word("measure_name", lang)), Column(i18n.word("score", lang), True),
            Column(i18n.word("maximum", lang), True), Column(i18n.word("median", lang), True),
            Column(i18n.word("best", lang), True), Column(i18n.word("place", lang), True),
            Column(i18n.word("gap_up", lang), True), Column(i18n.word("gap_down", lang), True)),
            rows))
        if table.derived:
            page.append(Note(i18n.word("derived_note", lang)))
        page.append(Note(i18n.word("unrounded_note", lang)))
        return page

    def _line(self, p: MeasureProfile, lang: Lang) -> tuple[str, ...]:
        table = self.table
        found = table.method.measure(p.code)
        indent = "  " if found is not None and found.kind == "sub" else ""
        place = "" if p.place is None else f"{p.place}{'=' if p.tied else ''}/{p.field}"
        return (indent + measure_label(table, p.code, lang), score(table, p.value, lang),
                "" if p.maximum is None else numfmt.number(p.maximum, lang),
                score(table, p.median, lang), score(table, p.best, lang), place,
                "" if p.up is None else score(table, p.up.points, lang),
                "" if p.down is None else score(table, p.down.points, lang))


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
        before, after = self.before, self.after
        page: Page = [Heading(f"{after.index.short}: {i18n.period_label(before.period, lang)}"
                              f" → {i18n.period_label(after.period, lang)}")]
        page += self._break_notes(lang)
        for key in ("place", "score"):
            rises, falls = biggest(self.movement.moves, key)
            for title, moves in ((f"{key}_rises", rises), (f"{key}_falls", falls)):
                if moves:
                    page.append(self._table(i18n.word(title, lang), moves, lang))
        everyone = sorted(self.movement.moves, key=lambda m: (m.after.place, m.province))
        page.append(self._table(i18n.word("province", lang), everyone, lang))
        for period, only in ((before.period, self.movement.only_before),
                             (after.period, self.movement.only_after)):
            if only:
                names = ", ".join(province_name(p).get(lang) for p in only)
                label = i18n.word("only_in", lang).format(
                    period=i18n.period_label(period, lang))
                page.append(Note(f"{label}: {names}"))
        page.append(Note(i18n.word("unrounded_note", lang)))
        return page

    def _break_notes(self, lang: Lang) -> list[Note]:
        notes = []
        reasons = self.movement.comparability.reasons
        if "method" in reasons:
            notes.append(Note(i18n.word("break_method", lang).format(
                before=self.before.method.id, after=self.after.method.id,
                max_before=numfmt.number(self.before.method.total.max or Decimal(0), lang),
                max_after=numfmt.number(self.after.method.total.max or Decimal(0), lang)),
                "warning"))
        if "merger" in reasons:
            notes.append(Note(i18n.word("break_merger", lang), "warning"))
        return notes

    def _table(self, title: str, moves: list[Any], lang: Lang) -> Table:
        rows = []
        for m in moves:
            places = f"{m.before.place} → {m.after.place}"
            change = "" if m.places_gained is None else f"{m.places_gained:+d}".replace("+0", "0")
            scores = (f"{score(self.before, m.before.value, lang)} → "
                      f"{score(self.after, m.after.value, lang)}")
            delta = "" if m.score_change is None else \
                ("+" if m.score_change > 0 else "") + score(self.after, m.score_change, lang)
            mark = "► " if m.province == self.highlight else ""
            rows.append((mark + province_name(m.province).get(lang), places, change, scores,
                         delta))
        return Table(title, (Column(i18n.word("province", lang)),
                             Column(i18n.word("place", lang), True),
                             Column(i18n.word("change", lang), True),
                             Column(i18n.word("score", lang), True),
                             Column(i18n.word("change", lang), True)), tuple(rows))


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
        page: Page = []
        whole = province_name(self.province).get(lang)
        for part, points in self.series:
            name = province_name(part).get(lang)
            if part != self.province:
                key = "former_unit" if name == whole else "part_of"
                name = i18n.word(key, lang).format(part=name, whole=whole)
            page.append(self._table(f"{self.index.short} — {name}", points, lang))
            page.append(self._chart(points, lang))
        if any(p.new_method for _, points in self.series for p in points):
            page.append(Note(i18n.word("break_marker", lang)))
        return page

    def _table(self, title: str, points: list[SeriesPoint], lang: Lang) -> Table:
        rows = []
        for p in points:
            standing, table = p.standing, p.table
            period = ("▲ " if p.new_method else "") + _period_cell(table, lang)
            if standing is None:
                rows.append((period, i18n.word("no_data", lang), "", "", str(p.field)))
                continue
            rows.append((period, score(table, standing.value, lang),
                         numfmt.number(table.method.total.max or Decimal(0), lang),
                         f"{standing.place}{'=' if standing.tied else ''}", str(p.field)))
        return Table(title, (Column(i18n.word("period", lang)),
                             Column(i18n.word("score", lang), True),
                             Column(i18n.word("maximum", lang), True),
                             Column(i18n.word("place", lang), True),
                             Column(i18n.word("field", lang), True)), tuple(rows))

    def _chart(self, points: list[SeriesPoint], lang: Lang) -> Chart:
        bars = []
        for p in points:
            if p.standing is None:
                continue
            maximum = p.table.method.total.max or Decimal(1)
            caption = (f"{score(p.table, p.standing.value, lang)}/"
                       f"{numfmt.number(maximum, lang)} · "
                       f"{i18n.place_of(p.standing.place, p.field, lang)}")
            bars.append(Bar(("▲ " if p.new_method else "") + _period_cell(p.table, lang),
                            float(p.standing.value / maximum), caption))
        return Chart(i18n.word("share_of_max", lang), tuple(bars))


def _period_cell(table: NationalTable, lang: Lang) -> str:
    period = table.period
    return str(period.year) if period.is_year else i18n.period_label(period, lang)


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


def field_chart(found: Among, lang: Lang) -> Chart:
    """Every province's total in the table, best first, the province's own bar marked."""
    from cchc_cli.calc.national import rank_table

    table, mine = found.table, found.standing.row.province
    standings = rank_table(table).standings
    most = table.method.total.max or max(s.value for s in standings)
    bars = tuple(Bar(f"{s.place}. {province_name(s.row.province).get(lang)}"
                     + (" ◀" if s.row.province == mine else ""),
                     float(s.value / most) if most else 0.0, score(table, s.value, lang),
                     "strong" if s.row.province == mine else "muted")
                 for s in standings)
    every = i18n.word("every_province", lang)
    title = f"{table.index.short} {i18n.period_label(table.period, lang)}: {every}"
    return Chart(title, bars, document_only=True)


def among_block(found: Among, lang: Lang) -> Pairs:
    """``PAPI 2024: 43.73, 30th of 61``, with the strongest and weakest dimensions."""
    table, standing = found.table, found.standing

    def named(items: tuple[tuple[str, int, int], ...]) -> str:
        return "; ".join(f"{measure_label(table, code, lang)} "
                         f"({i18n.place_of(place, field, lang)})"
                         for code, place, field in items)

    items: list[tuple[str, str | Styled]] = [
        (f"{table.index.short} {i18n.period_label(table.period, lang)}",
         f"{score(table, standing.value, lang)} / "
         f"{numfmt.number(table.method.total.max or Decimal(0), lang)}, "
         f"{i18n.place_of(standing.place, found.field, lang)}")]
    if found.strengths:
        items.append((i18n.word("strengths", lang), named(found.strengths)))
    if found.weaknesses:
        items.append((i18n.word("weaknesses", lang), named(found.weaknesses)))
    return Pairs(i18n.word("among_all", lang), tuple(items))
