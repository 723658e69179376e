"""``cchc compare Y1 Y2``: two years side by side."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cchc_cli import i18n, numfmt
from cchc_cli.calc.compare import Comparison, Delta, Disagreement, FigurePair, Note
from cchc_cli.calc.precision import places
from cchc_cli.model import Figure, Lang
from cchc_cli.views import phrases
from cchc_cli.views.cells import figure_cell, number_cell
from cchc_cli.views.page import Cell, Column, Page, Styled, Table
from cchc_cli.views.page import Note as PageNote
from cchc_cli.views.records import envelope, num, period_column, period_record, province_ref

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
        "relative_change": num(delta.relative), "places_gained": delta.places_gained,
        "points_change": num(delta.change) if delta.unit == "percent" else None,
        "unit": delta.unit, "direction": delta.direction or None,
        "verdict": delta.verdict or None,
        "before_qualifier": delta.qualifier_before, "after_qualifier": delta.qualifier_after,
        "change_qualifier": delta.change_qualifier,
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
               "relative_change", "places_gained", "unit", "direction", "verdict",
               "before_qualifier", "after_qualifier", "change_qualifier", "before_basis",
               "after_basis", "note_codes", "notes")

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        c = self.comparison
        return envelope(
            "compare",
            province=province_ref(c.after.province.id, c.after.province.name),
            year_before=c.before.year, year_after=c.after.year,
            period_before=period_record(c.before.period),
            period_after=period_record(c.after.period),
            periods_alike=c.periods_alike,
            figures=[{"id": p.after.id, "kind": p.after.kind,
                      "label": {"vi": p.after.label.vi, "en": p.after.label.en},
                      "before_basis": _basis(p.before), "after_basis": _basis(p.after),
                      "comparable": p.comparable,
                      "measures": [delta_record(d) for d in p.deltas]} for p in c.pairs],
            only_before=[{"id": f.id, "value": num(f.value), "qualifier": f.qualifier,
                          "basis": _basis(f)} for f in c.only_before],
            only_after=[{"id": f.id, "value": num(f.value), "qualifier": f.qualifier,
                         "basis": _basis(f)} for f in c.only_after],
            disagreements=[disagreement_record(d) for d in c.disagreements],
            notes=[self.note_record(note) for note in c.notes],
        )

    def note_record(self, note: Note) -> dict[str, Any]:
        """A note as ``{code, id, message, numbers}``: numbers raw, the message in English."""
        return {"code": note.code, "id": note.figure_id, "message": self.note_text(note, "en"),
                "numbers": {k: num(v) if isinstance(v, Decimal) else v
                            for k, v in note.numbers.items()}}

    def note_text(self, note: Note, lang: Lang) -> str:
        """A note in words."""
        c = self.comparison
        if note.code == "periods_unlike":
            return self._mixed(c, lang)
        if note.code == "later_first":
            return i18n.word("later_first", lang,
                             first=i18n.period_label(c.before.period, lang),
                             second=i18n.period_label(c.after.period, lang))
        pair = next(p for p in c.pairs if p.after.id == note.figure_id)
        if note.code == "fields_differ":
            return self._fields_differ(pair, lang)
        if note.code == "not_comparable":
            return self._not_comparable(pair, note, lang)
        return self._share_note(pair, note, lang)

    def _row_notes(self, figure_id: str | None) -> dict[str, str | None]:
        """The CSV's note columns for a row: the codes and English messages that apply."""
        notes = [n for n in self.comparison.notes if n.figure_id in (None, figure_id)]
        return {"note_codes": " ".join(n.code for n in notes) or None,
                "notes": " | ".join(self.note_text(n, "en") for n in notes) or None}

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
                             "after_basis": _basis(pair.after), **self._row_notes(pair.after.id)})
        for figure, side in [(f, "before") for f in c.only_before] + \
                [(f, "after") for f in c.only_after]:
            rows.append({"province": c.after.province.id, "year_before": c.before.year,
                         "year_after": c.after.year, **when, "id": figure.id, "measure": "value",
                         side: num(figure.value), "unit": figure.kind,
                         f"{side}_qualifier": figure.qualifier,
                         f"{side}_basis": _basis(figure), **self._row_notes(figure.id)})
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
        notes = {code: [n for n in c.notes if n.code == code] for code in NOTE_STYLES}
        page += [PageNote(self.note_text(n, lang), "warning") for n in notes["periods_unlike"]]
        page += self._only(c.only_before, before, lang) + self._only(c.only_after, after, lang)
        page += [PageNote(self._disagreement(d, lang), "warning") for d in c.disagreements]
        page += [PageNote(self.note_text(n, lang), style) for code, style in NOTE_STYLES.items()
                 if code != "periods_unlike" for n in notes[code]]
        if any(p.before.derived_from or p.after.derived_from for p in c.pairs):
            page.append(PageNote("* " + i18n.word("derived_year", lang)))
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
                self._amount_cell(pair.before, delta, delta.before, delta.qualifier_before,
                                  lang=lang, mark=before_mark),
                self._amount_cell(figure, delta, delta.after, delta.qualifier_after,
                                  lang=lang, mark=after_mark),
                self._change(delta, lang), Styled(verdict, VERDICT_STYLES[delta.verdict]))

    @classmethod
    def _amount_cell(cls, figure: Figure, delta: Delta, value: Decimal | None,
                     qualifier: str | None, *, lang: Lang, mark: str) -> Cell:
        """An amount as a number cell (a dash where the year has none)."""
        if value is None:
            return "—"
        if delta.measure == "value":
            return figure_cell(figure, lang, value, mark)
        decimals = 0 if delta.unit != "percent" and figure.kind == "count" else places(value)
        return number_cell(cls._amount(figure, delta, value, qualifier, lang) + mark, value,
                           decimals, lang, qualifier=qualifier or "exact")

    @staticmethod
    def _amount(figure: Figure, delta: Delta, value: Decimal | None, qualifier: str | None,
                lang: Lang) -> str:
        if value is None:
            return "—"
        if delta.measure == "value":
            return phrases.value_text(figure, lang, value)
        if delta.unit == "percent":
            return numfmt.qualified(numfmt.percent(value, lang), qualifier or "exact")
        text = phrases.amount(figure, value, lang, 0 if figure.kind == "count" else None)
        return numfmt.qualified(text, qualifier or "exact")

    @staticmethod
    def _change(delta: Delta, lang: Lang) -> str:
        qualifier = delta.change_qualifier or "exact"
        if delta.places_gained is not None:
            return numfmt.qualified(f"{delta.places_gained:+d}".replace("+0", "0"), qualifier)
        if delta.change is None:
            return ""
        sign = "+" if delta.change > 0 else ""
        if delta.unit == "percent":
            return numfmt.qualified(
                i18n.word("change_points", lang,
                          change=f"{sign}{numfmt.number(delta.change, lang)}"), qualifier)
        text = f"{sign}{numfmt.number(delta.change, lang)}"
        if delta.relative is not None:
            rel_sign = "+" if delta.relative > 0 else ""
            text += f" ({rel_sign}{numfmt.percent(delta.relative, lang)})"
        return numfmt.qualified(text, qualifier)

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
    def _not_comparable(pair: FigurePair, note: Note, lang: Lang) -> str:
        reason = note.numbers[{"vi": "reason_vi", "en": "reason"}[lang]]
        return i18n.word("not_comparable_note", lang, label=pair.after.label.get(lang),
                         period=note.numbers["period"], reason=reason)

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

    def _share_note(self, pair: FigurePair, note: Note, lang: Lang) -> str:
        deltas = {d.measure: d for d in pair.deltas}
        value, whole = deltas["value"], deltas.get("whole")
        n = note.numbers
        counts = [self._amount(pair.after, value, _decimal(n[f"count_{side}"]),
                               getattr(value, f"qualifier_{side}"), lang)
                  for side in ("before", "after")]
        pcts = [numfmt.percent(_decimal(n[f"share_{side}"]), lang) for side in ("before", "after")]
        wholes = [] if whole is None or n["whole_before"] is None else [
            self._amount(pair.after, whole, _decimal(n[f"whole_{side}"]),
                         str(n[f"whole_{side}_qualifier"]), lang) for side in ("before", "after")]
        rose = _decimal(n["count_after"]) > _decimal(n["count_before"])
        text = i18n.word("share_moved", lang, label=pair.after.label.get(lang),
                         count_way=i18n.word("rose" if rose else "fell", lang),
                         share_way=i18n.word("fell" if rose else "rose", lang),
                         counts=" → ".join(counts), shares=" → ".join(pcts))
        if not wholes:
            return text + i18n.word("full_stop", lang)
        return text + i18n.word("share_moved_whole", lang, before=wholes[0], after=wholes[1])


NOTE_STYLES = {"later_first": "warning", "periods_unlike": "warning", "not_comparable": "warning",
               "count_and_share_diverge": "muted", "fields_differ": "warning"}
"""How each note of the comparison is shown, in this order after the tables."""


def _decimal(value: object) -> Decimal:
    assert isinstance(value, Decimal)
    return value


def _part_label(figure: Figure, part: str | None, lang: Lang) -> str:
    breakdown = figure.breakdown
    if breakdown is None:
        return part or ""
    labels = {p.id: p.label.get(lang) for p in breakdown.parts}
    if breakdown.rest is not None:
        labels[breakdown.rest.id] = breakdown.rest.label.get(lang)
    return labels.get(part or "", part or "")
