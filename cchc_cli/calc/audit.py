"""Audit the arithmetic a report implies, and what reports say about each other.

Each check returns ``Finding`` values: a severity, the figure, a code naming
the check, and the numbers involved, so a view can write the arithmetic out
in either language. Published reports do contain inconsistencies; a finding
never stops the audit.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from cchc_cli.calc import grades, shares
from cchc_cli.calc.changes import crosses_merger, previous_value, stated_change_agrees
from cchc_cli.calc.precision import ONE_HUNDRED, divide, half_step, places, round_half_up
from cchc_cli.calc.ranks import in_field
from cchc_cli.calc.years import implied_figure
from cchc_cli.model import Component, Figure, Report
from cchc_cli.national import NationalTable
from cchc_cli.periods import Period
from cchc_cli.record import Record

if TYPE_CHECKING:
    from cchc_cli.calc.national import CrossCheck

Numbers = dict[str, Decimal | int | str | tuple[Decimal, ...]]


class Finding(Record):
    """One thing the audit found."""

    severity: str
    """``error`` or ``warning``."""
    code: str
    province: str
    year: int
    figure_id: str
    numbers: Numbers
    """The numbers the arithmetic is made of, by name (see the view's templates)."""
    excerpt: str
    source: str
    period: str = ""
    """The report's period (``2024``, ``2024-07``, ``2026-ytd@2026-10-10``)."""


def _finding(severity: str, code: str, report: Report, figure: Figure,
             **numbers: Decimal | int | str | tuple[Decimal, ...]) -> Finding:
    if figure.as_printed:  # the data says the source itself does not add up
        severity = "warning"
    return Finding(severity, code, report.province.id, report.year, figure.id, numbers,
                   figure.excerpt, figure.source, report.period.full_key)


def _slack(percents: list[Decimal]) -> Decimal:
    """How far a sum of rounded numbers may stray from the true sum."""
    return sum((half_step(places(p)) for p in percents), Decimal(0)).normalize()


def check_breakdown(report: Report, figure: Figure) -> list[Finding]:
    """Parts that add up to more than 100%, beyond what rounding explains."""
    if figure.breakdown is None:
        return []
    percents = [p.percent for p in figure.breakdown.parts if p.percent is not None]
    total = sum(percents, Decimal(0))
    slack = _slack(percents)
    if total > ONE_HUNDRED + slack:
        return [_finding("error", "breakdown_over_100", report, figure, total=total,
                         parts=tuple(percents), slack=slack)]
    return []


def check_share(report: Report, figure: Figure) -> list[Finding]:
    """A count and share no whole number can give; a part larger than its stated whole."""
    share = figure.share
    if share is None:
        return []
    whole = report.figure(share.whole_figure) if share.whole_figure else None
    if whole is not None and figure.value > whole.value:
        return [_finding("error", "part_exceeds_whole", report, figure, part=figure.value,
                         whole=whole.value, whole_id=whole.id)]
    whole_value = whole.value if whole is not None else share.out_of
    if whole_value is not None:
        if not share.percent_stated or not whole_value:
            return []  # a share cchc worked out itself agrees by construction
        computed = divide(figure.value * ONE_HUNDRED, whole_value)
        if round_half_up(computed, places(share.percent)) != share.percent:
            return [_finding("error", "share_mismatch", report, figure, part=figure.value,
                             whole=whole_value, computed=round_half_up(computed, 2),
                             percent=share.percent)]
        return []
    if figure.kind == "count" and figure.qualifier == "exact" and \
            shares.whole_number_range(int(figure.value), share.percent) is None:
        return [_finding("error", "share_impossible", report, figure, part=figure.value,
                         percent=share.percent)]
    return []


def check_grade(report: Report, figure: Figure) -> list[Finding]:
    """A reported grade that is not the grade of the band the score falls in."""
    index = report.get_index(figure.index_id)
    if figure.kind != "score" or figure.grade is None or index is None:
        return []
    result = grades.check_grade(figure.value, figure.grade, index.bands)
    if result.band is None:
        return [_finding("error", "score_outside_bands", report, figure, score=figure.value)]
    if figure.grade not in {band.grade for band in index.bands}:
        band = result.band
        return [_finding("warning", "grade_not_a_band", report, figure, score=figure.value,
                         grade=figure.grade, band=band.grade,
                         grades=", ".join(b.grade for b in index.bands))]
    if result.agrees is False:
        band = result.band
        return [_finding("error", "grade_disagrees", report, figure, score=figure.value,
                         grade=figure.grade, band=band.grade,
                         low=band.min if band.min is not None else "",
                         below=band.below if band.below is not None else "")]
    return []


def check_components(report: Report, figure: Figure) -> list[Finding]:
    """Component scores whose sum differs from the stated total by more than rounding.

    Where only some of the index's components are given, their sum is not the
    total: the finding is only that the missing ones, each at its maximum,
    could not make up the difference (or that the given ones already pass it).
    """
    if not figure.components:
        return []
    scores = [score for _, score in figure.components]
    total = sum(scores, Decimal(0))
    slack = _slack([*scores, figure.value])
    missing = missing_components(report, figure)
    if not missing:
        if abs(total - figure.value) > slack:
            return [_finding("warning", "components_sum", report, figure, total=figure.value,
                             sum=total, difference=total - figure.value, parts=tuple(scores))]
        return []
    room = sum((component.max for component in missing), Decimal(0))
    names = ", ".join(f"{c.code} (max {c.max})" for c in missing)
    if total - figure.value > slack:
        return [_finding("warning", "components_exceed_total", report, figure,
                         total=figure.value, sum=total, given=len(scores))]
    if figure.value - total > room + slack:
        return [_finding("warning", "components_short", report, figure, total=figure.value,
                         sum=total, missing=names, room=room, most=total + room)]
    return []


def provinces_on(day: date) -> int | None:
    """The number of provinces on ``day`` (None before the registry's first day)."""
    from cchc_cli.provinces import registry

    try:
        return registry().field_size(day)
    except ValueError:
        return None


def missing_components(report: Report, figure: Figure) -> list[Component]:
    """The index's components that ``figure`` does not give (none when it gives all)."""
    index = report.get_index(figure.index_id)
    if index is None or not figure.components:
        return []
    given = {code for code, _ in figure.components}
    return [component for component in index.components if component.code not in given]


def check_rank(report: Report, figure: Figure) -> list[Finding]:
    """A rank outside its field, or an earlier rank implied outside its own field; a
    stated field that is not the number of provinces of the time."""
    if figure.kind != "rank" or figure.of is None:
        return []
    if not in_field(int(figure.value), figure.of):
        return [_finding("error", "rank_outside_field", report, figure, rank=figure.value,
                         of=figure.of)]
    if figure.change is not None and crosses_merger(figure.change, report.period.end):
        return [_finding("warning", "change_across_merger", report, figure,
                         amount=figure.change.amount, since=figure.change.since,
                         of=figure.of)]
    provinces = provinces_on(report.period.end)
    if figure.of_stated and provinces is not None and figure.of != provinces:
        return [_finding("warning", "field_not_the_country", report, figure,
                         of=figure.of, provinces=provinces, day=report.period.end.isoformat())]
    implied = implied_figure(figure, report)
    if implied is not None and implied.figure.of is not None and \
            not in_field(int(implied.figure.value), implied.figure.of):
        return [_finding("error", "previous_rank_outside_field", report, figure,
                         rank=figure.value, previous=implied.figure.value,
                         of=implied.figure.of, year_before=implied.year)]
    return []


def check_attainment(report: Report, figure: Figure) -> list[Finding]:
    """An attainment that disagrees with the stated plan and actual."""
    attainment = figure.attainment
    if attainment is None or attainment.plan is None or attainment.plan == 0:
        return []
    computed = divide(figure.value * ONE_HUNDRED, attainment.plan)
    if round_half_up(computed, places(attainment.percent)) != attainment.percent:
        return [_finding("error", "attainment_mismatch", report, figure, actual=figure.value,
                         plan=attainment.plan, computed=round_half_up(computed, 2),
                         percent=attainment.percent)]
    return []


FIGURE_CHECKS = (check_breakdown, check_share, check_grade, check_components, check_rank,
                 check_attainment)


def audit_report(report: Report) -> list[Finding]:
    """Every check on every stated figure of one report, and of its province's dates."""
    return check_province_dates(report) + [
        finding for figure in report.figures if figure.derived_from is None
        for check in FIGURE_CHECKS for finding in check(report, figure)]


def check_province_dates(report: Report) -> list[Finding]:
    """A report for a province in a period when it did not exist (Hà Giang in 2026,
    the new Tuyên Quang in 2024): the registry names the unit of that time."""
    from cchc_cli.provinces import registry

    known = registry()
    entry = known.get(report.province.id)
    period = report.period
    if entry is None or (entry.valid_on(period.start) and entry.valid_on(period.end)):
        return []
    day = period.end if not entry.valid_on(period.end) else period.start
    instead = [e for e in known.on(day) if e.id == entry.successor or e.id in entry.parts]
    return [Finding("warning", "province_not_in_period", report.province.id, report.year, "",
                    {"province": entry.name.vi, "day": day.isoformat(),
                     "instead": ", ".join(f"{e.name.vi} ({e.id})" for e in instead) or "—"},
                    "", "", period.full_key)]


def audit_years(reports: list[Report]) -> list[Finding]:
    """Stated changes against the other year's own figure, and figures given twice.

    ``reports`` are one province's stated reports. A change is stated against
    a year, so only whole-year reports are held against each other: a month's
    change since last year is not checked against last year's annual figure.
    """
    years = [report for report in reports if report.period.is_year]
    by_year = {report.year: report for report in years}
    findings: list[Finding] = []
    given: dict[tuple[int, str], tuple[Report, Figure, Decimal]] = {}
    for report in sorted(years, key=lambda r: r.year):
        for figure in report.figures:
            change = figure.change
            if change is None:
                continue
            implied = previous_value(figure.value, change)
            earlier = by_year.get(change.since)
            stated = earlier.figure(figure.id) if earlier else None
            if stated is not None and not stated_change_agrees(stated.value, figure.value, change):
                findings.append(_finding(
                    "error", "change_disagrees", report, figure, value=figure.value,
                    direction=change.direction, amount=change.amount, unit=change.unit,
                    since=change.since, implied=implied, stated=stated.value))
            key = (change.since, figure.id)
            first = given.get(key)
            if first is not None and first[2] != implied:
                findings.append(_finding(
                    "error", "given_twice", report, figure, year_before=change.since,
                    first=first[2], first_year=first[0].year, second=implied))
            given.setdefault(key, (report, figure, implied))
    return findings


def audit(reports: list[Report], period: Period | None = None
          ) -> tuple[list[Finding], list[Report]]:
    """One province's audit: every report (or ``period``'s) and every pair of years.

    Returns the findings and the reports checked; a finding about a pair of
    years is kept when either year is the one asked for.
    """
    chosen = [r for r in reports if period is None or period.names(r.period)]
    findings = [finding for report in chosen for finding in audit_report(report)]
    if period is None or period.is_year:
        year = None if period is None else period.year
        findings += [f for f in audit_years(reports)
                     if year is None or year in (f.year, f.numbers.get("since"))]
    return findings, chosen



def against_tables(report: Report, tables: list[NationalTable]
                   ) -> tuple[list[CrossCheck], list[Finding]]:
    """The report's stated index scores and ranks against the national tables.

    Returns every cross-check, and a finding naming both sources for each
    that disagrees beyond the report's printed precision.
    """
    from cchc_cli.calc.national import cross_check

    checks: list[CrossCheck] = []
    findings: list[Finding] = []
    for table in tables:
        stated = [f for f in report.figures if f.index_id == table.index.id
                  and f.derived_from is None and f.kind in ("score", "rank")]
        found = cross_check([(f.id, f.kind, f.value, f.of) for f in stated], table,
                            report.province.id)
        checks += found
        for check in found:
            if not check.agrees:
                figure = next(f for f in stated if f.id == check.figure_id)
                source = report.source(figure.source)
                publisher = source.publisher if source else figure.source
                findings.append(_finding(
                    "error", "table_disagrees", report, figure, stated=check.stated,
                    table_value=check.table_value, rounded=check.rounded,
                    report_source=f"{report.path} ({publisher})",
                    table_source=f"{table.path} ({table.source.publisher})"))
    return checks, findings
