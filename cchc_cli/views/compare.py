"""``cchc compare Y1 Y2``: two years side by side."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli import i18n, numfmt
from cchc_cli.calc.compare import Comparison, Delta, Disagreement, FigurePair
from cchc_cli.calc.precision import places
from cchc_cli.model import Figure, Lang
from cchc_cli.views import phrases
from cchc_cli.views.cells import figure_cell, number_cell
from cchc_cli.views.page import Cell, Column, Note, Page, Styled, Table
from cchc_cli.views.records import envelope, num, period_column, period_record

ARROWS = {"up": "▲", "down": "▼", "same": "=", "": ""}
VERDICT_STYLES = {"better": "good", "worse": "bad", "same": "muted", "": "muted"}


def _basis(figure: Figure | None) -> str | None:
    if figure is None:
        return None
    return "derived" if figure.derived_from else "stated"


def delta_record(delta: Delta) -> dict[str, Any]:
    """A measure's change as a JSON record."""
    return {
        "measure": delta.measure, "part": delta.part, "before": num(delta.before),
        "after": num(delta.after), "change": num(delta.change),
        "relative_change": num(delta.relative),
        "points_change": num(delta.change) if delta.unit == "percent" else None,
        "unit": delta.unit, "direction": delta.direction or None,
        "verdict": delta.verdict or None,
        "approx": delta.approx_before or delta.approx_after,
    }


def disagreement_record(item: Disagreement) -> dict[str, Any]:
    """A stated change at odds with the other year, as a JSON record."""
    change = item.figure.change
    assert change is not None
    return {"id": item.figure.id, "stated_in": item.stated_in,
            "stated": {"value": num(item.figure.value), "direction": change.direction,
                       "amount": num(change.amount), "unit": change.unit,
                       "since": change.since},
            "implies": num(item.implied), "other_year": item.other_year,
            "other_year_says": num(item.found)}


class CompareView:
    """The comparison of two years."""

    columns = ("province", "year_before", "year_after", "period_before", "period_after",
               "periods_alike", "id", "measure", "part", "before", "after", "change",
               "relative_change", "unit", "direction", "verdict", "before_basis", "after_basis")

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        c = self.comparison
        return envelope(
            "compare",
            province={"id": c.after.province.id, "name": {"vi": c.after.province.name.vi,
                                                          "en": c.after.province.name.en}},
            before=c.before.year, after=c.after.year,
            before_period=period_record(c.before.period),
            after_period=period_record(c.after.period),
            periods_alike=c.periods_alike,
            figures=[{"id": p.after.id, "kind": p.after.kind,
                      "label": {"vi": p.after.label.vi, "en": p.after.label.en},
                      "before_basis": _basis(p.before), "after_basis": _basis(p.after),
                      "measures": [delta_record(d) for d in p.deltas]} for p in c.pairs],
            only_before=[{"id": f.id, "value": num(f.value), "basis": _basis(f)}
                         for f in c.only_before],
            only_after=[{"id": f.id, "value": num(f.value), "basis": _basis(f)}
                        for f in c.only_after],
            disagreements=[disagreement_record(d) for d in c.disagreements],
        )

    def rows(self) -> list[dict[str, Any]]:
        """One row per figure and measure; figures in one year only have an empty side."""
        c = self.comparison
        rows = []
        when = {"period_before": c.before.period.full_key,
                "period_after": c.after.period.full_key, "periods_alike": c.periods_alike}
        for pair in c.pairs:
            for delta in pair.deltas:
                record = delta_record(delta)
                rows.append({"province": c.after.province.id, "year_before": c.before.year,
                             "year_after": c.after.year, **when, "id": pair.after.id, **record,
                             "before_basis": _basis(pair.before),
                             "after_basis": _basis(pair.after)})
        for figure, side in [(f, "before") for f in c.only_before] + \
                [(f, "after") for f in c.only_after]:
            rows.append({"province": c.after.province.id, "year_before": c.before.year,
                         "year_after": c.after.year, **when, "id": figure.id, "measure": "value",
                         side: num(figure.value), "unit": figure.kind,
                         f"{side}_basis": _basis(figure)})
        return rows

    def page(self, lang: Lang) -> Page:
        """The compared figures, then those in one year only, then any disagreement."""
        c = self.comparison
        before, after = period_column(c.before.period, lang), period_column(c.after.period, lang)
        title = (f"{c.after.province.name.get(lang)}: {before} → {after}")
        rows: list[tuple[Cell, ...]] = []
        for pair in c.pairs:
            rows += [self._row(pair, delta, lang) for delta in pair.deltas]
        change = i18n.word("change", lang)
        page: Page = [Table(title, (Column(i18n.word("figure", lang)), Column(before, True),
                                    Column(after, True), Column(change, True),
                                    Column("", nowrap=True)), tuple(rows))]
        if not c.periods_alike:
            page.append(Note(self._mixed(c, lang), "warning"))
        page += self._only(c.only_before, before, lang) + self._only(c.only_after, after, lang)
        page += [Note(self._disagreement(d, lang), "warning") for d in c.disagreements]
        page += [Note(text, "muted") for pair in c.pairs
                 if (text := self._share_note(pair, lang))]
        page += [Note(self._fields_differ(p, lang), "warning") for p in c.pairs
                 if p.after.kind == "rank" and p.before.of != p.after.of]
        if any(p.before.derived_from or p.after.derived_from for p in c.pairs):
            page.append(Note("* " + i18n.word("derived_year", lang)))
        return page

    def _row(self, pair: FigurePair, delta: Delta, lang: Lang) -> tuple[Cell, ...]:
        figure = pair.after
        if delta.measure == "value":
            label = figure.label.get(lang)
        elif delta.measure == "part_percent":
            label = "  " + _part_label(figure, delta.part, lang)
        else:
            label = "  " + i18n.word(f"compare_{delta.measure}", lang)
        before_mark = "*" if pair.before.derived_from and delta.measure == "value" else ""
        after_mark = "*" if pair.after.derived_from and delta.measure == "value" else ""
        word = i18n.word(f"verdict_{delta.verdict}", lang) if delta.verdict else ""
        verdict = " ".join(p for p in (ARROWS[delta.direction], word) if p)
        return (label,
                self._amount_cell(pair.before, delta, delta.before, delta.approx_before,
                                  lang=lang, mark=before_mark),
                self._amount_cell(figure, delta, delta.after, delta.approx_after,
                                  lang=lang, mark=after_mark),
                self._change(delta, lang), Styled(verdict, VERDICT_STYLES[delta.verdict]))

    @classmethod
    def _amount_cell(cls, figure: Figure, delta: Delta, value: Decimal | None, approx: bool, *,
                     lang: Lang, mark: str) -> Cell:
        """An amount as a number cell (a dash where the year has none)."""
        if value is None:
            return "—"
        if delta.measure == "value":
            return figure_cell(figure, lang, value, mark)
        decimals = 0 if delta.unit != "percent" and figure.kind == "count" else places(value)
        return number_cell(cls._amount(figure, delta, value, approx, lang) + mark, value,
                           decimals, lang, qualifier="approx" if approx else "exact")

    @staticmethod
    def _amount(figure: Figure, delta: Delta, value: Decimal | None, approx: bool,
                lang: Lang) -> str:
        if value is None:
            return "—"
        if delta.measure == "value":
            return phrases.value_text(figure, lang, value)
        if delta.unit == "percent":
            return numfmt.percent(value, lang)
        text = phrases.amount(figure, value, lang, 0 if figure.kind == "count" else None)
        return numfmt.qualified(text, "approx" if approx else "exact")

    @staticmethod
    def _change(delta: Delta, lang: Lang) -> str:
        if delta.change is None:
            return ""
        sign = "+" if delta.change > 0 else ""
        if delta.unit == "percent":
            return i18n.word("change_points", lang,
                             change=f"{sign}{numfmt.number(delta.change, lang)}")
        text = f"{sign}{numfmt.number(delta.change, lang)}"
        if delta.relative is not None:
            rel_sign = "+" if delta.relative > 0 else ""
            text += f" ({rel_sign}{numfmt.percent(delta.relative, lang)})"
        approx = delta.approx_before or delta.approx_after
        return numfmt.qualified(text, "approx" if approx else "exact")

    @staticmethod
    def _mixed(c: Comparison, lang: Lang) -> str:
        first, second = c.before.period, c.after.period
        return i18n.word("mixed_periods", lang, first=i18n.period_label(first, lang),
                         first_kind=i18n.period_kind_name(first, lang),
                         second=i18n.period_label(second, lang),
                         second_kind=i18n.period_kind_name(second, lang))

    @staticmethod
    def _fields_differ(pair: FigurePair, lang: Lang) -> str:
        return i18n.word("fields_differ", lang, label=pair.after.label.get(lang),
                         before=pair.before.of, after=pair.after.of)

    @staticmethod
    def _only(figures: tuple[Figure, ...], year: str, lang: Lang) -> Page:
        if not figures:
            return []
        title = i18n.word("only_in_period", lang, period=year)
        rows = tuple((f.label.get(lang), figure_cell(f, lang, mark="*" if f.derived_from else ""))
                     for f in figures)
        return [Table(title, (Column(i18n.word("figure", lang)), Column(year, True)), rows)]

    @staticmethod
    def _disagreement(item: Disagreement, lang: Lang) -> str:
        change = item.figure.change
        assert change is not None
        return i18n.word("disagreement", lang, stated_in=item.stated_in,
                         label=item.figure.label.get(lang),
                         moved=phrases.change_words(change.direction, change.amount,
                                                    change.unit, lang),
                         other=item.other_year, implied=numfmt.number(item.implied, lang),
                         found=numfmt.number(item.found, lang))

    def _share_note(self, pair: FigurePair, lang: Lang) -> str:
        deltas = {d.measure: d for d in pair.deltas}
        value, share, whole = (deltas.get(k) for k in ("value", "share_percent", "whole"))
        if value is None or share is None or value.change is None or share.change is None:
            return ""
        if (value.change > 0) == (share.change > 0) or value.change == 0 or share.change == 0:
            return ""
        counts = [self._amount(pair.after, value, v, False, lang)
                  for v in (value.before, value.after)]
        pcts = [numfmt.percent(v, lang) for v in (share.before, share.after) if v is not None]
        wholes = [] if whole is None else [
            self._amount(pair.after, whole, whole.before, whole.approx_before, lang),
            self._amount(pair.after, whole, whole.after, whole.approx_after, lang)]
        rose = value.change > 0
        text = i18n.word("share_moved", lang, label=pair.after.label.get(lang),
                         count_way=i18n.word("rose" if rose else "fell", lang),
                         share_way=i18n.word("fell" if rose else "rose", lang),
                         counts=" → ".join(counts), shares=" → ".join(pcts))
        if not wholes:
            return text + i18n.word("full_stop", lang)
        return text + i18n.word("share_moved_whole", lang, before=wholes[0], after=wholes[1])


def _part_label(figure: Figure, part: str | None, lang: Lang) -> str:
    breakdown = figure.breakdown
    if breakdown is None:
        return part or ""
    labels = {p.id: p.label.get(lang) for p in breakdown.parts}
    if breakdown.rest is not None:
        labels[breakdown.rest.id] = breakdown.rest.label.get(lang)
    return labels.get(part or "", part or "")
