"""``cchc show ID``: one figure in full, with its arithmetic and its source."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from cchc_cli import i18n
from cchc_cli.calc.derive import Derived, FigureResult
from cchc_cli.model import Figure, Lang, Report
from cchc_cli.views import phrases
from cchc_cli.views.cells import derived_cell, figure_cell
from cchc_cli.views.page import Cell, Column, Page, Pairs, Styled, Table
from cchc_cli.views.records import (
    TIDY_COLUMNS,
    envelope,
    figure_record,
    report_header,
    source_record,
    tidy_rows,
)
from cchc_cli.views.titles import report_title


def derived_name(item: Derived, figure: Figure, lang: Lang) -> str:
    """A derived value's name, with its part and year where it has them."""
    if item.key == "places_gained":
        return i18n.word("derived_places_gained", lang, year=item.year)
    name = i18n.word(f"derived_{item.key}", lang)
    if item.part and figure.breakdown is not None:
        labels = {p.id: p.label.get(lang) for p in figure.breakdown.parts}
        if figure.breakdown.rest is not None:
            labels[figure.breakdown.rest.id] = figure.breakdown.rest.label.get(lang)
        parts = " + ".join(labels.get(part, part) for part in item.part.split("+"))
        name = i18n.word("with_part", lang, name=name, parts=parts)
    if item.year is not None:
        name = i18n.word("with_year", lang, name=name, year=item.year)
    return name


def derived_value(item: Derived, figure: Figure, lang: Lang) -> Cell:
    """A derived value as a table cell."""
    if isinstance(item.value, bool):
        word = i18n.word("agrees" if item.value else "disagrees", lang)
        return Styled(word, "good" if item.value else "bad")
    if isinstance(item.value, str):
        return phrases.grade_name(item, lang)
    if item.key == "places_gained":  # "giảm 19 bậc", as a report writes it
        way = "up" if item.value > 0 else "down" if item.value < 0 else "same"
        if way == "same":
            return i18n.word("same", lang)
        return phrases.change_words(way, abs(item.value), "places", lang)
    return derived_cell(item, figure, lang)


class ShowView:
    """A figure, everything derived from it, and where it comes from."""

    columns = TIDY_COLUMNS

    def __init__(self, report: Report, result: FigureResult) -> None:
        self.report = report
        self.result = result

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        source = self.report.source(self.result.figure.source)
        return envelope("show", **report_header(self.report),
                        figure=figure_record(self.result),
                        source=source_record(source) if source else None)

    def rows(self) -> list[dict[str, Any]]:
        """Tidy rows for this figure."""
        return tidy_rows(self.report, self.result)

    def page(self, lang: Lang) -> Page:
        """The figure, its derived values with arithmetic, and its provenance."""
        figure = self.result.figure
        page: Page = [Pairs(f"{figure.label.get(lang)} — {report_title(self.report, lang)}",
                            self._facts(lang))]
        if self.result.derived:
            rows = tuple(
                (derived_name(item, figure, lang), derived_value(item, figure, lang),
                 phrases.formula_text(item, lang))
                for item in self.result.derived
            )
            page.append(Table(i18n.word("derived", lang),
                              (Column(i18n.word("measure", lang)),
                               Column(i18n.word("value", lang), True),
                               Column(i18n.word("arithmetic", lang))), rows))
        page.append(Pairs(i18n.word("source", lang), self._provenance(lang)))
        return page

    def _facts(self, lang: Lang) -> tuple[tuple[str, Cell], ...]:
        figure = self.result.figure
        facts: list[tuple[str, Cell]] = [
            (i18n.word("id", lang), figure.id),
            (i18n.word("area", lang), i18n.area_name(figure.area, lang)),
            (i18n.word("kind", lang), i18n.KIND_NAMES[figure.kind].get(lang)),
            (i18n.word("value", lang), figure_cell(figure, lang, style="strong")),
            (i18n.word("qualifier", lang), i18n.QUALIFIER_NAMES[figure.qualifier].get(lang)),
        ]
        implied = phrases.implications(self.result, lang)
        if implied:
            facts.append((i18n.word("implies", lang), "; ".join(implied)))
        if figure.derived_from:
            facts.append((i18n.word("note", lang),
                          f"{i18n.word('derived_year', lang)}: "
                          f"{PurePath(figure.derived_from).name}"))
        return tuple(facts)

    def _provenance(self, lang: Lang) -> tuple[tuple[str, Cell], ...]:
        figure = self.result.figure
        source = self.report.source(figure.source)
        items: list[tuple[str, Cell]] = []
        if source is not None:
            where = f" — {source.url}" if source.url else ""
            when = i18n.date_text(source.date, lang)
            items.append((source.id, f"{source.publisher}, {when}, “{source.title}”{where}"))
        items.append((i18n.word("excerpt", lang), Styled(f"“{figure.excerpt}”", "strong")))
        if figure.note:
            items.append((i18n.word("note", lang), figure.note.get(lang)))
        return tuple(items)
