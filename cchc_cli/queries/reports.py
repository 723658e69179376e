"""What ``summary``, ``show``, ``compare``, ``trend``, ``rank`` and ``years`` ask of the reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from cchc_cli.periods import Period
from cchc_cli.queries.choice import DataChoice
from cchc_cli.queries.select import (
    load_catalog,
    select_figure,
    select_members,
    select_period,
    select_province,
    select_provinces,
    select_report,
    unknown_figure,
)

if TYPE_CHECKING:
    from cchc_cli.model import Report
    from cchc_cli.views.compare import CompareView
    from cchc_cli.views.series import RankView, TrendView, YearsView
    from cchc_cli.views.show import ShowView
    from cchc_cli.views.summary import SummaryView


def summary(choice: DataChoice, sources: bool) -> SummaryView:
    """The report asked for, derived, with where the province stands among all provinces."""
    from cchc_cli.calc.derive import derive_report
    from cchc_cli.calc.national import among
    from cchc_cli.queries.tables import covering
    from cchc_cli.views.summary import SummaryView

    _, report = select_report(choice)
    standings = [found for table in covering(report.province.id, report.period)
                 if (found := among(table, report.province.id)) is not None]
    return SummaryView(report, derive_report(report), with_sources=sources, among=standings)


def errors_in(report: Report) -> int:
    """How many arithmetic errors the audit finds in ``report`` on its own."""
    from cchc_cli.calc.audit import audit_report

    return sum(1 for finding in audit_report(report) if finding.severity == "error")


def show(choice: DataChoice, query: str) -> ShowView:
    """One figure of the report asked for, with what it implies."""
    from cchc_cli.calc.derive import FigureResult, derive
    from cchc_cli.views.show import ShowView

    catalog, report = select_report(choice)
    figure_id = select_figure(catalog, query)
    figure = report.figure(figure_id)
    if figure is None:
        years = [r.year for r in catalog.timeline(report.province) if r.figure(figure_id)]
        if years:
            raise click.UsageError(f"no figure '{figure_id}' in {report.province.id} "
                                   f"{report.year}; it is in {', '.join(map(str, years))}: "
                                   f"add --year {years[-1]}")
        raise unknown_figure(figure_id, catalog)
    return ShowView(report, FigureResult(figure, derive(figure, report)))


def compare(choice: DataChoice, before: Period, after: Period, mixed: bool) -> CompareView:
    """Two periods of one province's reports, figure by figure."""
    from cchc_cli.calc.compare import compare as compare_periods
    from cchc_cli.views.compare import CompareView

    if before.full_key == after.full_key:
        raise click.UsageError(f"give two different periods to compare, not {before.key} twice")
    catalog = load_catalog(choice.data)
    province = select_province(catalog, choice.province)
    first = select_period(catalog, province, None, before)
    second = select_period(catalog, province, None, after)
    if not first.period.comparable_with(second.period) and not mixed:
        raise click.UsageError(_mixed_message(first.period, second.period))
    return CompareView(compare_periods(first, second))


def _mixed_message(before: Period, after: Period) -> str:
    from cchc_cli.i18n import period_kind_name

    return (f"{before.full_key} is {period_kind_name(before, 'en')} and {after.full_key} is "
            f"{period_kind_name(after, 'en')}: their figures are not alike; compare periods of "
            "one kind, or add --mixed-periods to compare them all the same")


def trend(choice: DataChoice, query: str, every: str | None, mixed: bool) -> TrendView:
    """One figure across the periods of a province and of its former parts."""
    from cchc_cli.calc.series import lineage_trend, period_kinds
    from cchc_cli.views.series import TrendView

    catalog = load_catalog(choice.data)
    province, members = select_members(catalog, choice.province)
    figure_id = select_figure(catalog, query)
    points = lineage_trend([(m, catalog.timeline(m)) for m in members], figure_id)
    if not points:
        raise unknown_figure(figure_id, catalog)
    if every is not None:
        points = [p for p in points if p.period.kind == every]
        if not points:
            raise click.UsageError(f"{figure_id} has no {every} periods for {province.id}")
    kinds = period_kinds(points)
    if len(kinds) > 1 and not mixed:
        raise click.UsageError(f"{figure_id} of {province.id} is given for periods of several "
                               f"kinds ({', '.join(kinds)}); choose one with --every "
                               f"{kinds[0]}, or add --mixed-periods to show them together")
    return TrendView(province, figure_id, points)


def rank(choice: DataChoice, figure_id: str) -> RankView:
    """Every province ranked by one figure of the reports of a period."""
    from cchc_cli.calc.series import ranking
    from cchc_cli.views.series import RankView

    # a year is ranked on its own reports and the next year's (for implied figures)
    asked = choice.asked()
    catalog = load_catalog(choice.data, None if asked is None else {asked.year, asked.year + 1})
    provinces = select_provinces(catalog, choice.province)
    period = asked or catalog.latest_period()
    label = next((f.label for r in catalog.reports for f in r.figures if f.id == figure_id), None)
    if label is None:
        raise unknown_figure(figure_id, catalog)
    placings = ranking([(p, catalog.timeline(p)) for p in provinces], figure_id, period)
    return RankView(figure_id, period, placings, label)


def years(choice: DataChoice) -> YearsView:
    """The provinces and periods of the data; a merged province lists its former parts."""
    from cchc_cli.provinces import registry
    from cchc_cli.views.series import YearsView

    catalog = load_catalog(choice.data)
    provinces = (select_members(catalog, choice.province)[1] if choice.province is not None
                 else select_provinces(catalog, None))
    known = registry()
    successors = {p.id: s for p in provinces if (s := known.successor(p.id)) is not None}
    return YearsView([(p, catalog.timeline(p)) for p in provinces], successors)

