"""Earlier years implied by the changes a report states.

"14th of 63, up 5 places on 2022" says the 2022 rank was 19. Such figures are
added to the earlier year, marked as derived, whenever no report for that year
states the figure itself. A year that only exists by implication gets a report
of its own, made of implied figures.
"""

from __future__ import annotations

from cchc_cli.calc.changes import crosses_merger, previous_value
from cchc_cli.model import Figure, Report, Source
from cchc_cli.periods import year_period
from cchc_cli.record import Record


class Implied(Record):
    """A figure for an earlier year, and the report that implies it."""

    year: int
    figure: Figure
    source: Source | None


def implied_figure(figure: Figure, report: Report) -> Implied | None:
    """The earlier-year figure that ``figure``'s stated change implies, if any."""
    change = figure.change
    if change is None or crosses_merger(change, report.period.end):
        return None
    value = previous_value(figure.value, change)
    of = change.of or figure.of
    qualifier = "approx" if change.unit == "percent" else figure.qualifier
    implied = figure._replace(
        value=value,
        of=of,
        qualifier=qualifier,
        grade=None,
        components=(),
        share=None,
        breakdown=None,
        attainment=None,
        target=None,
        change=None,
        note=None,  # the later figure's note is about the later year
        derived_from=report.path,
    )
    return Implied(change.since, implied, report.source(figure.source))


def timeline(reports: list[Report]) -> list[Report]:
    """One province's reports in period order, with implied earlier-year figures added.

    Implied figures are for whole years: they join that year's report (a stated
    figure always wins over an implied one for the same id), or make a report of
    their own. Reports of parts of a year are kept as they are.
    """
    if not reports:
        return []
    by_year = {report.year: report for report in reports if report.period.is_year}
    implied_by_year: dict[int, list[Implied]] = {}
    for report in sorted(reports, key=lambda r: r.period.sort_key()):
        for figure in report.figures:
            found = implied_figure(figure, report)
            if found is not None:
                implied_by_year.setdefault(found.year, []).append(found)
    result = [r for r in reports if not r.period.is_year]
    for year in set(by_year) | set(implied_by_year):
        result.append(_merge(year, by_year.get(year), implied_by_year.get(year, []), reports[0]))
    return sorted(result, key=lambda r: r.period.sort_key())


def _merge(year: int, report: Report | None, implied: list[Implied], any_report: Report) -> Report:
    """``report`` (or an empty one) with the implied figures it does not state."""
    stated_ids = {f.id for f in report.figures} if report else set()
    extra = [item for item in implied if item.figure.id not in stated_ids]
    # the latest report's implication wins if two reports imply the same figure
    chosen: dict[str, Implied] = {}
    for item in extra:
        chosen[item.figure.id] = item
    figures = tuple(item.figure for item in chosen.values())
    sources = {s.id: s for s in (report.sources if report else ())}
    for item in chosen.values():
        if item.source is not None:
            sources.setdefault(item.source.id, item.source)
    if report is not None:
        return report._replace(figures=report.figures + figures,
                               sources=tuple(sources.values()))
    # a year known only by implication: its "file" is the report that implies it
    paths = sorted({item.figure.derived_from or "" for item in chosen.values()})
    return Report(any_report.province, year, tuple(sources.values()), any_report.indices,
                  any_report.headline._replace(
                      score=_if_present(any_report.headline.score, figures),
                      rank=_if_present(any_report.headline.rank, figures)),
                  figures, path=paths[-1], period=year_period(year))


def _if_present(figure_id: str | None, figures: tuple[Figure, ...]) -> str | None:
    return figure_id if any(f.id == figure_id for f in figures) else None



def implied_only(report: Report) -> bool:
    """Whether a year of the timeline has no report of its own, only implied figures."""
    return bool(report.figures) and all(f.derived_from for f in report.figures)
