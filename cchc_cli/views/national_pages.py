"""National tables as pages (tables, charts and notes) for rank, show, compare and trend.

Text output rounds scores half-up to the decimals the index publishes (PAPI:
2) and says what is derived. The JSON documents and tidy rows are in
``views/national.py``, which imports this module only when a page is drawn.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli import i18n, numfmt
from cchc_cli.bars import bar
from cchc_cli.calc.national import (
    Among,
    MeasureProfile,
    Movement,
    Ranking,
    SeriesPoint,
    ahead_percent,
    biggest,
)
from cchc_cli.model import Lang
from cchc_cli.national import IndexInfo, NationalTable
from cchc_cli.views.cells import number_cell
from cchc_cli.views.page import Bar, Cell, Chart, Column, Heading, Note, Page, Pairs, Styled, Table
from cchc_cli.views.records import province_name, rounded

BAR_WIDTH = 12


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


def rank_page(table: NationalTable, ranking: Ranking, highlight: str | None,
              dimensions: tuple[str, ...], lang: Lang) -> Page:
    """The ranking as a table with a bar per province; the highlighted one's dimensions."""
    most = table.method.bound(ranking.measure) or max(
        (s.value for s in ranking.standings), default=Decimal(1))
    rows = []
    for s in ranking.standings:
        mark = "►" if s.row.province == highlight else ""
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
    if highlight is not None and ranking.measure == "total":
        page.append(_rank_dimensions(table, highlight, dimensions, lang))
    page += _rank_notes(table, ranking, lang)
    return page


def _rank_dimensions(table: NationalTable, highlight: str, dimensions: tuple[str, ...],
                     lang: Lang) -> Table:
    """The highlighted province's dimension scores and its place on each."""
    from cchc_cli.calc.national import rank_table

    row = table.row(highlight)
    lines = []
    for code in dimensions:
        ranking = rank_table(table, code)
        standing = ranking.of(highlight)
        value = table.value(row, code) if row else None
        place = "" if standing is None else i18n.place_of(standing.place, ranking.field, lang)
        lines.append((measure_label(table, code, lang), score(table, value, lang), place))
    name = province_name(highlight).get(lang)
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


def show_page(table: NationalTable, province: str, profiles: list[MeasureProfile], lang: Lang
              ) -> Page:
    """A headline, then one line per measure (sub-dimensions indented)."""
    name = province_name(province).get(lang)
    total = next((p for p in profiles if p.code == "total"), None)
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
    rows = tuple(_show_line(table, p, lang) for p in profiles)
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


def _show_line(table: NationalTable, p: MeasureProfile, lang: Lang) -> tuple[str, ...]:
    found = table.method.measure(p.code)
    indent = "  " if found is not None and found.kind == "sub" else ""
    place = "" if p.place is None else f"{p.place}{'=' if p.tied else ''}/{p.field}"
    return (indent + measure_label(table, p.code, lang), score(table, p.value, lang),
            "" if p.maximum is None else numfmt.number(p.maximum, lang),
            score(table, p.median, lang), score(table, p.best, lang), place,
            "" if p.up is None else score(table, p.up.points, lang),
            "" if p.down is None else score(table, p.down.points, lang))


def compare_page(before: NationalTable, after: NationalTable, movement: Movement,
                 highlight: str | None, lang: Lang) -> Page:
    """The breaks, the biggest movers, every province, and who is in one only."""
    page: Page = [Heading(f"{after.index.short}: {i18n.period_label(before.period, lang)}"
                          f" → {i18n.period_label(after.period, lang)}")]
    page += _break_notes(before, after, movement, lang)
    for key in ("place", "score"):
        rises, falls = biggest(movement.moves, key)
        for title, moves in ((f"{key}_rises", rises), (f"{key}_falls", falls)):
            if moves:
                page.append(_moves_table(before, after, i18n.word(title, lang), moves, lang,
                                         highlight=highlight))
    everyone = sorted(movement.moves, key=lambda m: (m.after.place, m.province))
    page.append(_moves_table(before, after, i18n.word("province", lang), everyone, lang,
                             highlight=highlight))
    for period, only in ((before.period, movement.only_before),
                         (after.period, movement.only_after)):
        if only:
            names = ", ".join(province_name(p).get(lang) for p in only)
            label = i18n.word("only_in", lang).format(
                period=i18n.period_label(period, lang))
            page.append(Note(f"{label}: {names}"))
    page.append(Note(i18n.word("unrounded_note", lang)))
    return page


def _break_notes(before: NationalTable, after: NationalTable, movement: Movement, lang: Lang
                 ) -> list[Note]:
    notes = []
    reasons = movement.comparability.reasons
    if "method" in reasons:
        notes.append(Note(i18n.word("break_method", lang).format(
            before=before.method.id, after=after.method.id,
            max_before=numfmt.number(before.method.total.max or Decimal(0), lang),
            max_after=numfmt.number(after.method.total.max or Decimal(0), lang)),
            "warning"))
    if "merger" in reasons:
        notes.append(Note(i18n.word("break_merger", lang), "warning"))
    return notes


def _moves_table(before: NationalTable, after: NationalTable, title: str, moves: list[Any],
                 lang: Lang, *, highlight: str | None) -> Table:
    rows = []
    for m in moves:
        places = f"{m.before.place} → {m.after.place}"
        change = "" if m.places_gained is None else f"{m.places_gained:+d}".replace("+0", "0")
        scores = (f"{score(before, m.before.value, lang)} → "
                  f"{score(after, m.after.value, lang)}")
        delta = "" if m.score_change is None else \
            ("+" if m.score_change > 0 else "") + score(after, m.score_change, lang)
        mark = "► " if m.province == highlight else ""
        rows.append((mark + province_name(m.province).get(lang), places, change, scores,
                     delta))
    return Table(title, (Column(i18n.word("province", lang)),
                         Column(i18n.word("place", lang), True),
                         Column(i18n.word("change", lang), True),
                         Column(i18n.word("score", lang), True),
                         Column(i18n.word("change", lang), True)), tuple(rows))


def trend_page(index: IndexInfo, province: str, series: list[tuple[str, list[SeriesPoint]]],
               lang: Lang) -> Page:
    """Per series: a table of periods, then bars of the share of the maximum."""
    page: Page = []
    whole = province_name(province).get(lang)
    for part, points in series:
        name = province_name(part).get(lang)
        if part != province:
            key = "former_unit" if name == whole else "part_of"
            name = i18n.word(key, lang).format(part=name, whole=whole)
        page.append(_series_table(f"{index.short} — {name}", points, lang))
        page.append(_series_chart(points, lang))
    if any(p.new_method for _, points in series for p in points):
        page.append(Note(i18n.word("break_marker", lang)))
    return page


def _series_table(title: str, points: list[SeriesPoint], lang: Lang) -> Table:
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


def _series_chart(points: list[SeriesPoint], lang: Lang) -> Chart:
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
