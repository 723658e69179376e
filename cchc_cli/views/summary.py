"""``cchc summary``: a year at a glance, grouped by reform area."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_cli.views.records import TIDY_COLUMNS, envelope, figure_record, report_header, tidy_rows

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cchc_cli.calc.derive import FigureResult
    from cchc_cli.calc.national import Among
    from cchc_cli.model import Lang, Report
    from cchc_cli.views.page import Page, Styled, Table


class SummaryView:
    """The figures of one report with what each implies."""

    columns = TIDY_COLUMNS

    def __init__(self, report: Report, results: tuple[FigureResult, ...],
                 with_sources: bool = False, among: Sequence[Among] = ()) -> None:
        self.report = report
        self.results = results
        self.with_sources = with_sources
        self.among = among

    def _result(self, figure_id: str | None) -> FigureResult | None:
        return next((r for r in self.results if r.figure.id == figure_id), None)

    def document(self) -> dict[str, Any]:
        """The JSON document."""
        headline = self.report.headline
        return envelope(
            "summary",
            **report_header(self.report),
            headline={"score": headline.score, "rank": headline.rank},
            figures=[figure_record(result) for result in self.results],
            among_all_provinces=_among_records(self.among),
        )

    def rows(self) -> list[dict[str, Any]]:
        """Tidy rows, one per figure and measure."""
        return [row for result in self.results for row in tidy_rows(self.report, result)]

    def page(self, lang: Lang) -> Page:
        """Headline, then a table per reform area, then the sources."""
        from cchc_cli.model import AREAS
        from cchc_cli.views.page import Note, Pairs
        from cchc_cli.views.titles import report_title, source_line

        page: Page = [Pairs(report_title(self.report, lang), self._headline(lang))]
        for area in AREAS:
            results = [r for r in self.results if r.figure.area == area]
            if results:
                page.append(self._area_table(area, results, lang))
        from cchc_cli.views.charts import summary_charts

        page += summary_charts(self.results, self.report.year, lang, self.report.indices)
        if self.among:
            from cchc_cli.views.national_pages import among_block, field_chart

            page += [among_block(a, lang) for a in self.among]
            page += [field_chart(a, lang) for a in self.among]
        if self.report.province.note is not None:
            page.append(Note(self.report.province.note.get(lang)))
        page += [Note(source_line(source, lang), role="source") for source in self.report.sources
                 if any(r.figure.source == source.id for r in self.results)]
        return page

    def sheets(self, lang: Lang) -> Page:
        """For a workbook: every number of the figures in a cell of its own."""
        from cchc_cli.views.measures import measures_table

        return [measures_table(self.results, lang)]

    def _headline(self, lang: Lang) -> tuple[tuple[str, Styled | str], ...]:
        from cchc_cli import i18n
        from cchc_cli.views import phrases
        from cchc_cli.views.page import Styled

        items: list[tuple[str, Styled | str]] = []
        for figure_id in (self.report.headline.score, self.report.headline.rank):
            result = self._result(figure_id)
            if result is None:
                continue
            figure = result.figure
            implied = "; ".join(phrases.implications(result, lang))
            value = phrases.value_text(figure, lang)
            cell = f"{value} — {implied}" if implied else value
            key = "score" if figure.kind == "score" else "rank"
            items.append((i18n.word(key, lang), Styled(cell, "strong")))
        return tuple(items)

    def _area_table(self, area: str, results: list[FigureResult], lang: Lang) -> Table:
        from cchc_cli import i18n
        from cchc_cli.views import phrases
        from cchc_cli.views.cells import figure_cell
        from cchc_cli.views.page import Cell, Column, Styled, Table

        columns = [Column(i18n.word("figure", lang)), Column(i18n.word("value", lang), True),
                   Column(i18n.word("implies", lang))]
        if self.with_sources:
            columns.append(Column(i18n.word("excerpt", lang)))
        rows = []
        for result in results:
            figure = result.figure
            implied = phrases.implications(result, lang)
            if figure.derived_from:
                implied.insert(0, i18n.word("derived_year", lang))
            row: list[Cell] = [figure.label.get(lang), figure_cell(figure, lang),
                               "; ".join(implied)]
            if self.with_sources:
                row.append(Styled(f"“{figure.excerpt}” [{figure.source}]", "muted"))
            rows.append(tuple(row))
        return Table(i18n.area_name(area, lang), tuple(columns), tuple(rows))


def _among_records(among: Sequence[Among]) -> list[dict[str, Any]]:
    if not among:
        return []
    from cchc_cli.views.national import among_record

    return [among_record(a) for a in among]
